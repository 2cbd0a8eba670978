"""Candidate pairs and their term similarity, from an inverted index of each article's top terms.

Only articles sharing a term (in at most `cap` articles) are ever compared; the products are summed
per pair with numpy sort-and-add instead of a Python dict, which is most of the stage's cost.
"""

from __future__ import annotations

import numpy as np

from annotations.stories.terms import TermTable


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
    total = int(partners.sum())
    if total == 0:
        return {}
    left = np.repeat(np.arange(len(posted)), partners)
    offsets = np.arange(total) - np.repeat(np.cumsum(partners) - partners, partners)
    right = left + offsets + 1
    products = text_share * text[left] * text[right] + name_share * names[left] * names[right]
    keys = docs[left] * count + docs[right]
    unique, inverse = np.unique(keys, return_inverse=True)
    sums = np.bincount(inverse, weights=products)
    strong = sums >= floor
    return {
        (int(key) // count, int(key) % count): float(value)
        for key, value in zip(unique[strong], sums[strong], strict=True)
    }
