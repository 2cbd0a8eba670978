"""Messages the background workers post to the screen that owns the corpus."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message
from textual.message_pump import MessagePump

from annotations.corpus.models import Analysis, Article, Corpus
from tui.background import Stopped

if TYPE_CHECKING:  # the store loads after the first paint
    from annotations.store.storage import StoreError
    from annotations.store.store import Store


@dataclass
class Progressed(Message):
    """Loading or analysis moved on: `stage` names it, `fraction` is the share done."""

    stage: str
    fraction: float

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, Progressed)


@dataclass
class FirstArticleRead(Message):
    """The first article is in memory while the rest still load: the reader can show its text now.

    Its title is still the one the file gave (perhaps a caption); the corpus brings the fixed one.
    """

    article: Article


@dataclass
class CorpusLoaded(Message):
    """The articles are in memory (possibly none, with the problems saying why)."""

    corpus: Corpus


class CorpusShown(Message):
    """The first article is on screen: the app opens the annotation store now, not before."""


@dataclass
class StoreOpened(Message):
    """The store opening in a thread is done: the store, or the error that keeps it from being used."""

    store: Store | None
    error: StoreError | None


@dataclass
class AnalysisFinished(Message):
    """The duplicate and boilerplate detectors are done with the corpus."""

    analysis: Analysis


@dataclass
class AnalysisFailed(Message):
    """The analysis stopped with an error; the reader keeps working without highlights."""

    error: str


PROGRESS_STEP = 0.02
"""Progress reports closer together than this share are dropped (keeps the UI thread free)."""


def reporter(target: MessagePump, title: str, cancelled: Callable[[], bool]) -> Callable[[str, float], None]:
    """A progress callback for a worker: posts throttled `Progressed`, raises Stopped when asked to stop."""
    last = [-1.0]

    def report(stage: str, fraction: float) -> None:
        if cancelled():
            raise Stopped
        if fraction - last[0] >= PROGRESS_STEP or fraction >= 1.0:
            last[0] = fraction
            target.post_message(Progressed(f"{title}: {stage}" if stage else title, fraction))

    return report
