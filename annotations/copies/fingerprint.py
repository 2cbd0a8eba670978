"""Word-gram fingerprints and the index that proposes passage pairs worth aligning.

Every passage's runs of SEED consecutive words (the alignment's seeds) are hashed to 64 bits in one
numpy pass over the whole corpus; sorting (hash, passage) rows groups the passages that share a gram,
and the pairs of each group are counted with array operations, so no per-gram Python code runs. A pair
is aligned only when it shares what a copy needs: two grams (a stretch of 8 words holds five), or one
gram or a quotation when one side quotes (a short quotation may make a copy), and only when the
shared words are rare enough to reach a share (SLACK) of the evidence a copy needs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import count
from typing import NamedTuple

import numpy as np

from annotations.copies.align import MAX_GAP, SEED, windows
from annotations.copies.evidence import FLOOR, MIN_EVIDENCE, MIN_RUN, QUOTE_EVIDENCE, SLACK, STOCK, rarity
from annotations.copies.normalize import FUNCTION_WORDS, QUOTE_MARK, SEPARATOR, corpus_tokens

MIN_QUOTE = 2
"""Words in the shortest quotation indexed whole: "deeply concerned" can make a copy when rare enough."""
MAX_POSTINGS = 32
"""A gram in more passages than this is common: its holders are then only paired with its first
holder, and only when they share STAR_SHARED common grams with it, keeping the work linear."""
STAR_SHARED = 2
"""Common grams shared with the first holder that still make a pair worth aligning: a stock phrase
shares one or two, a wire paragraph carried by a hundred outlets shares many."""
PAIR_SHARED = 2
"""Shared grams that make a pair worth aligning when neither side quotes: 8 shared words hold 2."""

_MULTIPLIERS = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93],
                        dtype=np.uint64)[:SEED]
_MIX = np.uint64(0xFF51AFD7ED558CCD)
_QUOTE_MARK = -2
_KEY_BITS = np.uint64(0xFFFFFFFFFF000000)
"""A key's top 40 bits; the low 24 carry the passage while sorting (up to 16 million passages)."""
_CHUNK = 4096
"""Passages folded and split at a time."""

Pairs = np.ndarray
"""An (n, 2) int64 array of passage numbers, lower first, sorted."""


