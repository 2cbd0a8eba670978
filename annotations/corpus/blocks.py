"""The visible text blocks of a web page in reading order, each with the markup around it.

A <head> left open holds the page (as browsers read it), so only its text-free elements are skipped.
Nothing of the page is run: scripts, styles, frames, embedded objects and form controls are skipped
whole, event handlers are attributes (never text), and the parser neither loads a DTD nor touches
the network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotations.corpus.decode import sanitise
from annotations.corpus.reading import Unreadable

if TYPE_CHECKING:
    from lxml import etree

SKIPPED = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "title",
        "iframe",
        "object",
        "embed",
        "canvas",
        "math",
        "map",
        "frame",
        "frameset",
        "applet",
        "audio",
        "video",
        "input",
        "select",
        "option",
        "textarea",
        "datalist",
        "param",
        "source",
        "track",
        "dialog",
        "meta",
        "link",
        "base",
    ]
)
BLOCKS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
        "caption",
        "blockquote",
        "pre",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "aside",
        "figure",
        "figcaption",
        "form",
        "fieldset",
        "legend",
        "label",
        "button",
        "hr",
        "br",
        "main",
        "address",
        "center",
        "details",
        "summary",
        "menu",
        "body",
        "html",
    ]
)
_WORD = re.compile(r"[^\W_]\S*|\S*[^\W_]")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
# A doctype with an internal subset (entity declarations): HTML parsers never expand them, but show "]>".
_HEAD_CHARS = 65_536
_DOCTYPE = re.compile(r"<!DOCTYPE[^>\[]*(?:\[.*?\]\s*)?>", re.I | re.S)

MAX_ELEMENTS = 30_000
"""News pages have a few thousand elements; a page past this is not one, and would take minutes to read."""

Frame = tuple[str, str]
"""An open element: its tag and its class and id words ("div", "share-bar top")."""


@dataclass(frozen=True, slots=True)
class Block:
    """One line of visible text and the elements it sits in, innermost first."""

    text: str
    context: tuple[Frame, ...]
    words: int
    link_words: int


def parse_page(text: str) -> etree._Element:
    """The page's element tree: no comments, no processing instructions, no DTD, no network."""
    import lxml.html  # here, not at the top: a folder of text and JSON never pays for lxml
    from lxml import etree

    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True)
    text = _XML_DECLARATION.sub("", text)
    # The doctype opens the page: never search megabytes of markup for it.
    text = _DOCTYPE.sub("", text[:_HEAD_CHARS], count=1) + text[_HEAD_CHARS:]
    try:
        return lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        return lxml.html.document_fromstring("<html><body></body></html>", parser=parser)


def page_blocks(root: etree._Element) -> list[Block]:
    """Every visible text block under `root`, the way a browser lays them out, in reading order."""
    from lxml import etree

    elements = sum(1 for _ in root.iter())
    if elements > MAX_ELEMENTS:
        raise Unreadable(f"too many elements for a news page ({elements:,}; limit {MAX_ELEMENTS:,})")
    builder = _Builder()
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            skipped = not tag or tag in SKIPPED or _hidden(element)
            builder.open(tag, _hints(element), skipped)
            if skipped:
                walker.skip_subtree()
            else:
                builder.add(element.text)
        else:
            builder.close()
            builder.add(element.tail)
    builder.flush()
    return builder.blocks


class _Builder:
    """Collects inline text into blocks, ending one at every block element."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.stack: list[tuple[str, str, bool]] = []
        self.pieces: list[tuple[str, bool]] = []
        self.context: tuple[Frame, ...] | None = None
        self.links = 0

    def open(self, tag: str, hints: str, skipped: bool) -> None:
        if tag in BLOCKS and not skipped:
            self.flush()
        self.stack.append((tag, hints, skipped))
        if tag == "a" and not skipped:
            self.links += 1

    def close(self) -> None:
        tag, _, skipped = self.stack.pop()
        if skipped:
            return
        if tag == "a":
            self.links -= 1
        if tag in BLOCKS:
            self.flush()

    def add(self, text: str | None) -> None:
        if not text:
            return
        if self.context is None and text.strip():
            self.context = tuple((tag, hints) for tag, hints, _ in reversed(self.stack))
        self.pieces.append((text, self.links > 0))

    def flush(self) -> None:
        text = " ".join("".join(piece for piece, _ in self.pieces).split())
        if not text.isprintable():
            text = " ".join(sanitise(text).split())
        if text and self.context is not None:
            links = sum(_words(piece) for piece, linked in self.pieces if linked)
            words = _words(text)
            self.blocks.append(Block(text, self.context, words, min(links, words)))
        self.pieces, self.context = [], None


def _words(text: str) -> int:
    """Words with a letter or digit: the "|" between links is not one."""
    return len(_WORD.findall(text))


def _hidden(element: etree._Element) -> bool:
    if element.get("hidden") is not None or (element.get("type") or "").lower() == "hidden":
        return True
    return bool(_HIDDEN_STYLE.search(element.get("style") or ""))


def _hints(element: etree._Element) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}".strip().lower()
