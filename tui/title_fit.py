"""Titles that would look the same once cut to the list's width show where they differ instead."""

from __future__ import annotations

from collections.abc import Mapping

GAP = " … "
"""Stands for the words the shortened title leaves out between its start and its differing end."""
MIN_HEAD = 6
"""Characters of the title's start kept (a third of a narrow room): the row still names the story."""


def distinct_titles(titles: Mapping[str, tuple[str, int]]) -> dict[str, str]:
    """For each key whose title, cut to its room, hides where it differs from another, a title that fits.

    Only titles longer than their room can collide; the others are left out of the result. A title's
    nearest neighbours in sorted order are the ones sharing its longest start.
    """
    long = sorted((title, key) for key, (title, room) in titles.items() if len(title) > room > 0)
    shown: dict[str, str] = {}
    for at, (title, key) in enumerate(long):
        neighbours = [long[other][0] for other in (at - 1, at + 1) if 0 <= other < len(long)]
        common = max((_shared(title, other) for other in neighbours if other != title), default=0)
        room = titles[key][1]
        if common >= room - 1:
            shown[key] = middle_cut(title, common, room)
    return shown


def _shared(first: str, second: str) -> int:
    """How many characters the two strings share at their start."""
    pairs = enumerate(zip(first, second, strict=False))
    return next((at for at, (a, b) in pairs if a != b), min(len(first), len(second)))


def middle_cut(title: str, differs: int, room: int) -> str:
    """The title's start, an ellipsis and its end from the word where it differs, within `room`."""
    start = title.rfind(" ", 0, differs) + 1
    before = title.rfind(" ", 0, max(start - 1, 0)) + 1
    if start and len(title) - before <= room // 2:
        start = before  # one more word of context before the difference
    tail = title[start:]
    limit = max(room - min(MIN_HEAD, room // 3) - len(GAP), 1)
    if len(tail) > limit:
        tail = tail[: limit - 1].rstrip() + "…"
    head_room = room - len(GAP) - len(tail)
    head = title[:head_room]
    if " " in head and not title[head_room : head_room + 1].isspace():
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(",;:—–- ") + GAP + tail