class ShingleIndex:
    """All passages' words (as numbers) and quotations, and the candidate pairs among them.

    Passages with the very same words are indexed once, so text syndicated to hundreds of outlets
    is not mistaken for a stock phrase.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        self.numbers: dict[str, int] = {}
        """Word -> number, in order of first use (stable across runs, unlike salted str hashes)."""
        ids = self._encode(texts)
        self._bound = len(self.numbers) + 1
        """Above every word's number."""
        marks = ids == self.numbers[SEPARATOR]
        quote_marks = ids == self.numbers.get(QUOTE_MARK, -1)
        is_word = ~(marks | quote_marks)
        owner = (np.cumsum(marks, dtype=np.int32) - marks).astype(np.int32)
        del marks
        self._flat, self._owner = ids[is_word], owner[is_word]
        del ids
        self.lengths = np.bincount(self._owner, minlength=len(texts))
        self._ends = np.cumsum(self.lengths)
        self._starts = self._ends - self.lengths
        self.original = self._originals()
        """Passage -> the first passage with the same words (itself if none came before)."""
        self.ranges = self._quotations(np.cumsum(is_word, dtype=np.int32)[quote_marks], owner[quote_marks])
        """Passage -> its quotations' word ranges (those of MIN_QUOTE words or more); none for a repeat."""
        self._weights: np.ndarray | None = None

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        """Every token's number, a chunk of passages at a time so the words as strings never pile up."""
        numbering = count()
        chunks = [
            np.array(list(map(self.numbers.setdefault, corpus_tokens(texts[start : start + _CHUNK]),
                              numbering)), dtype=np.int32)
            for start in range(0, len(texts), _CHUNK)
        ]
        self.numbers.setdefault(SEPARATOR, next(numbering))
        ids = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int32)
        # Numbered by token position above, for speed; renumbered 0, 1, 2, ... in order of first use.
        dense = np.zeros(next(numbering), dtype=np.int32)
        dense[np.fromiter(self.numbers.values(), dtype=np.int64, count=len(self.numbers))] = np.arange(
            len(self.numbers), dtype=np.int32)
        self.numbers = dict(zip(self.numbers, range(len(self.numbers)), strict=True))
        return dense[ids]

    def words(self, number: int) -> list[int]:
        """Passage `number`'s words, by number."""
        return self._flat[self._starts[number] : self._ends[number]].tolist()

    def _originals(self) -> list[int]:
        first: dict[bytes, int] = {}
        flat, starts, ends = self._flat, self._starts.tolist(), self._ends.tolist()
        return [first.setdefault(flat[start:end].tobytes(), number)
                for number, (start, end) in enumerate(zip(starts, ends, strict=True))]

    def _quotations(self, before: np.ndarray, owners: np.ndarray) -> list[list[tuple[int, int]]]:
        """Quotations from the quote marks (words before each, its passage): 1st with 2nd, 3rd with 4th."""
        quotes: list[list[tuple[int, int]]] = [[] for _ in self.original]
        starts = np.flatnonzero(np.concatenate([[True], owners[1:] != owners[:-1]])[: len(owners)])
        rank = np.arange(len(owners)) - np.repeat(starts, np.diff(np.append(starts, len(owners))))
        opening = np.flatnonzero((rank % 2 == 0)[:-1] & (owners[1:] == owners[:-1]))
        offsets = self._starts.tolist()
        for mark in opening.tolist():
            number = int(owners[mark])
            begin, end = int(before[mark]) - offsets[number], int(before[mark + 1]) - offsets[number]
            if end - begin >= MIN_QUOTE and self.original[number] == number:
                quotes[number].append((begin, end))
        return quotes

    def copies(self) -> dict[int, list[int]]:
        """Original passage -> all passages with its very words (itself first), where there are several."""
        groups: dict[int, list[int]] = {}
        for number, first in enumerate(self.original):
            if first != number:
                groups.setdefault(first, [first]).append(number)
        return groups

    def weights(self) -> np.ndarray:
        """Each word's weight (by number): its rarity among the distinct passages (evidence.py)."""
        if self._weights is None:
            distinct = np.array(self.original) == np.arange(len(self.original))
            keep = distinct[self._owner]
            pairs = np.sort(self._owner[keep] * self._bound + self._flat[keep])
            pairs = pairs[np.concatenate([[True], pairs[1:] != pairs[:-1]])[: len(pairs)]]
            counts = np.bincount(pairs % self._bound, minlength=self._bound)
            function = [self.numbers[word] for word in FUNCTION_WORDS if word in self.numbers]
            stock = [self.numbers[word] for word in STOCK if word in self.numbers]
            self._weights = rarity(counts, int(distinct.sum()), function, stock)
        return self._weights

    def candidates(self, tick: Callable[[float], None] | None = None, *, pure: bool = False) -> Pairs:
        """Each pair of distinct passages worth aligning, once, lower number first.

        `pure` runs the same selection with Python dicts: the reference the arrays are measured against.
        """
        weights = self.weights()
        rows = _pure_rows(self, weights) if pure else _rows(self, weights)
        if tick is not None:
            tick(0.5)
        quotes = [(number, begin, end) for number, ranges in enumerate(self.ranges) for begin, end in ranges]
        return _select(rows, np.array(sorted(quotes), dtype=np.int64).reshape(-1, 3))


class Rows(NamedTuple):
    """One row per distinct gram or quotation of every distinct passage, sorted by key.

    repeats: how often the passage holds the gram, up to 2 (a passage of "ha ha ha ..." has one gram,
    many times), PAIR_SHARED for a quotation; rarity: its words' weights added up; first, last: the
    word positions of its first and last occurrence.
    """

    keys: np.ndarray
    owners: np.ndarray
    repeats: np.ndarray
    rarity: np.ndarray
    first: np.ndarray
    last: np.ndarray


def _quote_rows(index: ShingleIndex, weights: np.ndarray) -> list[tuple[int, int, float, int, int]]:
    """(key, passage, rarity, first word, last word) of every whole quotation, for both selections."""
    return [
        (hash((_QUOTE_MARK, *index.words(number)[begin:end])) & 0xFFFFFFFFFFFFFFFF, number,
         float(weights[index.words(number)[begin:end]].sum()), begin, end - SEED)
        for number, ranges in enumerate(index.ranges)
        for begin, end in ranges
    ]


