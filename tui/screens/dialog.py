"""The one base of the reader's dialogs: a centred box over the dimmed screen, returning a typed result."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen

ResultT = TypeVar("ResultT")


class Dialog(ModalScreen[ResultT]):
    """Subclasses yield their fields from `body`; the box and its look come from `.dialog` in app.tcss.

    `TONE` picks the border colour (`accent`, `warning` or `error`); `heading` is the box's title.
    """

    DEFAULT_CLASSES = "dialog"
    TONE: ClassVar[str] = "accent"

    def heading(self) -> str:
        """The box's title (literal text)."""
        return ""

    def body(self) -> ComposeResult:
        """The dialog's widgets, inside the box."""
        yield from ()

    def compose(self) -> ComposeResult:
        with Vertical(classes=f"dialog-box -{self.TONE}") as box:
            title = self.heading()
            if title:
                box.border_title = Content(title)
            yield from self.body()
