"""Copied text between passages: spans, both-sides listing, clusters, novelty, overlap, robustness."""

from __future__ import annotations

import random

import pytest

from annotations.analysis import analyze
from annotations.copies.coverage import union
from annotations.copies.fingerprint import ShingleIndex
from annotations.copies.overlap import AnalysisCancelled, find_overlaps
from annotations.corpus.loading import load_text
from annotations.corpus.models import Article, Boilerplate, Corpus, Duplicate

QUOTE = (
    "“Intense competition requires sustained diplomacy to ensure that competition does not veer "
    "into confrontation or conflict,” he said."
)
SHARED = (
    "Intense competition requires sustained diplomacy to ensure that competition does not veer "
    "into confrontation or conflict"
)


TOKYO = "Markets in Tokyo rose on Monday as exporters gained on a weaker yen and strong orders."
LONDON = "Blinken will head to London for the Ukraine Recovery Conference afterwards."
CALL = "In the call on Wednesday, {} told Blinken that Washington must stop interfering."
TALKS = "are expected to focus on military communication channels and trade"


def article(article_id: str, *passages: str) -> Article:
    return load_text("\n\n".join(passages), article_id)


def listed(duplicates: tuple[Duplicate, ...], article_id: str, index: int) -> Duplicate:
    return next(dup for dup in duplicates if (dup.article, dup.passage) == (article_id, index))


def highlighted(art: Article, index: int, dup: Duplicate) -> list[str]:
    text = art.passages[index].text
    return [text[start:end] for start, end in dup.spans]


def test_spans_cover_exactly_the_shared_words_on_both_sides() -> None:
    first = article("a", "Officials met on Friday. " + QUOTE)
    second = article("b", "Before leaving, Blinken said: \"" + SHARED + ".\" Then he left for Beijing.")
    found = find_overlaps([first, second]).duplicates
    assert highlighted(first, 0, listed(found[("a", 0)], "b", 0)) == [SHARED]
    assert highlighted(second, 0, listed(found[("b", 0)], "a", 0)) == [SHARED]


def test_a_pair_is_listed_on_both_sides_with_one_score() -> None:
    found = find_overlaps([article("a", "Intro text here.", QUOTE), article("b", QUOTE)]).duplicates
    there, back = listed(found[("a", 1)], "b", 0), listed(found[("b", 0)], "a", 1)
    assert there.score == back.score == 1.0
    assert ("a", 0) not in found


def test_score_is_the_covered_share_of_the_smaller_passage() -> None:
    padding = " ".join(f"word{number}" for number in range(60))
    found = find_overlaps([article("a", SHARED + ". " + padding), article("b", SHARED)]).duplicates
    assert listed(found[("b", 0)], "a", 0).score == 1.0
    long_side = find_overlaps([article("a", SHARED + " " + padding), article("b", SHARED + " " + padding)])
    assert listed(long_side.duplicates[("a", 0)], "b", 0).score == 1.0


def test_duplicates_are_sorted_by_score_best_first() -> None:
    whole = article("whole", SHARED)
    half = article("half", SHARED[:60] + " and then a different ending about trade and tariffs.")
    padded = article("padded", "Some other words come first in this one. " + SHARED)
    dups = find_overlaps([whole, half, padded]).duplicates[("whole", 0)]
    assert [dup.score for dup in dups] == sorted((dup.score for dup in dups), reverse=True)
    assert 0.0 < dups[-1].score <= 1.0


def test_a_swapped_word_inside_a_long_run_leaves_one_span() -> None:
    first, second = article("a", CALL.format("Qin")), article("b", CALL.format("Gang"))
    dup = listed(find_overlaps([first, second]).duplicates[("a", 0)], "b", 0)
    assert highlighted(first, 0, dup) == [CALL.format("Qin").rstrip(".")]


def test_a_cut_clause_is_left_out_of_the_highlight() -> None:
    first = article(
        "a",
        "The talks, which had been postponed twice since February because of the balloon incident, "
        f"{TALKS}.",
    )
    second = article("b", f"The talks {TALKS}.")
    dup = listed(find_overlaps([first, second]).duplicates[("a", 0)], "b", 0)
    assert highlighted(first, 0, dup) == [TALKS]


def test_clusters_group_one_quote_across_three_articles() -> None:
    articles = [
        article("a", "Alpha intro.", QUOTE),
        article("b", QUOTE),
        article("c", "x y z", QUOTE),
        article("d", TOKYO),
    ]
    overlaps = find_overlaps(articles)
    assert overlaps.clusters == ((("a", 1), ("b", 0), ("c", 1)),)
    assert {dup.article for dup in overlaps.duplicates[("a", 1)]} == {"b", "c"}