def _rows(index: ShingleIndex, weights: np.ndarray) -> Rows:
    """The rows from array operations over the whole corpus (narrow types: a corpus has millions)."""
    distinct = np.array(index.original) == np.arange(len(index.original))
    keep = distinct[index._owner]
    flat, owner = index._flat[keep], index._owner[keep]
    positions = np.flatnonzero(keep).astype(np.int32)
    del keep
    grams = max(len(flat) - SEED + 1, 0)
    word_weights = weights.astype(np.float32)[flat]
    rarities = np.zeros(grams, dtype=np.float32)
    for offset in range(SEED):
        rarities += word_weights[offset : offset + grams]
    del word_weights
    valid = np.flatnonzero((positions[:grams] + SEED <= index._ends[owner[:grams]]) & (rarities >= FLOOR))
    hashes = np.zeros(len(valid), dtype=np.uint64)
    for offset, multiplier in enumerate(_MULTIPLIERS):
        hashes += flat[valid + offset].astype(np.uint64) * multiplier
    hashes ^= hashes >> np.uint64(31)
    hashes *= _MIX
    at = (positions[valid] - index._starts[owner[valid]]).astype(np.int32)
    owner, rarities = owner[valid], rarities[valid]
    del flat, positions, valid
    quotes = _quote_rows(index, weights)
    hashes = np.concatenate([hashes, np.array([row[0] for row in quotes], dtype=np.uint64)])
    owners = np.concatenate([owner, np.array([row[1] for row in quotes], dtype=np.int32)])
    rarities = np.concatenate([rarities, np.array([row[2] for row in quotes], dtype=np.float32)])
    first = np.concatenate([at, np.array([row[3] for row in quotes], dtype=np.int32)])
    last = np.concatenate([at, np.array([row[4] for row in quotes], dtype=np.int32)])
    quoted = len(at)
    del owner, at
    if not len(hashes):
        return Rows(hashes, owners, owners.astype(np.int8), rarities, first, last)
    # One sort on the key's top bits and the passage (collisions in the top 40 bits of a 64-bit hash are
    # a handful in a corpus and only ever propose a pair to align); rows of one passage and key then
    # sit together, their order unknown, so their first and last positions are reduced.
    hashes = (hashes & _KEY_BITS) | owners.astype(np.uint64)
    order = np.argsort(hashes)
    hashes = hashes[order]
    firsts = np.flatnonzero(np.concatenate([[True], hashes[1:] != hashes[:-1]])[: len(hashes)])
    lasts = np.append(firsts[1:], len(hashes)) - 1
    low, high = np.minimum.reduceat(first[order], firsts), np.maximum.reduceat(last[order], firsts)
    del first, last
    keys = hashes[firsts] & _KEY_BITS
    del hashes
    # Most runs are in one passage only: they propose nothing, so only shared keys are kept.
    same = keys[1:] == keys[:-1]
    shared = np.concatenate([same, [False]]) | np.concatenate([[False], same])
    firsts, lasts, low, high, keys = firsts[shared], lasts[shared], low[shared], high[shared], keys[shared]
    repeats = np.where(order[firsts] >= quoted, PAIR_SHARED, np.minimum(lasts - firsts + 1, 2))
    return Rows(keys, owners[order[firsts]], repeats.astype(np.int8), rarities[order[firsts]], low, high)


def _pure_rows(index: ShingleIndex, weights: np.ndarray) -> Rows:
    """The same rows (keys numbered instead of hashed), built with Python dicts and lists."""
    weight = weights.tolist()
    narrow = list(weights.astype(np.float32))
    postings: dict[tuple, dict[int, list]] = {}
    for number, original in enumerate(index.original):
        if original != number:
            continue
        ids = index.words(number)
        for at, gram in enumerate(windows(ids, SEED)):
            rarity_of = np.float32(0)
            for word in gram:
                rarity_of = rarity_of + narrow[word]
            if rarity_of >= FLOOR:
                row = postings.setdefault(gram, {}).setdefault(number, [0, at, at, rarity_of])
                row[0], row[2] = min(row[0] + 1, 2), at
        for begin, end in index.ranges[number]:
            quote = (_QUOTE_MARK, tuple(ids[begin:end]))
            rarity_of = sum(weight[word] for word in ids[begin:end])
            postings.setdefault(quote, {}).setdefault(number, [PAIR_SHARED, begin, end - SEED, rarity_of])
    columns: list[list] = [[] for _ in Rows._fields]
    for key, held in enumerate(postings.values()):
        for number, (repeats, first, last, rarity_of) in held.items():
            values = (key, number, repeats, rarity_of, first, last)
            for column, value in zip(columns, values, strict=True):
                column.append(value)
    types = (np.uint64, np.int32, np.int8, np.float32, np.int32, np.int32)
    return Rows(*(np.array(column, dtype=kind) for column, kind in zip(columns, types, strict=True)))


