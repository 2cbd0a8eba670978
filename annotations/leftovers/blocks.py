"""Leftovers that only show as a block: lists of other stories' headlines, captions beside credits.

One headline-like line could be a subheading; five in a row, or headlines each followed by a
one-paragraph teaser under "More news", are a list of links to other articles. A present-tense
sentence could be prose; the same sentence right above "Photo: Jane Doe/Reuters" is the photo's
caption. These rules read a run of passages at once and add their evidence to each passage.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from annotations.leftovers.captions import DATED_END, reports_speech
from annotations.leftovers.cues import Cue, combined
from annotations.leftovers.shape import LIST_ITEM, Shape

RUN_LINES = 3
"""Headline-like lines in a row that make a list of links without a header above them."""
LONG_RUN = 8
"""A run this long is a list of links even inside the article's text (lists there are shorter)."""
TEASER_WORDS = 60
TEASER_FEWEST = 6
LINK_WORDS = (2, 20)
RUN_LINK_WORDS = 3
CAPTION_WORDS = 50

_OPEN_END = (".", ",", ";", ":", "(", "-", "–", "—")
_STARTS = re.compile(r"[\"'“‘(]?[A-Z0-9]")

RELATED_RUN = Cue("related-run", "related", 0.7, "one of several headline-like lines in a row")
RELATED_BLOCK = Cue("related-block", "related", 0.75, "a headline or teaser in a list under a header")
BESIDE_CREDIT_DATED = Cue(
    "beside-credit", "caption", 0.6, "a short sentence ending in a date next to a photo credit"
)
BESIDE_CREDIT = Cue("beside-credit", "caption", 0.4, "a short sentence next to a photo credit")

_CREDITS = frozenset({"photo-label", "photo-by", "credit-slash", "agency-line", "photo-credit"})


def is_link(text: str, shape: Shape, fewest: int = LINK_WORDS[0]) -> bool:
    """A headline-like line: capitalised, short, not ending as a sentence or a clause does."""
    low, high = LINK_WORDS
    return (
        max(low, fewest) <= shape.words <= high
        and not text.endswith(_OPEN_END)
        and _STARTS.match(text) is not None
        and LIST_ITEM.match(text) is None
        and not (shape.sentence and text.rstrip("\"'”’»)]").endswith("."))
    )


def _is_header(found: list[Cue], text: str) -> bool:
    if any(cue.name == "related-header" for cue in found):
        return True
    return len(text) <= len("More »..") and text.lower().rstrip(".:…» ") == "more"


@dataclass(frozen=True, slots=True)
class Context:
    """What the detector already knows of each passage, by index."""

    bad: Callable[[int], bool]
    """Already a leftover on its own cues."""
    inside: Callable[[int], bool]
    """Between the article's first and last paragraphs."""
    free: Callable[[int], bool]
    """Not the headline or the lines between it and the text (bylines, decks, summary bullets)."""


def mark_blocks(context: Context, evidence: list[list[Cue]], shapes: list[Shape], texts: list[str]) -> None:
    """Add block evidence: header-led lists of links, runs of headline-like lines, captions."""
    for block in _header_lists(context, evidence, shapes, texts):
        for member in block:
            evidence[member].append(RELATED_BLOCK)
    _headline_runs(context, evidence, shapes, texts)
    _captions_beside_credits(evidence, shapes, texts)


def listed(context: Context, evidence: list[list[Cue]], shapes: list[Shape], texts: list[str]) -> set[int]:
    """The passages in lists of links under a header: never the article's headline."""
    return {index for block in _header_lists(context, evidence, shapes, texts) for index in block}


def _header_lists(
    context: Context, evidence: list[list[Cue]], shapes: list[Shape], texts: list[str]
) -> list[range]:
    """Under 'More news' or 'Related stories': headlines, each perhaps followed by one teaser."""
    count, bad, free = len(texts), context.bad, context.free
    blocks: list[range] = []
    for start in range(count):
        if not _is_header(evidence[start], texts[start]):
            continue
        index = start + 1
        while index < count and free(index):
            if bad(index) and _kind_of(evidence[index]) in ("related", "other", "navigation"):
                index += 1
                continue
            if not is_link(texts[index], shapes[index]) or _heads_article(index, context, evidence):
                break
            teaser = index + 1
            has_teaser = (
                teaser < count and free(teaser) and not bad(teaser) and _is_teaser(teaser, shapes, texts)
            )
            after = teaser + 1 if has_teaser else teaser
            if has_teaser and after < count and _continues_prose(after, shapes, texts):
                break
            blocks.append(range(index, after))
            index = after
    return blocks


def _heads_article(index: int, context: Context, evidence: list[list[Cue]]) -> bool:
    """A headline followed by a byline or a date is the article's own, not a link."""
    following = index + 1
    return (
        following < len(evidence)
        and context.bad(following)
        and _kind_of(evidence[following]) == "metadata"
    )


