"""Tagging in the real reader on the seeds: keys pressed, then what the store file holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.content import Content
from textual.pilot import Pilot

from annotations.analysis import ANALYST_REASON
from annotations.corpus.models import Annotation, Corpus, PassageKey
from annotations.corpus.segment import sentences
from annotations.store.store import open_store
from tests.app_helpers import sync
from tui.app import BriefReaderApp
from tui.cli import main
from tui.screens.export_dialog import ExportDialog
from tui.screens.main import MainScreen
from tui.screens.sentence_picker import SentencePicker
from tui.screens.store_problem import StoreProblem
from tui.screens.tags_screen import TagsScreen
from tui.tagging_keys import NOTE_CHIP, OVERRIDE_CHIPS
from tui.widgets.article_list import ArticleList
from tui.widgets.reader import Reader

SIZE = (140, 40)
COPIED = "Intense competition requires sustained diplomacy"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "annotations.json"


def saved(db: Path) -> tuple[Annotation, ...]:
    """What the store file holds, read as a later briefreader would."""
    store = open_store(db, read_only=True)
    try:
        return store.all()
    finally:
        store.close()


async def ready(app: BriefReaderApp, pilot: Pilot[int]) -> MainScreen:
    """Wait until the corpus is loaded, the store open and the analysis shown."""
    screen = app.screen_stack[0]
    assert isinstance(screen, MainScreen)
    for _ in range(20):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if screen.tagger is not None and screen.analysed:
            return screen
    raise AssertionError("the reader never became ready")


async def store_problem_shown(app: BriefReaderApp, pilot: Pilot[int]) -> None:
    """Wait for the dialog that offers to set an unreadable store aside."""
    for _ in range(10):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if isinstance(app.screen, StoreProblem):
            return
    raise AssertionError("the store problem dialog never appeared")


async def visit(screen: MainScreen, pilot: Pilot[int], key: PassageKey) -> None:
    """Go to a passage as the search or overview would, and let the article list follow."""
    screen.nav.go_to(key)
    await pilot.pause()
    assert screen.reader.current_key == key


def prompt(screen: MainScreen, index: int) -> Content:
    reader = screen.query_one(Reader)
    content = reader.get_option_at_index(index).prompt
    assert isinstance(content, Content)
    return content


def list_row(screen: MainScreen, row: int) -> str:
    content = screen.query_one(ArticleList).get_option_at_index(row).prompt
    assert isinstance(content, Content)
    return content.plain


def copied_passage(corpus: Corpus, article: int) -> PassageKey:
    found = corpus.articles[article]
    return next((found.id, p.index) for p in found.passages if COPIED in p.text)


@sync
async def test_1_tags_the_passage_and_u_and_ctrl_r_undo_and_redo(db: Path) -> None:
    app = BriefReaderApp(db=str(db), analyst="ana")
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(app, pilot)
        key = screen.reader.current_key
        assert key is not None
        await pilot.press("1")
        assert [(a.key, a.tag, a.analyst) for a in saved_in(screen)] == [(key, "key-fact", "ana")]
        assert screen.chips == {key: ("key-fact",)}
        assert " key-fact " in prompt(screen, key[1]).plain
        assert "1 tagged" in list_row(screen, 0)
        await pilot.press("1")
        assert saved_in(screen) == () and screen.chips == {}
        assert "0 tagged" in list_row(screen, 0)
        await pilot.press("u")
        assert [a.tag for a in saved_in(screen)] == ["key-fact"]
        await pilot.press("ctrl+r")
        assert saved_in(screen) == ()
        await pilot.press("u", "q")
    assert [(a.key, a.tag) for a in saved(db)] == [(key, "key-fact")]
    again = open_store(db)
    try:
        assert not again.read_only, "the app released the store's lock when it ended"
    finally:
        again.close()


def saved_in(screen: MainScreen) -> tuple[Annotation, ...]:
    assert screen.store is not None
    return screen.store.all()


@sync
async def test_picker_creates_a_tag_and_the_note_is_saved_with_ctrl_s(db: Path) -> None:
    app = BriefReaderApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(app, pilot)
        key = screen.reader.current_key
        await pilot.press("t", *"Field Report", "enter")
        await pilot.press("c", *"ask the ministry", "ctrl+s")
        assert screen.chips == {key: ("field-report", NOTE_CHIP)}
    assert {(a.kind, a.tag, a.note) for a in saved(db)} == {
        ("tag", "field-report", ""), ("note", None, "ask the ministry")
    }


@sync
async def test_sentence_mode_tags_one_sentence_and_underlines_it(db: Path) -> None:
    app = BriefReaderApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(app, pilot)
        assert screen.tagger is not None
        first = screen.corpus.articles[0]
        index = next(p.index for p in first.passages if len(sentences(p.text)) > 1)
        await pilot.press("v", *["j"] * index, "2")
        assert "tagging sentences" in str(screen.reader.border_subtitle)
        key = screen.reader.current_key
        assert key == (first.id, index)
        spans = screen.tagger.sentence_spans(key)
        assert isinstance(app.screen, SentencePicker)
        await pilot.press("down", "enter")
        assert screen.chips == {key: ("quote (sentence)",)}
        content = prompt(screen, key[1])
        passage = screen.corpus.articles[0].passages[key[1]]
        underlined = [
            content.plain[span.start : span.end] for span in content.spans
            if getattr(span.style, "underline", False)
        ]
        sentence = screen.corpus.articles[0].text[spans[1][0] : spans[1][1]]
        assert underlined == [sentence] and sentence in passage.text
    [annotation] = saved(db)
    assert annotation.target.scope == "span"
    assert (annotation.target.start, annotation.target.end) == spans[1]
    assert annotation.target.exact == sentence


@sync
async def test_A_tags_the_copies_and_one_u_takes_them_all_back(db: Path, seed_corpus: Corpus) -> None:
    original = copied_passage(seed_corpus, 0)
    copies = {copied_passage(seed_corpus, 1), copied_passage(seed_corpus, 2)}
    app = BriefReaderApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(app, pilot)
        await visit(screen, pilot, original)
        await pilot.press("1", "A")
        assert {a.key for a in saved_in(screen)} == {original, *copies}
        assert all(screen.chips[copy] == ("key-fact",) for copy in copies)
        assert "1 tagged" in list_row(screen, 1) and "1 tagged" in list_row(screen, 2)
        await pilot.press("u")
        assert {a.key for a in saved_in(screen)} == {original}
    assert {a.key for a in saved(db)} == {original}


@sync
async def test_T_lists_enter_jumps_x_deletes_and_u_restores(db: Path, seed_corpus: Corpus) -> None:
    target = copied_passage(seed_corpus, 2)
    app = BriefReaderApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(app, pilot)
        await visit(screen, pilot, target)
        await pilot.press("4")
        await visit(screen, pilot, (seed_corpus.articles[0].id, 0))
        await pilot.press("T")
        assert isinstance(app.screen, TagsScreen)
        await pilot.press("enter")
        assert app.screen is screen
        assert screen.reader.current_key == target
        await pilot.press("T", "x")
        assert saved_in(screen) == ()
        await pilot.press("u")
        assert [a.key for a in saved_in(screen)] == [target]
        await pilot.press("escape")
        assert app.screen is screen and screen.chips == {target: ("background",)}
    assert [a.tag for a in saved(db)] == ["background"]


@sync
async def test_e_exports_the_tags_to_a_file(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = BriefReaderApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(app, pilot)
        key = screen.reader.current_key
        await pilot.press("3", "e")
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter")
        await pilot.pause()
    rows = [json.loads(line) for line in (tmp_path / "briefreader-export.jsonl").read_text().splitlines()]
    assert [(r["article"], r["passage"], r["tag"]) for r in rows] == [(*key, "claim")]


@sync
async def test_m_marks_boilerplate_the_reader_dims_it_and_analyze_reports_it(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = BriefReaderApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(app, pilot)
        key = screen.reader.current_key
        assert key is not None and key not in screen.analysis.boilerplate
        await pilot.press("m")
        assert screen.analysis.boilerplate[key].reason == ANALYST_REASON
        assert screen.chips == {key: (OVERRIDE_CHIPS[True],)}
        shown = prompt(screen, key[1])
        assert shown.plain.startswith("other ")
        assert any(getattr(span.style, "dim", False) for span in shown.spans)
        assert "0 tagged" in list_row(screen, 0), "an override is not a tag"
        await pilot.press("m")
        assert key not in screen.analysis.boilerplate
        assert not prompt(screen, key[1]).plain.startswith("other ")
        await pilot.press("m")
        assert key not in screen.analysis.boilerplate
        await pilot.press("u")
        assert key not in screen.analysis.boilerplate
        await pilot.press("u")
        assert screen.analysis.boilerplate[key].reason == ANALYST_REASON
    capsys.readouterr()
    assert main(["analyze", "--json", "--db", str(db)]) == 0
    report = json.loads(capsys.readouterr().out)
    article = next(a for a in report["articles"] if a["id"] == key[0])
    assert article["passages"][key[1]]["boilerplate"]["reason"] == ANALYST_REASON


@sync
async def test_overrides_in_the_store_shape_the_analysis_at_start(db: Path) -> None:
    app = BriefReaderApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(app, pilot)
        key = screen.reader.current_key
        await pilot.press("m")
    app = BriefReaderApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(app, pilot)
        assert screen.analysis.boilerplate[key].reason == ANALYST_REASON
        assert screen.chips == {key: (OVERRIDE_CHIPS[True],)}


@sync
async def test_taking_back_an_old_article_text_mark_restores_the_detectors_label(db: Path) -> None:
    app = BriefReaderApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(app, pilot)
        key = min(screen.analysis.detected)
        await visit(screen, pilot, key)
        await pilot.press("m", "m")
        assert key not in screen.analysis.boilerplate
    app = BriefReaderApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(app, pilot)
        assert key not in screen.analysis.boilerplate
        await visit(screen, pilot, key)
        await pilot.press("m")
        assert screen.analysis.boilerplate[key] == screen.analysis.detected[key]
        assert screen.analysis.boilerplate[key].reason != ANALYST_REASON


@sync
async def test_a_corrupt_store_is_set_aside_with_s_and_tagging_goes_on(db: Path) -> None:
    db.write_text('{"annotations": {"1": [', encoding="utf-8")
    app = BriefReaderApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await store_problem_shown(app, pilot)
        await pilot.press("s")
        screen = await ready(app, pilot)
        assert app.screen is screen
        await pilot.press("1")
    [aside] = db.parent.glob("annotations.json.broken-*")
    assert aside.read_text(encoding="utf-8") == '{"annotations": {"1": ['
    assert [a.tag for a in saved(db)] == ["key-fact"]


@sync
async def test_q_on_the_store_problem_quits_without_touching_the_file(db: Path) -> None:
    db.write_text("not json", encoding="utf-8")
    app = BriefReaderApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await store_problem_shown(app, pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 1
    assert db.read_text(encoding="utf-8") == "not json"


@sync
async def test_a_second_reader_on_the_same_store_is_read_only_and_says_so(db: Path) -> None:
    holder = open_store(db)  # a separate open file description: flock conflicts inside one process too
    try:
        app = BriefReaderApp(db=str(db))
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            screen = await ready(app, pilot)
            assert screen.store is not None and screen.store.read_only
            await pilot.press("1")
            await pilot.pause()
            shown = [n.message for n in app._notifications]
            assert any("cannot be saved" in line for line in shown)
            assert any(line.startswith("Not saved") for line in shown)
            assert screen.chips == {}
        assert len(holder) == 0
    finally:
        holder.close()


@sync
async def test_help_footer_and_palette_offer_the_tagging_keys(db: Path) -> None:
    app = BriefReaderApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(app, pilot)
        shown = {active.binding.action for active in screen.active_bindings.values() if active.binding.show}
        assert {"help", "quit", "tag(1)", "next_article"} <= shown
        await pilot.press("question_mark")
        table = app.screen.query_one("#help-table").render()
        assert isinstance(table, Content)
        lines = table.plain.splitlines()
        assert any(line.split()[:4] == ["1", "Tag", "1", "-"] and "key-fact" in line for line in lines)
        assert any(line.split()[:3] == ["m", "Mark", "leftover"] for line in lines)
        assert any(line.split()[:2] == ["x", "Delete"] for line in lines)
        await pilot.press("escape", "2", "ctrl+p")
        await pilot.pause()
        await pilot.press(*"all tags")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TagsScreen)


@sync
async def test_tags_follow_an_edited_article_and_the_reader_says_so(
    tmp_path: Path, seeds: Path, db: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    source = sorted(seeds.glob("*.txt"))[0]
    (folder / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    app = BriefReaderApp([str(folder)], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(app, pilot)
        await pilot.press("j", "1")
        tagged = screen.corpus.articles[0].passages[1].text
    text = source.read_text(encoding="utf-8").replace(tagged, f"A paragraph added before.\n\n{tagged}")
    (folder / source.name).write_text(text, encoding="utf-8")
    app = BriefReaderApp([str(folder)], db=str(db))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await ready(app, pilot)
        moved = [a.key for a in saved_in(screen)]
        assert [screen.corpus.articles[0].passages[index].text for _, index in moved] == [tagged]
        assert any("moved to follow edited articles" in n.message for n in app._notifications)
