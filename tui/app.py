"""The reader app (a plain article list until the reader lands)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import Footer, Header, OptionList

from annotations.loading import load_corpus
from annotations.models import Corpus


class BriefReaderApp(App[int]):
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(*(Content(article.title) for article in self.corpus.articles))
        yield Footer()


def run_app(paths: Sequence[str], *, db: str | None, config: str | None, analyst: str) -> int:
    corpus = load_corpus(paths)
    BriefReaderApp(corpus).run()
    return 0
