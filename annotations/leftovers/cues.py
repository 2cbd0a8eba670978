"""What a cue is (named, weighted evidence that a passage is a web-page leftover) and how cues combine.

Each cue has a name (shown to the analyst in the reason), the kind of leftover it implies, a
weight (how sure it makes us, 0..1; cues combine as independent evidence) and a test. Tests see
the passage in lower case unless the cue is `cased`. A cue only looks at passages up to
`max_words` long, so a long paragraph that merely mentions "comments" or "Twitter" is left alone,
and only when one of its `needles` (plain substrings) occurs, which keeps the scan cheap.

The table of cues read from a passage's own text is `text_cues.TEXT_CUES` (with the page
furniture in `page_cues`); the cues read from a passage's neighbours are here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Cue:
    """One piece of evidence that a passage is a leftover, and what kind it points to."""

    name: str
    kind: str
    weight: float
    why: str
    test: Callable[[str], object] | None = None
    """None for cues read from the neighbouring passages rather than the text."""
    max_words: int = 10_000
    needles: tuple[str, ...] = ()
    cased: bool = False
    at_end: bool = False
    """Only near the end of the article's text (author notes follow its last paragraph)."""
    tail: bool = False
    """The test reads only the passage's end, so its needles are looked for in the last TAIL chars."""


@dataclass(frozen=True, slots=True)
class Search:
    """A test that is one regular expression search, of the whole passage or of its end.

    The detector can combine such tests into one pattern that rules many cues out at once.
    """

    pattern: re.Pattern[str]
    size: int = 0
    """0: the whole passage; otherwise only its last `size` characters."""

    def __call__(self, text: str) -> object:
        return self.pattern.search(text[-self.size :] if self.size else text)


def rx(pattern: str) -> Search:
    """A search compiled once (patterns are written for lower-case text)."""
    return Search(re.compile(pattern))


TAIL = 240
"""The longest end of a passage a `_tail` test reads."""


def tail(pattern: str, size: int = 160) -> Search:
    """A search of the passage's last `size` characters, for cues about how a passage ends."""
    return Search(re.compile(pattern), size)


def dated_tail(pattern: str, size: int) -> Callable[[str], object]:
    """A tail search that only runs on passages ending in a number, as dated captions do."""
    search = tail(pattern, size)
    return lambda text: text.rstrip(". ")[-1:].isdigit() and search(text)


AGENCY = (
    r"getty(?: images)?|ap(?: photo)?|afp|reuters|efe|anadolu(?: agency)?|kyodo|xinhua"
    r"|shutterstock|istock|alamy|aap|dpa|ansa|pti|ians|sipa|zuma|nurphoto|sopa|bloomberg"
)
"""News agencies and photo libraries, as named in credits and on their own lines."""

# Cues read from a passage's neighbours or from the rest of the corpus rather than its own text.
EMBED_TEXT = Cue("embed-text", "social", 0.9, "text of the post attributed on the next line")
BETWEEN_LEFTOVERS = Cue("between-leftovers", "other", 0.6, "a short line among leftovers")
TRAILS_ARTICLE = Cue("trails-article", "other", 0.55, "a short unpunctuated line before leftovers")
HEADLINE_IN_BODY = Cue("headline-in-body", "related", 0.55, "a headline-like line amid the article")
ABOVE_HEADLINE = Cue("above-headline", "other", 0.55, "an unpunctuated line above the headline")
BELOW_HEADLINE = Cue("below-headline", "metadata", 0.55, "a short line between headline and text")
AFTER_TEXT = Cue("after-text", "other", 0.55, "a short line after the article's last paragraph")
BEFORE_TEXT = Cue("before-text", "other", 0.55, "a line with a weak cue above the first paragraph")
TEMPLATE_LINE = Cue("template-line", "other", 0.45, "recurs across articles in different places")
TEMPLATE_LINE_COMMON = Cue("template-line", "other", 0.7, "recurs across many articles")
TEMPLATE_LINE_OUTLET = Cue(
    "template-line", "other", 0.5, "recurs in other articles of the same outlet, among different text"
)


def combined(found: Sequence[Cue]) -> float:
    """Independent pieces of evidence: the chance that at least one of them is right."""
    doubt = 1.0
    for cue in found:
        doubt *= 1.0 - cue.weight
    return 1.0 - doubt


def phrase_cues(phrases: tuple[str, ...] | list[str]) -> tuple[Cue, ...]:
    """The analyst's extra phrases from the config, each its own cue."""
    cues: list[Cue] = []
    for phrase in dict.fromkeys(" ".join(phrase.lower().split()) for phrase in phrases):
        if phrase:
            cues.append(
                Cue(f"phrase '{phrase[:40]}'", "other", 0.9, "a configured phrase", _contains(phrase))
            )
    return tuple(cues)


STOPWORDS = frozenset(
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
        "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
        "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few",
        "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
        "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself",
        "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on",
        "once", "only", "or", "other", "our", "ours", "out", "over", "own", "said", "same", "she",
        "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves",
        "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until",
        "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
        "why", "will", "with", "would", "you", "your", "yours"
    }
)


def _contains(phrase: str) -> Callable[[str], bool]:
    return lambda text: phrase in text
