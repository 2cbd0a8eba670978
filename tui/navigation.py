"""Moving through the corpus: articles, passages, copies and back, the modes, the panes' layout.

The main screen composes one Navigator and delegates its reading keys to it. Every move changes
the state at once (not when a widget's message arrives), so the next key acts on what this one
brought up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotations.corpus.models import PassageKey
from tui.excerpt import excerpt
from tui.jumps import Jumps
from tui.reading import BOILERPLATE_MODES, Reading, following
from tui.search import Finder
from tui.story_view import story_articles
from tui.view import SORTS
from tui.widgets.article_list import ArticleList
from tui.widgets.side_panel import SidePanel

if TYPE_CHECKING:
    from tui.screens.main import MainScreen

ACTIONS = (
    "next_article", "previous_article", "next_passage", "previous_passage", "first_passage", "last_passage",
    "next_duplicate", "back", "cycle_boilerplate", "cycle_sort", "new_only", "toggle_side_panel",
    "toggle_list", "step_match", "overview", "search", "problems",
    "next_story", "previous_story", "fold_story",
)
"""The main screen's reading actions this object runs (they wait until the corpus is loaded)."""


class Navigator:
    """The reading position and the moves between articles, passages and copies."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.reading = Reading()
        self.jumps = Jumps()
        self.finder = Finder()
        self.marked: set[PassageKey] = set()
        """The passages whose search match the reader marked at the last jump."""

    def next_article(self) -> None:
        self._step_article(1)

    def previous_article(self) -> None:
        self._step_article(-1)

    def _step_article(self, step: int) -> None:
        self.catch_up()
        target = self.reading.neighbour(step)
        several = self.reading.story_count > 1
        if target is None:
            self.screen.say(("Last article" if step > 0 else "First article") + (" of this story" * several))
        else:
            self.jumps.moved(None)
            self.open_article(target, 0)

    def next_story(self) -> None:
        self._step_story(1)

    def previous_story(self) -> None:
        self._step_story(-1)

    def _step_story(self, step: int) -> None:
        self.catch_up()
        target = self.reading.story_start(step)
        if target is None:
            self.screen.say("Last story" if step > 0 else "First story")
        else:
            self.jumps.moved(None)
            self.open_article(target, 0)

    def fold_story(self) -> None:
        self.screen.query_one(ArticleList).toggle_fold()

    def open_article(self, article_id: str, passage: int | None) -> None:
        """Show the article now and move the list's highlight without a message that would come late."""
        self.reading.article_id = article_id
        self.screen.show_reader(passage)
        articles = self.screen.query_one(ArticleList)
        if articles.selected_id != article_id:
            articles.highlight_quietly(article_id)
        self.mark_read(article_id)

    def mark_read(self, article_id: str | None) -> None:
        """The article was opened: remember it and mark its row."""
        reading = self.reading
        article = reading.by_id.get(article_id) if article_id is not None else None
        if article is not None and article.id not in reading.read:
            reading.read.add(article.id)
            screen = self.screen
            screen.query_one(ArticleList).update_rows([article], screen.analysis, screen.chips, reading.read)

    def catch_up(self) -> None:
        """Follow a move in the focused list whose message is still queued."""
        articles = self.screen.query_one(ArticleList)
        chosen = articles.selected_id
        if self.screen.app.focused is articles and chosen is not None and chosen != self.reading.article_id:
            self.jumps.moved(None)
            self.open_article(chosen, 0)

    def next_passage(self) -> None:
        self.screen.reader.action_cursor_down()

    def previous_passage(self) -> None:
        self.screen.reader.action_cursor_up()

    def first_passage(self) -> None:
        self.screen.reader.action_first()

    def last_passage(self) -> None:
        self.screen.reader.action_last()

    def go_to(self, key: PassageKey, remember: bool = True) -> None:
        """Show passage `key` in the upper third, remembering where the reader was so `D` comes back."""
        if remember:
            self.jumps.remember(self.screen.reader.current_key, key)
        if self.reading.new_only:
            self.reading.expanded.add(key)
        found = set(self.finder.highlights())
        if key[0] == self.reading.article_id:
            remark = [k for k in self.marked | found if k[0] == key[0]]
            if remark:  # a search match moved within the article shown: redraw its old and new passages
                self.screen.redraw_passages(remark)
            self.screen.reader.go_to(key[1])
        else:
            self.open_article(key[0], key[1])
        self.marked = found
        self.screen.reader.place_cursor_high()

    def next_duplicate(self) -> None:
        """Jump to the next copy of the passage; repeating `d` cycles through all its copies."""
        screen = self.screen
        key = self.jumps.next_copy(screen.reader.current_key, screen.analysis)
        if key is None:
            screen.say("No copies of this passage" if screen.analysed else "Copies are still being found")
            return
        number, total = self.jumps.position()
        label = self.reading.labels.get(key[0], key[0])
        screen.say(f"Copy {number} of {total}: {label} ¶{key[1] + 1}")
        self.go_to(key, remember=False)

    def back(self) -> None:
        key = self.jumps.back()
        if key is None:
            self.screen.say("Nowhere to go back to")
        else:
            self.go_to(key, remember=False)

    def cycle_boilerplate(self) -> None:
        self.reading.boilerplate = following(BOILERPLATE_MODES, self.reading.boilerplate)
        self.screen.update_title()
        self.screen.show_reader()

    def cycle_sort(self) -> None:
        self.reading.sort = following(SORTS, self.reading.sort)
        self.reading.reorder(self.screen.corpus, self.screen.analysis)
        self.screen.query_one(ArticleList).border_subtitle = f"by {self.reading.sort}"
        self.screen.show_list()
        if self.reading.new_only:
            self.screen.show_reader()

    def new_only(self) -> None:
        self.reading.new_only = not self.reading.new_only
        self.reading.expanded.clear()
        self.screen.update_title()
        self.screen.show_reader()

    def toggle_side_panel(self) -> None:
        screen = self.screen
        side = screen.query_one(SidePanel)
        side.display = not side.display
        screen.query_one("#panes").set_class(side.display, "-side-open")
        if side.display:
            side.show(screen.corpus, screen.analysis, screen.reader.current_key)
        self._keep_focus_visible()

    def toggle_list(self) -> None:
        self.reading.list_shown = not self.reading.list_shown
        self.screen.query_one("#panes").set_class(not self.reading.list_shown, "-list-folded")
        self._keep_focus_visible()

    def _keep_focus_visible(self) -> None:
        focused = self.screen.focused
        if focused is not None and not focused.display:
            self.screen.reader.focus()

    def overview(self) -> None:
        from tui.screens.overview import OverviewScreen

        screen = self.screen
        story = story_articles(self.reading.order, screen.analysis.stories, self.reading.article_id)
        overview = OverviewScreen(screen.corpus, screen.analysis, story)
        screen.app.push_screen(overview, self.jumped)

    def search(self) -> None:
        from tui.screens.search import SearchScreen

        self.screen.app.push_screen(SearchScreen(self.screen.corpus, self.finder), self.jumped)

    def step_match(self, step: int) -> None:
        """Go to the last search's next (1) or previous (-1) match, its words marked in the reader."""
        hit = self.finder.step(step)
        if hit is None:
            self.screen.say("No search to step through: / searches every article")
        else:
            self.go_to(hit.key)
            self.screen.say(excerpt(self.finder.where(), 120))

    def problems(self) -> None:
        from tui.screens.problems import ProblemsScreen

        screen = self.screen
        if screen.corpus.problems or screen.config.problem:
            screen.app.push_screen(ProblemsScreen(screen.corpus.problems, screen.config.problem))
        else:
            screen.say("No problems: every file loaded")

    def quit(self) -> None:
        """Quit, once the keys typed before `q` have applied (they may wait for the corpus or the store)."""
        screen = self.screen
        if screen.early or screen.tagging.waiting:
            screen.when_loaded(lambda: screen.tagging.when_open(lambda _: screen.app.exit()))
        else:
            screen.app.exit()

    def help(self) -> None:
        from tui.screens.help import HelpScreen

        tagger = self.screen.tagger
        self.screen.app.push_screen(HelpScreen(tagger.tags if tagger else self.screen.config.tags))

    def jumped(self, key: PassageKey | None) -> None:
        """A dialog chose a passage: go there, remembering where the reader was."""
        if key is not None:
            self.go_to(key)
