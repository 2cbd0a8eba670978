"""Read another analyst's jsonl, json or W3C export into the store without duplicating anything."""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from annotations.config import MAX_TAG_LENGTH
from annotations.corpus.decode import sanitise
from annotations.corpus.models import Annotation, Corpus, Target
from annotations.exchange.w3c import WHOLE_DOCUMENT, W3CError, from_w3c, is_w3c
from annotations.store.anchor import locate, text_hash
from annotations.store.store import ANNOTATION_KINDS, Store
from annotations.store.values import now_iso

MAX_BYTES = 256 * 1024 * 1024


class ImportFileError(Exception):
    """The file cannot be imported; the message is one line naming it."""


@dataclass(frozen=True, slots=True)
class ImportReport:
    added: int
    already: int
    machine: int
    cleaned: int = 0
    """Fields that held control characters or escape sequences (removed)."""
    respelled: tuple[tuple[str, str], ...] = ()
    """(imported, kept) tag spellings that differ only in letter case, folded into the kept one."""
    whole: int = 0
    """Annotations on a whole document (no text selector): nothing to place them on."""

    @property
    def message(self) -> str:
        parts = [f"imported {self.added} annotation(s)"]
        if self.already:
            parts.append(f"{self.already} already in the store")
        if self.machine:
            parts.append(f"{self.machine} machine annotation(s) skipped")
        if self.whole:
            parts.append(f"{self.whole} annotation(s) on a whole document skipped (no passage to place)")
        if self.cleaned:
            parts.append(f"control characters removed from {self.cleaned} field(s)")
        parts.extend(f"tag {old!r} written as {new!r}" for old, new in self.respelled)
        return ", ".join(parts)


def read_rows(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The records of an export file (jsonl, a json list, or W3C JSON-LD)."""
    source = Path(path)
    try:
        if source.stat().st_size > MAX_BYTES:
            raise ImportFileError(f"{source}: too large to be an annotation export")
        text = source.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        detail = getattr(error, "strerror", None) or str(error)
        raise ImportFileError(f"{source}: cannot read ({detail})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return _jsonl(source, text)
    except RecursionError:
        raise ImportFileError(f"{source}: nested too deeply to be an annotation export") from None
    try:
        if is_w3c(data):
            return from_w3c(data)
    except W3CError as error:
        raise ImportFileError(f"{source}: not a usable W3C annotation file ({error})") from None
    rows = data if isinstance(data, list) else [data]
    if not all(isinstance(row, dict) for row in rows):
        raise ImportFileError(f"{source}: expected annotation objects (jsonl, json or W3C)")
    return rows


def _jsonl(source: Path, text: str) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except RecursionError:
            raise ImportFileError(f"{source}: line {number} is nested too deeply") from None
        except json.JSONDecodeError:
            message = f"{source}: line {number} is not JSON (expected jsonl or W3C JSON-LD)"
            raise ImportFileError(message) from None
        if not isinstance(row, dict):
            raise ImportFileError(f"{source}: line {number} is not an annotation object")
        rows.append(row)
    return rows


def clean_row(row: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """The record with control characters and escape sequences removed from every text field,
    and how many fields had some (line ends are only normalised, not counted)."""
    cleaned: dict[str, Any] = {}
    changed = 0
    for name, value in row.items():
        if isinstance(value, str):
            safe = sanitise(value)
            changed += safe != value.replace("\r\n", "\n").replace("\r", "\n")
            value = safe
        cleaned[name] = value
    return cleaned, changed


def to_annotation(row: dict[str, Any], corpus: Corpus | None = None) -> Annotation:
    """An annotation from an export record, placed in the corpus' article when it is loaded."""
    tag = " ".join(str(row.get("tag") or "").split()) or None
    if tag is not None and len(tag) > MAX_TAG_LENGTH:
        raise ValueError(f"tag longer than {MAX_TAG_LENGTH} characters")
    kind = row.get("kind") or ("tag" if tag else "note")
    stamp = now_iso()
    annotation = Annotation(
        id=str(row.get("id") or uuid.uuid4()),
        article=_text(row, "article", required=True),
        article_hash="",
        target=Target(
            passage=_number(row, "passage", -1),
            start=_number(row, "start", -1),
            end=_number(row, "end", -1),
            exact=_text(row, "quote", required=True),
            prefix=_text(row, "prefix"),
            suffix=_text(row, "suffix"),
            scope=row["scope"] if row.get("scope") in ("passage", "span") else "span",
        ),
        tag=None if tag is None else str(tag),
        note=_text(row, "note"),
        analyst=_text(row, "analyst") or "unknown",
        created=_text(row, "created") or stamp,
        modified=_text(row, "modified") or _text(row, "created") or stamp,
        article_path=_text(row, "path"),
        article_title=_text(row, "title"),
        kind=str(kind),
        orphan=False,
    )
    if annotation.kind not in (*ANNOTATION_KINDS, "machine"):
        raise ValueError(f"unknown kind {annotation.kind!r}")
    if not annotation.tag and not annotation.note:
        raise ValueError("neither a tag nor a note")
    return _placed(annotation, corpus, guess_scope=row.get("scope") not in ("passage", "span"))


def _text(row: dict[str, Any], name: str, *, required: bool = False) -> str:
    value = row.get(name)
    if value is None or value == "":
        if required:
            raise ValueError(f"no {name!r}")
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{name!r} is not text")
    return value


def _number(row: dict[str, Any], name: str, default: int) -> int:
    value = row.get(name, default)
    if value is None:
        return default
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"{name!r} is not a whole number")
    return value


