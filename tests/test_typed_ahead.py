"""Keys typed right after one that opens a screen reach that screen, in order, as if typed slowly."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from tests.app_helpers import sync
from tests.screen_host import type_ahead
from tests.test_app_tagging import ready
from tui.app import BriefReaderApp
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.search import SearchScreen
from tui.screens.tags_screen import TagsScreen

SIZE = (120, 40)
WAYS = ["pilot", "at once"]
"""`pilot.press` (it lets the app go idle between keys) and keys queued together, as a fast typist does."""


async def press(app: BriefReaderApp, pilot: Pilot[int], way: str, *keys: str) -> None:
    if way == "pilot":
        await pilot.press(*keys)
    else:
        type_ahead(app, *keys)


async def until(pilot: Pilot[int], condition: Callable[[], bool]) -> None:
    """Let the app run until `condition` holds (it fails the test if it never does)."""
    for _ in range(50):
        await pilot.pause()
        if condition():
            return
    raise AssertionError("the screen never showed it")


async def tagged(app: BriefReaderApp, pilot: Pilot[int]) -> MainScreen:
    """The reader with its store open and two annotations in it."""
    screen = await ready(app, pilot)
    assert screen.tagger is not None
    screen.tagger.toggle((screen.corpus.articles[0].id, 0), "claim")
    screen.tagger.toggle((screen.corpus.articles[1].id, 1), "quote")
    return screen


@pytest.mark.parametrize("way", WAYS)
@sync
async def test_e_then_enter_typed_at_once_exports_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, way: str
) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "briefreader-export.jsonl"
    app = BriefReaderApp(db=str(tmp_path / "annotations.json"))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await tagged(app, pilot)
        await press(app, pilot, way, "e", "enter")
        await until(pilot, target.exists)
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        messages = [n.message for n in app._notifications]
    assert len(target.read_text().splitlines()) == 2
    assert all(json.loads(line)["tag"] in ("claim", "quote") for line in target.read_text().splitlines())
    assert f"Exported 2 annotations (all articles) as jsonl to {target}" in messages


@pytest.mark.parametrize("way", WAYS)
@sync
async def test_T_then_down_moves_in_the_tags_list(tmp_path: Path, way: str) -> None:
    app = BriefReaderApp(db=str(tmp_path / "annotations.json"))
    async with app.run_test(size=SIZE) as pilot:
        await tagged(app, pilot)
        await press(app, pilot, way, "T", "down", "down")
        await until(pilot, lambda: isinstance(app.screen, TagsScreen))
        table = app.screen.query_one(DataTable)
        await until(pilot, lambda: table.cursor_row == 1)
        assert app.screen.focused is table


@pytest.mark.parametrize("way", WAYS)
@sync
async def test_question_mark_then_escape_closes_the_help_again(tmp_path: Path, way: str) -> None:
    app = BriefReaderApp(db=str(tmp_path / "annotations.json"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(app, pilot)
        await press(app, pilot, way, "question_mark", "escape", "j")
        await until(pilot, lambda: screen.reader.current == 1)
        assert app.screen is screen and not any(isinstance(s, HelpScreen) for s in app.screen_stack)


@pytest.mark.parametrize("way", WAYS)
@sync
async def test_slash_then_words_are_the_query(tmp_path: Path, way: str) -> None:
    app = BriefReaderApp(db=str(tmp_path / "annotations.json"))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await press(app, pilot, way, "slash", *"tariff", "backspace", "f")
        await until(pilot, lambda: isinstance(app.screen, SearchScreen))
        query = app.screen.query_one(Input)
        await until(pilot, lambda: query.value == "tariff")
        assert app.screen.focused is query


@sync
async def test_keys_typed_after_the_tags_screen_opens_and_closes_reach_the_reader(tmp_path: Path) -> None:
    app = BriefReaderApp(db=str(tmp_path / "annotations.json"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await tagged(app, pilot)
        type_ahead(app, "T", "escape", "j", "j")
        await until(pilot, lambda: screen.reader.current == 2)
        assert app.screen is screen


@pytest.mark.parametrize("closing", ["escape", "enter"])
@sync
async def test_keys_typed_after_the_export_dialog_opens_and_closes_reach_the_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, closing: str
) -> None:
    """Not into its file name field: "e escape j j" typed at once moves the reader two passages."""
    monkeypatch.chdir(tmp_path)
    app = BriefReaderApp(db=str(tmp_path / "annotations.json"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await tagged(app, pilot)
        type_ahead(app, "e", closing, "j", "j")
        await until(pilot, lambda: screen.reader.current == 2)
        assert app.screen is screen
    assert (tmp_path / "briefreader-export.jsonl").exists() == (closing == "enter")
