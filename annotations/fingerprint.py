"""Winnowed word-shingle fingerprints and an inverted index that proposes passage pairs to align."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from itertools import filterfalse

from annotations.align import windows
from annotations.normalize import fold, quoted, split

SHINGLE = 3
"""Non-stop words per shingle (about six words of running text)."""
WINDOW = 2
"""Winnowing window: a shared run of SHINGLE + WINDOW - 1 = 4 non-stop words leaves a shared fingerprint."""
STOP_WORDS = 50
"""At most this many of the corpus's most frequent words are stop words, left out of shingles."""
STOP_SHARE = 1 / 500
STOP_COUNT = 20
"""A stop word is also at least this common (share of all words, and count): small corpora have none."""
MIN_QUOTE = 4
"""A quotation this long (in words) is indexed whole, so short shared quotes are found too."""
MAX_POSTINGS = 64
"""A fingerprint in more passages than this is a stock phrase: it is dropped, keeping the index linear."""

_COMMON = -1
_QUOTE_MARK = -2


class Vocabulary:
    """Word -> small int, so shingle hashes are stable across runs (str hashes are salted)."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.numbers)

    def encode(self, words: list[str]) -> list[int]:
        numbers = self.numbers
        for word in set(words).difference(numbers):
            numbers[word] = len(numbers)
        return list(map(numbers.__getitem__, words))


def fingerprints(ids: list[int], stop: frozenset[int] = frozenset()) -> set[int]:
    """The winnowed shingle hashes of one passage's non-stop words: each window keeps its smallest."""
    content = list(filterfalse(stop.__contains__, ids)) if stop else ids
    return set(map(min, windows(list(map(hash, windows(content, SHINGLE))), WINDOW)))


class ShingleIndex:
    """Fingerprint -> passages holding it; grows with the corpus, common fingerprints capped.

    Use: read() every passage, then build() once, then pairs().
    """

    def __init__(self) -> None:
        self.vocabulary = Vocabulary()
        self.words: list[list[int]] = []
        self._quotes: list[list[list[int]]] = []
        self._postings: dict[int, int | list[int]] = {}

    def read(self, text: str) -> None:
        """Take in one passage's words (and whole quotations)."""
        folded = fold(text)
        encode = self.vocabulary.encode
        self.words.append(encode(split(folded)))
        self._quotes.append([encode(split(quote)) for quote in quoted(folded)])

    def build(self, tick: Callable[[int], None]) -> None:
        """Post every passage's fingerprints, once all words are known."""
        stop = self._stop_words()
        for number, (ids, quotes) in enumerate(zip(self.words, self._quotes, strict=True)):
            keys = fingerprints(ids, stop)
            keys.update(hash((_QUOTE_MARK, *quote)) for quote in quotes if len(quote) >= MIN_QUOTE)
            self._post(keys, number)
            tick(number)
        self._quotes = []

    def _stop_words(self) -> frozenset[int]:
        counts: Counter[int] = Counter()
        for ids in self.words:
            counts.update(ids)
        least = max(STOP_COUNT, counts.total() * STOP_SHARE)
        return frozenset(word for word, count in counts.most_common(STOP_WORDS) if count >= least)

    def _post(self, keys: set[int], number: int) -> None:
        postings = self._postings
        fresh = keys.difference(postings)
        postings.update(dict.fromkeys(fresh, number))
        for key in keys.difference(fresh):
            held = postings[key]
            if held.__class__ is int:
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
