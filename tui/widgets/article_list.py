"""The article list: one two-line row per article, virtualised by OptionList, filled in chunks."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from textual.binding import Binding
from textual.content import Content, Span
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from annotations.corpus.models import Analysis, Article
from tui.view import Chips, Summary, summary

FIRST_ROWS = 200
"""Rows built before the first paint; the rest follow in chunks so the screen never stalls."""
CHUNK_ROWS = 200
READ_MARK = " ✓"
"""After the label of an article opened in this or an earlier session."""


def row(article: Article, facts: Summary) -> Content:
    """The article's label and title, then source, date and counts; all literal text."""
    where = " · ".join(part for part in (article.source, article.date) if part)
    novelty = "–" if facts.novelty is None else f"{facts.novelty:.0%}"
    counts = f"{facts.passages}¶  {novelty} new  {facts.boilerplate} bp  {facts.tagged} tagged"
    second = f"{where}  {counts}" if where else counts
    first = f"{article.label}{READ_MARK if facts.read else ''} {article.title}"
    text = f"{first}\n{second}"
    return Content(text, [Span(0, len(article.label), "bold"), Span(len(first) + 1, len(text), "dim")])


class ArticleList(OptionList):
    """The corpus, one article per row; moving the highlight selects the article to read."""

    HELP = "The articles. Move with j/k or the arrows; the reader follows the highlight."

    BINDINGS = [
        Binding("j", "cursor_down", "Next article", id="next_passage", show=False),
        Binding("k", "cursor_up", "Previous article", id="previous_passage", show=False),
        Binding("g", "first", "First article", id="first_passage", show=False),
        Binding("G", "last", "Last article", id="last_passage", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.border_title = "Articles"
        self._generation = 0
        self._shown: tuple[Analysis, Chips, AbstractSet[str]] = (Analysis(), {}, frozenset())

    def show(
        self, order: Sequence[Article], analysis: Analysis, chips: Chips, selected: str | None,
        read: AbstractSet[str] = frozenset(),
    ) -> None:
        """Fill the list in `order`, keeping `selected` highlighted; `read` articles carry a mark."""
        self._generation += 1
        self._shown = (analysis, chips, read)
        ids = [article.id for article in order]
        at = ids.index(selected) if selected in ids else 0
        first = max(FIRST_ROWS, at + 1)
        # Redrawing is not a move: a highlight event here would race the screen's own jumps.
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(self._rows(order[:first]))
            self.highlighted = at if ids else None
        if len(order) > first:
            self.call_after_refresh(self._fill, self._generation, order, first)

    def update_rows(
        self, articles: Sequence[Article], analysis: Analysis, chips: Chips, read: AbstractSet[str]
    ) -> None:
        """Redraw only these articles' rows (rows not built yet will be built from the new counts)."""
        self._shown = (analysis, chips, read)
        for article in articles:
            with contextlib.suppress(OptionDoesNotExist):
                self.replace_option_prompt(article.id, self._row(article))

    def _fill(self, generation: int, order: Sequence[Article], start: int) -> None:
        if generation != self._generation:
            return
        end = start + CHUNK_ROWS
        self.add_options(self._rows(order[start:end]))
        if end < len(order):
            self.call_after_refresh(self._fill, generation, order, end)

    def _row(self, article: Article) -> Content:
        analysis, chips, read = self._shown
        return row(article, summary(article, analysis, chips, article.id in read))

    def _rows(self, articles: Sequence[Article]) -> list[Option]:
        return [Option(self._row(article), id=article.id) for article in articles]

    @property
    def selected_id(self) -> str | None:
        """The highlighted article's id."""
        option = self.highlighted_option
        return None if option is None else option.id