def _placed(annotation: Annotation, corpus: Corpus | None, *, guess_scope: bool) -> Annotation:
    """Find the quote in the loaded article so the passage index and hash are current."""
    article = corpus.article(annotation.article) if corpus else None
    if article is None:
        return annotation
    target = annotation.target
    if guess_scope and any(p.text == target.exact for p in article.passages):
        target = replace(target, scope="passage")
    found = locate(target, article)
    if found is None:
        return replace(annotation, orphan=True, article_hash=text_hash(article.text))
    return replace(annotation, target=found, article_hash=text_hash(article.text),
                   article_path=annotation.article_path or article.path,
                   article_title=annotation.article_title or article.title)


def import_rows(
    store: Store,
    rows: list[dict[str, Any]],
    corpus: Corpus | None,
    origin: str,
    known_tags: tuple[str, ...] = (),
) -> ImportReport:
    """Add the records that are not in the store yet, in one write; each keeps its analyst.

    Text fields are cleaned of control characters; a tag spelled like a known one (the settings'
    or the store's) but for letter case takes the known spelling.
    """
    fresh: list[Annotation] = []
    seen = {_fingerprint(a) for a in store.all()}
    spellings = {tag.casefold(): tag for tag in (*store.tags(), *known_tags)}
    respelled: dict[tuple[str, str], None] = {}
    already = machine = cleaned = whole = 0
    for number, raw in enumerate(rows, start=1):
        if raw.get("scope") == WHOLE_DOCUMENT:
            whole += 1
            continue
        row, changed = clean_row(raw)
        cleaned += changed
        try:
            annotation = to_annotation(row, corpus)
        except ValueError as error:
            raise ImportFileError(f"{origin}: record {number}: {error}") from None
        if annotation.kind == "machine":
            machine += 1
            continue
        if annotation.tag and annotation.kind == "tag":
            kept = spellings.setdefault(annotation.tag.casefold(), annotation.tag)
            if kept != annotation.tag:
                respelled[(annotation.tag, kept)] = None
                annotation = replace(annotation, tag=kept)
        fingerprint = _fingerprint(annotation)
        if store.get(annotation.id) is not None or fingerprint in seen:
            already += 1
            continue
        seen.add(fingerprint)
        fresh.append(annotation)
    if fresh:
        store.apply([(None, a) for a in fresh])
    return ImportReport(len(fresh), already, machine, cleaned, tuple(respelled), whole)


def _fingerprint(annotation: Annotation) -> tuple[str, ...]:
    """Same analyst, article, quote, tag and note: the same annotation, whatever its id."""
    return (annotation.analyst, annotation.article, annotation.target.exact, annotation.tag or "",
            annotation.note, annotation.kind)


def import_file(store: Store, path: str | os.PathLike[str], corpus: Corpus | None = None) -> ImportReport:
    """Import an export file; ImportFileError (one line) when it cannot be read."""
    return import_rows(store, read_rows(path), corpus, str(path))