def test_novelty_is_zero_for_a_full_copy_and_one_for_unique_text() -> None:
    original = article("original", QUOTE, LONDON)
    copy = article("copy", QUOTE)
    unique = article("unique", TOKYO)
    novelty = find_overlaps([original, copy, unique]).novelty
    assert novelty["copy"] == pytest.approx(0.0, abs=0.15)
    assert novelty["unique"] == 1.0
    assert 0.2 < novelty["original"] < 0.8


def test_copies_in_page_leftovers_are_found_but_left_out_of_novelty() -> None:
    post = "We stand with the families of the victims and demand a full inquiry into the fire at Grenfell."
    first = article("a", "Officials met on Monday to discuss the plan for the coming winter.", post)
    second = article("b", f"The union wrote: {post} It was shared thousands of times.")
    embedded = {("a", 1): Boilerplate("social", "embedded post")}
    overlaps = find_overlaps([first, second], embedded)
    assert ("b", 0) in {(dup.article, dup.passage) for dup in overlaps.duplicates[("a", 1)]}
    assert overlaps.novelty["a"] == 1.0
    assert overlaps.novelty["b"] < 0.5
    assert ("a", "b") not in overlaps.overlap


def test_chrome_of_one_template_kind_on_both_sides_is_not_a_copy() -> None:
    menu = "Home News World Business Markets Technology Sport Culture Travel Weather Video Podcasts"
    first, second = article("a", QUOTE, menu), article("b", QUOTE, menu)
    navigation = Boilerplate("navigation", "a menu line")
    both = find_overlaps([first, second], {("a", 1): navigation, ("b", 1): navigation})
    assert ("a", 1) not in both.duplicates
    assert ("a", 0) in both.duplicates
    assert both.novelty["a"] == pytest.approx(0.0, abs=0.15)
    one_side = find_overlaps([first, second], {("a", 1): navigation})
    assert ("a", 1) in one_side.duplicates
    other_kinds = find_overlaps([first, second], {("a", 1): navigation, ("b", 1): Boilerplate("promo", "")})
    assert ("a", 1) in other_kinds.duplicates


def test_leftovers_asked_for_late_give_the_same_copies() -> None:
    menu = "Home News World Business Markets Technology Sport Culture Travel Weather Video Podcasts"
    first, second = article("a", QUOTE, menu), article("b", QUOTE, menu)
    labels = {("a", 1): Boilerplate("navigation", "a menu line"), ("b", 1): Boilerplate("navigation", "")}
    asked: list[int] = []

    def late() -> dict[tuple[str, int], Boilerplate]:
        asked.append(1)
        return labels

    assert find_overlaps([first, second], late) == find_overlaps([first, second], labels)
    assert asked == [1]


def test_overlap_is_the_share_of_the_first_article_found_in_the_second() -> None:
    short = article("short", QUOTE)
    long = article("long", QUOTE, TOKYO)
    overlap = find_overlaps([short, long]).overlap
    assert overlap[("short", "long")] == pytest.approx(1.0, abs=0.15)
    assert overlap[("long", "short")] < 0.7
    assert ("short", "short") not in overlap


def test_repeats_inside_one_article_are_found() -> None:
    found = find_overlaps([article("a", QUOTE, TOKYO, QUOTE)]).duplicates
    assert listed(found[("a", 0)], "a", 2).score == 1.0
    assert find_overlaps([article("a", QUOTE, "Filler.", QUOTE)]).novelty["a"] == 1.0


def test_empty_corpus_and_single_article() -> None:
    assert find_overlaps([]) == find_overlaps([]).__class__()
    alone = find_overlaps([article("a", QUOTE, "More text follows here.")])
    assert alone.duplicates == {} and alone.clusters == () and alone.novelty == {"a": 1.0}


@pytest.mark.parametrize(
    "text",
    [
        "中美关系遇到新的困难和挑战，责任是清楚的。" * 3,
        "مرحبا بالعالم هذا نص عربي للاختبار فقط وليس أكثر من ذلك مرحبا بالعالم",
        "İSTANBUL'DA ŞİDDETLİ YAĞMUR ﬁnally ǅ e\u0301e\u0301 \u200b\u200b \ufeff 🙂🙂",
        "[/] [@click=app.quit]x[/] \x1b]0;title\x07 \u202e reversed",
        "\u00ad\u200b \u00a0 ... -- — '' \"\" «» ’s 's",
        "",
    ],
)
def test_odd_text_does_not_crash(text: str) -> None:
    articles = [article("a", text, text or "x"), article("b", text or "y")]
    overlaps = find_overlaps(articles)
    for key, dups in overlaps.duplicates.items():
        passage = next(art for art in articles if art.id == key[0]).passages[key[1]]
        for dup in dups:
            assert all(0 <= start < end <= len(passage.text) for start, end in dup.spans)


