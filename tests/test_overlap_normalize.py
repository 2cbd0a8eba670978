"""Folding for matching keeps every offset, so highlights land on the original words."""

from __future__ import annotations

import random

import pytest

from annotations.copies.normalize import (
    QUOTE_MARK,
    SEPARATOR,
    corpus_tokens,
    fold,
    quotations,
    word_offsets,
    words,
)

ODD = (
    "aé İ ß ﬁ\u00a0\u2009\u202f\u3000\u00ad\u200b\ufeff-–—’‘“”«»'\".,;:!?()[]/\\\n\t"
    "U.S. 2.5 中文 عربي 🙂 e\u0301"
)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("“Top-line goals,” he said", "\"top line goals\", he said"),
        ("China's core concerns", "China’s core concerns"),
        ("the U.S. government", "the US government"),
        ("a\u00a0secretary\u2009of state", "a secretary of state"),
        ("co\u00adoperation and re\u200bsumption", "cooperation and resumption"),
        ("INTENSE Competition", "intense competition"),
        ("the trip — the first", "the trip - the first"),
    ],
)
def test_light_edits_fold_to_the_same_words(first: str, second: str) -> None:
    assert words(first) == words(second)


def test_fold_keeps_the_length_of_any_text() -> None:
    generator = random.Random(7)
    for _ in range(300):
        text = "".join(generator.choice(ODD) for _ in range(generator.randint(0, 80)))
        assert len(fold(text)) == len(text)


def test_offsets_point_at_the_words_they_stand_for() -> None:
    generator = random.Random(11)
    for _ in range(300):
        text = "".join(generator.choice(ODD) for _ in range(generator.randint(0, 80)))
        spans = word_offsets(text)
        assert len(spans) == len(words(text))
        for (start, end), word in zip(spans, words(text), strict=True):
            assert words(text[start:end]) == [word]


def test_quotations_are_word_ranges_inside_the_marks() -> None:
    text = 'He said "open and empowered communications" twice.'
    spans = word_offsets(text)
    assert [(text[spans[first][0] : spans[last - 1][1]]) for first, last in quotations(text, spans)] == [
        "open and empowered communications"
    ]


@pytest.mark.parametrize("longer_lower_case", ["", "İstanbul"])
def test_the_whole_corpus_in_one_pass_gives_each_passage_its_own_words(longer_lower_case: str) -> None:
    generator = random.Random(7)
    pieces = [*ODD.replace("İ", "").split(), "China's", "U.S.", "“quoted”", "end.", "\"a\"", "x.", "."]
    texts = [" ".join(generator.choices(pieces, k=generator.randint(0, 12))) for _ in range(300)]
    texts += ["", "\x01 \x02 stray marks", "ISTANBUL'S \"x\"", longer_lower_case]
    tokens = corpus_tokens(texts)
    passages: list[list[str]] = [[]]
    for token in tokens:
        if token == SEPARATOR:
            passages.append([])
        elif token != QUOTE_MARK:
            passages[-1].append(token)
    assert passages[:-1] == [words(text) for text in texts]
    assert all(len(words(text)) == len(word_offsets(text)) for text in texts)
