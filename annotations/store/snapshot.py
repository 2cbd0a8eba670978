"""The snapshot file: TinyDB's JSON tables, read with every shape check a file from outside needs,
and set aside when it cannot be used, keeping what can still be read when only journal lines are damaged.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import orjson

from annotations.store.files import atomic_write
from annotations.store.journal import DamagedLine, Journal, Tables, apply_entry, check_ids


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
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise StoreError(path, f"{path}: not a valid annotation store (invalid JSON: {error})") from None
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and set(map(type, table.values())) <= {dict} for table in data.values()
    ):
        raise StoreError(path, f"{path}: not a valid annotation store (expected TinyDB tables)")
    for name, table in data.items():
        try:
            check_ids(table)
        except DamagedLine as error:
            message = f"{path}: not a valid annotation store (table {name[:40]!r}: {error})"
            raise StoreError(path, message) from None
    return data


def dump(tables: Tables) -> bytes:
    return orjson.dumps(tables)


def set_aside(path: str | os.PathLike[str]) -> Path:
    """Rename an unusable store (and its journal) to `NAME.broken-YYYYmmddTHHMMSS`; return the new path.

    When only journal lines are damaged, the new store starts with everything else that could be read.
    """
    source = Path(path)
    recovered = _recoverable(source)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = source.with_name(f"{source.name}.broken-{stamp}")
    number = 2
    while target.exists():
        target, number = source.with_name(f"{source.name}.broken-{stamp}-{number}"), number + 1
    if source.exists():
        os.replace(source, target)
    journal = journal_path(source)
    if journal.exists():
        os.replace(journal, target.with_name(target.name + ".journal"))
    if recovered:
        atomic_write(source, dump(recovered))
    return target


def _recoverable(path: Path) -> Tables | None:
    """The snapshot plus every readable journal line, when damaged lines are what is wrong."""
    try:
        tables = read_tables(path)
        contents = Journal(journal_path(path)).read()
    except (StoreError, OSError):
        return None
    if not contents.damaged:
        return None
    for entry in contents.entries:
        apply_entry(tables, entry)
    return tables
