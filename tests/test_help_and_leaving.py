"""Help fits the terminal with aligned descriptions; esc backs out one level, q quits only the reader."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content
from textual.widgets import Input

from tests.app_helpers import sync
from tests.test_app import corpus_dir, start
from tui.app import BriefReaderApp
from tui.screens.help import KEY_WIDTH, HelpScreen, Row, lines
from tui.screens.main import MainScreen
from tui.screens.overview import OverviewScreen
from tui.screens.search import SearchScreen

__all__ = ["corpus_dir"]  # the fixture, shared with the reader's tests


def test_continuation_lines_start_under_the_description() -> None:
    long = "word " * 40
    table = [("Section", [Row("ctrl+shift+x", long.strip(), " - more"), Row("a", "short")])]
    shown = [line.plain for line in lines(table, 60)]
    first = shown.index(next(line for line in shown if line.startswith("  ctrl+shift+x")))
    assert shown[first][KEY_WIDTH:].startswith("word")
    continued = shown[first + 1 : shown.index(next(line for line in shown if line.startswith("  a ")))]
    assert len(continued) >= 3
    assert all(line[:KEY_WIDTH].strip() == "" and line[KEY_WIDTH] != " " for line in continued)
    assert all(len(line) <= 60 for line in shown)


@sync
async def test_help_fits_the_terminal_and_shows_the_tags_of_the_number_keys(corpus_dir: Path) -> None:
    for size in ((80, 24), (140, 40)):
        app = BriefReaderApp([str(corpus_dir)])
        async with app.run_test(size=size) as pilot:
            await start(app, pilot)
            app.push_screen(HelpScreen(["key-fact", "quote"]))
            await pilot.pause()
            body = app.screen.query_one("#help-body")
            assert body.region.right <= size[0] and body.region.bottom <= size[1]
            assert body.region.width >= size[0] * 0.8
            table = app.screen.query_one("#help-table").render()
            assert isinstance(table, Content)
            text = table.plain
            assert "Tag 1 - key-fact" in text and "Tag 2 - quote" in text
            assert "q quits, from the reader only" in text
            widest = max(len(line) for line in text.splitlines())
            assert widest <= body.region.width - 4


@sync
async def test_q_quits_only_from_the_reader_and_esc_backs_out(corpus_dir: Path) -> None:
    app = BriefReaderApp([str(corpus_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        for key, kind in (("question_mark", HelpScreen), ("o", OverviewScreen)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, kind)
            await pilot.press("q")
            await pilot.pause()
            assert app.is_running and isinstance(app.screen, kind), "q neither quits nor closes here"
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen
        await pilot.press("slash", "q")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen) and app.screen.query_one(Input).value == "q"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running
