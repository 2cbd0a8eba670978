"""The reader app: loads the settings, applies the keymap and opens the main screen."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from annotations.config import Config, load_config
from tui.commands import ReaderCommands
from tui.screens.main import MainScreen


class BriefReaderApp(App[int]):
    """Read how several outlets covered one story."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "briefreader"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    BINDINGS = [Binding("q", "quit", "Quit", id="quit")]

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

    def get_default_screen(self) -> MainScreen:
        """The reader is the base screen (no blank screen painted first)."""
        return MainScreen(self.paths, self.config)

    def on_mount(self) -> None:
        self.set_keymap(self.config.keymap)


def run_app(paths: Sequence[str], *, db: str | None, config: str | None, analyst: str) -> int:
    """Run the reader until the user quits; the exit code for the command line."""
    app = BriefReaderApp(paths, config=load_config(config), db=db, analyst=analyst)
    app.run()
    return app.return_code or 0
