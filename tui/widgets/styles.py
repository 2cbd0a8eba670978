"""Highlight styles read from a widget's component classes, so themes and app.tcss decide colours."""

from __future__ import annotations

from collections.abc import Iterable

from textual.style import Style
from textual.widget import Widget


def component_styles(widget: Widget, prefix: str, kinds: Iterable[str]) -> dict[str, Style]:
    """The style of each `{prefix}--{kind}` component class of `widget`, keyed by kind."""
    return {kind: widget.get_visual_style(f"{prefix}--{kind}", partial=True) for kind in kinds}
