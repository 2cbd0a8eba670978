"""The article list grouped by story: headers, n/p within a story, ] and [ between stories, folding."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.content import Content
from textual.pilot import Pilot

from annotations.config import Config
from annotations.corpus.models import Analysis, Duplicate, Story
from tests.app_helpers import sync
from tests.stories_devset import ARTICLES as DEVSET
from tests.test_app import start
from tui.app import BriefReaderApp
from tui.messages import AnalysisFinished
from tui.screens.main import MainScreen
from tui.screens.overview import OverviewScreen
from tui.widgets.article_list import HEADER, ArticleList
from tui.widgets.reader import Reader

SHARED = "The harbour master said the first ships would dock again before dawn on Saturday."
FILES = {
    "a1": f"title: Port strike ends\ndate: 2024-03-01\n\n{SHARED}\n\nThe union voted to accept the deal.",
    "a2": f"title: Dockers back at work\ndate: 2024-03-02\n\n{SHARED}\n\nCranes were moving by noon.",
    "a3": "title: Port reopens\ndate: 2024-03-02\n\nShips queued outside the port.\n\nTrucks lined up too.",
    "b1": "title: Choir wins prize\ndate: 2024-03-05\n\nThe town choir won the prize.\n\nIt sang Bach.",
    "b2": f"title: Choir triumphs\ndate: 2024-03-06\n\n{SHARED}\n\nThe choir will tour in May.",
}
PORT = Story("s1", "Port strike ends", ("a1", "a2", "a3"), ("a1", "a2", "a3"), "2024-03-01", "3 articles")
CHOIR = Story("s2", "Choir wins prize", ("b1", "b2"), ("b1", "b2"), "2024-03-05", "2 articles")


def story_analysis() -> Analysis:
    """Two stories; a1's first passage repeats in a2 (same story) and in b2 (the other story)."""
    whole = ((0, len(SHARED)),)
    return Analysis(
        duplicates={
            ("a1", 0): (Duplicate("a2", 0, 1.0, whole), Duplicate("b2", 0, 1.0, whole)),
            ("a2", 0): (Duplicate("a1", 0, 1.0, whole),),
            ("b2", 0): (Duplicate("a1", 0, 1.0, whole),),
        },
        stories=(PORT, CHOIR),
    )


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in FILES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def story_app(folder: Path) -> BriefReaderApp:
    """The app with the hand-made story analysis in place of the detectors."""
    return BriefReaderApp([str(folder)], analyser=lambda *args: story_analysis())


def rows(articles: ArticleList) -> list[str]:
    return [str(articles.get_option_at_index(at).id) for at in range(articles.option_count)]


def reading(screen: MainScreen) -> str | None:
    key = screen.query_one(Reader).current_key
    return None if key is None else key[0]


async def press(pilot: Pilot[int], *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()


@sync
async def test_the_list_groups_articles_under_story_headers(corpus_dir: Path) -> None:
    app = story_app(corpus_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        articles = screen.query_one(ArticleList)
        assert rows(articles) == [HEADER + "s1", "a1", "a2", "a3", HEADER + "s2", "b1", "b2"]
        header = articles.get_option_at_index(0).prompt
        assert isinstance(header, Content)
        assert "Port strike ends" in header.plain and "3 articles · 3 outlets" in header.plain
        assert articles.selected_id == "a1" and reading(screen) == "a1"


@sync
async def test_n_and_p_stay_within_a_story_and_brackets_change_story(corpus_dir: Path) -> None:
    app = story_app(corpus_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        await press(pilot, "n", "n")
        assert reading(screen) == "a3"
        await press(pilot, "n")
        assert reading(screen) == "a3"  # the story's last article: n does not leave it
        await press(pilot, "right_square_bracket")
        assert reading(screen) == "b1"
        await press(pilot, "n")
        assert reading(screen) == "b2"
        await press(pilot, "left_square_bracket")
        assert reading(screen) == "a1"
        await press(pilot, "p")
        assert reading(screen) == "a1"
        assert screen.query_one(ArticleList).selected_id == "a1"


@sync
async def test_z_folds_a_story_and_moving_into_it_unfolds_it(corpus_dir: Path) -> None:
    app = story_app(corpus_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        articles = screen.query_one(ArticleList)
        await press(pilot, "z")
        assert rows(articles) == [HEADER + "s1", HEADER + "s2", "b1", "b2"]
        assert articles.highlighted == 0 and reading(screen) == "a1"  # the header keeps the reader as it was
        await press(pilot, "right_square_bracket")
        assert reading(screen) == "b1"
        await press(pilot, "left_square_bracket")
        assert reading(screen) == "a1"
        assert "a2" in rows(articles)


@sync
async def test_enter_on_a_header_folds_and_unfolds_it(corpus_dir: Path) -> None:
    app = story_app(corpus_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        articles = screen.query_one(ArticleList)
        articles.focus()
        await press(pilot, "k")  # from a1 up onto its header
        assert articles.highlighted == 0 and reading(screen) == "a1"
        await press(pilot, "enter")
        assert rows(articles)[:2] == [HEADER + "s1", HEADER + "s2"]
        await press(pilot, "enter")
        assert rows(articles)[:2] == [HEADER + "s1", "a1"]


@sync
async def test_new_only_collapses_repeats_within_a_story_only(corpus_dir: Path) -> None:
    app = story_app(corpus_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        await press(pilot, "N")
        repeats = screen.query_one(Reader).look.repeats
        assert ("a2", 0) in repeats
        assert ("b2", 0) not in repeats  # its earlier copy is in another story


@sync
async def test_the_overview_shows_the_current_story(corpus_dir: Path) -> None:
    app = story_app(corpus_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await start(app, pilot)
        await press(pilot, "right_square_bracket", "o")
        assert isinstance(app.screen, OverviewScreen)
        assert [article.id for article in app.screen.order] == ["b1", "b2"]


@sync
async def test_one_story_shows_the_plain_list(corpus_dir: Path) -> None:
    app = story_app(corpus_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        one = Story("s1", "All", tuple(FILES), tuple(FILES), None, "5 articles")
        screen.post_message(AnalysisFinished(Analysis(stories=(one,))))
        await pilot.pause()
        assert rows(screen.query_one(ArticleList)) == list(FILES)
        await press(pilot, "n", "n", "n", "n")
        assert reading(screen) == "b2"


def test_grouped_list_snapshot(snap_compare: Any) -> None:
    async def analysed(pilot: Pilot[Any]) -> None:
        for _ in range(5):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

    app = BriefReaderApp([str(DEVSET)], config=Config())
    assert snap_compare(app, terminal_size=(100, 30), run_before=analysed)
