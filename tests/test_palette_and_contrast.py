"""The command palette teaches the keys and offers what applies; pane titles are readable."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandInput, CommandList, CommandPalette
from textual.pilot import Pilot
from textual.strip import Strip

from tests.app_helpers import sync
from tests.test_app import corpus_dir, start
from tui.app import BriefReaderApp
from tui.widgets.article_list import ArticleList
from tui.widgets.reader import Reader

__all__ = ["corpus_dir"]  # the fixture, shared with the reader's tests

READABLE = 4.5
"""WCAG AA contrast for normal text."""


async def offered(app: BriefReaderApp, pilot: Pilot[int], query: str) -> list[str]:
    """What the palette lists for `query`: title, keys and help, as plain text."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    palette = app.screen
    assert isinstance(palette, CommandPalette)
    palette.query_one(CommandInput).value = query  # as typed, without a frame per letter
    found: list[str] = []
    for _ in range(20):
        await pilot.pause(0.05)
        commands = palette.query_one(CommandList)
        found = [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]
        if found:
            break
    await pilot.press("escape")
    await pilot.pause()
    return [" ".join(line.split()) for line in found]


@sync
async def test_the_palette_shows_each_commands_key_as_remapped(corpus_dir: Path) -> None:
    app = BriefReaderApp([str(corpus_dir)])
    async with app.run_test(size=(120, 30)) as pilot:
        await start(app, pilot)
        lines = await offered(app, pilot, "overview")
        assert any(line.startswith("Overview o Overlap heat map") for line in lines), lines
        lines = await offered(app, pilot, "next match")
        assert any(line.startswith("Next match ^g, f3 ") for line in lines), lines
        lines = await offered(app, pilot, "back")
        assert not any(line.startswith("Back") for line in lines), "nothing to go back to yet"


def _ratio(first: tuple[int, int, int], second: tuple[int, int, int]) -> float:
    def luminance(colour: tuple[int, int, int]) -> float:
        def channel(value: int) -> float:
            v = value / 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        red, green, blue = (channel(v) for v in colour)
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _contrasts(line: Strip, words: str) -> list[float]:
    found = []
    for segment in line:
        style = segment.style
        if words in segment.text and style and style.color and style.bgcolor:
            found.append(_ratio(tuple(style.color.get_truecolor()), tuple(style.bgcolor.get_truecolor())))
    return found


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@sync
async def test_pane_titles_and_the_sort_label_are_readable_unfocused(corpus_dir: Path, theme: str) -> None:
    app = BriefReaderApp([str(corpus_dir)])
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await start(app, pilot)
        app.theme = theme
        await pilot.press("S")
        await pilot.pause()
        articles, reader = screen.query_one(ArticleList), screen.query_one(Reader)
        assert app.focused is reader
        update = screen._compositor.render_update(full=True)

        def row(y: int) -> Strip:
            return Strip.join(list(update.strips[y]))

        checks = {
            "Articles": row(articles.region.y),
            "by date": row(articles.region.bottom - 1),
        }
        articles.focus()
        await pilot.pause()
        update = screen._compositor.render_update(full=True)
        checks["Daily Wire"] = row(reader.region.y)
        for words, line in checks.items():
            ratios = _contrasts(line, words)
            assert ratios and min(ratios) >= READABLE, (theme, words, ratios)
