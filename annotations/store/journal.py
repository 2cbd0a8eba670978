"""The append-only journal beside a store: one JSON line per saved action, fsynced before it counts.

A line is `{"set": {TABLE: {DOC_ID: DOC}}, "del": {TABLE: [DOC_ID]}}` (older stores may also have
`"tables"` and `"drop"`). Lines carry whole documents, so replaying a line twice changes nothing:
that lets the snapshot be rewritten while the journal still holds the lines it contains.
"""

from __future__ import annotations

import os
import threading
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from annotations.store.files import atomic_write, fsync_dir, write_all

Tables = dict[str, dict[str, Any]]
Entry = dict[str, Any]


class DamagedLine(ValueError):
    """A journal line that is not a change (bad JSON, or not the shape of one)."""


@dataclass(slots=True)
class Contents:
    """What a journal file holds: the changes, in order, and what could not be read."""

    entries: list[Entry] = field(default_factory=list)
    damaged: list[int] = field(default_factory=list)
    """1-based numbers of lines that are not changes (a crash mid-append never produces one)."""
    complete: int = 0
    """Bytes up to the end of the last complete line; anything after is a torn, unacknowledged append."""
    size: int = 0


def encode(entry: Entry) -> bytes:
    return orjson.dumps(entry) + b"\n"


def parse(line: bytes) -> Entry:
    """One journal line as a change; DamagedLine when it is not one."""
    try:
        entry = orjson.loads(line)
    except orjson.JSONDecodeError:
        raise DamagedLine("damaged") from None
    if not isinstance(entry, dict):
        raise DamagedLine("not a change")
    sets, gone = entry.get("set", {}), entry.get("del", {})
    if not isinstance(sets, dict) or not isinstance(gone, dict):
        raise DamagedLine("not a change")
    for docs in sets.values():
        if not isinstance(docs, dict) or not all(isinstance(doc, dict) for doc in docs.values()):
            raise DamagedLine("not a change")
        check_ids(docs)
    for ids in gone.values():
        if not isinstance(ids, list):
            raise DamagedLine("not a change")
        check_ids(ids)
    for key in ("tables", "drop"):
        if not isinstance(entry.get(key, []), list):
            raise DamagedLine("not a change")
    return entry


def check_ids(ids: Any) -> None:
    """TinyDB document ids are integers written as strings; anything else is a damaged store."""
    if isinstance(ids, dict) and all(ids) and (joined := "".join(ids)).isascii() and joined.isdigit():
        return  # a table's keys are strings: all of them checked at once (a big store's open)
    for doc_id in ids:
        if not (isinstance(doc_id, str) and doc_id.isascii() and doc_id.isdigit()):
            raise DamagedLine(f"document id {str(doc_id)[:40]!r} is not a number")


def apply_entry(tables: Tables, entry: Entry) -> None:
    """Change `tables` in place as the journal line says."""
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


class Journal:
    """The journal file: read it, append a line durably, or drop lines the snapshot now holds."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.size = 0
        """Bytes of complete, saved lines: a failed append is cut back to this."""
        self.entries = 0
        self.lock = threading.Lock()
        """Held while the file changes (appends on the UI thread, compaction in the background)."""

    def read(self) -> Contents:
        """Every readable line; damaged ones are listed, never silently skipped. OSError if unreadable."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return Contents()
        end = raw.rfind(b"\n") + 1
        contents = Contents(complete=end, size=len(raw))
        for number, line in enumerate(raw[:end].split(b"\n")[:-1], start=1):
            if not line.strip():
                continue
            try:
                contents.entries.append(parse(line))
            except DamagedLine:
                contents.damaged.append(number)
        return contents

    def opened(self, contents: Contents, *, writable: bool) -> None:
        """Start appending after the complete lines of `contents` (cutting a torn tail if writable)."""
        self.size, self.entries = contents.complete, len(contents.entries)
        if writable and contents.size > contents.complete:
            with suppress(OSError):
                os.truncate(self.path, contents.complete)

    def append(self, line: bytes) -> None:
        """Add one complete line and fsync it; on any failure the file is cut back and OSError raised."""
        with self.lock:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                if os.fstat(fd).st_size != self.size:
                    os.ftruncate(fd, self.size)  # the rest of an earlier failed append
                try:
                    write_all(fd, line)
                    os.fsync(fd)
                except OSError:
                    with suppress(OSError):
                        os.ftruncate(fd, self.size)
                        os.fsync(fd)
                    raise
            finally:
                os.close(fd)
            if self.size == 0:
                fsync_dir(self.path.parent)
            self.size += len(line)
            self.entries += 1

    def drop_first(self, size: int, entries: int) -> None:
        """Remove the first `size` bytes (`entries` lines) once the snapshot holds them."""
        with self.lock:
            if size >= self.size:
                self.path.unlink(missing_ok=True)
                fsync_dir(self.path.parent)
                self.size = self.entries = 0
                return
            with self.path.open("rb") as handle:
                handle.seek(size)
                tail = handle.read(self.size - size)
            atomic_write(self.path, tail)
            self.size, self.entries = len(tail), self.entries - entries
