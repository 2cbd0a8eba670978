"""The overview of a story: who shares how much text with whom, in which direction, and what each adds.

Rows and columns are in order of publication, so what a later article took from an earlier one
lies below the diagonal; each cell's arrow says who took from whom, and the colours come in a few
steps that the legend shows with their ranges.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style as RichStyle
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.content import Content
from textual.widgets import DataTable, Footer, Header, Static

from annotations.corpus.models import Analysis, Article, Corpus, PassageKey
from tui.screens.late_keys import KeepsTypedKeys

BAR_CELLS = 10
MATRIX_MAX = 200
"""Beyond this many articles the matrix shows those sharing the most text (it scrolls up to here)."""
EXPLAIN = (
    "Cell: share of the row article's words found in the column article. Earliest first. "
    "← the row took it from the column (published later; undated: the more contained one); "
    "→ the column took it from the row. 'new': found nowhere else. enter: the shared passages."
)
STEPS = (0.1, 0.25, 0.5, 0.75, 1.0)
"""Upper bounds of the colour steps; a share falls in the first step it does not exceed."""


def novelty_bar(value: float | None) -> Text:
    """A ten-cell bar with the percentage, or a dash before the analysis."""
    if value is None:
        return Text("–")
    filled = round(max(0.0, min(1.0, value)) * BAR_CELLS)
    return Text.assemble(("█" * filled, "bold"), ("░" * (BAR_CELLS - filled), "dim"), f" {value:4.0%}")


def heat_step(value: float) -> int:
    """The colour step of a share: 0 for none, then 1..len(STEPS), growing with the share."""
    if value <= 0:
        return 0
    return next((number for number, bound in enumerate(STEPS, 1) if value <= bound), len(STEPS))


def direction(analysis: Analysis, row: Article, column: Article) -> str:
    """ "←" when the row took text from the column, "→" when the column took it from the row."""
    if row.date and column.date and row.date != column.date:
        return "←" if row.date > column.date else "→"
    mine = analysis.overlap.get((row.id, column.id), 0.0)
    theirs = analysis.overlap.get((column.id, row.id), 0.0)
    return "←" if mine > theirs else "→" if mine < theirs else "↔"


def by_publication(articles: Sequence[Article]) -> list[Article]:
    """Earliest first; undated articles after the dated ones, in list order."""
    return sorted(articles, key=lambda article: (article.date is None, article.date or ""))


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


class OverviewScreen(KeepsTypedKeys[PassageKey | None]):
    """A heat map of Analysis.overlap and a novelty bar per article; returns a passage to read."""

    BINDINGS = [
        Binding("escape,o", "close", "Back to reader", id="close_overview"),
        Binding("enter", "open_pair", "Shared passages", id="open_pair"),
    ]

    def __init__(self, corpus: Corpus, analysis: Analysis, order: Sequence[Article]) -> None:
        super().__init__()
        self.corpus, self.analysis = corpus, analysis
        self.total = len(order)
        self.order = by_publication(most_shared(order, analysis, MATRIX_MAX))
        ids = {article.id for article in order}
        self.story = next((story for story in analysis.stories if ids <= set(story.articles)), None)
        self._steps: list[RichStyle] = []
        """The colour of each step, computed once per screen (thousands of cells use them)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content(EXPLAIN), id="overview-help")
        yield Static(self._legend(), id="overview-legend")
        yield DataTable(id="matrix", cursor_type="cell", zebra_stripes=False, fixed_columns=1)
        yield Footer()

    def on_mount(self) -> None:
        shown = f"the {len(self.order)} sharing most of " if len(self.order) < self.total else ""
        story = f"{self.story.title} · " if self.story is not None and len(self.analysis.stories) > 1 else ""
        self.sub_title = f"Overview · {story}{shown}{self.total} articles"
        table = self.query_one(DataTable)
        table.add_column(Text("article"), key="__title__")
        for article in self.order:
            table.add_column(Text(article.label), key=article.id)
        table.add_column(Text("new"), key="__new__")
        for article in self.order:
            cells = [self._cell(article, other) for other in self.order]
            title = Text(f"{article.label} {article.title}"[:28], no_wrap=True)
            table.add_row(title, *cells, novelty_bar(self.analysis.novelty.get(article.id)), key=article.id)
        if len(self.order) > 1:
            table.move_cursor(row=0, column=2)
        table.focus()

    def _heat(self, step: int) -> RichStyle:
        """The colour of a step: from the surface towards the theme's error colour, evenly."""
        if not self._steps:
            variables = self.app.theme_variables
            base = Color.parse(variables.get("surface", "#202020"))
            heat = Color.parse(variables.get("error", "#ff0000"))
            for number in range(len(STEPS) + 1):
                background = base.blend(heat, number / len(STEPS))
                contrast = background.get_contrast_text().rich_color
                self._steps.append(RichStyle(bgcolor=background.rich_color, color=contrast))
        return self._steps[step]

    def _legend(self) -> Text:
        bounds = (0.0, *STEPS)
        parts: list[tuple[str, RichStyle] | str] = ["colour: "]
        for step in range(1, len(STEPS) + 1):
            parts.append((f" ≤{bounds[step]:.0%} ", self._heat(step)))
        return Text.assemble(*parts, "   – none   · itself")

    def _cell(self, row: Article, column: Article) -> Text:
        if row.id == column.id:
            return Text("   ·  ", style="dim")
        value = self.analysis.overlap.get((row.id, column.id), 0.0)
        if not value:
            return Text("    – ", style=self._heat(0))
        arrow = direction(self.analysis, row, column)
        return Text(f" {arrow}{value:4.0%}", style=self._heat(heat_step(value)))

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
