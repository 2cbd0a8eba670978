"""Find template lines: short passages that recur across articles of a corpus in different places."""

from __future__ import annotations

import re
from collections.abc import Sequence

from annotations.corpus.models import Article, PassageKey

MAX_CHARS = 160
"""Template lines are short; a long passage that recurs is copied text, which is news."""
MIN_ARTICLES = 3
COMMON_ARTICLES = 6

_DIGITS = re.compile(r"\d+")
_THREE_LETTERS = re.compile(r"[^\W\d_].*[^\W\d_].*[^\W\d_]")


def _norm(text: str) -> str:
    return _DIGITS.sub("0", " ".join(text.lower().split()))


def recurring_lines(articles: Sequence[Article]) -> dict[PassageKey, int]:
    """Passages whose text recurs in at least MIN_ARTICLES articles, with that count.

    A wire story copied by several outlets repeats its subheads too, but always between the same
    paragraphs; a template line ("Advertisement") sits among different text each time. So a line
    counts only when its neighbours differ in at least half of the articles it appears in.
    """
    seen: dict[str, dict[str, set[tuple[str, str]]]] = {}
    for article in articles:
        passages = article.passages
        for index, passage in enumerate(passages):
            if len(passage.text) > MAX_CHARS or not _THREE_LETTERS.search(passage.text):
                continue
            before = passages[index - 1].text[:60] if index else ""
            after = passages[index + 1].text[:60] if index + 1 < len(passages) else ""
            contexts = seen.setdefault(_norm(passage.text), {})
            contexts.setdefault(article.id, set()).add((before, after))
    counts: dict[str, int] = {}
    for norm, contexts in seen.items():
        if len(contexts) >= MIN_ARTICLES:
            distinct = len(set().union(*contexts.values()))
            if 2 * distinct >= len(contexts):
                counts[norm] = len(contexts)
    if not counts:
        return {}
    return {
        (article.id, passage.index): counts[norm]
        for article in articles
        for passage in article.passages
        if len(passage.text) <= MAX_CHARS and (norm := _norm(passage.text)) in counts
    }
