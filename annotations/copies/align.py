"""Align two passages' words into shared stretches, bridging small edits (seed and extend)."""

from __future__ import annotations

from dataclasses import dataclass

SEED = 4
"""Words in a seed: shared runs shorter than this are not seen."""
MAX_GAP = 3
"""Edited words bridged inside a stretch, on either side ("intention"/"intent", a swapped name)."""
MAX_REPEATS = 16
"""A seed repeated more often within one passage ("ha ha ha ...") pairs its n-th occurrence in one
passage only with the n-th (give or take one) in the other, so the work stays linear."""
_RECENT = 8
"""Stretches a run may extend: only the last few can end just before it."""


@dataclass(slots=True)
class Stretch:
    """Words [a_start, a_end) of one passage shared with [b_start, b_end) of the other."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    matched: int


def windows(items: list[int], size: int) -> list[tuple[int, ...]]:
    """Every run of `size` consecutive items, in order (C-speed: no per-item Python code)."""
    return list(zip(*(items[offset:] for offset in range(size)), strict=False))


def align(a: list[int], b: list[int], grams_a: list[tuple[int, ...]] | None = None) -> list[Stretch]:
    """Shared stretches of word lists `a` and `b`, in `a`'s order (`grams_a`: a's seeds, if known)."""
    grams_a = windows(a, SEED) if grams_a is None else grams_a
    grams_b = windows(b, SEED)
    distinct = set(grams_a)
    common = distinct.intersection(grams_b)
    if not common:
        return []
    if len(distinct) == len(grams_a):
        return _bridge(_runs(_single_seeds(grams_a, grams_b, common)))
    return _bridge(_runs(_seeds(grams_a, grams_b, common)))


Grams = list[tuple[int, ...]]


def _seeds(grams_a: Grams, grams_b: Grams, common: set[tuple[int, ...]]) -> list[tuple[int, int]]:
    """(diagonal, a position) of every shared seed, sorted so runs are consecutive."""
    where: dict[tuple[int, ...], list[int]] = {}
    for position, gram in enumerate(grams_a):
        if gram in common:
            where.setdefault(gram, []).append(position)
    seen: dict[tuple[int, ...], int] = {}
    hits: list[tuple[int, int]] = []
    for second, gram in enumerate(grams_b):
        if gram in common:
            positions = where[gram]
            if len(positions) > MAX_REPEATS:
                nth = seen[gram] = seen.get(gram, -1) + 1
                positions = positions[max(0, nth - 1) : nth + 2]
            hits.extend((first - second, first) for first in positions)
    hits.sort()
    return hits


def _single_seeds(grams_a: Grams, grams_b: Grams, common: set[tuple[int, ...]]) -> list[tuple[int, int]]:
    """`_seeds` when no seed repeats within `a` (most passages): each has one position there."""
    where = {gram: position for position, gram in enumerate(grams_a) if gram in common}
    hits = [(where[gram] - second, where[gram]) for second, gram in enumerate(grams_b) if gram in common]
    hits.sort()
    return hits


def _runs(hits: list[tuple[int, int]]) -> list[Stretch]:
    """Exact runs: consecutive seeds on one diagonal, sorted by their start in `a`."""
    runs: list[Stretch] = []
    last_diagonal, last_start = None, -2
    for diagonal, start in hits:
        if diagonal == last_diagonal and start == last_start + 1:
            run = runs[-1]
            run.a_end += 1
            run.b_end += 1
            run.matched += 1
        else:
            runs.append(Stretch(start, start + SEED, start - diagonal, start - diagonal + SEED, SEED))
        last_diagonal, last_start = diagonal, start
    runs.sort(key=lambda run: (run.a_start, -run.matched))
    return runs


def _bridge(runs: list[Stretch]) -> list[Stretch]:
    """Join runs separated by a few edited words on both sides into one stretch."""
    stretches: list[Stretch] = []
    for run in runs:
        for stretch in reversed(stretches[-_RECENT:]):
            if _inside(run, stretch):
                break
            gap_a, gap_b = run.a_start - stretch.a_end, run.b_start - stretch.b_end
            if -SEED < gap_a <= MAX_GAP and -SEED < gap_b <= MAX_GAP:
                stretch.matched += run.a_end - max(run.a_start, stretch.a_end)
                stretch.a_end = max(stretch.a_end, run.a_end)
                stretch.b_end = max(stretch.b_end, run.b_end)
                break
        else:
            stretches.append(run)
    return stretches


def _inside(run: Stretch, stretch: Stretch) -> bool:
    return (
        stretch.a_start <= run.a_start and run.a_end <= stretch.a_end
        and stretch.b_start <= run.b_start and run.b_end <= stretch.b_end
    )
