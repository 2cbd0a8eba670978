"""Turn aligned passage pairs into what the reader shows: duplicates, clusters, novelty, overlap."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from annotations.copies.align import Stretch
from annotations.corpus.models import Article, Duplicate, PassageKey

if TYPE_CHECKING:  # only named in hints: the reader shows spans without loading numpy
    import numpy as np

Ranges = list[tuple[int, int]]


@dataclass(frozen=True, slots=True)
class Match:
    """Two passages (by number) that share copied text, and the stretches they share."""

    first: int
    second: int
    stretches: tuple[Stretch, ...]

    def ranges(self, side: int) -> Ranges:
        if side == self.first:
            return union([(stretch.a_start, stretch.a_end) for stretch in self.stretches])
        return union([(stretch.b_start, stretch.b_end) for stretch in self.stretches])


def summarise(
    articles: Sequence[Article],
    keys: list[PassageKey],
    lengths: list[int],
    matches: list[Match],
    offsets: Callable[[int], np.ndarray],
    text: list[bool],
) -> dict[str, Any]:
    """The fields of Overlaps, from passage numbers back to passage keys; novelty and overlap count
    only passages whose `text` flag is set (article text, not page leftovers)."""
    novelty, overlap = _shares(articles, keys, lengths, matches, text)
    return {
        "duplicates": _duplicates(keys, lengths, matches, offsets),
        "clusters": _clusters(keys, matches),
        "novelty": novelty,
        "overlap": overlap,
    }


def _duplicates(
    keys: list[PassageKey],
    lengths: list[int],
    matches: list[Match],
    offsets: Callable[[int], np.ndarray],
) -> dict[PassageKey, tuple[Duplicate, ...]]:
    """Both sides of every match, each with spans in its own text, best score first."""
    listed: dict[int, list[tuple[float, int, Ranges]]] = defaultdict(list)
    for match in matches:
        ranges = {side: match.ranges(side) for side in (match.first, match.second)}
        smaller = min(ranges, key=lambda side: lengths[side])
        score = round(min(1.0, _length(ranges[smaller]) / max(lengths[smaller], 1)), 4)
        listed[match.first].append((-score, match.second, ranges[match.first]))
        listed[match.second].append((-score, match.first, ranges[match.second]))
    found: dict[PassageKey, tuple[Duplicate, ...]] = {}
    for number in sorted(listed):
        where = offsets(number)
        found[keys[number]] = tuple(
            Duplicate(keys[other][0], keys[other][1], -score, _characters(ranges, where))
            for score, other, ranges in sorted(listed[number], key=lambda item: item[:2])
        )
    return found


def _characters(ranges: Ranges, offsets: np.ndarray) -> tuple[tuple[int, int], ...]:
    """Word ranges as character spans of the passage's own text."""
    return tuple((int(offsets[start, 0]), int(offsets[end - 1, 1])) for start, end in ranges)


def _clusters(keys: list[PassageKey], matches: list[Match]) -> tuple[tuple[PassageKey, ...], ...]:
    """Connected groups of passages; a chain A-B-C is one cluster even if A and C share nothing."""
    parent: dict[int, int] = {}

    def root(node: int) -> int:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for match in matches:
        parent[root(match.first)] = root(match.second)
    groups: dict[int, list[int]] = defaultdict(list)
    for node in parent:
        groups[root(node)].append(node)
    ordered = sorted((sorted(group) for group in groups.values()), key=lambda group: (-len(group), group[0]))
    return tuple(tuple(keys[node] for node in group) for group in ordered)


def _shares(
    articles: Sequence[Article],
    keys: list[PassageKey],
    lengths: list[int],
    matches: list[Match],
    text: list[bool],
) -> tuple[dict[str, float], dict[tuple[str, str], float]]:
    """Novelty per article and the sparse article-by-article overlap, over article text only."""
    totals: dict[str, int] = defaultdict(int)
    for key, length, counted in zip(keys, lengths, text, strict=True):
        if counted:
            totals[key[0]] += length
    shared: dict[int, dict[str, Ranges]] = defaultdict(lambda: defaultdict(list))
    for match in matches:
        one, two = keys[match.first][0], keys[match.second][0]
        if one != two:
            if text[match.first]:
                shared[match.first][two].extend(match.ranges(match.first))
            if text[match.second]:
                shared[match.second][one].extend(match.ranges(match.second))
    copied: dict[str, int] = defaultdict(int)
    pairwise: dict[tuple[str, str], int] = defaultdict(int)
    for number, by_article in shared.items():
        article = keys[number][0]
        copied[article] += _length(union([span for spans in by_article.values() for span in spans]))
        for other, spans in by_article.items():
            pairwise[(article, other)] += _length(union(spans))
    novelty = {
        article.id: 1.0 - copied[article.id] / totals[article.id] if totals[article.id] else 1.0
        for article in articles
    }
    overlap = {pair: count / totals[pair[0]] for pair, count in sorted(pairwise.items())}
    return novelty, overlap


def union(ranges: Iterable[tuple[int, int]]) -> Ranges:
    """Overlapping or touching ranges joined, in order."""
    merged: Ranges = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _length(ranges: Ranges) -> int:
    return sum(end - start for start, end in ranges)
