"""Name what a web-page block outside the article body is, from the markup around it and its links."""

from __future__ import annotations

import re
from functools import lru_cache

from annotations.corpus.blocks import Block
from annotations.corpus.models import Boilerplate

LEFTOVER_KINDS = (
    "navigation", "related", "promo", "social", "caption", "comments", "metadata", "copyright", "other"
)

_TAGS = {
    "nav": "navigation",
    "menu": "navigation",
    "header": "navigation",
    "aside": "related",
    "figcaption": "caption",
    "figure": "caption",
    "caption": "caption",
    "address": "metadata",
    "time": "metadata",
}
# Words of class and id attributes, by kind; a word matches itself or, when 5 letters or more, a prefix.
_HINT_WORDS = {
    "comments": "comment comments disqus respond reply replies discussion talkback",
    "social": "share sharing social facebook twitter digg addthis bookmark sharebar",
    "promo": "ad ads advert advertisement promo sponsor sponsored "
    "newsletter subscribe banner signup outbrain taboola dfp adsense",
    "caption": "caption credit photo image img figure gallery picture",
    "related": "related recommend recommended popular trending teaser "
    "sidebar headlines mostread more also links widget",
    "metadata": "byline author dateline date timestamp published posted tags category meta editor source",
    "copyright": "copyright legal rights footer disclaimer",
    "navigation": "nav navbar navigation menu breadcrumb breadcrumbs masthead "
    "topbar toolbar header skip tabs search login",
}
_HINTS = {kind: tuple(words.split()) for kind, words in _HINT_WORDS.items()}
_SPLIT = re.compile(r"[^a-z0-9]+")
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved", re.I)
# "By Jane Doe", "Posted 12/14/2007 6:41am", "Updated: 10:02 GMT" (the name's capital is case-sensitive).
_BYLINE = re.compile(
    r"^(?:(?i:by|posted by|written by)\s+[A-Z]|(?i:posted|published|updated|last updated)\b)"
)
# Words of a share bar ("Digg it | Facebook | Email"), in its text rather than its markup.
_SHARE = "share facebook twitter digg newsvine reddit linkedin whatsapp email e-mail print stumbleupon"
_SHARING = frozenset(f"{_SHARE} del.icio.us delicious bookmark tweet it this on x".split())
_LINKS_SHARE = 0.6
_CHROME_LINKS = 0.8
_BYLINE_WORDS = 12
_LONG_PARAGRAPH = 25
"""Words from which a block kept as article text stays so whatever its markup says."""


def classify(block: Block, position: str) -> Boilerplate:
    """The block's kind and the evidence: where it sits, the markup around it, its links."""
    evidence = ["outside the article body" if position != "inside" else "between the article's paragraphs"]
    kind, where = _from_markup(block)
    if where:
        evidence.append(where)
    linked = block.words > 0 and block.link_words >= block.words * _LINKS_SHARE
    if block.link_words:
        evidence.append(f"{block.link_words} of {block.words} words are links")
    if _COPYRIGHT.search(block.text) and block.words <= 40:
        kind = "copyright"
        evidence.append("a copyright notice")
    elif kind is None and _is_byline(block):
        kind = "metadata"
        evidence.append("a byline or dateline")
    if kind is None and _names_sharing(block.text):
        kind = "social"
        evidence.append("names sharing services")
    if kind is None:
        kind = ("navigation" if position == "before" else "related") if linked else "other"
    return Boilerplate(kind, "; ".join(evidence))


def is_chrome(block: Block) -> bool:
    """Page chrome an extractor may keep on a small page: named so by its markup, all links, a notice."""
    if block.words >= _LONG_PARAGRAPH:
        return False
    if _from_markup(block)[0] is not None:
        return True
    if block.words >= 2 and block.link_words >= block.words * _CHROME_LINKS:
        return True
    return bool(_COPYRIGHT.search(block.text)) or _is_byline(block)


def _names_sharing(text: str) -> bool:
    words = [word.strip("|·•:,()").lower() for word in text.split()]
    words = [word for word in words if word]
    return len(words) >= 2 and sum(word in _SHARING for word in words) >= len(words) * 0.8


def _is_byline(block: Block) -> bool:
    return block.words <= _BYLINE_WORDS and _BYLINE.match(block.text) is not None


def _from_markup(block: Block) -> tuple[str | None, str]:
    """The innermost element that names a kind, by its tag or its class and id words."""
    for tag, hints in block.context:
        if tag in _TAGS:
            return _TAGS[tag], f"inside <{tag}>"
        named = _named_kind(hints) if hints else None
        if named is not None:
            return named[0], f'inside <{tag}> named "{named[1][:40]}"'
        if tag == "footer":
            return "copyright" if _COPYRIGHT.search(block.text) else "navigation", "inside <footer>"
    return None, ""


@lru_cache(maxsize=4096)
def _named_kind(hints: str) -> tuple[str, str] | None:
    """The kind a class or id names ("share-tools" -> social), and that name; pages repeat them."""
    for name in hints.split():
        words = [word for word in _SPLIT.split(name) if word]
        for kind, names in _HINTS.items():
            if any(_matches(word, names) for word in words):
                return kind, name
    return None


def _matches(word: str, names: tuple[str, ...]) -> bool:
    return any(word == name or (len(name) >= 5 and word.startswith(name)) for name in names)
