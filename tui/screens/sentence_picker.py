"""Choose the sentence of a passage that a tag or note goes on (sentence mode, `v`)."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from annotations.store.tagging import Span
from tui.excerpt import excerpt

SENTENCE_WIDTH = 300
"""Characters of each sentence shown (the list wraps them)."""


class SentencePicker(ModalScreen[Span | None]):
    """Lists the sentences (with their tags); enter returns the chosen one's span, escape None."""

    DEFAULT_CSS = """
    SentencePicker { align: center middle; }
    SentencePicker > Vertical {
        width: 90%; max-width: 110; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    SentencePicker OptionList { height: auto; max-height: 24; border: none; }
    SentencePicker .hint { color: $text-muted; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="sentence_picker.cancel")]

    def __init__(
        self,
        sentences: Sequence[tuple[Span, str, Sequence[str]]],
        where: str = "",
        highlighted: int = 0,
    ) -> None:
        super().__init__()
        self.sentences = tuple(sentences)
        """(span, text, tags on it) for each sentence, in reading order."""
        self.where = where
        self.start = highlighted

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Content(f"Which sentence of {self.where}?" if self.where else "Which sentence?"))
            options = [self._option(n, text, tags) for n, (_, text, tags) in enumerate(self.sentences)]
            yield OptionList(*options)
            yield Label(Content("enter: choose · v in the reader: back to whole passages · esc: cancel"),
                        classes="hint")

    @staticmethod
    def _option(number: int, text: str, tags: Sequence[str]) -> Option:
        prompt = Content(f"{number + 1}. {excerpt(text, SENTENCE_WIDTH)}")
        if tags:
            prompt = prompt + Content(f"  [{', '.join(excerpt(tag, 30) for tag in tags)}]").stylize("bold")
        return Option(prompt)

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        option_list.highlighted = min(self.start, len(self.sentences) - 1) if self.sentences else None
        option_list.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.sentences[event.option_index][0])

    def action_cancel(self) -> None:
        self.dismiss(None)
