"""An app that opens one screen with the reader's stylesheet, for testing dialogs and screens alone."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen

from tui.app import BriefReaderApp


class Host(App[None]):
    """Opens `screen` over an empty app and records what it returns."""

    CSS_PATH = BriefReaderApp.CSS_PATH

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self.opened = screen
        self.results: list[Any] = []

    def on_mount(self) -> None:
        self.push_screen(self.opened, self.results.append)


async def screen_text(pilot: Pilot[Any]) -> str:
    """What the terminal shows, as plain text (the same render the screenshot uses)."""
    await pilot.pause()
    app = pilot.app
    console = Console(width=app.size.width, height=app.size.height, file=io.StringIO(), record=True)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def type_ahead(app: App[Any], *keys: str) -> None:
    """Queue `keys` at once, as a fast typist or a paste does (Pilot's press waits after each)."""
    from textual import events

    for key in keys:
        character = key if len(key) == 1 else {"space": " "}.get(key)
        app.post_message(events.Key(key, character))
