"""Find template lines: short passages that recur across articles of a corpus in different places."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

from annotations.corpus.models import Article, PassageKey

MAX_CHARS = 160
"""Template lines are short; a long passage that recurs is copied text, which is news."""
MIN_ARTICLES = 3
COMMON_ARTICLES = 6
OUTLET_ARTICLES = 2

_DIGITS = re.compile(r"\d+")
_THREE_LETTERS = re.compile(r"[^\W\d_].*[^\W\d_].*[^\W\d_]")


def _norm(text: str, memo: dict[str, str]) -> str:
    """Case, spacing and digits folded; remembered, since template lines recur."""
    folded = memo.get(text)
    if folded is None:
        folded = memo[text] = _DIGITS.sub("0", " ".join(text.lower().split()))
    return folded


def recurring_lines(articles: Sequence[Article]) -> dict[PassageKey, int]:
    """Passages whose text recurs in at least MIN_ARTICLES articles, with that count.

    A wire story copied by several outlets repeats its subheads too, but always between the same
    paragraphs; a template line ("Advertisement") sits among different text each time. So a line
    counts only when its neighbours differ in at least half of the articles it appears in.
    """
    return _recurring(articles, MIN_ARTICLES, lambda distinct, seen: 2 * distinct >= seen)


def outlet_lines(articles: Sequence[Article]) -> dict[PassageKey, int]:
    """Passages repeated in two or more articles of one outlet, each time between different text.

    An outlet's pages share a template, so its sign-up box or footer recurs even in a small corpus;
    an update of the same story repeats its lines between the same neighbours and does not count.
    """
    outlets: dict[str, list[Article]] = {}
    for article in articles:
        name = outlet_of(article)
        if name:
            outlets.setdefault(name, []).append(article)
    found: dict[PassageKey, int] = {}
    for group in outlets.values():
        if len(group) >= OUTLET_ARTICLES:
            found.update(_recurring(group, OUTLET_ARTICLES, lambda distinct, seen: distinct >= seen))
    return found


def outlet_of(article: Article) -> str:
    """The site's host name when the URL is known, else the source named in the file."""
    if article.url:
        host = urlsplit(article.url).hostname or ""
        return host.removeprefix("www.")
    return (article.source or "").strip().lower()


def _recurring(
    articles: Sequence[Article], fewest: int, varied: Callable[[int, int], bool]
) -> dict[PassageKey, int]:
    seen: dict[str, dict[str, set[tuple[str, str]]]] = {}
    memo: dict[str, str] = {}
    for article in articles:
        passages = article.passages
        for index, passage in enumerate(passages):
            if len(passage.text) > MAX_CHARS or not _THREE_LETTERS.search(passage.text):
                continue
            before = passages[index - 1].text[:60] if index else ""
            after = passages[index + 1].text[:60] if index + 1 < len(passages) else ""
            contexts = seen.setdefault(_norm(passage.text, memo), {})
            contexts.setdefault(article.id, set()).add((before, after))
    counts: dict[str, int] = {}
    for norm, contexts in seen.items():
        if len(contexts) >= fewest and varied(len(set().union(*contexts.values())), len(contexts)):
            counts[norm] = len(contexts)
    if not counts:
        return {}
    return {
        (article.id, passage.index): counts[norm]
        for article in articles
        for passage in article.passages
        if len(passage.text) <= MAX_CHARS and (norm := _norm(passage.text, memo)) in counts
    }
