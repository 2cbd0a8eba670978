"""How much shared words weigh: each word counts by how seldom the corpus uses it.

A shared run of rare words is stronger evidence of copying than "the United States and China"; function
words count nothing. The index uses the weights to skip pairs that cannot pass, the verifier to decide.
"""

from __future__ import annotations

import math

import numpy as np

MIN_RUN = 8
"""Shared words (edited ones inside bridged) that make two passages copies of each other..."""
MIN_EVIDENCE = 2.2
"""...when their rarity adds up to this: about three ordinary content words ("he said that it was one
of the" is no copy, nor is "said in a statement on Wednesday that the"). A longer stretch needs less
in proportion (twice as long, half as much): text carried by a hundred outlets makes its own words
common, and a stock phrase is short."""
QUOTE_EVIDENCE = 1.6
"""A shared stretch holding a whole quotation of one side (even one the other turned into reported
speech) is a copy when the quoted words weigh this much: two ordinary content words."""
PRIOR = 1000
"""Passages a word is assumed absent from, so a small corpus does not make every word look common."""
MAX_WEIGHT = 1.5
"""The most one very rare word counts."""
SLACK = 0.5
"""Share of the needed evidence a candidate pair's shared grams must show before it is aligned (the
grams miss the edited words a stretch bridges, so the index asks for less than the verifier)."""

NAME_WEIGHT = 0.1
"""How much a name counts (a word capitalised in both passages): "Chinese Foreign Ministry spokesman
Wang Wenbin said on Monday that", "the Organization for Security and Co-operation in Europe" or "the
Democratic Republic of the Congo province of South Kivu" name who or where, and are no copy alone."""
_STOCK = """according statement statements spokesman spokeswoman spokesperson told reporters reporter
    news agency agencies conference press briefing interview website report reported reports added
    adding noted asked confirmed announced"""
STOCK = frozenset(_STOCK.split())
"""Attribution words: "said in a statement on its website on Tuesday that" is how news is told."""
STOCK_WEIGHT = 0.3
"""How much a stock attribution word counts."""
FLOOR = 0.25
"""Rarity below which a gram is not indexed: four function words, or three and one stock word, are in
every other passage and make no copy (a copied stretch holds rarer grams)."""


def rarity(counts: np.ndarray, passages: int, function: list[int], stock: list[int]) -> np.ndarray:
    """Each word's weight from the passages holding it: 1 when seen once in PRIOR; 0 for function words,
    and STOCK_WEIGHT as much for attribution words."""
    weights = np.log((passages + PRIOR) / (counts + 1.0)) / math.log(PRIOR)
    weights = np.clip(weights, 0.0, MAX_WEIGHT)
    weights[stock] *= STOCK_WEIGHT
    weights[function] = 0.0
    return weights
