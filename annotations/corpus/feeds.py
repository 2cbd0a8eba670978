"""Read an RSS or Atom feed with feedparser: each entry with its full content becomes an article.

A feed that declares its own XML entities is refused before parsing, so nothing is expanded (no
"billion laughs") and no external entity is read; feedparser gets the bytes as a stream, never a
name it could open or fetch.
"""

from __future__ import annotations

import io
import re
import time
from typing import Any

from annotations.corpus.models import Article
from annotations.corpus.reading import Unreadable
from annotations.corpus.records import build_article

_ENTITY = re.compile(rb"<!ENTITY", re.I)


def read_feed(data: bytes, article_id: str, path: str) -> tuple[list[Article], list[str]]:
    """The feed's entries as articles (outlet: the feed's title), and a problem for each entry left out."""
    if _ENTITY.search(data):
        raise Unreadable("the feed declares XML entities (<!ENTITY>); refused, nothing expanded or read")
    import feedparser  # here, not at the top: only a folder that holds a feed pays for it

    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    entries = parsed.get("entries") or []
    if not entries:
        reason = parsed.get("bozo_exception")
        raise Unreadable(
            f"not a feed with entries ({_first_line(reason)})" if reason else "a feed with no entries"
        )
    outlet = parsed.get("feed", {}).get("title")
    articles: list[Article] = []
    problems: list[str] = []
    several = len(entries) > 1
    for number, entry in enumerate(entries, start=1):
        own = f"{article_id}#{number}" if several else article_id
        try:
            articles.append(_entry(entry, own, path, outlet))
        except Unreadable as error:
            problems.append(f"skipped entry {number}: {error}")
    return articles, problems


def _entry(entry: Any, article_id: str, path: str, outlet: str | None) -> Article:
    contents = entry.get("content") or []
    body = contents[0].get("value") if contents else None
    body = body or entry.get("summary") or ""
    if not isinstance(body, str) or not body.strip():
        raise Unreadable("no content or summary")
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return build_article(
        article_id,
        path,
        body,
        title=entry.get("title"),
        date=time.strftime("%Y-%m-%d", stamp) if stamp else None,
        source=outlet,
        url=entry.get("link"),
    )


def _first_line(reason: object) -> str:
    return str(reason).split("\n", 1)[0][:120]