def test_cancelling_stops_the_work() -> None:
    with pytest.raises(AnalysisCancelled):
        find_overlaps([article("a", QUOTE), article("b", QUOTE)], cancelled=lambda: True)


def test_progress_ends_at_one_and_never_goes_back() -> None:
    seen: list[float] = []
    articles = [article(str(number), QUOTE, f"Passage {number}.") for number in range(300)]
    find_overlaps(articles, progress=seen.append)
    assert len(seen) >= 2 and seen[-1] == 1.0
    assert seen == sorted(seen) and all(0.0 <= done <= 1.0 for done in seen)


def test_the_analysis_carries_the_seed_copies(seed_corpus: Corpus) -> None:
    analysis = analyze(seed_corpus)
    intense = [
        key for key, dups in analysis.duplicates.items()
        if any("Intense competition" in seed_corpus.article(key[0]).passages[key[1]].text[start:end]
               for dup in dups for start, end in dup.spans)
    ]
    assert {key[0][:3] for key in intense} == {"000", "001", "002"}
    assert analysis.novelty["004_2946bd023fe5b57f"] < analysis.novelty["002_519ce421c1688948"]


def gibberish(seed: int, count: int = 30) -> str:
    generator = random.Random(seed)
    letters = "abcdefghijklmnoprstuvwy"
    return " ".join("".join(generator.choices(letters, k=generator.randint(2, 9))) for _ in range(count))


def test_text_syndicated_verbatim_to_a_few_outlets_is_listed_by_each() -> None:
    articles = [article(f"outlet{number:02d}", gibberish(number) + ".", QUOTE) for number in range(20)]
    duplicates = find_overlaps(articles).duplicates
    assert all(len(duplicates[(f"outlet{number:02d}", 1)]) == 19 for number in range(20))


def test_text_syndicated_verbatim_to_many_outlets_forms_one_cluster_around_the_first() -> None:
    articles = [article(f"outlet{number:03d}", gibberish(number) + ".", QUOTE) for number in range(150)]
    overlaps = find_overlaps(articles)
    assert len(overlaps.duplicates[("outlet000", 1)]) == 149
    assert [(dup.article, dup.passage) for dup in overlaps.duplicates[("outlet042", 1)]] == [("outlet000", 1)]
    assert overlaps.clusters == (tuple((f"outlet{number:03d}", 1) for number in range(150)),)
    assert ("outlet000", 0) not in overlaps.duplicates
    assert 0.2 < overlaps.novelty["outlet042"] < 0.8


def test_near_copies_in_many_outlets_are_still_found() -> None:
    articles = [
        article(f"outlet{number:02d}", QUOTE.replace("sustained", f"sustained{number % 3 or ''}"))
        for number in range(40)
    ]
    assert all(len(dups) == 39 for dups in find_overlaps(articles).duplicates.values())


def test_a_wire_paragraph_lightly_edited_by_a_hundred_outlets_forms_one_cluster() -> None:
    words = QUOTE.split()
    articles = []
    for number in range(100):
        edited = list(words)
        edited[number % len(words)] = f"edit{number}"
        articles.append(article(f"outlet{number:03d}", gibberish(number) + ".", " ".join(edited)))
    overlaps = find_overlaps(articles)
    assert overlaps.clusters == (tuple((f"outlet{number:03d}", 1) for number in range(100)),)
    assert all(overlaps.duplicates[(f"outlet{number:03d}", 1)] for number in range(100))


def test_a_passage_of_one_word_repeated_thousands_of_times_is_handled() -> None:
    chant = " ".join(["ha"] * 5000)
    quoted = " ".join(['"ha ha ha ha"'] * 2000)
    overlaps = find_overlaps([article("a", chant, quoted), article("b", "oh " + chant, quoted + " oh")])
    assert listed(overlaps.duplicates[("a", 0)], "b", 0).score > 0.9
    assert listed(overlaps.duplicates[("a", 1)], "b", 1).score > 0.9


def test_union_joins_overlapping_and_touching_ranges() -> None:
    assert union([(10, 20), (0, 5), (5, 8), (15, 30), (40, 41)]) == [(0, 8), (10, 30), (40, 41)]


def test_the_array_candidates_are_the_pure_python_ones(seed_corpus: Corpus) -> None:
    texts = [passage.text for article in seed_corpus.articles for passage in article.passages]
    texts += [QUOTE, QUOTE.replace("sustained", "steady"), " ".join(["ha"] * 300), TOKYO]
    index = ShingleIndex(texts)
    pairs = index.candidates()
    assert len(pairs) > 10
    assert pairs.tolist() == index.candidates(pure=True).tolist()