def _is_teaser(index: int, shapes: list[Shape], texts: list[str]) -> bool:
    shape = shapes[index]
    return TEASER_FEWEST <= shape.words <= TEASER_WORDS and not is_link(texts[index], shape)


def _continues_prose(index: int, shapes: list[Shape], texts: list[str]) -> bool:
    """A second paragraph after a teaser: the 'headline' was a subheading of the article."""
    shape = shapes[index]
    return shape.chatty and not is_link(texts[index], shape)


def _headline_runs(
    context: Context, evidence: list[list[Cue]], shapes: list[Shape], texts: list[str]
) -> None:
    """Three or more headline-like lines in a row next to leftovers or outside the text."""
    count, index, bad, inside, free = len(texts), 0, context.bad, context.inside, context.free
    while index < count:
        end = index
        while (
            end < count
            and free(end)
            and not bad(end)
            and is_link(texts[end], shapes[end], RUN_LINK_WORDS)
        ):
            end += 1
        if end - index >= RUN_LINES:
            bordered = (index > 0 and bad(index - 1)) or (end < count and bad(end))
            if end - index >= LONG_RUN or bordered or not (inside(index) and inside(end - 1)):
                for member in range(index, end):
                    evidence[member].append(RELATED_RUN)
        index = max(end, index + 1)


def _captions_beside_credits(evidence: list[list[Cue]], shapes: list[Shape], texts: list[str]) -> None:
    """A short sentence just above or below a picture's credit line is its caption."""
    for index, found in enumerate(evidence):
        if not found or shapes[index].words > 12 or not any(cue.name in _CREDITS for cue in found):
            continue
        for other in (index - 1, index + 1):
            if 0 <= other < len(texts) and _caption_like(other, evidence, shapes, texts):
                dated = DATED_END.search(texts[other][-40:]) is not None
                evidence[other].append(BESIDE_CREDIT_DATED if dated else BESIDE_CREDIT)


def _caption_like(index: int, evidence: list[list[Cue]], shapes: list[Shape], texts: list[str]) -> bool:
    shape = shapes[index]
    return (
        4 <= shape.words <= CAPTION_WORDS
        and not any(cue.name == BESIDE_CREDIT.name for cue in evidence[index])
        and not any(cue.name in _CREDITS for cue in evidence[index])
        and not reports_speech(texts[index])
    )


def _kind_of(found: list[Cue]) -> str:
    return max(found, key=lambda cue: cue.weight).kind if found else "other"



AFTER_ARTICLE = Cue("after-article", "other", 0.6, "past a long run of leftovers after the article's text")
BREAK_LINES = 5
"""Leftovers in a row that end the article: a footer, a comment form, a list of other stories."""
ENDING_LINES = 2
"""Lines of links, menus, copyright or comment prompts in the run: one page tool ('Font:') is not enough."""
LATER_SHARE = 0.8
"""A block of text past such a run is the page's when it is under this share of the article's size."""


def mark_after_article(evidence: list[list[Cue]], texts: list[str], threshold: float) -> None:
    """Text past the article, behind a long run of leftovers, is the page's: comments, teasers, blurbs.

    The article is the block of text with the most characters; blocks are separated by BREAK_LINES
    leftovers in a row, one of them a link, comment, menu or copyright line (ads, sign-up boxes and
    captions interrupt an article without ending it). A later block under LATER_SHARE of the
    article's size is marked; earlier ones are left alone (a page's top rarely holds prose that is
    not the article's).
    """
    bad = [bool(found) and combined(found) >= threshold for found in evidence]
    blocks: list[list[int]] = [[]]
    kinds = ["other"]
    run: list[int] = []
    for index, is_bad in enumerate(bad):
        run = [*run, index] if is_bad else []
        ending = _ending(run, evidence) if len(run) >= BREAK_LINES and blocks[-1] else None
        if ending is not None:
            blocks.append([])
            kinds.append(ending)
        if not is_bad:
            blocks[-1].append(index)
    sizes = [sum(len(texts[index]) for index in block) for block in blocks]
    main = max(range(len(blocks)), key=sizes.__getitem__)
    for number in range(main + 1, len(blocks)):
        if sizes[number] < LATER_SHARE * sizes[main]:
            cue = AFTER_ARTICLE if kinds[number] == "other" else replace(AFTER_ARTICLE, kind=kinds[number])
            for index in blocks[number]:
                evidence[index].append(cue)


def _ending(run: list[int], evidence: list[list[Cue]]) -> str | None:
    """How a run of leftovers ends the article, or None when it only interrupts it.

    Ads, sign-up boxes, captions, share bars and page tools interrupt an article; links, menus,
    copyright lines and comment prompts end it, two of them at least. The text after comment prompts
    is comments, after links more links.
    """
    kinds = [_kind_of(evidence[index]) for index in run]
    if sum(kind in _ENDINGS for kind in kinds) < ENDING_LINES:
        return None
    return next((kind for kind in ("comments", "related") if kind in kinds), "other")


_ENDINGS = frozenset({"related", "comments", "navigation", "copyright"})
