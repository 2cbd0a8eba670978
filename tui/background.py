"""Run the analysis in a child process for large corpora, so the UI thread keeps the interpreter.

The child is `python -m tui.analysis_child`: it reads length-prefixed pickled messages on stdin
and writes them on stdout. Either it gets the corpus itself, or (a head start, begun with the app) the
paths: then it reads the files and begins the leftovers while the reader loads its own copy, and
when the reader's corpus is ready it sends the overrides and a fingerprint of that corpus; a
different fingerprint (a file changed between the two reads) makes the child ask for the corpus.
This module never imports Textual.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import select
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

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


class Stopped(Exception):
    """The caller no longer wants the result."""


SYNC_FILES = 20
"""Up to this many named files are read before the first paint; folders always load in a worker."""


def few_files(paths: Sequence[str]) -> bool:
    """The seeds or a handful of named files load faster than a worker round trip (and need no head start)."""
    return not paths or (len(paths) <= SYNC_FILES and all(Path(path).is_file() for path in paths))


class HeadStart:
    """An analysis child begun with the reader, on the paths: by the time the reader has loaded the
    articles (and opened the store for the overrides), the child has read them too and begun the
    leftovers, so the copies are found seconds earlier than by a child handed the corpus then."""

    def __init__(self, paths: Sequence[str], config: Config) -> None:
        self.config = config
        self._child: subprocess.Popen[bytes] | None = None
        try:  # without a head start (no process to spare) the analysis starts its own child later
            self._child = _spawn()
            assert self._child.stdin is not None
            self._child.stdin.write(frame("paths", config, [str(path) for path in paths]))
        except OSError:
            self.close()

    def take(self, config: Config) -> subprocess.Popen[bytes] | None:
        """The child, for one analysis with `config` (None if it ended or has other settings)."""
        child, self._child = self._child, None
        if child is not None and (child.poll() is not None or config != self.config):
            _end(child)
            return None
        return child

    def close(self) -> None:
        """Not needed after all (a small corpus, or the reader closed)."""
        if self._child is not None:
            _end(self._child)
            self._child = None


def analyse_elsewhere(
    corpus: Corpus,
    config: Config,
    progress: Callable[[str, float], None],
    cancelled: Callable[[], bool],
    overrides: Mapping[PassageKey, bool] | None = None,
    head_start: HeadStart | None = None,
) -> Analysis:
    """analyze() in a child process (the head start's, if it has one); progress is relayed; raises
    Stopped or RuntimeError."""
    wanted = dict(overrides or {})
    child = head_start.take(config) if head_start is not None else None
    if child is not None:
        try:
            assert child.stdin is not None
            child.stdin.write(frame("go", wanted, fingerprint(corpus)))
        except OSError:
            _end(child)
            child = None
    if child is None:
        child = _spawn()
        with contextlib.suppress(OSError):  # a child that ended at once says why below
            _send_corpus(child, corpus, config, wanted)
    try:
        assert child.stdout is not None
        resend = partial(_send_corpus, child, corpus, config, wanted)
        return _relay(child, child.stdout.fileno(), progress, cancelled, resend)
    except BrokenPipeError as error:
        raise RuntimeError(f"analysis process ended unexpectedly (exit code {child.poll()})") from error
    finally:
        _end(child)


def fingerprint(corpus: Corpus) -> bytes:
    """What the analysis reads of each article, hashed: equal in two processes that read the same files."""
    digest = hashlib.blake2b(digest_size=16)
    for article in corpus.articles:
        for part in (article.id, article.label, article.title, article.date or "", article.text):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
    return digest.digest()


def _spawn() -> subprocess.Popen[bytes]:
    root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
    return subprocess.Popen(
        [sys.executable, "-m", "tui.analysis_child"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, bufsize=0, env=env,
    )


def _end(child: subprocess.Popen[bytes]) -> None:
    if child.poll() is None:
        child.kill()
    child.wait()
    for pipe in (child.stdin, child.stdout):
        if pipe is not None:
            with contextlib.suppress(OSError):
                pipe.close()


def frame(*message: Any) -> bytes:
    body = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return len(body).to_bytes(HEADER, "big") + body


def _send_corpus(
    child: subprocess.Popen[bytes], corpus: Corpus, config: Config, overrides: dict[PassageKey, bool]
) -> None:
    """Settings and overrides, then the articles in small pieces (pickling all at once would stall the UI)."""
    sink = child.stdin
    assert sink is not None
    sink.write(frame("corpus", config, overrides, corpus.name, len(corpus.articles)))
    for start in range(0, len(corpus.articles), PART_ARTICLES):
        sink.write(frame(*corpus.articles[start : start + PART_ARTICLES]))


def read_corpus(fd: int, first: tuple[Any, ...]) -> tuple[Corpus, Config, dict[PassageKey, bool]]:
    _, config, overrides, name, count = first
    articles: list[Any] = []
    while len(articles) < count:
        articles.extend(receive(fd) or ())
    return Corpus(name, tuple(articles)), config, overrides


def _relay(
    child: subprocess.Popen[bytes],
    fd: int,
    progress: Callable[[str, float], None],
    cancelled: Callable[[], bool],
    resend: Callable[[], None],
) -> Analysis:
    parts: dict[str, dict[Any, Any]] = {}
    while True:
        if cancelled():
            raise Stopped
        if not select.select([fd], [], [], POLL)[0]:
            continue
        message = receive(fd)
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
        elif kind == "mismatch":
            resend()
        else:
            raise RuntimeError(payload[0])


def receive(fd: int) -> tuple[Any, ...] | None:
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
