"""The store survives crashes, broken files, failing disks and a second briefreader on it."""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from annotations.store import storage as storage_module
from annotations.store.storage import AtomicJSONStorage, StoreError, journal_path, set_aside
from annotations.store.store import Store, open_store
from annotations.store.tagging import Tagger
from tests.store_helpers import annotation, article

ROOT = Path(__file__).resolve().parent.parent

WRITER = textwrap.dedent(
    """
    import sys, uuid
    import annotations.store.storage as storage
    from annotations.store.store import open_store
    from tests.store_helpers import annotation, article
    storage.COMPACT_EVERY = int(sys.argv[2])
    store = open_store(sys.argv[1])
    source = article()
    count = len(store)
    print("ready", count, flush=True)
    while True:
        store.apply([(None, annotation(source, count % 4, f"tag-{count}"))])
        count += 1
        print(count, flush=True)
    """
)

HOLDER = textwrap.dedent(
    """
    import sys
    from annotations.corpus.models import Corpus
    from annotations.store.store import open_store
    from annotations.store.tagging import Tagger
    from tests.store_helpers import article
    store = open_store(sys.argv[1])
    print("read-only" if store.read_only else "writable", store.notice, flush=True)
    corpus = Corpus("one", (article(),))
    outcome = Tagger(store, corpus, "second").toggle(("geneva", 1), "claim")
    print("ok" if outcome.ok else "refused", outcome.message, flush=True)
    sys.stdin.readline()
    store.close()
    """
)


def _python(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args], cwd=ROOT, text=True,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def test_kill_9_at_any_moment_leaves_a_store_that_loads(tmp_path: Path) -> None:
    """BRIEFREADER_KILLS=100 runs the long version; the counts are printed (pytest -s)."""
    path = tmp_path / "annotations.json"
    chance = random.Random(7)
    kills = int(os.environ.get("BRIEFREADER_KILLS", "12"))
    unreadable = lost = 0
    for _ in range(kills):
        child = _python(WRITER, str(path), "5")
        assert child.stdout is not None
        ready = child.stdout.readline().split()
        assert ready and ready[0] == "ready", child.stderr.read() if child.stderr else ""
        acknowledged = int(ready[1])
        for _ in range(chance.randint(1, 40)):
            acknowledged = int(child.stdout.readline())
        child.send_signal(signal.SIGKILL)
        child.wait()
        # The writer ran on while we read: its last acknowledgement is the last line it printed.
        printed = child.stdout.read().split()
        acknowledged = int(printed[-1]) if printed else acknowledged
        try:
            store = open_store(path)
        except StoreError:
            unreadable += 1
            set_aside(path)
            continue
        lost += max(0, acknowledged - len(store))
        assert len(store) <= acknowledged + 1
        assert not list(tmp_path.glob("*.tmp"))
        store.close()
    print(f"{kills} kills: {unreadable} unreadable stores, {lost} lost acknowledged tags")
    assert (unreadable, lost) == (0, 0)
    assert len(open_store(path)) >= kills


def test_torn_last_journal_line_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(tmp_path / "live" / "annotations.json")
    source = article()
    kept = [annotation(source, index) for index in range(3)]
    for item in kept:
        store.apply([(None, item)])
    crashed = tmp_path / "crashed"
    shutil.copytree(tmp_path / "live", crashed)
    store.close()
    with journal_path(crashed / "annotations.json").open("ab") as journal:
        journal.write(b'{"set": {"annotations": {"9": {"id": "half')
    def broken_replace(src: str, dst: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage_module.os, "replace", broken_replace)
    reopened = open_store(crashed / "annotations.json")
    assert sorted(a.id for a in reopened.all()) == sorted(a.id for a in kept)
    reopened.apply([(None, annotation(source, 3))])
    reopened.close()
    monkeypatch.undo()
    assert len(open_store(crashed / "annotations.json")) == 4


