"""Decide whether two candidate passages really share copied text, and which stretches (evidence.py
says how much the shared words weigh)."""

from __future__ import annotations

from itertools import compress, pairwise
from operator import and_

import numpy as np

from annotations.copies.align import MAX_GAP, SEED, Stretch, align, windows
from annotations.copies.coverage import Match
from annotations.copies.evidence import MIN_EVIDENCE, MIN_RUN, NAME_WEIGHT, QUOTE_EVIDENCE
from annotations.copies.fingerprint import ShingleIndex
from annotations.copies.normalize import quotations, word_offsets

MIN_SPAN = 5
"""Once a pair is a copy, its other shared stretches this long are highlighted too."""


class Verifier:
    """Aligns candidate pairs of passages (by number) and keeps those that share copied text."""

    def __init__(self, index: ShingleIndex, texts: list[str]) -> None:
        self.index = index
        self.texts = texts
        self.quoting = [bool(ranges) for ranges in index.ranges]
        self.weights = index.weights().tolist()
        self._quote_cache: dict[int, list[tuple[int, int]]] = {}
        self._offsets: dict[int, np.ndarray] = {}
        self._names: dict[int, list[bool]] = {}
        self._first: tuple[int, list[int], list[tuple[int, ...]]] = (-1, [], [])
        """The last first passage's words and seeds: candidates come sorted by their first passage."""

    def verify(self, first: int, second: int) -> Match | None:
        """The copied stretches two passages share, or None when they are no copies of each other."""
        stretches = align(self._words(first), self.index.words(second), self._first[2])
        if not stretches:
            return None
        if any(self._substantial(first, group, second) for group in _groups(stretches)):
            kept = [stretch for stretch in stretches if stretch.matched >= MIN_SPAN]
        else:
            kept = self._quoted(first, second, stretches)
        return Match(first, second, tuple(kept)) if kept else None

    def identical(self, number: int) -> tuple[Stretch, ...]:
        """What verbatim copies of passage `number` share that makes them copies; nothing if too little."""
        whole = _same(0, int(self.index.lengths[number]))
        if self._substantial(number, [whole]):
            return (whole,)
        quotes = self._quotes(number)
        return tuple(_same(start, end) for start, end in quotes if self._rare(number, start, end))

    def _evidence(self, number: int, start: int, end: int) -> float:
        return sum(map(self.weights.__getitem__, self._words(number)[start:end]))

    def _words(self, number: int) -> list[int]:
        if self._first[0] != number:
            words = self.index.words(number)
            self._first = (number, words, windows(words, SEED))
        return self._first[1]

    def offsets(self, number: int) -> np.ndarray:
        """(start, end) in its text of each word of passage `number`, kept compact: the highlights need
        them too."""
        found = self._offsets.get(number)
        if found is None:
            spans = word_offsets(self.texts[number])
            found = self._offsets[number] = np.array(spans, dtype=np.int32).reshape(len(spans), 2)
        return found

    def _substantial(self, first: int, group: list[Stretch], second: int | None = None) -> bool:
        """Long enough, and rare enough: not made of function words, stock words and names alone."""
        matched = sum(stretch.matched for stretch in group)
        if matched < MIN_RUN:
            return False
        needed = MIN_EVIDENCE * MIN_RUN / matched
        if sum(self._evidence(first, stretch.a_start, stretch.a_end) for stretch in group) < needed:
            return False
        return sum(self._named(first, second, stretch) for stretch in group) >= needed

    def _named(self, first: int, second: int | None, stretch: Stretch) -> float:
        """The stretch's evidence with names (capitalised on both sides) counted at NAME_WEIGHT."""
        names_a = self._capitalised(first)
        names_b = names_a if second is None else self._capitalised(second)
        size = stretch.a_end - stretch.a_start
        shown = names_b[stretch.b_start : stretch.b_start + size]
        shown += [True] * (size - len(shown))  # past the other passage's end only this side counts
        weighed = list(map(self.weights.__getitem__, self._words(first)[stretch.a_start : stretch.a_end]))
        named = compress(weighed, map(and_, names_a[stretch.a_start : stretch.a_end], shown))
        return sum(weighed) - (1.0 - NAME_WEIGHT) * sum(named)

    def _capitalised(self, number: int) -> list[bool]:
        """Per word: does it start with a capital? None do in a headline set in capitals or title case."""
        found = self._names.get(number)
        if found is None:
            text = self.texts[number]
            found = [text[start].isupper() for start in self.offsets(number)[:, 0].tolist()]
            if sum(found) * 5 > len(found) * 3:
                found = [False] * len(found)
            self._names[number] = found
        return found

    def _rare(self, number: int, start: int, end: int) -> bool:
        return self._evidence(number, start, end) >= QUOTE_EVIDENCE

    def _quoted(self, first: int, second: int, stretches: list[Stretch]) -> list[Stretch]:
        """Stretches that hold a whole, rare enough quotation of either passage."""
        quotes_a = self._quotes(first)
        quotes_b = self._quotes(second)
        return [
            stretch
            for stretch in stretches
            if any(stretch.a_start <= start and end <= stretch.a_end and self._rare(first, start, end)
                   for start, end in quotes_a)
            or any(stretch.b_start <= start and end <= stretch.b_end and self._rare(second, start, end)
                   for start, end in quotes_b)
        ]

    def _quotes(self, number: int) -> list[tuple[int, int]]:
        """Word ranges of the passage's quotations, titles ("Paradise City") left out."""
        cached = self._quote_cache.get(number)
        if cached is None:
            text = self.texts[number]
            offsets = self.offsets(number).tolist() if self.quoting[number] else []
            spans = quotations(text, offsets) if offsets else []
            cached = self._quote_cache[number] = [
                (start, end) for start, end in spans if not _title(text, offsets[start:end])
            ]
        return cached


def _groups(stretches: list[Stretch]) -> list[list[Stretch]]:
    """Each stretch alone, and two neighbours whose order the other passage swapped (a reordered clause)."""
    groups = [[stretch] for stretch in stretches]
    for one, two in pairwise(stretches):
        if 0 <= two.a_start - one.a_end <= MAX_GAP and 0 <= one.b_start - two.b_end <= MAX_GAP:
            groups.append([one, two])
    return groups


def _title(text: str, offsets: list[tuple[int, int]]) -> bool:
    """A quoted name or title: every word capitalised ("Sweet Child O' Mine")."""
    return all(text[start].isupper() for start, _ in offsets) and len(offsets) > 0


def _same(start: int, end: int) -> Stretch:
    """Words [start, end) of a passage shared with the same words of a verbatim copy."""
    return Stretch(start, end, start, end, end - start)
