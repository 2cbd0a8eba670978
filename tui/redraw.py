"""What the reader draws from the tagger and the reading state: chips, underlines, notes, the look."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from annotations.corpus.models import Analysis, Article, Boilerplate, PassageKey
from tui.reading import Reading
from tui.tagging_keys import chips_for
from tui.view import OVERRIDE_MARK
from tui.widgets.passage import Look

if TYPE_CHECKING:  # the tagger loads with the store, after the first paint
    from annotations.store.store import Store
    from annotations.store.tagging import Tagger

Chips = dict[PassageKey, tuple[str, ...]]


def changed_chips(
    tagger: Tagger, chips: Mapping[PassageKey, tuple[str, ...]], keys: Sequence[PassageKey]
) -> tuple[Chips, bool]:
    """The chips after a change to `keys` (only their articles re-read), and whether an override moved."""
    articles = set(key[0] for key in keys)
    fresh: Chips = {key: shown for key, shown in chips.items() if key[0] not in articles}
    for article_id in articles:
        fresh.update(chips_for(tagger, article_id))

    def overrides(table: Mapping[PassageKey, tuple[str, ...]], key: PassageKey) -> tuple[str, ...]:
        return tuple(chip for chip in table.get(key, ()) if chip.startswith(OVERRIDE_MARK))

    return fresh, any(overrides(chips, key) != overrides(fresh, key) for key in keys)


def sentence_spans(tagger: Tagger | None, article: Article) -> dict[PassageKey, tuple[tuple[int, int], ...]]:
    """The article's tagged sentences, as offsets in their passage's text."""
    if tagger is None:
        return {}
    found: dict[PassageKey, list[tuple[int, int]]] = {}
    for start, end, _ in tagger.spans(article.id):
        for passage in article.passages:
            if passage.start <= start < passage.end:
                spans = found.setdefault((article.id, passage.index), [])
                spans.append((start - passage.start, end - passage.start))
                break
    return {key: tuple(spans) for key, spans in found.items()}


def notes(tagger: Tagger | None, article: Article) -> dict[PassageKey, str]:
    """The first line of the analyst's note on each passage of the article (sentence notes included)."""
    if tagger is None:
        return {}
    found: dict[PassageKey, str] = {}
    for annotation in tagger.store.for_article(article.id):
        mine = annotation.analyst == tagger.analyst and not annotation.orphan
        if mine and annotation.kind == "note" and annotation.note.strip():
            found.setdefault(annotation.key, annotation.note.strip().splitlines()[0])
    return found


def with_overrides(
    analysis: Analysis, detected: Mapping[PassageKey, Boilerplate], store: Store | None
) -> Analysis:
    """The analysis with the analyst's current overrides (`m`) over the detector's leftovers."""
    from annotations.analysis import apply_overrides

    if store is None:
        return analysis
    return replace(analysis, boilerplate=apply_overrides(dict(detected), store.overrides()))


def look(
    analysis: Analysis, reading: Reading, chips: Mapping[PassageKey, tuple[str, ...]], tagger: Tagger | None
) -> Look:
    """Everything besides the passages that decides how the current article is drawn."""
    article = reading.article
    return Look(
        analysis=analysis,
        chips=chips,
        labels=reading.labels,
        boilerplate=reading.boilerplate,
        repeats=reading.repeats() if reading.new_only else {},
        expanded=frozenset(reading.expanded),
        sentences=sentence_spans(tagger, article) if article else {},
        notes=notes(tagger, article) if article else {},
    )
