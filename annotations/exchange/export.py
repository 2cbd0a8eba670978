"""Export the annotations as jsonl, json, csv, a Markdown brief or W3C Web Annotations."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from annotations.corpus.decode import sanitise
from annotations.corpus.models import Analysis, Annotation, Article, Corpus
from annotations.exchange.brief import to_markdown
from annotations.exchange.w3c import to_w3c
from annotations.exchange.writing import ExportError, dumps_text
from annotations.exchange.writing import write_output as write_output
from annotations.store.anchor import make_target, text_hash
from annotations.store.store import Store
from annotations.store.values import now_iso

FORMATS = ("jsonl", "json", "csv", "md", "w3c")
COLUMNS = (
    "id", "article", "title", "path", "passage", "start", "end", "quote", "prefix", "suffix",
    "tag", "note", "analyst", "created", "modified", "kind", "scope", "orphan",
)
_FORMULA_STARTS = ("=", "+", "-", "@")


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What to export and how: the same choices on the command line and in the export dialog."""

    format: str = "jsonl"
    tag: str | None = None
    article: str | None = None
    include_machine: bool = False


def gather(
    store: Store, corpus: Corpus, analysis: Analysis | None, options: ExportOptions
) -> list[Annotation]:
    """The annotations to export, re-anchored to the current text, filtered, machine ones added."""
    store.reanchor(corpus)
    found = list(store.all())
    if options.include_machine and analysis is not None:
        found.extend(machine_annotations(corpus, analysis, now_iso()))
    chosen = [
        a for a in found
        if (options.tag is None or a.tag == options.tag)
        and (options.article is None or a.article == options.article)
    ]
    return sorted(chosen, key=lambda a: (a.article, a.target.start, a.target.end, a.tag or "", a.created))


def export_text(store: Store, corpus: Corpus, analysis: Analysis | None, options: ExportOptions) -> str:
    """The export as text, ready to print or write."""
    if options.format not in FORMATS:
        raise ExportError(f"unknown format {options.format!r} (choose from {', '.join(FORMATS)})")
    annotations = gather(store, corpus, analysis, options)
    render = RENDERERS[options.format]
    return render(annotations, corpus, analysis)


def row(annotation: Annotation) -> dict[str, Any]:
    """The flat record of one annotation (jsonl, json and csv share it)."""
    target = annotation.target
    return {
        "id": annotation.id,
        "article": annotation.article,
        "title": annotation.article_title,
        "path": annotation.article_path,
        "passage": target.passage,
        "start": target.start,
        "end": target.end,
        "quote": target.exact,
        "prefix": target.prefix,
        "suffix": target.suffix,
        "tag": annotation.tag,
        "note": annotation.note,
        "analyst": annotation.analyst,
        "created": annotation.created,
        "modified": annotation.modified,
        "kind": annotation.kind,
        "scope": target.scope,
        "orphan": annotation.orphan,
    }


def to_jsonl(annotations: Sequence[Annotation], corpus: Corpus, analysis: Analysis | None) -> str:
    return "".join(dumps_text(row(a)) + "\n" for a in annotations)


def to_json(annotations: Sequence[Annotation], corpus: Corpus, analysis: Analysis | None) -> str:
    return dumps_text([row(a) for a in annotations], pretty=True) + "\n"


def to_csv(annotations: Sequence[Annotation], corpus: Corpus, analysis: Analysis | None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for annotation in annotations:
        record = row(annotation)
        writer.writerow([_cell(record[column]) for column in COLUMNS])
    return out.getvalue()


def _cell(value: object) -> object:
    """A cell without control characters that a spreadsheet will not run as a formula.

    Text that starts with a formula sign, also after spaces (spreadsheets skip them), or with a
    tab or line break, gets a leading quote.
    """
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    text = sanitise(value)
    if text.lstrip().startswith(_FORMULA_STARTS) or text.startswith(("\t", "\n")):
        return "'" + text
    return text


RENDERERS: dict[str, Callable[[Sequence[Annotation], Corpus, Analysis | None], str]] = {
    "jsonl": to_jsonl,
    "json": to_json,
    "csv": to_csv,
    "md": to_markdown,
    "w3c": to_w3c,
}


# What the analysis found, as annotations, so exports can carry it beside the analysts' tags.

MACHINE = "briefreader"
"""The analyst name on machine annotations."""


def machine_annotations(corpus: Corpus, analysis: Analysis, stamp: str) -> list[Annotation]:
    """One annotation per flagged leftover and per copied passage, dated `stamp`."""
    found: list[Annotation] = []
    for article in corpus.articles:
        for passage in article.passages:
            key = (article.id, passage.index)
            label = analysis.boilerplate_of(*key)
            if label is not None:
                found.append(_machine(article, passage.index, "boilerplate", label.reason, stamp))
            copies = analysis.duplicates_of(*key)
            if copies:
                where = "; ".join(_where(corpus, d.article, d.passage, d.score) for d in copies)
                found.append(_machine(article, passage.index, "duplicate", f"also in {where}", stamp))
    return found


def _where(corpus: Corpus, article_id: str, index: int, score: float) -> str:
    article = corpus.article(article_id)
    label = article.label if article else article_id
    return f"{label} passage {index} ({score:.0%})"


def _machine(article: Article, index: int, tag: str, note: str, stamp: str) -> Annotation:
    return Annotation(
        id=f"machine:{tag}:{article.id}:{index}",
        article=article.id,
        article_hash=text_hash(article.text),
        target=make_target(article, index),
        tag=tag,
        note=note,
        analyst=MACHINE,
        created=stamp,
        modified=stamp,
        article_path=article.path,
        article_title=article.title,
        kind="machine",
    )
