"""Two titles that the list's width would cut to the same text show where they differ."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app_helpers import sync
from tests.test_app import reader_app, start
from tui.title_fit import distinct_titles
from tui.widgets.article_list import ArticleList

STEM = "Earthquake strikes central Turkey, killing dozens and leaving thousands homeless as rescuers search"
TITLES = {
    "001_wire": f"{STEM} for survivors in 40 villages",
    "002_wire": f"{STEM} for survivors in 12 villages",
}


def test_colliding_titles_keep_their_differing_end_within_the_room() -> None:
    fitted = distinct_titles({key: (title, 40) for key, title in TITLES.items()})
    assert fitted["001_wire"] != fitted["002_wire"]
    assert all(len(title) <= 40 and " … " in title for title in fitted.values())
    assert "40" in fitted["001_wire"] and "12" in fitted["002_wire"]


def test_titles_that_fit_or_differ_early_are_left_alone() -> None:
    assert distinct_titles({"a": ("Short title", 40), "b": ("Short title two", 40)}) == {}
    assert distinct_titles({"a": ("A" * 60, 40), "b": ("B" * 60, 40)}) == {}


@pytest.mark.parametrize("columns", [80, 120])
@sync
async def test_rows_with_the_same_cut_title_render_differently(tmp_path: Path, columns: int) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, title in TITLES.items():
        (folder / f"{name}.txt").write_text(f"title: {title}\n\nThe quake struck at dawn.", encoding="utf-8")
    app = reader_app([str(folder)])
    async with app.run_test(size=(columns, 30)) as pilot:
        screen = await start(app, pilot)
        articles = screen.query_one(ArticleList)
        width = articles.scrollable_content_region.width
        assert len(f"001 {TITLES['001_wire']}") > width
        first, second = (articles.render_line(row).text for row in (0, 2))
        assert first.strip() and second.strip()
        assert first[4:] != second[4:]
        assert "40" in first and "12" in second
