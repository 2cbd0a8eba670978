"""Every key of the reader, as remapped in the settings file."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from tui.commands import PALETTE

KEY_WIDTH = 18
EXPLAINED = {action: f" - {text.lower()}" for title, action, text in PALETTE if text != title}
"""A longer line for the actions the command palette also lists."""


def keys_in_force(binding: Binding, keymap: Mapping[str, str]) -> list[str]:
    """The keys that trigger `binding` once the keymap is applied."""
    chosen = keymap.get(binding.id or "") or binding.key
    return [key.strip() for key in chosen.split(",") if key.strip()]


def sections() -> list[tuple[str, list[Binding]]]:
    """The bindings of every part of the reader, grouped as the user meets them."""
    from tui.app import BriefReaderApp
    from tui.screens.main import MainScreen
    from tui.screens.overview import OverviewScreen
    from tui.screens.pair import PairScreen
    from tui.screens.search import SearchScreen
    from tui.screens.tags_screen import TagsScreen
    from tui.tagging_keys import TAGGING_BINDINGS
    from tui.widgets.article_list import ArticleList
    from tui.widgets.reader import Reader

    def of(bindings: Iterable[object]) -> list[Binding]:
        return [binding for binding in bindings if isinstance(binding, Binding)]

    tagging = {binding.id for binding in TAGGING_BINDINGS}
    reading = [binding for binding in of(MainScreen.BINDINGS) if binding.id and binding.id not in tagging]
    focus = [
        Binding("tab", "focus_next", "Next part (list, reader, side panel)"),
        Binding("shift+tab", "focus_previous", "Previous part"),
        Binding("ctrl+p", "command_palette", "Command palette: every action by name"),
    ]
    return [
        ("Reader", [*of(Reader.BINDINGS), Binding("up,down", "", "Previous / next passage")]),
        ("Article list (reader follows)", of(ArticleList.BINDINGS)),
        ("Everywhere", reading + of(BriefReaderApp.BINDINGS) + focus),
        ("Tagging (the passage under the cursor)", list(TAGGING_BINDINGS)),
        ("All tags (T)", of(TagsScreen.BINDINGS)),
        ("Overview", of(OverviewScreen.BINDINGS)),
        ("Shared passages", of(PairScreen.BINDINGS)),
        ("Search", of(SearchScreen.BINDINGS)),
    ]


class HelpScreen(ModalScreen[None]):
    """The key table; `?` or escape closes it."""

    BINDINGS = [Binding("escape,question_mark,q", "close", "Close help", id="close_help")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(self._table(), id="help-table")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help-body").border_title = "Keys"

    def _table(self) -> Content:
        config = getattr(self.app, "config", None)
        mapping = config.keymap if config is not None else {}
        tags = self._tags(config.tags if config is not None else ())
        lines: list[Content] = []
        for title, bindings in sections():
            lines.append(Content(title).stylize("bold underline"))
            for binding in bindings:
                keys = ", ".join(self._display(key) for key in keys_in_force(binding, mapping))
                key_column = (f"  {keys}".ljust(KEY_WIDTH), "bold")
                detail = tags.get(binding.action) or EXPLAINED.get(binding.action, "")
                lines.append(Content.assemble(key_column, " ", binding.description, (detail, "dim")))
            lines.append(Content(""))
        return Content("\n").join(lines)

    def _tags(self, configured: tuple[str, ...]) -> dict[str, str]:
        """The tag each number key toggles: the tagger's list, else the settings' list."""
        tagger = getattr(self.app.screen_stack[0], "tagger", None)
        names = tagger.tags if tagger is not None else configured
        return {f"tag({number})": f" - {name}" for number, name in enumerate(names[:9], 1)}

    def _display(self, key: str) -> str:
        return self.app.get_key_display(Binding(key, ""))

    def action_close(self) -> None:
        self.dismiss(None)
