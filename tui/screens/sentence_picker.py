"""Choose the sentence of a passage that a tag or note goes on (sentence mode, `v`)."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from annotations.store.values import Span
from tui.excerpt import excerpt
from tui.render import unbroken
from tui.screens.dialog import Dialog

SENTENCE_WIDTH = 300
"""Characters of each sentence shown (the list wraps them)."""
NUMBERED = 9
"""Sentences past this many are reached with the arrows (digits pick 1-9)."""


def chip(tag: str) -> Content:
    """A tag as one chip that wrapping never splits."""
    return Content(unbroken(f"[{excerpt(tag, 30)}]")).stylize("bold")


class SentencePicker(Dialog[Span | None]):
    """Lists the sentences (with their tags); a digit or enter returns the chosen one's span, escape None."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="sentence_picker.cancel"),
        *(
            Binding(str(n), f"pick({n})", f"Sentence {n}", id=f"sentence_picker.pick_{n}", show=False)
            for n in range(1, NUMBERED + 1)
        ),
    ]

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

    def heading(self) -> str:
        return f"Which sentence of {excerpt(self.where, 60)}?" if self.where else "Which sentence?"

    def body(self) -> ComposeResult:
        options = [self._option(n, text, tags) for n, (_, text, tags) in enumerate(self.sentences)]
        yield OptionList(*options)
        yield Label(Content("1-9 or enter: choose · v in the reader: back to whole passages · esc: cancel"),
                    classes="hint")

    @staticmethod
    def _option(number: int, text: str, tags: Sequence[str]) -> Option:
        prompt = Content(f"{number + 1}. {excerpt(text, SENTENCE_WIDTH)}")
        for tag in tags:
            prompt = prompt + Content(" ") + chip(tag)
        return Option(prompt)

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        option_list.highlighted = min(self.start, len(self.sentences) - 1) if self.sentences else None
        option_list.focus()

    def action_pick(self, number: int) -> None:
        """Choose sentence `number` (counted from 1); a number past the last one rings the bell."""
        if 1 <= number <= len(self.sentences):
            self.dismiss(self.sentences[number - 1][0])
        else:
            self.app.bell()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.sentences[event.option_index][0])

    def action_cancel(self) -> None:
        self.dismiss(None)
