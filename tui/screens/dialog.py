"""The one base of the reader's dialogs: a centred box returning a typed result, keeping typed-ahead keys."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen

from tui.screens.late_keys import KeepsTypedKeys

ResultT = TypeVar("ResultT")


class Dialog(ModalScreen[ResultT], KeepsTypedKeys[ResultT]):
    """Subclasses yield their fields from `body`; the box and its look come from `.dialog` in app.tcss.

    `TONE` picks the border colour (`accent`, `warning` or `error`); `heading` is the box's title.
    Keys typed before the dialog is drawn, or after the key that closes it, are not lost.
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
