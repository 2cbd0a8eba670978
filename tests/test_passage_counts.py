"""The list's passage count for an article and the reader's "¶k of N" count the same passages."""

from __future__ import annotations

import re
import threading
from pathlib import Path

from textual.content import Content

from annotations.corpus.models import Analysis
from tests.app_helpers import sync
from tests.test_app import settle
from tui.app import BriefReaderApp
from tui.screens.main import MainScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.reader import Reader

ARTICLES = 300


def write_corpus(folder: Path) -> None:
    """Articles of different lengths, each with a caption and a menu line above the headline."""
    folder.mkdir()
    for number in range(ARTICLES):
        paragraphs = [
            f"Paragraph {k} of article {number} says what happened on day {k}." for k in range(number % 7 + 2)
        ]
        text = "\n\n".join(["Menu", f"Headline number {number} about the port", *paragraphs, "Advertisement"])
        (folder / f"{number:03d}_story.txt").write_text(text, encoding="utf-8")


def counts(screen: MainScreen) -> tuple[int, int]:
    """(the highlighted row's passage count, N of the reader's '¶k of N')."""
    articles = screen.query_one(ArticleList)
    prompt = articles.get_option_at_index(articles.highlighted or 0).prompt
    assert isinstance(prompt, Content)
    listed = re.search(r"(\d+)¶", prompt.plain)
    shown = re.search(r"of (\d+)", str(screen.query_one(Reader).border_subtitle))
    assert listed and shown
    return int(listed.group(1)), int(shown.group(1))


@sync
async def test_the_list_and_the_reader_agree_while_analysing_and_after(tmp_path: Path) -> None:
    write_corpus(tmp_path / "articles")
    release = threading.Event()

    def slow(*args: object) -> Analysis:
        release.wait(30)
        return Analysis()

    app = BriefReaderApp([str(tmp_path / "articles")], analyser=slow)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        for _ in range(200):
            await pilot.pause(0.05)
            if screen.corpus.articles and screen.query_one(ArticleList).option_count:
                break
        assert not screen.analysed and len(screen.corpus.articles) == ARTICLES
        for _ in range(3):
            listed, shown = counts(screen)
            assert listed == shown
            await pilot.press("tab", "j", "tab")
            await pilot.pause()
        release.set()
        await settle(app, pilot)
        assert screen.analysed
        assert counts(screen)[0] == counts(screen)[1]
