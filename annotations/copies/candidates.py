"""The passage pairs worth aligning, chosen from the fingerprints with array operations.

Every passage's runs of SEED consecutive words (the alignment's seeds) are hashed to 64 bits in one
numpy pass over the whole corpus; sorting (hash, passage) rows groups the passages that share a gram,
and the pairs of each group are counted with array operations, so no per-gram Python code runs. A pair
is aligned only when it shares what a copy needs: two grams (a stretch of 8 words holds five), or one
gram or a quotation when one side quotes (a short quotation may make a copy), and only when the
shared words are rare enough to reach a share (SLACK) of the evidence a copy needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from annotations.copies.align import MAX_GAP, SEED, windows
from annotations.copies.evidence import FLOOR, MIN_EVIDENCE, MIN_RUN, QUOTE_EVIDENCE, SLACK

if TYPE_CHECKING:
    from annotations.copies.fingerprint import ShingleIndex

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
Pairs = np.ndarray
"""An (n, 2) int64 array of passage numbers, lower first, sorted."""


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


def array_rows(index: ShingleIndex, weights: np.ndarray) -> Rows:
    """The rows from array operations over the whole corpus (narrow types: a corpus has millions)."""
    distinct = np.array(index.original) == np.arange(len(index.original))
    keep = distinct[index.owner]
    flat, owner = index.flat[keep], index.owner[keep]
    positions = np.flatnonzero(keep).astype(np.int32)
    del keep
    grams = max(len(flat) - SEED + 1, 0)
    word_weights = weights.astype(np.float32)[flat]
    rarities = np.zeros(grams, dtype=np.float32)
    for offset in range(SEED):
        rarities += word_weights[offset : offset + grams]
    del word_weights
    valid = np.flatnonzero((positions[:grams] + SEED <= index.ends[owner[:grams]]) & (rarities >= FLOOR))
    hashes = np.zeros(len(valid), dtype=np.uint64)
    for offset, multiplier in enumerate(_MULTIPLIERS):
        hashes += flat[valid + offset].astype(np.uint64) * multiplier
    hashes ^= hashes >> np.uint64(31)
    hashes *= _MIX
    at = (positions[valid] - index.starts[owner[valid]]).astype(np.int32)
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
    # (In place and in 32 bits where it fits: at 5,000 articles each 64-bit column is 35 MB.)
    hashes &= _KEY_BITS
    hashes |= owners.astype(np.uint64)
    order = np.argsort(hashes)
    hashes = hashes[order]
    firsts = np.flatnonzero(np.concatenate([[True], hashes[1:] != hashes[:-1]])[: len(hashes)])
    firsts = firsts.astype(np.int32)
    counts = np.diff(np.append(firsts, np.int32(len(hashes))))
    low = np.minimum.reduceat(first[order], firsts)
    del first
    high = np.maximum.reduceat(last[order], firsts)
    del last
    keys = hashes[firsts]
    del hashes
    keys &= _KEY_BITS
    # Most runs are in one passage only: they propose nothing, so only shared keys are kept.
    same = keys[1:] == keys[:-1]
    shared = np.concatenate([same, [False]]) | np.concatenate([[False], same])
    firsts, counts, low, high, keys = firsts[shared], counts[shared], low[shared], high[shared], keys[shared]
    held = order[firsts]
    del order
    repeats = np.where(held >= quoted, PAIR_SHARED, np.minimum(counts, 2))
    return Rows(keys, owners[held], repeats.astype(np.int8), rarities[held], low, high)


def pure_rows(index: ShingleIndex, weights: np.ndarray) -> Rows:
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


def select(rows: Rows, quotes: np.ndarray) -> Pairs:
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
    base = np.concatenate([base, holder[enough].astype(np.int32)])
    ahead = np.concatenate([ahead, common[enough].astype(np.int32)])
    codes = owners[base] * scale + owners[ahead]
    passing = []
    for side in (base, ahead):
        chained, start, end, rare = _chains(codes, side, rows)
        # A pair has many chains: keep each passing pair once, so the lists stay the size of the answer.
        if side is base:
            passing.append(np.unique(chained[(end - start >= MIN_RUN) & (rare >= SLACK * MIN_EVIDENCE)]))
        owner = chained // scale if side is base else chained % scale
        quoted = _covers(quotes, owner, start, end) & (rare >= SLACK * QUOTE_EVIDENCE)
        del owner, start, end, rare
        passing.append(np.unique(chained[quoted]))
        del chained, quoted
    unique = np.unique(np.concatenate(passing))
    return np.stack([unique // scale, unique % scale], axis=1)


def _chains(
    codes: np.ndarray, side: np.ndarray, rows: Rows
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Each pair's shared grams chained along one passage (a gram starting within SEED + MAX_GAP words
    of the one before), the grams being rows `side` of `rows`: pair code, first word, end word and
    rarity of every chain. The columns are gathered once, already in order (each is tens of MB)."""
    first = rows.first[side]
    order = np.argsort(codes * (int(first.max(initial=0)) + 1) + first)
    del first
    codes, picked = codes[order], side[order]
    del order
    first, end, rarity_of = rows.first[picked], rows.last[picked] + SEED, rows.rarity[picked]
    del picked
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
