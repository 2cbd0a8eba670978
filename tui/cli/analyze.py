"""`briefreader analyze`: what the reader would show, as a table or as the JSON report."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tui.cli.common import read_config, read_corpus
from tui.cli.output import EXIT_OK, EXIT_USAGE, fail, say, warn, write_bytes

if TYPE_CHECKING:
    from annotations.corpus.models import Analysis, Article


def run_analyze(options: argparse.Namespace) -> int:
    from annotations.analysis import analyze
    from annotations.parallel import cores

    if options.pretty and not options.json:
        fail("--pretty goes with --json", EXIT_USAGE)
    config = read_config(options.config)
    corpus = read_corpus(options.paths)
    if not corpus.articles:
        fail("no articles could be loaded", EXIT_USAGE)
    analysis = analyze(corpus, config, overrides=_overrides(options.db), workers=options.jobs or cores())
    if options.json:
        from annotations.copies.overlap import collector_paused
        from annotations.exchange.report import to_json
        from annotations.exchange.writing import dumps

        with collector_paused():
            report = dumps(to_json(corpus, analysis), pretty=options.pretty)
        write_bytes(report + b"\n")
        return EXIT_OK
    width = min(30, max(len(article.label) for article in corpus.articles))
    by_id = {article.id: article for article in corpus.articles}
    stories = analysis.stories if len(analysis.stories) > 1 else ()
    groups = [[by_id[i] for i in story.articles if i in by_id] for story in stories]
    groups = groups or [list(corpus.articles)]
    for story, articles in zip(stories or (None,), groups, strict=True):
        if story is not None:
            say(f"\n{story.title} ({len(articles)} articles, {len(story.outlets)} outlets): {story.reason}")
        for article in articles:
            say(_article_line(article, analysis, width))
    return EXIT_OK


def _article_line(article: Article, analysis: Analysis, width: int) -> str:
    novelty = analysis.novelty.get(article.id)
    flagged = sum(1 for p in article.passages if (article.id, p.index) in analysis.boilerplate)
    copied = sum(1 for p in article.passages if analysis.duplicates_of(article.id, p.index))
    shown = "  -" if novelty is None else f"{novelty:4.0%}"
    return (
        f"{article.label[:width]:<{width}} {shown} new  {len(article.passages):3d} passages  "
        f"{copied:3d} copied  {flagged:3d} boilerplate  {article.title}"
    )


def _overrides(db: str | None) -> dict[tuple[str, int], bool]:
    """The analysts' boilerplate overrides from the store (none, with a warning, if it cannot be read)."""
    from annotations.store.store import StoreError, open_store

    try:
        store = open_store(db, read_only=True)
    except StoreError as error:
        warn(f"{error.message}; boilerplate overrides not applied")
        return {}
    try:
        return store.overrides()
    finally:
        store.close()
