"""Search every article; results show the match in context, enter reads the passage."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.style import Style
from textual.widgets import Footer, Input, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from annotations.corpus.models import Corpus, PassageKey
from tui.render import snippet, styled
from tui.screens.dialog import Dialog
from tui.screens.late_keys import LateKeys
from tui.search import LIMIT, Finder, Hit, find
from tui.widgets.styles import component_styles

NEXT_KEYS = "ctrl+g or f3 (ctrl+shift+g: back)"
"""The reader's keys for the next and previous match (MainScreen binds them)."""
WINDOW = 110
"""Characters of context around the first match (the row is cut to the screen's width)."""


class QueryInput(Input):
    """The query field; it takes enter, up and down itself, so they keep their order with the letters.

    Textual resolves a key binding only once the key has bubbled up to the app, after the field
    may already have taken letters typed later; handled here, each key acts on the query as
    typed so far. From the enter on, the keys typed ahead are kept for the reader.
    """

    @dataclass
    class Moved(Message):
        """Up (-1) or down (1), pressed on `query`."""

        step: int
        query: str

    @dataclass
    class Chosen(Message):
        """Enter, pressed on `query`."""

        query: str

    def __init__(self, value: str, late_keys: LateKeys, *, placeholder: str = "", id: str = "") -> None:
        super().__init__(value, placeholder=placeholder, id=id or None)
        self.late_keys = late_keys

    def on_key(self, event: events.Key) -> None:
        if self.late_keys.closing:
            self.late_keys.hold(event)
        elif event.key in ("enter", "up", "down"):
            event.stop()
            event.prevent_default()
            if event.key == "enter":
                self.late_keys.phase = "closing"
                self.post_message(self.Chosen(self.value))
            else:
                self.post_message(self.Moved(1 if event.key == "down" else -1, self.value))


class SearchResults(OptionList):
    """Matches, one line each with the passage's article and number."""

    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | {"search-results--match", "search-results--where"}


class SearchScreen(Dialog[PassageKey | None]):
    """Type to search; up and down pick a result, enter reads it (the query keeps the focus).

    The `finder` outlives the screen: it opens on the last query and its results, and the reader's
    next/previous-match keys step through the hits the screen found. Every key goes through the
    query field, so keys typed ahead keep their order: a move or an enter typed before its query's
    results are in waits for them, and keys typed after the enter go to the reader.
    """

    BINDINGS = [
        Binding("escape", "close", "Back", id="close_search"),
        Binding("down", "move(1)", "Next result", id="focus_results", show=False),
        Binding("up", "move(-1)", "Previous result", id="search.previous_result", show=False),
        Binding("enter", "read", "Read the result", id="search.read", show=False),
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
        self.choosing: str | None = None
        """The query enter was pressed on, until its results are in."""
        self.moves: list[tuple[str, int]] = []
        """Up and down pressed before their query's results were in, with that query."""

    def compose(self) -> ComposeResult:
        yield QueryInput(self.finder.query, self.late_keys, placeholder="Search all articles", id="query")
        yield SearchResults(id="results", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(SearchResults).border_title = "Results"
        if self.finder.query:
            self.run_search(self.finder.query)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @on(QueryInput.Chosen)
    def _chosen(self, event: QueryInput.Chosen) -> None:
        self.choosing = event.query
        self._choose()

    def action_read(self) -> None:
        """Read the highlighted result."""
        self.choosing = self.finder.query
        self._choose()

    def _choose(self) -> None:
        """Read the highlighted hit once the results of the query enter was pressed on are in."""
        if self.choosing is None or self.choosing != self.finder.query:
            return
        self.choosing = None
        if not self.finder.hits:
            self.app.bell()
            self.late_keys.phase = "open"
            self.late_keys.hand_on(self.app)  # nothing to read: the keys typed after go to the query
            return
        self.dismiss(self.finder.chose(self.query_one(SearchResults).highlighted or 0).key)

    @on(QueryInput.Moved)
    def _moved(self, event: QueryInput.Moved) -> None:
        self.moves.append((event.query, event.step))
        self._apply_moves()

    def action_move(self, step: int) -> None:
        self.moves.append((self.finder.query, step))
        self._apply_moves()

    def _apply_moves(self) -> None:
        """Move the highlight for moves made on the query shown; wait for the one typed, drop the rest."""
        results, typed = self.query_one(SearchResults), self.query_one(Input).value
        waiting: list[tuple[str, int]] = []
        for query, step in self.moves:
            if query == self.finder.query and self.finder.hits and results.highlighted is not None:
                results.highlighted = max(0, min(len(self.finder.hits) - 1, results.highlighted + step))
            elif query == typed and query != self.finder.query:
                waiting.append((query, step))
        self.moves = waiting

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
        self._apply_moves()
        self._choose()

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

    def action_close(self) -> None:
        self.dismiss(None)
