"""The annotation store: TinyDB documents in memory and on disk, indexed by id and article."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document

from annotations.config import data_path
from annotations.corpus.models import SCHEMA, Annotation, Corpus, PassageKey, Target
from annotations.store.anchor import reanchor
from annotations.store.index import AnnotationIndex
from annotations.store.storage import JournalStorage, MemoryStorage, StoreError, StoreReadOnly

ANNOTATIONS = "annotations"
META = "meta"
BOILERPLATE = "boilerplate"
NOT_BOILERPLATE = "not-boilerplate"
KINDS = ("tag", "note", "override")

Change = tuple[Annotation | None, Annotation | None]
"""(before, after) of one annotation: None before is a creation, None after a deletion."""


class Store:
    """Every annotation of the store; each change is on disk when `apply` returns."""

    def __init__(self, storage: JournalStorage | MemoryStorage) -> None:
        self.storage = storage
        self._db = TinyDB(storage=lambda: storage)
        self._table = self._db.table(ANNOTATIONS, cache_size=0)
        self._items = AnnotationIndex()
        self._doc_ids: dict[str, int] = {}
        self._rebuild()

    @property
    def path(self) -> Path | None:
        return self.storage.path

    @property
    def read_only(self) -> bool:
        return self.storage.read_only

    @property
    def notice(self) -> str | None:
        """One line for the UI when the store is not fully usable (opened read-only)."""
        return self.storage.notice

    def _rebuild(self) -> None:
        tables = self.storage.read() or {}
        unknown = sorted(set(tables) - {ANNOTATIONS, META})
        if unknown:
            message = f"{self.path}: not a briefreader annotation store (table {unknown[0]!r})"
            raise StoreError(self.path, message)
        _check_schema(tables.get(META, {}), self.path, bool(tables.get(ANNOTATIONS)))
        items = AnnotationIndex()
        doc_ids: dict[str, int] = {}
        for doc_id, doc in tables.get(ANNOTATIONS, {}).items():
            annotation = from_doc(doc, self.path, doc_id)
            items.add(annotation)
            doc_ids[annotation.id] = int(doc_id)
        self._items, self._doc_ids = items, doc_ids

    def __len__(self) -> int:
        return len(self._items)

    def all(self) -> tuple[Annotation, ...]:
        return self._items.all()

    def get(self, annotation_id: str) -> Annotation | None:
        return self._items.get(annotation_id)

    def for_article(self, article_id: str) -> tuple[Annotation, ...]:
        return self._items.for_article(article_id)

    def for_passage(self, key: PassageKey) -> tuple[Annotation, ...]:
        return self._items.for_passage(key)

    def analysts(self) -> tuple[str, ...]:
        return tuple(sorted({a.analyst for a in self._items.all()}))

    def tags(self) -> tuple[str, ...]:
        """Every tag in use, in first-use order (overrides excluded)."""
        found = (a.tag for a in self._items.all() if a.kind == "tag" and a.tag)
        return tuple(dict.fromkeys(found))

    def overrides(self) -> dict[PassageKey, bool]:
        """The analysts' boilerplate overrides (the latest per passage wins): True = boilerplate."""
        result: dict[PassageKey, bool] = {}
        chosen = sorted((a for a in self._items.all() if a.kind == "override"), key=lambda a: a.modified)
        for annotation in chosen:
            result[annotation.key] = annotation.tag == BOILERPLATE
        return result

    def apply(self, changes: Sequence[Change]) -> None:
        """Make all `changes` in one durable write; on failure nothing changes and StoreError says why."""
        if self.read_only:
            raise StoreReadOnly(self.path, self.notice or "the annotation store is read-only")
        touched = {a.id for pair in changes for a in pair if a is not None}
        reused = {i: self._doc_ids[i] for i in touched if i in self._doc_ids}
        gone = list(reused.values())
        added = [_document(a, reused.get(a.id)) for _, a in changes if a is not None]
        try:
            with self.storage.batch():
                self._ensure_meta()
                if gone:
                    self._table.remove(doc_ids=gone)
                doc_ids = self._table.insert_multiple(added) if added else []
        except StoreError:
            self._db.clear_cache()
            self._rebuild()
            raise
        self._index(changes, doc_ids)

    def _index(self, changes: Sequence[Change], doc_ids: Sequence[int]) -> None:
        for pair in changes:
            for annotation in pair:
                if annotation is not None:
                    self._items.drop(annotation.id)
                    self._doc_ids.pop(annotation.id, None)
        afters = [after for _, after in changes if after is not None]
        for after, doc_id in zip(afters, doc_ids, strict=True):
            self._items.add(after)
            self._doc_ids[after.id] = doc_id

    def _ensure_meta(self) -> None:
        meta = self._db.table(META, cache_size=0)
        if not meta.get(doc_id=1):
            meta.insert(Document({"schema": SCHEMA, "app": "briefreader"}, doc_id=1))

    def refresh(self) -> None:
        """Read the files again: a read-only instance sees what the writing one saved since."""
        reload = getattr(self.storage, "reload", None)
        if reload is not None:
            reload()
            self._db.clear_cache()
            self._rebuild()

    def reanchor(self, corpus: Corpus) -> AnchorReport:
        """Re-attach the annotations of changed articles; saved when the store is writable."""
        moved = [a for a in reanchor(self.all(), corpus) if a != self._items.get(a.id)]
        saved = False
        if moved and not self.read_only:
            try:
                self.apply([(self._items.get(a.id), a) for a in moved])
                saved = True
            except StoreError:
                pass
        if moved and not saved:
            for annotation in moved:
                self._items.add(annotation)
        loaded = {article.id for article in corpus.articles}
        orphans = tuple(a for a in self._items.all() if a.orphan and a.article in loaded)
        return AnchorReport(sum(not a.orphan for a in moved), orphans, saved)

    def close(self) -> None:
        self._db.close()


