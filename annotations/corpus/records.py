"""Read scraper JSON: one article per record (news-please, trafilatura, newspaper and generic fields).

A file holds one record, a list of them (or a list under "articles", "items" ...), or one record
per line (JSON Lines). A record without usable text is a problem with its line, not a crash.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import orjson

from annotations.corpus.decode import sanitise
from annotations.corpus.metadata import parse_date, read_metadata
from annotations.corpus.models import Article
from annotations.corpus.reading import Unreadable
from annotations.corpus.segment import join_blocks, segment
from annotations.corpus.webpage import blocks_text

TITLE = ("title", "headline", "name")
TEXT = ("maintext", "text", "articleBody", "body", "content", "raw_text", "fulltext", "description")
DATE = ("date_publish", "datePublished", "date", "published", "publishedAt", "pubDate", "created",
        "date_modify")
SOURCE = ("sitename", "site_name", "source", "publisher", "outlet", "source_domain", "hostname")
URL = ("url", "link", "canonical_url", "source_url", "href")
OWN_ID = ("id", "_id", "uuid", "record_id")
LISTS = ("articles", "items", "records", "data", "results", "entries", "docs")

_HTML = re.compile(
    r"<(?:p|div|br|span|h[1-6]|a|li|ul|ol|strong|em|b|i|img|figure|section|article|table)\b[^>]*>", re.I
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def read_records(text: str, article_id: str, path: str) -> tuple[list[Article], list[str]]:
    """The articles of a JSON or JSON Lines file, and a one-line problem for each record left out."""
    articles: list[Article] = []
    problems: list[str] = []
    found = list(_records(text))
    several = len(found) > 1
    used: set[str] = set()
    for number, (where, record) in enumerate(found, start=1):
        if isinstance(record, Unreadable):
            problems.append(f"skipped {where}: {record}")
            continue
        own = _own_id(record) if several else None
        suffix = own if own is not None and own not in used else str(number)
        used.add(suffix)
        own_id = f"{article_id}#{suffix}" if several else article_id
        try:
            articles.append(article_from_record(record, own_id, path))
        except Unreadable as error:
            if not several:
                raise
            problems.append(f"skipped {where}: {error}")
    if not articles and not problems:
        raise Unreadable("no records in the JSON")
    return articles, problems


def _records(text: str) -> Iterator[tuple[str, Any]]:
    """(where, record) in file order; a malformed line of JSON Lines comes as (where, Unreadable)."""
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError as error:
        lines = [line for line in text.split("\n") if line.strip()]
        if len(lines) < 2 or not _parses(lines[0]):
            raise Unreadable(f"malformed JSON ({_why(error)})") from None
        yield from _json_lines(text)
        return
    if isinstance(value, dict):
        listed = next((value[key] for key in LISTS if isinstance(value.get(key), list)), None)
        if listed is None:
            yield "the record", value
            return
        value = listed
    if not isinstance(value, list):
        raise Unreadable(f"the JSON holds {_kind(value)}, not records")
    for number, record in enumerate(value, start=1):
        yield f"record {number}", record


def _json_lines(text: str) -> Iterator[tuple[str, Any]]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield f"line {number}", orjson.loads(line)
        except orjson.JSONDecodeError as error:
            yield f"line {number}", Unreadable(f"malformed JSON ({_why(error, lines=False)})")


def _own_id(record: Any) -> str | None:
    """A record's own short id ("a1b2"), when it has one that can be part of an article id."""
    own = _string(record, OWN_ID) if isinstance(record, dict) else None
    own = "".join(sanitise(own).split()) if own else None
    return own if own and len(own) <= 40 and "/" not in own else None


def _kind(value: Any) -> str:
    """What a JSON value is, in words ("a number", "a list")."""
    if isinstance(value, bool) or value is None:
        return "true/false" if value is not None else "null"
    names = {dict: "an object", list: "a list", str: "a string", int: "a number", float: "a number"}
    return names.get(type(value), "a value")


def _parses(line: str) -> bool:
    try:
        orjson.loads(line)
    except orjson.JSONDecodeError:
        return False
    return True


def _why(error: orjson.JSONDecodeError, lines: bool = True) -> str:
    where = f"line {error.lineno}, column {error.colno}" if lines else f"column {error.colno}"
    return f"{str(error).split(':', 1)[0]} at {where}"


def article_from_record(record: Any, article_id: str, path: str) -> Article:
    """One record as an article; Unreadable when it is not an object or has no text."""
    if not isinstance(record, dict):
        raise Unreadable(f"{_kind(record)}, not a record")
    key = next((key for key in TEXT if record.get(key) not in (None, "")), None)
    if key is None:
        raise Unreadable("no text (none of " + ", ".join(TEXT[:6]) + ")")
    body = record[key]
    if not isinstance(body, str):
        raise Unreadable(f'its "{key}" is {_kind(body)}, not text')
    return build_article(
        article_id,
        path,
        body,
        title=_string(record, TITLE),
        date=_string(record, DATE),
        source=_string(record, SOURCE),
        url=_string(record, URL),
    )


def build_article(
    article_id: str, path: str, body: str, *, title: str | None, date: str | None, source: str | None,
    url: str | None,
) -> Article:
    """An article from fields a record or feed entry gives; HTML bodies are cut into their blocks."""
    if _HTML.search(body):
        text, passages = join_blocks(blocks_text(body))
    else:
        text = sanitise(body).strip("\n")
        passages = segment(text)
    if not passages:
        raise Unreadable("no text")
    meta = read_metadata(text) if not (title and date) else None
    named = _one_line(title)
    title = named or (meta.title if meta else "") or article_id
    guessed = not named and (meta is None or meta.title_guessed or not meta.title)
    return Article(
        article_id, path, text, title, _iso(date) or (meta.date if meta else None), _one_line(source),
        passages, url=_one_line(url), title_guessed=guessed,
    )


def _string(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    """The first of `keys` that holds text (or an object's "name"/"title", or a list's first string)."""
    for key in keys:
        value = record.get(key)
        if isinstance(value, dict):
            value = value.get("name") or value.get("title") or value.get("url")
        elif isinstance(value, list):
            value = next((item for item in value if isinstance(item, str)), None)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            return str(value)
    return None


def _one_line(value: str | None) -> str | None:
    return " ".join(sanitise(value).split())[:300] or None if value else None


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    match = _ISO_DATE.match(value.strip())
    if match:
        return "-".join(match.groups())
    return parse_date(value)
