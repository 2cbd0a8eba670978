"""A full disk, short writes, failing fsyncs and damaged files: nothing acknowledged is lost or hidden."""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotations.corpus.models import Corpus
from annotations.store.documents import to_doc
from annotations.store.journal import encode
from annotations.store.storage import StoreError, journal_path, set_aside
from annotations.store.store import Store, open_store
from annotations.store.tagging import Tagger
from tests.disk_helpers import tmpfs
from tests.store_helpers import annotation, article

REAL_WRITE = os.write


def _tagger(store: Store) -> Tagger:
    return Tagger(store, Corpus("one", (article(),)), "ann")


def test_short_writes_are_completed_before_the_tag_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "annotations.json"
    store = open_store(path)

    def trickle(fd: int, data: bytes) -> int:
        return REAL_WRITE(fd, bytes(data[:7]))

    monkeypatch.setattr(os, "write", trickle)
    assert _tagger(store).toggle(("geneva", 0), "quote").ok
    monkeypatch.undo()
    assert journal_path(path).read_bytes().endswith(b"\n")
    reopened = open_store(path)
    assert [a.tag for a in reopened.all()] == ["quote"]
    reopened.close()
    store.close()


@pytest.mark.parametrize("failing", ["write", "fsync"])
def test_a_failed_append_is_undone_in_memory_and_cut_from_the_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    path = tmp_path / "annotations.json"
    store = open_store(path)
    tagger = _tagger(store)
    assert tagger.toggle(("geneva", 0), "quote").ok
    saved = journal_path(path).read_bytes()

    def half_then_full(fd: int, data: bytes) -> int:
        REAL_WRITE(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")

    def broken_fsync(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    if failing == "write":
        monkeypatch.setattr(os, "write", half_then_full)
    else:
        monkeypatch.setattr(os, "fsync", broken_fsync)
    outcome = tagger.toggle(("geneva", 1), "claim")
    monkeypatch.undo()
    assert not outcome.ok
    expected = f"no space left on {path}" if failing == "write" else f"could not save {path}"
    assert outcome.message.startswith(f"Not saved: {expected}")
    assert tagger.tags_on(("geneva", 1)) == () and len(store) == 1
    assert journal_path(path).read_bytes() == saved
    assert tagger.toggle(("geneva", 2), "claim").ok
    store.close()
    assert sorted(a.target.passage for a in open_store(path).all()) == [0, 2]


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs (needs root and mount permission; skipped elsewhere)."""
    with tmpfs(tmp_path / "tiny", "64k") as folder:
        yield folder


def test_a_full_disk_never_loses_an_acknowledged_tag_nor_hides_the_others(tiny_disk: Path) -> None:
    path = tiny_disk / "annotations.json"
    filler = tiny_disk / "filler"
    filler.write_bytes(b"\0" * 16 * 1024)
    store = open_store(path)
    source = article()
    acknowledged: list[str] = []
    failures: list[str] = []
    for number in range(400):
        item = annotation(source, number % 4, f"tag-{number}", note="x" * 200)
        try:
            store.apply([(None, item)])
        except StoreError as error:
            failures.append(error.message)
            if len(failures) == 3:
                break
            continue
        acknowledged.append(item.id)
    assert failures == [f"no space left on {path}"] * 3
    assert sorted(a.id for a in store.all()) == sorted(acknowledged)
    assert journal_path(path).read_bytes().endswith(b"\n")
    look = open_store(path, read_only=True)
    assert sorted(a.id for a in look.all()) == sorted(acknowledged)
    look.close()
    filler.unlink()  # space comes back: tagging goes on after the failures
    for number in range(5):
        item = annotation(source, number % 4, f"later-{number}")
        store.apply([(None, item)])
        acknowledged.append(item.id)
    store.close()
    reopened = open_store(path)
    found = {a.id for a in reopened.all()}
    print(f"full disk: {len(acknowledged)} tags acknowledged, {len(failures)} refused, "
          f"{len(set(acknowledged) - found)} acknowledged lost, 0 unreadable stores")
    assert sorted(found) == sorted(acknowledged)
    reopened.close()


def test_a_damaged_line_in_the_middle_names_it_and_setting_aside_keeps_every_other_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "annotations.json"
    source = article()
    kept = [annotation(source, index) for index in range(3)]
    store = open_store(path)
    store.apply([(None, kept[0])])
    store.close()
    lines = [encode({"set": {"annotations": {"2": to_doc(kept[1])}}}),
             b'{"set": {"annotations": {"9": {"id": "torn, then written over\n',
             encode({"set": {"annotations": {"3": to_doc(kept[2])}}})]
    journal_path(path).write_bytes(b"".join(lines))
    snapshot = path.read_bytes()
    with pytest.raises(StoreError, match=r"annotations\.json\.journal: line 2 is damaged"):
        open_store(path)
    assert journal_path(path).read_bytes() == b"".join(lines)
    moved = set_aside(path)
    assert moved.read_bytes() == snapshot
    assert moved.with_name(moved.name + ".journal").read_bytes() == b"".join(lines)
    recovered = open_store(path)
    assert sorted(a.id for a in recovered.all()) == sorted(a.id for a in kept)
    recovered.close()


@pytest.mark.parametrize("where", ["snapshot", "journal"])
def test_a_non_integer_document_id_is_a_broken_store_left_untouched(tmp_path: Path, where: str) -> None:
    path = tmp_path / "annotations.json"
    store = open_store(path)
    store.apply([(None, annotation(article(), 0))])
    store.close()
    doc = path.read_text(encoding="utf-8")
    if where == "snapshot":
        path.write_text(doc.replace('"annotations":{"1"', '"annotations":{"abc"'), encoding="utf-8")
        expected = "document id 'abc' is not a number"
    else:
        journal_path(path).write_text('{"set": {"annotations": {"abc": {}}}}\n', encoding="utf-8")
        expected = "line 1 is damaged"
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if not p.name.endswith(".lock")}
    with pytest.raises(StoreError) as raised:
        open_store(path)
    assert expected in raised.value.message and str(path) in raised.value.message
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if not p.name.endswith(".lock")} == before
    set_aside(path)
    fresh = open_store(path)
    assert len(fresh) == (1 if where == "journal" else 0)  # a damaged journal line: the rest is kept
    fresh.close()


@pytest.fixture
def read_only_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder holding a saved store, remounted read-only (needs root; skipped elsewhere)."""
    with tmpfs(tmp_path / "ro", "1m") as folder:
        store = open_store(folder / "annotations.json")
        store.apply([(None, annotation(article(), 0))])
        store.close()
        (folder / "annotations.json.lock").unlink()
        remounted = subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True,
                                   check=False)
        if remounted.returncode != 0:
            pytest.skip("cannot remount read-only here")
        yield folder


def test_a_lock_file_that_cannot_be_created_is_one_clear_error(read_only_disk: Path) -> None:
    path = read_only_disk / "annotations.json"
    with pytest.raises(StoreError) as raised:
        open_store(path)
    assert raised.value.message == (f"{path}: cannot create the lock file annotations.json.lock "
                                    "(Read-only file system)")
    reading = open_store(path, read_only=True)
    assert len(reading) == 1
    reading.close()


def test_a_full_disk_under_the_lock_file_is_one_clear_error(tiny_disk: Path) -> None:
    _fill(tiny_disk)
    with pytest.raises(StoreError, match=r"cannot create the lock file annotations\.json\.lock \(No space"):
        open_store(tiny_disk / "annotations.json")


def _fill(folder: Path) -> None:
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
