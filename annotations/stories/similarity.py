"""Which articles are alike, and how they group: term similarities and average linkage over them.

Only articles sharing a term (in at most `cap` articles) are ever compared; the products are summed
per pair with numpy sort-and-add instead of a Python dict, which is most of the stage's cost.
Clustering is average linkage over that sparse graph: a missing pair counts as similarity 0, so a
group only grows while it stays similar on average to everything in it, and one shared line or one
shared name cannot chain two events together.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Mapping

import numpy as np

from annotations.stories.terms import TermTable

CHUNK_PRODUCTS = 2_000_000
"""Term products summed at once (each takes tens of bytes while summed): bounds the stage's memory."""


def term_similarities(
    table: TermTable, count: int, cap: int, floor: float, text_share: float, name_share: float
) -> dict[tuple[int, int], float]:
    """(i, j) with i < j -> text_share x text cosine + name_share x name cosine, when at least `floor`."""
    if not len(table.terms):
        return {}
    order = np.lexsort((table.articles, table.terms))
    posted = table.terms[order]
    docs = table.articles[order]
    text = table.weights[order]
    names = table.name_weights[order]
    starts = np.flatnonzero(np.r_[True, posted[1:] != posted[:-1]])
    sizes = np.diff(np.r_[starts, len(posted)])
    keep = np.repeat((sizes >= 2) & (sizes <= cap), sizes)
    end_of = np.repeat(starts + sizes, sizes)
    partners = np.where(keep, end_of - np.arange(len(posted)) - 1, 0)
    cumulative = np.cumsum(partners)
    total = int(cumulative[-1])
    if total == 0:
        return {}
    # Summed a slice of postings at a time: all products at once took 400 MB at 5,000 articles.
    cuts = np.searchsorted(cumulative, np.arange(CHUNK_PRODUCTS, total, CHUNK_PRODUCTS), side="right")
    edges = np.unique(np.r_[0, cuts, len(posted)])
    shares = (text_share, name_share)
    pieces = [
        _pair_sums(partners, docs, text, names, count, shares, lo, hi) for lo, hi in itertools.pairwise(edges)
    ]
    unique, inverse = np.unique(np.concatenate([keys for keys, _ in pieces]), return_inverse=True)
    sums = np.bincount(inverse, weights=np.concatenate([sums for _, sums in pieces]))
    strong = sums >= floor
    return {
        (int(key) // count, int(key) % count): float(value)
        for key, value in zip(unique[strong], sums[strong], strict=True)
    }


def _pair_sums(
    partners: np.ndarray,
    docs: np.ndarray,
    text: np.ndarray,
    names: np.ndarray,
    count: int,
    shares: tuple[float, float],
    lo: int,
    hi: int,
) -> tuple[np.ndarray, np.ndarray]:
    """The article pairs of postings lo..hi (each with the later postings of its term) and their summed
    products, as (pair keys, sums)."""
    part = partners[lo:hi]
    left = np.repeat(np.arange(lo, hi), part)
    right = left + np.arange(len(left)) - np.repeat(np.cumsum(part) - part, part) + 1
    products = shares[0] * text[left] * text[right] + shares[1] * names[left] * names[right]
    unique, inverse = np.unique(docs[left] * count + docs[right], return_inverse=True)
    return unique, np.bincount(inverse, weights=products)


def average_linkage(count: int, edges: Mapping[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Groups of 0..count-1, merged while the best average similarity of two groups reaches `threshold`."""
    members: dict[int, list[int]] = {node: [node] for node in range(count)}
    sums: dict[int, dict[int, float]] = {node: {} for node in range(count)}
    for (one, two), value in edges.items():
        if one != two and value > 0:
            sums[one][two] = sums[one].get(two, 0.0) + value
            sums[two][one] = sums[two].get(one, 0.0) + value
    heap = [(-value, one, two) for (one, two), value in edges.items() if one < two and value >= threshold]
    heapq.heapify(heap)
    fresh = count
    while heap:
        _, one, two = heapq.heappop(heap)
        if one not in members or two not in members:
            continue  # merged away since this entry was pushed
        merged = fresh
        fresh += 1
        members[merged] = members.pop(one) + members.pop(two)
        links = sums.pop(one)
        for other, value in sums.pop(two).items():
            links[other] = links.get(other, 0.0) + value
        links.pop(one, None)
        links.pop(two, None)
        sums[merged] = links
        size = len(members[merged])
        for other, value in links.items():
            neighbour = sums[other]
            neighbour.pop(one, None)
            neighbour.pop(two, None)
            neighbour[merged] = value
            average = value / (size * len(members[other]))
            if average >= threshold:
                heapq.heappush(heap, (-average, other, merged))
    return sorted((sorted(group) for group in members.values()), key=lambda group: (-len(group), group[0]))
