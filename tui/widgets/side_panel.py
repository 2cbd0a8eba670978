"""The side panel: where the current passage's words appear elsewhere, and why it is a leftover."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from annotations.copies.coverage import union
from annotations.corpus.models import Analysis, Corpus, PassageKey
from annotations.stories.origin import publication_order
from tui.render import styled
from tui.view import spans_shared_with
from tui.widgets.styles import component_styles

KINDS = ("shared", "heading", "reason")


def panel_content(
    corpus: Corpus, analysis: Analysis, key: PassageKey | None, styles: dict[str, Style]
) -> Content:
    """The passage's copies (other passage, shared words, score) and its boilerplate reason."""
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
    for duplicate in duplicates:
        other = corpus.article(duplicate.article)
        if other is None or not 0 <= duplicate.passage < len(other.passages):
            continue
        passage = other.passages[duplicate.passage]
        head = f"{other.label} ¶{duplicate.passage + 1} · score {duplicate.score:.2f} · {other.title}"
        spans = union(spans_shared_with(analysis, (other.id, passage.index), key))
        parts.append(Content(head).stylize(styles["heading"]))
        parts.append(styled(passage.text, [(s, e, "shared") for s, e in spans], styles))
    return Content("\n\n").join(parts)


class SidePanel(VerticalScroll, can_focus=True):
    """Details of the reader's current passage; the screen says which passage."""

    HELP = "Where the current passage's words appear in other articles (shared words highlighted)."

    COMPONENT_CLASSES = {f"side-panel--{kind}" for kind in KINDS}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Passage"
        self._body = Static(Content(""), id="side-body")
        self._shown: tuple[Corpus, Analysis, PassageKey | None] | None = None
        self._styles: dict[str, Style] = {}

    def compose(self) -> ComposeResult:
        yield self._body

    def show(self, corpus: Corpus, analysis: Analysis, key: PassageKey | None) -> None:
        """Describe the passage `key`."""
        self._shown = (corpus, analysis, key)
        self._styles = component_styles(self, "side-panel", KINDS)
        self._body.update(panel_content(corpus, analysis, key, self._styles))
        self.scroll_home(animate=False)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.call_later(self._restyle)

    def _restyle(self) -> None:
        """Redraw with the theme's colours when they changed (they are baked into the Content)."""
        if self._shown is not None and component_styles(self, "side-panel", KINDS) != self._styles:
            corpus, analysis, key = self._shown
            self._styles = component_styles(self, "side-panel", KINDS)
            self._body.update(panel_content(corpus, analysis, key, self._styles))
