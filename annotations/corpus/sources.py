"""Which articles to read for a store command: the paths given, else those the store recorded."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from annotations.corpus.loading import is_article_file, load_corpus
from annotations.corpus.models import Annotation, Corpus

MAX_SIBLINGS = 500
"""A folder with more article files than this is not one story's coverage: only the recorded files load."""


def corpus_for(annotations: Iterable[Annotation], paths: Sequence[str | os.PathLike[str]] = ()) -> Corpus:
    """The given paths; else the recorded files with the articles beside them; else the bundled seeds."""
    if paths:
        return load_corpus(paths)
    recorded = sorted({a.article_path for a in annotations if a.article_path})
    present = [Path(path) for path in recorded if Path(path).is_file()]
    if not present:
        return load_corpus()
    files: list[Path] = []
    for folder in sorted({path.parent for path in present}):
        files.extend(_siblings(folder) or [p for p in present if p.parent == folder])
    return load_corpus(files)


def _siblings(folder: Path) -> list[Path]:
    """The article files directly in `folder` (the other outlets' versions of the story), if few."""
    try:
        found = sorted(p for p in folder.iterdir() if is_article_file(p.name) and p.is_file())
    except OSError:
        return []
    return found if len(found) <= MAX_SIBLINGS else []
