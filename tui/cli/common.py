"""What the commands share: reading the settings and the articles, and opening the store."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from tui.cli.output import fail, warn

if TYPE_CHECKING:  # the store pulls in TinyDB: only the commands that use it pay for it
    from annotations.config import Config
    from annotations.corpus.models import Analysis, Annotation, Corpus
    from annotations.store.store import Store


def read_config(path: str | None) -> Config:
    """The settings; their problem, if any, on standard error (the defaults stand in)."""
    from annotations.config import load_config

    config = load_config(path)
    if config.problem:
        warn(config.problem)
    return config


def read_corpus(paths: Sequence[str], recorded: Iterable[Annotation] | None = None) -> Corpus:
    """The articles at `paths` (else those the store records, else the seeds), problems on stderr."""
    from annotations.corpus.loading import corpus_for
    from annotations.leftovers.title import retitled

    corpus = retitled(corpus_for(recorded or (), paths))
    for problem in corpus.problems:
        warn(f"{problem.path}: {problem.error}")
    return corpus


def analysis_for(store: Store, corpus: Corpus, config_path: str | None) -> Analysis:
    from annotations.analysis import analyze
    from annotations.parallel import cores

    return analyze(corpus, read_config(config_path), overrides=store.overrides(), workers=cores())


@contextmanager
def opened_store(db: str | None, *, read_only: bool = False) -> Iterator[Store]:
    """The store, closed afterwards; a store that cannot be opened ends the command in one line."""
    from annotations.config import data_path
    from annotations.store.storage import StoreError
    from annotations.store.store import open_store

    try:
        store = open_store(db, read_only=read_only)
    except StoreError as error:
        fail(error.message)
    except OSError as error:  # e.g. no space left for its lock file
        fail(f"{db or data_path()}: cannot open the annotation store ({error.strerror or error})")
    try:
        yield store
    except StoreError as error:
        fail(error.message)
    finally:
        store.close()
