"""Passages: paragraphs with offsets, whatever the layout of the file."""

from __future__ import annotations

from annotations.corpus.loading import load_text
from annotations.corpus.models import Corpus
from annotations.corpus.segment import segment, sentences


def _texts(text: str) -> list[str]:
    return [passage.text for passage in segment(text)]


def test_seed_passages_are_exactly_their_non_empty_lines(seed_corpus: Corpus) -> None:
    assert len(seed_corpus.articles) == 5
    for article in seed_corpus.articles:
        expected = [line.strip() for line in article.text.split("\n") if line.strip()]
        if article.date:
            expected[0] = expected[0].split(article.date, 1)[1].strip()
        assert [passage.text for passage in article.passages] == expected


def test_offsets_point_into_the_article_text(seed_corpus: Corpus) -> None:
    for article in seed_corpus.articles:
        for number, passage in enumerate(article.passages):
            assert passage.index == number
            assert article.text[passage.start : passage.end] == passage.text


def test_blank_lines_separate_paragraphs() -> None:
    assert _texts("First para.\n\n\nSecond para.\n  \nThird.") == ["First para.", "Second para.", "Third."]


def test_one_paragraph_per_line_without_blank_lines() -> None:
    text = "A long first paragraph that is a sentence of its own.\nAnother one here, also complete.\nThird."
    assert len(segment(text)) == 3


def test_hard_wrapped_paragraphs_are_joined() -> None:
    words = ("Officials said the talks would continue next week in the capital, where both "
             "delegations are expected to meet again after a difficult first round of "
             "negotiations over trade, technology and security in the region. ") * 3
    lines, line = [], ""
    for word in words.split():
        if len(line) + len(word) + 1 > 72:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    wrapped = "\n".join(lines)
    text = f"{wrapped}\n\n{wrapped}\n"
    passages = segment(text)
    assert len(passages) == 2
    assert " ".join(passages[0].text.split()) == " ".join(words.split())
    assert text[passages[1].start : passages[1].end] == passages[1].text


def test_short_lines_in_one_block_stay_apart() -> None:
    text = "In Latin America, Lee finds growing influence of China\nView Comments\n"
    assert _texts(text) == ["In Latin America, Lee finds growing influence of China", "View Comments"]


def test_bulleted_lines_stay_apart() -> None:
    text = ("- the first point of the list goes on for a good while\n"
            "- the second point of the list goes on for a while too\n"
            "- the third point is here and also long enough to count\n")
    assert len(segment(text)) == 3


def test_crlf_text_segments_like_lf_text() -> None:
    article = load_text("One para.\r\n\r\nTwo para.\r\nThree.\r\n", "x")
    assert [passage.text for passage in article.passages] == ["One para.", "Two para.", "Three."]


def test_sentences_do_not_split_after_abbreviations() -> None:
    text = "U.S. officials met Mr. Wang on Jan. 5 in Beijing. Talks went well! Did they? Yes."
    found = [text[start:end] for start, end in sentences(text)]
    assert found == [
        "U.S. officials met Mr. Wang on Jan. 5 in Beijing.",
        "Talks went well!",
        "Did they?",
        "Yes.",
    ]


def test_blocks_already_cut_become_one_passage_each_with_offsets() -> None:
    from annotations.corpus.segment import join_blocks

    text, passages = join_blocks(["Headline here", "First paragraph.", "Share | Email"])
    assert [p.text for p in passages] == ["Headline here", "First paragraph.", "Share | Email"]
    assert all(text[p.start : p.end] == p.text for p in passages)
    assert [p.index for p in passages] == [0, 1, 2]
