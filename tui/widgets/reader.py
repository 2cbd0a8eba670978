"""The reader: one article, passage by passage, with copied words and leftovers marked."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.style import Style
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from annotations.corpus.models import Analysis, Article, Passage, PassageKey
from tui.widgets.passage import Look, passage_content
from tui.widgets.row_list import RowList
from tui.widgets.styles import component_styles

STYLE_NAMES = (
    "shared", "boilerplate", "label", "marker", "chip", "repeat", "heading", "tagged", "note", "found"
)

WINDOW = 300
"""Passages built at once: a longer article is shown a stretch at a time around the cursor."""
EDGE = 30
"""The next stretch is built when the cursor comes this close to the edge of the current one."""

FOLD_RUN = 6
"""A run of this many leftover passages in a row (no copies, no tags) folds into one line."""


class Reader(RowList):
    """The selected article's passages; the highlight is the current passage."""

    HELP = "The article's passages. Copied words are highlighted; d jumps to a copy, D comes back."

    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | {f"reader--{kind}" for kind in STYLE_NAMES}

    BINDINGS = [
        Binding("j", "cursor_down", "Next passage", id="next_passage", show=False),
        Binding("k", "cursor_up", "Previous passage", id="previous_passage", show=False),
        Binding("g", "first", "First passage", id="first_passage", show=False),
        Binding("G", "last", "Last passage", id="last_passage", show=False),
        Binding("space", "page_down", "Page down", id="page_down", show=False),
        Binding("shift+space", "page_up", "Page up", id="page_up", show=False),
        Binding("enter", "select", "Expand", id="expand", show=False),
        Binding("y", "copy_passage", "Copy text", id="copy_passage", show=False,
                tooltip="Copy the passage's text to the clipboard"),
        Binding("O", "open_source", "Open source", id="open_source", show=False,
                tooltip="Open the article's file or web address with the system's opener"),
    ]

    CURSOR_ACTIONS = frozenset({"cursor_down", "cursor_up", "first", "last", "page_down", "page_up"})
    """Moves that wait, while the reader is still empty, for the screen to queue them."""

    @dataclass
    class PassageFocused(Message):
        """The cursor is on another passage (or on none, when `key` is None)."""

        key: PassageKey | None

    @dataclass
    class Said(Message):
        """A short line for the status row (what `y` or `O` did)."""

        line: str

    @dataclass
    class MarkerChosen(Message):
        """Enter (or a click) on a collapsed repeat asks to show it."""

        key: PassageKey

    hold_keys = False
    """While set (keys typed ahead wait on the screen), cursor keys go to the screen's queue too."""

    modes: var[str] = var("", init=False)
    """The display modes in force, shown in the border after the passage number."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.article: Article | None = None
        self.look = Look(Analysis(), {}, {}, "dim", {}, frozenset())
        self._indices: list[int] = []
        """The passage index of each option (one stretch of a long article)."""
        self._shown: list[Passage] = []
        self._start = 0
        self._rewindow = False
        self._styles: dict[str, Style] = {}
        self._folds: dict[int, tuple[int, str]] = {}
        """First passage of each folded run of leftovers: (passages in the run, their kinds)."""

    def show(self, article: Article | None, look: Look, passage: int | None = None) -> None:
        """Draw `article` with `look`, keeping the cursor on `passage` (or the nearest one)."""
        keep = self.current if passage is None and article is self.article else passage
        self.article, self.look = article, look
        self._styles = component_styles(self, "reader", STYLE_NAMES)
        self._rebuild(keep)

    def redraw(self, look: Look, indices: list[int]) -> None:
        """Redraw only the passages `indices` (after a tag or note), keeping the cursor."""
        self.look = look
        rows = {index: at for at, index in enumerate(self._indices)}
        article = self.article
        for index in dict.fromkeys(indices):
            if article is not None and index in rows and 0 <= index < len(article.passages):
                self.replace_row(rows[index], self._content(article.passages[index]))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.CURSOR_ACTIONS and (self.article is None or self.hold_keys):
            return None  # falls through to the screen, which keeps the key until the text is there
        return super().check_action(action, parameters)

    def place_cursor_high(self) -> None:
        """Scroll so the cursor's passage sits in the upper third (a jump's target is read from its top)."""
        self.call_after_refresh(self.scroll_to_highlight, True)

    def action_copy_passage(self) -> None:
        key, article = self.current_key, self.article
        if key is not None and article is not None:
            text = article.passages[key[1]].text
            self.app.copy_to_clipboard(text)
            self.post_message(self.Said(f"Copied {article.label} ¶{key[1] + 1} ({len(text)} characters)"))

    def action_open_source(self) -> None:
        from tui.opener import open_source

        if self.article is not None:
            self.post_message(self.Said(open_source(self.article, self.app.copy_to_clipboard)))

    def _rebuild(self, keep: int | None) -> None:
        article = self.article
        passages = [] if article is None else list(article.passages)
        if self.look.boilerplate == "hide":
            hidden = self.look.analysis.boilerplate
            passages = [p for p in passages if (article.id, p.index) not in hidden] if article else []
        self._shown, self._folds = self._fold(passages)
        self._window_around(keep)

    def _fold(self, passages: list[Passage]) -> tuple[list[Passage], dict[int, tuple[int, str]]]:
        """Fold long runs of page chrome into their first passage, so the article is not buried in menus."""
        if self.article is None or self.look.boilerplate == "hide":
            return passages, {}
        article_id, look = self.article.id, self.look
        def foldable(passage: Passage) -> bool:
            key = (article_id, passage.index)
            return (
                key in look.analysis.boilerplate and not look.analysis.duplicates_of(*key)
                and key not in look.chips
            )
        shown: list[Passage] = []
        folds: dict[int, tuple[int, str]] = {}
        at = 0
        while at < len(passages):
            end = at
            while end < len(passages) and foldable(passages[end]):
                end += 1
            run = passages[at:end]
            first = run[0] if run else passages[at]
            if len(run) >= FOLD_RUN and (article_id, first.index) not in look.expanded:
                kinds = Counter(look.analysis.boilerplate[(article_id, p.index)].kind for p in run)
                folds[first.index] = (len(run), ", ".join(kind for kind, _ in kinds.most_common(2)))
                shown.append(first)
            else:
                shown += run or [passages[at]]
            at = max(end, at + 1)
        return shown, folds

    def _content(self, passage: Passage) -> Content:
        fold = self._folds.get(passage.index)
        if fold is not None:
            count, kinds = fold
            line = f"⋯ {count} leftover lines: {kinds} (enter shows them)"
            return Content(line).stylize(self._styles["repeat"])
        assert self.article is not None
        return passage_content(self.article, passage, self.look, self._styles)

    def _window_around(self, keep: int | None) -> None:
        """Build the options for the stretch of the article around passage `keep` (all of a normal one)."""
        article, passages, self._rewindow = self.article, self._shown, False
        centre = bisect_left([passage.index for passage in passages], keep or 0)
        start = max(0, min(centre - WINDOW // 2, len(passages) - WINDOW))
        stretch = passages[start : start + WINDOW]
        self._start, self._indices = start, [passage.index for passage in stretch]
        options: list[Option | None] = []
        if article is not None:
            for passage in stretch:
                options += [Option(self._content(passage)), None]
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(options[:-1])
        self.border_title = Content(article.label if article else "")
        self.highlighted = self._nearest(keep) if options else None
        if self.highlighted is None:
            self.post_message(self.PassageFocused(None))

    def _nearest(self, index: int | None) -> int:
        if index is None:
            return 0
        return min(range(len(self._indices)), key=lambda at: (abs(self._indices[at] - index), -at))

    @property
    def current(self) -> int | None:
        """The passage index under the cursor."""
        at = self.highlighted
        return None if at is None or at >= len(self._indices) else self._indices[at]

    @property
    def current_key(self) -> PassageKey | None:
        """The (article, passage) under the cursor."""
        index = self.current
        return None if self.article is None or index is None else (self.article.id, index)

    def go_to(self, index: int) -> None:
        """Put the cursor on passage `index` (or the nearest shown one)."""
        if self._indices and not self._indices[0] <= index <= self._indices[-1]:
            self._window_around(index)
        if self._indices:
            self.highlighted = self._nearest(index)

    def action_first(self) -> None:
        if self._shown:
            self.go_to(self._shown[0].index)

    def action_last(self) -> None:
        if self._shown:
            self.go_to(self._shown[-1].index)

    def on_resize(self) -> None:
        # Narrower, the passages wrap taller: keep the cursor's passage in view once re-laid out.
        self.call_after_refresh(self.scroll_to_highlight)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # Component styles are updated after this call, so compare them a moment later.
        self.call_later(self._restyle)

    def _restyle(self) -> None:
        """Redraw with the theme's colours when they changed (they are baked into the Content)."""
        if self.article is not None and self.is_mounted:
            styles = component_styles(self, "reader", STYLE_NAMES)
            if styles != self._styles:
                self._styles = styles
                self._rebuild(self.current)

    @on(OptionList.OptionHighlighted)
    def _moved(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if self.article is not None:
            self._subtitle()
        self.post_message(self.PassageFocused(self.current_key))
        at, end = self.highlighted, self._start + len(self._indices)
        near_end = at is not None and at >= len(self._indices) - EDGE and end < len(self._shown)
        near_start = at is not None and at < EDGE and self._start > 0
        if (near_end or near_start) and not self._rewindow:
            self._rewindow = True  # once: the next stretch is built around wherever the cursor is then
            self.call_later(lambda: self._window_around(self.current))

    def watch_modes(self) -> None:
        self._subtitle()

    def _subtitle(self) -> None:
        where = f"¶{(self.current or 0) + 1} of {len(self.article.passages)}" if self.article else ""
        self.border_subtitle = Content(" · ".join(part for part in (where, self.modes) if part))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        key = self.current_key
        folded = key is not None and key[1] in self._folds
        if key is not None and (key in self.look.repeats or folded) and key not in self.look.expanded:
            self.post_message(self.MarkerChosen(key))
