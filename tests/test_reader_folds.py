"""Long runs of page chrome fold into one line, so the reader opens on the article, and enter unfolds them."""

from __future__ import annotations

from pathlib import Path

from annotations.corpus.models import Analysis, Boilerplate, Corpus
from tests.app_helpers import sync
from tests.test_app import prompt_text, start
from tui.app import BriefReaderApp
from tui.widgets.reader import Reader

MENU = ["Home", "World", "Politics", "Business", "Sport", "Culture", "Travel", "Weather"]
BODY = "Dockworkers ended their strike on Friday after a deal on wages was reached with the port."


def menu_analysis(corpus: Corpus, *_: object) -> Analysis:
    article = corpus.articles[0]
    leftovers = {
        (article.id, p.index): Boilerplate("navigation", "menu line")
        for p in article.passages
        if p.text in MENU
    }
    return Analysis(boilerplate=leftovers, detected=leftovers)


def page(tmp_path: Path) -> str:
    (tmp_path / "page.txt").write_text("\n\n".join([*MENU, BODY, "More text of the article follows."]))
    return str(tmp_path / "page.txt")


@sync
async def test_a_run_of_menu_lines_folds_into_one_line_that_enter_opens(tmp_path: Path) -> None:
    app = BriefReaderApp([page(tmp_path)], analyser=menu_analysis)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        reader = screen.query_one(Reader)
        assert prompt_text(reader, 0) == "⋯ 8 leftover lines: navigation (enter shows them)"
        assert prompt_text(reader, 1).startswith("Dockworkers ended")
        reader.focus()
        reader.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert [prompt_text(reader, at) for at in range(8)] == [f"navigation {m}" for m in MENU]


@sync
async def test_hidden_leftovers_leave_no_fold_line(tmp_path: Path) -> None:
    app = BriefReaderApp([page(tmp_path)], analyser=menu_analysis)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        reader = screen.query_one(Reader)
        await pilot.press("b", "b")  # dimmed -> shown -> hidden
        await pilot.pause()
        assert prompt_text(reader, 0).startswith("Dockworkers ended")
