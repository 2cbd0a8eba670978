"""The overview: who shares how much text with whom, and how much each article adds."""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style as RichStyle
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from annotations.corpus.models import Analysis, Article, Corpus, PassageKey

BAR_CELLS = 10
MATRIX_MAX = 40
"""Beyond this many articles the matrix shows those sharing the most text (a full one is unreadable)."""
EXPLAIN = (
    "Row article's words found in the column article (share of the row's own text). "
    "A row higher than its mirror cell hints the row article took text from the column one. "
    "'new' is the share found nowhere else. enter on a cell: the shared passages."
)


def novelty_bar(value: float | None) -> Text:
    """A ten-cell bar with the percentage, or a dash before the analysis."""
    if value is None:
        return Text("–")
    filled = round(max(0.0, min(1.0, value)) * BAR_CELLS)
    return Text.assemble(("█" * filled, "bold"), ("░" * (BAR_CELLS - filled), "dim"), f" {value:4.0%}")


def most_shared(order: Sequence[Article], analysis: Analysis, limit: int) -> list[Article]:
    """The `limit` articles with the most overlap either way, in list order (all when few)."""
    if len(order) <= limit:
        return list(order)
    shared: dict[str, float] = {}
    for (first, second), value in analysis.overlap.items():
        shared[first] = shared.get(first, 0.0) + value
        shared[second] = shared.get(second, 0.0) + value
    top = set(sorted(shared, key=lambda article_id: -shared[article_id])[:limit])
    if len(top) < limit:
        top.update(article.id for article in order[: limit - len(top)])
    return [article for article in order if article.id in top][:limit]


class OverviewScreen(Screen[PassageKey | None]):
    """A heat map of Analysis.overlap and a novelty bar per article; returns a passage to read."""

    BINDINGS = [
        Binding("escape,o", "close", "Back to reader", id="close_overview"),
        Binding("enter", "open_pair", "Shared passages", id="open_pair"),
    ]

    def __init__(self, corpus: Corpus, analysis: Analysis, order: Sequence[Article]) -> None:
        super().__init__()
        self.corpus, self.analysis = corpus, analysis
        self.total = len(order)
        self.order = most_shared(order, analysis, MATRIX_MAX)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content(EXPLAIN), id="overview-help")
        yield DataTable(id="matrix", cursor_type="cell", zebra_stripes=False)
        yield Footer()

    def on_mount(self) -> None:
        shown = f"the {len(self.order)} sharing most of " if len(self.order) < self.total else ""
        self.sub_title = f"Overview · {shown}{self.total} articles"
        table = self.query_one(DataTable)
        table.add_column(Text("article"), key="__title__")
        for article in self.order:
            table.add_column(Text(article.label), key=article.id)
        table.add_column(Text("new"), key="__new__")
        for article in self.order:
            cells = [self._cell(article.id, other.id) for other in self.order]
            title = Text(f"{article.label} {article.title}"[:28], no_wrap=True)
            table.add_row(title, *cells, novelty_bar(self.analysis.novelty.get(article.id)), key=article.id)
        if len(self.order) > 1:
            table.move_cursor(row=0, column=2)
        table.focus()

    def _cell(self, row: str, column: str) -> Text:
        if row == column:
            return Text("  ·  ", style="dim")
        value = self.analysis.overlap.get((row, column), 0.0)
        variables = self.app.theme_variables
        base = Color.parse(variables.get("surface", "#202020"))
        heat = Color.parse(variables.get("error", "#ff0000"))
        background = base.blend(heat, min(1.0, value * 2.5))
        style = RichStyle(bgcolor=background.rich_color, color=background.get_contrast_text().rich_color)
        return Text(f" {value:4.0%}" if value else "   – ", style=style)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_open_pair(self) -> None:
        table = self.query_one(DataTable)
        row, column = table.coordinate_to_cell_key(table.cursor_coordinate)
        self._open(row.value, column.value)

    @on(DataTable.CellSelected)
    def _selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        self._open(event.cell_key.row_key.value, event.cell_key.column_key.value)

    def _open(self, row: str | None, column: str | None) -> None:
        ids = {article.id for article in self.order}
        if row not in ids or column not in ids or row == column:
            self.notify("Pick a cell between two different articles")
            return
        from tui.screens.pair import PairScreen

        self.app.push_screen(PairScreen(self.corpus, self.analysis, row, column), self._chosen)

    def _chosen(self, key: PassageKey | None) -> None:
        if key is not None:
            self.dismiss(key)
