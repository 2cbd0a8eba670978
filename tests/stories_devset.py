"""The stories development set (tests/data/stories) and B-cubed scoring of a grouping."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from annotations.analysis import analyze
from annotations.corpus.loading import load_corpus
from annotations.corpus.models import Story

ARTICLES = Path(__file__).parent / "data" / "stories" / "articles"


def event_of(article_id: str) -> str:
    """The labelled event: the file name before "__" (each "single__" file is its own event)."""
    event = article_id.split("__", 1)[0]
    return article_id if event == "single" else event


def bcubed(found: Mapping[str, str], truth: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of `found` (item -> cluster) against `truth` (item -> class)."""
    clusters: dict[str, set[str]] = {}
    classes: dict[str, set[str]] = {}
    for item in truth:
        clusters.setdefault(found[item], set()).add(item)
        classes.setdefault(truth[item], set()).add(item)
    precision = recall = 0.0
    for item in truth:
        same = clusters[found[item]] & classes[truth[item]]
        precision += len(same) / len(clusters[found[item]])
        recall += len(same) / len(classes[truth[item]])
    precision, recall = precision / len(truth), recall / len(truth)
    return precision, recall, 2 * precision * recall / (precision + recall)


def assignment(stories: Iterable[Story]) -> dict[str, str]:
    return {article: story.id for story in stories for article in story.articles}


def devset_scores() -> tuple[float, float, float]:
    """Analyse the development set as the app does and score its stories."""
    corpus = load_corpus([ARTICLES])
    analysis = analyze(corpus)
    truth = {article.id: event_of(article.id) for article in corpus.articles}
    return bcubed(assignment(analysis.stories), truth)
