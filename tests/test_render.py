"""The pure parts of the reader: spans to Content, orders, repeats, search and the analysis process."""

from __future__ import annotations

from textual.content import Content

from annotations.config import Config
from annotations.corpus.loading import load_text
from annotations.corpus.models import Analysis, Corpus, Duplicate
from tui.background import analyse_elsewhere
from tui.render import snippet, styled
from tui.search import find
from tui.view import ordered, pair_passages, repeats, summary

STYLES = {"shared": "bold", "match": "underline"}


def test_styled_keeps_markup_literal_and_styles_only_the_spans() -> None:
    text = "Said [bold]x[/] and [@click=app.quit]y[/] today"
    content = styled(text, [(5, 15, "shared"), (0, 4, "unknown")], STYLES)
    assert isinstance(content, Content)
    assert content.plain == text
    assert [(span.start, span.end, span.style) for span in content.spans] == [(5, 15, "bold")]


def test_styled_clips_spans_to_the_text() -> None:
    content = styled("short", [(-3, 2, "shared"), (3, 99, "match"), (4, 4, "shared")], STYLES)
    assert [(span.start, span.end) for span in content.spans] == [(0, 2), (3, 5)]


def test_snippet_keeps_the_match_offsets_inside_the_window() -> None:
    text = "word " * 50 + "NEEDLE" + " word" * 50
    start = text.index("NEEDLE")
    window, lo, hi = snippet(text, start, start + 6, width=40)
    assert window[lo:hi] == "NEEDLE"
    assert window.startswith("…") and window.endswith("…")
    assert len(window) <= 42


def corpus() -> Corpus:
    first = load_text("title: First\ndate: 2024-01-02\n\nOne.\n\nShared words here.", "001_a")
    second = load_text("title: Second\ndate: 2024-01-01\n\nTwo.\n\nShared words here.", "002_b")
    third = load_text("title: Third\n\nThree.\n\nThe end.", "003_c")
    return Corpus("test", (first, second, third))


def analysis() -> Analysis:
    return Analysis(
        duplicates={
            ("001_a", 1): (Duplicate("002_b", 1, 1.0, ((0, 18),)),),
            ("002_b", 1): (Duplicate("001_a", 1, 0.9, ((0, 18),)), Duplicate("003_c", 0, 0.2, ((0, 5),))),
        },
        novelty={"001_a": 0.5, "002_b": 0.2, "003_c": 1.0},
    )


def test_ordered_by_file_date_and_novelty() -> None:
    ids = {sort: [a.id for a in ordered(corpus(), analysis(), sort)] for sort in ("file", "date", "novelty")}
    assert ids == {
        "file": ["001_a", "002_b", "003_c"],
        "date": ["002_b", "001_a", "003_c"],
        "novelty": ["003_c", "001_a", "002_b"],
    }


def test_repeats_point_to_the_earliest_article_in_list_order() -> None:
    articles = corpus().articles
    found = repeats(articles, analysis())
    assert list(found) == [("002_b", 1)]
    assert (found[("002_b", 1)].article, found[("002_b", 1)].passage) == ("001_a", 1)
    reversed_found = repeats(list(reversed(articles)), analysis())
    assert list(reversed_found) == [("001_a", 1)]


def test_repeats_ignore_low_scores() -> None:
    weak = Analysis(duplicates={("002_b", 1): (Duplicate("001_a", 1, 0.5, ((0, 5),)),)})
    assert repeats(corpus().articles, weak) == {}


def test_summary_counts_boilerplate_and_tagged_passages() -> None:
    article = corpus().articles[0]
    facts = summary(article, analysis(), {("001_a", 0): ("quote",), ("001_a", 1): ()})
    assert (facts.passages, facts.novelty, facts.boilerplate, facts.tagged) == (2, 0.5, 0, 1)


def test_pair_passages_lists_what_one_article_shares_with_another() -> None:
    pairs = pair_passages(analysis(), "002_b", "001_a")
    assert [(key, duplicate.passage) for key, duplicate in pairs] == [(("002_b", 1), 1)]


def test_find_is_literal_and_case_insensitive() -> None:
    hits = find(corpus(), "SHARED words")
    assert [hit.key for hit in hits] == [("001_a", 1), ("002_b", 1)]
    assert hits[0].spans == ((0, 12),)
    assert find(corpus(), "[/]") == []
    assert find(corpus(), "   ") == []
    assert len(find(corpus(), "e", limit=2)) == 2


def test_the_analysis_process_returns_what_analyze_returns(seed_corpus: Corpus) -> None:
    from annotations.analysis import analyze

    stages: list[str] = []
    remote = analyse_elsewhere(seed_corpus, Config(), lambda stage, done: stages.append(stage), lambda: False)
    local = analyze(seed_corpus, Config())
    assert remote == local
    assert "receiving" in stages
