"""Where the headline sits among a page's lines, and which lines above it are another headline."""

from __future__ import annotations

import re
from collections.abc import Collection

from annotations.leftovers.blocks import is_link
from annotations.leftovers.cues import STOPWORDS, Cue
from annotations.leftovers.roles import Role, Sure, kind_of
from annotations.leftovers.shape import Shape

TITLE_REACH = 10
"""How far above the first paragraph the headline may be, past bylines, dates and buttons."""
LEDE_WORDS = 2
"""Content words a line above the title shares with the first paragraph to be another headline."""
TITLE_SCAN = 40
"""How many lines above it are read at most, leftovers included."""
_WORDS = re.compile(r"[^\W_][\w'’-]*[^\W_]|[^\W_]")
"""Words without their edge punctuation."""


def title_index(
    roles: list[Role], shapes: list[Shape], texts: list[str], links: Collection[int] = ()
) -> int | None:
    """The headline: a heading-like line just above the first paragraphs that shares their words."""
    good = [index for index, role in enumerate(roles) if role is Role.GOOD][:2]
    if not good:
        return None
    candidates, seen = [], 0
    for index in range(good[0] - 1, max(-1, good[0] - TITLE_SCAN), -1):
        if roles[index] is Role.BAD:
            continue
        seen += 1
        if seen > TITLE_REACH:
            break
        shape = shapes[index]
        if index in links or roles[index] is not Role.UNSURE:
            continue
        if shape.heading or shape.headline or is_link(texts[index], shape):
            candidates.append(index)
    if not candidates:
        return None
    lede = _content_words(" ".join(texts[index][:600] for index in good))
    best, best_score = None, (0, 0)
    for index in candidates:
        score = (len(_content_words(texts[index]) & lede), shapes[index].words)
        if score[0] and score > best_score:
            best, best_score = index, score
    return best


def pairs_with_title(
    index: int, title: int, sure: Sure, evidence: list[list[Cue]], texts: list[str]
) -> bool:
    """A headline-like line just above the title (past a date or byline) that shares its words.

    Pages print a kicker, or the headline above a deck that was taken for the title.
    """
    above = title - 1
    while above > index and sure.roles[above] is Role.BAD and kind_of(evidence[above]) == "metadata":
        above -= 1
    if above != index or len(texts[index].split()) < 3:
        return False
    return above == title - 1 or bool(_content_words(texts[index]) & _content_words(texts[title]))


def restates_lede(index: int, title: int, first: int, shapes: list[Shape], texts: list[str]) -> bool:
    """A headline-like line near the title that shares two or more words with the first paragraph.

    Pages print the headline over a deck or summary points, and either may be taken for the title.
    """
    shape = shapes[index]
    if title - index > TITLE_REACH or first >= len(texts):
        return False
    if not (shape.headline or is_link(texts[index], shape)):
        return False
    return len(_content_words(texts[index]) & _content_words(texts[first][:600])) >= LEDE_WORDS


def _content_words(text: str) -> set[str]:
    """The words that carry meaning, for comparing a line with the text below it."""
    words = _WORDS.findall(text.lower().replace("’s", "").replace("'s", ""))
    return {word for word in words if len(word) > 2 and word not in STOPWORDS}
