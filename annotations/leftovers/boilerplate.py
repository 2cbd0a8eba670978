"""Tell web-page leftovers from article text, passage by passage, and say why.

Each passage first collects the named cues of `annotations.leftovers.cues` that its own text fires, plus
"template-line" when it recurs across the corpus. Cues combine as independent evidence
(1 - Π(1 - weight)); a passage at or above the threshold is a leftover. Passages that are neither
clearly leftovers nor clearly prose (short lines, headline-like lines) then take their class from
their neighbours, as jusText does: a short line among leftovers is a leftover, a short line that
introduces a paragraph is a heading. Only the text is used, never markup.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from enum import Enum

from annotations.corpus.models import Article, Boilerplate, PassageKey
from annotations.leftovers import cues as C
from annotations.leftovers.blocks import Context, is_link, listed, mark_after_article, mark_blocks
from annotations.leftovers.cues import Cue
from annotations.leftovers.scan import Reader
from annotations.leftovers.shape import GOOD_WORDS, LIST_ITEM, Shape, is_english
from annotations.leftovers.templates import COMMON_ARTICLES, outlet_lines, recurring_lines

SENTENCE_WORDS = 10
SHORT_WORDS = 8
CHATTY_WORDS = 5
"""A sentence this long, full of function words, stays content even among leftovers."""
BYLINE_WORDS = 4
"""Unsure lines between the headline and the text up to this long are bylines; longer ones decks."""
TITLE_REACH = 10
"""How far above the first paragraph the headline may be, past bylines, dates and buttons."""
LEDE_WORDS = 2
"""Content words a line above the title shares with the first paragraph to be another headline."""
TITLE_SCAN = 40
"""How many lines above it are read at most, leftovers included."""
TRAILING_WORDS = 12
AT_END = 3
"""Cues marked `at_end` count in the last passages and from the next-to-last sentence on."""

_WORDS = re.compile(r"[^\W_][\w'’-]*[^\W_]|[^\W_]")
"""Words without their edge punctuation."""


class Role(Enum):
    """How sure a passage is of its class before its neighbours are consulted."""

    GOOD = "good"
    BAD = "bad"
    UNSURE = "unsure"
    EDGE = "edge"


@dataclass(frozen=True, slots=True)
class Sure:
    """For each passage, the nearest passage on each side that is sure of its class."""

    roles: list[Role]
    before: list[int | None]
    after: list[int | None]

    @classmethod
    def of(cls, roles: list[Role]) -> Sure:
        before: list[int | None] = []
        last: int | None = None
        for index, role in enumerate(roles):
            before.append(last)
            last = index if role is not Role.UNSURE else last
        after: list[int | None] = [None] * len(roles)
        last = None
        for index in range(len(roles) - 1, -1, -1):
            after[index] = last
            last = index if roles[index] is not Role.UNSURE else last
        return cls(roles, before, after)

    def role(self, other: int | None) -> Role:
        return Role.EDGE if other is None else self.roles[other]


def detect_boilerplate(
    articles: Sequence[Article], phrases: Sequence[str] = (), threshold: float = 0.5
) -> tuple[dict[PassageKey, Boilerplate], frozenset[PassageKey]]:
    """Flag leftovers (with kind and reason) and find the article's own headings."""
    reader = Reader(C.TEXT_CUES + C.phrase_cues(list(phrases)))
    templates = recurring_lines(articles)
    outlet = outlet_lines(articles)
    flagged: dict[PassageKey, Boilerplate] = {}
    headings: set[PassageKey] = set()
    for article in articles:
        extra = [
            (templates.get(key, 0), outlet.get(key, 0))
            for key in ((article.id, passage.index) for passage in article.passages)
        ]
        found, heads = _detect_article(article, reader, extra, threshold)
        flagged.update(((article.id, index), label) for index, label in found.items())
        headings.update((article.id, index) for index in heads)
    return flagged, frozenset(headings)


