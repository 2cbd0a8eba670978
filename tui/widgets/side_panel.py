"""The side panel: where the current passage's words appear elsewhere, and why it is a leftover."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.style import Style
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from annotations.copies.coverage import union
from annotations.corpus.models import Analysis, Corpus, PassageKey
from annotations.stories.origin import publication_order
from tui.render import styled
from tui.view import spans_shared_with
from tui.widgets.styles import component_styles

STYLE_NAMES = ("shared", "heading", "reason")


def about(corpus: Corpus, analysis: Analysis, key: PassageKey | None, styles: dict[str, Style]) -> Content:
    """The passage's name, its boilerplate reason, or why there is nothing to list."""
    article = corpus.article(key[0]) if key else None
    if key is None or article is None:
        return Content("No passage selected.")
    parts = [Content(f"{article.label} ¶{key[1] + 1}").stylize(styles["heading"])]
    label = analysis.boilerplate_of(*key)
    if label is not None:
        parts.append(Content(f"Boilerplate ({label.kind}): {label.reason}").stylize(styles["reason"]))
    origin = analysis.origins.get(key)
    if origin is not None:
        by_id = {article.id: article for article in corpus.articles}
        parts.append(Content(publication_order(origin, by_id)).stylize(styles["reason"]))
    duplicates = analysis.duplicates_of(*key)
    if not duplicates:
        parts.append(Content("No copies of this passage in other articles."))
    else:
        parts.append(Content("enter or a click reads a copy").stylize(styles["reason"]))
    return Content("\n").join(parts)


def copies(
    corpus: Corpus, analysis: Analysis, key: PassageKey, styles: dict[str, Style]
) -> list[tuple[PassageKey, Content]]:
    """Each copy of the passage: where it is (outlet label, number, score, title) and its shared words."""
    found: list[tuple[PassageKey, Content]] = []
    for duplicate in analysis.duplicates_of(*key):
        other = corpus.article(duplicate.article)
        if other is None or not 0 <= duplicate.passage < len(other.passages):
            continue
        passage = other.passages[duplicate.passage]
        head = f"{other.label} ¶{duplicate.passage + 1} · score {duplicate.score:.2f} · {other.title}"
        spans = union(spans_shared_with(analysis, (other.id, passage.index), key))
        text = styled(passage.text, [(s, e, "shared") for s, e in spans], styles)
        heading = Content(head).stylize(styles["heading"])
        found.append(((other.id, passage.index), Content("\n").join([heading, text])))
    return found


class SidePanel(OptionList):
    """Details of the reader's current passage; the screen says which passage, a chosen copy goes up."""

    HELP = "Where the current passage's words appear in other articles (shared words highlighted)."

    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | {f"side-panel--{kind}" for kind in STYLE_NAMES}
    BINDINGS = [Binding("enter", "select", "Read copy", id="side_panel.read_copy")]

    @dataclass
    class CopyChosen(Message):
        """Enter or a click on a copy: read passage `key`."""

        key: PassageKey

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.border_title = "Passage"
        self._shown: tuple[Corpus, Analysis, PassageKey | None] | None = None
        self._styles: dict[str, Style] = {}
        self._keys: dict[str, PassageKey] = {}

    def show(self, corpus: Corpus, analysis: Analysis, key: PassageKey | None) -> None:
        """Describe the passage `key`."""
        self._shown = (corpus, analysis, key)
        self._styles = component_styles(self, "side-panel", STYLE_NAMES)
        self._draw()

    def _draw(self) -> None:
        if self._shown is None:
            return
        corpus, analysis, key = self._shown
        options: list[Option | None] = [Option(about(corpus, analysis, key, self._styles), disabled=True)]
        found = copies(corpus, analysis, key, self._styles) if key is not None else []
        self._keys = {f"copy-{number}": where for number, (where, _) in enumerate(found)}
        for number, (_, content) in enumerate(found):
            options += [None, Option(content, id=f"copy-{number}")]
        self.set_options(options)
        self.highlighted = 1 if found else None
        self.scroll_home(animate=False)

    @property
    def text(self) -> str:
        """Everything the panel shows, as plain text."""
        prompts = (self.get_option_at_index(at).prompt for at in range(self.option_count))
        return "\n\n".join(prompt.plain if isinstance(prompt, Content) else str(prompt) for prompt in prompts)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        key = self._keys.get(event.option_id or "")
        if key is not None:
            self.post_message(self.CopyChosen(key))

    @on(OptionList.OptionHighlighted)
    def _moved(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.call_later(self._restyle)

    def _restyle(self) -> None:
        """Redraw with the theme's colours when they changed (they are baked into the Content)."""
        if self._shown is not None and component_styles(self, "side-panel", STYLE_NAMES) != self._styles:
            self._styles = component_styles(self, "side-panel", STYLE_NAMES)
            self._draw()
