"""Find text copied between passages: pairs with exact shared spans, clusters, novelty, overlap.

How: each passage's words are folded (case, quotes, dashes, spaces, possessives; normalize.py);
shingles of three non-stop words are winnowed into fingerprints and posted in an inverted index
(fingerprint.py), so only passages sharing a fingerprint are ever compared. Each such pair is
aligned word by word (align.py) and kept when it shares a stretch of 8 words (a few edited words
inside bridged, at least 3 of them not function words) or a whole quotation of 4 words (verify.py).
Page leftovers are matched like article text (an embedded post one outlet shows is often quoted in
another's prose), but left out of novelty and overlap; a pair whose two sides are page chrome of the
same kind (navigation, promo, copyright) is a template line, not a copy, and is not reported.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import combinations

from annotations.copies.candidates import MAX_POSTINGS
from annotations.copies.coverage import Match, summarise
from annotations.copies.fingerprint import ShingleIndex
from annotations.copies.verify import Verifier
from annotations.corpus.models import Article, Boilerplate, Duplicate, PassageKey
from annotations.parallel import map_slices

Cancelled = Callable[[], bool]

CHROME = frozenset({"navigation", "promo", "copyright"})
"""Leftover kinds that are the page's own template: two such lines of one kind sharing words are no copy."""

_READ_SHARE = 0.35
_INDEX_SHARE = 0.6
_PAIRS_PER_WORKER = 2_000
"""Candidate pairs below which verifying them in another process gains less than the fork costs."""
"""Rough shares of the work done after reading and after indexing, for the progress bar."""


class AnalysisCancelled(Exception):
    """Raised inside find_overlaps when its `cancelled` callback says stop; nothing is returned."""


@dataclass(frozen=True, slots=True)
class Overlaps:
    """What was copied where.

    duplicates: passage -> the passages sharing copied text with it, best score first; a pair is
      listed on both sides and each Duplicate's spans are offsets in the listing passage's text.
    clusters: groups of passages joined by copied text (connected pairs), largest first.
    novelty: article -> share of its words (page leftovers left out) found in no other article;
      1.0 for an article with no words left.
    overlap: (a, b) -> share of a's words (leftovers left out) found in b; only pairs above 0
      are present, and overlap[(a, b)] > overlap[(b, a)] hints that a took more of its text from b.
    """

    duplicates: dict[PassageKey, tuple[Duplicate, ...]] = field(default_factory=dict)
    clusters: tuple[tuple[PassageKey, ...], ...] = ()
    novelty: dict[str, float] = field(default_factory=dict)
    overlap: dict[tuple[str, str], float] = field(default_factory=dict)


Labels = Mapping[PassageKey, Boilerplate]


def find_overlaps(
    articles: Sequence[Article],
    leftovers: Labels | Callable[[], Labels] | None = None,
    progress: Callable[[float], None] | None = None,
    *,
    cancelled: Cancelled | None = None,
    workers: int = 1,
) -> Overlaps:
    """Copied text between all passages, `leftovers` (page leftovers) included; raises AnalysisCancelled
    when told to stop. Up to `workers` processes verify the candidate pairs. `leftovers` may be asked
    for late: a callable is called once the index is built (which needs none), so a caller can find
    them meanwhile."""
    with collector_paused():
        return _find(articles, leftovers or {}, progress, cancelled, workers)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: its sweeps over millions of new lists cost more than the work."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _find(
    articles: Sequence[Article],
    asked: Labels | Callable[[], Labels],
    progress: Callable[[float], None] | None,
    cancelled: Cancelled | None,
    workers: int,
) -> Overlaps:
    ticker = _Ticker(progress, cancelled)
    keys = [(article.id, passage.index) for article in articles for passage in article.passages]
    texts = [passage.text for article in articles for passage in article.passages]
    index = ShingleIndex(texts)
    leftovers = asked() if callable(asked) else asked
    ticker.report(_READ_SHARE)
    pairs = index.candidates(lambda done: ticker.report(_READ_SHARE + (_INDEX_SHARE - _READ_SHARE) * done))
    verifier = Verifier(index, texts)

    def verified(part: Sequence[tuple[int, int]]) -> list[Match]:
        found = []
        for number, (first, second) in enumerate(part):
            match = verifier.verify(first, second)
            if match is not None:
                found.append(match)
            ticker.tick(number, len(part), _INDEX_SHARE, 1.0)
        return found

    matches = map_slices(verified, pairs.tolist(), workers, _PAIRS_PER_WORKER)
    matches = _with_copies(matches, index.copies(), verifier)
    chrome = [_chrome(leftovers.get(key)) for key in keys]
    matches = [
        match for match in matches
        if chrome[match.first] is None or chrome[match.first] != chrome[match.second]
    ]
    if progress is not None:
        progress(1.0)
    counted = [key not in leftovers for key in keys]
    return Overlaps(**summarise(articles, keys, index.lengths.tolist(), matches, verifier.offsets, counted))


def _chrome(label: Boilerplate | None) -> str | None:
    """The template kind of a page-chrome leftover; None for article text and other leftovers."""
    if label is None:
        return None
    if label.kind == "copyright" or label.reason.startswith("copyright ("):
        return "copyright"
    return label.kind if label.kind in CHROME else None


def _with_copies(matches: list[Match], copies: dict[int, list[int]], verifier: Verifier) -> list[Match]:
    """Verbatim copies match each other, and each copy shares its original's matches.

    A passage repeated verbatim more than MAX_POSTINGS times (a footer the boilerplate detector
    missed) is stock text: its copies are only paired with the first one, keeping the output linear.
    """
    found = list(matches)
    for members in copies.values():
        stretches = verifier.identical(members[0])
        if stretches:
            pairs = combinations(members, 2) if len(members) <= MAX_POSTINGS else _star(members)
            found.extend(Match(first, second, stretches) for first, second in pairs)
    small = {original: members for original, members in copies.items() if len(members) <= MAX_POSTINGS}
    for match in matches:
        firsts, seconds = small.get(match.first, [match.first]), small.get(match.second, [match.second])
        found.extend(
            Match(first, second, match.stretches)
            for first in firsts
            for second in seconds
            if (first, second) != (match.first, match.second)
        )
    return found


def _star(members: list[int]) -> list[tuple[int, int]]:
    return [(members[0], member) for member in members[1:]]


class _Ticker:
    """Reports progress now and then and stops the work when cancelled; silent in a forked worker,
    whose output would not reach the caller (or would garble a pipe the caller reads)."""

    def __init__(self, progress: Callable[[float], None] | None, cancelled: Cancelled | None) -> None:
        self.progress = progress
        self.cancelled = cancelled
        self.last = -1.0
        self.process = os.getpid()

    def tick(self, done: int, total: int, low: float, high: float) -> None:
        if done & 255 or os.getpid() != self.process:
            return
        self.report(low + (high - low) * done / max(total, 1))

    def report(self, share: float) -> None:
        if self.cancelled is not None and self.cancelled():
            raise AnalysisCancelled
        now = time.monotonic()
        if self.progress is not None and now - self.last >= 0.1:
            self.last = now
            self.progress(share)
