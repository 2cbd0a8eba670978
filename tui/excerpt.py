"""Untrusted text made fit for one table cell or dialog line."""

from __future__ import annotations

import re

_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
"""C0/C1 controls (tabs and newlines included): store files come from outside and may carry escapes."""


def excerpt(text: str, width: int = 80) -> str:
    """One line of at most `width` characters: no controls, whitespace collapsed, cut with an ellipsis."""
    line = " ".join(_CONTROLS.sub(" ", text).split())
    if len(line) <= width:
        return line
    cut = line[: max(0, width - 1)]
    space = cut.rfind(" ")
    if space > width * 2 // 3:
        cut = cut[:space]
    return cut.rstrip() + "…"
