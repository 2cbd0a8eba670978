"""The analysis child's side (`python -m tui.analysis_child`): read the work on stdin, answer on stdout.

The work is the corpus itself, or the paths (a head start): then the child reads the files, begins
the leftovers in a forked child, and waits for the reader's overrides and corpus fingerprint.
It lowers its priority and uses every core; the messages are `tui.background`'s frames.
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from collections.abc import Callable
from functools import partial
from typing import IO, TYPE_CHECKING, Any

from annotations.config import Config
from annotations.corpus.models import Analysis, Corpus
from annotations.parallel import Forked
from tui.background import PART_ITEMS, fingerprint, frame, read_corpus, receive

if TYPE_CHECKING:  # the analysis itself is imported only where it runs
    from annotations.analysis import Leftovers

NICE = 10
"""How far the analysis child lowers its priority below the reader's."""


def serve(source: int, sink: IO[bytes]) -> None:
    """The child's side: analyse what arrives on `source`, answer on `sink`."""
    from annotations.analysis import analyze
    from annotations.parallel import cores

    def send(*message: Any) -> None:
        sink.write(frame(*message))
        sink.flush()

    last = [-1.0]

    def report(stage: str, done: float) -> None:
        if done - last[0] >= 0.01 or done >= 1.0 or stage != "duplicates":
            last[0] = done
            send("progress", stage, done)

    try:
        _yield_to_reader()
        first = receive(source)
        if first is None:
            return
        leftovers: Forked[Leftovers] | None = None
        if first[0] == "paths":
            corpus, config, leftovers = _read_ahead(first[1], first[2])
            go = receive(source)
            if go is None:
                leftovers.close()
                return
            overrides = go[1]
            if go[2] != fingerprint(corpus):
                send("mismatch")
                leftovers.close()
                leftovers = None
                corpus, config, overrides = read_corpus(source, receive(source) or ())
        else:
            corpus, config, overrides = read_corpus(source, first)
        analysis = analyze(corpus, config, overrides, progress=report, workers=cores(), leftovers=leftovers)
        _send_parts(send, analysis)
        send("done")
    except Exception as error:  # any failure becomes one line in the parent, never a traceback
        send("error", " ".join(traceback.format_exception_only(error)[-1].split()))


def _read_ahead(config: Config, paths: list[str]) -> tuple[Corpus, Config, Forked[Leftovers]]:
    """The head start's work: the articles as the reader loads them, and their leftovers begun in a
    child (found while the reader loads and, if need be, while the copies' index is built)."""
    from annotations.analysis import find_leftovers
    from annotations.corpus.loading import load_corpus
    from annotations.leftovers.title import retitled

    corpus = retitled(load_corpus(paths))
    return corpus, config, Forked(partial(find_leftovers, corpus, config, 1))


def _yield_to_reader() -> None:
    """Run behind the reader: every core works on the analysis while the reader idles, and the
    scheduler hands the reader a core at once when a key arrives (a niced process gets ~10% of a
    contended core), so the analysis needs no core held back for it."""
    with contextlib.suppress(OSError, AttributeError):  # no nice on Windows; a floor already reached
        os.nice(NICE)


def _send_parts(send: Callable[..., None], analysis: Analysis) -> None:
    """The result in small pieces, so the parent never holds the interpreter for long."""
    tables: list[tuple[str, dict[Any, Any]]] = [
        ("boilerplate", analysis.boilerplate),
        ("detected", analysis.detected),
        ("headings", dict.fromkeys(analysis.headings)),
        ("clusters", dict(enumerate(analysis.clusters))),
        ("novelty", analysis.novelty),
        ("duplicates", analysis.duplicates),
        ("overlap", analysis.overlap),
        ("stories", dict(enumerate(analysis.stories))),
        ("origins", analysis.origins),
    ]
    total = sum(len(table) for _, table in tables) or 1
    sent = 0
    for name, table in tables:
        items = list(table.items())
        for start in range(0, max(len(items), 1), PART_ITEMS):
            chunk = items[start : start + PART_ITEMS]
            sent += len(chunk)
            send("part", name, chunk, sent / total)


if __name__ == "__main__":
    serve(sys.stdin.fileno(), sys.stdout.buffer)
