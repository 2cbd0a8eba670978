"""A full disk, a full standard output or a pathological input: one line, never a traceback."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotations.store.store import open_store
from tests.disk_helpers import tmpfs

ROOT = Path(__file__).resolve().parents[1]
ROW = '{"article": "a", "quote": "a quote", "tag": "t", "analyst": "ann"}\n'


def run(*args: str, stdout: int | None = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], stdout=stdout, stderr=subprocess.PIPE, env=env,
        text=True, check=False,
    )


def assert_one_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    for word in words:
        assert word in result.stderr


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on a 64 KiB file system with no byte left."""
    with tmpfs(tmp_path / "disk", "64k") as mount:
        with open(mount / "filler", "wb", buffering=0) as filler, contextlib.suppress(OSError):
            while True:
                filler.write(b"\0" * 4096)
        yield mount


def test_export_and_import_on_a_full_disk_say_so(full_disk: Path, tmp_path: Path) -> None:
    db = full_disk / "db.json"
    rows = tmp_path / "rows.jsonl"
    rows.write_text(ROW, encoding="utf-8")
    assert_one_line(run("import", str(rows), "--db", str(db)), str(db), "No space left on device")
    assert_one_line(run("export", "--db", str(db)), str(db), "No space left on device")


def test_an_export_to_a_full_disk_leaves_nothing_behind(full_disk: Path, tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    rows = tmp_path / "rows.jsonl"
    rows.write_text(ROW, encoding="utf-8")
    assert run("import", str(rows), "--db", str(db)).returncode == 0
    target = full_disk / "out.jsonl"
    assert_one_line(run("export", "--db", str(db), "-o", str(target)), str(target), "No space left on device")
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler"]


@pytest.mark.parametrize("command", [["analyze"], ["analyze", "--json"], ["export"]])
def test_a_full_standard_output_is_one_line(command: list[str], tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    rows = tmp_path / "rows.jsonl"
    rows.write_text(ROW, encoding="utf-8")
    assert run("import", str(rows), "--db", str(db)).returncode == 0
    with open("/dev/full", "w") as full:
        result = run(*command, "--db", str(db), stdout=full.fileno())
    assert_one_line(result, "cannot write to standard output", "No space left on device")


@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_an_import_nested_100000_levels_deep_is_one_line(tmp_path: Path, opening: str) -> None:
    deep = tmp_path / "deep.json"
    closing = "]" if opening == "[" else "}"
    deep.write_text(opening * 100_000 + "1" + closing * 100_000, encoding="utf-8")
    db = tmp_path / "db.json"
    assert_one_line(run("import", str(deep), "--db", str(db)), str(deep), "nested too deeply")
    assert len(open_store(db).all()) == 0
