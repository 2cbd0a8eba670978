"""Run the analysis in a child process for large corpora, so the UI thread keeps the interpreter.

This module never imports Textual: the child process imports it by name.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from annotations.analysis import analyze
from annotations.config import Config
from annotations.models import Analysis, Corpus

PROCESS_PASSAGES = 5_000
"""Corpora with more passages than this are analysed in a child process (spawning costs ~0.2 s)."""

PART_ITEMS = 2_000
"""Entries per message when the child sends its result back."""

POLL = 0.1
"""Seconds between checks for cancellation while waiting for the child."""


class Stopped(Exception):
    """The caller no longer wants the result."""


def analyse_elsewhere(
    corpus: Corpus,
    config: Config,
    progress: Callable[[str, float], None],
    cancelled: Callable[[], bool],
) -> Analysis:
    """analyze() in a spawned child; progress is relayed; raises Stopped or RuntimeError."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, corpus, config), daemon=True)
    child.start()
    sender.close()
    try:
        return _relay(receiver, child, progress, cancelled)
    finally:
        receiver.close()
        if child.is_alive():
            child.terminate()
        child.join(timeout=1)


def _relay(
    receiver: Connection,
    child: multiprocessing.process.BaseProcess,
    progress: Callable[[str, float], None],
    cancelled: Callable[[], bool],
) -> Analysis:
    parts: dict[str, dict[Any, Any]] = {}
    while True:
        if cancelled():
            raise Stopped
        if not receiver.poll(POLL):
            if not child.is_alive() and not receiver.poll(0):
                raise RuntimeError(f"analysis process ended unexpectedly (exit code {child.exitcode})")
            continue
        try:
            kind, *payload = receiver.recv()
        except EOFError as error:
            raise RuntimeError("analysis process ended unexpectedly") from error
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


def _assemble(parts: dict[str, dict[Any, Any]]) -> Analysis:
    return Analysis(
        boilerplate=parts.get("boilerplate", {}),
        headings=frozenset(parts.get("headings", {})),
        duplicates=parts.get("duplicates", {}),
        clusters=tuple(parts.get("clusters", {}).values()),
        novelty=parts.get("novelty", {}),
        overlap=parts.get("overlap", {}),
    )


def _child(sender: Connection, corpus: Corpus, config: Config) -> None:
    last = [-1.0]

    def report(stage: str, done: float) -> None:
        if done - last[0] >= 0.01 or done >= 1.0 or stage != "duplicates":
            last[0] = done
            sender.send(("progress", stage, done))

    try:
        analysis = analyze(corpus, config, progress=report)
        _send_parts(sender, analysis)
        sender.send(("done",))
    except Exception as error:  # any failure becomes one line in the parent, never a traceback
        lines = traceback.format_exception_only(error)
        sender.send(("error", " ".join(lines[-1].split())))
    finally:
        sender.close()


def _send_parts(sender: Connection, analysis: Analysis) -> None:
    """The result in small pieces: the parent unpickles each quickly, so its UI thread is never starved."""
    tables: list[tuple[str, dict[Any, Any]]] = [
        ("boilerplate", analysis.boilerplate),
        ("headings", dict.fromkeys(analysis.headings)),
        ("clusters", dict(enumerate(analysis.clusters))),
        ("novelty", analysis.novelty),
        ("duplicates", analysis.duplicates),
        ("overlap", analysis.overlap),
    ]
    total = sum(len(table) for _, table in tables) or 1
    sent = 0
    for name, table in tables:
        items = list(table.items())
        for start in range(0, max(len(items), 1), PART_ITEMS):
            chunk = items[start : start + PART_ITEMS]
            sent += len(chunk)
            sender.send(("part", name, chunk, sent / total))
