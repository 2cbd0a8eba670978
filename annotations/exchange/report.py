"""The machine-readable view of a corpus and its analysis (`briefreader analyze --json`)."""

from __future__ import annotations

from typing import Any

from annotations.corpus.models import Analysis, Article, Corpus, Story

SCHEMA_VERSION = 1


def to_json(corpus: Corpus, analysis: Analysis) -> dict[str, Any]:
    """A plain dict in the documented, stable layout (version 1)."""
    story_of = {article: story.id for story in analysis.stories for article in story.articles}
    return {
        "version": SCHEMA_VERSION,
        "articles": [_article(article, analysis, story_of.get(article.id)) for article in corpus.articles],
        "stories": [_story(story) for story in analysis.stories],
        "problems": [{"path": problem.path, "error": problem.error} for problem in corpus.problems],
    }


def _story(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "articles": list(story.articles),
        "outlets": list(story.outlets),
        "first": story.first,
        "reason": story.reason,
    }


def _article(article: Article, analysis: Analysis, story: str | None) -> dict[str, Any]:
    return {
        "id": article.id,
        "label": article.label,
        "url": article.url,
        "story": story,
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
