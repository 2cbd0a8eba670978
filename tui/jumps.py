"""Where `d` goes next (cycling through a passage's copies) and where `D` comes back to."""

from __future__ import annotations

from dataclasses import dataclass, field

from annotations.corpus.models import Analysis, PassageKey


@dataclass
class Jumps:
    """A stack of places left by jumps, and the copy cycle in progress."""

    history: list[PassageKey] = field(default_factory=list)
    cycle: tuple[PassageKey, int, PassageKey, int] | None = None
    """(passage whose copies are visited, how many `d` so far, where the last one landed, copies)."""

    def origin(self, here: PassageKey | None) -> PassageKey | None:
        """The passage whose copies `d` visits from `here`."""
        return self.cycle[0] if self.cycle and self.cycle[2] == here else here

    def next_copy(self, here: PassageKey | None, analysis: Analysis) -> PassageKey | None:
        """The copy `d` goes to from `here`, remembering `here` when a new cycle starts."""
        origin = self.origin(here)
        duplicates = analysis.duplicates_of(*origin) if origin else ()
        if origin is None or not duplicates:
            return None
        number = self.cycle[1] + 1 if self.cycle and self.cycle[2] == here else 0
        target = duplicates[number % len(duplicates)]
        key = (target.article, target.passage)
        if number == 0:
            self.remember(origin, key)
        self.cycle = (origin, number, key, len(duplicates))
        return key

    def position(self) -> tuple[int, int]:
        """Which copy the last `d` landed on, counting from 1, and how many there are."""
        if self.cycle is None:
            return 0, 0
        return self.cycle[1] % self.cycle[3] + 1, self.cycle[3]

    def remember(self, here: PassageKey | None, target: PassageKey) -> None:
        """A jump from `here` to `target` is about to happen."""
        self.cycle = None
        if here is not None and here != target:
            self.history.append(here)

    def moved(self, key: PassageKey | None) -> None:
        """The cursor is on `key` now; moving away ends the cycle."""
        if self.cycle and self.cycle[2] != key:
            self.cycle = None

    def back(self) -> PassageKey | None:
        """Where the last jump came from (None when there is nowhere to go back to)."""
        self.cycle = None
        return self.history.pop() if self.history else None
