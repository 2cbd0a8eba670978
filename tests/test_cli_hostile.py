"""Hostile file names, tags, notes and analyst names never reach the terminal as escape sequences."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from annotations.corpus.loading import load_corpus
from annotations.store.store import open_store
from tests.store_helpers import annotation

ROOT = Path(__file__).resolve().parents[1]

TITLE = "\x1b]0;pwned\x07"
"""Sets the terminal's title."""
CSI = "\x1b[31;1m"
"""Colours what follows."""
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
"""Writes "rm -rf ~" into the clipboard."""
C1_CSI = "\u009b2J"
"""Clears the screen on terminals that obey 8-bit controls."""
HOSTILE = (TITLE, CSI, CLIPBOARD, C1_CSI)
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""ESC, BEL and every other C0 control but tab, newline and CR (CSV ends lines with CRLF), DEL, C1."""

TEXT = (
    "Title: {mark}Harbour deal{mark}\n\n"
    "The harbour authority signed the deal on Monday after six months of talks with the union.\n\n"
    "Dock workers will get a raise of four percent over two years, the union said in a statement.\n"
)


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, env=env, check=False)


def assert_clean(result: subprocess.CompletedProcess[bytes]) -> str:
    """Both streams free of control characters; the decoded standard output."""
    for stream in (result.stdout, result.stderr):
        text = stream.decode("utf-8")
        found = sorted({f"U+{ord(c):04X}" for c in FORBIDDEN.findall(text)})
        assert found == [], text[:500]
    assert b"Traceback" not in result.stderr
    return result.stdout.decode("utf-8")


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, Path]:
    """A folder of articles named with escape sequences, and a store of hostile annotations on them."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for number, mark in enumerate(HOSTILE):
        (folder / f"{mark}{number}.txt").write_text(TEXT.format(mark=mark), encoding="utf-8")
    (folder / f"{TITLE}empty.txt").write_bytes(b"")  # a problem, printed on standard error
    corpus = load_corpus([folder])
    assert len(corpus.articles) == len(HOSTILE)
    db = tmp_path / "db.json"
    store = open_store(db)
    rows = []
    for number, article in enumerate(corpus.articles):
        for analyst in (f"ann{CSI}", f"bob{TITLE}"):
            mark = HOSTILE[number]
            rows.append(annotation(article, 1, f"tag{mark}", analyst=analyst, note=f"note{CLIPBOARD}"))
    store.apply([(None, a) for a in rows])
    store.close()
    return folder, db


def test_analyze_prints_hostile_names_cleaned(hostile: tuple[Path, Path]) -> None:
    folder, _ = hostile
    out = assert_clean(run("analyze", str(folder)))
    assert out.count("\n") == len(HOSTILE) and "Harbour deal" in out
    data = json.loads(assert_clean(run("analyze", "--json", str(folder))))
    assert len(data["articles"]) == len(HOSTILE)
    assert_clean(run("analyze", "--json", "--pretty", str(folder)))


@pytest.mark.parametrize("fmt", ["md", "csv", "jsonl", "json", "w3c"])
def test_export_prints_hostile_tags_notes_and_analysts_cleaned(hostile: tuple[Path, Path], fmt: str) -> None:
    folder, db = hostile
    out = assert_clean(run("export", str(folder), "--db", str(db), "--format", fmt))
    assert "note" in out and "ann" in out


def test_export_to_a_file_writes_no_controls_either(hostile: tuple[Path, Path], tmp_path: Path) -> None:
    folder, db = hostile
    for fmt in ("md", "csv"):
        target = tmp_path / f"out.{fmt}"
        assert run("export", str(folder), "--db", str(db), "--format", fmt, "-o", str(target)).returncode == 0
        assert FORBIDDEN.findall(target.read_text(encoding="utf-8").replace("\r\n", "\n")) == []


def test_import_and_agreement_print_hostile_values_cleaned(
    hostile: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, db = hostile
    exported = tmp_path / "team.jsonl"
    assert run("export", str(folder), "--db", str(db), "-o", str(exported)).returncode == 0
    mine = tmp_path / "mine.json"
    out = assert_clean(run("import", str(exported), "--db", str(mine)))
    assert "imported" in out
    bad = tmp_path / f"{TITLE}bad.jsonl"
    bad.write_text('{"tag": "x\\u001b]0;CHIPPWN\\u0007y"}\n', encoding="utf-8")
    result = run("import", str(bad), "--db", str(mine))
    assert result.returncode == 1
    assert_clean(result)
    result = run("agreement", str(folder), "--db", str(db), "--analysts", f"ann{CSI}", f"bob{TITLE}")
    out = assert_clean(result)
    assert "Agreement between ann" in out and "bob" in out


def test_a_usage_error_repeats_hostile_arguments_cleaned(tmp_path: Path) -> None:
    result = run("import", str(tmp_path / "a.jsonl"), str(tmp_path / f"{TITLE}b.jsonl"))
    assert result.returncode == 2 and b"unrecognized arguments" in result.stderr
    assert_clean(result)
