"""The reader app: loads the settings, applies the keymap, opens the store and the main screen."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App

from annotations.config import Config, load_config
from tui.commands import ReaderCommands
from tui.messages import CorpusShown
from tui.screens.main import MainScreen

if TYPE_CHECKING:  # TinyDB loads after the first paint, with the store
    from annotations.store.store import Store


class BriefReaderApp(App[int]):
    """Read how several outlets covered one story."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "briefreader"
    COMMANDS = App.COMMANDS | {ReaderCommands}

    def __init__(
        self,
        paths: Sequence[str] = (),
        *,
        config: Config | None = None,
        db: str | None = None,
        analyst: str = "",
    ) -> None:
        super().__init__()
        self.paths = list(paths)
        self.config = config or Config()
        self.db = db
        self.analyst = analyst
        self.store: Store | None = None

    def get_default_screen(self) -> MainScreen:
        """The reader is the base screen (no blank screen painted first)."""
        return MainScreen(self.paths, self.config, analyst=self.analyst)

    def on_mount(self) -> None:
        self.set_keymap(self.config.keymap)

    def on_corpus_shown(self, message: CorpusShown) -> None:
        """Open the store once the first article is painted: reading it must not delay the text."""
        from tui.screens.store_problem import open_store_or_ask

        open_store_or_ask(self, Path(self.db) if self.db else None, self._store_opened)

    def _store_opened(self, store: Store | None) -> None:
        if store is None:
            self.exit(1, return_code=1)
            return
        self.store = store
        screen = self.screen_stack[0] if self.screen_stack else None
        if isinstance(screen, MainScreen):
            screen.use_store(store)

    def on_unmount(self) -> None:
        """Save the journal and release the lock, however the app ends."""
        if self.store is not None:
            self.store.close()
            self.store = None


def run_app(paths: Sequence[str], *, db: str | None, config: str | None, analyst: str) -> int:
    """Run the reader until the user quits; the exit code for the command line."""
    app = BriefReaderApp(paths, config=load_config(config), db=db, analyst=analyst)
    app.run()
    return app.return_code or 0
