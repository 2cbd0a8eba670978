"""The reader over a store another briefreader holds, or one that is broken: what the analyst sees."""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

import pytest

from annotations.corpus.loading import load_corpus
from annotations.store.store import Store, open_store
from tests.app_helpers import sync
from tests.store_helpers import annotation, article
from tests.test_app_tagging import SIZE, ready, saved, store_problem_shown
from tui import store_opening
from tui.app import BriefReaderApp
from tui.screens.main import MainScreen
from tui.screens.store_problem import StoreProblem

OPENING_TIMEOUT = 60.0


@sync
async def test_W_takes_the_store_over_once_the_other_reader_has_closed_it(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    holder = open_store(db)  # its own lock file description: the lock conflicts inside one process too
    app = BriefReaderApp(db=str(db))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await ready(app, pilot)
        assert screen.store is not None and screen.store.read_only
        assert any("press W" in n.message for n in app._notifications)
        await pilot.press("W")
        await pilot.pause()
        assert screen.store.read_only
        assert any("still open there" in n.message for n in app._notifications)
        holder.close()
        await pilot.press("W")
        await pilot.pause()
        assert not screen.store.read_only
        assert any("writable in this window" in n.message for n in app._notifications)
        key = screen.reader.current_key
        await pilot.press("1")
        await pilot.pause()
        assert key is not None and key in screen.chips
    assert [a.key for a in saved(db)] == [key]


@sync
async def test_a_store_with_a_non_integer_id_is_offered_to_be_set_aside(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    store = open_store(db)
    store.apply([(None, annotation(article(), 0))])
    store.close()
    broken = db.read_text(encoding="utf-8").replace('"annotations":{"1"', '"annotations":{"abc"')
    db.write_text(broken, encoding="utf-8")
    app = BriefReaderApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await store_problem_shown(app, pilot)
        assert isinstance(app.screen, StoreProblem) and "'abc' is not a number" in app.screen.error.message
        await pilot.press("s")
        await ready(app, pilot)
        await pilot.press("1")
        await pilot.pause()
    [aside] = db.parent.glob("annotations.json.broken-*")
    assert aside.read_text(encoding="utf-8") == broken
    assert len(saved(db)) == 1


@sync
async def test_a_tag_the_full_disk_refused_is_not_on_screen_and_the_reader_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "annotations.json"
    app = BriefReaderApp(db=str(db))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await ready(app, pilot)
        key = screen.reader.current_key
        await pilot.press("1")
        await pilot.pause()
        before = dict(screen.chips)
        assert key in before

        def full(fd: int, data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(os, "write", full)
        await pilot.press("2")
        await pilot.pause()
        monkeypatch.undo()
        assert f"Not saved: no space left on {db}" in [n.message for n in app._notifications]
        assert screen.chips == before
        await pilot.press("u")  # undoes the first tag: the refused one was never an action
        await pilot.pause()
        assert screen.chips == {}
    assert saved(db) == ()


@sync
async def test_keys_are_answered_while_a_big_store_opens_and_tag_keys_apply_after_it_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "annotations.json"
    corpus = load_corpus()
    keys = [(a, p.index) for a in corpus.articles for p in a.passages]
    store = open_store(db)
    store.apply([(None, annotation(*keys[n % len(keys)], analyst="other")) for n in range(3000)])
    store.close()
    release = threading.Event()

    def slow_open(path: Path) -> Store:
        release.wait(OPENING_TIMEOUT)
        return open_store(path)

    monkeypatch.setattr(store_opening, "open_store", slow_open)
    app = BriefReaderApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen_stack[0]
        assert isinstance(screen, MainScreen)
        for _ in range(20):  # the store starts opening once the first article is on screen
            if app.opener is not None:
                break
            await pilot.pause()
        first = screen.reader.current_key
        await pilot.press("j")
        tagged = screen.reader.current_key
        await pilot.press("1", "n")
        second = screen.reader.current_key
        await pilot.press("2", "j", "2", "u")
        await pilot.pause()
        assert first is not None and tagged is not None and second is not None
        assert tagged == (first[0], first[1] + 1) and second[0] != first[0]
        assert screen.tagger is None and screen.chips == {}  # the store is still opening
        release.set()
        screen = await ready(app, pilot)
        assert screen.tagger is not None
        one, two = screen.tagger.tag_for_number(1), screen.tagger.tag_for_number(2)
        assert screen.chips == {tagged: (one,), second: (two,)}
    mine = sorted((a.key, a.tag) for a in saved(db) if a.analyst != "other")
    assert mine == sorted([(tagged, one), (second, two)])
    assert len(saved(db)) == 3002
