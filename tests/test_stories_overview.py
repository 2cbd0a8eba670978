"""The overview of one story: all of its 60 articles, in order of publication, with direction and legend."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from annotations.corpus.models import Analysis, Story
from tests.app_helpers import sync
from tests.test_app import settle
from tui.app import BriefReaderApp
from tui.messages import AnalysisFinished
from tui.screens.overview import STEPS, OverviewScreen, heat_step

COUNT = 60


def wide_story(folder: Path) -> Analysis:
    """60 articles of one story, a day apart (the last one first on disk); each shares with the next."""
    ids = [f"{number:03d}" for number in range(COUNT)]
    for number, article_id in enumerate(ids):
        day = f"2024-{1 + (COUNT - number) // 28:02d}-{1 + (COUNT - number) % 28:02d}"
        text = f"title: Part {number}\nsource: Outlet {number}\ndate: {day}\n\nText of part {number}."
        (folder / f"{article_id}.txt").write_text(text, encoding="utf-8")
    overlap = {(ids[n], ids[n + 1]): 0.05 + 0.9 * n / COUNT for n in range(COUNT - 1)}
    story = Story("s1", "The long story", tuple(ids), tuple(ids), None, "60 articles")
    return Analysis(overlap=overlap, stories=(story,))


@sync
async def test_a_sixty_article_story_is_shown_whole_earliest_first(tmp_path: Path) -> None:
    analysis = wide_story(tmp_path)
    app = BriefReaderApp([str(tmp_path)])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        app.screen.post_message(AnalysisFinished(analysis))
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        overview = app.screen
        assert isinstance(overview, OverviewScreen)
        table = overview.query_one(DataTable)
        assert table.row_count == COUNT and len(table.columns) == COUNT + 2
        assert [article.id for article in overview.order][:2] == ["059", "058"]  # the earliest date first
        # 001 was published after 002, so what 001 shares with 002 it took from it.
        assert str(table.get_cell("001", "002")).strip().startswith("←")
        assert str(table.get_cell("002", "001")).strip() == "–"
        legend = overview.query_one("#overview-legend", Static).render()
        assert "≤10%" in str(legend) and "≤100%" in str(legend)


def test_the_colour_step_grows_with_the_share() -> None:
    values = [0.0, 0.05, 0.11, 0.13, 0.26, 0.5, 0.51, 0.9, 1.0]
    steps = [heat_step(value) for value in values]
    assert steps == sorted(steps)
    assert heat_step(0.0) == 0 and heat_step(1.0) == len(STEPS)
    assert heat_step(0.11) < heat_step(0.26)
