"""Tell web-page leftovers from article text, passage by passage, and say why.

Each passage first collects the named cues of `text_cues.TEXT_CUES` that its own text fires, plus
"template-line" when it recurs across the corpus. Cues combine as independent evidence
(1 - Π(1 - weight)); a passage at or above the threshold is a leftover. Passages that are neither
clearly leftovers nor clearly prose (short lines, headline-like lines) then take their class from
their neighbours, as jusText does: a short line among leftovers is a leftover, a short line that
introduces a paragraph is a heading. Only the text is used, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from annotations.corpus.models import Article, Boilerplate, PassageKey
from annotations.leftovers import cues as C
from annotations.leftovers.blocks import Context, listed, mark_after_article, mark_blocks
from annotations.leftovers.context import apply_context
from annotations.leftovers.cues import Cue
from annotations.leftovers.headline import title_index
from annotations.leftovers.roles import Role, kind_of, role_of
from annotations.leftovers.scan import Reader
from annotations.leftovers.shape import Shape, is_english
from annotations.leftovers.templates import COMMON_ARTICLES, outlet_lines, recurring_lines
from annotations.leftovers.text_cues import TEXT_CUES
from annotations.parallel import map_slices

AT_END = 3
ARTICLES_PER_WORKER = 250
"""Articles below which another process gains less than forking it costs."""
"""Cues marked `at_end` count in the last passages and from the next-to-last sentence on."""


def detect_boilerplate(
    articles: Sequence[Article], phrases: Sequence[str] = (), threshold: float = 0.5, workers: int = 1
) -> tuple[dict[PassageKey, Boilerplate], frozenset[PassageKey]]:
    """Flag leftovers (with kind and reason) and find the article's own headings, articles spread
    over up to `workers` processes."""
    reader = Reader(TEXT_CUES + C.phrase_cues(list(phrases)))
    templates = recurring_lines(articles)
    outlet = outlet_lines(articles)

    def detect(numbers: Sequence[int]) -> list[tuple[dict[int, Boilerplate], list[int]]]:
        found = []
        for number in numbers:
            article = articles[number]
            extra = [
                (templates.get(key, 0), outlet.get(key, 0))
                for key in ((article.id, passage.index) for passage in article.passages)
            ]
            found.append(_detect_article(article, reader, extra, threshold))
        return found

    flagged: dict[PassageKey, Boilerplate] = {}
    headings: set[PassageKey] = set()
    results = map_slices(detect, range(len(articles)), workers, ARTICLES_PER_WORKER)
    for article, (found, heads) in zip(articles, results, strict=True):
        flagged.update(((article.id, index), label) for index, label in found.items())
        headings.update((article.id, index) for index in heads)
    return flagged, frozenset(headings)


def _detect_article(
    article: Article, reader: Reader, recurrences: list[tuple[int, int]], threshold: float
) -> tuple[dict[int, Boilerplate], list[int]]:
    texts = [passage.text.strip() for passage in article.passages]
    english = is_english(texts)
    shapes = [reader.shape(text, english) for text in texts]
    prose = [index for index, shape in enumerate(shapes) if shape.chatty]
    tail = min(len(texts) - AT_END, prose[-1] - 1 if prose else len(texts))
    evidence = [
        reader.cues(text, shape, index >= tail)
        for index, (text, shape) in enumerate(zip(texts, shapes, strict=True))
    ]
    for cues_found, (count, in_outlet) in zip(evidence, recurrences, strict=True):
        if count >= COMMON_ARTICLES:
            cues_found.append(C.TEMPLATE_LINE_COMMON)
        elif in_outlet:
            cues_found.append(C.TEMPLATE_LINE_OUTLET)
        elif count:
            cues_found.append(C.TEMPLATE_LINE)
    _attribute_embeds(evidence)
    roles = _roles(evidence, shapes, threshold)
    good = [index for index, role in enumerate(roles) if role is Role.GOOD] or [len(texts)]
    context = Context(
        lambda index: roles[index] is Role.BAD, lambda index: good[0] < index < good[-1], lambda _: True
    )
    links = listed(context, evidence, shapes, texts)
    title = title_index(roles, shapes, texts, links)
    head = range(good[0]) if title is None else range(title, good[0])
    protected = {index for index in head if index not in links} | {title}
    mark_blocks(replace(context, free=lambda index: index not in protected), evidence, shapes, texts)
    roles = _roles(evidence, shapes, threshold)
    headings = apply_context(roles, evidence, shapes, texts)
    mark_after_article(evidence, texts, threshold)
    found: dict[int, Boilerplate] = {}
    for index, passage in enumerate(article.passages):
        if evidence[index]:
            score = C.combined(evidence[index])
            if score >= threshold:
                found[passage.index] = reader.label(evidence[index], score, _label)
    return found, [article.passages[index].index for index in headings if index not in found]


def _roles(evidence: list[list[Cue]], shapes: list[Shape], threshold: float) -> list[Role]:
    return [role_of(found, shape, threshold) for found, shape in zip(evidence, shapes, strict=True)]


def _attribute_embeds(evidence: list[list[Cue]]) -> None:
    """An embedded post's text comes just before its '— Name (@handle) date' line."""
    for index in range(1, len(evidence)):
        found = evidence[index]
        if found and any(cue.name == "social-attribution" for cue in found):
            before = evidence[index - 1]
            if not any(cue.kind == "social" for cue in before):
                before.append(C.EMBED_TEXT)


def _label(found: Sequence[Cue], score: float) -> Boilerplate:
    named = dict.fromkeys(f"{cue.name} ({cue.why})" for cue in found)
    return Boilerplate(kind_of(found), f"{'; '.join(named)}; score {score:.2f}")
