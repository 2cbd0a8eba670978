"""The article list: one two-line row per article, grouped under story headers, filled in chunks.

With more than one story each gets a one-line header (title, articles, outlets) that enter folds;
with one story (or before the analysis) the list is the plain article list.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from textual import on
from textual.binding import Binding
from textual.content import Content, Span
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from annotations.corpus.models import Analysis, Article, Story
from annotations.corpus.outlets import outlet
from tui.story_view import Group, story_groups
from tui.title_fit import distinct_titles
from tui.view import Chips, Summary, summary
from tui.widgets.row_list import RowList

FIRST_ROWS = 200
"""Rows built before the first paint; the rest follow in chunks so the screen never stalls."""
CHUNK_ROWS = 200
HEADER = "/"
"""Starts a story header's option id: no article id does (ids are file names, never empty)."""
READ_MARK = " ✓"
"""After the label of an article opened in this or an earlier session."""


def row(article: Article, facts: Summary, title: str | None = None) -> Content:
    """The label and title (or `title`, fitted to the width), then source, date and counts; all literal."""
    source = None if article.source and article.label.startswith(article.source) else article.source
    where = " · ".join(part for part in (source, article.date) if part)
    novelty = "–" if facts.novelty is None else f"{facts.novelty:.0%}"
    counts = f"{facts.passages}¶  {novelty} new  {facts.boilerplate} bp  {facts.tagged} tagged"
    second = f"{where}  {counts}" if where else counts
    first = f"{label(article, facts.read)}{article.title if title is None else title}"
    text = f"{first}\n{second}"
    return Content(text, [Span(0, len(article.label), "bold"), Span(len(first) + 1, len(text), "dim")])


def label(article: Article, read: bool) -> str:
    """What precedes the title on an article's row."""
    return f"{article.label}{READ_MARK if read else ''} "


def header(story: Story, articles: Sequence[Article], folded: bool) -> Content:
    """A story's header: fold mark and title, then counts of articles and outlets; all literal text."""
    outlets = len({outlet(article) for article in articles})
    counts = f"  {len(articles)} article{'s' * (len(articles) != 1)} · {outlets} outlet{'s' * (outlets != 1)}"
    if story.first:
        counts += f" · from {story.first}"
    first = f"{'▸' if folded else '▾'} {story.title}"
    text = f"{first}\n{counts}"
    return Content(text, [Span(0, len(first), "bold reverse"), Span(len(first) + 1, len(text), "bold")])


