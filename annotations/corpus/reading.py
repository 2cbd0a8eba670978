"""Read a file's bytes within the size limit (gzip decompressed as it goes, so a bomb stops early),
and tell the format they hold by their content, since suffixes lie: web page, JSON records, feed or text.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

MAX_BYTES = 8 * 1024 * 1024
"""News articles are kilobytes; a file past this (read or decompressed) is a mistake or an attack."""

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 64 * 1024


class Unreadable(ValueError):
    """A file that cannot be used; the message is the one-line reason."""


class TooLarge(Unreadable):
    """The file, or what it decompresses to, is over the limit."""


def read_capped(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes (decompressed if gzip), raising TooLarge past `limit` and OSError as is."""
    size = path.stat().st_size
    if size > limit:
        raise TooLarge(f"too large ({size / 2**20:.1f} MB, limit {limit // 2**20} MB)")
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"too large (over the {limit // 2**20} MB limit)")
    return gunzip_capped(data, limit) if data.startswith(GZIP_MAGIC) else data


def gunzip_capped(data: bytes, limit: int = MAX_BYTES) -> bytes:
    """Decompress gzip `data`, stopping as soon as the output would pass `limit`."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    pending = data
    try:
        while pending and not inflater.eof:
            out += inflater.decompress(pending, _CHUNK)
            if len(out) > limit:
                raise TooLarge(f"decompresses to more than {limit // 2**20} MB (the limit); stopped")
            pending = inflater.unconsumed_tail
    except zlib.error as error:
        raise Unreadable(f"damaged gzip data ({error})") from error
    if not inflater.eof:
        raise Unreadable("damaged gzip data (cut short)")
    return bytes(out)


HTML, JSON, FEED, TEXT = "html", "json", "feed", "text"
"""The formats `sniff` tells apart."""

_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf|channel)[\s>/]", re.I)
_HTML_START = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|h[1-6]|table|link|script|style)[\s>/]",
    re.I,
)
# An object's first key or a list's first value: "[bold] text" or "{name} said" is prose, not JSON.
_JSON_START = re.compile(rb'\{\s*(?:"|\})|\[\s*(?:[\[{"\]\d-]|true|false|null)')
_MARKUP_NOISE = re.compile(rb"\A(?:\s|<!--.*?-->|<\?xml[^>]*\?>)*", re.S)


def sniff(data: bytes) -> str:
    """The format `data` holds, judged from its first few kilobytes (ASCII-compatible or UTF-16/32 text)."""
    head = _ascii_head(data[:4096])
    if _JSON_START.match(head):
        return JSON
    if head[:1] != b"<":
        return TEXT
    start = _MARKUP_NOISE.match(head)
    first = head[start.end() if start else 0 :]
    if _FEED_ROOT.match(first) or (b"<html" not in head.lower() and _FEED_ROOT.search(head)):
        return FEED
    if _HTML_START.search(head):  # anywhere: pages open with broken doctypes and stray text
        return HTML
    return FEED if first.lower().startswith((b"<!doctype", b"<?xml")) else TEXT


def _ascii_head(sample: bytes) -> bytes:
    """The sample without BOM and leading space, UTF-16/32 narrowed to its ASCII bytes for matching."""
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", b"\xff\xfe", b"\xfe\xff"):
        if sample.startswith(bom):
            sample = sample[len(bom) :]
            break
    if b"\x00" in sample[:64]:
        sample = sample.replace(b"\x00", b"")
    return sample.lstrip()
