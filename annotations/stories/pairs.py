"""Candidate pairs and their term similarity, from an inverted index of each article's top terms.

Only articles sharing a term (in at most `cap` articles) are ever compared; the products are summed
per pair with numpy sort-and-add instead of a Python dict, which is most of the stage's cost.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from annotations.stories.terms import Terms


def term_similarities(
    terms: Sequence[Terms], cap: int, floor: float, text_share: float, name_share: float
) -> dict[tuple[int, int], float]:
    """(i, j) with i < j -> text_share x text cosine + name_share x name cosine, when at least `floor`."""
    term_ids: dict[str, int] = {}
    rows: list[tuple[int, int, float, float]] = []
    for number, found in enumerate(terms):
        names = found.name_weights
        for term, weight in found.weights.items():
            rows.append((term_ids.setdefault(term, len(term_ids)), number, weight, names.get(term, 0.0)))
    if not rows:
        return {}
    table = np.array(rows, dtype=np.float64)
    table = table[np.lexsort((table[:, 1], table[:, 0]))]
    posted = table[:, 0].astype(np.int64)
    starts = np.flatnonzero(np.r_[True, posted[1:] != posted[:-1]])
    sizes = np.diff(np.r_[starts, len(posted)])
    keep = np.repeat((sizes >= 2) & (sizes <= cap), sizes)
    end_of = np.repeat(starts + sizes, sizes)
    partners = np.where(keep, end_of - np.arange(len(posted)) - 1, 0)
    total = int(partners.sum())
    if total == 0:
        return {}
    left = np.repeat(np.arange(len(posted)), partners)
    offsets = np.arange(total) - np.repeat(np.cumsum(partners) - partners, partners)
    right = left + offsets + 1
    docs = table[:, 1].astype(np.int64)
    products = text_share * table[left, 2] * table[right, 2] + name_share * table[left, 3] * table[right, 3]
    keys = docs[left] * len(terms) + docs[right]
    unique, inverse = np.unique(keys, return_inverse=True)
    sums = np.bincount(inverse, weights=products)
    strong = sums >= floor
    count = len(terms)
    return {
        (int(key) // count, int(key) % count): float(value)
        for key, value in zip(unique[strong], sums[strong], strict=True)
    }
