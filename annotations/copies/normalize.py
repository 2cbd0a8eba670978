"""Matching form of passage text: words that survive light edits, with offsets into the original.

Every step keeps the text's length, so a word's position in the folded text is its position in the
original: the reader can highlight exactly the shared words.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import repeat

_SPACE = " "
_PUNCTUATION = "!#$%&()*+,/:;<=>?@[\\]^_{|}~…•·¡¿‹›、。，！？：；（）【】《》〈〉"
_FOLD_TABLE = {
        **dict.fromkeys("‘’‚‛′`´", "'"),
        **dict.fromkeys("“”„‟″«»「」『』", '"'),
        # Dashes and hyphens separate words, so "top-line" matches "top line".
        **dict.fromkeys("-‐‑‒–—―−⁃", _SPACE),
        **dict.fromkeys(_PUNCTUATION, _SPACE),
        **dict.fromkeys("\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                        "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\t\n", _SPACE),
        # The marks corpus_tokens puts between passages and for quotes are never words.
        **dict.fromkeys("\x01\x02", _SPACE),
}
_FOLD = str.maketrans(_FOLD_TABLE)
# Invisible characters inside a word must not split it; they are dropped from the word itself.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_DROP_INVISIBLE = str.maketrans(dict.fromkeys(_INVISIBLE + ".", None))
_HAS_INVISIBLE = re.compile(f"[{_INVISIBLE}]")
# "China's" and "China’s" match "China"; two spaces keep the text's length.
_POSSESSIVE = re.compile(r"'s\b")
# A full stop that ends a word is dropped; one inside a word ("U.S", "2.5") is removed from it.
_END_DOT = re.compile(r"\.(?!\w)")
_WORD = re.compile(r"\S+")
_SPAN = re.Match.span
_QUOTED = re.compile(r'"[^"]{1,1000}"')

# English words that carry no content: shingles skip them, and a copied stretch needs more than them.
_FUNCTION = """a an the and or but nor if then than so as of to in on at by for with from into onto upon about
    over under after before since until while during between among through against without within
    that this these those it its is are was were be been being am has have had having do does did
    will would shall should can could may might must not no yes he she they we you i him her them
    me my your his their our mine hers theirs ours who whom whose which what when where why how
    there here all any some more most also just only very too even said says say told"""
FUNCTION_WORDS = frozenset(_FUNCTION.split())


def fold(text: str) -> str:
    """Lower-case `text`, unify quotes, blank out dashes, punctuation and possessives; same length."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(char if len(char.lower()) != 1 else char.lower() for char in text)
    folded = lowered.translate(_FOLD)
    if "'" in folded:
        folded = _POSSESSIVE.sub("  ", folded)
    return folded


def words(text: str) -> list[str]:
    """The matching words of `text`: "U.S." is "us", and soft hyphens vanish."""
    return split(fold(text))


def split(folded: str) -> list[str]:
    """The matching words of text already folded."""
    bare = _bare(folded)
    found = bare.split()
    if "." in bare or _HAS_INVISIBLE.search(bare):
        found = list(map(str.translate, found, repeat(_DROP_INVISIBLE)))
        if "" in found:
            found = [word for word in found if word]
    return found


def word_offsets(text: str) -> list[tuple[int, int]]:
    """(start, end) in `text` of each word `words(text)` returns, in the same order."""
    bare = _bare(fold(text))
    spans = list(map(_SPAN, _WORD.finditer(bare)))
    if _HAS_INVISIBLE.search(bare):
        spans = [(start, end) for start, end in spans if bare[start:end].translate(_DROP_INVISIBLE)]
    return spans


def _bare(folded: str) -> str:
    """Folded text without quote marks and word-final full stops, ready to split on spaces."""
    bare = folded.replace('"', _SPACE).replace("'", _SPACE).replace(". ", "  ")
    if bare.endswith("."):
        bare = bare[:-1] + _SPACE
    return _END_DOT.sub(_SPACE, bare) if "." in bare else bare


SEPARATOR = "\x01"
"""Between passages in `corpus_tokens` (control characters never reach the core: loading strips them)."""
QUOTE_MARK = "\x02"
"""A token `corpus_tokens` puts where a double quote mark stood."""
_MARKS = re.compile("[\x01\x02]")


def _folding_to(target: str, but: str = "") -> re.Pattern[str]:
    """A character class of what `fold` turns into `target`."""
    chars = "".join(key for key, value in _FOLD_TABLE.items() if value == target and key not in but)
    return re.compile(f"[{re.escape(chars)}]")


_TO_SPACE, _TO_SINGLE, _TO_DOUBLE = _folding_to(_SPACE, "\x01\x02"), _folding_to("'"), _folding_to('"')
_DROP = re.compile(f"[.{_INVISIBLE}]")


def corpus_tokens(texts: Sequence[str]) -> list[str]:
    """The matching words of all `texts` in one pass, SEPARATOR after each text and QUOTE_MARK for
    each double quote: the same words `words()` gives text by text, at a fraction of the cost."""
    between = f" {SEPARATOR} "
    joined = between.join(texts) + between
    cleaned = texts
    if joined.count(SEPARATOR) != len(texts) or QUOTE_MARK in joined:
        cleaned = [_MARKS.sub(_SPACE, text) for text in texts]
        joined = between.join(cleaned) + between
    lowered = joined.lower()
    if len(lowered) != len(joined):
        lowered = between.join(map(fold, cleaned)) + between
    else:
        lowered = _TO_DOUBLE.sub('"', _TO_SINGLE.sub("'", _TO_SPACE.sub(_SPACE, lowered)))
        if "'" in lowered:
            lowered = _POSSESSIVE.sub("  ", lowered)
    bare = lowered.replace('"', f" {QUOTE_MARK} ").replace("'", _SPACE).replace(". ", "  ")
    bare = _END_DOT.sub(_SPACE, bare) if "." in bare else bare
    return _DROP.sub("", bare).split()


def quoted(folded: str) -> list[str]:
    """The double-quoted stretches of folded text."""
    return _QUOTED.findall(folded) if '"' in folded else []


def quotations(text: str, offsets: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Word ranges [first, last) of the double-quoted stretches of `text`."""
    starts = [start for start, _ in offsets]
    ends = [end for _, end in offsets]
    ranges: list[tuple[int, int]] = []
    for match in _QUOTED.finditer(fold(text)):
        first, last = bisect_right(starts, match.start()), bisect_left(ends, match.end())
        if first < last:
            ranges.append((first, last))
    return ranges
