"""Read a saved web page: every visible block is a passage; those outside the article body are leftovers.

trafilatura finds the article body (and the title, date, site name and canonical URL); the blocks
whose words it kept are the article, and every other block is recorded in `page_leftovers` with a
kind and the evidence from the markup around it.
"""

from __future__ import annotations

import re

from annotations.corpus.blocks import Block, page_blocks, parse_page
from annotations.corpus.decode import charset_codec, clean_line, decode
from annotations.corpus.leftover_kinds import classify, is_chrome
from annotations.corpus.metadata import parse_date
from annotations.corpus.models import Article, Boilerplate
from annotations.corpus.outlets import site_of_links
from annotations.corpus.reading import Unreadable
from annotations.corpus.segment import join_blocks

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_WORD = re.compile(r"\w+")
# The page's own markup (meta tags, structured data, <time>) only: the extensive search through the
# text costs three times the rest of the reading, and the dateline near the headline is read below.
_DATES = {"extensive_search": False, "original_date": True}
# "Manchester.com - News", "Star-Telegram.com: | 01/02": the name is the part before the separator.
_NAME_TAIL = re.compile(r"\s+[|\-–—]\s+|:\s+")
_COPYRIGHT_NAME = re.compile(r"©|\(c\)|copyright|all rights", re.I)
_SHINGLE = 3
_BODY_SHARE = 0.5


def read_webpage(data: bytes, article_id: str, path: str) -> Article:
    """The page's blocks as passages, with title, date, outlet and URL from its metadata."""
    import trafilatura  # here, not at the top: it costs a tenth of a second even when no page is read

    root = parse_page(decode_page(data))
    blocks = page_blocks(root)
    if not blocks:
        raise Unreadable("no text in the page")
    linked_site = site_of_links(link.get("href") or "" for link in root.iter("a"))
    found = trafilatura.bare_extraction(
        root, with_metadata=True, include_comments=False, include_tables=True, deduplicate=False,
        date_extraction_params=_DATES,
    )
    body_text = getattr(found, "text", None) or ""
    title = _meta(found, "title")
    in_body = body_blocks(blocks, body_text, title)
    leftovers: dict[int, Boilerplate] = {}
    if any(in_body):
        first_body, last_body = in_body.index(True), len(in_body) - 1 - in_body[::-1].index(True)
        leftovers = {
            index: classify(block, _position(index, first_body, last_body))
            for index, block in enumerate(blocks)
            if not in_body[index]
        }
    text, passages = join_blocks([block.text for block in blocks])
    source = _site_name(found, title) or _meta(found, "hostname") or linked_site
    date = _meta(found, "date") or _dateline(blocks, in_body)
    first = blocks[in_body.index(True)] if True in in_body else blocks[0]
    return Article(
        article_id, path, text, title or first.text[:90], date, source, passages,
        url=_meta(found, "url"), page_leftovers=leftovers, title_guessed=not title,
    )


def blocks_text(data: str) -> list[str]:
    """The visible blocks of an HTML fragment (a feed entry's or a record's content), all kept."""
    return [block.text for block in page_blocks(parse_page(data))]


def decode_page(data: bytes) -> str:
    """The page's text: BOM, then UTF-8, then the charset its <meta> declares, then Windows-1252."""
    declared = _META_CHARSET.search(data[:4096])
    codec = charset_codec(declared.group(1).decode("ascii", "replace")) if declared else None
    return decode(data, None if codec in (None, "utf-8") else codec).text


def body_blocks(blocks: list[Block], body: str, title: str | None) -> list[bool]:
    """Which blocks hold the article: most of their word triples are in `body`, or the headline."""
    words = [word.lower() for word in _WORD.findall(body)]
    shingles = {tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}
    lines = {" ".join(_WORD.findall(line.lower())) for line in body.split("\n")}
    flags: list[bool] = []
    for block in blocks:
        tokens = [word.lower() for word in _WORD.findall(block.text)]
        if len(tokens) >= _SHINGLE:
            own = [tuple(tokens[i : i + _SHINGLE]) for i in range(len(tokens) - _SHINGLE + 1)]
            flags.append(sum(shingle in shingles for shingle in own) >= len(own) * _BODY_SHARE)
        else:
            flags.append(bool(tokens) and " ".join(tokens) in lines)
    for index, block in enumerate(blocks):
        flags[index] = flags[index] and not is_chrome(block)
    _mark_headline(blocks, flags, title)
    return flags


def _mark_headline(blocks: list[Block], flags: list[bool], title: str | None) -> None:
    """The headline is the title's last occurrence before the body (else its first one)."""
    if not title:
        return
    wanted = " ".join(_WORD.findall(title.lower()))
    matches = [i for i, block in enumerate(blocks) if " ".join(_WORD.findall(block.text.lower())) == wanted]
    if not matches:
        return
    first_body = flags.index(True) if True in flags else len(flags)
    before = [i for i in matches if i < first_body]
    flags[before[-1] if before else matches[0]] = True


def _dateline(blocks: list[Block], in_body: list[bool]) -> str | None:
    """A date in a short line near the start of the article body ("Posted 2007-11-24 16:23")."""
    start = in_body.index(True) if True in in_body else 0
    for block in blocks[max(0, start - 3) : start + 6]:
        if block.words <= 14:
            found = parse_date(block.text)
            if found:
                return found
    return None


def _position(index: int, first_body: int, last_body: int) -> str:
    """"before", "inside" or "after" the article body."""
    if index < first_body:
        return "before"
    return "after" if index > last_body else "inside"


def _site_name(found: object, title: str | None) -> str | None:
    """trafilatura's site name, unless it is the headline or a copyright line (old pages give those)."""
    name = _meta(found, "sitename")
    if name is None or len(name) > 60 or _COPYRIGHT_NAME.search(name):
        return None
    name = _NAME_TAIL.split(name.removeprefix("from "), maxsplit=1)[0].strip() or name
    return None if title and name.casefold() in (title.casefold(), title.casefold()[: len(name)]) else name


def _meta(found: object, name: str) -> str | None:
    """One metadata field trafilatura found, cleaned onto one line."""
    value = getattr(found, name, None)
    return clean_line(value).strip()[:200] or None if isinstance(value, str) else None
