"""The side panel's copies open with enter or a click; many copies are counted, not listed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.pilot import Pilot

from annotations.corpus.models import Duplicate
from tests.app_helpers import sync
from tests.test_app import A, B, C, corpus_dir, hand_analysis, prompt_text, reader_app, start, where
from tui.app import BriefReaderApp
from tui.screens.main import MainScreen
from tui.widgets.reader import Reader
from tui.widgets.side_panel import SidePanel

__all__ = ["corpus_dir"]  # the fixture, shared with the reader's tests


async def opened(app: BriefReaderApp, pilot: Pilot[int]) -> tuple[MainScreen, SidePanel]:
    """The reader on A's copied passage, its side panel open."""
    screen = await start(app, pilot)
    await pilot.press("j", "s")
    await pilot.pause()
    return screen, screen.query_one(SidePanel)


@sync
async def test_enter_on_a_copy_in_the_side_panel_reads_it(corpus_dir: Path) -> None:
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(120, 30)) as pilot:
        screen, side = await opened(app, pilot)
        side.focus()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert where(screen) == (B, 1)
        assert screen.nav.jumps.history, "D comes back from a copy read from the panel"


@sync
async def test_a_click_on_a_copy_reads_it(corpus_dir: Path) -> None:
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(120, 30)) as pilot:
        screen, side = await opened(app, pilot)
        assert "gamma ¶3" in side.text
        row = next(y for y in range(side.size.height) if "gamma ¶3" in side.render_line(y).text)
        assert await pilot.click(SidePanel, offset=(4, row + 1))  # below the top border
        await pilot.pause()
        assert where(screen) == (C, 2)


@sync
async def test_a_passage_copied_into_many_articles_counts_them(corpus_dir: Path) -> None:
    many = tuple(Duplicate(f"outlet-{n:02}", 0, 0.9, ((0, 5),)) for n in range(17))
    analysis = hand_analysis()
    analysis = replace(analysis, duplicates={**analysis.duplicates, (A, 1): many})
    app = BriefReaderApp([str(corpus_dir)], analyser=lambda *args: analysis)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await start(app, pilot)
        reader = screen.query_one(Reader)
        assert prompt_text(reader, 1).endswith("⧉ also in 17 articles")
        await pilot.press("j", "s")
        await pilot.pause()
        assert screen.query_one(SidePanel).text.count("outlet-") == 0, "unknown articles are not listed"
