"""TinyDB storages that never leave a broken file: atomic snapshots plus an fsync'd journal."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb.storages import MemoryStorage as _TinyMemory
from tinydb.storages import Storage

from annotations.store.locking import StoreLock

Tables = dict[str, dict[str, Any]]

COMPACT_EVERY = 1000
"""Journal entries after which the snapshot is rewritten (keeps opening fast)."""


class StoreError(Exception):
    """The store file cannot be used; `message` is one line naming the file."""

    def __init__(self, path: str | os.PathLike[str] | None, message: str) -> None:
        super().__init__(message)
        self.path = None if path is None else Path(path)
        self.message = message


class StoreReadOnly(StoreError):
    """A change was attempted on a store opened read-only (another briefreader holds it)."""


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + ".journal")


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so a crash leaves either the old or the new file, never a mix."""
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), _mode_of(path))
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(name, path)
    except BaseException:
        _unlink_quietly(Path(name))
        raise
    _fsync_dir(path.parent)


def _mode_of(path: Path) -> int:
    """Keep the permissions of the file being replaced (new files: rw for the owner, r for others)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o644


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _unlink_quietly(path: Path) -> None:
    with suppress(OSError):
        path.unlink()


def set_aside(path: str | os.PathLike[str]) -> Path:
    """Rename an unusable store (and its journal) to `NAME.broken-YYYYmmddTHHMMSS`; return the new path."""
    source = Path(path)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = source.with_name(f"{source.name}.broken-{stamp}")
    number = 2
    while target.exists():
        target, number = source.with_name(f"{source.name}.broken-{stamp}-{number}"), number + 1
    os.replace(source, target)
    journal = journal_path(source)
    if journal.exists():
        os.replace(journal, target.with_name(target.name + ".journal"))
    return target


def read_tables(path: Path) -> Tables:
    """The tables of a TinyDB JSON file; a missing or empty file is an empty store."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise StoreError(path, f"{path}: cannot read the annotation store ({error.strerror})") from None
    if not raw.strip():
        return {}
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise StoreError(path, f"{path}: not a valid annotation store (invalid JSON: {error})") from None
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
    ):
        raise StoreError(path, f"{path}: not a valid annotation store (expected TinyDB tables)")
    return data


def _dump(tables: Tables) -> bytes:
    return json.dumps(tables, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class MemoryStorage(_TinyMemory):
    """TinyDB's memory storage with the same extras as the file storages (tests, scratch stores)."""

    path: Path | None = None
    read_only = False
    notice: str | None = None

    @contextmanager
    def batch(self) -> Iterator[None]:
        yield


class AtomicJSONStorage(Storage):
    """TinyDB's JSON file, rewritten whole through a temp file, fsync and os.replace on each write."""

    read_only = False
    notice: str | None = None

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)

    def read(self) -> Tables | None:
        return read_tables(self.path) or None

    def write(self, data: Tables) -> None:
        try:
            atomic_write(self.path, _dump(data))
        except OSError as error:
            raise StoreError(self.path, f"{self.path}: could not save ({error.strerror or error})") from None

    @contextmanager
    def batch(self) -> Iterator[None]:
        yield