def _select(rows: Rows, quotes: np.ndarray) -> Pairs:
    """Pairs whose shared grams could make a copy: they chain into a stretch of MIN_RUN words, or into
    one that holds a whole quotation of either passage, rare enough (see the module and evidence.py).
    `quotes` holds (passage, first word, end word) of every quotation, sorted."""
    if len(rows.keys) < 2:
        return np.zeros((0, 2), dtype=np.int64)
    starts = np.flatnonzero(np.concatenate([[True], rows.keys[1:] != rows.keys[:-1]]))
    sizes = np.diff(np.append(starts, len(rows.keys)))
    size = np.repeat(sizes, sizes)
    group = np.repeat(np.arange(len(starts)), sizes)
    base, ahead = _within(np.flatnonzero((size >= 2) & (size <= MAX_POSTINGS)), group)
    common = np.flatnonzero(size > MAX_POSTINGS)
    holder = starts[group[common]]
    common, holder = common[holder != common], holder[holder != common]
    owners = rows.owners.astype(np.int64)
    scale = int(owners.max()) + 1
    _, inverse, shared = np.unique(owners[holder] * scale + owners[common], return_inverse=True,
                                   return_counts=True)
    enough = (shared >= STAR_SHARED)[inverse]
    base = np.concatenate([base, holder[enough]])
    ahead = np.concatenate([ahead, common[enough]])
    codes = owners[base] * scale + owners[ahead]
    passing = []
    for side in (base, ahead):
        ends = rows.last[side] + SEED
        chained, start, end, rare = _chains(codes, rows.first[side], ends, rows.rarity[side])
        if side is base:
            passing.append(chained[(end - start >= MIN_RUN) & (rare >= SLACK * MIN_EVIDENCE)])
        owner = chained // scale if side is base else chained % scale
        passing.append(chained[_covers(quotes, owner, start, end) & (rare >= SLACK * QUOTE_EVIDENCE)])
    unique = np.unique(np.concatenate(passing))
    return np.stack([unique // scale, unique % scale], axis=1)


def _chains(codes: np.ndarray, first: np.ndarray, end: np.ndarray, rarity_of: np.ndarray) -> tuple[
    np.ndarray, np.ndarray, np.ndarray, np.ndarray
]:
    """Each pair's shared grams chained along one passage (a gram starting within SEED + MAX_GAP words
    of the one before): pair code, first word, end word and rarity of every chain."""
    order = np.argsort(codes * (int(first.max(initial=0)) + 1) + first)
    codes, first, end, rarity_of = codes[order], first[order], end[order], rarity_of[order]
    breaks = (codes[1:] != codes[:-1]) | (first[1:] - first[:-1] > SEED + MAX_GAP)
    bounds = np.flatnonzero(np.concatenate([[True], breaks])[: len(codes)])
    if not len(bounds):
        return codes, first, end, rarity_of
    return (codes[bounds], first[bounds], np.maximum.reduceat(end, bounds),
            np.add.reduceat(rarity_of, bounds))


def _covers(quotes: np.ndarray, owner: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Whether words [start, end) of passage `owner` hold a whole quotation of it (quotes never overlap)."""
    if not len(quotes):
        return np.zeros(len(owner), dtype=bool)
    bound = int(max(quotes[:, 2].max(), end.max(initial=0))) + 1
    keys = quotes[:, 0] * bound + quotes[:, 1]
    found = np.minimum(np.searchsorted(keys, owner * bound + start), len(keys) - 1)
    return (quotes[found, 0] == owner) & (quotes[found, 1] >= start) & (quotes[found, 2] <= end)


def _within(rows: np.ndarray, group: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of rows in one group (rows sorted by group), lower row first."""
    bases, aheads = [np.zeros(0, dtype=np.int32)], [np.zeros(0, dtype=np.int32)]
    for distance in range(1, MAX_POSTINGS):
        ahead = rows[distance:]
        base = rows[: len(ahead)]
        same = group[ahead] == group[base]
        if not same.any():
            break
        bases.append(base[same].astype(np.int32))
        aheads.append(ahead[same].astype(np.int32))
    return np.concatenate(bases), np.concatenate(aheads)
