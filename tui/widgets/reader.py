"""The reader: one article, passage by passage, with copied words and leftovers marked."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.style import Style
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from annotations.copies.coverage import union
from annotations.corpus.models import Analysis, Article, Duplicate, Passage, PassageKey
from tui.render import styled, unbroken
from tui.view import Chips, shared_spans
from tui.widgets.styles import component_styles

BOILERPLATE_MODES = ("dim", "show", "hide")
"""How leftovers appear, in the order `b` cycles through them."""

ALSO_IN_NAMED = 3
"""Copies in more articles than this are counted ("also in 17 articles"), not listed."""

KINDS = ("shared", "boilerplate", "label", "marker", "chip", "repeat", "heading", "tagged", "found")


@dataclass(frozen=True, slots=True)
class Look:
    """Everything besides the passage that decides how it is drawn."""

    analysis: Analysis
    chips: Chips
    labels: Mapping[str, str]
    boilerplate: str
    repeats: Mapping[PassageKey, Duplicate]
    expanded: frozenset[PassageKey]
    sentences: Mapping[PassageKey, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    """Tagged sentences, as offsets in their passage's text."""
    found: Mapping[PassageKey, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    """Search matches to mark (the passage a search jumped to), as offsets in its text."""


def passage_content(article: Article, passage: Passage, look: Look, styles: Mapping[str, Style]) -> Content:
    """A passage as the reader shows it: highlights, labels, copy marker and chips."""
    key = (article.id, passage.index)
    first = look.repeats.get(key)
    if first is not None and key not in look.expanded:
        where = f"{look.labels.get(first.article, first.article)} ¶{first.passage + 1}"
        return Content(f"⤷ same as {where} (enter shows it)").stylize(styles["repeat"])
    spans = [(start, end, "shared") for start, end in union(shared_spans(look.analysis, key))]
    spans += [(start, end, "tagged") for start, end in look.sentences.get(key, ())]
    spans += [(start, end, "found") for start, end in look.found.get(key, ())]
    text = styled(passage.text, spans, styles)
    if key in look.analysis.headings:
        text = text.stylize_before(styles["heading"])
    parts: list[Content] = []
    label = look.analysis.boilerplate_of(*key)
    if label is not None:
        parts.append(Content(f"{label.kind} ").stylize(styles["label"]))
        if look.boilerplate == "dim":
            text = text.stylize_before(styles["boilerplate"])
    parts.append(text)
    duplicates = look.analysis.duplicates_of(*key)
    if duplicates:
        others = list(dict.fromkeys(look.labels.get(d.article, d.article) for d in duplicates))
        where = ", ".join(others) if len(others) <= ALSO_IN_NAMED else f"{len(others)} articles"
        parts.append(Content(f"  ⧉ also in {where}").stylize(styles["marker"]))
    for chip in look.chips.get(key, ()):
        parts.append(Content(" "))
        parts.append(Content(f" {unbroken(chip)} ").stylize(styles["chip"]))
    return Content("").join(parts)


class Reader(OptionList):
    """The selected article's passages; the highlight is the current passage."""

    HELP = "The article's passages. Copied words are highlighted; d jumps to a copy, D comes back."

    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | {f"reader--{kind}" for kind in KINDS}

    BINDINGS = [
        Binding("j", "cursor_down", "Next passage", id="next_passage", show=False),
        Binding("k", "cursor_up", "Previous passage", id="previous_passage", show=False),
        Binding("g", "first", "First passage", id="first_passage", show=False),
        Binding("G", "last", "Last passage", id="last_passage", show=False),
        Binding("enter", "select", "Expand", id="expand", show=False),
    ]

    @dataclass
    class PassageFocused(Message):
        """The cursor is on another passage (or on none, when `key` is None)."""

        key: PassageKey | None

    @dataclass
    class MarkerChosen(Message):
        """Enter (or a click) on a collapsed repeat asks to show it."""

        key: PassageKey

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.article: Article | None = None
        self.look = Look(Analysis(), {}, {}, "dim", {}, frozenset())
        self._indices: list[int] = []
        self._styles: dict[str, Style] = {}

    def show(self, article: Article | None, look: Look, passage: int | None = None) -> None:
        """Draw `article` with `look`, keeping the cursor on `passage` (or the nearest one)."""
        keep = self.current if passage is None and article is self.article else passage
        self.article, self.look = article, look
        self._styles = component_styles(self, "reader", KINDS)
        self._rebuild(keep)

    def _rebuild(self, keep: int | None) -> None:
        article = self.article
        passages = [] if article is None else list(article.passages)
        if self.look.boilerplate == "hide":
            hidden = self.look.analysis.boilerplate
            passages = [p for p in passages if (article.id, p.index) not in hidden] if article else []
        self._indices = [passage.index for passage in passages]
        options: list[Option | None] = []
        if article is not None:
            for passage in passages:
                options += [Option(passage_content(article, passage, self.look, self._styles)), None]
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
        if self._indices:
            self.highlighted = self._nearest(index)

    def _on_resize(self) -> None:
        super()._on_resize()
        # Narrower, the passages wrap taller: keep the cursor's passage in view once re-laid out.
        self.call_after_refresh(self.scroll_to_highlight)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # Component styles are updated after this call, so compare them a moment later.
        self.call_later(self._restyle)

    def _restyle(self) -> None:
        """Redraw with the theme's colours when they changed (they are baked into the Content)."""
        if self.article is not None and self.is_mounted:
            styles = component_styles(self, "reader", KINDS)
            if styles != self._styles:
                self._styles = styles
                self._rebuild(self.current)

    @on(OptionList.OptionHighlighted)
    def _moved(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if self.article is not None:
            self.border_subtitle = Content(f"¶{(self.current or 0) + 1} of {len(self.article.passages)}")
        self.post_message(self.PassageFocused(self.current_key))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        key = self.current_key
        if key is not None and key in self.look.repeats and key not in self.look.expanded:
            self.post_message(self.MarkerChosen(key))
