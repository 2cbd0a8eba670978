"""One analysis pass over a corpus: boilerplate first, then copied text, then stories."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial

from annotations.config import Config
from annotations.copies.overlap import find_overlaps
from annotations.corpus.models import Analysis, Boilerplate, Corpus, PassageKey
from annotations.leftovers.boilerplate import detect_boilerplate
from annotations.parallel import Forked
from annotations.stories.grouping import Likeness, group_stories, likeness
from annotations.stories.origin import find_origins

Progress = Callable[[str, float], None]
"""Called with a stage name and the share done, 0..1."""

ANALYST_REASON = "marked as boilerplate by the analyst"


Leftovers = tuple[dict[PassageKey, Boilerplate], frozenset[PassageKey]]
"""What the leftovers detector found, before any override: labels and headings."""


def find_leftovers(corpus: Corpus, config: Config | None = None, workers: int = 1) -> Leftovers:
    """The leftovers detector's labels (the page's own leftovers included) and headings."""
    config = config or Config()
    labels, headings = detect_boilerplate(
        corpus.articles, config.boilerplate_phrases, config.boilerplate_threshold, workers
    )
    for article in corpus.articles:
        for index, leftover in article.page_leftovers.items():
            labels.setdefault((article.id, index), leftover)
    return labels, headings


def analyze(
    corpus: Corpus,
    config: Config | None = None,
    overrides: Mapping[PassageKey, bool] | None = None,
    progress: Progress | None = None,
    workers: int = 1,
    leftovers: Leftovers | Forked[Leftovers] | None = None,
) -> Analysis:
    """Flag leftovers (unless `leftovers` were found already, or are being found in a child), apply
    the analyst's overrides (True = boilerplate), find copies, group stories; with up to `workers`
    processes where the work is large enough to gain from them."""
    config = config or Config()
    report = progress or (lambda stage, done: None)
    report("boilerplate", 0.0)
    found = _Labels(corpus, config, overrides or {}, workers, leftovers)
    report("duplicates", 0.0)
    try:
        overlaps = find_overlaps(
            corpus.articles, found.asked, lambda done: report("duplicates", done), workers=workers
        )
        report("stories", 0.0)
        alike = found.alike.result() if found.alike is not None else None
    finally:
        found.close()
    detected, headings, labels = found.detected, found.headings, found.labels
    stories = group_stories(corpus.articles, labels, overlaps.overlap, overlaps.duplicates, alike)
    origins = find_origins(corpus.articles, overlaps.clusters, overlaps.duplicates)
    report("done", 1.0)
    return Analysis(
        boilerplate=labels,
        headings=headings,
        duplicates=overlaps.duplicates,
        clusters=overlaps.clusters,
        novelty=overlaps.novelty,
        overlap=overlaps.overlap,
        detected=detected,
        stories=stories,
        origins=origins,
    )


class _Labels:
    """The leftovers with the analyst's overrides, found in a child while the copies' index is built
    (it needs none) when there are workers; once they are known, the stories' term similarities are
    begun in a child too (they need no copies)."""

    def __init__(
        self,
        corpus: Corpus,
        config: Config,
        overrides: Mapping[PassageKey, bool],
        workers: int,
        leftovers: Leftovers | Forked[Leftovers] | None,
    ) -> None:
        self.corpus, self.overrides, self.workers = corpus, overrides, workers
        self._pending: Forked[Leftovers] | None = None
        if isinstance(leftovers, Forked):
            self._pending, leftovers = leftovers, None
        elif leftovers is None and workers > 1:
            self._pending = Forked(partial(find_leftovers, corpus, config, 1))
        elif leftovers is None:
            leftovers = find_leftovers(corpus, config, workers)
        self.detected, self.headings = leftovers or ({}, frozenset())
        self.labels: dict[PassageKey, Boilerplate] = {}
        self.alike: Forked[Likeness] | None = None

    def asked(self) -> dict[PassageKey, Boilerplate]:
        """The labels, when the copy detector asks for them (after its index)."""
        if self._pending is not None:
            self.detected, self.headings = self._pending.result()
            self._pending = None
        self.labels = apply_overrides(self.detected, self.overrides)
        if self.workers > 1:
            self.alike = Forked(partial(likeness, self.corpus.articles, self.labels))
        return self.labels

    def close(self) -> None:
        """End the children whose results were not asked for (the analysis failed or was cancelled)."""
        for child in (self._pending, self.alike):
            if child is not None:
                child.close()


def apply_overrides(
    labels: Mapping[PassageKey, Boilerplate], overrides: Mapping[PassageKey, bool]
) -> dict[PassageKey, Boilerplate]:
    """The analyst's word wins over the detector's, in both directions."""
    result = dict(labels)
    for key, is_boilerplate in overrides.items():
        if not is_boilerplate:
            result.pop(key, None)
        elif key not in result:
            result[key] = Boilerplate("other", ANALYST_REASON)
    return result
