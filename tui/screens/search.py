"""Search every article; results show the match in context, enter reads the passage."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.style import Style
from textual.widgets import Footer, Input, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from annotations.corpus.models import Corpus, PassageKey
from tui.render import snippet, styled
from tui.search import LIMIT, Finder, Hit, find
from tui.widgets.styles import component_styles

NEXT_KEYS = "ctrl+g/F3 (shift: back)"
"""The reader's keys for the next and previous match (MainScreen binds them)."""
WINDOW = 110
"""Characters of context around the first match (the row is cut to the screen's width)."""


class SearchResults(OptionList):
    """Matches, one line each with the passage's article and number."""

    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | {"search-results--match", "search-results--where"}


class SearchScreen(ModalScreen[PassageKey | None]):
    """Type to search; down moves into the results; enter jumps to a passage.

    The `finder` outlives the screen: it opens on the last query and its results, and the reader's
    next/previous-match keys step through the hits the screen found.
    """

    BINDINGS = [
        Binding("escape", "close", "Back", id="close_search"),
        Binding("down", "focus_results", "Results", id="focus_results", show=False),
    ]

    @dataclass
    class Found(Message):
        """A search finished: the query it was for, and the hits."""

        query: str
        hits: list[Hit]

    def __init__(self, corpus: Corpus, finder: Finder | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.finder = finder or Finder()

    def compose(self) -> ComposeResult:
        yield Input(self.finder.query, placeholder="Search all articles", id="query")
        yield SearchResults(id="results", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(SearchResults).border_title = "Results"
        if self.finder.query:
            self.run_search(self.finder.query)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        results = self.query_one(SearchResults)
        if results.option_count and results.options[0].id is not None:
            results.focus()

    @work(thread=True, exclusive=True)
    def run_search(self, query: str) -> None:
        """Search in a thread so typing stays quick on large corpora."""
        worker = get_current_worker()
        hits = find(self.corpus, query, stop=lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.post_message(self.Found(query, hits))

    def on_search_screen_found(self, message: Found) -> None:
        results = self.query_one(SearchResults)
        styles = component_styles(results, "search-results", ("match", "where"))
        options = [Option(self._line(hit, styles), id=f"{number}") for number, hit in enumerate(message.hits)]
        self.finder.found(message.query, message.hits)
        if not options and message.query.strip():
            options = [Option(Content("No matches."))]
        results.set_options(options)
        current = self.finder.position
        results.highlighted = (current if current is not None else 0) if message.hits else None
        more = "+" if len(message.hits) >= LIMIT else ""
        count = f"{len(message.hits)}{more} passages · {NEXT_KEYS} steps through them in the reader"
        results.border_subtitle = Content(count) if message.hits else None

    def _line(self, hit: Hit, styles: dict[str, Style]) -> Content:
        article = self.corpus.article(hit.key[0])
        if article is None:
            return Content("")
        text = article.passages[hit.key[1]].text
        start, end = hit.spans[0]
        window, moved, _ = snippet(text, start, end, width=WINDOW)
        shift = moved - start
        inside = [(s + shift, e + shift) for s, e in hit.spans]
        spans = [(s, e, "match") for s, e in inside if s >= 0 and e <= len(window)]
        where = Content(f"{article.label} ¶{hit.key[1] + 1}  ").stylize(styles["where"])
        return where + styled(window, spans, styles)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:
            self.dismiss(self.finder.chose(int(event.option_id)).key)

    def action_focus_results(self) -> None:
        self.query_one(SearchResults).focus()

    def action_close(self) -> None:
        self.dismiss(None)
