"""The snapshot file: TinyDB's JSON tables, read with every shape check a file from outside needs."""

from __future__ import annotations

import os
from pathlib import Path

import orjson

from annotations.store.journal import DamagedLine, Tables, check_ids


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