def test_damaged_journal_line_in_the_middle_is_an_error_not_a_silent_loss(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    journal_path(path).write_bytes(b"garbage\n{}\n")
    with pytest.raises(StoreError, match="line 1 is damaged"):
        open_store(path)
    assert journal_path(path).read_bytes() == b"garbage\n{}\n"


def test_corrupt_store_is_set_aside_and_a_new_one_starts(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    path.write_text('{"annotations": {"1": ', encoding="utf-8")
    with pytest.raises(StoreError) as raised:
        open_store(path)
    assert raised.value.path == path
    moved = set_aside(path)
    assert moved.name.startswith("annotations.json.broken-") and len(moved.name) == len(
        "annotations.json.broken-20260101T000000"
    )
    assert moved.read_text(encoding="utf-8") == '{"annotations": {"1": '
    fresh = open_store(path)
    assert len(fresh) == 0 and not fresh.read_only
    fresh.apply([(None, annotation(article(), 0))])
    fresh.close()
    assert moved.read_text(encoding="utf-8") == '{"annotations": {"1": '


def test_failing_replace_leaves_the_old_file_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "annotations.json"
    store = Store(AtomicJSONStorage(path))
    source = article()
    first = annotation(source, 0)
    store.apply([(None, first)])
    before = path.read_bytes()

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(storage_module.os, "replace", broken_replace)
    with pytest.raises(StoreError, match="could not save"):
        store.apply([(None, annotation(source, 1))])
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["annotations.json"]
    assert [a.id for a in store.all()] == [first.id]


def test_failing_compaction_keeps_every_change_in_the_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "annotations.json"
    store = open_store(path)
    source = article()
    store.apply([(None, annotation(source, 0))])
    def broken_replace(src: str, dst: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage_module, "COMPACT_EVERY", 1)
    monkeypatch.setattr(storage_module.os, "replace", broken_replace)
    store.apply([(None, annotation(source, 1))])
    store.close()
    monkeypatch.undo()
    assert len(open_store(path)) == 2


def test_disk_full_during_a_tag_changes_nothing_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotations.corpus.models import Corpus

    path = tmp_path / "annotations.json"
    store = open_store(path)
    tagger = Tagger(store, Corpus("one", (article(),)), "ann")
    assert tagger.toggle(("geneva", 0), "quote").ok
    real_write = os.write

    def full(fd: int, data: bytes) -> int:
        real_write(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage_module.os, "write", full)
    outcome = tagger.toggle(("geneva", 1), "claim")
    assert not outcome.ok and outcome.message == f"Not saved: no space left on {path}"
    assert tagger.tags_on(("geneva", 1)) == ()
    monkeypatch.undo()
    assert tagger.toggle(("geneva", 2), "claim").ok
    store.close()
    reopened = open_store(path)
    assert sorted(a.target.passage for a in reopened.all()) == [0, 2]


def test_second_process_opens_read_only_and_cannot_lose_the_first_ones_changes(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    first = open_store(path)
    source = article()
    first.apply([(None, annotation(source, 0))])
    second = _python(HOLDER, str(path))
    out, err = second.communicate("\n", timeout=60)
    assert second.returncode == 0, err
    status, refused = out.splitlines()
    assert status.startswith("read-only") and f"pid {os.getpid()}" in status
    assert refused.startswith("refused") and "read-only" in refused
    first.apply([(None, annotation(source, 2))])
    first.close()
    assert sorted(a.target.passage for a in open_store(path).all()) == [0, 2]


def test_first_process_keeps_the_store_while_this_one_reads(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    holder = _python(HOLDER, str(path))
    assert holder.stdout is not None
    assert holder.stdout.readline().startswith("writable")
    assert holder.stdout.readline().startswith("ok")
    here = open_store(path)
    assert here.read_only and here.notice and "read-only" in here.notice
    assert [a.tag for a in here.all()] == ["claim"]
    holder.communicate("\n", timeout=60)
    here.close()
    after = open_store(path)
    assert not after.read_only and [a.tag for a in after.all()] == ["claim"]
    after.close()



def test_read_only_instance_refreshes_to_see_the_writers_changes(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    writer = open_store(path)
    reader = open_store(path)
    assert reader.read_only and len(reader) == 0
    source = article()
    writer.apply([(None, annotation(source, 0)), (None, annotation(source, 1))])
    reader.refresh()
    assert len(reader) == 2
    writer.close()
    reader.close()


def test_a_read_only_instance_takes_over_once_the_writer_has_closed(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    holder = _python(HOLDER, str(path))
    assert holder.stdout is not None
    assert holder.stdout.readline().startswith("writable")
    assert holder.stdout.readline().startswith("ok")
    here = open_store(path)
    assert here.read_only and not here.take_over() and here.read_only
    assert here.notice is not None and "pid" in here.notice
    holder.communicate("\n", timeout=60)
    assert here.take_over() and not here.read_only and here.notice is None
    assert [a.tag for a in here.all()] == ["claim"]
    here.apply([(None, annotation(article(), 3))])
    third = open_store(path)
    assert third.read_only
    third.close()
    here.close()
    assert len(open_store(path)) == 2


def test_a_store_opened_read_only_on_purpose_is_never_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    looking = open_store(path, read_only=True)
    assert looking.read_only and not looking.take_over()
    looking.close()
