"""Which articles to read for a store command: the paths given, else those the store recorded."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from annotations.loading import load_corpus, seeds_dir
from annotations.models import Annotation, Corpus


def corpus_for(annotations: Iterable[Annotation], paths: Sequence[str | os.PathLike[str]] = ()) -> Corpus:
    """The given paths; else the files the annotations name, plus the bundled seeds if any is gone."""
    if paths:
        return load_corpus(paths)
    recorded = sorted({a.article_path for a in annotations if a.article_path})
    present = [path for path in recorded if Path(path).is_file()]
    if not present:
        return load_corpus()
    if len(present) < len(recorded):
        present.append(str(seeds_dir()))
    return load_corpus(present)
