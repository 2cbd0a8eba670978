"""Find an article's title, date and outlet in its plain text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date

from annotations.corpus.segment import sentences

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = (
    re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{1,2})-(?P<day>\d{1,2})\b"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I),
)
# A leading "date 2023-06-15" marker, as scrapers write it before the text.
_DATE_MARKER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})[ \t]*")
# "Title: ...", "Source: ..." header lines at the very top of a file.
_HEADER_LINE = re.compile(
    r"(?P<key>title|headline|source|outlet|publisher|date|published|author|byline|url)"
    r"\s*:\s*(?P<value>\S.*)",
    re.I,
)
_FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_MD_HEADING = re.compile(r"#{1,2}\s+(?P<title>\S.*)")
_BYLINE_SOURCE = re.compile(r"^By\s+[^|,\n]{2,60}?\s*(?:[|,]|\bfor\b)\s*(?P<source>[A-Z][\w&.' -]{1,40})$")
_DATELINE_SOURCE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}\((?P<source>[A-Z][\w&.' ]{1,24})\)\s*[-—–]")
_SOURCE_LINE = re.compile(r"^(?:Source|Via|Copyright ©?|©)\s*:?\s*(?P<source>[A-Z][\w&.' -]{1,40})\.?$")

_TITLE_MAX = 90


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str
    date: str | None
    source: str | None
    body_start: int
    """Where the article's own text begins, after a date marker or header block."""
    title_guessed: bool = False
    """No header field or heading named the title: it is the first line's first sentence."""


def read_metadata(text: str) -> Metadata:
    """Metadata from a leading marker or header block, else from the first lines of text."""
    fields: dict[str, str] = {}
    body_start = _header_end(text, fields)
    lines = [line.strip() for line in text[body_start:].split("\n") if line.strip()]
    named = fields.get("title") or fields.get("headline") or _heading(lines)
    title = named or _first_sentence(lines)
    date = parse_date(fields.get("date") or fields.get("published") or "")
    if date is None:
        date = next(filter(None, (parse_date(line) for line in lines[:5] if _is_dateline(line))), None)
    source = _clean(fields.get("source") or fields.get("outlet") or fields.get("publisher") or "")
    return Metadata(title, date, source or _find_source(lines), body_start, not named and bool(title))


def _header_end(text: str, fields: dict[str, str]) -> int:
    marker = _DATE_MARKER.match(text)
    if marker:
        fields["date"] = marker.group(1)
        return marker.end()
    front = _FRONT_MATTER.match(text)
    if front:
        for line in front.group("body").split("\n"):
            _read_header_line(line, fields)
        return front.end()
    end = 0
    for line in text.split("\n"):
        if not line.strip() and fields:
            end += len(line) + 1
            break
        if not _read_header_line(line, fields):
            break
        end += len(line) + 1
    return min(end, len(text)) if fields else 0


def _read_header_line(line: str, fields: dict[str, str]) -> bool:
    match = _HEADER_LINE.fullmatch(line.strip())
    if match:
        fields[match.group("key").lower()] = match.group("value").strip().strip("\"'")
    return match is not None


def _heading(lines: list[str]) -> str:
    heading = _MD_HEADING.fullmatch(lines[0]) if lines else None
    return shorten_title(heading.group("title")) if heading else ""


def _first_sentence(lines: list[str]) -> str:
    if not lines:
        return ""
    first = lines[0]
    start, end = sentences(first)[0]
    return shorten_title(first[start:end])


def shorten_title(text: str) -> str:
    """One line of at most `_TITLE_MAX` characters, cut at a word with an ellipsis."""
    text = " ".join(text.split()).strip("# ")
    if len(text) <= _TITLE_MAX:
        return text
    cut = text[: _TITLE_MAX - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:—–- ") + "…"


def _is_dateline(line: str) -> bool:
    """Short lines near the top carry the publication date; a sentence's date is news, not that."""
    return len(line.split()) <= 14 and "@" not in line and not line.endswith((".", "\"", "”"))


def parse_date(text: str) -> str | None:
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        groups = match.groupdict()
        month = int(groups["m"]) if groups.get("m") else _MONTHS[groups["month"].lower()]
        try:
            return Date(int(groups["year"]), month, int(groups["day"])).isoformat()
        except ValueError:
            continue
    return None


def _find_source(lines: list[str]) -> str | None:
    for line in lines[:6]:
        for pattern in (_BYLINE_SOURCE, _DATELINE_SOURCE):
            match = pattern.match(line)
            if match:
                return _clean(match.group("source"))
    for line in lines[-4:]:
        match = _SOURCE_LINE.match(line)
        if match:
            return _clean(match.group("source"))
    return None


def _clean(value: str) -> str | None:
    value = " ".join(value.split()).strip(" .,;:|-—–")
    return value[:60] or None
