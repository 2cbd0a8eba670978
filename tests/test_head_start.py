"""The analysis child begun on the paths gives the analysis the reader would get, or asks for the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotations.analysis import analyze
from annotations.config import Config
from annotations.corpus.loading import load_corpus, seeds_dir
from annotations.corpus.models import Corpus
from annotations.leftovers.title import retitled
from tests.app_helpers import sync
from tests.test_app import settle
from tui import background
from tui.app import BriefReaderApp
from tui.background import HeadStart, analyse_elsewhere
from tui.screens.main import MainScreen


def loaded(folder: Path) -> Corpus:
    return retitled(load_corpus([folder]))


def test_a_head_start_on_the_same_files_gives_the_same_analysis() -> None:
    folder = seeds_dir()
    head_start = HeadStart([str(folder)], Config())
    corpus = loaded(folder)
    overrides = {(corpus.articles[0].id, 0): True}
    stages: list[str] = []
    remote = analyse_elsewhere(
        corpus, Config(), lambda stage, done: stages.append(stage), lambda: False, overrides, head_start
    )
    assert remote == analyze(corpus, Config(), overrides)
    assert remote.boilerplate[(corpus.articles[0].id, 0)].reason == "marked as boilerplate by the analyst"
    assert "receiving" in stages


def test_files_that_changed_since_the_head_start_read_them_are_sent_over(tmp_path: Path) -> None:
    for seed in sorted(seeds_dir().iterdir()):
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    head_start = HeadStart([str(tmp_path)], Config())
    changed = tmp_path / "changed"
    changed.mkdir()
    for seed in sorted(tmp_path.glob("*.*")):
        (changed / seed.name).write_text(seed.read_text(encoding="utf-8") + "\n\nA late paragraph.", "utf-8")
    corpus = loaded(changed)
    remote = analyse_elsewhere(corpus, Config(), lambda stage, done: None, lambda: False, {}, head_start)
    assert remote == analyze(corpus, Config())


def test_other_settings_start_a_fresh_child() -> None:
    folder = seeds_dir()
    head_start = HeadStart([str(folder)], Config())
    corpus = loaded(folder)
    other = Config(boilerplate_threshold=0.9)
    remote = analyse_elsewhere(corpus, other, lambda stage, done: None, lambda: False, {}, head_start)
    assert remote == analyze(corpus, other)
    assert head_start.take(Config()) is None


@sync
async def test_the_reader_takes_its_analysis_from_the_head_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in sorted(seeds_dir().iterdir()):
        (folder / seed.name).write_bytes(seed.read_bytes())
    monkeypatch.setattr(background, "PROCESS_PASSAGES", 0)  # the seeds are analysed in the child too
    head_start = HeadStart([str(folder)], Config())
    app = BriefReaderApp([str(folder)], config=Config(), head_start=head_start)
    async with app.run_test() as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen) and screen.analysed
        expected = analyze(loaded(folder), Config())
        assert screen.analysis.duplicates == expected.duplicates
        assert screen.analysis.stories == expected.stories
        assert head_start.take(Config()) is None


def test_no_process_to_spare_means_no_head_start(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **options: object) -> None:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(background.subprocess, "Popen", refuse)
    head_start = HeadStart([str(seeds_dir())], Config())
    assert head_start.take(Config()) is None
