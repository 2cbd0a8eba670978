"""Run the analysis in a child process for large corpora, so the UI thread keeps the interpreter.

The child is `python -m tui.background`: it reads the pickled corpus and settings on stdin and
writes length-prefixed pickled messages on stdout. This module never imports Textual.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import subprocess
import sys
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO, Any

from annotations.config import Config
from annotations.corpus.models import Analysis, Corpus, PassageKey

PROCESS_PASSAGES = 5_000
"""Corpora with more passages than this are analysed in a child process (starting it costs ~0.2 s)."""

PART_ITEMS = 2_000
"""Entries per message when the child sends its result back (each unpickles in milliseconds)."""

PART_ARTICLES = 200
"""Articles per message when the parent sends the corpus."""

POLL = 0.1
"""Seconds between checks for cancellation while waiting for the child."""

HEADER = 8

NICE = 10
"""How far the analysis child lowers its priority below the reader's."""


class Stopped(Exception):
    """The caller no longer wants the result."""


def analyse_elsewhere(
    corpus: Corpus,
    config: Config,
    progress: Callable[[str, float], None],
    cancelled: Callable[[], bool],
    overrides: Mapping[PassageKey, bool] | None = None,
) -> Analysis:
    """analyze() in a child process; progress is relayed; raises Stopped or RuntimeError."""
    root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
    child = subprocess.Popen(
        [sys.executable, "-m", "tui.background"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, bufsize=0, env=env,
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        with child.stdin:
            _send_corpus(child.stdin, corpus, config, dict(overrides or {}))
        return _relay(child, child.stdout.fileno(), progress, cancelled)
    except BrokenPipeError as error:
        raise RuntimeError(f"analysis process ended unexpectedly (exit code {child.poll()})") from error
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        child.stdout.close()


def _frame(*message: Any) -> bytes:
    body = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return len(body).to_bytes(HEADER, "big") + body


def _send_corpus(sink: IO[bytes], corpus: Corpus, config: Config, overrides: dict[PassageKey, bool]) -> None:
    """Settings and overrides, then the articles in small pieces (pickling all at once would stall the UI)."""
    sink.write(_frame(config, overrides, corpus.name, len(corpus.articles)))
    for start in range(0, len(corpus.articles), PART_ARTICLES):
        sink.write(_frame(*corpus.articles[start : start + PART_ARTICLES]))


def _read_corpus(fd: int) -> tuple[Corpus, Config, dict[PassageKey, bool]]:
    config, overrides, name, count = _receive(fd) or (Config(), {}, "", 0)
    articles: list[Any] = []
    while len(articles) < count:
        articles.extend(_receive(fd) or ())
    return Corpus(name, tuple(articles)), config, overrides


def _relay(
    child: subprocess.Popen[bytes],
    fd: int,
    progress: Callable[[str, float], None],
    cancelled: Callable[[], bool],
) -> Analysis:
    parts: dict[str, dict[Any, Any]] = {}
    while True:
        if cancelled():
            raise Stopped
        if not select.select([fd], [], [], POLL)[0]:
            continue
        message = _receive(fd)
        if message is None:
            raise RuntimeError(f"analysis process ended unexpectedly (exit code {child.wait()})")
        kind, *payload = message
        if kind == "progress":
            progress(*payload)
        elif kind == "part":
            name, items, fraction = payload
            parts.setdefault(name, {}).update(items)
            progress("receiving", fraction)
        elif kind == "done":
            return _assemble(parts)
        else:
            raise RuntimeError(payload[0])


def _receive(fd: int) -> tuple[Any, ...] | None:
    header = _read_exact(fd, HEADER)
    if header is None:
        return None
    body = _read_exact(fd, int.from_bytes(header, "big"))
    return None if body is None else pickle.loads(body)


def _read_exact(fd: int, size: int) -> bytes | None:
    chunks, wanted = [], size
    while wanted:
        chunk = os.read(fd, min(wanted, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        wanted -= len(chunk)
    return b"".join(chunks)


def _assemble(parts: dict[str, dict[Any, Any]]) -> Analysis:
    return Analysis(
        boilerplate=parts.get("boilerplate", {}),
        headings=frozenset(parts.get("headings", {})),
        duplicates=parts.get("duplicates", {}),
        clusters=tuple(parts.get("clusters", {}).values()),
        novelty=parts.get("novelty", {}),
        overlap=parts.get("overlap", {}),
        detected=parts.get("detected", {}),
        stories=tuple(parts.get("stories", {}).values()),
        origins=parts.get("origins", {}),
    )


def _serve(source: int, sink: IO[bytes]) -> None:
    """The child's side: analyse what arrives on `source`, answer on `sink`."""
    from annotations.analysis import analyze
    from annotations.parallel import cores

    def send(*message: Any) -> None:
        sink.write(_frame(*message))
        sink.flush()

    last = [-1.0]

    def report(stage: str, done: float) -> None:
        if done - last[0] >= 0.01 or done >= 1.0 or stage != "duplicates":
            last[0] = done
            send("progress", stage, done)

    try:
        corpus, config, overrides = _read_corpus(source)
        _yield_to_reader()
        _send_parts(send, analyze(corpus, config, overrides, progress=report, workers=cores()))
        send("done")
    except Exception as error:  # any failure becomes one line in the parent, never a traceback
        send("error", " ".join(traceback.format_exception_only(error)[-1].split()))


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
    _serve(sys.stdin.fileno(), sys.stdout.buffer)
