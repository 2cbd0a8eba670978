"""Every reader action in the command palette (ctrl+p), named as in the footer and help."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

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
    ("Cycle sort", "cycle_sort", "Sort the articles by file order, date or novelty"),
    ("Problems", "problems", "List files that could not be loaded and settings problems"),
    ("Help", "help", "Every key, as remapped in the settings"),
    *TAGGING_PALETTE,
)
"""(title, screen action, help) for each action of the main screen, tagging included."""


class ReaderCommands(Provider):
    """The main screen's actions, searchable by name."""

    def _commands(self) -> Iterator[tuple[str, str, str]]:
        yield from (entry for entry in PALETTE if hasattr(self.screen, f"action_{entry[1].split('(')[0]}"))

    async def discover(self) -> Hits:
        for title, action, help_text in self._commands():
            yield DiscoveryHit(title, partial(self.screen.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                run = partial(self.screen.run_action, action)
                yield Hit(score, matcher.highlight(title), run, help=help_text)
