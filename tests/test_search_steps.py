"""Search remembers its query; the reader steps through the matches and marks them."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content
from textual.widgets import Input

from annotations.corpus.models import Corpus, PassageKey
from tests.app_helpers import sync
from tests.screen_host import type_ahead
from tests.test_app import A, B, C, corpus_dir, said, settle, start, where
from tui.app import BriefReaderApp
from tui.screens.main import MainScreen
from tui.screens.search import SearchResults, SearchScreen
from tui.search import Finder, Hit, find
from tui.widgets.reader import Reader

__all__ = ["corpus_dir"]  # the fixture, shared with the reader's tests


def test_finder_steps_round_and_restarts_on_a_new_query(seed_corpus: Corpus) -> None:
    finder = Finder()
    assert finder.step(1) is None
    hits = [Hit(("a", n), ((0, 3),)) for n in range(3)]
    finder.found("abc", hits)
    assert [finder.step(1) for _ in range(4)] == [hits[0], hits[1], hits[2], hits[0]]
    assert finder.step(-1) == hits[2] and finder.where() == "Match 3 of 3 for “abc”"
    assert finder.highlights() == {("a", 2): ((0, 3),)}
    finder.found("abc", hits)
    assert finder.position == 2, "the same query keeps the place"
    finder.found("other", find(seed_corpus, "Blinken"))
    assert finder.position is None and finder.highlights() == {}


def found_spans(screen: MainScreen, key: PassageKey) -> list[str]:
    """The words the reader marks as search matches in passage `key` (every passage is shown)."""
    reader = screen.query_one(Reader)
    prompt = reader.get_option_at_index(key[1]).prompt
    assert isinstance(prompt, Content)
    style = reader.get_component_styles("reader--found").background
    return [prompt.plain[span.start : span.end] for span in prompt.spans
            if getattr(span.style, "background", None) == style]


@sync
async def test_search_keeps_the_query_and_ctrl_g_steps_through_the_matches(corpus_dir: Path) -> None:
    app = BriefReaderApp([str(corpus_dir)])
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        screen = await start(app, pilot)
        await pilot.press("ctrl+g")
        assert where(screen) == (A, 0), "no search yet: nothing moves"
        await pilot.press("slash", *"dockworkers")
        await settle(app, pilot)
        assert app.screen.query_one(SearchResults).option_count == 3
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert where(screen) == (A, 1)
        assert found_spans(screen, (A, 1)) == ["Dockworkers"]
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert where(screen) == (B, 1) and found_spans(screen, (B, 1)) == ["Dockworkers"]
        assert said(screen) == "Match 2 of 3 for “dockworkers”"
        await pilot.press("f3")
        await pilot.pause()
        assert where(screen) == (C, 2)
        await pilot.press("f3")
        await pilot.pause()
        assert where(screen) == (A, 1), "it comes round to the first match"
        await pilot.press("ctrl+shift+g")
        await pilot.pause()
        assert where(screen) == (C, 2)
        await pilot.press("slash")
        await settle(app, pilot)
        search = app.screen
        assert isinstance(search, SearchScreen)
        assert search.query_one(Input).value == "dockworkers"
        results = search.query_one(SearchResults)
        assert results.option_count == 3 and results.highlighted == 2
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


@sync
async def test_keys_typed_ahead_through_a_search_keep_their_order(corpus_dir: Path) -> None:
    app = BriefReaderApp([str(corpus_dir)])
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await start(app, pilot)
        await pilot.press("slash")
        type_ahead(app, *"dockworkers", "down", "enter", "ctrl+g", "k")
        for _ in range(4):
            await settle(app, pilot)
        assert app.screen is screen
        assert screen.nav.finder.position == 2, "down picked the second match, ctrl+g stepped to the third"
        assert where(screen) == (C, 1), "k, typed last, moved up from the third match in the reader"
        await pilot.press("slash")
        type_ahead(app, "up", "enter", "k")
        for _ in range(4):
            await settle(app, pilot)
        assert app.screen is screen and where(screen) == (B, 0), "the same query, one result up, then k"
        await pilot.press("slash")
        type_ahead(app, "backspace", *"zzz", "enter", "x")  # the reopened query is selected: replaced
        for _ in range(4):
            await settle(app, pilot)
        search = app.screen
        assert isinstance(search, SearchScreen), "nothing to read: the search stays open"
        assert search.query_one(Input).value == "zzzx", "the keys after enter went to the query, in order"
