"""Settle unsure passages by their place: near the headline, after the text, among leftovers.

As jusText does: a short line among leftovers is a leftover, a short line that introduces a
paragraph is a heading.
"""

from __future__ import annotations

from dataclasses import replace

from annotations.leftovers import cues as C
from annotations.leftovers.cues import Cue
from annotations.leftovers.headline import pairs_with_title, restates_lede, title_index
from annotations.leftovers.roles import Role, Sure, kind_of
from annotations.leftovers.shape import LIST_ITEM, Shape

SHORT_WORDS = 8
CHATTY_WORDS = 5
"""A sentence this long, full of function words, stays content even among leftovers."""
BYLINE_WORDS = 4
"""Unsure lines between the headline and the text up to this long are bylines; longer ones decks."""
TRAILING_WORDS = 12


def apply_context(
    roles: list[Role], evidence: list[list[Cue]], shapes: list[Shape], texts: list[str]
) -> list[int]:
    """Settle the unsure passages from their neighbours; return the headings found."""
    title = title_index(roles, shapes, texts)
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
        elif shapes[index].heading and leads_to_prose(roles, evidence, index):
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
        kicker = pairs_with_title(index, title, sure, evidence, texts) or restates_lede(
            index, title, first_good, shapes, texts
        )
        return None if shape.chatty or kicker else C.ABOVE_HEADLINE
    if index < first_good and evidence[index]:
        return replace(C.BEFORE_TEXT, kind=kind_of(evidence[index]))
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


def _from_neighbours(
    index: int, sure: Sure, evidence: list[list[Cue]], shapes: list[Shape], inside: bool
) -> Cue | None:
    """jusText's rule for short or unsure passages: take the class of the nearest sure ones.

    A sentence inside the article's text is not taken for a leftover on its neighbours' word.
    """
    shape, roles = shapes[index], sure.roles
    previous = roles[index - 1] if index else Role.EDGE
    following = roles[index + 1] if index + 1 < len(roles) else Role.EDGE
    if leads_to_prose(roles, evidence, index):
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


def leads_to_prose(roles: list[Role], evidence: list[list[Cue]], index: int) -> bool:
    """The next passage, past bylines, datelines and captions, is prose: this one introduces it."""
    for following in range(index + 1, len(roles)):
        if roles[following] is Role.BAD and kind_of(evidence[following]) in ("metadata", "caption"):
            continue
        return roles[following] is Role.GOOD
    return False


def _neighbour_kind(sure: Sure, evidence: list[list[Cue]], index: int) -> str:
    """The kind of the nearest leftover around a passage ('other' when there is none)."""
    for other in (sure.before[index], sure.after[index]):
        if other is not None and sure.roles[other] is Role.BAD:
            return kind_of(evidence[other])
    return "other"
