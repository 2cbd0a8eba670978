"""What the analysis found, as annotations, so exports can carry it beside the analysts' tags."""

from __future__ import annotations

from annotations.corpus.models import Analysis, Annotation, Article, Corpus
from annotations.store.anchor import make_target, text_hash

MACHINE = "briefreader"
"""The analyst name on machine annotations."""


def machine_annotations(corpus: Corpus, analysis: Analysis, stamp: str) -> list[Annotation]:
    """One annotation per flagged leftover and per copied passage, dated `stamp`."""
    found: list[Annotation] = []
    for article in corpus.articles:
        for passage in article.passages:
            key = (article.id, passage.index)
            label = analysis.boilerplate_of(*key)
            if label is not None:
                found.append(_machine(article, passage.index, "boilerplate", label.reason, stamp))
            copies = analysis.duplicates_of(*key)
            if copies:
                where = "; ".join(_where(corpus, d.article, d.passage, d.score) for d in copies)
                found.append(_machine(article, passage.index, "duplicate", f"also in {where}", stamp))
    return found


def _where(corpus: Corpus, article_id: str, index: int, score: float) -> str:
    article = corpus.article(article_id)
    label = article.label if article else article_id
    return f"{label} passage {index} ({score:.0%})"


def _machine(article: Article, index: int, tag: str, note: str, stamp: str) -> Annotation:
    return Annotation(
        id=f"machine:{tag}:{article.id}:{index}",
        article=article.id,
        article_hash=text_hash(article.text),
        target=make_target(article, index),
        tag=tag,
        note=note,
        analyst=MACHINE,
        created=stamp,
        modified=stamp,
        article_path=article.path,
        article_title=article.title,
        kind="machine",
    )
