"""Who published copied text first: the origin of each cluster of copied passages.

By date when the articles have dates (the time breaks ties on one day); otherwise, or on a tie,
the most complete version (the longest, which contains the others) is the likely source. Text
that three or more outlets carry inside quotation marks is a quote of a statement or a post,
not copying from each other: it gets "quoted by N outlets" and no source.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime

from annotations.corpus.models import Article, Duplicate, Origin, PassageKey
from annotations.corpus.outlets import outlet

QUOTED_OUTLETS = 3
QUOTED_SHARE = 0.7
"""A passage is a quotation when this share of its copied characters lies inside quotation marks."""

_QUOTE = re.compile(r"“[^”]*”|\"[^\"\n]*\"|«[^»]*»")


def find_origins(
    articles: Sequence[Article],
    clusters: Sequence[tuple[PassageKey, ...]],
    duplicates: Mapping[PassageKey, tuple[Duplicate, ...]],
) -> dict[PassageKey, Origin]:
    """Every passage of a cluster spanning two or more articles -> the cluster's Origin."""
    by_id = {article.id: article for article in articles}
    found: dict[PassageKey, Origin] = {}
    for cluster in clusters:
        keys = [key for key in cluster if key[0] in by_id and 0 <= key[1] < len(by_id[key[0]].passages)]
        if len({key[0] for key in keys}) < 2:
            continue
        origin = _origin(keys, by_id, duplicates)
        for key in keys:
            found[key] = origin
    return found


def _origin(
    keys: list[PassageKey],
    by_id: Mapping[str, Article],
    duplicates: Mapping[PassageKey, tuple[Duplicate, ...]],
) -> Origin:
    def text(key: PassageKey) -> str:
        return by_id[key[0]].passages[key[1]].text

    def published(key: PassageKey) -> tuple[bool, str, int]:
        date = by_id[key[0]].date
        return (date is None, date or "", -len(text(key)))

    order = tuple(sorted(keys, key=published))
    carried = {key[0] for key in keys}
    outlets = {outlet(by_id[article]) for article in carried} if len(carried) >= QUOTED_OUTLETS else carried
    if len(outlets) >= QUOTED_OUTLETS and _quoted(keys, text, duplicates):
        return Origin(None, order, None, False, len(outlets))
    dates = [by_id[key[0]].date for key in keys]
    first = order[0]
    tied = sum(1 for date in dates if date is not None and date == by_id[first[0]].date) > 1
    if None in dates or tied:
        # The tie or the missing dates leave it open: take the most complete of the earliest.
        earliest = [key for key in order if by_id[key[0]].date == by_id[first[0]].date]
        first = max(earliest, key=lambda key: len(text(key)))
        order = (first, *(key for key in order if key != first))
    return Origin(first, order, by_id[first[0]].date, None in dates or tied)


def _quoted(
    keys: list[PassageKey],
    text: Callable[[PassageKey], str],
    duplicates: Mapping[PassageKey, tuple[Duplicate, ...]],
) -> bool:
    """Whether at least half the cluster's passages carry the copied text as a quotation."""
    return sum(1 for key in keys if _quotation(text(key), duplicates.get(key, ()))) * 2 >= len(keys)


def _quotation(text: str, duplicates: tuple[Duplicate, ...]) -> bool:
    """Whether most of the passage's copied characters lie inside quotation marks."""
    copied = sorted({span for duplicate in duplicates for span in duplicate.spans})
    total = sum(end - start for start, end in copied)
    if not total:
        return False
    quoted = [match.span() for match in _QUOTE.finditer(text)]
    inside = sum(
        max(0, min(end, q_end) - max(start, q_start)) for start, end in copied for q_start, q_end in quoted
    )
    return inside >= QUOTED_SHARE * total


def origin_note(origin: Origin, key: PassageKey, labels: Mapping[str, str]) -> str:
    """The reader's mark on a copied passage: "first in AP (Jun 15)", "copied by 3", "quoted by 4 outlets"."""
    if origin.quoted or origin.source is None:
        return f"quoted by {origin.quoted} outlets"
    others = {article for article, _ in origin.order} - {origin.source[0]}
    if key[0] == origin.source[0]:
        return f"{'likely first; ' if origin.likely else ''}copied by {len(others)}"
    where = labels.get(origin.source[0], origin.source[0])
    when = short_date(origin.date)
    return f"{'likely ' if origin.likely else ''}first in {where}" + (f" ({when})" if when else "")


def short_date(value: str | None) -> str | None:
    """ "Jun 15" for a date, "Jun 15 14:30" when it carries a time; None when unreadable."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    day = f"{moment:%b} {moment.day}"
    return f"{day} {moment:%H:%M}" if len(value) > 10 else day


def publication_order(origin: Origin, articles: Mapping[str, Article]) -> str:
    """The copies in order of publication, for the side panel: "AP (Jun 15) ¶3 → Reuters (Jun 16) ¶2"."""

    def name(key: PassageKey) -> str:
        article = articles.get(key[0])
        if article is None:
            return key[0]
        when = short_date(article.date)
        return f"{article.label}{f' ({when})' if when else ''} ¶{key[1] + 1}"

    if origin.source is None:
        return f"Quoted by {origin.quoted} outlets: " + ", ".join(name(key) for key in origin.order)
    head = "Likely order of publication" if origin.likely else "In order of publication"
    return f"{head}: " + " → ".join(name(key) for key in origin.order)
