"""Keys typed ahead of a screen or after it, handed to where they belong, in the order they came.

Textual routes each key as it arrives: to the focused widget of the screen on top, or to that
screen itself while nothing in it has the focus; a key binding runs only once the key has
bubbled back up to the app. So the keys typed right after one that opens a screen were routed
to the screen below (they come back to the app after the new screen is on top) or to the new
screen before its widgets are focused, and the keys typed right after one that closes a screen
reach the screen that is going away: all would be lost. `KeepsTypedKeys` holds them and hands
them on once they can be taken; `held_for_new_screen` gives it those that come back to the app.
"""

from __future__ import annotations

from typing import Any, Literal, TypeVar

from textual import events
from textual.app import App
from textual.await_complete import AwaitComplete
from textual.screen import Screen
from textual.widget import Widget

ResultT = TypeVar("ResultT")
Phase = Literal["opening", "open", "closing"]


class LateKeys:
    """The keys that reached a screen while it could not take them: before it opened, or as it closed."""

    def __init__(self) -> None:
        self.phase: Phase = "opening"
        self._keys: list[tuple[str, str | None]] = []

    @property
    def closing(self) -> bool:
        return self.phase == "closing"

    def hold(self, event: events.Key) -> bool:
        """Keep `event` (and stop it here) unless the screen is open; whether it was kept."""
        if self.phase == "open":
            return False
        event.stop()
        event.prevent_default()
        self._keys.append((event.key, event.character))
        return True

    def keep(self, keys: list[events.Key]) -> None:
        """Keep keys already taken, to replay them later or hand them on as the screen closes."""
        self._keys += [(key.key, key.character) for key in keys]

    def take(self) -> list[events.Key]:
        """The kept keys as fresh events, oldest first; none are kept after."""
        keys, self._keys = self._keys, []
        return [events.Key(key, character) for key, character in keys]

    def hand_on(self, app: App[object]) -> None:
        """Queue the kept keys on the app, for whichever screen is on top once it reads them."""
        for event in self.take():
            app.post_message(event)


def pass_on(event: events.Key, widget: Widget) -> bool:
    """Send a key on to the focused widget when it reached `widget` after the focus left it.

    A key is routed to the widget focused as it arrives; when an earlier key moved the focus,
    the keys queued behind it belong to the new one.
    """
    focused = widget.screen.focused
    if focused is None or focused is widget:
        return False
    event.stop()
    event.prevent_default()
    focused.post_message(events.Key(event.key, event.character))
    return True


def held_for_new_screen(app: App[Any], event: events.Key) -> bool:
    """Hold a key that came back to the app while the screen an earlier key opened is not ready yet.

    Nothing in an opening screen has the focus and the keys routed to it are held on arrival, so
    such a key was routed to the screen below before the new one was pushed.
    """
    screen = app.screen
    return isinstance(screen, KeepsTypedKeys) and screen.late_keys.phase == "opening" and (
        screen.late_keys.hold(event)
    )


class KeepsTypedKeys(Screen[ResultT]):
    """A screen that takes the keys typed before it was ready and hands on those typed as it closes.

    Until it is mounted it keeps the focus off (so the app routes every key to the
    screen, which holds it, in order); then, in the app's own turn, it focuses the widget it
    asked for and replays the held keys exactly as typed keys go. From `dismiss` on, keys still
    reaching it are held and queued for the screen beneath once it is gone. A modal screen names
    ModalScreen first and this second, so it keeps ModalScreen's look (CSS follows the first base).
    """

    def __init__(self, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.late_keys = LateKeys()
        self._wanted: Widget | None = None

    def _forward_event(self, event: events.Event) -> None:
        # Called by the app, in its own turn, as the key arrives: holding it here keeps the order.
        if isinstance(event, events.Key) and self.late_keys.phase == "opening":
            self.late_keys.hold(event)
            return
        super()._forward_event(event)

    def set_focus(
        self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False
    ) -> None:
        if self.late_keys.phase == "opening":
            if widget is not None:
                widget.has_focus = False  # Textual's auto focus marks it before asking
            self._wanted = widget
            return
        super().set_focus(widget, scroll_visible, from_app_focus)

    def on_mount(self) -> None:
        # After the screen's own mount handlers (and the focus they asked for), in the app's turn.
        self.call_later(self.app.call_later, self._opened)

    async def _opened(self) -> None:
        """Focus what the screen asked for and replay the keys typed before, before any typed after."""
        if self.late_keys.phase != "opening":
            return
        self.late_keys.phase = "open"
        if self._wanted is not None and self._wanted.is_attached:
            super().set_focus(self._wanted)
        await self._replay(self.late_keys.take())

    async def _replay(self, keys: list[events.Key]) -> None:
        """Route the kept keys as typed ones; after one that is not text (escape, enter), the rest wait
        until the screen has done what it set off: then they go on here, or to the screen beneath if it
        closed this one (else a field here would take them as text)."""
        for at, key in enumerate(keys):
            await self.app.on_event(key)
            if not key.is_printable and keys[at + 1 :]:
                self.late_keys.keep(keys[at + 1 :])
                self.call_after_refresh(self._resume)
                return

    async def _resume(self) -> None:
        if not self.late_keys.closing:
            await self._replay(self.late_keys.take())

    def dismiss(self, result: ResultT | None = None) -> AwaitComplete:
        self.late_keys.phase = "closing"
        return super().dismiss(result)

    def on_key(self, event: events.Key) -> None:
        self.late_keys.hold(event)

    def on_unmount(self) -> None:
        self.late_keys.hand_on(self.app)
