"""What the reader derives from a corpus and its analysis: orders, repeats and summaries."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from annotations.config import Config
from annotations.corpus.models import Analysis, Article, Corpus, Duplicate, PassageKey

SORTS = ("file", "date", "novelty", "unread")
"""The article list's orders, in the order `S` cycles through them ("unread": not yet opened first)."""

REPEAT_SCORE = 0.8
"""A passage at least this much covered by an earlier article's passage is a repeat."""

Chips = Mapping[PassageKey, tuple[str, ...]]

NOTE_CHIP = "✎"
"""The chip of a passage with a note (the reader shows the note's first line after it)."""

OVERRIDE_MARK = "⚑"
"""Starts the chip of an analyst's boilerplate override, which does not make a passage tagged."""


@dataclass(frozen=True, slots=True)
class Summary:
    """The numbers an article's row in the list shows."""

    passages: int
    novelty: float | None
    boilerplate: int
    tagged: int
    read: bool = False


def corpus_summary(corpus: Corpus, analysis: Analysis) -> str:
    """The header's line: the corpus and what the analysis found in it."""
    passages = sum(len(article.passages) for article in corpus.articles)
    copied = sum(1 for duplicates in analysis.duplicates.values() if duplicates)
    return (
        f"{corpus.name} · {len(corpus.articles)} articles · {passages} passages · "
        f"{copied} copied · {len(analysis.boilerplate)} boilerplate"
    )


def problem_notices(corpus: Corpus, config: Config) -> list[str]:
    """What to warn about once the corpus is loaded: a bad settings file, files that did not load."""
    count = len(corpus.problems) + (1 if config.problem else 0)
    lines = [config.problem] if config.problem else []
    if corpus.problems:
        lines.append(f"{count} problem(s) while loading; press ! to list them")
    return lines


def ordered(
    corpus: Corpus, analysis: Analysis, sort: str, read: AbstractSet[str] = frozenset()
) -> list[Article]:
    """The articles in the chosen order; ties keep the file order."""
    articles = list(corpus.articles)
    if sort == "unread":
        return sorted(articles, key=lambda article: article.id in read)
    if sort == "date":
        return sorted(articles, key=lambda article: (article.date is None, article.date or ""))
    if sort == "novelty":
        return sorted(articles, key=lambda article: -analysis.novelty.get(article.id, -1.0))
    return articles


def summary(article: Article, analysis: Analysis, chips: Chips, read: bool = False) -> Summary:
    """Counts for one article (tagged = passages with a tag or note chip; overrides do not count)."""
    return Summary(
        passages=len(article.passages),
        novelty=analysis.novelty.get(article.id),
        boilerplate=_count(article, analysis.boilerplate, lambda _: True),
        tagged=_count(article, chips, lambda shown: any(_tagging(chip) for chip in shown)),
        read=read,
    )


def _count(article: Article, table: Mapping[PassageKey, Any], counts: Callable[[Any], bool]) -> int:
    """How many of the article's passages `table` holds (and `counts` accepts), walking the shorter side.

    A 200,000-line article or a corpus-wide table would make the longer walk the cost of every redraw.
    """
    if len(table) < len(article.passages):
        return sum(1 for key, value in table.items() if key[0] == article.id and counts(value))
    keys = ((article.id, passage.index) for passage in article.passages)
    return sum(1 for key in keys if key in table and counts(table[key]))


def _tagging(chip: str) -> bool:
    return not chip.startswith(OVERRIDE_MARK)


def repeats(order: Sequence[Article], analysis: Analysis, threshold: float = REPEAT_SCORE) -> dict[
    PassageKey, Duplicate
]:
    """Each passage whose text already appeared in an earlier article, with its first appearance."""
    position = {article.id: number for number, article in enumerate(order)}
    found: dict[PassageKey, Duplicate] = {}
    for number, article in enumerate(order):
        for passage in article.passages:
            earlier = [
                duplicate
                for duplicate in analysis.duplicates_of(article.id, passage.index)
                if duplicate.score >= threshold and position.get(duplicate.article, number) < number
            ]
            if earlier:
                found[(article.id, passage.index)] = min(
                    earlier, key=lambda duplicate: (position[duplicate.article], duplicate.passage)
                )
    return found


def shared_spans(analysis: Analysis, key: PassageKey) -> list[tuple[int, int]]:
    """Offsets in the passage's text that also appear in other articles."""
    return [span for duplicate in analysis.duplicates.get(key, ()) for span in duplicate.spans]


def spans_shared_with(analysis: Analysis, key: PassageKey, other: PassageKey) -> list[tuple[int, int]]:
    """Offsets in the passage `key` that it shares with the passage `other`."""
    return [
        span
        for duplicate in analysis.duplicates.get(key, ())
        if (duplicate.article, duplicate.passage) == other
        for span in duplicate.spans
    ]


def pair_passages(analysis: Analysis, first: str, second: str) -> list[tuple[PassageKey, Duplicate]]:
    """The passages of `first` that share text with `second`, in reading order."""
    pairs = [
        ((article_id, index), duplicate)
        for (article_id, index), duplicates in analysis.duplicates.items()
        if article_id == first
        for duplicate in duplicates
        if duplicate.article == second
    ]
    return sorted(pairs, key=lambda pair: (pair[0][1], pair[1].passage))
