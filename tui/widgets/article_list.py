"""The article list: one two-line row per article, virtualised by OptionList."""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from annotations.models import Analysis, Article
from tui.view import Chips, Summary, summary


def row(article: Article, facts: Summary) -> Content:
    """The article's label and title, then source, date and counts; all literal text."""
    where = " · ".join(part for part in (article.source, article.date) if part)
    novelty = "–" if facts.novelty is None else f"{facts.novelty:.0%}"
    counts = f"{facts.passages}¶  {novelty} new  {facts.boilerplate} bp  {facts.tagged} tagged"
    second = f"{where}  {counts}" if where else counts
    return Content.assemble(
        (article.label, "bold"), " ", Content(article.title), "\n", Content(second).stylize("dim")
    )


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

    def show(self, order: Sequence[Article], analysis: Analysis, chips: Chips, selected: str | None) -> None:
        """Fill the list in `order`, keeping `selected` highlighted."""
        self.set_options(
            Option(row(article, summary(article, analysis, chips)), id=article.id) for article in order
        )
        ids = [article.id for article in order]
        self.highlighted = ids.index(selected) if selected in ids else (0 if ids else None)

    @property
    def selected_id(self) -> str | None:
        """The highlighted article's id."""
        option = self.highlighted_option
        return None if option is None else option.id
