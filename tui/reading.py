"""Where the analyst is and how the corpus is shown: the main screen's reading state, without widgets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from annotations.corpus.models import Analysis, Article, Corpus, Duplicate, PassageKey
from tui.story_view import story_groups, story_repeats
from tui.view import SORTS, ordered

BOILERPLATE_MODES = ("dim", "show", "hide")
"""How leftovers appear, in the order `b` cycles through them."""

BOILERPLATE_NAMES = {"dim": "leftovers dimmed", "show": "leftovers shown", "hide": "leftovers hidden"}


def following(options: Sequence[str], current: str) -> str:
    """The option after `current`, coming back round to the first."""
    return options[(options.index(current) + 1) % len(options)] if current in options else options[0]


@dataclass
class Reading:
    """The article being read, the list's order and the display modes a session remembers."""

    article_id: str | None = None
    passage: int = 0
    """The passage under the reader's cursor (kept here for the session, which outlives the widgets)."""
    sort: str = SORTS[0]
    boilerplate: str = BOILERPLATE_MODES[0]
    new_only: bool = False
    list_shown: bool = True
    read: set[str] = field(default_factory=set)
    """Articles opened in this or an earlier session."""
    expanded: set[PassageKey] = field(default_factory=set)
    """Collapsed repeats the analyst opened (new-only mode)."""
    _order: list[Article] = field(default_factory=list)
    _position: dict[str, int] = field(default_factory=dict)
    _group: dict[str, int] = field(default_factory=dict)
    """Each article's story, as the number of its group in the list."""
    _labels: dict[str, str] = field(default_factory=dict)
    by_id: dict[str, Article] = field(default_factory=dict)
    _repeats: dict[PassageKey, Duplicate] | None = None
    _analysis: Analysis = field(default_factory=Analysis)

    def reorder(self, corpus: Corpus, analysis: Analysis) -> None:
        """Recompute the list's order (after loading, sorting or analysis), not on every key."""
        listed = ordered(corpus, analysis, self.sort, self.read)
        groups = story_groups(listed, analysis.stories, self.stories_by)
        self._order = [article for _, articles in groups for article in articles]
        self._group = {a.id: number for number, (_, articles) in enumerate(groups) for a in articles}
        self._position = {article.id: number for number, article in enumerate(self._order)}
        self._labels = {article.id: article.label for article in corpus.articles}
        self.by_id = {article.id: article for article in corpus.articles}
        self._analysis, self._repeats = analysis, None

    @property
    def labels(self) -> dict[str, str]:
        """Each article's label, by id."""
        return self._labels

    @property
    def article(self) -> Article | None:
        """The article being read."""
        return None if self.article_id is None else self.by_id.get(self.article_id)

    def repeats(self) -> dict[PassageKey, Duplicate]:
        """Passages already read in an earlier article of the order (computed once per order)."""
        if self._repeats is None:
            self._repeats = story_repeats(self._order, self._analysis)
        return self._repeats

    @property
    def order(self) -> list[Article]:
        return self._order

    def position(self, article_id: str | None) -> int | None:
        """Where the article is in the list's order."""
        return None if article_id is None else self._position.get(article_id)

    @property
    def stories_by(self) -> str:
        """Stories with the latest article first when sorting by date, else the largest first."""
        return "latest" if self.sort == "date" else "size"

    def neighbour(self, step: int) -> str | None:
        """The article `step` rows below (or above) the current one in its story, None past either end."""
        at = self.position(self.article_id)
        if at is None:
            return self._order[0].id if self._order else None
        target = at + step
        if not 0 <= target < len(self._order):
            return None
        found = self._order[target].id
        return found if self._group.get(found) == self._group.get(self._order[at].id) else None

    def story_start(self, step: int) -> str | None:
        """The first article of the next (or previous) story, None past either end."""
        at = self.position(self.article_id)
        here = 0 if at is None else self._group.get(self._order[at].id, 0)
        wanted = here + step
        return next((a.id for a in self._order if self._group.get(a.id) == wanted), None)

    @property
    def story_count(self) -> int:
        return len(set(self._group.values()))

    def modes(self, sentence_mode: bool) -> str:
        """The modes in force, short enough for the reader's border at 120 columns."""
        parts = [BOILERPLATE_NAMES[self.boilerplate]]
        if self.new_only:
            parts.append("new only")
        if sentence_mode:
            parts.append("tagging sentences")
        return " · ".join(parts)
