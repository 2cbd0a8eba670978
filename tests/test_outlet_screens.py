"""The outlet labels on the screens, on a folder mixing a text pair, a JSON record and a feed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import DataTable

from annotations.config import Config
from tests.app_helpers import sync
from tui.app import BriefReaderApp
from tui.screens.main import MainScreen
from tui.screens.overview import OverviewScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.reader import Reader
from tui.widgets.side_panel import SidePanel

FOLDER = Path(__file__).parent / "data" / "inputs" / "outlets"
LABELS = ["thesun.co.uk·1", "thesun.co.uk·2", "Harbour Wire", "coastalherald.example"]
SIZE = (110, 30)


async def settle(pilot: Pilot[Any]) -> None:
    for _ in range(5):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def _plain(value: object) -> str:
    return value.plain if isinstance(value, Content) else str(value)


@sync
async def test_the_list_reader_also_in_side_panel_and_overview_name_outlets() -> None:
    app = BriefReaderApp([str(FOLDER)], config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        rows = [_plain(option.prompt) for option in screen.query_one(ArticleList).options]
        starts = [next(label for label in LABELS if row.startswith(label + " ")) for row in rows]
        assert sorted(starts) == sorted(LABELS)
        reader = screen.query_one(Reader)
        assert _plain(reader.border_title) in LABELS
        shared = [_plain(reader.get_option_at_index(i).prompt) for i in range(reader.option_count)]
        also = next(line for line in shared if "also in" in line)
        named = also.split("also in ", 1)[1].split(" · ", 1)[0]  # before who had it first
        assert all(part.strip() in LABELS for part in named.split(","))
        await pilot.press("s")
        await pilot.pause()
        side = screen.query_one(SidePanel).text
        assert side.split(" ¶", 1)[0] in LABELS
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, OverviewScreen)
        table = app.screen.query_one(DataTable)
        columns = [_plain(column.label) for column in table.columns.values()]
        assert set(LABELS) <= set(columns)


def test_main_screen_names_outlets(snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)

    app = BriefReaderApp([str(FOLDER)], config=Config())
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
