"""Group articles into stories: rare shared terms propose pairs, evidence scores them, linkage groups them.

Evidence per pair: the cosine of their TF-IDF term weights (title and names weigh more), a boost
for copied passages between them, and a discount when their dates lie days apart. Candidate pairs
come only from an inverted index of each article's top terms, so the work grows with the corpus,
not with its square.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date as Date

from annotations.corpus.models import Article, Duplicate, PassageKey, Story
from annotations.corpus.outlets import outlet
from annotations.stories.similarity import average_linkage, term_similarities
from annotations.stories.terms import Terms, TermTable, counts, weigh

THRESHOLD = 0.2
"""Least average similarity for two groups to be one story (tuned on tests/data/stories and the seeds)."""
TEXT_SHARE = 0.7
NAME_SHARE = 0.3
"""The shares of the similarity that the cosine of all terms and the cosine of names alone make."""
PASSAGE_WEIGHT = 0.6
PASSAGE_CAP = 0.5
"""Copied text adds up to PASSAGE_WEIGHT x its share, the share capped at PASSAGE_CAP."""
SAME_DAYS = 2
"""Dates this many days apart cost nothing; each further day costs DAY_COST, down to DAY_FLOOR."""
DAY_COST = 0.15
DAY_FLOOR = 0.3
MAX_POSTINGS = 100
"""A term in more articles than this (or a 40th of them) proposes no pairs and has no weight."""
FLOOR = THRESHOLD / 2
"""Pairs weaker than this are dropped: they barely move an average, and they are most pairs."""
COMMON_TERMS = 3


@dataclass(frozen=True)
class Likeness:
    """What the words alone say: each article's terms, and the term similarity of the pairs that have
    one. It needs no copy analysis, so it can be worked out while the copies are."""

    terms: TermTable
    pairs: dict[tuple[int, int], float]


def likeness(articles: Sequence[Article], boilerplate: Collection[PassageKey] = frozenset()) -> Likeness:
    """Terms from the title and lead of each article's text (leftovers skipped), and pairs alike."""
    raw = [counts(article, boilerplate) for article in articles]
    cap = max(MAX_POSTINGS, len(articles) // 40)
    terms = weigh([found for found, _ in raw], [names for _, names in raw], cap)
    del raw  # a dict per article (120 MB at 5,000): gone before the pairs are summed
    return Likeness(terms, term_similarities(terms, len(articles), cap, FLOOR, TEXT_SHARE, NAME_SHARE))


def group_stories(
    articles: Sequence[Article],
    boilerplate: Collection[PassageKey] = frozenset(),
    overlap: Mapping[tuple[str, str], float] | None = None,
    duplicates: Mapping[PassageKey, tuple[Duplicate, ...]] | None = None,
    found: Likeness | None = None,
) -> tuple[Story, ...]:
    """Every article in exactly one story, largest stories first (`found`: their likeness, if known)."""
    if not articles:
        return ()
    found = found or likeness(articles, boilerplate)
    edges = _edges(articles, found.pairs, overlap or {})
    groups = average_linkage(len(articles), edges, THRESHOLD)
    return tuple(
        _story(f"s{number}", articles, found.terms, group, edges, duplicates or {})
        for number, group in enumerate(groups, start=1)
    )


def _edges(
    articles: Sequence[Article],
    dots: Mapping[tuple[int, int], float],
    overlap: Mapping[tuple[str, str], float],
) -> dict[tuple[int, int], float]:
    """Scored candidate pairs (lower number first): term cosine, copy boost, date discount."""
    number_of = {article.id: number for number, article in enumerate(articles)}
    shares: dict[tuple[int, int], float] = {}
    for (one_id, two_id), share in overlap.items():
        one, two = number_of.get(one_id, -1), number_of.get(two_id, -1)
        if one < 0 or two < 0 or one == two:
            continue
        pair = (one, two) if one < two else (two, one)
        if share > shares.get(pair, 0.0):
            shares[pair] = share
    days = [_day(article.date) for article in articles]
    edges: dict[tuple[int, int], float] = {}
    for pair in dots.keys() | shares.keys():
        boost = PASSAGE_WEIGHT * min(shares.get(pair, 0.0), PASSAGE_CAP)
        score = (dots.get(pair, 0.0) + boost) * _date_factor(days[pair[0]], days[pair[1]])
        if score >= FLOOR:
            edges[pair] = score
    return edges


def _day(value: str | None) -> Date | None:
    try:
        return Date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _date_factor(one: Date | None, two: Date | None) -> float:
    if one is None or two is None:
        return 1.0
    apart = abs((one - two).days) - SAME_DAYS
    return 1.0 if apart <= 0 else max(DAY_FLOOR, 1.0 - DAY_COST * apart)


def _story(
    story_id: str,
    corpus: Sequence[Article],
    every: TermTable,
    group: list[int],
    edges: Mapping[tuple[int, int], float],
    duplicates: Mapping[PassageKey, tuple[Duplicate, ...]],
) -> Story:
    articles = [corpus[node] for node in group]
    terms = [every.article(node) for node in group] if len(group) > 1 else []
    ids = [article.id for article in articles]
    dates = sorted(article.date[:10] for article in articles if article.date)
    return Story(
        id=story_id,
        title=_central(articles, group, edges).title,
        articles=tuple(ids),
        outlets=tuple(dict.fromkeys(outlet(article) for article in articles)),
        first=dates[0] if dates else None,
        reason=_reason(articles, terms, duplicates),
    )


def _central(articles: list[Article], group: list[int], edges: Mapping[tuple[int, int], float]) -> Article:
    """The article most similar to the rest of its story (its title names the story)."""
    if len(group) > 2:
        total = [
            sum(edges.get((min(one, two), max(one, two)), 0.0) for two in group if two != one)
            for one in group
        ]
        return articles[max(range(len(group)), key=lambda at: (total[at], -at))]
    return articles[0]


def _reason(
    articles: list[Article], terms: list[Terms], duplicates: Mapping[PassageKey, tuple[Duplicate, ...]]
) -> str:
    """Why the story holds together: how many passages its articles share, and their common terms."""
    if len(articles) == 1:
        return "1 article; no other article shares its passages or its rare terms"
    ids = {article.id for article in articles}
    passages = sum(
        1
        for article in articles
        for passage in article.passages
        if any(
            d.article in ids and d.article != article.id
            for d in duplicates.get((article.id, passage.index), ())
        )
    )
    head = f"{len(articles)} articles share {passages} passages" if passages else f"{len(articles)} articles"
    common = _common_terms(terms)
    return f"{head}; common terms: {', '.join(common)}" if common else head


def _common_terms(terms: list[Terms]) -> list[str]:
    """The terms most of the story's articles weigh highly, names preferred, without repeats."""
    held: Counter[str] = Counter()
    weight: dict[str, float] = defaultdict(float)
    written: dict[str, str] = {}
    for found in terms:
        held.update(found.weights.keys())
        for term, value in found.weights.items():
            weight[term] += value
        written.update(found.names)
    least = max(2, math.ceil(len(terms) / 2))
    ranked = sorted(
        (term for term in held if held[term] >= least),
        key=lambda term: (term not in written, -weight[term], term),
    )
    chosen: list[str] = []
    for term in ranked:
        words = set(term.split())
        if any(words <= set(other.split()) or set(other.split()) <= words for other in chosen):
            continue
        chosen.append(term)
        if len(chosen) == COMMON_TERMS:
            break
    return [written.get(term, term) for term in chosen]
