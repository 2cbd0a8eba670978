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


_TargetTwin: Any = type("_TargetTwin", (), {"__slots__": Target.__slots__})
_AnnotationTwin: Any = type("_AnnotationTwin", (), {"__slots__": Annotation.__slots__})
"""Plain classes with the very slots of the frozen ones: filled by assignment, then given their class."""


def _build(values: tuple[Any, ...], target_values: tuple[Any, ...]) -> Annotation:
    """The frozen dataclasses filled without their __init__, whose frozen setattr is most of the cost.

    The values were checked just before. Python lets an object take a class of the same layout
    only, so a field added to a dataclass and not filled here fails at once instead of silently.
    """
    target = _TargetTwin()
    (target.passage, target.start, target.end, target.exact, target.prefix, target.suffix,
     target.scope) = target_values
    target.__class__ = Target
    made = _AnnotationTwin()
    (made.id, made.article, made.article_hash, _, made.tag, made.note, made.analyst, made.created,
     made.modified, made.article_path, made.article_title, made.kind, made.orphan, made.schema) = values
    made.target = target
    made.__class__ = Annotation
    annotation: Annotation = made
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
