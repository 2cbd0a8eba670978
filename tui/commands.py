"""The reader's actions that apply now in the command palette (ctrl+p), named as in the footer, with keys."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.screen import Screen

from tui.tagging_keys import TAGGING_PALETTE

PALETTE: tuple[tuple[str, str, str], ...] = (
    ("Next passage", "next_passage", "Move the cursor to the next passage"),
    ("Previous passage", "previous_passage", "Move the cursor to the previous passage"),
    ("First passage", "first_passage", "Go to the article's first passage"),
    ("Last passage", "last_passage", "Go to the article's last passage"),
    ("Next article", "next_article", "Read the next article in the list"),
    ("Previous article", "previous_article", "Read the previous article in the list"),
    ("Go to copy", "next_duplicate", "Jump to where this passage's words appear in another article"),
    ("Back", "back", "Return to where the last jump came from"),
    ("Cycle boilerplate", "cycle_boilerplate", "Show, dim or hide web-page leftovers"),
    ("Toggle side panel", "toggle_side_panel", "Show the current passage's copies and reasons"),
    ("Overview", "overview", "Overlap heat map and novelty of every article"),
    ("Search", "search", "Find text across all articles"),
    ("Next match", "step_match(1)", "Go to the last search's next match, its words marked"),
    ("Previous match", "step_match(-1)", "Go to the last search's previous match"),
    ("New-only mode", "new_only", "Collapse passages already read in an earlier article"),
    ("Copy passage text", "copy_passage", "Copy the current passage to the clipboard"),
    ("Open source", "open_source", "Open the article's web address or file with the system's opener"),
    ("Toggle article list", "toggle_list", "Fold the article list away, or bring it back"),
    ("Cycle sort", "cycle_sort", "Sort the articles by file order, date or novelty"),
    ("Problems", "problems", "List files that could not be loaded and settings problems"),
    ("Help", "help", "Every key, as remapped in the settings"),
    *TAGGING_PALETTE,
)
"""(title, screen action, help) for each action of the main screen, tagging included."""


def keys_for(screen: Screen[object], action: str) -> str:
    """The keys that run `action` on `screen` now (keymap applied), as the footer shows them."""
    shown: list[str] = []
    for active in screen.active_bindings.values():
        binding = active.binding
        if action in (binding.action, binding.id) or binding.action == f"screen.{action}":
            display = screen.app.get_key_display(binding)
            if display not in shown:
                shown.append(display)
    return ", ".join(shown)


class ReaderCommands(Provider):
    """The main screen's actions that apply now, searchable by name, each with its key."""

    def _commands(self) -> Iterator[tuple[Content, str, str, str]]:
        for title, action, help_text in PALETTE:
            name, _, arguments = action.partition("(")
            if not hasattr(self.screen, f"action_{name}"):
                continue
            parameters = tuple(int(arg) for arg in arguments.rstrip(")").split(",") if arg)
            if not self.screen.check_action(name, parameters):
                continue  # greyed out or hidden here: the palette offers what applies now
            offered = getattr(self.screen, "offers", None)
            if offered is not None and not offered(name):
                continue  # the key still answers (e.g. D says there is nowhere to go back to)
            keys = keys_for(self.screen, action)
            yield Content(f"  {keys}").stylize("dim") if keys else Content(""), title, action, help_text

    async def discover(self) -> Hits:
        for keys, title, action, help_text in self._commands():
            run = partial(self.screen.run_action, action)
            yield DiscoveryHit(Content(title) + keys, run, title, help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for keys, title, action, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                run = partial(self.screen.run_action, action)
                yield Hit(score, matcher.highlight(title) + keys, run, title, help_text)
