"""Find a phrase in every article's passages, case-insensitively, with exact offsets."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from annotations.corpus.models import Corpus, PassageKey

LIMIT = 500
"""Results past this many are not listed (the count still says how many there were, up to it)."""


@dataclass(frozen=True, slots=True)
class Hit:
    """A passage containing the query, and where (offsets in the passage text)."""

    key: PassageKey
    spans: tuple[tuple[int, int], ...]


def find(
    corpus: Corpus, query: str, limit: int = LIMIT, stop: Callable[[], bool] = lambda: False
) -> list[Hit]:
    """Passages containing `query` (literal text, any case), in corpus order."""
    needle = query.strip()
    if not needle:
        return []
    pattern = re.compile(re.escape(needle), re.IGNORECASE)
    hits: list[Hit] = []
    for article in corpus.articles:
        if stop():
            break
        for passage in article.passages:
            spans = tuple(match.span() for match in pattern.finditer(passage.text))
            if spans:
                hits.append(Hit((article.id, passage.index), spans))
                if len(hits) >= limit:
                    return hits
    return hits


@dataclass(slots=True)
class Finder:
    """The last search and where the reader is in its matches: `/` reopens it, next/previous step it."""

    query: str = ""
    hits: list[Hit] = field(default_factory=list)
    position: int | None = None
    """Which hit the reader shows (None before the first jump)."""

    def found(self, query: str, hits: list[Hit]) -> None:
        """A search finished; a new query starts from its first hit."""
        if query != self.query:
            self.position = None
        self.query, self.hits = query, hits

    def chose(self, index: int) -> Hit:
        """The analyst picked hit `index` in the results."""
        self.position = index
        return self.hits[index]

    def step(self, step: int) -> Hit | None:
        """The next (`step` 1) or previous (-1) hit, coming round at the ends; None without hits."""
        if not self.hits:
            return None
        if self.position is None:
            self.position = 0 if step > 0 else len(self.hits) - 1
        else:
            self.position = (self.position + step) % len(self.hits)
        return self.hits[self.position]

    @property
    def current(self) -> Hit | None:
        """The hit the reader was last sent to."""
        return None if self.position is None or not self.hits else self.hits[self.position]

    def where(self) -> str:
        """"match 3 of 12 for “query”", for the analyst after a step."""
        count = f"{len(self.hits)}{'+' if len(self.hits) >= LIMIT else ''}"
        return f"Match {(self.position or 0) + 1} of {count} for “{self.query.strip()}”"

    def highlights(self) -> dict[PassageKey, tuple[tuple[int, int], ...]]:
        """The matches to mark in the reader: those of the passage the last jump went to."""
        hit = self.current
        return {hit.key: hit.spans} if hit is not None else {}
