"""Decide whether two candidate passages really share copied text, and which stretches."""

from __future__ import annotations

from collections.abc import Mapping

from annotations.copies.align import Stretch, align
from annotations.copies.coverage import Match
from annotations.copies.fingerprint import MIN_QUOTE
from annotations.copies.normalize import FUNCTION_WORDS, quotations, word_offsets

MIN_RUN = 8
"""Shared words (a few edited ones inside bridged) that make two passages copies of each other."""
MIN_CONTENT = 3
"""Of which at least this many are not function words: "he said that it was one of the" is no copy."""
MIN_SPAN = 5
"""Once a pair is a copy, its other shared stretches this long are highlighted too."""


class Verifier:
    """Aligns candidate pairs of passages (by number) and keeps those that share copied text."""

    def __init__(self, words: list[list[int]], texts: list[str], vocabulary: Mapping[str, int]) -> None:
        self.words = words
        self.texts = texts
        self.function_ids = frozenset(vocabulary[word] for word in FUNCTION_WORDS if word in vocabulary)

    def verify(self, first: int, second: int) -> Match | None:
        """The copied stretches two passages share, or None when they are no copies of each other."""
        stretches = align(self.words[first], self.words[second])
        if not stretches:
            return None
        if any(self._substantial(first, stretch, MIN_RUN) for stretch in stretches):
            kept = [stretch for stretch in stretches if stretch.matched >= MIN_SPAN]
        else:
            kept = self._quoted(first, second, stretches)
        return Match(first, second, tuple(kept)) if kept else None

    def identical(self, number: int) -> tuple[Stretch, ...]:
        """What verbatim copies of passage `number` share that makes them copies; nothing if too little."""
        whole = _same(0, len(self.words[number]))
        if self._substantial(number, whole, MIN_RUN):
            return (whole,)
        quotes = [_same(start, end) for start, end in self._quotes(number)]
        return tuple(quote for quote in quotes if self._substantial(number, quote, MIN_QUOTE))

    def _substantial(self, first: int, stretch: Stretch, least: int) -> bool:
        """Long enough, and not made of function words alone."""
        if stretch.matched < least:
            return False
        shared = self.words[first][stretch.a_start : stretch.a_end]
        return len(shared) - sum(map(self.function_ids.__contains__, shared)) >= MIN_CONTENT

    def _quoted(self, first: int, second: int, stretches: list[Stretch]) -> list[Stretch]:
        """Stretches that hold a whole quotation of MIN_QUOTE words in both passages."""
        candidates = [stretch for stretch in stretches if self._substantial(first, stretch, MIN_QUOTE)]
        quotes_a = self._quotes(first) if candidates else []
        quotes_b = self._quotes(second) if quotes_a else []
        return [
            stretch
            for stretch in candidates
            if any(stretch.a_start <= start and end <= stretch.a_end for start, end in quotes_a)
            and any(stretch.b_start <= start and end <= stretch.b_end for start, end in quotes_b)
        ]

    def _quotes(self, number: int) -> list[tuple[int, int]]:
        text = self.texts[number]
        spans = quotations(text, word_offsets(text))
        return [(start, end) for start, end in spans if end - start >= MIN_QUOTE]


def _same(start: int, end: int) -> Stretch:
    """Words [start, end) of a passage shared with the same words of a verbatim copy."""
    return Stretch(start, end, start, end, end - start)
