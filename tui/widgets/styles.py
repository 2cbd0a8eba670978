"""Highlight styles read from a widget's component classes, so themes and app.tcss decide colours."""

from __future__ import annotations

from collections.abc import Iterable

from textual.css.styles import RenderStyles
from textual.style import Style
from textual.widget import Widget


def component_styles(widget: Widget, prefix: str, kinds: Iterable[str]) -> dict[str, Style]:
    """The style of each `{prefix}--{kind}` component class of `widget`, keyed by kind."""
    return {kind: _overlay(widget.get_component_styles(f"{prefix}--{kind}")) for kind in kinds}


def _overlay(styles: RenderStyles) -> Style:
    """Only what the rule sets, so translucent backgrounds blend with the text's own."""
    text = styles.text_style

    def flag(on: bool | None) -> bool | None:
        return True if on else None

    return Style(
        background=styles.background if styles.has_rule("background") else None,
        foreground=styles.color if styles.has_rule("color") else None,
        bold=flag(text.bold),
        dim=flag(text.dim),
        italic=flag(text.italic),
        underline=flag(text.underline),
    )
