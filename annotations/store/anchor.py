"""Targets that survive edits: quote, prefix and suffix are found again in a changed article."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from difflib import SequenceMatcher

from annotations.corpus.models import Annotation, Article, Corpus, Passage, Target

CONTEXT = 32
"""Characters of prefix and suffix kept around a quote (enough to tell repeats apart)."""

WINDOW = 3000
"""How far around the old position the fuzzy search looks first."""

MIN_SIMILARITY = 0.75
"""How alike the found text must be to the quote for a fuzzy match to count."""


def text_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_target(article: Article, index: int, span: tuple[int, int] | None = None) -> Target:
    """A target for a whole passage, or for `span` (article offsets) inside it."""
    passage = article.passages[index]
    start, end = (passage.start, passage.end) if span is None else span
    if not passage.start <= start < end <= passage.end:
        raise ValueError(f"span {start}-{end} is outside passage {index}")
    return Target(
        passage=index,
        start=start,
        end=end,
        exact=article.text[start:end],
        prefix=article.text[max(0, start - CONTEXT) : start],
        suffix=article.text[end : end + CONTEXT],
        scope="passage" if span is None else "span",
    )


def locate(target: Target, article: Article) -> Target | None:
    """Where `target` sits in (a possibly edited) `article`, or None when it cannot be placed."""
    span = _exact_span(target, article.text) or _fuzzy_span(target, article.text)
    if span is None:
        return None
    if target.scope == "passage":
        passage = _best_passage(article.passages, span, whole=True)
        return None if passage is None else make_target(article, passage.index)
    passage = _best_passage(article.passages, span, whole=False)
    if passage is None:
        return None
    start, end = max(span[0], passage.start), min(span[1], passage.end)
    return make_target(article, passage.index, (start, end)) if start < end else None


def reanchor(annotations: tuple[Annotation, ...] | list[Annotation], corpus: Corpus) -> list[Annotation]:
    """Annotations of changed articles moved to where their text sits now (or flagged orphan)."""
    hashes = {article.id: (article, text_hash(article.text)) for article in corpus.articles}
    moved: list[Annotation] = []
    for annotation in annotations:
        found = hashes.get(annotation.article)
        if found is None:
            continue
        article, digest = found
        if digest == annotation.article_hash and not annotation.orphan:
            continue
        moved.append(_moved(annotation, article, digest))
    return moved


def _moved(annotation: Annotation, article: Article, digest: str) -> Annotation:
    target = locate(annotation.target, article)
    if target is None:
        return replace(annotation, orphan=True)
    return replace(
        annotation,
        target=target,
        article_hash=digest,
        article_path=article.path or annotation.article_path,
        article_title=article.title or annotation.article_title,
        orphan=False,
    )


def _exact_span(target: Target, text: str) -> tuple[int, int] | None:
    """The occurrence of the quote whose context and position agree best with the old ones."""
    quote = target.exact
    if not quote:
        return None
    if text[target.start : target.end] == quote and _context_score(target, text, target.start) == 2:
        return target.start, target.end
    best: tuple[float, int] | None = None
    position = text.find(quote)
    while position >= 0:
        score = _context_score(target, text, position) - abs(position - target.start) / (len(text) + 1)
        if best is None or score > best[0]:
            best = (score, position)
        position = text.find(quote, position + 1)
    return None if best is None else (best[1], best[1] + len(quote))


def _context_score(target: Target, text: str, position: int) -> int:
    before = text[max(0, position - len(target.prefix)) : position]
    after = text[position + len(target.exact) : position + len(target.exact) + len(target.suffix)]
    return int(before == target.prefix) + int(after == target.suffix)


def _fuzzy_span(target: Target, text: str) -> tuple[int, int] | None:
    """The text most like the quote: near the old position first, then anywhere."""
    low = max(0, target.start - WINDOW)
    found = _fuzzy_in(target.exact, text, low, min(len(text), target.end + WINDOW))
    if found is None and (low > 0 or target.end + WINDOW < len(text)):
        found = _fuzzy_in(target.exact, text, 0, len(text))
    return found


def _fuzzy_in(quote: str, text: str, low: int, high: int) -> tuple[int, int] | None:
    window = text[low:high]
    matcher = SequenceMatcher(None, window, quote, autojunk=False)
    seed = matcher.find_longest_match(0, len(window), 0, len(quote))
    if seed.size < min(8, len(quote)):
        return None
    start = max(0, seed.a - seed.b - CONTEXT)
    end = min(len(window), seed.a - seed.b + len(quote) + CONTEXT)
    blocks = [b for b in SequenceMatcher(None, window[start:end], quote, autojunk=False).get_matching_blocks()
              if b.size >= 3]
    if not blocks:
        return None
    first, last = start + blocks[0].a, start + blocks[-1].a + blocks[-1].size
    if SequenceMatcher(None, window[first:last], quote, autojunk=False).ratio() < MIN_SIMILARITY:
        return None
    return low + first, low + last


def _best_passage(passages: tuple[Passage, ...], span: tuple[int, int], *, whole: bool) -> Passage | None:
    """The passage sharing most text with `span`; for whole passages it must be mostly that passage."""
    best: tuple[int, Passage] | None = None
    for passage in passages:
        shared = min(span[1], passage.end) - max(span[0], passage.start)
        if shared > 0 and (best is None or shared > best[0]):
            best = (shared, passage)
    if best is None:
        return None
    shared, passage = best
    if whole and shared < MIN_SIMILARITY * min(span[1] - span[0], passage.end - passage.start):
        return None
    return passage
