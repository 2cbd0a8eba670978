"""The main screen: article list, reader and side panel over one corpus and its analysis."""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList

from annotations.config import Config
from annotations.corpus.models import Analysis, Boilerplate, Corpus, PassageKey
from tui import navigation, workers
from tui.background import HeadStart, few_files
from tui.delegation import delegate
from tui.main_bindings import MAIN_BINDINGS
from tui.messages import (
    AnalysisFailed,
    AnalysisFinished,
    CorpusLoaded,
    CorpusShown,
    FirstArticleRead,
    Progressed,
)
from tui.redraw import changed_chips, look, with_overrides
from tui.session import load_session, resume, save_session, snapshot
from tui.tagging import METHODS, TAGGING_ACTIONS, TaggingController, Target
from tui.tagging_keys import chips_for
from tui.view import corpus_summary, problem_notices
from tui.widgets.article_list import ArticleList
from tui.widgets.passage import Look
from tui.widgets.reader import Reader
from tui.widgets.side_panel import SidePanel
from tui.widgets.status import StatusBar
from tui.workers import Analyser, real_analysis

if TYPE_CHECKING:  # the store and the detectors load after the first paint
    from annotations.store.store import Store
    from annotations.store.tagging import Tagger
    from annotations.store.values import Outcome

READER_ACTIONS = ("copy_passage", "open_source")
"""The reader's own keys, also run from the command palette (which runs the screen's actions)."""

# gc.freeze() after loading and analysis: they live until exit, and collecting their objects paused keys.


