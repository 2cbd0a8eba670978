"""An article's title is its headline line, past captions, page furniture, bylines and datelines."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.content import Content

from annotations.corpus.loading import load_text
from annotations.leftovers.title import retitle
from tests.app_helpers import sync
from tests.test_app import reader_app, start
from tui.widgets.article_list import ArticleList

CASES = Path(__file__).parent / "data" / "titles" / "first_lines.txt"


def labelled_cases() -> list[tuple[str, str]]:
    """(article text, expected title) for each case of the labelled file."""
    cases = []
    for block in CASES.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.split("\n") if line and not line.startswith("# ")]
        expected = [line.removeprefix("=> ") for line in lines if line.startswith("=> ")]
        text = "\n\n".join(line for line in lines if not line.startswith("=> "))
        cases.append((text, expected[0]))
    return cases


def test_the_labelled_file_covers_the_kinds_of_first_line() -> None:
    cases = labelled_cases()
    assert len(cases) >= 20
    assert any(title.endswith("?") for _, title in cases)
    assert any(":" in title for _, title in cases)
    assert any(text.startswith(title) for text, title in cases)


def test_every_labelled_title_is_chosen() -> None:
    chosen = [(retitle(load_text(text, "a")).title, title) for text, title in labelled_cases()]
    wrong = [(got, want) for got, want in chosen if got != want]
    assert wrong == [], f"{len(chosen) - len(wrong)}/{len(chosen)} right"


@pytest.mark.parametrize(
    "text",
    ["title: Given title\n\nAdvertisement\n\nBody text follows here.", "# Given title\n\nMenu\n\nBody."],
)
def test_a_title_field_or_heading_always_wins(text: str) -> None:
    assert retitle(load_text(text, "a")).title == "Given title"


@sync
async def test_the_article_list_shows_the_headline_not_the_caption(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    text, _ = labelled_cases()[0]
    (folder / "001_fire.txt").write_text(text, encoding="utf-8")
    app = reader_app([str(folder)])
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await start(app, pilot)
        prompt = screen.query_one(ArticleList).get_option_at_index(0).prompt
        assert isinstance(prompt, Content)
        first = prompt.plain.split("\n")[0]
        assert "Wildfire forces thousands to flee near Athens" in first
        assert "Reuters" not in first
