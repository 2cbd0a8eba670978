"""Store commands find the articles on their own: the recorded files and the coverage beside them."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from annotations.corpus.loading import corpus_for, seeds_dir
from tests.store_helpers import annotation, article


def test_recorded_file_brings_the_other_articles_of_its_folder(tmp_path: Path) -> None:
    for source in sorted(seeds_dir().glob("*.txt"))[:3]:
        shutil.copy(source, tmp_path / source.name)
    (tmp_path / "notes.csv").write_text("not an article", encoding="utf-8")
    tagged = replace(annotation(article(), 0), article_path=str(sorted(tmp_path.glob("*.txt"))[0]))
    corpus = corpus_for([tagged])
    assert [a.path for a in corpus.articles] == [str(p) for p in sorted(tmp_path.glob("*.txt"))]


def test_missing_files_fall_back_to_the_bundled_seeds() -> None:
    gone = replace(annotation(article(), 0), article_path="/nowhere/at/all.txt")
    assert len(corpus_for([gone]).articles) == 5
    assert len(corpus_for([]).articles) == 5


def test_paths_given_win(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Only article.\n", encoding="utf-8")
    assert [a.id for a in corpus_for([annotation(article(), 0)], [tmp_path]).articles] == ["one"]