class JournalStorage(Storage):
    """The JSON snapshot plus an append-only journal beside it, so a change costs one small fsync.

    Each write appends one line with the documents that changed; a torn last line (a crash
    mid-append) is ignored on load. The journal is folded into the snapshot atomically when
    the store opens and closes and every COMPACT_EVERY entries. The store is locked with
    flock: a second instance opens it read-only and says so in `notice`.
    """

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.journal = journal_path(self.path)
        self.notice: str | None = None
        self._lock = StoreLock(self.path)
        self._complete_bytes: int | None = None
        self.read_only = read_only or not self._acquire()
        try:
            self._tables, entries = self._load()
        except StoreError:
            self._lock.release()
            raise
        self._shadow = _shadow(self._tables)
        self._entries = entries
        self._batch_depth = 0
        self._pending: dict[str, Any] | None = None
        if not self.read_only:
            self._remove_stale_temporaries()
            self._cut_torn_tail()
            if entries:
                self._compact()

    def _acquire(self) -> bool:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(self.path, f"{self.path}: cannot create its folder ({error.strerror})") from None
        holder = self._lock.acquire()
        if holder is None:
            return True
        self.notice = f"{self.path.name} is open in another briefreader ({holder}); read-only here"
        return False

    def _load(self) -> tuple[Tables, int]:
        tables = read_tables(self.path)
        count = 0
        for number, entry in self._journal_entries():
            try:
                _apply_entry(tables, entry)
            except (AttributeError, TypeError, ValueError):
                raise StoreError(self.journal, f"{self.journal}: line {number} is not a change") from None
            count += 1
        return tables, count

    def _cut_torn_tail(self) -> None:
        """Drop a half-written last line so the next change does not land behind it."""
        if self._complete_bytes is None:
            return
        with suppress(OSError):
            os.truncate(self.journal, self._complete_bytes)
        self._complete_bytes = None

    def _journal_entries(self) -> Iterator[tuple[int, dict[str, Any]]]:
        try:
            raw = self.journal.read_bytes()
        except FileNotFoundError:
            return
        except OSError as error:
            raise StoreError(self.journal, f"{self.journal}: cannot read ({error.strerror})") from None
        lines = raw.split(b"\n")
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except (UnicodeDecodeError, json.JSONDecodeError):
                if number == len(lines):
                    # Torn by a crash mid-append: only the change in flight is lost.
                    self._complete_bytes = raw.rfind(b"\n") + 1
                    return
                raise StoreError(self.journal, f"{self.journal}: line {number} is damaged") from None
            if not isinstance(entry, dict):
                raise StoreError(self.journal, f"{self.journal}: line {number} is not a change")
            yield number, entry

    def _remove_stale_temporaries(self) -> None:
        """Temp files left by a crash mid-rewrite (only the lock holder writes them)."""
        for stale in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            _unlink_quietly(stale)

    def read(self) -> Tables:
        return self._tables

    def write(self, data: Tables) -> None:
        if self.read_only:
            self.reload()
            raise StoreReadOnly(self.path, self.notice or f"{self.path}: opened read-only")
        self._tables = data
        entry = _diff(self._shadow, data)
        self._shadow = _shadow(data)
        if not entry:
            return
        if self._batch_depth:
            self._pending = _merge(self._pending, entry)
            return
        self._append(entry)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group several TinyDB operations into one journal entry (one undoable action, one fsync)."""
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            self._batch_depth -= 1
            if not self._batch_depth:
                self._pending = None
                self.reload()
            raise
        self._batch_depth -= 1
        if not self._batch_depth and self._pending:
            entry, self._pending = self._pending, None
            self._append(entry)

    def _append(self, entry: dict[str, Any]) -> None:
        line = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
        try:
            self._append_line(line)
        except OSError as error:
            self.reload()
            raise StoreError(self.path, f"{self.path}: could not save ({error.strerror or error})") from None
        self._entries += 1
        if self._entries >= COMPACT_EVERY:
            self._compact()

    def _append_line(self, line: bytes) -> None:
        fd = os.open(self.journal, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            size = os.fstat(fd).st_size
            try:
                os.write(fd, line)
                os.fsync(fd)
            except OSError:
                os.ftruncate(fd, size)
                raise
        finally:
            os.close(fd)
        if size == 0:
            _fsync_dir(self.path.parent)

    def reload(self) -> None:
        """Drop what is in memory and read the files again (after a failed write, or to refresh)."""
        self._tables, self._entries = self._load()
        self._shadow = _shadow(self._tables)

    def _compact(self) -> None:
        try:
            atomic_write(self.path, _dump(self._tables))
            _unlink_quietly(self.journal)
            _fsync_dir(self.path.parent)
        except OSError:
            return  # the journal still holds every change; try again later
        self._entries = 0

    def close(self) -> None:
        if not self.read_only and self._entries:
            self._compact()
        self._lock.release()


def _shadow(tables: Tables) -> dict[str, dict[str, Any]]:
    """The table objects after the last write.

    TinyDB replaces a table's dict on every change and never edits the old one, so the old
    object is the previous state. Documents are inserted and removed, never edited in place
    (Store.apply replaces them), so comparing ids finds every change.
    """
    return dict(tables)


def _diff(before: dict[str, dict[str, Any]], after: Tables) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    for name, table in after.items():
        old = before.get(name, {})
        if table is old:
            continue
        changed = {doc_id: table[doc_id] for doc_id in table.keys() - old.keys()}
        gone = list(old.keys() - table.keys())
        if changed:
            entry.setdefault("set", {})[name] = changed
        if gone:
            entry.setdefault("del", {})[name] = gone
        if name not in before:
            entry.setdefault("tables", []).append(name)
    dropped = [name for name in before if name not in after]
    if dropped:
        entry["drop"] = dropped
    return entry


def _merge(first: dict[str, Any] | None, second: dict[str, Any]) -> dict[str, Any]:
    """One entry with the effect of `first` then `second`."""
    if first is None:
        return second
    for name in second.get("drop", ()):
        first.get("set", {}).pop(name, None)
        first.get("del", {}).pop(name, None)
        first.setdefault("drop", []).append(name)
    for name in second.get("tables", ()):
        first.setdefault("tables", []).append(name)
    for name, gone in second.get("del", {}).items():
        sets = first.get("set", {}).get(name, {})
        for doc_id in gone:
            sets.pop(doc_id, None)
        first.setdefault("del", {}).setdefault(name, []).extend(gone)
    for name, docs in second.get("set", {}).items():
        first.setdefault("set", {}).setdefault(name, {}).update(docs)
    return first


def _apply_entry(tables: Tables, entry: dict[str, Any]) -> None:
    for name in entry.get("drop", ()):
        tables.pop(name, None)
    for name in entry.get("tables", ()):
        tables.setdefault(name, {})
    for name, gone in entry.get("del", {}).items():
        table = tables.setdefault(name, {})
        for doc_id in gone:
            table.pop(doc_id, None)
    for name, docs in entry.get("set", {}).items():
        tables.setdefault(name, {}).update(docs)
