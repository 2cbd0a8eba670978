"""The reader app: loads the settings, applies the keymap, opens the store and the main screen."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App
from textual.binding import Binding

from annotations.config import Config, load_config
from tui.background import HeadStart
from tui.collector import IdleCollector
from tui.commands import ReaderCommands
from tui.excerpt import excerpt
from tui.keymap import checked
from tui.messages import CorpusShown, StoreOpened
from tui.screens.late_keys import held_for_new_screen
from tui.screens.main import MainScreen
from tui.workers import Analyser, real_analysis

if TYPE_CHECKING:  # TinyDB loads after the first paint, with the store
    from annotations.store.store import Store
    from tui.store_opening import StoreOpener


COLLECT_EVERY = 0.25
"""Seconds between checks whether the keys paused long enough for a full garbage collection."""


class BriefReaderApp(App[int]):
    """Read how several outlets covered one story."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "briefreader"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    BINDINGS = [
        Binding("W", "take_over_store", "Take over store", id="take_over_store",
                tooltip="Save tags here once the other briefreader on this store has closed"),
    ]

    def __init__(
        self,
        paths: Sequence[str] = (),
        *,
        config: Config | None = None,
        db: str | None = None,
        analyst: str = "",
        analyser: Analyser = real_analysis,
        head_start: HeadStart | None = None,
    ) -> None:
        super().__init__()
        self.head_start = head_start
        self.analyser = analyser
        """Runs the detectors; tests hand in a fixed analysis instead of running them."""
        self.paths = list(paths)
        self.config = config or Config()
        self.db = db
        self.analyst = analyst
        self.store: Store | None = None
        self.opener: StoreOpener | None = None
        self.collector = IdleCollector()

    def get_default_screen(self) -> MainScreen:
        """The reader is the base screen (no blank screen painted first)."""
        return MainScreen(
            self.paths, self.config, analyst=self.analyst, analyser=self.analyser, head_start=self.head_start
        )

    def on_mount(self) -> None:
        self.set_keymap(self.config.keymap)
        self.collector.start()
        self.set_interval(COLLECT_EVERY, self.collector.tick)

    def on_key(self, event: events.Key) -> None:
        """A key typed right after one that opened a screen goes to that screen, once it is drawn."""
        self.collector.key()
        held_for_new_screen(self, event)

    def on_corpus_shown(self, message: CorpusShown) -> None:
        """Open the store once the first article is painted, in a thread: keys are answered meanwhile."""
        from tui.store_opening import StoreOpener

        if self.opener is None:
            self.opener = StoreOpener(self, Path(self.db) if self.db else None, self._store_opened)
            self.opener.start()

    def on_store_opened(self, message: StoreOpened) -> None:
        if self.opener is not None:
            self.opener.arrived(message)

    def _store_opened(self, store: Store | None) -> None:
        if store is None:
            self.exit(1, return_code=1)
            return
        self.store = store
        screen = self.screen_stack[0] if self.screen_stack else None
        if isinstance(screen, MainScreen):
            screen.use_store(store)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "take_over_store":
            return self.store is not None and self.store.read_only
        return True

    def action_take_over_store(self) -> None:
        """Make this window the store's writer once the other briefreader has let go of it."""
        from annotations.store.storage import StoreError
        from annotations.store.values import Outcome

        if self.store is None:
            return
        try:
            taken = self.store.take_over()
        except StoreError as error:
            self.notify(excerpt(error.message, 300), severity="error", markup=False)
            return
        if not taken:
            still = f"{self.store.notice}: still open there"
            self.notify(excerpt(still, 300), severity="warning", markup=False)
            return
        self.notify("The annotation store is writable in this window now", markup=False)
        self.refresh_bindings()
        screen = self.screen_stack[0] if self.screen_stack else None
        if isinstance(screen, MainScreen) and screen.tagger is not None:
            screen.tagging_changed(Outcome("", keys=()))

    def on_unmount(self) -> None:
        """Save the journal and release the lock, however the app ends (and whenever the store opens)."""
        self.collector.close()
        if self.opener is not None:
            self.opener.end()
        if self.store is not None:
            self.store.close()
            self.store = None


def run_app(
    paths: Sequence[str],
    *,
    db: str | None,
    config: str | None,
    analyst: str,
    head_start: HeadStart | None = None,
) -> int:
    """Run the reader until the user quits; the exit code for the command line. The settings are those
    the head start read, if there is one (the command line read them before Textual loaded)."""
    settings = checked(head_start.config if head_start is not None else load_config(config))
    app = BriefReaderApp(paths, config=settings, db=db, analyst=analyst, head_start=head_start)
    app.run()
    return app.return_code or 0
