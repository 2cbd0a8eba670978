"""Setting an unusable store aside, keeping what can still be read when only journal lines are damaged."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from annotations.store.files import atomic_write
from annotations.store.journal import Journal, Tables, apply_entry
from annotations.store.snapshot import StoreError, dump, journal_path, read_tables


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
