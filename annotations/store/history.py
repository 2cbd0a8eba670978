"""Undo and redo over the session's tagging actions: a linear history of change sets."""

from __future__ import annotations

from dataclasses import dataclass

from annotations.corpus.models import PassageKey
from annotations.store.store import Change

LIMIT = 1000
"""Actions kept for undo; older ones fall off (their changes stay saved)."""


@dataclass(frozen=True, slots=True)
class Action:
    """One undoable step: what the analyst did, as (before, after) pairs applied together."""

    label: str
    changes: tuple[Change, ...]
    keys: tuple[PassageKey, ...] = ()


class History:
    """Done and undone actions; a new action forgets what was undone."""

    def __init__(self) -> None:
        self._done: list[Action] = []
        self._undone: list[Action] = []

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    def push(self, action: Action) -> None:
        self._done.append(action)
        del self._done[:-LIMIT]
        self._undone.clear()

    def undo_peek(self) -> Action | None:
        return self._done[-1] if self._done else None

    def redo_peek(self) -> Action | None:
        return self._undone[-1] if self._undone else None

    def undone(self) -> None:
        """Record that the last action was undone (after its inverse was saved)."""
        self._undone.append(self._done.pop())

    def redone(self) -> None:
        self._done.append(self._undone.pop())
