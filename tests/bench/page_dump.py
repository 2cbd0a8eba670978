"""Whole-page text dumps of saved HTML, one text block per line: the naive scraper the development
pages' README describes, so the labelled window of each page can be found inside its whole page.

The labelled lines cover a window around the article; everything outside it is page chrome. Dumping
the whole page and finding the window in it gives whole-page figures. The dump follows the README's
rules (skipped and hidden elements, block elements end a line, inline text joins); where it differs
from the original scraper the window is not found and the page is left out.
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

SKIP = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "head", "title", "iframe", "object", "embed",
        "canvas", "math", "map", "frame", "frameset", "applet", "audio", "video", "input", "select",
        "option", "textarea", "datalist",
    }
)
BLOCK = frozenset(
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr",
        "td", "th", "blockquote", "pre", "section", "article", "header", "footer", "nav", "aside", "figure",
        "figcaption", "form", "fieldset", "legend", "label", "button", "hr", "br", "tbody", "thead",
        "tfoot", "caption", "center", "address", "main", "body", "html", "noframes",
    }
)
VOID = frozenset(
    {
        "br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "param", "source",
        "track", "wbr",
    }
)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\ufeff]")


class _Dump(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.stack: list[tuple[str, bool]] = []
        self.skipping = 0

    def _break(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.lines.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        hidden = (
            tag in SKIP
            or "hidden" in values
            or (values.get("type") or "").lower() == "hidden"
            or bool(_HIDDEN.search(values.get("style") or ""))
        )
        if tag in BLOCK:
            self._break()
        if tag in VOID:
            return
        if tag in ("p", "li", "td", "tr", "dt", "dd", "option"):
            while self.stack and self.stack[-1][0] == tag and tag in ("p", "li", "dt", "dd", "option"):
                self._pop()
        self.stack.append((tag, hidden))
        if hidden:
            self.skipping += 1

    def _pop(self) -> None:
        _, hidden = self.stack.pop()
        if hidden:
            self.skipping -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK:
            self._break()
        if any(open_tag == tag for open_tag, _ in self.stack):
            while self.stack:
                top = self.stack[-1][0]
                self._pop()
                if top == tag:
                    break

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data)


def page_lines(markup: str) -> list[str]:
    """The page's text blocks, one per line, in reading order."""
    parser = _Dump()
    parser.feed(markup)
    parser.close()
    parser._break()
    clean = (_CONTROL.sub("", html.unescape(line)) for line in parser.lines)
    lines = (unicodedata.normalize("NFC", line).strip() for line in clean)
    return [line for line in lines if line]


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")
