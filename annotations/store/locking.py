"""One writer per store: a lock file beside it (flock on Unix, a Windows lock there), naming its holder."""

from __future__ import annotations

import os
from pathlib import Path

from filelock import FileLock, Timeout

from annotations.store.files import write_all


class StoreLock:
    """An exclusive, non-blocking lock on `STORE.lock`, released on close or when the process dies."""

    def __init__(self, store: Path) -> None:
        self.path = store.with_name(store.name + ".lock")
        self._lock = FileLock(self.path, timeout=0, thread_local=False, is_singleton=False,
                              on_acquired=_write_pid)

    def acquire(self) -> str | None:
        """Take the lock; None when taken, else a short description of the holder.

        OSError when the lock file cannot be created or written (a read-only folder, a full disk).
        """
        try:
            self._lock.acquire()
        except Timeout:
            return _holder(self.path)
        return None

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release(force=True)


def _write_pid(fd: int) -> None:
    """Say who holds the lock, for the second instance's message."""
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    write_all(fd, str(os.getpid()).encode())
    os.fsync(fd)


def _holder(path: Path) -> str:
    try:
        pid = path.read_bytes()[:32].decode("ascii", "replace").strip()
    except OSError:  # Windows: the holder's lock keeps others from reading
        pid = ""
    return f"pid {pid}" if pid.isdigit() else "another process"