@delegate("tagging", TAGGING_ACTIONS, METHODS, gate="when_loaded")
@delegate("nav", navigation.ACTIONS, gate="when_loaded")
@delegate("nav", ("quit", "help"))
@delegate("reader", READER_ACTIONS, {name: f"action_{name}" for name in READER_ACTIONS}, gate="when_loaded")
class MainScreen(Screen[None], inherit_bindings=False):
    """Owns the corpus, the analysis and the reading state; its children only draw, the tagger tags."""

    BINDINGS = MAIN_BINDINGS

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide"), (150, "-roomy")]
    """Below 150 columns the open side panel folds the article list, so the reader keeps 60 columns."""

    chips: var[dict[PassageKey, tuple[str, ...]]] = var(dict, init=False, always_update=True)
    """Tags shown as chips after each passage; the tagger's changes set this."""

    def __init__(
        self,
        paths: Sequence[str],
        config: Config,
        analyst: str = "",
        analyser: Analyser = real_analysis,
        head_start: HeadStart | None = None,
    ) -> None:
        super().__init__()
        self.paths = list(paths)
        self.config = config
        self.store: Store | None = None
        self.analyst = analyst or "analyst"
        self.head_start = head_start
        """The analysis child begun with the command for a folder (it reads the files meanwhile)."""
        self.analyser = analyser
        if head_start is not None and analyser is real_analysis:
            self.analyser = partial(real_analysis, head_start=head_start)
        self.corpus = Corpus("", ())
        self.analysis = Analysis()
        """Empty until the analysis finishes; the one copy the screen and the tagger use."""
        self.detected: dict[PassageKey, Boilerplate] = {}
        """The detector's leftovers before the analyst's overrides (to re-apply them when `m` changes one)."""
        self.analysed = False
        self.awaiting_corpus = True
        self.early: list[Callable[[], None]] = []
        """Keys pressed before the corpus was loaded, in order."""
        self.nav = navigation.Navigator(self)
        self.reading = self.nav.reading
        self.tagging = TaggingController(
            self, self.tagging_target, self.tagging_changed, lambda: self.analysis if self.analysed else None,
            self.nav.go_to, self.update_title, self.say,
        )

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="panes"):
            yield ArticleList(id="articles")
            yield Reader(id="reader")
            yield SidePanel(id="side")
        yield StatusBar(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(SidePanel).display = False
        self.reader.focus()
        self.session, problem = load_session(self.paths)
        if problem:
            self.notify(problem, severity="warning", markup=False)
        if few_files(self.paths):
            from annotations.corpus.loading import load_corpus
            from annotations.leftovers.title import retitled

            self.on_corpus_loaded(CorpusLoaded(retitled(load_corpus(self.paths))))
        else:
            self.query_one(StatusBar).reveal()
            self.run_worker(
                partial(workers.load, self, self.paths),
                thread=True, exclusive=True, group="load", description="loading",
            )

    @property
    def reader(self) -> Reader:
        return self.query_one(Reader)

    @property
    def tagger(self) -> Tagger | None:
        return self.tagging.tagger

    def on_progressed(self, message: Progressed) -> None:
        self.query_one(StatusBar).report(message.stage, message.fraction)

    def on_first_article_read(self, message: FirstArticleRead) -> None:
        """Show the first article while the others load (unless a session will open another one)."""
        if self.awaiting_corpus and (self.session is None or self.session.article is None):
            self.reader.show(message.article, self._look(), 0)
            self.reader.hold_keys = bool(self.early)

    def on_corpus_loaded(self, message: CorpusLoaded) -> None:
        corpus = self.corpus = message.corpus
        self.awaiting_corpus = False
        self.reader.hold_keys = False
        gc.freeze()
        if not self.corpus.articles:
            from tui.screens.problems import NothingLoadedScreen

            self.app.push_screen(NothingLoadedScreen(self.corpus.problems))
            return
        for line in problem_notices(self.corpus, self.config):
            self.notify(line, severity="warning", markup=False)
        previewed = self.reader.article
        passage = resume(self.session, self.reading, corpus, self.app)
        if previewed is not None and previewed.id == self.reading.article_id:
            passage = self.reader.current or 0  # keep the moves made while the rest loaded
        self.reading.reorder(corpus, self.analysis)
        self.show_list()
        self.show_reader(passage)
        self.nav.mark_read(self.reading.article_id)
        self.update_title()
        self.call_after_refresh(self.post_message, CorpusShown())
        early, self.early = self.early, []
        for action in early:
            action()

    def use_store(self, store: Store) -> None:
        """The store is open (after the first paint): place the annotations, then analyse."""
        self.store = store
        if self.corpus.articles and self.tagger is None:
            self.tagging.start(store, self.corpus, self.analyst, self.config.tags)
            overrides = store.overrides()
            analyse = partial(workers.analyse, self, self.corpus, self.config, overrides, self.analyser)
            self.run_worker(analyse, thread=True, exclusive=True, group="analysis", description="analysis")

    def on_analysis_finished(self, message: AnalysisFinished) -> None:
        analysis = message.analysis
        self.detected = analysis.detected
        self.analysis, self.analysed = with_overrides(analysis, self.detected, self.store), True
        gc.freeze()
        self.query_one(StatusBar).finish()
        self.reading.reorder(self.corpus, self.analysis)
        self.show_list()
        self.show_reader()
        self.update_title()

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        self.query_one(StatusBar).finish()
        self.notify(f"Analysis failed: {message.error}", severity="error", markup=False)

    def tagging_target(self) -> Target | None:
        self.nav.catch_up()
        key = self.reader.current_key if self.is_mounted else None
        return None if key is None else (key, None)

    def tagging_changed(self, outcome: Outcome) -> None:
        """Redraw what a change touched (everything when it names no passage): chips, leftovers (`m`)."""
        if (tagger := self.tagger) is None:
            return
        keys = outcome.keys
        chips, moved = changed_chips(tagger, self.chips, keys) if keys else (chips_for(tagger), True)
        if moved and self.analysed:
            self.analysis = with_overrides(self.analysis, self.detected, self.store)
        self.set_reactive(MainScreen.chips, chips)
        if keys:
            self.redraw_passages(keys)
        else:
            self.watch_chips()

    def update_title(self) -> None:
        self.title, self.sub_title = "briefreader", corpus_summary(self.corpus, self.analysis)
        self.reader.modes = self.reading.modes(self.tagging.sentence_mode)

    def _look(self) -> Look:
        shown = look(self.analysis, self.reading, self.chips, self.tagger)
        return replace(shown, found=self.nav.finder.highlights())

    def show_list(self) -> None:
        reading = self.reading
        self.query_one(ArticleList).show(
            reading.order, self.analysis, self.chips, reading.article_id, reading.read, reading.stories_by
        )

    def show_reader(self, passage: int | None = None) -> None:
        self.reader.show(self.reading.article, self._look(), passage)

    def watch_chips(self) -> None:
        self.show_list()
        self.show_reader()

    def redraw_passages(self, keys: Sequence[PassageKey]) -> None:
        """Redraw only the passages and list rows a change touched."""
        self.query_one(ArticleList).update_rows(
            [a for a in (self.reading.by_id.get(i) for i in dict.fromkeys(k[0] for k in keys)) if a],
            self.analysis, self.chips, self.reading.read,
        )
        article = self.reading.article
        if article is not None and any(key[0] == article.id for key in keys):
            self.reader.redraw(self._look(), [key[1] for key in keys if key[0] == article.id])

    @on(OptionList.OptionHighlighted, "#articles")
    def _article_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_id is not None and event.option_id != self.reading.article_id:
            self.nav.jumps.moved(None)
            self.nav.open_article(event.option_id, 0)

    def on_reader_passage_focused(self, message: Reader.PassageFocused) -> None:
        self.nav.jumps.moved(message.key)
        if message.key is not None:
            self.reading.passage = message.key[1]
        side = self.query_one(SidePanel)
        if side.display:
            side.show(self.corpus, self.analysis, message.key)

    def on_side_panel_copy_chosen(self, message: SidePanel.CopyChosen) -> None:
        self.nav.go_to(message.key)

    def on_reader_marker_chosen(self, message: Reader.MarkerChosen) -> None:
        self.reading.expanded.add(message.key)
        self.show_reader()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.tagging.check(action) if action in TAGGING_ACTIONS else True

    def offers(self, action: str) -> bool:
        """Whether the command palette lists `action` now (its key may still answer why it does nothing)."""
        if action == "back":
            return bool(self.nav.jumps.history)
        return True

    def when_loaded(self, action: Callable[[], None]) -> None:
        """Run a reading key now, or once the corpus is in memory (keys typed ahead wait, in order)."""
        if self.corpus.articles:
            action()
        elif self.awaiting_corpus:
            self.early.append(action)
            self.reader.hold_keys = True

    def on_unmount(self) -> None:
        """Remember where the analyst was, for the next run on this corpus."""
        if self.head_start is not None:
            self.head_start.close()
        kept = snapshot(self.reading, self.app.theme)
        if self.corpus.articles and (problem := save_session(self.paths, kept)):
            self.log.warning(problem)

    def on_reader_said(self, message: Reader.Said) -> None:
        self.say(message.line)

    def say(self, line: str) -> None:
        """A short line in the status row, replacing the last one (toasts are kept for problems)."""
        self.query_one(StatusBar).say(line)