@dataclass(frozen=True, slots=True)
class AnchorReport:
    """What re-anchoring did: annotations moved to their new place, and those that could not be placed."""

    moved: int
    orphans: tuple[Annotation, ...]
    saved: bool

    @property
    def message(self) -> str:
        parts = []
        if self.moved:
            parts.append(f"{self.moved} annotation(s) moved to follow edited articles")
        if self.orphans:
            parts.append(f"{len(self.orphans)} could not be placed (listed as orphans)")
        return "; ".join(parts)


def _document(annotation: Annotation, doc_id: int | None) -> Document | dict[str, Any]:
    doc = to_doc(annotation)
    return doc if doc_id is None else Document(doc, doc_id=doc_id)


def to_doc(annotation: Annotation) -> dict[str, Any]:
    """The stored (and exported) shape of an annotation: plain JSON values."""
    return asdict(annotation)


def from_doc(doc: Any, path: Path | None = None, where: str = "?") -> Annotation:
    """An annotation from a stored document; StoreError (naming the file) when it is damaged."""
    try:
        fields = dict(doc)
        target = Target(**fields.pop("target"))
        annotation = Annotation(target=target, **fields)
    except (TypeError, KeyError, ValueError) as error:
        raise StoreError(path, f"{path}: annotation {where} is damaged ({error})") from None
    if not _well_typed(annotation):
        raise StoreError(path, f"{path}: annotation {where} is damaged (wrong field types)")
    return annotation


def _well_typed(a: Annotation) -> bool:
    t = a.target
    texts = (a.id, a.article, a.article_hash, a.note, a.analyst, a.created, a.modified, a.article_path,
             a.article_title, t.exact, t.prefix, t.suffix)
    numbers = (t.passage, t.start, t.end, a.schema)
    return (
        all(isinstance(value, str) for value in texts)
        and all(isinstance(value, int) and not isinstance(value, bool) for value in numbers)
        and (a.tag is None or isinstance(a.tag, str))
        and a.kind in KINDS
        and t.scope in ("passage", "span")
        and isinstance(a.orphan, bool)
    )


def _check_schema(meta: dict[str, Any], path: Path | None, has_data: bool) -> None:
    versions = [doc.get("schema") for doc in meta.values()]
    if not versions:
        if has_data:
            raise StoreError(path, f"{path}: not a briefreader annotation store (no schema version)")
        return
    version = versions[0]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise StoreError(path, f"{path}: not a briefreader annotation store (bad schema version)")
    if version > SCHEMA:
        message = f"{path}: written by a newer briefreader (schema {version}; this one reads {SCHEMA})"
        raise StoreError(path, message)


def open_store(path: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> Store:
    """Open (or start) the store at `path`, default the user data folder; StoreError when unusable."""
    storage = JournalStorage(Path(path) if path is not None else data_path(), read_only=read_only)
    try:
        return Store(storage)
    except StoreError:
        storage.close()
        raise


def memory_store() -> Store:
    """A store that lives only in memory (tests, trying things)."""
    return Store(MemoryStorage())
