"""How sure each passage is of its class before its neighbours are consulted, and the kind its cues name."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from annotations.leftovers.cues import Cue, combined
from annotations.leftovers.shape import GOOD_WORDS, Shape

SENTENCE_WORDS = 10
"""A chatty passage this long is prose even when it is short of a paragraph."""


class Role(Enum):
    """How sure a passage is of its class before its neighbours are consulted."""

    GOOD = "good"
    BAD = "bad"
    UNSURE = "unsure"
    EDGE = "edge"


@dataclass(frozen=True, slots=True)
class Sure:
    """For each passage, the nearest passage on each side that is sure of its class."""

    roles: list[Role]
    before: list[int | None]
    after: list[int | None]

    @classmethod
    def of(cls, roles: list[Role]) -> Sure:
        before: list[int | None] = []
        last: int | None = None
        for index, role in enumerate(roles):
            before.append(last)
            last = index if role is not Role.UNSURE else last
        after: list[int | None] = [None] * len(roles)
        last = None
        for index in range(len(roles) - 1, -1, -1):
            after[index] = last
            last = index if roles[index] is not Role.UNSURE else last
        return cls(roles, before, after)

    def role(self, other: int | None) -> Role:
        return Role.EDGE if other is None else self.roles[other]


def role_of(found: list[Cue], shape: Shape, threshold: float) -> Role:
    """A leftover on its own cues, prose by its length and words, or unsure."""
    if found and combined(found) >= threshold:
        return Role.BAD
    if shape.words >= GOOD_WORDS or (shape.words >= SENTENCE_WORDS and shape.chatty):
        return Role.GOOD
    return Role.UNSURE


def kind_of(found: Sequence[Cue]) -> str:
    """The kind of the weightiest cue found ('other' when none)."""
    return max(found, key=lambda cue: cue.weight).kind if found else "other"
