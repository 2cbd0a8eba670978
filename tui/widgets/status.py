"""The progress line under the reader: appears only when loading or analysis takes a while."""

from __future__ import annotations

from textual.containers import Horizontal
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Label, ProgressBar

DELAY = 0.3
"""Seconds of work before the bar shows (quick runs never build it, so start-up stays fast)."""


class StatusBar(Horizontal):
    """Stage name and progress bar for the background work; the screen reports into it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.stage, self.fraction, self.busy = "Loading articles", 0.0, True
        self._timer: Timer | None = None

    def on_mount(self) -> None:
        self.display = False
        self._timer = self.set_timer(DELAY, self._reveal)

    def report(self, stage: str, fraction: float) -> None:
        """Record (and show, once visible) how far the work is."""
        self.stage, self.fraction = stage, fraction
        if self.children:
            self.query_one(Label).update(Content(stage))
            self.query_one(ProgressBar).update(progress=fraction)

    def finish(self) -> None:
        """The work is over: hide the bar for good."""
        self.busy = False
        self.display = False
        if self._timer is not None:
            self._timer.stop()

    def _reveal(self) -> None:
        if self.busy:
            self.mount(Label(Content(self.stage), id="stage"))
            self.mount(ProgressBar(total=1.0, show_eta=False, id="progress"))
            self.query_one(ProgressBar).update(progress=self.fraction)
            self.display = True
