"""Shared fixtures: every test gets its own config and data folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotations.corpus.loading import seeds_dir
from annotations.corpus.models import Corpus


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point platformdirs' config and data folders at the test's own tmp folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("HOME", str(home))
    return home


@pytest.fixture(scope="session")
def seeds() -> Path:
    return seeds_dir()


@pytest.fixture(scope="session")
def seed_corpus() -> Corpus:
    from annotations.corpus.loading import load_corpus

    return load_corpus()
