"""The main screen's keys, in the order the footer offers them: `?` and `q` first, then those used most."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen

from tui.tagging_keys import TAGGING_BINDINGS

MAIN_BINDINGS = [
    *Screen.BINDINGS,
    Binding("question_mark", "help", "Help", id="help"),
    Binding("q", "quit", "Quit", id="quit"),
    *TAGGING_BINDINGS,
    Binding("n", "next_article", "Next article", id="next_article"),
    Binding("right_square_bracket", "next_story", "Next story", id="next_story", show=False,
            tooltip="First article of the next story (n and p stay within a story)"),
    Binding("left_square_bracket", "previous_story", "Prev story", id="previous_story", show=False,
            tooltip="First article of the previous story"),
    Binding("z", "fold_story", "Fold story", id="fold_story", show=False,
            tooltip="Fold the story's articles under its header in the list, or unfold them"),
    Binding("p", "previous_article", "Prev article", id="previous_article", show=False),
    Binding("d", "next_duplicate", "Go to copy", id="next_duplicate"),
    Binding("D", "back", "Back", id="back", show=False),
    Binding("b", "cycle_boilerplate", "Boilerplate", id="cycle_boilerplate", show=False),
    Binding("s", "toggle_side_panel", "Side panel", id="toggle_side_panel"),
    Binding("l", "toggle_list", "List", id="toggle_list", show=False,
            tooltip="Show or fold the article list"),
    Binding("o", "overview", "Overview", id="overview", show=False),
    Binding("slash", "search", "Search", id="search", show=False),
    # shift+F3 never arrives: terminals send it as a cursor position report.
    Binding("ctrl+g,f3", "step_match(1)", "Next match", id="next_match", show=False),
    Binding("ctrl+shift+g", "step_match(-1)", "Previous match", id="previous_match", show=False),
    Binding("N", "new_only", "New only", id="new_only", show=False),
    Binding("S", "cycle_sort", "Sort", id="cycle_sort", show=False),
    Binding("exclamation_mark", "problems", "Problems", id="problems", show=False),
    # Reached only while the reader is still empty, so the keys typed ahead wait for the text.
    Binding("j", "next_passage", "Next passage", id="next_passage", show=False),
    Binding("k", "previous_passage", "Previous passage", id="previous_passage", show=False),
    Binding("g", "first_passage", "First passage", id="first_passage", show=False),
    Binding("G", "last_passage", "Last passage", id="last_passage", show=False),
]
