"""The annotation store: TinyDB documents in memory and on disk, indexed by id and article."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from annotations.config import data_path
from annotations.corpus.models import SCHEMA, Annotation, Corpus, PassageKey
from annotations.store.anchor import reanchor
from annotations.store.documents import ANNOTATION_KINDS as ANNOTATION_KINDS
from annotations.store.documents import from_doc, to_doc
from annotations.store.index import AnnotationIndex
from annotations.store.storage import (
    AtomicJSONStorage,
    JournalStorage,
    MemoryStorage,
    StoreError,
    StoreReadOnly,
)

ANNOTATIONS = "annotations"
META = "meta"
BOILERPLATE = "boilerplate"
NOT_BOILERPLATE = "not-boilerplate"

AnyStorage = JournalStorage | AtomicJSONStorage | MemoryStorage
Change = tuple[Annotation | None, Annotation | None]
"""(before, after) of one annotation: None before is a creation, None after a deletion."""


class Store:
    """Every annotation of the store; each change is on disk when `apply` returns."""

    def __init__(self, storage: AnyStorage) -> None:
        self.storage = storage
        self._db = TinyDB(storage=lambda: storage)
        self._items = AnnotationIndex()
        self._doc_ids: dict[str, int] = {}
        self._next_id = 1
        self._has_meta = False
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
            message = f"{self.path}: not a briefreader annotation store (table {unknown[0][:40]!r})"
            raise StoreError(self.path, message)
        meta = tables.get(META, {})
        _check_schema(meta, self.path, bool(tables.get(ANNOTATIONS)))
        documents = tables.get(ANNOTATIONS, {})
        loaded = [from_doc(doc, self.path, doc_id) for doc_id, doc in documents.items()]
        doc_ids = dict(zip([annotation.id for annotation in loaded], map(int, documents), strict=True))
        self._items, self._doc_ids = AnnotationIndex(loaded), doc_ids
        self._next_id = max(doc_ids.values(), default=0) + 1
        self._has_meta = "1" in meta

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
        """Make all `changes` in one durable write; on failure nothing changes and StoreError says why.

        The change list goes to the storage as it is (one journal line): no work over the whole store.
        """
        if self.read_only:
            raise StoreReadOnly(self.path, self.notice or "the annotation store is read-only")
        final: dict[str, Annotation | None] = {}
        for before, after in changes:
            if before is not None:
                final[before.id] = None
            if after is not None:
                final[after.id] = after
        sets: dict[str, Any] = {}
        gone: list[str] = []
        placed: dict[str, int] = {}
        next_id = self._next_id
        for annotation_id, after in final.items():
            doc_id = self._doc_ids.get(annotation_id)
            if after is None:
                if doc_id is not None:
                    gone.append(str(doc_id))
                continue
            if doc_id is None:
                doc_id, next_id = next_id, next_id + 1
            placed[annotation_id] = doc_id
            sets[str(doc_id)] = to_doc(after)
        if not sets and not gone:
            return
        entry: dict[str, Any] = {"set": {ANNOTATIONS: sets}} if sets else {}
        if gone:
            entry["del"] = {ANNOTATIONS: gone}
        if not self._has_meta:
            entry.setdefault("set", {})[META] = {"1": {"schema": SCHEMA, "app": "briefreader"}}
        self.storage.commit(entry)
        self._has_meta, self._next_id = True, next_id
        for annotation_id, after in final.items():
            if after is None:
                self._items.drop(annotation_id)
                self._doc_ids.pop(annotation_id, None)
            else:
                self._items.add(after)
                self._doc_ids[annotation_id] = placed[annotation_id]

    def refresh(self) -> None:
        """Read the files again: a read-only instance sees what the writing one saved since."""
        reload = getattr(self.storage, "reload", None)
        if reload is not None:
            with paused_gc():
                reload()
                self._rebuild()

    def take_over(self) -> bool:
        """Become writable once the briefreader that held the store has closed it; True when writable.

        The annotations are read again first, so everything the other instance saved is kept.
        """
        if not self.read_only:
            return True
        with paused_gc():
            if not self.storage.take_over():
                return False
            self._rebuild()
        return True

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
    with paused_gc():
        storage = JournalStorage(Path(path) if path is not None else data_path(), read_only=read_only)
        try:
            return Store(storage)
        except StoreError:
            storage.close()
            raise


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while a store loads, and its documents kept out of later passes.

    The many new objects hold no cycles (reference counting frees them), yet the collector's
    passes over them cost a third of the opening time of a big store, and again at the first
    collection after it: `gc.freeze` moves them out of its sight, as the reader does after loading.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def memory_store() -> Store:
    """A store that lives only in memory (tests, trying things)."""
    return Store(MemoryStorage())
