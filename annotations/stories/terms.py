"""What an article is about, as weighted terms: content words, names, and the title counted twice.

Only the title and the lead (the first few thousand characters of non-boilerplate text) are read:
news writing puts the event there, and it keeps the cost flat however long the articles are.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

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
"""Only passages of this many words, at least this share of them in lower case, are read."""

_WORD = re.compile(r"[^\W\d_](?:[\w'-]*\w)?")
_NAME_RUN = re.compile(r"[A-Z][\w'’-]*\w(?:[ \t]+[A-Z][\w'’-]*\w)*")
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
    found: defaultdict[str, float] = defaultdict(float)
    names: dict[str, str] = {}
    for text, weight in ((article.title, TITLE_WEIGHT), ("\n".join(lead), 1)):
        words = Counter(_WORD.findall(_fold(text.lower())))
        for word in IGNORED.intersection(words):
            del words[word]
        for word, count in words.items():
            if len(word) > 2:
                found[word] += weight * count
        if weight == 1:  # titles are often in Title Case: only the body tells names apart
            _add_names(text, weight, found, names)
    return found, names


def _prose(text: str) -> bool:
    """Sentences, not a menu, a list of headlines or a caption credit: enough words, most in lower case."""
    words = text.split(None, PROSE_WORDS * 4)
    if len(words) < PROSE_WORDS:
        return False
    return sum(1 for word in words if word[:1].islower()) >= PROSE_LOWER * len(words)


def _fold(text: str) -> str:
    return text.replace("’", "'").replace("'s ", " ")


def _add_names(text: str, weight: float, found: defaultdict[str, float], names: dict[str, str]) -> None:
    """Names (capitalised inside a sentence) weigh extra; runs of two also count as one term."""
    for match in _NAME_RUN.finditer(text):
        if match.start() == 0 or text[: match.start()].rstrip()[-1:] in ".!?:\"“\n":
            run = match.group().split()[1:]  # the first word may only open the sentence
        else:
            run = match.group().split()
        run = [word.removesuffix("'s").removesuffix("’s") for word in run]
        kept = [word for word in run if len(word) > 2 and word.lower() not in IGNORED]
        for word in kept:
            found[word.lower()] += weight * (NAME_WEIGHT - 1)
            names.setdefault(word.lower(), word)
        for first, second in itertools.pairwise(kept):
            pair = f"{first.lower()} {second.lower()}"
            found[pair] += weight
            names.setdefault(pair, f"{first} {second}")


def weigh(raw: Sequence[Mapping[str, float]], names: Sequence[dict[str, str]], cap: int) -> list[Terms]:
    """TF-IDF weights (log tf, smoothed idf), each article's top terms at unit length.

    Terms in more than `cap` articles are left out: they say nothing about one event, and
    skipping them keeps the candidate pairs few. Terms no other article has count in the length.
    """
    documents = Counter(term for found in raw for term in found)
    total = len(raw)
    rarity = {term: 1.0 + math.log((total + 1) / (df + 1)) for term, df in documents.items() if df <= cap}
    result: list[Terms] = []
    for found, written in zip(raw, names, strict=True):
        scored = {
            term: (count if count == 1 else 1.0 + math.log(count)) * rarity[term]
            for term, count in found.items()
            if term in rarity
        }
        # The length counts every term, but only terms another article has can link it to one.
        norm = math.sqrt(sum(value * value for value in scored.values())) or 1.0
        shared = [item for item in scored.items() if documents[item[0]] > 1]
        top = sorted(shared, key=lambda item: -item[1])[:TOP_TERMS]
        weights = {term: value / norm for term, value in top}
        kept = {term: written[term] for term in weights if term in written}
        named = math.sqrt(sum(scored[term] ** 2 for term in kept)) or 1.0
        result.append(Terms(weights, kept, {term: scored[term] / named for term in kept}))
    return result
