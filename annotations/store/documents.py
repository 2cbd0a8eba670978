"""Annotations as TinyDB documents and back, checked field by field (a store file comes from outside)."""

from __future__ import annotations

from dataclasses import asdict, fields
from operator import itemgetter
from pathlib import Path
from typing import Any

from annotations.corpus.models import Annotation, Target
from annotations.store.snapshot import StoreError

ANNOTATION_KINDS = ("tag", "note", "override")
SCOPES = ("passage", "span")

_ANNOTATION_FIELDS = tuple(f.name for f in fields(Annotation))
_TARGET_FIELDS = tuple(f.name for f in fields(Target))
_annotation_values = itemgetter(*_ANNOTATION_FIELDS)
_target_values = itemgetter(*_TARGET_FIELDS)
_TARGET_TYPES = (int, int, int, str, str, str, str)
_TYPES = {
    (str, str, str, dict, tag, str, str, str, str, str, str, str, bool, int)
    for tag in (str, type(None))
}
"""The exact field types of a well-formed document (tag is a string or None)."""


def to_doc(annotation: Annotation) -> dict[str, Any]:
    """The stored (and exported) shape of an annotation: plain JSON values."""
    return asdict(annotation)


def from_doc(doc: Any, path: Path | None = None, where: str = "?") -> Annotation:
    """An annotation from a stored document; StoreError (naming the file) when it is damaged."""
    try:
        values = _annotation_values(doc)
        target = _target_values(values[3])
    except (TypeError, KeyError):
        return _from_partial_doc(doc, path, where)
    if tuple(map(type, values)) not in _TYPES or tuple(map(type, target)) != _TARGET_TYPES:
        return _from_partial_doc(doc, path, where)
    if values[11] not in ANNOTATION_KINDS or target[6] not in SCOPES:
        raise _damaged(path, where, "unknown kind or scope")
    return _build(values, target)


_new = object.__new__
_SET_ANNOTATION = tuple(getattr(Annotation, name).__set__ for name in _ANNOTATION_FIELDS)
_SET_TARGET = tuple(getattr(Target, name).__set__ for name in _TARGET_FIELDS)


def _build(values: tuple[Any, ...], target_values: tuple[Any, ...]) -> Annotation:
    """The frozen dataclasses filled slot by slot: a third faster than their __init__ on a big store,
    and the values were checked just before."""
    target = _new(Target)
    for put, value in zip(_SET_TARGET, target_values, strict=True):
        put(target, value)
    annotation = _new(Annotation)
    for put, value in zip(_SET_ANNOTATION, values, strict=True):
        put(annotation, value)
    _SET_ANNOTATION[3](annotation, target)
    return annotation


def _from_partial_doc(doc: Any, path: Path | None, where: str) -> Annotation:
    """The slow path: documents without the optional fields, or with wrong types (a clear error)."""
    try:
        given = dict(doc)
        target = Target(**given.pop("target"))
        annotation = Annotation(target=target, **given)
    except (TypeError, KeyError, ValueError) as error:
        raise StoreError(path, f"{path}: annotation {where} is damaged ({error})") from None
    if not _well_typed(annotation):
        raise _damaged(path, where, "wrong field types")
    return annotation


def _damaged(path: Path | None, where: str, why: str) -> Exception:
    return StoreError(path, f"{path}: annotation {where} is damaged ({why})")


def _well_typed(a: Annotation) -> bool:
    t = a.target
    texts = (a.id, a.article, a.article_hash, a.note, a.analyst, a.created, a.modified, a.article_path,
             a.article_title, t.exact, t.prefix, t.suffix)
    numbers = (t.passage, t.start, t.end, a.schema)
    return (
        all(isinstance(value, str) for value in texts)
        and all(isinstance(value, int) and not isinstance(value, bool) for value in numbers)
        and (a.tag is None or isinstance(a.tag, str))
        and a.kind in ANNOTATION_KINDS
        and t.scope in SCOPES
        and isinstance(a.orphan, bool)
    )
