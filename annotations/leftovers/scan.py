"""Read a passage's own cues quickly: short lines are remembered, and short-line patterns gated.

Most of the detector's time goes to short lines, since every cue may apply to them. Two things
keep that low. Pages repeat their chrome ("Advertisement", share bars, menus) thousands of times
across a corpus, so a short line's shape and cues are read once per run. And the many plain
patterns for short lines are also compiled into one combined pattern: a line it does not match
skips them all, which spares unique short lines (other stories' headlines) a few dozen searches.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from annotations.corpus.models import Boilerplate
from annotations.leftovers.cues import TAIL, Cue, Search
from annotations.leftovers.shape import MAX_PROBE, Shape, shape_of

REMEMBER_CHARS = 200
"""Passages up to this long have their shape and cues remembered within one run."""
GATED_WORDS = 16
"""Plain patterns of cues for lines up to this many words are gated by one combined pattern."""


class Reader:
    """Shapes and own cues of passages for one run of the detector."""

    def __init__(self, cues: Sequence[Cue]) -> None:
        # Longest reach first, so a long passage stops at the first cue that cannot see it.
        table = sorted(cues, key=lambda cue: -cue.max_words)
        self._order = {id(cue): index for index, cue in enumerate(table)}
        self._groups = [
            _Group([cue for cue in table if _gateable(cue, cased)], cased) for cased in (False, True)
        ]
        gated = {id(cue) for group in self._groups for cue in group.cues}
        self._rest = tuple(cue for cue in table if id(cue) not in gated)
        self._shapes: dict[tuple[str, bool], Shape] = {}
        self._cues: dict[tuple[str, bool], tuple[Cue, ...]] = {}
        self._labels: dict[tuple[object, ...], Boilerplate] = {}

    def label(
        self, found: list[Cue], score: float, write: Callable[[Sequence[Cue], float], Boilerplate]
    ) -> Boilerplate:
        """The same cues recur on every page of a site: their label is written once per run."""
        key = (*((cue.name, cue.kind, cue.weight, cue.why) for cue in found), round(score, 2))
        label = self._labels.get(key)
        if label is None:
            label = self._labels[key] = write(found, score)
        return label

    def shape(self, text: str, english: bool) -> Shape:
        if len(text) > REMEMBER_CHARS:
            return shape_of(text, english)
        key = (text, english)
        shape = self._shapes.get(key)
        if shape is None:
            shape = self._shapes[key] = shape_of(text, english)
        return shape

    def cues(self, text: str, shape: Shape, near_end: bool) -> list[Cue]:
        """The cues the passage's own text fires, in the table's order."""
        if len(text) > REMEMBER_CHARS:
            return self._read(text, shape, near_end)
        key = (text, near_end)
        found = self._cues.get(key)
        if found is None:
            found = self._cues[key] = tuple(self._read(text, shape, near_end))
        return list(found)

    def _read(self, text: str, shape: Shape, near_end: bool) -> list[Cue]:
        probe = text if len(text) <= MAX_PROBE else text[:1000] + " … " + text[-1000:]
        lower = probe.lower()
        words = shape.words
        found = _scan(self._rest, probe, lower, words, near_end)
        gated = False
        for group in self._groups:
            gate = group.gate
            if gate is not None and words <= group.reach and gate.search(probe if group.cased else lower):
                found += _scan(group.cues, probe, lower, words, near_end)
                gated = True
        if gated:
            found.sort(key=lambda cue: self._order[id(cue)])
        return found


class _Group:
    """Cues whose tests are plain searches, behind one pattern that any of their matches implies."""

    def __init__(self, cues: list[Cue], cased: bool) -> None:
        self.cues = cues
        self.cased = cased
        self.reach = max((cue.max_words for cue in cues), default=0)
        self.gate = _union(cues)


def _scan(cues: Sequence[Cue], probe: str, lower: str, words: int, near_end: bool) -> list[Cue]:
    """The cues whose test passes; `cues` is ordered by falling `max_words`."""
    contains = lower.__contains__
    ending = lower[-TAIL:].__contains__
    found: list[Cue] = []
    for cue in cues:
        if words > cue.max_words:
            break
        if cue.at_end and not near_end:
            continue
        needles = cue.needles
        if needles and not any(map(ending if cue.tail else contains, needles)):
            continue
        test = cue.test
        if test is not None and test(probe if cue.cased else lower):
            found.append(cue)
    return found


def _gateable(cue: Cue, cased: bool) -> bool:
    """A plain search of the whole passage, for short lines only.

    Long passages are not gated: one pattern of many unanchored alternatives is slower over a
    paragraph than the cues' own needles.
    """
    test = cue.test
    return isinstance(test, Search) and not test.size and cue.cased == cased and cue.max_words <= GATED_WORDS


def _union(cues: Sequence[Cue]) -> re.Pattern[str] | None:
    """One pattern that matches wherever any of the cues' patterns matches."""
    patterns = [cue.test.pattern.pattern for cue in cues if isinstance(cue.test, Search)]
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))
