"""What a passage looks like: its length, its punctuation, its function words, its heading form."""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotations.leftovers.cues import STOPWORDS

MAX_PROBE = 2000
"""Only this many characters of a passage are read: the head and the tail of longer ones."""
GOOD_WORDS = 25
"""A passage this long is prose unless a cue says otherwise."""
MIN_STOPWORDS = 0.25
ENGLISH_STOPWORDS = 0.15
"""An article whose text has fewer English function words than this is in another language."""
LONG_CHARS = 80
LANGUAGE_SAMPLE = 600
EXACT_COUNT_CHARS = 120
HEADING_WORDS = 10
HEADLINE_WORDS = (9, 20)
HEADLINE_MAX_STOPWORDS = 0.3

WORD_EDGES = ".,;:!?\"'“”‘’()[]«»—–-"
_SENTENCE_END = re.compile(r"(?:[.!?。！？؟।]|\.\.\.|…)[\"'”’»)\]]*\s*$|[\"”’»]\s*$")
LIST_ITEM = re.compile(r"\s*(?:\d{1,3}[.)]|[•·*–-])\s")
"""A numbered or bulleted list item: part of the article's text, not a link."""
_HANGING = re.compile(r"[,;:(\-–—]\s*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_INNER_STOP = re.compile(r"\w[.!?] +[A-Z]")


@dataclass(frozen=True, slots=True)
class Shape:
    """What the detector needs to know about a passage's form, computed once."""

    words: int
    sentence: bool
    chatty: bool
    """A sentence full of function words, as prose is; menus and headlines are not."""
    heading: bool
    headline: bool


def shape_of(text: str, english: bool = True) -> Shape:
    """Length in words (CJK characters count as half a word each), punctuation, heading form.

    Outside English, function words are not counted: a sentence is judged by its punctuation.
    """
    probe = text[:MAX_PROBE]
    words = _word_count(text)
    if not probe.isascii():
        words += (len(probe) - len(_CJK.sub("", probe))) // 2
    sentence = _SENTENCE_END.search(text[-12:]) is not None
    first = probe[:1]
    capital = first.isdigit() or (first.isalpha() and not first.islower())
    open_end = capital and not sentence and not _HANGING.search(text[-3:])
    low, high = HEADLINE_WORDS
    headline = (
        open_end
        and low <= words <= high
        and not _INNER_STOP.search(probe)
        and probe.rsplit(None, 1)[-1].lower() not in STOPWORDS
        and english
        and stopword_share(probe) < HEADLINE_MAX_STOPWORDS
    )
    chatty = sentence and (
        words >= GOOD_WORDS or not english or stopword_share(probe) >= MIN_STOPWORDS
    )
    return Shape(words, sentence, chatty, open_end and 0 < words <= HEADING_WORDS, headline)


def is_english(texts: list[str]) -> bool:
    """Judged on the longer passages only: menus have no function words in any language."""
    sample = " ".join(text[:300] for text in texts if len(text) > LONG_CHARS)[:LANGUAGE_SAMPLE]
    words = sample.lower().split()
    return not words or sum(map(STOPWORDS.__contains__, words)) >= ENGLISH_STOPWORDS * len(words)


def _word_count(text: str) -> int:
    """Exact for short passages; long ones only need to be known as long, so count the gaps."""
    if len(text) <= EXACT_COUNT_CHARS:
        return len(text.split())
    if len(text) > MAX_PROBE:
        return len(text) // 6
    return text.count(" ") + text.count("\n") + 1


def stopword_share(text: str, limit: int = 400) -> float:
    """Share of English function words: high in sentences, low in headlines, menus and names."""
    words = text[:limit].lower().split()
    if not words:
        return 0.0
    return sum(map(STOPWORDS.__contains__, map(_strip_edges, words))) / len(words)


def _strip_edges(word: str) -> str:
    return word.strip(WORD_EDGES)