def _detect_article(
    article: Article, reader: Reader, recurrences: list[tuple[int, int]], threshold: float
) -> tuple[dict[int, Boilerplate], list[int]]:
    texts = [passage.text.strip() for passage in article.passages]
    english = is_english(texts)
    shapes = [reader.shape(text, english) for text in texts]
    prose = [index for index, shape in enumerate(shapes) if shape.chatty]
    tail = min(len(texts) - AT_END, prose[-1] - 1 if prose else len(texts))
    evidence = [
        reader.cues(text, shape, index >= tail)
        for index, (text, shape) in enumerate(zip(texts, shapes, strict=True))
    ]
    for cues_found, (count, in_outlet) in zip(evidence, recurrences, strict=True):
        if count >= COMMON_ARTICLES:
            cues_found.append(C.TEMPLATE_LINE_COMMON)
        elif in_outlet:
            cues_found.append(C.TEMPLATE_LINE_OUTLET)
        elif count:
            cues_found.append(C.TEMPLATE_LINE)
    _attribute_embeds(evidence)
    roles = [_role(cues_found, shape, threshold) for cues_found, shape in zip(evidence, shapes, strict=True)]
    good = [index for index, role in enumerate(roles) if role is Role.GOOD] or [len(texts)]
    context = Context(
        lambda index: roles[index] is Role.BAD, lambda index: good[0] < index < good[-1], lambda _: True
    )
    links = listed(context, evidence, shapes, texts)
    title = _title_index(roles, shapes, texts, links)
    head = range(good[0]) if title is None else range(title, good[0])
    protected = {index for index in head if index not in links} | {title}
    mark_blocks(replace(context, free=lambda index: index not in protected), evidence, shapes, texts)
    roles = [_role(cues_found, shape, threshold) for cues_found, shape in zip(evidence, shapes, strict=True)]
    headings = _apply_context(roles, evidence, shapes, texts)
    mark_after_article(evidence, texts, threshold)
    found: dict[int, Boilerplate] = {}
    for index, passage in enumerate(article.passages):
        if evidence[index]:
            score = C.combined(evidence[index])
            if score >= threshold:
                found[passage.index] = reader.label(evidence[index], score, _label)
    return found, [article.passages[index].index for index in headings if index not in found]


def _attribute_embeds(evidence: list[list[Cue]]) -> None:
    """An embedded post's text comes just before its '— Name (@handle) date' line."""
    for index in range(1, len(evidence)):
        found = evidence[index]
        if found and any(cue.name == "social-attribution" for cue in found):
            before = evidence[index - 1]
            if not any(cue.kind == "social" for cue in before):
                before.append(C.EMBED_TEXT)


def _role(found: list[Cue], shape: Shape, threshold: float) -> Role:
    if found and C.combined(found) >= threshold:
        return Role.BAD
    if shape.words >= GOOD_WORDS or (shape.words >= SENTENCE_WORDS and shape.chatty):
        return Role.GOOD
    return Role.UNSURE


def _apply_context(
    roles: list[Role], evidence: list[list[Cue]], shapes: list[Shape], texts: list[str]
) -> list[int]:
    """Settle the unsure passages from their neighbours; return the headings found."""
    title = _title_index(roles, shapes, texts)
    good = [index for index, role in enumerate(roles) if role is Role.GOOD]
    text_span = (good[0], good[-1]) if good else (len(roles), len(roles))
    headings = [] if title is None else [title]
    sure = Sure.of(roles)
    for index, role in enumerate(roles):
        if role is not Role.UNSURE or index == title:
            continue
        cue = _context_cue(index, title, text_span, sure, evidence, shapes, texts)
        if cue is not None:
            if cue.kind == "other":
                cue = replace(cue, kind=_neighbour_kind(sure, evidence, index))
            evidence[index].append(cue)
        elif shapes[index].heading and _leads_to_prose(roles, evidence, index):
            headings.append(index)
    return headings


def _context_cue(
    index: int,
    title: int | None,
    text_span: tuple[int, int],
    sure: Sure,
    evidence: list[list[Cue]],
    shapes: list[Shape],
    texts: list[str],
) -> Cue | None:
    """What an unsure passage's place says: near the headline, after the text, or among leftovers."""
    shape = shapes[index]
    first_good, last_good = text_span
    if title is not None and title < index < first_good:
        return None if shape.sentence or shape.words > BYLINE_WORDS else C.BELOW_HEADLINE
    if title is not None and index < title:
        kicker = _pairs_with_title(index, title, sure, evidence, texts) or _restates_lede(
            index, title, first_good, shapes, texts
        )
        return None if shape.chatty or kicker else C.ABOVE_HEADLINE
    if index < first_good and evidence[index]:
        return replace(C.BEFORE_TEXT, kind=_kind(evidence[index]))
    if index > last_good and _trails(index, shapes, texts):
        return C.AFTER_TEXT
    return _from_neighbours(index, sure, evidence, shapes, first_good < index < last_good)


