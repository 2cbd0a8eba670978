"""A Markdown brief: tagged passages grouped by tag, with their source and where else they appear.

Everything in it that comes from articles or analysts (text, titles, outlets, tags, notes, names)
goes through `inline`, so a renderer shows it literally: no HTML, links, headings or lists.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from annotations.corpus.decode import sanitise
from annotations.corpus.models import Analysis, Annotation, Corpus

QUOTE_LIMIT = 1200
"""Characters of a passage quoted in the brief (the export formats keep the whole text)."""

_INLINE_MARKUP = re.compile(r"([\\`*_\[\]<>&#|~])")
"""Characters that open emphasis, code, links, images, raw HTML, entities, headings, tables."""
_LINKISH = re.compile(r"(?<=\w)([.:@])(?=[\w/])")
"""The dots, colons and at signs of addresses, which renderers that autolink turn into links."""
_BLOCK_START = re.compile(r"^(\d{0,9})([-+=.)])")
"""What makes the start of a line a list item or a heading underline."""


def inline(text: str) -> str:
    """`text` as literal Markdown on one line: controls removed, whitespace folded, markup escaped."""
    folded = " ".join(sanitise(text).split())
    escaped = _LINKISH.sub(r"\\\1", _INLINE_MARKUP.sub(r"\\\1", folded))
    return _BLOCK_START.sub(r"\1\\\2", escaped)


def to_markdown(annotations: Sequence[Annotation], corpus: Corpus, analysis: Analysis | None) -> str:
    """The brief: one section per tag, then notes, then annotations that lost their place."""
    by_tag: dict[str, list[Annotation]] = defaultdict(list)
    for annotation in annotations:
        if annotation.tag and not annotation.orphan and annotation.kind != "override":
            by_tag[annotation.tag].append(annotation)
    tagged = {_spot(a) for entries in by_tag.values() for a in entries}
    notes = [a for a in annotations if not a.tag and not a.orphan and _spot(a) not in tagged]
    notes_by_target = _notes_by_target(annotations)
    lines = [f"# Brief: {inline(corpus.name)}", ""]
    analysts = sorted({inline(a.analyst) for a in annotations})
    lines += [f"{len(annotations)} annotations by {', '.join(analysts) or 'nobody yet'}.", ""]
    for tag in sorted(by_tag, key=lambda t: (-len(by_tag[t]), t)):
        lines += [f"## {inline(tag)} ({len(by_tag[tag])})", ""]
        for annotation in by_tag[tag]:
            lines += _entry(annotation, corpus, analysis, notes_by_target.get(_spot(annotation), []))
    if notes:
        lines += [f"## Notes ({len(notes)})", ""]
        for annotation in notes:
            lines += _entry(annotation, corpus, analysis, [])
    overrides = [a for a in annotations if a.kind == "override" and not a.orphan]
    if overrides:
        lines += [f"## Boilerplate decisions by the analysts ({len(overrides)})", ""]
        for annotation in overrides:
            verdict = "page leftover" if annotation.tag == "boilerplate" else "article text"
            lines += [f"- {verdict}: {_source(annotation, corpus)}, passage {annotation.target.passage + 1}"
                      f" ({inline(annotation.analyst)})"]
        lines.append("")
    orphans = [a for a in annotations if a.orphan]
    if orphans:
        lines += [f"## Could not be placed in the current text ({len(orphans)})", ""]
        for annotation in orphans:
            lines += _entry(annotation, corpus, None, [])
    return "\n".join(lines).rstrip() + "\n"


def _spot(annotation: Annotation) -> tuple[str, str, int, int]:
    return annotation.analyst, annotation.article, annotation.target.start, annotation.target.end


def _notes_by_target(annotations: Sequence[Annotation]) -> dict[tuple[str, str, int, int], list[str]]:
    found: dict[tuple[str, str, int, int], list[str]] = defaultdict(list)
    for annotation in annotations:
        if not annotation.tag and annotation.note:
            found[_spot(annotation)].append(annotation.note)
    return found


def _entry(annotation: Annotation, corpus: Corpus, analysis: Analysis | None, notes: list[str]) -> list[str]:
    text = " ".join(annotation.target.exact.split())
    if len(text) > QUOTE_LIMIT:
        text = text[:QUOTE_LIMIT].rstrip() + " …"
    lines = [f"> {inline(text)}", "", f"— {_source(annotation, corpus)}, passage "
             f"{annotation.target.passage + 1} (tagged by {inline(annotation.analyst)})"]
    for note in [annotation.note, *notes]:
        if note:
            lines.append(f"  Note: {inline(note)}")
    elsewhere = _elsewhere(annotation, corpus, analysis)
    if elsewhere:
        lines.append(f"  Also in: {elsewhere}")
    return [*lines, ""]


def _source(annotation: Annotation, corpus: Corpus) -> str:
    article = corpus.article(annotation.article)
    title = (article.title if article else "") or annotation.article_title or annotation.article
    source = article.source if article else None
    date = article.date if article else None
    extra = ", ".join(inline(part) for part in (source, date) if part)
    return f"*{inline(title)}*" + (f" ({extra})" if extra else "")


def _elsewhere(annotation: Annotation, corpus: Corpus, analysis: Analysis | None) -> str:
    """Other articles carrying the same text, from the duplicate analysis."""
    if analysis is None or annotation.orphan:
        return ""
    places = []
    for duplicate in analysis.duplicates_of(annotation.article, annotation.target.passage):
        other = corpus.article(duplicate.article)
        name = (other.title or other.label) if other else duplicate.article
        places.append(f"*{inline(name)}*, passage {duplicate.passage + 1} ({duplicate.score:.0%} shared)")
    return "; ".join(places)
