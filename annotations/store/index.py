"""Annotations by id, by article and by passage, so the reader's lookups do not scan the store."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from annotations.corpus.models import Annotation, PassageKey


class AnnotationIndex:
    """The store's annotations in memory; `add` replaces an annotation with the same id."""

    def __init__(self, annotations: Iterable[Annotation] = ()) -> None:
        self._items: dict[str, Annotation] = {}
        self._by_article: dict[str, dict[str, Annotation]] = {}
        self._by_key: dict[PassageKey, dict[str, Annotation]] = {}
        given = list(annotations)
        self._items = {annotation.id: annotation for annotation in given}
        if len(self._items) < len(given):  # a repeated id: the last one wins, in its own place
            self._items = {}
            for annotation in given:
                self.add(annotation)
            return
        by_article, by_key = self._by_article, self._by_key
        for annotation_id, annotation in self._items.items():
            article = annotation.article
            by_article.setdefault(article, {})[annotation_id] = annotation
            by_key.setdefault((article, annotation.target.passage), {})[annotation_id] = annotation

    def __len__(self) -> int:
        return len(self._items)

    def all(self) -> tuple[Annotation, ...]:
        return tuple(self._items.values())

    def get(self, annotation_id: str) -> Annotation | None:
        return self._items.get(annotation_id)

    def for_article(self, article_id: str) -> tuple[Annotation, ...]:
        return tuple(self._by_article.get(article_id, {}).values())

    def for_passage(self, key: PassageKey) -> tuple[Annotation, ...]:
        return tuple(self._by_key.get(key, {}).values())

    def add(self, annotation: Annotation) -> None:
        self.drop(annotation.id)
        self._place(annotation)

    def _place(self, annotation: Annotation) -> None:
        self._items[annotation.id] = annotation
        self._by_article.setdefault(annotation.article, {})[annotation.id] = annotation
        self._by_key.setdefault(annotation.key, {})[annotation.id] = annotation

    def drop(self, annotation_id: str) -> None:
        old = self._items.pop(annotation_id, None)
        if old is None:
            return
        _discard(self._by_article, old.article, annotation_id)
        _discard(self._by_key, old.key, annotation_id)


def _discard(groups: dict[Any, dict[str, Annotation]], group: object, annotation_id: str) -> None:
    members = groups.get(group)
    if members is not None:
        members.pop(annotation_id, None)
        if not members:
            del groups[group]
