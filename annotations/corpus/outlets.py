"""Name each article's outlet for display: metadata, the URL's host, the file name, else its folder.

The label is short ("thesun.co.uk", "nytimes", "AP"), numbered when one outlet has several articles
("nytimes·1", "nytimes·2"), and falls back to the short form of the id when nothing better is known.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from urllib.parse import urlsplit

from annotations.corpus.decode import clean_line
from annotations.corpus.models import Article, id_label

MAX_LABEL = 24
_DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,12}")
_NAME = re.compile(r"[A-Za-z][A-Za-z&.'-]{1,29}")
_ID_PART = re.compile(r"\d+|[0-9a-f]*\d[0-9a-f]*")
_PARTS = re.compile(r"[_\s]+")
_HOST_PREFIXES = ("www.", "www1.", "www2.", "m.", "amp.", "mobile.")


def outlet_name(article: Article, folder: str | None) -> str | None:
    """The best name for the article's outlet, or None when nothing names it."""
    if article.source:
        return article.source
    host = host_of(article.url)
    if host:
        return host
    from_file = name_in_file(os.path.basename(article.path))
    if from_file:
        return from_file
    return clean_line(folder).strip() or None if folder else None


def host_of(url: str | None) -> str | None:
    """The host of `url` without "www." ("https://www.bbc.co.uk/news/x" -> "bbc.co.uk")."""
    if not url:
        return None
    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return None
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix) :]
            break
    return host if _DOMAIN.fullmatch(host) else None


def name_in_file(name: str) -> str | None:
    """A domain ("00_thesun.co.uk.txt") or an outlet beside a number ("03_reuters.txt") in a file name."""
    stem = re.sub(r"(?:\.(?:txt|md|html?|json|jsonl|ndjson|xml|rss|atom))?(?:\.gz)?$", "", name, flags=re.I)
    parts = [part for part in _PARTS.split(stem) if part]
    for part in parts:
        host = host_of(f"http://{part}") if _DOMAIN.fullmatch(part.lower()) else None
        if host:
            return host
    if len(parts) == 2:
        for this, other in (parts, parts[::-1]):
            if _NAME.fullmatch(this) and _ID_PART.fullmatch(other.lower()):
                return this
    return None


def with_labels(articles: Sequence[Article], folders: Sequence[str | None]) -> list[Article]:
    """The articles with their display labels, numbered where an outlet has several."""
    names = [_shorten(outlet_name(a, folder)) for a, folder in zip(articles, folders, strict=True)]
    labels = [name or id_label(a.id) for name, a in zip(names, articles, strict=True)]
    counts = Counter(label.casefold() for label in labels)
    seen: Counter[str] = Counter()
    result = []
    for article, label in zip(articles, labels, strict=True):
        key = label.casefold()
        if counts[key] > 1:
            seen[key] += 1
            label = f"{label}·{seen[key]}"
        result.append(replace(article, label=label))
    return result


def _shorten(name: str | None) -> str | None:
    if not name:
        return None
    name = clean_line(name).strip()
    return name if len(name) <= MAX_LABEL else name[: MAX_LABEL - 1].rstrip() + "…"
