"""Placeholder: finds nothing until the detector lands."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from annotations.models import Article, Duplicate, PassageKey


@dataclass(frozen=True, slots=True)
class Overlaps:
    duplicates: dict[PassageKey, tuple[Duplicate, ...]] = field(default_factory=dict)
    clusters: tuple[tuple[PassageKey, ...], ...] = ()
    novelty: dict[str, float] = field(default_factory=dict)
    overlap: dict[tuple[str, str], float] = field(default_factory=dict)


def find_overlaps(
    articles: Sequence[Article],
    boilerplate: frozenset[PassageKey] = frozenset(),
    progress: Callable[[float], None] | None = None,
) -> Overlaps:
    return Overlaps(novelty={article.id: 1.0 for article in articles})