class ArticleList(RowList):
    """The corpus, one article per row under its story; moving the highlight selects the article to read."""

    HELP = (
        "The articles, grouped by story. Move with j/k or the arrows; the reader follows the highlight. "
        "n/p move within a story, ] and [ to the next or previous story; enter on a header folds it."
    )

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
        self.folded: set[str] = set()
        """Ids of the stories whose articles are hidden under their header."""
        self._groups: list[Group] = []
        self._shown: tuple[Analysis, Chips, AbstractSet[str]] = (Analysis(), {}, frozenset())
        self._fitted: dict[str, str] = {}
        """Titles that would cut to the same visible text, shortened to show where they differ."""
        self._width = 0

    def show(
        self,
        order: Sequence[Article],
        analysis: Analysis,
        chips: Chips,
        selected: str | None,
        read: AbstractSet[str] = frozenset(),
        stories_by: str = "size",
    ) -> None:
        """Fill the list in `order` within stories sorted `stories_by`, keeping `selected` highlighted.

        `read` articles carry a mark."""
        self._generation += 1
        self._shown = (analysis, chips, read)
        self._groups = story_groups(order, analysis.stories, stories_by)
        if selected is not None:
            self.folded.discard(self._story_id(selected) or "")
        rows = self._layout()
        self._fit(rows)
        ids = [option_id for option_id, _ in rows]
        at = ids.index(selected) if selected in ids else 0
        first = max(FIRST_ROWS, at + 1)
        # Redrawing is not a move: a highlight event here would race the screen's own jumps.
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(self._rows(rows[:first]))
            self.highlighted = at if ids else None
        if len(rows) > first:
            self.call_after_refresh(self._fill, self._generation, rows, first)

    def update_rows(
        self, articles: Sequence[Article], analysis: Analysis, chips: Chips, read: AbstractSet[str]
    ) -> None:
        """Redraw only these articles' rows (rows not built yet will be built from the new counts)."""
        self._shown = (analysis, chips, read)
        for article in articles:
            with contextlib.suppress(OptionDoesNotExist):
                self.replace_row(self.get_option_index(article.id), self._row(article))

    def _layout(self) -> list[tuple[str, Story | Article]]:
        """(option id, story or article) for every row; headers only when there are several stories."""
        if len(self._groups) <= 1:
            return [(article.id, article) for _, articles in self._groups for article in articles]
        rows: list[tuple[str, Story | Article]] = []
        for story, articles in self._groups:
            if story is not None:
                rows.append((HEADER + story.id, story))
            if story is None or story.id not in self.folded:
                rows += [(article.id, article) for article in articles]
        return rows

    def _fill(self, generation: int, rows: list[tuple[str, Story | Article]], start: int) -> None:
        if generation != self._generation:
            return
        end = start + CHUNK_ROWS
        self.add_options(self._rows(rows[start:end]))
        if end < len(rows):
            self.call_after_refresh(self._fill, generation, rows, end)

    def _row(self, article: Article) -> Content:
        analysis, chips, read = self._shown
        facts = summary(article, analysis, chips, article.id in read)
        return row(article, facts, self._fitted.get(article.id))

    def _fit(self, rows: list[tuple[str, Story | Article]]) -> None:
        """Find the titles that the list's width would cut to the same text."""
        self._width = width = self.scrollable_content_region.width
        read = self._shown[2]
        self._fitted = distinct_titles(
            {
                item.id: (item.title, width - len(label(item, item.id in read)))
                for _, item in rows
                if isinstance(item, Article)
            }
        )

    def on_resize(self) -> None:
        """Another width cuts titles elsewhere: refit them."""
        if self.scrollable_content_region.width != self._width and self._groups:
            current = self.highlighted_option
            self._redraw(current.id or "" if current else "")

    def _rows(self, rows: list[tuple[str, Story | Article]]) -> list[Option]:
        articles = {story.id: members for story, members in self._groups if story is not None}
        return [
            Option(header(item, articles[item.id], item.id in self.folded), id=option_id)
            if isinstance(item, Story)
            else Option(self._row(item), id=option_id)
            for option_id, item in rows
        ]

    @property
    def selected_id(self) -> str | None:
        """The highlighted article's id (None on a story header)."""
        option = self.highlighted_option
        return None if option is None or (option.id or "").startswith(HEADER) else option.id

    def _story_id(self, article_id: str) -> str | None:
        for story, articles in self._groups:
            if story is not None and any(article.id == article_id for article in articles):
                return story.id
        return None

    def _group_at(self) -> int | None:
        """The number of the group the highlight is in (on its header or one of its articles)."""
        option = self.highlighted_option
        if option is None or option.id is None:
            return None
        for number, (story, articles) in enumerate(self._groups):
            if story is not None and option.id == HEADER + story.id:
                return number
            if any(article.id == option.id for article in articles):
                return number
        return None

    def highlight_quietly(self, article_id: str) -> None:
        """Move the highlight to `article_id` (unfolding its story) without telling the screen."""
        with self.prevent(OptionList.OptionHighlighted):
            self.select(article_id)

    def select(self, article_id: str) -> None:
        """Highlight `article_id`, unfolding its story if needed."""
        story_id = self._story_id(article_id)
        if story_id in self.folded:
            self.folded.discard(story_id)
            current = self.highlighted_option
            self._redraw(current.id or "" if current else "")  # then move, so the screen hears of it
        try:
            self.highlighted = self.get_option_index(article_id)
        except OptionDoesNotExist:  # not listed (yet): leave the highlight where it is
            return

    def move_in_story(self, step: int) -> None:
        """`n`/`p`: the next or previous article of the highlighted one's story; stops at its ends."""
        number = self._group_at()
        if number is None:
            return
        articles = self._groups[number][1]
        ids = [article.id for article in articles]
        current = self.selected_id
        if current not in ids:  # on the header: n enters the story
            target = ids[0] if step > 0 else None
        else:
            at = ids.index(current) + step
            target = ids[at] if 0 <= at < len(ids) else None
        if target is not None:
            self.select(target)

    def move_story(self, step: int) -> None:
        """`]`/`[`: the first article of the next or previous story."""
        number = self._group_at()
        if number is None or not self._groups:
            return
        target = number + step
        if 0 <= target < len(self._groups):
            self.select(self._groups[target][1][0].id)

    def toggle_fold(self) -> None:
        """Fold the highlighted article's story under its header, or unfold a folded one."""
        number = self._group_at()
        if number is None or len(self._groups) <= 1:
            return
        story = self._groups[number][0]
        if story is None:
            return
        self.folded ^= {story.id}
        self._redraw(HEADER + story.id)

    def _redraw(self, keep: str) -> None:
        """Rebuild the rows after a fold, with the highlight on `keep`."""
        self._generation += 1
        rows = self._layout()
        self._fit(rows)
        ids = [option_id for option_id, _ in rows]
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(self._rows(rows))
            self.highlighted = ids.index(keep) if keep in ids else (0 if ids else None)

    @on(OptionList.OptionHighlighted)
    def _on_header(self, event: OptionList.OptionHighlighted) -> None:
        """A header is no article: the screen keeps reading what it read."""
        if (event.option_id or "").startswith(HEADER):
            event.stop()

    @on(OptionList.OptionSelected)
    def _fold_header(self, event: OptionList.OptionSelected) -> None:
        if (event.option_id or "").startswith(HEADER):
            event.stop()
            self.toggle_fold()