def _trails(index: int, shapes: list[Shape], texts: list[str]) -> bool:
    """A short line after the article's last paragraph that is not part of a list or table."""
    shape = shapes[index]
    if shape.chatty or shape.words > TRAILING_WORDS or LIST_ITEM.match(texts[index]):
        return False
    following = index + 1
    return following >= len(texts) or not LIST_ITEM.match(texts[following])


def _pairs_with_title(
    index: int, title: int, sure: Sure, evidence: list[list[Cue]], texts: list[str]
) -> bool:
    """A headline-like line just above the title (past a date or byline) that shares its words.

    Pages print a kicker, or the headline above a deck that was taken for the title.
    """
    above = title - 1
    while above > index and sure.roles[above] is Role.BAD and _kind(evidence[above]) == "metadata":
        above -= 1
    if above != index or len(texts[index].split()) < 3:
        return False
    return above == title - 1 or bool(_content_words(texts[index]) & _content_words(texts[title]))


def _restates_lede(index: int, title: int, first: int, shapes: list[Shape], texts: list[str]) -> bool:
    """A headline-like line near the title that shares two or more words with the first paragraph.

    Pages print the headline over a deck or summary points, and either may be taken for the title.
    """
    shape = shapes[index]
    if title - index > TITLE_REACH or first >= len(texts):
        return False
    if not (shape.headline or is_link(texts[index], shape)):
        return False
    return len(_content_words(texts[index]) & _content_words(texts[first][:600])) >= LEDE_WORDS


def _title_index(
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


def _content_words(text: str) -> set[str]:
    words = _WORDS.findall(text.lower().replace("’s", "").replace("'s", ""))
    return {word for word in words if len(word) > 2 and word not in C.STOPWORDS}


def _from_neighbours(
    index: int, sure: Sure, evidence: list[list[Cue]], shapes: list[Shape], inside: bool
) -> Cue | None:
    """jusText's rule for short or unsure passages: take the class of the nearest sure ones.

    A sentence inside the article's text is not taken for a leftover on its neighbours' word.
    """
    shape, roles = shapes[index], sure.roles
    previous = roles[index - 1] if index else Role.EDGE
    following = roles[index + 1] if index + 1 < len(roles) else Role.EDGE
    if _leads_to_prose(roles, evidence, index):
        return C.HEADLINE_IN_BODY if previous is Role.GOOD and shape.headline else None
    before, after = sure.role(sure.before[index]), sure.role(sure.after[index])
    if Role.GOOD not in (before, after) and Role.BAD in (before, after):
        if (shape.chatty and shape.words >= CHATTY_WORDS) or (inside and shape.sentence):
            return None
        return C.BETWEEN_LEFTOVERS
    if shape.sentence or previous is not Role.GOOD or following is Role.UNSURE:
        return None
    if shape.headline:
        return C.HEADLINE_IN_BODY
    return C.TRAILS_ARTICLE if shape.words <= SHORT_WORDS and not shape.heading else None


def _leads_to_prose(roles: list[Role], evidence: list[list[Cue]], index: int) -> bool:
    """The next passage, past bylines, datelines and captions, is prose: this one introduces it."""
    for following in range(index + 1, len(roles)):
        if roles[following] is Role.BAD and _kind(evidence[following]) in ("metadata", "caption"):
            continue
        return roles[following] is Role.GOOD
    return False


def _neighbour_kind(sure: Sure, evidence: list[list[Cue]], index: int) -> str:
    """The kind of the nearest leftover around a passage ('other' when there is none)."""
    for other in (sure.before[index], sure.after[index]):
        if other is not None and sure.roles[other] is Role.BAD:
            return _kind(evidence[other])
    return "other"


def _kind(found: Sequence[Cue]) -> str:
    return max(found, key=lambda cue: cue.weight).kind if found else "other"


def _label(found: Sequence[Cue], score: float) -> Boilerplate:
    named = dict.fromkeys(f"{cue.name} ({cue.why})" for cue in found)
    return Boilerplate(_kind(found), f"{'; '.join(named)}; score {score:.2f}")
