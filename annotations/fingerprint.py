"""Winnowed word-shingle fingerprints and an inverted index that proposes passage pairs to align."""

from __future__ import annotations

from collections.abc import Iterator

from annotations.align import windows
from annotations.normalize import fold, quoted, split

SHINGLE = 4
"""Words per shingle."""
WINDOW = 5
"""Winnowing window: every shared run of SHINGLE + WINDOW - 1 = 8 words leaves a shared fingerprint."""
MIN_QUOTE = 4
"""A quotation this long (in words) is indexed whole, so short shared quotes are found too."""
MAX_POSTINGS = 64
"""A fingerprint in more passages than this is a stock phrase: it is dropped, keeping the index linear."""

_COMMON = -1
_QUOTE_MARK = -2


class Vocabulary(dict[str, int]):
    """Word -> small int, so shingle hashes are stable across runs (str hashes are salted)."""

    def __missing__(self, word: str) -> int:
        number = self[word] = len(self)
        return number

    def encode(self, words: list[str]) -> list[int]:
        return list(map(self.__getitem__, words))


def fingerprints(ids: list[int]) -> set[int]:
    """The winnowed shingle hashes of one passage: each window of shingles keeps its smallest."""
    shingles = list(map(hash, windows(ids, SHINGLE)))
    return set(map(min, windows(shingles, WINDOW)))


class ShingleIndex:
    """Fingerprint -> passages holding it; grows with the corpus, common fingerprints capped."""

    def __init__(self) -> None:
        self.vocabulary = Vocabulary()
        self.words: list[list[int]] = []
        self._postings: dict[int, int | list[int]] = {}

    def add(self, text: str) -> int:
        """Index one passage's text and return its number."""
        folded = fold(text)
        ids = self.vocabulary.encode(split(folded))
        number = len(self.words)
        self.words.append(ids)
        keys = fingerprints(ids)
        for quote in quoted(folded):
            quote_ids = self.vocabulary.encode(split(quote))
            if len(quote_ids) >= MIN_QUOTE:
                keys.add(hash((_QUOTE_MARK, *quote_ids)))
        self._post(keys, number)
        return number

    def _post(self, keys: set[int], number: int) -> None:
        postings = self._postings
        for key in keys:
            held = postings.get(key)
            if held is None:
                postings[key] = number
            elif held.__class__ is int:
                postings[key] = [held, number] if held != _COMMON else _COMMON
            elif len(held) < MAX_POSTINGS:
                held.append(number)
            else:
                postings[key] = _COMMON

    def pairs(self) -> Iterator[tuple[int, int]]:
        """Each pair of passages sharing at least one fingerprint, once, lower number first."""
        seen: set[tuple[int, int]] = set()
        for held in self._postings.values():
            if held.__class__ is list:
                for position, first in enumerate(held):
                    for second in held[position + 1 :]:
                        pair = (first, second)
                        if pair not in seen:
                            seen.add(pair)
                            yield pair
