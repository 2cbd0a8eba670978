"""Turn plain text and `(start, end, kind)` spans into styled Content, never reading markup."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual.content import Content
from textual.style import Style

Span = tuple[int, int, str]
"""A range of character offsets in a text and what it is (e.g. "shared", "match")."""


def styled(text: str, spans: Iterable[Span], styles: Mapping[str, Style | str]) -> Content:
    """The text, literally, with each span styled by its kind (unknown kinds stay plain)."""
    content = Content(text)
    size = len(text)
    for start, end, kind in sorted(spans):
        style = styles.get(kind)
        lo, hi = max(0, start), min(size, end)
        if style and lo < hi:
            content = content.stylize(style, lo, hi)
    return content


def snippet(text: str, start: int, end: int, width: int = 80) -> tuple[str, int, int]:
    """A window of `text` around `start:end`, single-line, with the match's offsets in it."""
    room = max(0, width - (end - start)) // 2
    lo, hi = max(0, start - room), min(len(text), end + room)
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(text) else ""
    window = text[lo:hi].replace("\n", " ").replace("\t", " ")
    offset = len(prefix) - lo
    return prefix + window + suffix, start + offset, end + offset


UNBROKEN_SPACE = "\u2800"
"""A blank one cell wide that line wrapping does not split at (it treats a no-break space as a space)."""


def unbroken(text: str) -> str:
    """`text` with its spaces made unbreakable, so a chip such as "claim (sentence)" stays on one line."""
    return text.replace(" ", UNBROKEN_SPACE)
