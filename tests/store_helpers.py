"""Small builders shared by the store tests: an article with known text and annotations on it."""

from __future__ import annotations

import uuid

from annotations.corpus.loading import load_text
from annotations.corpus.models import Annotation, Article
from annotations.store.anchor import make_target, text_hash

ARTICLE_TEXT = (
    "Ministers met in Geneva on Monday to discuss the grain corridor.\n\n"
    "The talks lasted six hours and ended without a joint statement, officials said.\n\n"
    "\"We are further apart than we hoped,\" one diplomat told reporters after the meeting.\n\n"
    "A second round is planned for next month in Istanbul.\n"
)


def article(text: str = ARTICLE_TEXT, article_id: str = "geneva") -> Article:
    return load_text(text, article_id, path=f"/nowhere/{article_id}.txt")


def annotation(source: Article, index: int, tag: str | None = "key-fact", *, analyst: str = "ann",
               note: str = "", span: tuple[int, int] | None = None, kind: str | None = None) -> Annotation:
    return Annotation(
        id=str(uuid.uuid4()),
        article=source.id,
        article_hash=text_hash(source.text),
        target=make_target(source, index, span),
        tag=tag,
        note=note,
        analyst=analyst,
        created="2026-01-02T03:04:05.000Z",
        modified="2026-01-02T03:04:05.000Z",
        article_path=source.path,
        article_title=source.title,
        kind=kind or ("tag" if tag else "note"),
    )
