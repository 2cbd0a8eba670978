"""Decide whether two candidate passages really share copied text, and which stretches."""

from __future__ import annotations

from collections.abc import Mapping

from annotations.align import Stretch, align
from annotations.coverage import Match
from annotations.normalize import quotations, word_offsets

MIN_RUN = 8
"""Shared words (a few edited ones inside bridged) that make two passages copies of each other."""
MIN_CONTENT = 3
"""Of which at least this many are not function words: "he said that it was one of the" is no copy."""
MIN_QUOTE = 4
"""A whole quotation this long, shared by both passages, also makes a copy."""
MIN_SPAN = 5
"""Once a pair is a copy, its other shared stretches this long are highlighted too."""

_FUNCTION = """a an the and or but nor if then than so as of to in on at by for with from into onto upon about
    over under after before since until while during between among through against without within
    that this these those it its is are was were be been being am has have had having do does did
    will would shall should can could may might must not no yes he she they we you i him her them
    me my your his their our mine hers theirs ours who whom whose which what when where why how
    there here all any some more most also just only very too even said says say told"""
FUNCTION_WORDS = frozenset(_FUNCTION.split())


class Verifier:
    """Aligns candidate pairs of passages (by number) and keeps those that share copied text."""

    def __init__(self, words: list[list[int]], texts: list[str], vocabulary: Mapping[str, int]) -> None:
        self.words = words
        self.texts = texts
        self.function_ids = frozenset(vocabulary[word] for word in FUNCTION_WORDS if word in vocabulary)

    def verify(self, first: int, second: int) -> Match | None:
        stretches = align(self.words[first], self.words[second])
        if not stretches:
            return None
        if any(self._substantial(first, stretch, MIN_RUN) for stretch in stretches):
            kept = [stretch for stretch in stretches if stretch.matched >= MIN_SPAN]
        else:
            kept = self._quoted(first, second, stretches)
        return Match(first, second, tuple(kept)) if kept else None

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
