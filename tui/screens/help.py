"""Every key of the reader, as remapped in the settings file, in a table that fits the terminal."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Footer

from tui.commands import PALETTE
from tui.screens.late_keys import KeepsTypedKeys

KEY_WIDTH = 18
"""Cells of the key column; descriptions and their continuation lines start after it."""
EXPLAINED = {action: f" - {text.lower()}" for title, action, text in PALETTE if text != title}
"""A longer line for the actions the command palette also lists."""
LEAVING = (
    "esc backs out one level: a filter first, then the screen. q quits, from the reader only "
    "(elsewhere it does nothing); ctrl+q quits from anywhere."
)


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the table: the keys shown, what they do, and a dim explanation."""

    keys: str
    description: str
    detail: str = ""


Section = tuple[str, Sequence[Row]]


def keys_in_force(binding: Binding, keymap: Mapping[str, str]) -> list[str]:
    """The keys that trigger `binding` once the keymap is applied."""
    chosen = keymap.get(binding.id or "") or binding.key
    return [key.strip() for key in chosen.split(",") if key.strip()]


def of(bindings: Iterable[object]) -> list[Binding]:
    """The `Binding`s among a BINDINGS list (which may also hold tuples)."""
    return [binding for binding in bindings if isinstance(binding, Binding)]


def sections() -> list[tuple[str, list[Binding]]]:
    """The bindings of every part of the reader, read from each screen and widget, grouped as met."""
    from tui.screens.main import MainScreen
    from tui.screens.overview import OverviewScreen
    from tui.screens.pair import PairScreen
    from tui.screens.search import SearchScreen
    from tui.screens.tags_screen import TagsScreen
    from tui.tagging_keys import TAGGING_BINDINGS
    from tui.widgets.article_list import ArticleList
    from tui.widgets.reader import Reader
    from tui.widgets.side_panel import SidePanel

    tagging = {binding.id for binding in TAGGING_BINDINGS}
    reading = [binding for binding in of(MainScreen.BINDINGS) if binding.id and binding.id not in tagging]
    focus = [
        Binding("tab", "focus_next", "Next part (list, reader, side panel)"),
        Binding("shift+tab", "focus_previous", "Previous part"),
        Binding("ctrl+p", "command_palette", "Command palette: every action by name, with its key"),
        Binding("ctrl+q", "quit", "Quit from anywhere"),
    ]
    return [
        ("Reader", [*of(Reader.BINDINGS), Binding("up,down", "", "Previous / next passage")]),
        ("Article list (reader follows)", of(ArticleList.BINDINGS)),
        ("Side panel (s)", of(SidePanel.BINDINGS)),
        ("Everywhere in the reader", reading + focus),
        ("Tagging (the passage under the cursor)", list(TAGGING_BINDINGS)),
        ("All tags (T)", of(TagsScreen.BINDINGS)),
        ("Overview (o)", of(OverviewScreen.BINDINGS)),
        ("Shared passages", of(PairScreen.BINDINGS)),
        ("Search (/)", of(SearchScreen.BINDINGS)),
        ("Help (?)", of(HelpScreen.BINDINGS)),
    ]


def lines(table: Sequence[Section], width: int) -> list[Content]:
    """The table at `width` cells: section titles, then keys with descriptions wrapped beside them."""
    room = max(10, width - KEY_WIDTH)
    indent = Content(" " * KEY_WIDTH)
    out: list[Content] = []
    for title, rows in table:
        out.append(Content(title).stylize("bold underline"))
        for row in rows:
            keys = Content(f"  {row.keys}".ljust(KEY_WIDTH - 1) + " ").stylize("bold")
            if keys.cell_length > KEY_WIDTH:  # a long chord gets a line of its own
                out.append(keys)
                keys = indent
            text = Content.assemble(row.description, (row.detail, "dim"))
            for number, line in enumerate(text.wrap(room)):
                out.append((keys if number == 0 else indent) + line.rstrip())
        out.append(Content(""))
    return out


class KeyTable(Widget):
    """The key table, re-wrapped to its width so continuation lines stay in the description column."""

    DEFAULT_CSS = "KeyTable { height: auto; }"

    def __init__(self, table: Sequence[Section], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.table = table

    def render(self) -> Content:
        return Content("\n").join(lines(self.table, self.size.width or 80))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(lines(self.table, width))


class HelpScreen(ModalScreen[None], KeepsTypedKeys[None]):
    """The key table, sized to the terminal; `?` or escape closes it."""

    BINDINGS = [Binding("escape,question_mark", "close", "Close help", id="close_help")]

    def __init__(self, tags: Sequence[str] = ()) -> None:
        super().__init__()
        self.tags = tuple(tags)
        """The tag each number key toggles, in order (the reader's tagger's list)."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield KeyTable(self._table(), id="help-table")
        yield Footer()

    def on_mount(self) -> None:
        body = self.query_one("#help-body")
        body.border_title = "Keys"
        body.border_subtitle = "esc closes"

    def _table(self) -> list[Section]:
        config = getattr(self.app, "config", None)
        mapping = config.keymap if config is not None else {}
        tags = {f"tag({number})": f" - {name}" for number, name in enumerate(self.tags[:9], 1)}
        table: list[Section] = [("Leaving", [Row("esc, q", LEAVING)])]
        for title, bindings in sections():
            rows = [
                Row(
                    ", ".join(self._display(key) for key in keys_in_force(binding, mapping)),
                    binding.description,
                    tags.get(binding.action) or EXPLAINED.get(binding.action, ""),
                )
                for binding in bindings
            ]
            table.append((title, rows))
        return table

    def _display(self, key: str) -> str:
        return self.app.get_key_display(Binding(key, ""))

    def action_close(self) -> None:
        self.dismiss(None)
