"""The main screen's background work: loading the files and running the detectors, in threads.

Each function runs in a worker thread, computes, and only posts messages; the screen's handlers
change state.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager

from textual.message_pump import MessagePump
from textual.worker import get_current_worker

from annotations.config import Config
from annotations.corpus.models import Analysis, Article, Corpus, PassageKey
from tui.background import HeadStart, Stopped
from tui.messages import (
    AnalysisFailed,
    AnalysisFinished,
    CorpusLoaded,
    FirstArticleRead,
    Progressed,
    reporter,
)

Analyser = Callable[
    [Corpus, Config, Mapping[PassageKey, bool], Callable[[str, float], None], Callable[[], bool]], Analysis
]
"""(corpus, settings, overrides, progress, cancelled) -> the analysis; tests pass a hand-made one."""


@contextmanager
def collections_paused() -> Iterator[None]:
    """No cyclic garbage collection while the corpus or its analysis is built.

    Each full collection walks every object already built (millions, at 5,000 articles) and holds
    the interpreter meanwhile, so keys waited seconds; the screen freezes the result once it arrives.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def load(screen: MessagePump, paths: Sequence[str]) -> None:
    """Read the files (in a thread, so the screen paints at once, however many there are)."""
    from annotations.corpus.loading import load_corpus

    worker = get_current_worker()
    screen.post_message(Progressed("Loading articles", 0.0))
    report = reporter(screen, "Loading articles", lambda: worker.is_cancelled)

    def first(article: Article) -> None:
        screen.post_message(FirstArticleRead(article))

    with collections_paused():
        corpus = load_corpus(paths, lambda done, total: report("", done / total if total else 1.0), first)
        from annotations.leftovers.title import retitled  # after the first article: its cues take a while

        corpus = retitled(corpus)
    if not worker.is_cancelled:
        screen.post_message(CorpusLoaded(corpus))


def analyse(
    screen: MessagePump,
    corpus: Corpus,
    config: Config,
    overrides: Mapping[PassageKey, bool],
    analyser: Analyser,
) -> None:
    """Run the detectors off the UI thread, overrides winning; highlights appear with its message."""
    worker = get_current_worker()
    report = reporter(screen, "Analysing", lambda: worker.is_cancelled)
    try:
        with collections_paused():
            analysis = analyser(corpus, config, overrides, report, lambda: worker.is_cancelled)
    except Stopped:
        return
    except Exception as error:  # shown as one line; the reader stays usable without highlights
        screen.post_message(AnalysisFailed(" ".join(str(error).split()) or type(error).__name__))
        return
    if not worker.is_cancelled:
        screen.post_message(AnalysisFinished(analysis))


def real_analysis(
    corpus: Corpus,
    config: Config,
    overrides: Mapping[PassageKey, bool],
    progress: Callable[[str, float], None],
    cancelled: Callable[[], bool],
    head_start: HeadStart | None = None,
) -> Analysis:
    """The detectors, in a child process for large corpora (the UI thread keeps the interpreter),
    the head start's if the screen began one."""
    from tui.background import PROCESS_PASSAGES, analyse_elsewhere

    if sum(len(article.passages) for article in corpus.articles) > PROCESS_PASSAGES:
        return analyse_elsewhere(corpus, config, progress, cancelled, overrides, head_start)
    if head_start is not None:
        head_start.close()
    from annotations.analysis import analyze

    return analyze(corpus, config, overrides, progress=progress)
