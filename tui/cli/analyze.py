"""`briefreader analyze`: what the reader would show, as a table or as the JSON report."""

from __future__ import annotations

import argparse

from tui.cli.common import read_config, read_corpus
from tui.cli.output import EXIT_OK, EXIT_USAGE, fail, say, warn, write_bytes


def run_analyze(options: argparse.Namespace) -> int:
    from annotations.analysis import analyze

    if options.pretty and not options.json:
        fail("--pretty goes with --json", EXIT_USAGE)
    config = read_config(options.config)
    corpus = read_corpus(options.paths)
    if not corpus.articles:
        fail("no articles could be loaded", EXIT_USAGE)
    analysis = analyze(corpus, config, overrides=_overrides(options.db))
    if options.json:
        from annotations.exchange.jsontext import dumps
        from annotations.exchange.report import to_json

        write_bytes(dumps(to_json(corpus, analysis), pretty=options.pretty) + b"\n")
        return EXIT_OK
    for article in corpus.articles:
        novelty = analysis.novelty.get(article.id)
        flagged = sum(1 for p in article.passages if (article.id, p.index) in analysis.boilerplate)
        copied = sum(1 for p in article.passages if analysis.duplicates_of(article.id, p.index))
        shown = "  -" if novelty is None else f"{novelty:4.0%}"
        say(
            f"{article.label:<12} {shown} new  {len(article.passages):3d} passages  "
            f"{copied:3d} copied  {flagged:3d} boilerplate  {article.title}"
        )
    return EXIT_OK


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
