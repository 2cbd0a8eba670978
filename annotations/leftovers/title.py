"""Which of an article's first lines is its headline, past captions, page furniture and bylines.

Readers in `corpus` take a text's title from its first line, since they cannot know what a caption
or a menu looks like: that knowledge lives here, one layer up, and the corpus must not import it.
So the corpus marks a title it only guessed (`Article.title_guessed`) and `retitled` replaces it
after loading, with the same cue table the detector uses, before anything shows the article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from annotations.corpus.metadata import shorten_title
from annotations.corpus.models import Article, Corpus
from annotations.corpus.segment import sentences
from annotations.leftovers.captions import describes_picture
from annotations.leftovers.cues import AGENCY, combined
from annotations.leftovers.scan import Reader
from annotations.leftovers.shape import shape_of
from annotations.leftovers.text_cues import TEXT_CUES

SCAN_LINES = 12
"""How many lines from the top may hold the headline."""
HEADLINE_WORDS = (2, 25)
"""A headline is a short line of several words."""
_THRESHOLD = 0.5
_HEADING = re.compile(r"#{1,2}\s+(?P<title>\S.*)")
_CREDIT_END = re.compile(rf"\s[|/–—-]\s*(?:[\w .'&-]{{1,40}} via )?(?:{AGENCY})(?: images)?\.?\s*$", re.I)
_SENTENCE_END = re.compile(r"[.…:;,]['\"”’)]*$")

_reader = Reader(TEXT_CUES)


def headline(lines: Sequence[str]) -> str | None:
    """The heading, else the first headline-like line, else the first sentence of the first prose."""
    for line in lines[:SCAN_LINES]:
        heading = _HEADING.fullmatch(line)
        if heading:
            return shorten_title(heading.group("title"))
        if is_leftover(line):
            continue
        low, high = HEADLINE_WORDS
        if low <= len(line.split()) <= high and not _SENTENCE_END.search(line):
            return shorten_title(line)
        if len(line.split()) > high or _SENTENCE_END.search(line):
            start, end = sentences(line)[0]
            return shorten_title(line[start:end])
    return None


def is_leftover(line: str) -> bool:
    """A caption, credit, byline, dateline or page furniture, by the detector's own cues."""
    if _CREDIT_END.search(line) or describes_picture(line):
        return True
    return combined(_reader.cues(line, shape_of(line), False)) >= _THRESHOLD


def retitled(corpus: Corpus) -> Corpus:
    """The corpus with each guessed title replaced by its headline line."""
    return replace(corpus, articles=tuple(retitle(article) for article in corpus.articles))


def retitle(article: Article) -> Article:
    """The article with its headline as the title, when no header or page metadata named one."""
    if not article.title_guessed:
        return article
    lines = [text for passage in article.passages[: SCAN_LINES * 2] for text in _lines(passage.text)]
    found = headline(lines)
    return replace(article, title=found, title_guessed=False) if found else article


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]
