"""The dialogs through their keys: the shared base, export defaults and wording, sentence digits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import Checkbox, Label

from annotations.corpus.models import Corpus
from tests.app_helpers import sync
from tests.screen_host import Host, screen_text
from tests.test_app_tagging import ready
from tui.app import BriefReaderApp
from tui.render import unbroken
from tui.screens.dialog import Dialog
from tui.screens.export_dialog import ConfirmOverwrite, ExportDialog
from tui.screens.note_editor import NoteEditor
from tui.screens.sentence_picker import SentencePicker
from tui.screens.store_problem import StoreProblem
from tui.screens.tag_picker import TagPicker
from tui.widgets.reader import Reader

SIZE = (120, 40)


def test_every_dialog_shares_the_base() -> None:
    for dialog in (TagPicker, NoteEditor, SentencePicker, ConfirmOverwrite, ExportDialog, StoreProblem):
        assert issubclass(dialog, Dialog)
        assert "DEFAULT_CSS" not in vars(dialog), f"{dialog.__name__} repeats the dialog CSS"


@sync
async def test_the_dialog_box_is_drawn_from_the_stylesheet() -> None:
    app = Host(NoteEditor("", "The passage.", "passage 2 of 001"))
    async with app.run_test(size=SIZE) as pilot:
        shown = await screen_text(pilot)
        box = app.screen.query_one(".dialog-box")
        assert box.border_title is not None and "Note on passage 2 of 001" in str(box.border_title)
        assert "╭─ Note on passage 2 of 001" in shown
        assert box.region.width < SIZE[0] and box.region.x > 0


@sync
async def test_export_labels_every_field_and_the_checkbox_shows_its_state(tmp_path: Path) -> None:
    app = Host(ExportDialog(["claim"], [("a1", "001 First")], "a1", folder=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        labels = [str(label.content) for label in app.screen.query(".dialog-label").results(Label)]
        assert labels[:3] == ["Format", "Tag", "Articles"] and labels[3].startswith("File")
        box = app.screen.query_one("#export-machine", Checkbox)
        off_label = str(box.label)
        off = box.get_component_styles("toggle--button")
        off_look = (off.color, off.background)
        assert off.color == off.background, "the tick is invisible while off"
        box.value = True
        await pilot.pause()
        assert str(box.label) != off_label and "included" in str(box.label)
        on = box.get_component_styles("toggle--button")
        assert (on.color, on.background) != off_look and on.color != on.background


@sync
async def test_e_then_enter_exports_every_article_and_says_what_was_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = BriefReaderApp(db=str(tmp_path / "annotations.json"))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await ready(app, pilot)
        assert screen.tagger is not None
        first, second = screen.corpus.articles[0].id, screen.corpus.articles[1].id
        screen.tagger.toggle((first, 0), "claim")
        screen.tagger.toggle((second, 1), "quote")
        await pilot.press("e")
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter")
        await pilot.pause()
        target = tmp_path / "briefreader-export.jsonl"
        messages = [n.message for n in app._notifications]
    rows = [json.loads(line) for line in target.read_text().splitlines()]
    assert sorted(r["article"] for r in rows) == sorted([first, second])
    assert f"Exported 2 annotations (all articles) as jsonl to {target}" in messages


@sync
async def test_digits_pick_the_numbered_sentences() -> None:
    sentences = [((0, 5), "One.", ()), ((5, 10), "Two.", ("claim (sentence)",)), ((10, 15), "Three.", ())]
    app = Host(SentencePicker(sentences))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
    assert app.results == [(5, 10)]
    app = Host(SentencePicker(sentences))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7")
        assert app.results == []
        await pilot.press("3")
    assert app.results == [(10, 15)]


@sync
async def test_a_sentence_chip_stays_on_one_line(seed_corpus: Corpus, tmp_path: Path) -> None:
    article = seed_corpus.articles[0]
    long = max(article.passages, key=lambda p: len(p.text))
    key = (article.id, long.index)
    app = BriefReaderApp(db=str(tmp_path / "annotations.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(app, pilot)  # the store's own chips are drawn by then, not after ours
        screen.chips = {key: ("claim (sentence)",)}
        await pilot.pause()
        prompt = screen.query_one(Reader).get_option_at_index(long.index).prompt
        assert isinstance(prompt, Content)
        for width in range(30, 60):
            lines = [line.plain for line in prompt.wrap(width)]
            assert any(unbroken("claim (sentence)") in line for line in lines), (width, lines)
