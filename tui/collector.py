"""Full garbage collections while the analyst pauses, never in the middle of a key.

A full collection walks every object the reader has built since the corpus and the analysis were
frozen (the list's rows, the drawn lines, the caches): 35-90 ms at 5,000 articles. Python starts
one after every tenth middle collection, so every few dozen keys one key waited that long. Here the
automatic full collections are off, and one runs when the keys have paused for a moment and enough
middle collections have passed to want it, and what survives it is frozen, so the next one walks
only what was built after (an object that later dies in a reference cycle stays until exit; plain
references still free it at once). The young and middle generations are collected as ever.
"""

from __future__ import annotations

import gc
import time

QUIET = 0.75
"""Seconds without a key before a full collection may run."""
WANTED = 10
"""Middle collections since the last full one before a full one is worth running (Python's default)."""
NEVER = 1_000_000
"""A full-collection threshold no session reaches: the collector below runs them instead."""


class IdleCollector:
    """Turns automatic full collections off from `start` to `close`; `tick` runs one when the keys pause."""

    def __init__(self) -> None:
        self._saved = gc.get_threshold()
        self._last_key = time.monotonic()

    def start(self) -> None:
        """No more automatic full collections (the app is running)."""
        self._saved = gc.get_threshold()
        young, middle, _ = self._saved
        gc.set_threshold(young, middle, NEVER)

    def key(self) -> None:
        """A key arrived: no collection until the keys pause again."""
        self._last_key = time.monotonic()

    def tick(self) -> None:
        """Collect everything once the keys pause and the middle generation has filled; freeze the rest."""
        if time.monotonic() - self._last_key >= QUIET and gc.get_count()[2] >= WANTED:
            gc.collect()
            gc.freeze()

    def close(self) -> None:
        """Automatic collections as before (the app is ending)."""
        gc.set_threshold(*self._saved)
