"""TinyDB storages that never leave a broken file: atomic snapshots plus an fsync'd journal.

TinyDB's JSON file stays the snapshot format and TinyDB's tables the document model. Besides
TinyDB's whole-state `read`/`write`, each storage takes `commit(entry)`: the change list of one
action (see `journal`), which the journaled storage appends as one line instead of rewriting
the file, so an action costs the same however many annotations are stored.
"""

from __future__ import annotations

import os
import threading
from contextlib import suppress
from pathlib import Path

from tinydb.storages import MemoryStorage as _TinyMemory
from tinydb.storages import Storage

from annotations.store.files import atomic_write, describe, unlink_quietly
from annotations.store.journal import Contents, Entry, Journal, Tables, apply_entry, encode
from annotations.store.locking import StoreLock
from annotations.store.snapshot import StoreError, StoreReadOnly, dump, journal_path, read_tables, set_aside

__all__ = ["COMPACT_EVERY", "AtomicJSONStorage", "JournalStorage", "MemoryStorage", "StoreError",
           "StoreReadOnly", "atomic_write", "journal_path", "read_tables", "set_aside"]

COMPACT_EVERY = 1000
"""Journal lines after which the snapshot is rewritten in the background (keeps opening fast)."""

FOLD_AT_CLOSE_BELOW = 2_000_000
"""Snapshots smaller than this (about 2,000 annotations) take in the journal on close: cheap there."""


class MemoryStorage(_TinyMemory):
    """TinyDB's memory storage with the same extras as the file storages (tests, scratch stores)."""

    path: Path | None = None
    read_only = False
    notice: str | None = None

    def __init__(self) -> None:
        super().__init__()
        self.memory: Tables = {}

    def commit(self, entry: Entry) -> None:
        apply_entry(self.memory, entry)

    def take_over(self) -> bool:
        return True


class AtomicJSONStorage(Storage):
    """TinyDB's JSON file, rewritten whole through a temp file, fsync and os.replace on each write."""

    read_only = False
    notice: str | None = None

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._tables = read_tables(self.path)

    def read(self) -> Tables:
        return self._tables

    def write(self, data: Tables) -> None:
        try:
            atomic_write(self.path, dump(data))
        except OSError as error:
            raise StoreError(self.path, describe(error, self.path)) from None
        self._tables = data

    def commit(self, entry: Entry) -> None:
        tables = {name: dict(table) for name, table in self._tables.items()}
        apply_entry(tables, entry)
        self.write(tables)

    def take_over(self) -> bool:
        return True


