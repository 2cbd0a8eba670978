"""Find a phrase in every article's passages, case-insensitively, with exact offsets."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

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
