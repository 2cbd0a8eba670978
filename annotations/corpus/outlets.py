"""Name each article's outlet for display: metadata, the URL's host, the file name, else its folder.

The label is short ("thesun.co.uk", "nytimes", "AP"), numbered when one outlet has several articles
("nytimes·1", "nytimes·2"), and falls back to the short form of the id when nothing better is known.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from urllib.parse import urlsplit

from annotations.corpus.decode import clean_line
from annotations.corpus.models import Article, id_label

MAX_LABEL = 24
_NUMBERED = re.compile(r"·\d+$")
_DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,12}")
_NAME = re.compile(r"[A-Za-z][A-Za-z&.'-]{1,29}")
_ID_PART = re.compile(r"\d+|[0-9a-f]*\d[0-9a-f]*")
_PARTS = re.compile(r"[_\s]+")
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or"})
# Sites every page links to (ads, sharing, search): never the page's own.
_ELSEWHERE = frozenset(
    {
        *("doubleclick.net", "google.com", "googlesyndication.com", "facebook.com", "twitter.com", "x.com"),
        *("digg.com", "del.icio.us", "delicious.com", "newsvine.com", "reddit.com", "stumbleupon.com"),
        *("addthis.com", "linkedin.com", "youtube.com", "adobe.com", "macromedia.com", "yahoo.com"),
        *("technorati.com", "feedburner.com", "w3.org", "apple.com", "microsoft.com", "quantcast.com"),
    }
)
_SITE_LINKS = 5
_SITE_SHARE = 0.4
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


def site_of_links(hrefs: Iterable[str]) -> str | None:
    """The site most of a page's absolute links point to (its own navigation), if one clearly leads."""
    sites = Counter(site for site in map(_site, hrefs) if site and site not in _ELSEWHERE)
    if not sites:
        return None
    site, count = sites.most_common(1)[0]
    return site if count >= _SITE_LINKS and count >= sum(sites.values()) * _SITE_SHARE else None


def _site(href: str) -> str | None:
    """The registered domain of a link ("news.bbc.co.uk" -> "bbc.co.uk"), roughly."""
    host = host_of(href) if href.startswith(("http://", "https://")) else None
    if host is None:
        return None
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and (labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2) else 2
    return ".".join(labels[-keep:])


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


def outlet(article: Article) -> str:
    """The outlet of an article: its label without the number that tells one outlet's articles apart."""
    return _NUMBERED.sub("", article.label)


def short_label(label: str, width: int) -> str:
    """A label cut to `width` characters, keeping its number: "thesun.co.uk·2" -> "thesu…·2"."""
    if len(label) <= width:
        return label
    head, dot, number = label.rpartition("·")
    suffix = f"{dot}{number}" if dot and number.isdigit() else ""
    base = head if suffix else label
    return base[: max(1, width - len(suffix) - 1)] + "…" + suffix


def _shorten(name: str | None) -> str | None:
    if not name:
        return None
    name = clean_line(name).strip()
    return name if len(name) <= MAX_LABEL else name[: MAX_LABEL - 1].rstrip() + "…"
