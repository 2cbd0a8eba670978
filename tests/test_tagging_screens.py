"""The tagging screens driven by keys: tag picker, note editor, tags list, export and store problem."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.screen import Screen
from textual.widgets import Checkbox, DataTable, Input, OptionList, Select, Static, TextArea

from annotations.corpus.models import Corpus
from annotations.store.storage import StoreError
from annotations.store.store import Store, memory_store, open_store
from annotations.store.tagging import Tagger
from tests.app_helpers import sync
from tests.screen_host import Host, screen_text, type_ahead
from tui.excerpt import excerpt
from tui.messages import StoreOpened
from tui.screens.export_dialog import ConfirmOverwrite, ExportDialog, ExportRequest, run_export
from tui.screens.note_editor import NoteEditor
from tui.screens.sentence_picker import SentencePicker
from tui.screens.store_problem import StoreProblem, read_only_notice, store_file
from tui.screens.tag_picker import TagPicker, normalise, ranked
from tui.screens.tags_screen import TagsScreen, widths
from tui.store_opening import StoreOpener
from tui.tag_filter import parse_query
from tui.tagging_keys import (
    NOTE_CHIP,
    OVERRIDE_CHIPS,
    TAGGING_BINDINGS,
    chips_for,
    next_override,
    tagged_counts,
)

HOSTILE = "[@click=app.quit]x[/]"
SIZE = (160, 40)


def options(app: App[Any]) -> list[str]:
    option_list = app.screen.query_one(OptionList)
    return [str(option_list.get_option_at_index(i).prompt).strip() for i in range(option_list.option_count)]


def table_rows(app: App[Any]) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


@pytest.fixture
def tagger(seed_corpus: Corpus) -> Tagger:
    """A tagger over the seeds with three annotations in two articles."""
    first, second = seed_corpus.articles[0], seed_corpus.articles[1]
    result = Tagger(memory_store(), seed_corpus, "ana")
    assert result.toggle((first.id, 1), "quote").ok
    assert result.toggle((second.id, 2), "claim").ok
    assert result.set_note((second.id, 3), "check the minister's words").ok
    return result


# Tag picker ------------------------------------------------------------------------------


def test_ranking_uses_the_palette_matcher_best_first() -> None:
    tags = ["contradiction", "key-fact", "follow-up", "background"]
    assert [tags[i] for i, _ in ranked("kf", tags)] == ["key-fact"]
    assert ranked("fu", ["follow-up"]) == [(0, [0, 7])]
    assert [tags[i] for i, _ in ranked("act", tags)] == ["key-fact", "contradiction"]
    assert ranked("xyz", tags) == []
    assert [i for i, _ in ranked("", tags)] == [0, 1, 2, 3]
    assert normalise("  Brand  New Tag ") == "brand-new-tag"


@sync
async def test_picker_filters_and_picks_the_best_match() -> None:
    app = Host(TagPicker(["key-fact", "quote", "claim", "follow-up"], current=["quote"]))
    async with app.run_test(size=SIZE) as pilot:
        assert options(app) == ["key-fact", "✓ quote", "claim", "follow-up"]
        await pilot.press("q", "u", "o")
        assert options(app) == ["Create tag “quo”", "✓ quote"]
        await pilot.press("enter")
    assert app.results == ["quote"]


@sync
async def test_picker_offers_creation_but_highlights_a_near_match() -> None:
    app = Host(TagPicker(["key-fact", "quote", "follow-up"]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f", "u")
        assert options(app) == ["Create tag “fu”", "follow-up"]
        assert app.screen.query_one(OptionList).highlighted == 1
        await pilot.press("up", "enter")
    assert app.results == ["fu"]


@sync
async def test_picker_creates_a_normalised_tag() -> None:
    app = Host(TagPicker(["key-fact", "quote"]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*" Brand New", "enter")
    assert app.results == ["brand-new"]


@sync
async def test_picker_refuses_reserved_names_and_escape_cancels() -> None:
    app = Host(TagPicker(["quote"]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"boilerplate")
        option_list = app.screen.query_one(OptionList)
        assert option_list.get_option_at_index(0).disabled
        assert option_list.highlighted is None
        await pilot.press("enter")
        assert app.results == []
        await pilot.press("escape")
    assert app.results == [None]


# Note editor -----------------------------------------------------------------------------


@sync
async def test_note_editor_saves_with_ctrl_s() -> None:
    app = Host(NoteEditor("first thought", "The minister said the talks would resume.", "passage 2 of 001"))
    async with app.run_test(size=SIZE) as pilot:
        assert app.screen.query_one(TextArea).text == "first thought"
        assert "The minister said the talks would resume." in await screen_text(pilot)
        await pilot.press(*"; checked", "enter", *"second line", "ctrl+s")
    assert app.results == ["first thought; checked\nsecond line"]


@sync
async def test_note_editor_escape_cancels_and_empty_means_remove() -> None:
    app = Host(NoteEditor("keep me", "passage"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "escape")
    assert app.results == [None]
    app = Host(NoteEditor("", "passage"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s")
    assert app.results == [""]


# Tags screen -----------------------------------------------------------------------------


@sync
async def test_tags_screen_lists_every_annotation(tagger: Tagger) -> None:
    first, second = tagger.corpus.articles[0], tagger.corpus.articles[1]
    app = Host(TagsScreen(tagger))
    async with app.run_test(size=SIZE) as pilot:
        rows = table_rows(app)
        shown = " ".join((await screen_text(pilot)).split())
        assert f"“{first.passages[1].text}”" in shown.replace("│", "")
    assert [(r[0], r[1], r[2], r[3], r[5]) for r in rows] == [
        (first.label, "2", "quote", "", "ana"),
        (second.label, "3", "claim", "", "ana"),
        (second.label, "4", "", "check the minister's words", "ana"),
    ]
    assert rows[0][4] == excerpt(first.passages[1].text, widths(SIZE[0])["quote"])


def test_parse_query_reads_fields_and_free_text() -> None:
    query = parse_query('tag:"key fact" article:002 is:orphan minister said')
    assert (query.tag, query.article, query.orphans, query.text) == ("key fact", "002", True, "minister said")
    assert parse_query('unbalanced "quote').text == 'unbalanced "quote'


@pytest.mark.parametrize(
    ("query", "expected"),
    [("tag:claim", ["claim"]), ("article:000", ["quote"]), ("minister's", [""]), ("tag:nothing", [])],
)
@sync
async def test_tags_screen_filters(tagger: Tagger, query: str, expected: list[str]) -> None:
    app = Host(TagsScreen(tagger))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *query)
        assert [row[2] for row in table_rows(app)] == expected


@sync
async def test_tags_screen_deletes_then_undoes_and_redoes(tagger: Tagger) -> None:
    app = Host(TagsScreen(tagger))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("down", "x")
        assert [row[2] for row in table_rows(app)] == ["quote", ""]
        assert "claim" not in tagger.store.tags()
        assert "Deleted 1 annotation" in await screen_text(pilot)
        await pilot.press("u")
        assert [row[2] for row in table_rows(app)] == ["quote", "claim", ""]
        await pilot.press("ctrl+r")
        assert len(tagger.store) == 2


@sync
async def test_tags_screen_enter_returns_the_passage(tagger: Tagger) -> None:
    app = Host(TagsScreen(tagger))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter")
    assert app.results == [(tagger.corpus.articles[1].id, 2)]


@sync
async def test_tags_screen_lists_orphans_first_and_does_not_jump_to_them(tagger: Tagger) -> None:
    note = next(a for a in tagger.store.all() if a.kind == "note")
    tagger.store.apply([(note, replace(note, orphan=True))])
    app = Host(TagsScreen(tagger))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        assert table_rows(app)[0][1:4] == ["⚠ orphan", "", "check the minister's words"]
        assert "1 orphaned" in await screen_text(pilot)
        await pilot.press("enter")
        assert app.results == []
        assert "no longer in the article" in await screen_text(pilot)
        await pilot.press("escape")
    assert app.results == [None]


# Export dialog ---------------------------------------------------------------------------


def _dialog(folder: Path, current: str | None = "a2") -> ExportDialog:
    articles = [("a1", "001 First"), ("a2", "002 Second")]
    return ExportDialog(["quote", "claim"], articles, current, folder=folder)


@sync
async def test_export_dialog_returns_the_request(tmp_path: Path) -> None:
    app = Host(_dialog(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#export-format", Select).value = "csv"
        app.screen.query_one("#export-tag", Select).value = "claim"
        assert app.screen.query_one("#export-article", Select).value == ""
        app.screen.query_one("#export-article", Select).value = "a2"
        app.screen.query_one("#export-machine", Checkbox).value = True
        await pilot.pause()
        assert app.screen.query_one("#export-path", Input).value == "briefreader-export.csv"
        await pilot.click("#export-go")
    assert app.results == [ExportRequest("csv", tmp_path / "briefreader-export.csv", "claim", "a2", True)]


@sync
async def test_export_dialog_asks_before_overwriting(tmp_path: Path) -> None:
    existing = tmp_path / "briefreader-export.jsonl"
    existing.write_text("keep")
    app = Host(_dialog(tmp_path, current=None))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click("#export-go")
        assert isinstance(app.screen, ConfirmOverwrite)
        await pilot.press("n")
        assert isinstance(app.screen, ExportDialog)
        assert app.results == []
        await pilot.click("#export-go")
        await pilot.press("y")
    assert app.results == [ExportRequest("jsonl", existing, None, None, False, overwrite=True)]
    assert existing.read_text() == "keep"


@sync
async def test_export_dialog_refuses_a_folder(tmp_path: Path) -> None:
    app = Host(_dialog(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#export-path", Input).value = "."
        await pilot.click("#export-go")
        assert app.results == []
        await pilot.pause()
        assert "is a folder" in str(app.screen.query_one("#export-problem", Static).content)


def test_run_export_writes_the_chosen_annotations(tagger: Tagger, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    second = tagger.corpus.articles[1].id
    message = run_export(ExportRequest("jsonl", target, article=second), tagger.store, tagger.corpus, None)
    label = tagger.corpus.articles[1].label
    assert message == f"Exported 2 annotations (article {label}) as jsonl to {target}"
    rows = [json.loads(line) for line in target.read_text().splitlines()]
    found = sorted((r["tag"] or "", r["note"]) for r in rows)
    assert found == [("", "check the minister's words"), ("claim", "")]


# Store problem ---------------------------------------------------------------------------


@sync
async def test_store_problem_sets_the_bad_file_aside(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    path.write_text("{not json")
    with pytest.raises(StoreError) as caught:
        open_store(path)
    app = Host(StoreProblem(caught.value, path))
    async with app.run_test(size=SIZE) as pilot:
        assert "invalid JSON" in str(app.screen.query_one("#store-message", Static).content)
        await pilot.press("s")
    assert app.results == [True]
    assert not path.exists()
    assert [p.read_text() for p in tmp_path.glob("annotations.json.broken-*")] == ["{not json"]
    assert len(open_store(path)) == 0


@sync
async def test_store_problem_quit_keeps_the_file(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    path.write_text("[]")
    app = Host(StoreProblem(StoreError(path.with_name("annotations.json.journal"), "damaged")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
    assert app.results == [False]
    assert path.read_text() == "[]"


@sync
async def test_the_opener_asks_in_a_dialog_and_opens_again_after_setting_aside(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    path.write_bytes(b"\x00\xff")
    opened: list[Store | None] = []

    class Starter(App[None]):
        def on_mount(self) -> None:
            self.opener = StoreOpener(self, path, opened.append)
            self.opener.start()

        def on_store_opened(self, message: StoreOpened) -> None:
            self.opener.arrived(message)

    app = Starter()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StoreProblem) and opened == []
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert len(opened) == 1 and opened[0] is not None and opened[0].path == path
    opened[0].close()


def test_store_file_and_read_only_notice(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    assert store_file(StoreError(tmp_path / "annotations.json.journal", "x")) == path
    first = open_store(path)
    second = open_store(path)
    try:
        assert read_only_notice(first) is None
        notice = read_only_notice(second)
        assert notice is not None and "another briefreader" in notice and "cannot be saved" in notice
    finally:
        second.close()
        first.close()


# Chips and keys --------------------------------------------------------------------------


def test_chips_for_shows_tags_notes_and_overrides(tagger: Tagger) -> None:
    second = tagger.corpus.articles[1].id
    tagger.toggle((second, 2), "quote")
    tagger.set_note((second, 2), "why")
    tagger.set_override((second, 5), True)
    span = tagger.sentence_spans((second, 3))[0]
    tagger.toggle((second, 3), "source", span)
    assert chips_for(tagger, second) == {
        (second, 2): ("quote", "claim", NOTE_CHIP),
        (second, 3): ("source (sentence)", NOTE_CHIP),
        (second, 5): (OVERRIDE_CHIPS[True],),
    }
    first = tagger.corpus.articles[0].id
    assert chips_for(tagger) == {(first, 1): ("quote",), **chips_for(tagger, second)}
    assert tagged_counts(tagger) == {first: 1, second: 2}


def test_override_cycle_and_bindings() -> None:
    assert [next_override(v) for v in (None, True, False)] == [True, False, None]
    ids = [b.id for b in TAGGING_BINDINGS]
    assert len(set(ids)) == len(ids) and all(b.description for b in TAGGING_BINDINGS)
    numbers = [b for b in TAGGING_BINDINGS if b.id and b.id.startswith("tag_")]
    assert [b.key for b in numbers] == [str(n) for n in range(1, 10)]
    assert {b.group for b in numbers} == {numbers[0].group} and numbers[0].group is not None


# Hostile text ----------------------------------------------------------------------------


@sync
async def test_hostile_text_shows_literally(seed_corpus: Corpus) -> None:
    article = seed_corpus.articles[0]
    hostile_passage = replace(article.passages[1], text=f"said {HOSTILE} and [/] here")
    text = article.text[: hostile_passage.start] + hostile_passage.text
    hostile_passage = replace(hostile_passage, end=len(text))
    hostile = replace(article, text=text, passages=(article.passages[0], hostile_passage))
    corpus = replace(seed_corpus, articles=(hostile,))
    store: Store = memory_store()
    tagger = Tagger(store, corpus, "ana")
    assert tagger.toggle((hostile.id, 1), HOSTILE).ok
    assert tagger.set_note((hostile.id, 1), "[/] and \x1b]0;owned\x07 " + HOSTILE).ok
    app = Host(TagsScreen(tagger))
    async with app.run_test(size=SIZE) as pilot:
        shown = await screen_text(pilot)
        assert shown.count(HOSTILE) >= 3 and "[/] and" in shown and "\x1b" not in shown
        await pilot.press("escape")
    pickers: list[Screen[Any]] = [
        TagPicker([HOSTILE, "[/]"]),
        NoteEditor(HOSTILE, hostile_passage.text),
        SentencePicker([((0, 3), HOSTILE, ["[/]"]), ((3, 5), "[/]", [HOSTILE])]),
    ]
    for screen in pickers:
        app = Host(screen)
        async with app.run_test(size=SIZE) as pilot:
            assert HOSTILE in await screen_text(pilot)
            await pilot.press("escape")
        assert app.results == [None]


# Tags screen: the filter, the detail pane and the columns ---------------------------------


@sync
async def test_tags_filter_keys_type_text_and_down_esc_move_out(tagger: Tagger) -> None:
    app = Host(TagsScreen(tagger))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("slash", *"xu")
        query = screen.query_one(Input)
        assert query.value == "xu" and len(tagger.store) == 3, "x and u are filter text, not delete/undo"
        await pilot.press("backspace", "backspace", *"claim", "down")
        assert screen.focused is screen.query_one(DataTable)
        assert [row[2] for row in table_rows(app)] == ["claim"]
        await pilot.press("slash")
        assert screen.focused is query and query.selection.is_empty, "the filter is not selected on return"
        await pilot.press("escape")
        assert query.value == "" and app.screen is screen and len(table_rows(app)) == 3
        await pilot.press("escape")
    assert app.results == [None]


@sync
async def test_tags_detail_keeps_note_lines_and_does_not_double_quotes(tagger: Tagger) -> None:
    first = tagger.corpus.articles[0]
    quoting = next(p for p in first.passages if p.text.startswith(("“", '"')))
    assert tagger.set_note((first.id, quoting.index), "first line\nsecond line").ok
    app = Host(TagsScreen(tagger, query="second line"))
    async with app.run_test(size=SIZE) as pilot:
        shown = await screen_text(pilot)
    lines = [line.strip() for line in shown.splitlines()]
    assert lines[lines.index("✎ first line") + 1] == "second line"
    assert "““" not in shown and '“"' not in shown


@sync
async def test_sentence_tags_keep_their_suffix(tagger: Tagger) -> None:
    second = tagger.corpus.articles[1].id
    span = tagger.sentence_spans((second, 3))[0]
    assert tagger.toggle((second, 3), "source", span).ok
    app = Host(TagsScreen(tagger, query="tag:source"))
    async with app.run_test(size=SIZE) as pilot:
        assert [row[2] for row in table_rows(app)] == ["source (sentence)"]
        assert "(sentence)" in (await screen_text(pilot)).split("────")[-1]


@pytest.mark.parametrize("width", [80, 100, 120, 160])
@sync
async def test_tags_columns_fit_the_screen(tagger: Tagger, width: int) -> None:
    app = Host(TagsScreen(tagger))
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        if width >= 100:
            assert not table.show_horizontal_scrollbar
            assert table.virtual_size.width <= table.content_region.width
        analyst = list(table.columns).index("analyst")
        right = sum(column.get_render_width(table) for column in list(table.columns.values())[: analyst + 1])
        assert right <= table.content_region.width, "the analyst column is on screen"


@sync
async def test_tags_keys_typed_ahead_keep_their_order(tagger: Tagger) -> None:
    app = Host(TagsScreen(tagger))
    async with app.run_test(size=SIZE) as pilot:
        type_ahead(app, "slash", *"claim", "down", "x")
        for _ in range(5):
            await pilot.pause()
        assert app.screen.query_one(Input).value == "claim", "x after down is not filter text"
        assert "claim" not in tagger.store.tags() and len(tagger.store) == 2, "it deleted the claim"
        type_ahead(app, "slash", "u", "escape", "u")
        for _ in range(5):
            await pilot.pause()
        assert app.screen.query_one(Input).value == "", "esc cleared the u typed in the filter"
        assert "claim" in tagger.store.tags(), "and the u after it undid the delete"
        type_ahead(app, "enter", "escape")
        for _ in range(5):
            await pilot.pause()
    assert app.results == [(tagger.corpus.articles[0].id, 1)], "enter on the list jumped; esc was not lost"
