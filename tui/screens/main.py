"""The main screen: article list, reader and side panel over one corpus and its analysis."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList

from annotations.config import Config
from annotations.corpus.models import Analysis, Article, Boilerplate, Corpus, PassageKey
from tui.jumps import Jumps
from tui.messages import AnalysisFailed, AnalysisFinished, CorpusLoaded, CorpusShown, Progressed
from tui.screens.excerpt import excerpt
from tui.screens.workers import CorpusWorkers
from tui.search import Finder
from tui.tagging_actions import TaggingScreen
from tui.tagging_keys import TAGGING_BINDINGS, chips_for
from tui.view import SORTS, ordered, repeats
from tui.widgets.article_list import ArticleList
from tui.widgets.reader import BOILERPLATE_MODES, Look, Reader
from tui.widgets.side_panel import SidePanel
from tui.widgets.status import StatusBar

if TYPE_CHECKING:  # the store and the detectors load after the first paint
    from annotations.store.store import Store
    from annotations.store.tagging import Outcome
    from tui.tagging_actions import Target

GREYED = ("next_duplicate", "back", "overview", "copy_passage", "problems")
"""Actions whose availability changes while reading."""


# gc.freeze() after loading and after analysis: the corpus and its analysis live until exit, and
# collections scanning their millions of objects paused keypresses by 100 ms and more.


class MainScreen(CorpusWorkers, TaggingScreen, inherit_bindings=False):
    """Owns the corpus, the analysis, the reading state and the tagger; its children only draw."""

    analysis: Analysis
    """Empty until the analysis finishes, never None here."""

    # Not inherited, so the footer shows the reading and tagging keys the analyst uses most first.
    BINDINGS = [
        *Screen.BINDINGS,
        Binding("n", "next_article", "Next article", id="next_article"),
        Binding("p", "previous_article", "Prev article", id="previous_article", show=False),
        Binding("d", "next_duplicate", "Go to copy", id="next_duplicate"),
        Binding("D", "back", "Back", id="back", show=False),
        Binding("b", "cycle_boilerplate", "Boilerplate", id="cycle_boilerplate"),
        *TAGGING_BINDINGS,
        Binding("s", "toggle_side_panel", "Side panel", id="toggle_side_panel"),
        Binding("o", "overview", "Overview", id="overview"),
        Binding("slash", "search", "Search", id="search"),
        # shift+F3 never arrives: terminals send it as a cursor position report. [ and ] always do.
        Binding("ctrl+g,f3,right_square_bracket", "step_match(1)", "Next match", id="next_match", show=False),
        Binding("ctrl+shift+g,left_square_bracket", "step_match(-1)", "Previous match", id="previous_match",
                show=False),
        Binding("N", "new_only", "New only", id="new_only", show=False),
        Binding("y", "copy_passage", "Copy text", id="copy_passage", show=False),
        Binding("S", "cycle_sort", "Sort", id="cycle_sort", show=False),
        Binding("exclamation_mark", "problems", "Problems", id="problems", show=False),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "app.quit", "Quit", id="quit"),  # only here: elsewhere esc backs out, q is inert
    ]

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    """Below 100 columns the open side panel takes the article list's place."""

    chips: var[dict[PassageKey, tuple[str, ...]]] = var(dict, init=False, always_update=True)
    """Tags shown as chips after each passage; the tagging UI sets this."""

    def __init__(
        self, paths: Sequence[str], config: Config, store: Store | None = None, analyst: str = ""
    ) -> None:
        super().__init__()
        self.paths = list(paths)
        self.config = config
        self.store = store
        self.analyst = analyst or "analyst"
        self.corpus = Corpus("", ())
        self.analysis = Analysis()
        self.detected: dict[PassageKey, Boilerplate] = {}
        """The detector's leftovers before the analyst's overrides (to re-apply them when `m` changes one)."""
        self.analysed = False
        self.sort = SORTS[0]
        self.boilerplate_mode = BOILERPLATE_MODES[0]
        self.new_only = False
        self.expanded: set[PassageKey] = set()
        self.jumps = Jumps()
        self.finder = Finder()
        self.article_id: str | None = None
        self._greyed: tuple[bool | None, ...] = ()

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
        self.query_one(Reader).focus()
        if self.few_files():
            from annotations.corpus.loading import load_corpus

            self._loaded(load_corpus(self.paths))
        else:
            self.load()

    @property
    def reader(self) -> Reader:
        return self.query_one(Reader)

    @property
    def order(self) -> list[Article]:
        return ordered(self.corpus, self.analysis, self.sort)

    @property
    def article(self) -> Article | None:
        return None if self.article_id is None else self.corpus.article(self.article_id)

    def on_progressed(self, message: Progressed) -> None:
        self.query_one(StatusBar).report(message.stage, message.fraction)

    def on_corpus_loaded(self, message: CorpusLoaded) -> None:
        self._loaded(message.corpus)

    def _loaded(self, corpus: Corpus) -> None:
        self.corpus = corpus
        gc.freeze()
        if not self.corpus.articles:
            from tui.screens.problems import NothingLoadedScreen

            self.app.push_screen(NothingLoadedScreen(self.corpus.problems))
            return
        self._report_problems()
        self.article_id = self.corpus.articles[0].id
        self._show_list()
        self._show_reader(0)
        self._update_title()
        if self.store is not None:
            self._start()
        else:
            self.call_after_refresh(self.post_message, CorpusShown())

    def use_store(self, store: Store) -> None:
        """The store is open (after the first paint): tag and analyse once the corpus is there too."""
        self.store = store
        if self.corpus.articles and self.tagger is None:
            self._start()

    def _start(self) -> None:
        """Place the annotations, then analyse with the analyst's boilerplate overrides."""
        assert self.store is not None
        self.start_tagging(self.store, self.corpus, self.analyst, self.config.tags)
        self.analyse(self.store.overrides())

    def on_analysis_finished(self, message: AnalysisFinished) -> None:
        analysis = message.analysis
        self.detected = analysis.detected
        self.analysis, self.analysed = self._overridden(analysis), True
        gc.freeze()
        self.query_one(StatusBar).finish()
        self._show_list()
        self._show_reader()
        self._update_title()

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        self.query_one(StatusBar).finish()
        self.notify(f"Analysis failed: {message.error}", severity="error", markup=False)

    def _overridden(self, analysis: Analysis) -> Analysis:
        """The analysis with the analyst's current overrides over the detector's leftovers."""
        from annotations.analysis import apply_overrides

        if self.store is None:
            return analysis
        return replace(analysis, boilerplate=apply_overrides(self.detected, self.store.overrides()))

    def tagging_target(self) -> Target | None:
        key = self.reader.current_key if self.is_mounted else None
        return None if key is None else (key, None)

    def tagging_changed(self, outcome: Outcome) -> None:
        """Redraw chips and sentence underlines; leftovers follow an override (`m`) at once."""
        if self.tagger is None:
            return
        chips = chips_for(self.tagger)
        overridden = self._overridden(self.analysis) if self.analysed else self.analysis
        if overridden.boilerplate != self.analysis.boilerplate:
            self.analysis = overridden
            self._update_title()
        elif chips == self.chips and self._sentence_spans() == self.reader.look.sentences:
            return  # already on screen (redrawing a long article list costs)
        self.chips = chips

    def _report_problems(self) -> None:
        count = len(self.corpus.problems) + (1 if self.config.problem else 0)
        if self.config.problem:
            self.notify(self.config.problem, severity="warning", markup=False)
        if self.corpus.problems:
            self.notify(
                f"{count} problem(s) while loading; press ! to list them", severity="warning", markup=False
            )

    def _update_title(self) -> None:
        articles = self.corpus.articles
        passages = sum(len(article.passages) for article in articles)
        copied = sum(1 for duplicates in self.analysis.duplicates.values() if duplicates)
        self.title = "briefreader"
        self.sub_title = (
            f"{self.corpus.name} · {len(articles)} articles · {passages} passages · "
            f"{copied} copied · {len(self.analysis.boilerplate)} boilerplate"
            + (" · tagging sentences" if self.sentence_mode else "")
        )

    def sentence_mode_changed(self) -> None:
        self._update_title()

    def _look(self) -> Look:
        labels = {article.id: article.label for article in self.corpus.articles}
        return Look(
            analysis=self.analysis,
            chips=self.chips,
            labels=labels,
            boilerplate=self.boilerplate_mode,
            repeats=repeats(self.order, self.analysis) if self.new_only else {},
            expanded=frozenset(self.expanded),
            sentences=self._sentence_spans(),
            found=self.finder.highlights(),
        )

    def _sentence_spans(self) -> dict[PassageKey, tuple[tuple[int, int], ...]]:
        """The current article's tagged sentences, as offsets in their passage's text."""
        article = self.article
        if self.tagger is None or article is None:
            return {}
        found: dict[PassageKey, list[tuple[int, int]]] = {}
        for start, end, _ in self.tagger.spans(article.id):
            for passage in article.passages:
                if passage.start <= start < passage.end:
                    found.setdefault((article.id, passage.index), []).append(
                        (start - passage.start, end - passage.start)
                    )
                    break
        return {key: tuple(spans) for key, spans in found.items()}

    def _show_list(self) -> None:
        self.query_one(ArticleList).show(self.order, self.analysis, self.chips, self.article_id)

    def _show_reader(self, passage: int | None = None) -> None:
        self.reader.show(self.article, self._look(), passage)

    def watch_chips(self) -> None:
        self._show_list()
        self._show_reader()

    @on(OptionList.OptionHighlighted, "#articles")
    def _article_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_id is not None and event.option_id != self.article_id:
            self.article_id = event.option_id
            self.jumps.moved(None)
            self._show_reader(0)

    def on_reader_passage_focused(self, message: Reader.PassageFocused) -> None:
        self.jumps.moved(message.key)
        side = self.query_one(SidePanel)
        if side.display:
            side.show(self.corpus, self.analysis, message.key)
        self._refresh_footer()

    def on_side_panel_copy_chosen(self, message: SidePanel.CopyChosen) -> None:
        self.go_to(message.key)

    def on_reader_marker_chosen(self, message: Reader.MarkerChosen) -> None:
        self.expanded.add(message.key)
        self._show_reader()

    def go_to(self, key: PassageKey, remember: bool = True) -> None:
        """Show passage `key`, remembering where the reader was so `D` can come back."""
        if remember:
            self.jumps.remember(self.reader.current_key, key)
        if self.new_only:
            self.expanded.add(key)
        self.article_id = key[0]
        self._show_reader(key[1])
        articles = self.query_one(ArticleList)
        ids = [article.id for article in self.order]
        if key[0] in ids:
            articles.highlighted = ids.index(key[0])
        self._refresh_footer()

    def _refresh_footer(self) -> None:
        """Refresh the bindings only when one became (un)available: the footer rebuilds on each refresh."""
        state = tuple(self.check_action(action, ()) for action in GREYED)
        if state != self._greyed:
            self._greyed = state
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        here = self.reader.current_key if self.is_mounted else None
        if action == "next_duplicate":
            origin = self.jumps.origin(here)
            return bool(origin and self.analysis.duplicates_of(*origin)) or None
        if action == "back":
            return bool(self.jumps.history) or None
        if action in ("overview", "search", "cycle_sort", "new_only", "next_article", "previous_article"):
            return bool(self.corpus.articles) or None
        if action == "copy_passage":
            return here is not None or None
        if action == "problems":
            return bool(self.corpus.problems or self.config.problem) or None
        return super().check_action(action, parameters)

    def action_next_article(self) -> None:
        self.query_one(ArticleList).action_cursor_down()

    def action_previous_article(self) -> None:
        self.query_one(ArticleList).action_cursor_up()

    def action_next_passage(self) -> None:
        self.reader.action_cursor_down()

    def action_previous_passage(self) -> None:
        self.reader.action_cursor_up()

    def action_first_passage(self) -> None:
        self.reader.action_first()

    def action_last_passage(self) -> None:
        self.reader.action_last()

    def action_next_duplicate(self) -> None:
        """Jump to the next copy of the passage; repeating `d` cycles through all its copies."""
        key = self.jumps.next_copy(self.reader.current_key, self.analysis)
        if key is not None:
            self.go_to(key, remember=False)

    def action_back(self) -> None:
        key = self.jumps.back()
        if key is not None:
            self.go_to(key, remember=False)

    def action_cycle_boilerplate(self) -> None:
        modes = BOILERPLATE_MODES
        self.boilerplate_mode = modes[(modes.index(self.boilerplate_mode) + 1) % len(modes)]
        names = {"dim": "dimmed", "show": "shown", "hide": "hidden"}
        self.notify(f"Boilerplate {names[self.boilerplate_mode]}")
        self._show_reader()

    def action_toggle_side_panel(self) -> None:
        side = self.query_one(SidePanel)
        side.display = not side.display
        self.set_class(side.display, "-side-open")
        if side.display:
            side.show(self.corpus, self.analysis, self.reader.current_key)
        if self.focused is not None and not self.focused.display:
            self.reader.focus()

    def action_new_only(self) -> None:
        self.new_only = not self.new_only
        self.expanded.clear()
        self.notify("New-only: repeats collapsed" if self.new_only else "New-only off: every passage shown")
        self._show_reader()

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.query_one(ArticleList).border_subtitle = f"by {self.sort}"
        self.notify(f"Articles sorted by {self.sort}")
        self._show_list()
        if self.new_only:
            self._show_reader()

    def action_copy_passage(self) -> None:
        key, article = self.reader.current_key, self.article
        if key is None or article is None:
            return
        text = article.passages[key[1]].text
        self.app.copy_to_clipboard(text)
        self.notify(f"Copied {article.label} ¶{key[1] + 1} ({len(text)} characters)", markup=False)

    def action_overview(self) -> None:
        from tui.screens.overview import OverviewScreen

        self.app.push_screen(OverviewScreen(self.corpus, self.analysis, self.order), self._jump_result)

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen(self.corpus, self.finder), self._jump_result)

    def action_step_match(self, step: int) -> None:
        """Go to the last search's next (1) or previous (-1) match, its words marked in the reader."""
        hit = self.finder.step(step)
        if hit is None:
            self.notify("No search to step through: / searches every article")
        else:
            self.go_to(hit.key)
            self.notify(excerpt(self.finder.where(), 120), markup=False)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.tagger.tags if self.tagger else self.config.tags))

    def action_problems(self) -> None:
        from tui.screens.problems import ProblemsScreen

        self.app.push_screen(ProblemsScreen(self.corpus.problems, self.config.problem))

    def _jump_result(self, key: PassageKey | None) -> None:
        if key is not None:
            self.go_to(key)
