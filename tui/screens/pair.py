"""The passages two articles share, side by side with the shared words highlighted."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList
from textual.widgets.option_list import Option

from annotations.copies.coverage import union
from annotations.corpus.models import Analysis, Corpus, PassageKey
from tui.render import styled
from tui.screens.late_keys import KeepsTypedKeys
from tui.view import pair_passages, spans_shared_with
from tui.widgets.styles import component_styles


class PairList(OptionList):
    """One option per shared passage pair."""

    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | {"pair-list--shared", "pair-list--heading"}


class PairScreen(ModalScreen[PassageKey | None], KeepsTypedKeys[PassageKey | None]):
    """What `first` shares with `second`; enter reads the passage in `first`."""

    BINDINGS = [Binding("escape", "close", "Back", id="close_pair")]

    def __init__(self, corpus: Corpus, analysis: Analysis, first: str, second: str) -> None:
        super().__init__()
        self.corpus, self.analysis, self.first, self.second = corpus, analysis, first, second

    def compose(self) -> ComposeResult:
        yield PairList(id="pairs", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        pairs = self.query_one(PairList)
        first, second = self.corpus.article(self.first), self.corpus.article(self.second)
        if first is None or second is None:
            return
        pairs.border_title = Content(f"{first.label} and {second.label}: shared passages")
        found = pair_passages(self.analysis, self.first, self.second)
        options: list[Option | None] = []
        for key, duplicate in found:
            options += [Option(self._content(key, (duplicate.article, duplicate.passage), duplicate.score),
                               id=f"{key[1]}"), None]
        pairs.add_options(options[:-1] or [Option(Content("These two articles share no passages."))])
        pairs.highlighted = 0
        pairs.focus()

    def _content(self, key: PassageKey, other: PassageKey, score: float) -> Content:
        pairs = self.query_one(PairList)
        styles = component_styles(pairs, "pair-list", ("shared", "heading"))
        parts = []
        for this, that in ((key, other), (other, key)):
            article = self.corpus.article(this[0])
            if article is None or this[1] >= len(article.passages):
                continue
            spans = [(s, e, "shared") for s, e in union(spans_shared_with(self.analysis, this, that))]
            score_text = f" · score {score:.2f}" if this == key else ""
            parts.append(Content(f"{article.label} ¶{this[1] + 1}{score_text}").stylize(styles["heading"]))
            parts.append(styled(article.passages[this[1]].text, spans, styles))
        return Content("\n").join(parts)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:
            self.dismiss((self.first, int(event.option_id)))

    def action_close(self) -> None:
        self.dismiss(None)
