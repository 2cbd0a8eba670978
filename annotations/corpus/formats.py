"""Tell a file's format by its content (suffixes lie): web page, JSON records, feed or text."""

from __future__ import annotations

import re

HTML, JSON, FEED, TEXT = "html", "json", "feed", "text"

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
    if _HTML_START.match(first) or b"<html" in head.lower():
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
