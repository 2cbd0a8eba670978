"""Split an article's text into passages (paragraphs) that keep their offsets."""

from __future__ import annotations

import re
from itertools import pairwise

from annotations.corpus.models import Passage

_BULLET = re.compile(r"\s*(?:[-*+•]|\d{1,3}[.)])\s")
_SENTENCE_END = re.compile(r"[.!?:;\"'”’)\]]\s*$")

# A hard-wrapped block is cut near one width; lines of a page are not.
_WRAP_MIN_WIDTH = 30
_WRAP_MAX_WIDTH = 100
_WRAP_SLACK = 0.7


def segment(text: str, start: int = 0) -> tuple[Passage, ...]:
    """Paragraphs of `text[start:]`: blank-line blocks, lines, or re-joined hard wraps."""
    passages: list[Passage] = []
    for block in _blocks(text, start):
        for first, last in _paragraphs(text, block):
            passages.append(Passage(len(passages), first, last, text[first:last]))
    return tuple(passages)


def _lines(text: str, start: int) -> list[tuple[int, int]]:
    """Stripped (start, end) of every line from `start`; blank lines as (-1, -1)."""
    lines: list[tuple[int, int]] = []
    offset = start
    for raw in text[start:].split("\n"):
        stripped = raw.strip()
        if stripped:
            first = offset + len(raw) - len(raw.lstrip())
            lines.append((first, first + len(stripped)))
        else:
            lines.append((-1, -1))
        offset += len(raw) + 1
    return lines


def _blocks(text: str, start: int) -> list[list[tuple[int, int]]]:
    blocks: list[list[tuple[int, int]]] = [[]]
    for line in _lines(text, start):
        if line[0] < 0:
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append(line)
    return [block for block in blocks if block]


def _paragraphs(text: str, block: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A block is one paragraph when it is hard-wrapped, else one paragraph per line."""
    if len(block) > 1 and _is_hard_wrapped(text, block):
        return [(block[0][0], block[-1][1])]
    return block


def _is_hard_wrapped(text: str, block: list[tuple[int, int]]) -> bool:
    lines = [text[first:last] for first, last in block]
    if any(_BULLET.match(line) for line in lines[1:]):
        return False
    width = max(len(line) for line in lines)
    if not _WRAP_MIN_WIDTH <= width <= _WRAP_MAX_WIDTH:
        return False
    for line, following in pairwise(lines):
        if len(line) < width * _WRAP_SLACK:
            return False
        # Had the next word fitted, the wrapper would have put it on this line.
        if len(line) + 1 + len(following.split(maxsplit=1)[0]) <= width:
            return False
    if len(lines) == 2:
        return _continues(lines[0], lines[1])
    return True


def _continues(line: str, following: str) -> bool:
    """Two lines alone prove no width: join them only when the sentence runs on."""
    return not _SENTENCE_END.search(line) and (following[0].islower() or line[-1] in ",-–—")


# Words that end in a full stop without ending a sentence.
_ABBREVIATIONS = frozenset(
    {
        *("mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "col", "lt", "sgt"),
        *("capt", "gov", "sen", "rep", "rev", "hon", "pres", "inc", "ltd", "co", "corp", "dept"),
        *("univ", "vs", "etc", "al", "approx", "no", "nos", "fig", "est", "jan", "feb", "mar"),
        *("apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "a.m", "p.m", "e.g"),
        *("i.e", "u.s", "u.k", "u.n"),
    }
)
_SENTENCE_BREAK = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`, not splitting after "U.S." or "Mr."."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _SENTENCE_BREAK.finditer(text):
        word = text[begin : match.start() + 1].split()[-1].rstrip(".").lower()
        if match.group()[0] == "." and (word in _ABBREVIATIONS or len(word) == 1 or "." in word):
            continue
        spans.append((begin, match.end()))
        begin = match.end()
        while begin < len(text) and text[begin].isspace():
            begin += 1
    if text[begin:].strip():
        spans.append((begin, len(text.rstrip())))
    return spans


def join_blocks(blocks: list[str]) -> tuple[str, tuple[Passage, ...]]:
    """The text of blocks already cut (a web page's), one passage each, separated by blank lines."""
    passages: list[Passage] = []
    offset = 0
    for block in blocks:
        passages.append(Passage(len(passages), offset, offset + len(block), block))
        offset += len(block) + 2
    return "\n\n".join(blocks), tuple(passages)
