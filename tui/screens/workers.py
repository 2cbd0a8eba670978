"""The main screen's background work: loading the files and running the detectors."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from textual import work
from textual.screen import Screen
from textual.worker import get_current_worker

from annotations.config import Config
from annotations.corpus.models import Corpus, PassageKey
from tui.messages import AnalysisFailed, AnalysisFinished, Cancelled, CorpusLoaded, Progressed, reporter

SYNC_FILES = 20
"""Up to this many named files are read before the first paint; folders always load in a worker."""


class CorpusWorkers(Screen[None]):
    """Workers that compute and post messages; the screen's handlers change state."""

    paths: list[str]
    config: Config
    corpus: Corpus

    def few_files(self) -> bool:
        """The seeds or a handful of named files load faster than a worker round trip."""
        few = len(self.paths) <= SYNC_FILES
        return not self.paths or (few and all(Path(path).is_file() for path in self.paths))

    @work(thread=True, exclusive=True, group="load", description="loading")
    def load(self) -> None:
        """Read the files in a thread so the screen paints at once, however many there are."""
        from annotations.corpus.loading import load_corpus

        worker = get_current_worker()
        self.post_message(Progressed("Loading articles", 0.0))
        report = reporter(self, "Loading articles", lambda: worker.is_cancelled)
        corpus = load_corpus(self.paths, lambda done, total: report("", done / total if total else 1.0))
        if not worker.is_cancelled:
            self.post_message(CorpusLoaded(corpus))

    @work(thread=True, exclusive=True, group="analysis", description="analysis")
    def analyse(self, overrides: Mapping[PassageKey, bool]) -> None:
        """Run the detectors off the UI thread, overrides winning; highlights appear with its message."""
        from tui.background import PROCESS_PASSAGES, Stopped, analyse_elsewhere

        corpus, worker = self.corpus, get_current_worker()
        report = reporter(self, "Analysing", lambda: worker.is_cancelled)
        try:
            if sum(len(article.passages) for article in corpus.articles) > PROCESS_PASSAGES:
                analysis = analyse_elsewhere(
                    corpus, self.config, report, lambda: worker.is_cancelled, overrides
                )
            else:
                from annotations.analysis import analyze

                analysis = analyze(corpus, self.config, overrides, progress=report)
        except (Cancelled, Stopped):
            return
        except Exception as error:  # shown as one line; the reader stays usable without highlights
            self.post_message(AnalysisFailed(" ".join(str(error).split()) or type(error).__name__))
            return
        self.post_message(AnalysisFinished(analysis))
