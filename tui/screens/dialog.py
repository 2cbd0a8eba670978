"""The one base of the reader's dialogs (a centred box returning a typed result), and late keys."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import events
from textual.app import App, ComposeResult
from textual.await_complete import AwaitComplete
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen

ResultT = TypeVar("ResultT")


class LateKeys:
    """Keys typed ahead that reach a screen after it was dismissed, handed on to the screen beneath.

    Textual routes a key to the focused widget as it arrives; keys typed right after the one
    that closes a screen still land there, and would be lost when it goes. The screen holds them
    from the moment it is dismissed and posts them again, in order, once it is unmounted.
    """

    def __init__(self) -> None:
        self.closing = False
        self._keys: list[tuple[str, str | None]] = []

    def hold(self, event: events.Key) -> None:
        """Keep `event` for the next screen if this one is closing."""
        if self.closing:
            event.stop()
            event.prevent_default()
            self._keys.append((event.key, event.character))

    def hand_on(self, app: App[object]) -> None:
        """Send the held keys to the app again, for the screen now on top."""
        for key, character in self._keys:
            app.post_message(events.Key(key, character))
        self._keys.clear()


class Dialog(ModalScreen[ResultT]):
    """Subclasses yield their fields from `body`; the box and its look come from `.dialog` in app.tcss.

    `TONE` picks the border colour (`accent`, `warning` or `error`); `heading` is the box's title.
    """

    DEFAULT_CLASSES = "dialog"
    TONE: ClassVar[str] = "accent"

    def __init__(self) -> None:
        super().__init__()
        self.late_keys = LateKeys()

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

    def dismiss(self, result: ResultT | None = None) -> AwaitComplete:
        self.late_keys.closing = True
        return super().dismiss(result)

    def on_key(self, event: events.Key) -> None:
        self.late_keys.hold(event)

    def on_unmount(self) -> None:
        self.late_keys.hand_on(self.app)
