"""Spread independent work over the machine's cores: forked workers inherit the inputs, so nothing but
the results is copied between processes.

Forking is safe only in a process with no other threads (a thread holding a lock at the fork would
leave the child stuck on it), so a multi-threaded caller, such as the reader, simply runs the work
itself. Any failure of the workers (a killed child, a full /dev/shm) also falls back to doing the work
in this process: the result is the same, only slower.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_INHERITED: tuple[Callable[[Sequence[Any]], list[Any]], Sequence[Any]] | None = None
"""The work the forked workers find in their copy of this module."""


def cores() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def map_slices(
    work: Callable[[Sequence[Item]], list[Result]],
    items: Sequence[Item],
    workers: int,
    minimum: int,
) -> list[Result]:
    """`work` over contiguous slices of `items`, concatenated in order: the same list as `work(items)`.

    With fewer than `minimum` items (or one worker) there is no gain worth a fork. This process does
    the first slice itself while the others run; `work` must be pure and its results picklable.
    """
    workers = min(workers, len(items) // max(minimum, 1))
    if workers <= 1 or not _may_fork():
        return work(items)
    bounds = [len(items) * part // workers for part in range(workers + 1)]
    global _INHERITED
    _INHERITED = (work, items)
    try:
        pool = ProcessPoolExecutor(workers - 1, mp_context=multiprocessing.get_context("fork"))
        with pool:
            futures = [pool.submit(_slice, bounds[part], bounds[part + 1]) for part in range(1, workers)]
            first = work(items[bounds[0] : bounds[1]])
            rest = [future.result() for future in futures]
    except (OSError, RuntimeError, EOFError):
        return work(items)
    finally:
        _INHERITED = None
    return [result for part in [first, *rest] for result in part]


def _slice(start: int, end: int) -> list[Any]:
    assert _INHERITED is not None, "a worker runs only in a child forked by map_slices"
    work, items = _INHERITED
    return work(items[start:end])


def _may_fork() -> bool:
    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


class Forked(Generic[Result]):
    """One piece of work done in a forked child while this process goes on with other work.

    The child sends its pickled result through a pipe when asked for it; with no fork allowed, or
    when the child fails, the work is simply done here. `close` ends a child whose result is not
    wanted (the caller was cancelled).
    """

    def __init__(self, work: Callable[[], Result]) -> None:
        self._work = work
        self._child: tuple[int, int] | None = None
        if not _may_fork():
            return
        try:
            source, sink = os.pipe()
            pid = os.fork()
        except OSError:
            return
        if pid == 0:  # the child: compute, send, leave without running the parent's exit handlers
            os.close(source)
            status = 0
            try:
                with os.fdopen(sink, "wb") as out:
                    pickle.dump(work(), out, protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:
                status = 1
            os._exit(status)
        os.close(sink)
        self._child = (pid, source)

    def result(self) -> Result:
        """The child's result (waiting for it), or the work done here if there is no child's."""
        if self._child is None:
            return self._work()
        pid, source = self._child
        self._child = None
        with os.fdopen(source, "rb") as answer:
            data = answer.read()
        _, status = os.waitpid(pid, 0)
        if status != 0 or not data:
            return self._work()
        value: Result = pickle.loads(data)
        return value

    def close(self) -> None:
        """Stop and reap a child whose result will not be asked for."""
        if self._child is None:
            return
        pid, source = self._child
        self._child = None
        os.close(source)
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
