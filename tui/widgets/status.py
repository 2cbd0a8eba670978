"""The progress line under the reader: appears only when loading or analysis takes a while."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Label, ProgressBar

DELAY = 0.3
"""Seconds of work before the bar shows (quick runs never build it, so start-up stays fast)."""

SAID_FOR = 4.0
"""Seconds a line from `say` stays; the next one replaces it at once."""


class Said(Widget):
    """One line of literal text; changing it repaints the line without a relayout (a Label relayouts)."""

    line: reactive[str] = reactive("")

    def render(self) -> Content:
        return Content(self.line)


class StatusBar(Horizontal):
    """Stage name and progress bar for the background work, and the last short reply to a key."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.stage, self.fraction, self.busy = "Loading articles", 0.0, True
        self._timer: Timer | None = None
        self._said = Said(id="said")
        self._said_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield self._said

    def on_mount(self) -> None:
        if not self.query(ProgressBar):  # not already revealed by the screen
            self.display = False
            self._timer = self.set_timer(DELAY, self._reveal)

    def say(self, line: str) -> None:
        """Show one short line (literal text) in place of the previous one, for a few seconds."""
        self._said.line = line
        self.display = True
        if self._said_timer is not None:
            self._said_timer.stop()
        self._said_timer = self.set_timer(SAID_FOR, self._unsay)

    def _unsay(self) -> None:
        self._said.line = ""
        self.display = self.busy and bool(self.query(ProgressBar))

    def report(self, stage: str, fraction: float) -> None:
        """Record (and show, once visible) how far the work is."""
        changed = stage != self.stage
        self.stage, self.fraction = stage, fraction
        if self.query("#stage"):
            if changed:  # a new text lays out the whole screen again: only when the stage moves on
                self.query_one("#stage", Label).update(Content(stage))
            self.query_one(ProgressBar).update(progress=fraction)

    def finish(self) -> None:
        """The work is over: remove the bar (a line from `say` stays its time)."""
        self.busy = False
        if self._timer is not None:
            self._timer.stop()
        for part in (*self.query("#stage"), *self.query(ProgressBar)):
            part.remove()
        self.display = bool(self._said.line)

    def reveal(self) -> None:
        """Show the bar now (a large corpus: the first frame says what is being loaded)."""
        if self._timer is not None:
            self._timer.stop()
        self._reveal()

    def _reveal(self) -> None:
        if self.busy and not self.query(ProgressBar):
            bar = ProgressBar(total=1.0, show_eta=False, id="progress")
            self.mount(Label(Content(self.stage), id="stage"), bar, before=self._said)
            bar.update(progress=self.fraction)
            self.display = True
