"""`briefreader export`, `import`, `agreement` and `analyze --db` as a user runs them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from annotations.config import data_path
from annotations.corpus.models import Corpus
from annotations.store.store import open_store
from annotations.store.tagging import Tagger
from tui.cli import main


@pytest.fixture
def db(tmp_path: Path, seed_corpus: Corpus) -> Path:
    """A store with two analysts' tags on the first two seed articles."""
    path = tmp_path / "team.json"
    store = open_store(path)
    first, second = seed_corpus.articles[0], seed_corpus.articles[1]
    ann, bob = Tagger(store, seed_corpus, "ann"), Tagger(store, seed_corpus, "bob")
    for tagger in (ann, bob):
        tagger.toggle((first.id, 1), "key-fact")
        tagger.toggle((second.id, 2), "quote")
    ann.toggle((first.id, 3), "claim")
    bob.set_note((first.id, 4), "=cmd|' /C calc'!A0")
    store.close()
    return path


def test_export_jsonl_to_stdout(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", str(db)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 6
    assert {row["analyst"] for row in rows} == {"ann", "bob"}
    assert all(row["title"] and row["quote"] for row in rows)


def test_export_filters_and_csv(db: Path, capsys: pytest.CaptureFixture[str], seed_corpus: Corpus) -> None:
    first = seed_corpus.articles[0].id
    assert main(["export", "--db", str(db), "--format", "csv", "--article", first]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {row["article"] for row in rows} == {first} and len(rows) == 4
    assert "'=cmd|' /C calc'!A0" in {row["note"] for row in rows}
    assert main(["export", "--db", str(db), "--tag", "quote"]) == 0
    assert [json.loads(line)["tag"] for line in capsys.readouterr().out.splitlines()] == ["quote", "quote"]


def test_export_to_a_file_never_overwrites_without_force(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "brief.md"
    assert main(["export", "--db", str(db), "--format", "md", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Brief")
    out.write_text("keep me", encoding="utf-8")
    assert main(["export", "--db", str(db), "--format", "md", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "exists; use --force" in err and str(out) in err
    assert out.read_text(encoding="utf-8") == "keep me"
    assert main(["export", "--db", str(db), "--format", "w3c", "-o", str(out), "--force"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["type"] == "AnnotationCollection"


def test_export_with_machine_annotations(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", str(db), "--include-machine"]) == 0
    kinds = {json.loads(line)["kind"] for line in capsys.readouterr().out.splitlines()}
    assert kinds == {"tag", "note", "machine"}


def test_import_adds_another_analysts_work_once(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "team.jsonl"
    assert main(["export", "--db", str(db), "-o", str(exported)]) == 0
    mine = tmp_path / "mine.json"
    assert main(["import", str(exported), "--db", str(mine)]) == 0
    assert "imported 6 annotation(s)" in capsys.readouterr().out
    assert main(["import", str(exported), "--db", str(mine)]) == 0
    assert "imported 0 annotation(s), 6 already in the store" in capsys.readouterr().out
    assert sorted({a.analyst for a in open_store(mine).all()}) == ["ann", "bob"]


def test_import_of_a_bad_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("these are not annotations\n", encoding="utf-8")
    assert main(["import", str(bad), "--db", str(tmp_path / "db.json")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err and "Traceback" not in err
    assert main(["import", str(tmp_path / "missing.jsonl")]) == 1
    assert "cannot read" in capsys.readouterr().err
    assert not data_path().exists()


def test_commands_on_a_broken_store_name_it_and_leave_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{oops", encoding="utf-8")
    for command in (["export"], ["agreement", "--analysts", "a", "b"]):
        assert main([*command, "--db", str(broken)]) == 1
        err = capsys.readouterr().err
        assert str(broken) in err and "invalid JSON" in err and err.count("\n") == 1
    assert broken.read_text(encoding="utf-8") == "{oops"


def test_agreement_prints_kappa_per_tag(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["agreement", "--db", str(db), "--analysts", "ann", "bob"]) == 0
    out = capsys.readouterr().out
    assert "Agreement between ann and bob" in out and "2 article(s)" in out
    lines = {line.split()[0]: line.split() for line in out.splitlines() if line.strip()}
    assert lines["key-fact"][-1] == "1.00" and lines["claim"][-1] == "0.00"
    assert "Passages they disagree on (1):" in out


def test_analyze_applies_the_analysts_boilerplate_overrides(
    tmp_path: Path, seed_corpus: Corpus, capsys: pytest.CaptureFixture[str]
) -> None:
    article = seed_corpus.articles[2]
    assert main(["analyze", "--json"]) == 0
    before = json.loads(capsys.readouterr().out)["articles"][2]["passages"]
    plain = next(p["index"] for p in before if p["boilerplate"] is None)
    flagged = [p["index"] for p in before if p["boilerplate"] is not None]
    db = tmp_path / "db.json"
    store = open_store(db)
    tagger = Tagger(store, seed_corpus, "ann")
    tagger.set_override((article.id, plain), True)
    for index in flagged:
        tagger.set_override((article.id, index), False)
    store.close()
    assert main(["analyze", "--json", "--db", str(db)]) == 0
    after = json.loads(capsys.readouterr().out)["articles"][2]["passages"]
    assert [p["index"] for p in after if p["boilerplate"] is not None] == [plain]


def test_import_cleans_control_characters_and_counts_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        {"article": "a\x1b[31m", "quote": "a quote\x07", "tag": "x\x1b]0;CHIPPWN\x07y",
         "analyst": "ann\x9b2J", "note": "line one\r\nline two"},
        {"article": "a", "quote": "another quote", "tag": "Quote", "analyst": "ann", "note": "\u0085"},
        {"article": "a", "quote": "a third quote", "tag": "QUOTE ", "analyst": "bob"},
    ]
    exported = tmp_path / "rows.jsonl"
    exported.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    db = tmp_path / "db.json"
    assert main(["import", str(exported), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "imported 3 annotation(s)" in out and "control characters removed from 5 field(s)" in out
    assert "tag 'Quote' written as 'quote'" in out and "tag 'QUOTE' written as 'quote'" in out
    stored = sorted(open_store(db).all(), key=lambda a: a.target.exact)
    assert [(a.article, a.target.exact, a.tag, a.analyst) for a in stored] == [
        ("a", "a quote", "xy", "ann"),
        ("a", "a third quote", "quote", "bob"),
        ("a", "another quote", "quote", "ann"),
    ]
    assert stored[0].note == "line one\nline two"


def test_import_rejects_a_tag_longer_than_the_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "rows.jsonl"
    exported.write_text(json.dumps({"article": "a", "quote": "q", "tag": "t" * 41}) + "\n", encoding="utf-8")
    assert main(["import", str(exported), "--db", str(tmp_path / "db.json")]) == 1
    assert "record 1: tag longer than 40 characters" in capsys.readouterr().err
