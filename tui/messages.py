"""Messages the background workers post to the screen that owns the corpus."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from annotations.models import Analysis, Corpus


@dataclass
class Progressed(Message):
    """Loading or analysis moved on: `stage` names it, `fraction` is the share done."""

    stage: str
    fraction: float

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, Progressed)


@dataclass
class CorpusLoaded(Message):
    """The articles are in memory (possibly none, with the problems saying why)."""

    corpus: Corpus


@dataclass
class AnalysisFinished(Message):
    """The duplicate and boilerplate detectors are done with the corpus."""

    analysis: Analysis


@dataclass
class AnalysisFailed(Message):
    """The analysis stopped with an error; the reader keeps working without highlights."""

    error: str
