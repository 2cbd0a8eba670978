"""When the annotation store cannot be read: set the file aside and start afresh, or quit."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Button, Static

from annotations.store.storage import StoreError, set_aside
from annotations.store.store import Store
from tui.excerpt import excerpt
from tui.screens.dialog import Dialog

JOURNAL_SUFFIX = ".journal"


def store_file(error: StoreError, opened: Path | None = None) -> Path | None:
    """The store file to set aside: the one opened, else the one the error names (its journal's store)."""
    path = opened or error.path
    if path is not None and path.name.endswith(JOURNAL_SUFFIX):
        return path.with_name(path.name.removesuffix(JOURNAL_SUFFIX))
    return path


def read_only_notice(store: Store) -> str | None:
    """The line to notify when another briefreader holds the store (None when it is writable)."""
    if not store.read_only:
        return None
    reason = store.notice or "the annotation store is read-only"
    return (f"{excerpt(reason, 160)}: tags and notes cannot be saved in this window; "
            "press W to take the store over once the other one is closed")


class StoreProblem(Dialog[bool]):
    """True when the bad file was moved aside (open a new store now), False to quit."""

    TONE = "error"
    BINDINGS = [
        Binding("s", "set_aside", "Set aside, start anew", id="store_problem.set_aside"),
        Binding("q,escape", "quit_app", "Quit", id="store_problem.quit"),
    ]

    def __init__(self, error: StoreError, opened: Path | None = None) -> None:
        super().__init__()
        self.error = error
        self.path = store_file(error, opened)
        self.moved_to: Path | None = None
        """Where the old file went, once set aside."""

    def heading(self) -> str:
        return "The annotation store cannot be used"

    def body(self) -> ComposeResult:
        yield Static(Content(excerpt(self.error.message, 300)), id="store-message")
        yield Button("Keep the old file aside and start a new store (s)", variant="warning",
                     id="store-set-aside", disabled=self.path is None)
        yield Button("Quit (q)", variant="primary", id="store-quit")
        yield Static(id="store-failed")

    @on(Button.Pressed, "#store-set-aside")
    def action_set_aside(self) -> None:
        if self.path is None:
            return
        try:
            self.moved_to = set_aside(self.path)
        except OSError as error:
            line = f"Could not move {self.path} aside: {error.strerror or error}"
            self.query_one("#store-failed", Static).update(Content(excerpt(line, 300)))
            return
        self.app.notify(excerpt(f"The old store is kept as {self.moved_to}", 300), markup=False)
        self.dismiss(True)

    @on(Button.Pressed, "#store-quit")
    def action_quit_app(self) -> None:
        self.dismiss(False)