class JournalStorage(Storage):
    """The JSON snapshot plus an append-only journal beside it, so a change costs one small fsync.

    `commit` appends one line and fsyncs it; a torn last line (a crash mid-append) is dropped on
    load. After COMPACT_EVERY lines the snapshot is rewritten atomically in a background thread
    and the lines it now holds leave the journal; closing a small store folds in the rest. The
    store is locked: a second instance opens it read-only, says so in `notice`, and can
    `take_over` once the first one has closed it.
    """

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.journal = Journal(journal_path(self.path))
        self.notice: str | None = None
        self._asked_read_only = read_only
        self._lock = StoreLock(self.path)
        self._compactor: threading.Thread | None = None
        self._compact_at = COMPACT_EVERY
        self.read_only = read_only or not self._acquire()
        try:
            self._tables = self._load()
        except StoreError:
            self._lock.release()
            raise
        if not self.read_only:
            self._started_writing()

    def _acquire(self) -> bool:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(self.path, f"{self.path}: cannot create its folder ({error.strerror})") from None
        try:
            holder = self._lock.acquire()
        except OSError as error:
            message = f"{self.path}: cannot create the lock file {self._lock.path.name} ({error.strerror})"
            raise StoreError(self.path, message) from None
        if holder is None:
            self.notice = None
            return True
        self.notice = f"{self.path.name} is open in another briefreader ({holder}); read-only here"
        return False

    def _load(self) -> Tables:
        """The snapshot with the journal replayed over it; a damaged journal line is a StoreError."""
        for _ in range(3):
            before = _identity(self.path)
            tables = read_tables(self.path)
            contents = self._read_journal()
            if _identity(self.path) == before:  # not compacted by the writer meanwhile
                break
        if contents.damaged:
            lines = ", ".join(map(str, contents.damaged[:5]))
            said = f"line {lines} is" if len(contents.damaged) == 1 else f"lines {lines} are"
            raise StoreError(self.journal.path, f"{self.journal.path}: {said} damaged")
        for entry in contents.entries:
            apply_entry(tables, entry)
        self.journal.opened(contents, writable=not self.read_only)
        return tables

    def _read_journal(self) -> Contents:
        try:
            return self.journal.read()
        except OSError as error:
            path = self.journal.path
            raise StoreError(path, f"{path}: cannot read ({error.strerror})") from None

    def _started_writing(self) -> None:
        """Clear what a crash left and fold a long journal into the snapshot (in the background)."""
        for stale in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            unlink_quietly(stale)
        self._compact_at = COMPACT_EVERY
        if self.journal.entries >= self._compact_at:
            self._compact_soon()

    def read(self) -> Tables:
        return self._tables

    def write(self, data: Tables) -> None:
        """TinyDB's own whole-state write: a new snapshot, then an empty journal."""
        self._writable()
        self.wait()
        try:
            atomic_write(self.path, dump(data))
            self.journal.drop_first(self.journal.size, self.journal.entries)
        except OSError as error:
            raise StoreError(self.path, describe(error, self.path)) from None
        self._tables = data

    def commit(self, entry: Entry) -> None:
        """Save one action's changes (one journal line, fsynced); StoreError and no change on failure."""
        self._writable()
        try:
            self.journal.append(encode(entry))
        except OSError as error:
            raise StoreError(self.path, describe(error, self.path)) from None
        apply_entry(self._tables, entry)
        if self.journal.entries >= self._compact_at:
            self._compact_soon()

    def _writable(self) -> None:
        if self.read_only:
            raise StoreReadOnly(self.path, self.notice or f"{self.path}: opened read-only")

    def _compact_soon(self) -> None:
        if self._compactor is not None and self._compactor.is_alive():
            return
        frozen = {name: dict(table) for name, table in self._tables.items()}
        size, entries = self.journal.size, self.journal.entries
        self._compact_at = entries + COMPACT_EVERY
        self._compactor = threading.Thread(target=self._compact, args=(frozen, size, entries),
                                           name="store-compaction", daemon=True)
        self._compactor.start()

    def _compact(self, frozen: Tables, size: int, entries: int) -> None:
        """Write the state after the first `size` journal bytes as the snapshot, then drop those bytes.

        A crash between the two leaves lines the snapshot already holds; replaying them is harmless.
        """
        try:
            atomic_write(self.path, dump(frozen))
            self.journal.drop_first(size, entries)
        except (OSError, TypeError, ValueError):
            return  # the journal still holds every change; try again after more of them
        self._compact_at = max(COMPACT_EVERY, self.journal.entries + COMPACT_EVERY)

    def wait(self) -> None:
        """Let a running compaction finish."""
        if self._compactor is not None:
            self._compactor.join()
            self._compactor = None

    def reload(self) -> None:
        """Read the files again (a read-only instance sees what the writing one saved since)."""
        self.wait()
        self._tables = self._load()

    def take_over(self) -> bool:
        """Become the writer if the instance holding the store has closed it; True when writable now."""
        if not self.read_only:
            return True
        if self._asked_read_only or not self._acquire():
            return False
        self.read_only = False
        try:
            self._tables = self._load()
        except StoreError:
            self.read_only = True
            self._lock.release()
            raise
        self._started_writing()
        return True

    def close(self) -> None:
        """Unlock; a small store's journal is folded in first, so its JSON file alone is the whole store.

        A big store keeps its journal (replaying it at open is cheaper than rewriting the file now).
        """
        self.wait()
        if not self.read_only and self.journal.entries and _size(self.path) < FOLD_AT_CLOSE_BELOW:
            self._compact(self._tables, self.journal.size, self.journal.entries)
        self._lock.release()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _identity(path: Path) -> tuple[int, int, int] | None:
    with suppress(OSError):
        stat = path.stat()
        return stat.st_ino, stat.st_mtime_ns, stat.st_size
    return None

