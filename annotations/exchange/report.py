"""The machine-readable view of a corpus and its analysis (`briefreader analyze --json`)."""

from __future__ import annotations

from typing import Any

from annotations.corpus.models import Analysis, Article, Corpus

SCHEMA_VERSION = 1


def to_json(corpus: Corpus, analysis: Analysis) -> dict[str, Any]:
    """A plain dict in the documented, stable layout (version 1)."""
    return {
        "version": SCHEMA_VERSION,
        "articles": [_article(article, analysis) for article in corpus.articles],
        "problems": [{"path": problem.path, "error": problem.error} for problem in corpus.problems],
    }


def _article(article: Article, analysis: Analysis) -> dict[str, Any]:
    return {
        "id": article.id,
        "label": article.label,
        "url": article.url,
        "path": article.path,
        "title": article.title,
        "date": article.date,
        "source": article.source,
        "novelty": analysis.novelty.get(article.id),
        "passages": [
            {
                "index": passage.index,
                "start": passage.start,
                "end": passage.end,
                "text": passage.text,
                "heading": (article.id, passage.index) in analysis.headings,
                "boilerplate": _boilerplate(analysis, article.id, passage.index),
                "duplicates": [
                    {
                        "article": duplicate.article,
                        "passage": duplicate.passage,
                        "score": round(duplicate.score, 3),
                        "spans": [list(span) for span in duplicate.spans],
                    }
                    for duplicate in analysis.duplicates_of(article.id, passage.index)
                ],
            }
            for passage in article.passages
        ],
    }


def _boilerplate(analysis: Analysis, article_id: str, index: int) -> dict[str, str] | None:
    label = analysis.boilerplate_of(article_id, index)
    return None if label is None else {"kind": label.kind, "reason": label.reason}
