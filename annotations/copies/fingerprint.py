"""Winnowed word-shingle fingerprints and an inverted index that proposes passage pairs to align."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from itertools import filterfalse
from typing import Any

from annotations.copies.align import windows
from annotations.copies.normalize import FUNCTION_WORDS, fold, quoted, split

SHINGLE = 3
"""Words per shingle, function words ("the", "of", "said") left out: about six words of running text."""
WINDOW = 2
"""Winnowing window: a shared run of SHINGLE + WINDOW - 1 = 4 content words leaves a shared fingerprint."""
MIN_QUOTE = 4
"""A quotation this long (in words) is indexed whole, so short shared quotes are found too, and a
whole shared quotation this long makes a copy."""
MAX_POSTINGS = 32
"""A fingerprint in more passages than this is common: its holders are then only compared with its first
holder, and only when they share STAR_SHARED common fingerprints with it, keeping the work linear."""
STAR_SHARED = 2
"""Common fingerprints shared with the first holder that still make a pair worth aligning: a stock
phrase shares one or two, a wire paragraph carried by a hundred outlets shares many."""

_COMMON = -1
_QUOTE_MARK = -2


class Vocabulary:
    """Word -> small int, so shingle hashes are stable across runs (str hashes are salted)."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def encode(self, words: list[str]) -> list[int]:
        numbers = self.numbers
        # Sorted, because set order follows the salted string hashes and would vary between runs.
        for word in sorted(set(words).difference(numbers)):
            numbers[word] = len(numbers)
        return list(map(numbers.__getitem__, words))


def fingerprints(ids: list[int], stop: frozenset[int] = frozenset()) -> set[int]:
    """The winnowed shingle hashes of one passage's words bar `stop`: each window keeps its smallest."""
    content = list(filterfalse(stop.__contains__, ids)) if stop else ids
    return set(map(min, windows(list(map(hash, windows(content, SHINGLE))), WINDOW)))


class ShingleIndex:
    """Fingerprint -> passages holding it; grows with the corpus, common fingerprints capped (MAX_POSTINGS).

    Passages with the very same words are indexed once, so text syndicated to hundreds of
    outlets is not mistaken for a stock phrase. Use: read() every passage, build() once, pairs().
    """

    def __init__(self) -> None:
        self.vocabulary = Vocabulary()
        self.words: list[list[int]] = []
        self.original: list[int] = []
        """Passage -> the first passage with the same words (itself if none came before)."""
        self._quotes: list[list[list[int]]] = []
        self._postings: dict[int, int | list[int]] = {}
        self._first: dict[int, int] = {}
        self._common_first: dict[int, int] = {}
        self._with_first: Counter[tuple[int, int]] = Counter()

    def read(self, text: str) -> None:
        """Take in one passage's words (and whole quotations)."""
        folded = fold(text)
        encode = self.vocabulary.encode
        ids = encode(split(folded))
        number = len(self.words)
        first = self._first.setdefault(hash(tuple(ids)), number)
        if first != number and self.words[first] == ids:
            self.words.append(self.words[first])
            self.original.append(first)
            self._quotes.append([])
            return
        self.words.append(ids)
        self.original.append(number)
        self._quotes.append([encode(split(quote)) for quote in quoted(folded)])

    def copies(self) -> dict[int, list[int]]:
        """Original passage -> all passages with its very words (itself first), where there are several."""
        groups: dict[int, list[int]] = {}
        for number, first in enumerate(self.original):
            if first != number:
                groups.setdefault(first, [first]).append(number)
        return groups

    def build(self, tick: Callable[[int], None]) -> None:
        """Post every passage's fingerprints, once all words are known."""
        numbers = self.vocabulary.numbers
        stop = frozenset(numbers[word] for word in FUNCTION_WORDS if word in numbers)
        for number, (ids, quotes) in enumerate(zip(self.words, self._quotes, strict=True)):
            tick(number)
            if self.original[number] != number:
                continue
            keys = fingerprints(ids, stop)
            keys.update(hash((_QUOTE_MARK, *quote)) for quote in quotes if len(quote) >= MIN_QUOTE)
            self._post(keys, number)
        self._quotes = []
        self._first = {}

    def _post(self, keys: set[int], number: int) -> None:
        postings = self._postings
        fresh = keys.difference(postings)
        postings.update(dict.fromkeys(fresh, number))
        for key in keys.difference(fresh):
            held: Any = postings[key]
            if held == _COMMON:
                self._with_first[(self._common_first[key], number)] += 1
            elif held.__class__ is int:
                postings[key] = [held, number]
            elif len(held) < MAX_POSTINGS:
                held.append(number)
            else:
                postings[key] = _COMMON
                self._common_first[key] = held[0]
                self._with_first.update((held[0], other) for other in [*held[1:], number])

    def pairs(self) -> Iterator[tuple[int, int]]:
        """Each pair of passages worth aligning, once, lower number first."""
        seen: set[tuple[int, int]] = set()
        for held in self._postings.values():
            if held.__class__ is list:
                for position, first in enumerate(held):
                    for second in held[position + 1 :]:
                        pair = (first, second)
                        if pair not in seen:
                            seen.add(pair)
                            yield pair
        for pair, shared in self._with_first.items():
            if shared >= STAR_SHARED and pair not in seen:
                seen.add(pair)
                yield pair
