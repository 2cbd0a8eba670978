"""An OptionList whose rows can be redrawn one at a time, for the article list and the reader."""

from __future__ import annotations

from typing import cast

from textual import events, on
from textual.css.styles import RulesMap
from textual.visual import VisualType
from textual.widgets import OptionList


class RowList(OptionList):
    """OptionList's replace_option_prompt forgets the lines of every row and the drawing of every
    row, and the next frame measures all of them again: tens of milliseconds at 5,000 articles, on
    each tag and article switch. Here only the replaced row is forgotten while its height holds, and
    a resize that keeps the width (the list hidden and shown again beside the side panel) keeps all."""

    _measured_width: int | None = None

    @on(events.Resize)
    def _keep_lines(self, event: events.Resize) -> None:
        width = self.scrollable_content_region.width
        if width == self._measured_width:
            event.prevent_default()  # OptionList's handler would forget every row's lines
        self._measured_width = width

    def replace_row(self, index: int, prompt: VisualType) -> None:
        """Show `prompt` for the option at `index`, redrawing only that row if it keeps its height."""
        option = self.get_option_at_index(index)
        height = self._heights.get(index)
        option._set_prompt(prompt)
        padding = self.get_component_styles("option-list--option").padding
        width = self.scrollable_content_region.width - self._get_left_gutter_width() - padding.width
        if self._get_visual(option).get_height(cast(RulesMap, self.styles), width) != height:
            self._clear_caches()
            return
        cache = self._option_render_cache
        for key in [key for key in cache.keys() if key[0] is option]:  # noqa: SIM118 (no __iter__)
            cache.discard(key)
        self.refresh()
