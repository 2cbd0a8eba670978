"""What an article is about, as weighted terms: content words, names, and the title counted twice.

Only the title and the lead (the first few thousand characters of non-boilerplate text) are read:
news writing puts the event there, and it keeps the cost flat however long the articles are.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from annotations.corpus.models import Article, PassageKey
from annotations.leftovers.cues import STOPWORDS

LEAD_CHARS = 2000
"""How much of each article's text counts."""
TOP_TERMS = 40
"""Terms kept per article (the rarest-weighted ones); the rest barely move a similarity."""
TITLE_WEIGHT = 2
NAME_WEIGHT = 1.5
"""Extra weight for title words and for names (capitalised inside a sentence)."""

PROSE_WORDS = 12
PROSE_LOWER = 0.5
PROSE_SAMPLE = 300
"""Only passages of this many words, at least this share of them in lower case (in the first
PROSE_SAMPLE characters), are read."""

_WORD = re.compile(r"[a-zß-ÿĀ-ſͰ-ϿЀ-ӿ]{3,}")
"""A lower-case word of three letters or more (Latin, Greek, Cyrillic): an explicit class is
several times faster than Unicode word classes, and this is most of the stage's time."""
_UPPER_START = re.compile(r" [A-Z]")
_NAME_RUN = re.compile(r"(?<=[a-zß-ÿ0-9,;)] )[A-ZÀ-Þ][\w'’-]*\w(?:[ \t]+[A-ZÀ-Þ][\w'’-]*\w)*")
"""Capitalised words after a lower-case word or a comma: names, not the first word of a sentence."""
_NEWS_TEXT = """says told also would could year years new one two three first last week weeks day days
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow percent
    according people time like many much including another since well still even may might must
    get got make made going want says saying reported report reports statement added asked just
    ago around among back however told via per mr ms mrs dr"""
IGNORED = STOPWORDS | frozenset(_NEWS_TEXT.split())
"""Function words and the words of any news report, which say nothing about which event."""


@dataclass(frozen=True, slots=True)
class Terms:
    """One article's terms: weights (unit length), and the names among them as written."""

    weights: dict[str, float]
    names: dict[str, str]
    """Name term -> its first written form ("qin gang" -> "Qin Gang")."""
    name_weights: dict[str, float]
    """The names' weights alone, at unit length: who and where, the surest sign of one event."""


def counts(article: Article, boilerplate: Collection[PassageKey]) -> tuple[dict[str, float], dict[str, str]]:
    """Raw term counts of the title and lead, with names (and two-word names) counted extra."""
    lead: list[str] = []
    budget = LEAD_CHARS
    for passage in article.passages:
        if budget <= 0:
            break
        if (article.id, passage.index) not in boilerplate and _prose(passage.text):
            lead.append(passage.text[:budget])
            budget -= len(passage.text)
    body = "\n".join(lead)
    found: defaultdict[str, float] = defaultdict(float, Counter(_WORD.findall(_fold(body.lower()))))
    for word in _WORD.findall(_fold(article.title.lower())):
        found[word] += TITLE_WEIGHT
    for word in IGNORED.intersection(found):
        del found[word]
    names: dict[str, str] = {}
    _add_names(body, 1, found, names)  # titles are often in Title Case: only the body tells names apart
    return found, names


def _prose(text: str) -> bool:
    """Sentences, not a menu, a list of headlines or a caption credit: enough words, most in lower case."""
    sample = text[:PROSE_SAMPLE]
    words = sample.count(" ") + 1
    return words >= PROSE_WORDS and len(_UPPER_START.findall(sample)) <= (1 - PROSE_LOWER) * words


def _fold(text: str) -> str:
    return text.replace("’", "'").replace("'s ", " ")


def _add_names(text: str, weight: float, found: defaultdict[str, float], names: dict[str, str]) -> None:
    """Names (capitalised inside a sentence) weigh extra; runs of two also count as one term."""
    for run in _NAME_RUN.findall(text):
        words = run.replace("’s", "").replace("'s", "").split()
        kept = [word for word in words if word.lower() not in IGNORED]
        for word in kept:
            lower = word.lower()
            found[lower] += weight * (NAME_WEIGHT - 1)
            names.setdefault(lower, word)
        for first, second in itertools.pairwise(kept):
            pair = f"{first.lower()} {second.lower()}"
            found[pair] += weight
            names.setdefault(pair, f"{first} {second}")


@dataclass(frozen=True, slots=True)
class TermTable:
    """Every article's top terms as parallel numpy arrays, sorted by article (numbers, not strings)."""

    articles: np.ndarray
    terms: np.ndarray
    weights: np.ndarray
    name_weights: np.ndarray
    vocabulary: list[str]
    names: Sequence[dict[str, str]]

    def article(self, number: int) -> Terms:
        """One article's terms as strings (for the reason of a story)."""
        start, end = np.searchsorted(self.articles, [number, number + 1])
        weights = {self.vocabulary[term]: float(value) for term, value in
                   zip(self.terms[start:end], self.weights[start:end], strict=True)}
        named = {self.vocabulary[term]: float(value) for term, value in
                 zip(self.terms[start:end], self.name_weights[start:end], strict=True) if value}
        written = self.names[number]
        return Terms(weights, {term: written[term] for term in named}, named)


def weigh(raw: Sequence[Mapping[str, float]], names: Sequence[dict[str, str]], cap: int) -> TermTable:
    """TF-IDF weights (log tf, smoothed idf), each article's top terms at unit length.

    Terms in more than `cap` articles are left out: they say nothing about one event, and
    skipping them keeps the candidate pairs few. Terms no other article has count in the length.
    Computed over all articles at once with numpy: per-article dicts cost most of the stage.
    """
    vocabulary: dict[str, int] = {}
    number = vocabulary.setdefault
    terms = np.fromiter((number(term, len(vocabulary)) for found in raw for term in found), dtype=np.int64)
    size = len(terms)
    count = np.fromiter((value for found in raw for value in found.values()), dtype=np.float64, count=size)
    pairs = zip(raw, names, strict=True)
    named = np.fromiter((term in known for found, known in pairs for term in found), dtype=bool, count=size)
    sizes = np.fromiter((len(found) for found in raw), dtype=np.int64, count=len(raw))
    articles = np.repeat(np.arange(len(raw)), sizes)
    documents = np.bincount(terms, minlength=len(vocabulary))
    rarity = (1.0 + np.log((len(raw) + 1) / (documents + 1.0))) * (documents <= cap)
    scored = np.where(count <= 1, count, 1.0 + np.log(np.maximum(count, 1.0))) * rarity[terms]
    # The length counts every term, but only terms another article has can link it to one.
    norm = np.sqrt(np.bincount(articles, scored * scored, minlength=len(raw)))
    shared = np.flatnonzero((documents[terms] > 1) & (scored > 0))
    shared = shared[np.lexsort((-scored[shared], articles[shared]))]
    first = np.searchsorted(articles[shared], articles[shared])
    top = shared[np.arange(len(shared)) - first < TOP_TERMS]
    top_articles = articles[top]
    name_scores = scored[top] * named[top]
    name_norm = np.sqrt(np.bincount(top_articles, name_scores * name_scores, minlength=len(raw)))
    return TermTable(
        articles=top_articles,
        terms=terms[top],
        weights=scored[top] / np.where(norm > 0, norm, 1.0)[top_articles],
        name_weights=name_scores / np.where(name_norm > 0, name_norm, 1.0)[top_articles],
        vocabulary=list(vocabulary),
        names=names,
    )
