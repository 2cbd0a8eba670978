"""Word-gram fingerprints of every passage, numbered in one pass over the corpus.

Every passage's words are numbered (in order of first use, stable across runs), passages with the
very same words are found once, quotations are located, and each word gets its rarity. The pairs
worth aligning are then chosen from these arrays in `candidates`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import count

import numpy as np

from annotations.copies.candidates import Pairs, array_rows, pure_rows, select
from annotations.copies.evidence import STOCK, rarity
from annotations.copies.normalize import FUNCTION_WORDS, QUOTE_MARK, SEPARATOR, corpus_tokens

MIN_QUOTE = 2
"""Words in the shortest quotation indexed whole: "deeply concerned" can make a copy when rare enough."""
_CHUNK = 4096
"""Passages folded and split at a time."""


class ShingleIndex:
    """All passages' words (as numbers) and quotations, and the candidate pairs among them.

    Passages with the very same words are indexed once, so text syndicated to hundreds of outlets
    is not mistaken for a stock phrase.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        self.numbers: dict[str, int] = {}
        """Word -> number, in order of first use (stable across runs, unlike salted str hashes)."""
        ids = self._encode(texts)
        self.bound = len(self.numbers) + 1
        """Above every word's number."""
        marks = ids == self.numbers[SEPARATOR]
        quote_marks = ids == self.numbers.get(QUOTE_MARK, -1)
        is_word = ~(marks | quote_marks)
        owner = (np.cumsum(marks, dtype=np.int32) - marks).astype(np.int32)
        del marks
        self.flat, self.owner = ids[is_word], owner[is_word]
        del ids
        self.lengths = np.bincount(self.owner, minlength=len(texts))
        self.ends = np.cumsum(self.lengths)
        self.starts = self.ends - self.lengths
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
        return self.flat[self.starts[number] : self.ends[number]].tolist()

    def _originals(self) -> list[int]:
        first: dict[bytes, int] = {}
        flat, starts, ends = self.flat, self.starts.tolist(), self.ends.tolist()
        return [first.setdefault(flat[start:end].tobytes(), number)
                for number, (start, end) in enumerate(zip(starts, ends, strict=True))]

    def _quotations(self, before: np.ndarray, owners: np.ndarray) -> list[list[tuple[int, int]]]:
        """Quotations from the quote marks (words before each, its passage): 1st with 2nd, 3rd with 4th."""
        quotes: list[list[tuple[int, int]]] = [[] for _ in self.original]
        starts = np.flatnonzero(np.concatenate([[True], owners[1:] != owners[:-1]])[: len(owners)])
        rank = np.arange(len(owners)) - np.repeat(starts, np.diff(np.append(starts, len(owners))))
        opening = np.flatnonzero((rank % 2 == 0)[:-1] & (owners[1:] == owners[:-1]))
        offsets = self.starts.tolist()
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
            keep = distinct[self.owner]
            pairs = np.sort(self.owner[keep] * self.bound + self.flat[keep])
            pairs = pairs[np.concatenate([[True], pairs[1:] != pairs[:-1]])[: len(pairs)]]
            counts = np.bincount(pairs % self.bound, minlength=self.bound)
            function = [self.numbers[word] for word in FUNCTION_WORDS if word in self.numbers]
            stock = [self.numbers[word] for word in STOCK if word in self.numbers]
            self._weights = rarity(counts, int(distinct.sum()), function, stock)
        return self._weights

    def candidates(self, tick: Callable[[float], None] | None = None, *, pure: bool = False) -> Pairs:
        """Each pair of distinct passages worth aligning, once, lower number first.

        `pure` runs the same selection with Python dicts: the reference the arrays are measured against.
        """
        weights = self.weights()
        rows = pure_rows(self, weights) if pure else array_rows(self, weights)
        if tick is not None:
            tick(0.5)
        quotes = [(number, begin, end) for number, ranges in enumerate(self.ranges) for begin, end in ranges]
        return select(rows, np.array(sorted(quotes), dtype=np.int64).reshape(-1, 3))


