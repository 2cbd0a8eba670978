"""The reader driven through its keys, on a small corpus with a hand-made analysis."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from annotations.config import Config, load_config
from annotations.corpus.models import Analysis, Boilerplate, Duplicate
from annotations.store.store import open_store
from tests.app_helpers import sync
from tui.app import BriefReaderApp
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.overview import OverviewScreen
from tui.screens.pair import PairScreen
from tui.screens.problems import NothingLoadedScreen, ProblemsScreen
from tui.screens.search import SearchResults, SearchScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.reader import Reader
from tui.widgets.side_panel import SidePanel
from tui.widgets.status import Said

SHARED = "Dockworkers ended the strike on Friday after a deal on wages."
ARTICLES = {
    "001_alpha": (
        "title: Port strike ends\nsource: Daily Wire\ndate: 2024-03-02\n\n"
        f"The port reopened this morning.\n\nWorkers said {SHARED}\n\n"
        "Subscribe to our newsletter for more port news\n\nShips queued overnight."
    ),
    "002_beta": (
        "title: Deal ends dock dispute\ndate: 2024-03-01\n\n"
        f"Trucks returned to the terminal.\n\n{SHARED}\n\nThe union will vote next week."
    ),
    "003_gamma": (
        "title: Harbour quiet again\n\nA calm day at the harbour.\n\nFishermen were not affected.\n\n"
        "Dockworkers ended the strike, officials said."
    ),
}
A, B, C = "001_alpha", "002_beta", "003_gamma"


def hand_analysis() -> Analysis:
    """A's ¶2 is copied whole in B's ¶2 and in part in C's ¶3; A's ¶3 is a promo leftover."""
    start = len("Workers said ")
    part = len("Dockworkers ended the strike")
    leftovers = {(A, 2): Boilerplate("promo", "asks the reader to subscribe")}
    return Analysis(
        boilerplate=leftovers,
        detected=leftovers,
        duplicates={
            (A, 1): (
                Duplicate(B, 1, 0.95, ((start, start + len(SHARED)),)),
                Duplicate(C, 2, 0.5, ((start, start + part),)),
            ),
            (B, 1): (Duplicate(A, 1, 1.0, ((0, len(SHARED)),)),),
            (C, 2): (Duplicate(A, 1, 0.7, ((0, part),)),),
        },
        novelty={A: 0.7, B: 0.5, C: 0.9},
        overlap={(A, B): 0.3, (B, A): 0.5, (A, C): 0.1, (C, A): 0.3},
    )


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


async def settle(app: BriefReaderApp, pilot: Pilot[int]) -> None:
    """Wait until loading and analysis are done and their messages handled."""
    for _ in range(5):
        await app.workers.wait_for_complete()
        await pilot.pause()


def hand_made(*args: object) -> Analysis:
    """Stands in for the detectors: the app shows this analysis without running the real one."""
    return hand_analysis()


def reader_app(paths: list[str], **options: Any) -> BriefReaderApp:
    return BriefReaderApp(paths, analyser=hand_made, **options)


async def start(app: BriefReaderApp, pilot: Pilot[int]) -> MainScreen:
    """Let the app load its corpus, open the store and take the hand-made analysis."""
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, MainScreen) and screen.analysed
    return screen


def where(screen: MainScreen) -> tuple[str, int] | None:
    return screen.query_one(Reader).current_key


def said(screen: MainScreen) -> str:
    """The line the status row shows after the last key."""
    return str(screen.query_one(Said).line)


def prompt_text(reader: Reader, option: int) -> str:
    prompt = reader.get_option_at_index(option).prompt
    assert isinstance(prompt, Content)
    return prompt.plain


@sync
async def test_start_state_selects_the_first_article_and_focuses_its_first_passage(corpus_dir: Path) -> None:
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        assert screen.query_one(ArticleList).highlighted == 0
        assert isinstance(app.focused, Reader)
        assert where(screen) == (A, 0)
        assert "3 articles" in screen.sub_title


@sync
async def test_passage_keys_move_the_cursor(corpus_dir: Path) -> None:
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        await pilot.press("j")
        assert where(screen) == (A, 1)
        await pilot.press("down", "down")
        assert where(screen) == (A, 3)
        await pilot.press("k")
        assert where(screen) == (A, 2)
        await pilot.press("up")
        assert where(screen) == (A, 1)
        await pilot.press("G")
        assert where(screen) == (A, 3)
        await pilot.press("g")
        assert where(screen) == (A, 0)


@sync
async def test_next_and_previous_article_and_the_reader_follows(corpus_dir: Path) -> None:
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        await pilot.press("j", "n")
        await pilot.pause()
        assert where(screen) == (B, 0)
        await pilot.press("n")
        await pilot.pause()
        assert where(screen) == (C, 0)
        await pilot.press("p")
        await pilot.pause()
        assert where(screen) == (B, 0)
        assert screen.query_one(ArticleList).selected_id == B


@sync
async def test_tab_moves_focus_and_list_keys_move_the_selection(corpus_dir: Path) -> None:
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(160, 30)) as pilot:
        screen = await start(app, pilot)
        await pilot.press("s")
        await pilot.press("tab")
        assert isinstance(app.focused, SidePanel)
        await pilot.press("tab")
        assert isinstance(app.focused, ArticleList)
        await pilot.press("j")
        await pilot.pause()
        assert where(screen) == (B, 0)
        await pilot.press("j", "k")
        await pilot.pause()
        assert where(screen) == (B, 0)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, SidePanel)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, Reader)


@sync
async def test_d_cycles_through_copies_across_articles_and_D_comes_back(corpus_dir: Path) -> None:
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        await pilot.press("d")
        assert said(screen) == "No copies of this passage" and where(screen) == (A, 0)
        await pilot.press("D")
        assert said(screen) == "Nowhere to go back to"
        await pilot.press("j", "d")
        await pilot.pause()
        assert where(screen) == (B, 1)
        assert said(screen) == "Copy 1 of 2: beta ¶2"
        assert screen.query_one(ArticleList).selected_id == B
        await pilot.press("d")
        await pilot.pause()
        assert where(screen) == (C, 2)
        assert said(screen) == "Copy 2 of 2: gamma ¶3"
        await pilot.press("d")
        await pilot.pause()
        assert where(screen) == (B, 1)
        assert said(screen) == "Copy 1 of 2: beta ¶2"
        await pilot.press("D")
        await pilot.pause()
        assert where(screen) == (A, 1)
        await pilot.press("D")
        assert said(screen) == "Nowhere to go back to" and where(screen) == (A, 1)


@sync
async def test_d_from_a_copy_follows_its_own_copies_and_D_unwinds_the_stack(corpus_dir: Path) -> None:
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        await pilot.press("n", "j")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert where(screen) == (A, 1)
        await pilot.press("j", "k", "d")
        await pilot.pause()
        assert where(screen) == (B, 1)
        await pilot.press("D")
        await pilot.pause()
        assert where(screen) == (A, 1)
        await pilot.press("D")
        await pilot.pause()
        assert where(screen) == (B, 1)


@sync
async def test_shared_words_are_highlighted_exactly_and_marked(corpus_dir: Path) -> None:
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        reader = screen.query_one(Reader)
        prompt = reader.get_option_at_index(1).prompt
        assert isinstance(prompt, Content)
        shared = reader._styles["shared"]
        highlighted = [(span.start, span.end) for span in prompt.spans if span.style == shared]
        start_at = len("Workers said ")
        assert highlighted == [(start_at, start_at + len(SHARED))]
        assert prompt.plain[slice(*highlighted[0])] == SHARED
        assert "also in beta, gamma" in prompt.plain
        assert "also in" not in prompt_text(reader, 0)


@sync
async def test_b_cycles_boilerplate_dim_show_hide(corpus_dir: Path) -> None:
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        reader = screen.query_one(Reader)
        dim = reader._styles["boilerplate"]
        prompt = reader.get_option_at_index(2).prompt
        assert isinstance(prompt, Content)
        assert prompt.plain.startswith("promo ")
        assert any(span.style == dim for span in prompt.spans)
        await pilot.press("b")
        assert screen.reading.boilerplate == "show"
        prompt = reader.get_option_at_index(2).prompt
        assert isinstance(prompt, Content)
        assert prompt.plain.startswith("promo ")
        assert not any(span.style == dim for span in prompt.spans)
        await pilot.press("b")
        assert screen.reading.boilerplate == "hide"
        assert reader.option_count == 3
        assert not any("Subscribe" in prompt_text(reader, i) for i in range(3))
        await pilot.press("G")
        assert where(screen) == (A, 3)
        await pilot.press("b")
        assert screen.reading.boilerplate == "dim"
        assert reader.option_count == 4
        assert where(screen) == (A, 3)


@sync
async def test_side_panel_shows_copies_with_score_and_the_boilerplate_reason(corpus_dir: Path) -> None:
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        side = screen.query_one(SidePanel)
        assert not side.display
        await pilot.press("j", "s")
        await pilot.pause()
        assert side.display
        assert "beta ¶2 · score 0.95" in side.text
        assert "gamma ¶3 · score 0.50" in side.text
        assert SHARED in side.text
        await pilot.press("j")
        await pilot.pause()
        assert "asks the reader to subscribe" in side.text
        await pilot.press("s")
        assert not side.display


@sync
async def test_search_lists_matches_and_enter_jumps_to_the_passage(corpus_dir: Path) -> None:
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"union")
        await settle(app, pilot)
        results = app.screen.query_one(SearchResults)
        assert results.option_count == 1
        line = results.get_option_at_index(0).prompt
        assert isinstance(line, Content)
        assert line.plain.startswith("beta ¶3")
        assert any(line.plain[span.start : span.end] == "union" for span in line.spans)
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert app.screen is screen
        assert where(screen) == (B, 2)


@sync
async def test_overview_shows_the_overlap_matrix_and_opens_shared_passages(corpus_dir: Path) -> None:
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        await pilot.press("o")
        await pilot.pause()
        overview = app.screen
        assert isinstance(overview, OverviewScreen)
        table = overview.query_one(DataTable)
        assert str(table.get_cell(B, A)).strip() == "→ 50%"  # B is older: A took from it
        assert str(table.get_cell(A, B)).strip() == "← 30%"
        assert "90%" in str(table.get_cell(C, "__new__"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PairScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert where(screen) == (B, 1)  # earliest first: the first cell is B (Mar 1) against A


@sync
async def test_new_only_collapses_repeats_and_enter_expands_them(corpus_dir: Path) -> None:
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        await pilot.press("N", "n")
        await pilot.pause()
        reader = screen.query_one(Reader)
        assert prompt_text(reader, 1).startswith("⤷ same as Daily Wire ¶2")
        assert SHARED not in prompt_text(reader, 1)
        await pilot.press("n")
        await pilot.pause()
        assert "same as" not in prompt_text(reader, 2)
        await pilot.press("p", "j", "enter")
        await pilot.pause()
        assert SHARED in prompt_text(reader, 1)
        await pilot.press("N")
        await pilot.pause()
        assert all("same as" not in prompt_text(reader, i) for i in range(reader.option_count))


@sync
async def test_S_cycles_the_sort_and_keeps_the_selection(corpus_dir: Path) -> None:
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        articles = screen.query_one(ArticleList)

        def ids() -> list[str | None]:
            return [option.id for option in articles.options]

        assert ids() == [A, B, C]
        await pilot.press("S")
        assert screen.reading.sort == "date"
        assert ids() == [B, A, C]
        assert articles.selected_id == A
        await pilot.press("S")
        assert ids() == [C, A, B]
        await pilot.press("S")
        assert screen.reading.sort == "unread"
        assert ids() == [B, C, A], "the article being read (opened) goes after the unread ones"
        await pilot.press("S")
        assert ids() == [A, B, C]


@sync
async def test_y_copies_the_passage_text(corpus_dir: Path) -> None:
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        await start(app, pilot)
        await pilot.press("j", "y")
        assert app.clipboard == f"Workers said {SHARED}"


@sync
async def test_help_lists_every_key_as_remapped_in_the_config(corpus_dir: Path, tmp_path: Path) -> None:
    settings = tmp_path / "config.toml"
    settings.write_text('[keymap]\nnext_passage = "J,down"\ntoggle_side_panel = "w"\n', encoding="utf-8")
    app = reader_app([str(corpus_dir)], config=load_config(settings))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        await pilot.press("j")
        assert where(screen) == (A, 0)
        await pilot.press("J")
        assert where(screen) == (A, 1)
        await pilot.press("s")
        assert not screen.query_one(SidePanel).display
        await pilot.press("w")
        assert screen.query_one(SidePanel).display
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#help-table").render()
        assert isinstance(table, Content)
        for binding in MainScreen.BINDINGS:
            assert not binding.id or binding.description in table.plain
        lines = table.plain.splitlines()
        assert any(line.split()[:2] == ["w", "Side"] for line in lines)
        assert any(line.startswith("  J, ↓") and "Next passage" in line for line in lines)
        await pilot.press("question_mark")
        assert app.screen is screen


@sync
async def test_command_palette_runs_reader_actions(corpus_dir: Path) -> None:
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        await start(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"overview")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)


@sync
async def test_chips_and_tagged_counts_come_from_the_screen_mapping(corpus_dir: Path) -> None:
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        screen.chips = {(A, 0): ("quote", "[bold]claim")}
        await pilot.pause()
        reader = screen.query_one(Reader)
        assert prompt_text(reader, 0).endswith(" quote   [bold]claim ")
        row = screen.query_one(ArticleList).get_option_at_index(0).prompt
        assert isinstance(row, Content)
        assert "1 tagged" in row.plain


@sync
async def test_clicking_a_row_selects_the_article(corpus_dir: Path) -> None:
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        assert await pilot.click(ArticleList, offset=(4, 3))
        await pilot.pause()
        assert where(screen) == (B, 0)
        assert await pilot.click(Reader, offset=(4, 3))
        await pilot.pause()
        assert where(screen) == (B, 1)


@sync
async def test_loading_problems_are_notified_and_listed(corpus_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    paths = [str(corpus_dir), str(tmp_path / "missing [red].txt"), str(tmp_path / "empty.txt")]
    app = reader_app(paths)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await start(app, pilot)
        assert any("press ! to list them" in n.message for n in app._notifications)
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        body = app.screen.query_one("#problems-body Static").render()
        assert isinstance(body, Content)
        assert "missing [red].txt: skipped: no such file or folder" in body.plain
        assert "empty file" in body.plain


@sync
async def test_a_corpus_where_nothing_loaded_shows_a_message_screen(tmp_path: Path) -> None:
    app = BriefReaderApp([str(tmp_path / "nothing-here")])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, NothingLoadedScreen)
        await pilot.press("q")
    assert app.return_code == 0


@sync
async def test_a_bad_config_is_reported_not_raised(corpus_dir: Path, tmp_path: Path) -> None:
    settings = tmp_path / "config.toml"
    settings.write_text("tags = [\n", encoding="utf-8")
    config = load_config(settings)
    app = reader_app([str(corpus_dir)], config=config)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await start(app, pilot)
        assert any(str(settings) in n.message for n in app._notifications)
        assert app.screen.check_action("problems", ()) is True


@sync
async def test_the_real_analysis_runs_in_the_background(seeds: Path) -> None:
    app = BriefReaderApp(config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.analysed
        assert not screen.query_one("#status").display
        assert len(screen.query_one(ArticleList).options) == 5
        await pilot.press("q")
    assert app.return_code == 0


@sync
async def test_input_in_search_is_not_markup(corpus_dir: Path) -> None:
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        await start(app, pilot)
        await pilot.press("slash")
        app.screen.query_one(Input).value = "[/]"
        await settle(app, pilot)
        assert app.is_running


HOSTILE = [
    "[bold]loud[/]",
    "[/]",
    "[@click=app.quit]x[/]",
    "[link=https://evil.example]here[/link]",
    "[Reuters]",
]


@sync
async def test_hostile_markup_and_escapes_are_shown_literally(tmp_path: Path) -> None:
    folder = tmp_path / "[red]corpus[@click=app.quit]"
    folder.mkdir()
    body = "\n\n".join(f"Paragraph {n} says {markup} then more." for n, markup in enumerate(HOSTILE))
    escapes = "Colours \x1b[31mred\x1b[0m and a title \x1b]0;pwned\x07 and \x9b2J end."
    text = f"title: [@click=app.quit]x[/] [bold]T[/]\nsource: [link=https://evil.example]S[/link]\n\n{body}\n\n{escapes}"
    (folder / "001_[b]evil.txt").write_text(text, encoding="utf-8")
    (folder / "002_plain.txt").write_text(f"title: plain\n\n{body}", encoding="utf-8")
    app = BriefReaderApp([str(folder)])
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        reader = screen.query_one(Reader)
        known = set(reader._styles.values())
        for number, markup in enumerate(HOSTILE):
            prompt = reader.get_option_at_index(number).prompt
            assert isinstance(prompt, Content)
            assert markup in prompt.plain
            assert all(span.style in known for span in prompt.spans)
        last = prompt_text(reader, len(HOSTILE))
        assert "\x1b" not in last and "\x9b" not in last and "\x07" not in last
        row = screen.query_one(ArticleList).get_option_at_index(0).prompt
        assert isinstance(row, Content)
        assert "[@click=app.quit]x[/] [bold]T[/]" in row.plain
        assert "[link=https://evil.example]S[/link]" in row.plain
        assert not any(span.style not in ("bold", "dim") for span in row.spans)
        for _ in range(3):
            await pilot.click(Reader, offset=(20, 2))
            await pilot.click(ArticleList, offset=(4, 1))
        await pilot.press("s", "j", "y", "d", "o", "escape", "slash", *"[/]", "enter")
        await pilot.press("escape", "question_mark")
        await settle(app, pilot)
        assert app.is_running
        await pilot.press("escape", "q")
    assert app.return_code == 0


@sync
async def test_highlights_follow_the_theme(corpus_dir: Path) -> None:
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        reader = screen.query_one(Reader)
        before = reader._styles["shared"]
        app.theme = "gruvbox"
        await pilot.pause()
        after = reader._styles["shared"]
        assert after != before
        prompt = reader.get_option_at_index(1).prompt
        assert isinstance(prompt, Content)
        assert any(span.style == after for span in prompt.spans)


@sync
async def test_the_reading_column_keeps_60_columns_or_60_percent_when_the_side_panel_opens(
    corpus_dir: Path,
) -> None:
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(app, pilot)
        articles, reader = screen.query_one(ArticleList), screen.query_one(Reader)
        await pilot.press("shift+tab")
        assert app.focused is articles
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.focused, Reader)
        for width in (80, 100, 120, 160, 200):
            await pilot.resize_terminal(width, 30)
            await pilot.pause()
            assert reader.region.width >= min(0.6 * width, 60), width
            assert articles.display == (width >= 150)
        await pilot.press("l")
        await pilot.pause()
        assert not articles.display
        await pilot.press("s", "l")
        await pilot.pause()
        assert articles.display and articles.region.width > 0


@sync
async def test_the_cursor_stays_in_view_when_the_side_panel_narrows_the_reader() -> None:
    app = BriefReaderApp([])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        reader = app.screen.query_one(Reader)
        await pilot.press(*"jjjjjj")
        await pilot.press("s")
        await pilot.pause()
        await pilot.pause()
        top = reader._index_to_line[reader.highlighted]
        visible = range(int(reader.scroll_y), int(reader.scroll_y) + reader.scrollable_content_region.height)
        assert top in visible


@sync
async def test_n_then_a_tag_key_before_the_store_opens_tags_what_n_brought_up(corpus_dir: Path) -> None:
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "j", "3", "n", "1")
        screen = await start(app, pilot)
        assert screen.store is not None
        assert sorted((a.article, a.target.passage, a.tag) for a in screen.store.all()) == [
            (B, 1, "claim"), (C, 0, "key-fact")
        ]
        assert where(screen) == (C, 0)


@sync
async def test_reopening_the_corpus_returns_to_the_article_passage_and_modes(corpus_dir: Path) -> None:
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        await pilot.press("n", "j", "j", "b", "b", "N", "S")
        app.theme = "gruvbox"
        await pilot.press("q")
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        assert where(screen) == (B, 2)
        reading = screen.reading
        assert (reading.boilerplate, reading.new_only, reading.sort) == ("hide", True, "date")
        assert app.theme == "gruvbox"
        assert "leftovers hidden · new only" in str(screen.reader.border_subtitle)
        rows = [prompt.plain for prompt in (o.prompt for o in screen.query_one(ArticleList).options)
                if isinstance(prompt, Content)]
        marked = [row.split("\n", 1)[0] for row in rows]
        assert [row.startswith(("beta ✓", "Daily Wire ✓")) for row in marked] == [True, True, False]
        assert marked[2].startswith("gamma Harbour")


@sync
async def test_a_broken_session_file_is_ignored_with_a_notice(corpus_dir: Path, isolated_dirs: Path) -> None:
    state = isolated_dirs / "data" / "briefreader" / "session.json"
    state.parent.mkdir(parents=True)
    state.write_text("{not json", encoding="utf-8")
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await start(app, pilot)
        assert where(screen) == (A, 0)
        assert any("could not be read" in n.message for n in app._notifications)
        await pilot.press("n", "q")
    assert B in state.read_text(encoding="utf-8")


@sync
async def test_notes_show_in_the_reader_and_space_pages(corpus_dir: Path) -> None:
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        await pilot.press("j", "c", *"ask the union", "enter", *"second line", "ctrl+s")
        await pilot.pause()
        shown = prompt_text(screen.query_one(Reader), 1)
        assert shown.endswith("✎ ask the union") and "second line" not in shown
        await pilot.press("space")
        assert where(screen) == (A, 3)
        await pilot.press("shift+space")
        assert where(screen) == (A, 0)


@sync
async def test_O_without_an_opener_copies_the_address(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tui.opener.opener", lambda: None)
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        await pilot.press("O")
        await pilot.pause()
        assert app.clipboard == str((corpus_dir / "001_alpha.txt").resolve())
        assert said(screen).startswith("No opener on this system; copied")


@sync
async def test_a_long_article_is_built_a_stretch_at_a_time_and_every_passage_reachable(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "long"
    folder.mkdir()
    body = "\n\n".join(f"Paragraph {number} of the long report." for number in range(1000))
    (folder / "001_long.txt").write_text(f"title: Long\n\n{body}", encoding="utf-8")
    (folder / "002_short.txt").write_text("title: Short\n\nOne.\n\nTwo.", encoding="utf-8")
    app = BriefReaderApp([str(folder)], analyser=lambda *args: Analysis())
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        reader = screen.query_one(Reader)
        assert reader.option_count < 1000
        await pilot.press("G")
        assert where(screen) == ("001_long", 999)
        assert "¶1000 of 1000" in str(reader.border_subtitle)
        await pilot.press("g")
        while where(screen)[1] < 300:  # page down past the end of the first stretch
            await pilot.press("pagedown")
        at = where(screen)[1]
        await pilot.press("j", "j")
        assert where(screen) == ("001_long", at + 2)
        await pilot.press("3")
        screen.nav.go_to(("001_long", 700))
        await pilot.pause()
        await pilot.press("k", "1")
        assert screen.store is not None
        tagged = sorted((a.target.passage, a.tag) for a in screen.store.all())
        assert tagged == [(at + 2, "claim"), (699, "key-fact")]
        assert prompt_text(reader, reader.highlighted or 0).endswith(" key-fact ")


@sync
async def test_q_typed_right_after_a_tag_key_quits_once_the_tag_is_saved(
    corpus_dir: Path, isolated_dirs: Path
) -> None:
    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "3", "q")
        for _ in range(20):
            if not app.is_running:
                break
            await pilot.pause(0.1)
    assert app.return_code in (0, None)
    store = open_store(isolated_dirs / "data" / "briefreader" / "annotations.json", read_only=True)
    try:
        assert [(a.article, a.target.passage, a.tag) for a in store.all()] == [(B, 0, "claim")]
    finally:
        store.close()


@sync
async def test_a_jump_lands_in_the_upper_third_of_the_reader() -> None:
    app = BriefReaderApp([], analyser=lambda *args: Analysis())
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        target = screen.corpus.articles[2]
        screen.nav.go_to((target.id, 15))
        await pilot.pause()
        await pilot.pause()
        reader = screen.query_one(Reader)
        top = reader._index_to_line[reader.highlighted or 0] - int(reader.scroll_y)
        assert where(screen) == (target.id, 15)
        assert 0 <= top < reader.scrollable_content_region.height / 3


@sync
async def test_the_palette_offers_every_main_screen_action(corpus_dir: Path) -> None:
    from tui.commands import PALETTE

    app = reader_app([str(corpus_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot)
        names = [(title, action.split("(")[0]) for title, action, _ in PALETTE]
        missing = [title for title, name in names if not hasattr(screen, f"action_{name}")]
        assert missing == []
        await pilot.press("j")
        await screen.run_action("copy_passage")
        assert app.clipboard == f"Workers said {SHARED}"
