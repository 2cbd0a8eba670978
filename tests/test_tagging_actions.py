"""The tagging keys on a passage screen: what the analyst presses, and what the store then holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

from annotations.config import DEFAULT_TAGS
from annotations.corpus.models import Analysis, Corpus, Duplicate, PassageKey
from annotations.store.store import Store, memory_store, open_store
from annotations.store.values import Outcome
from tests.app_helpers import sync
from tui.delegation import delegate
from tui.screens.export_dialog import ExportDialog
from tui.screens.sentence_picker import SentencePicker
from tui.screens.tags_screen import TagsScreen
from tui.tagging import METHODS, TAGGING_ACTIONS, TaggingController
from tui.tagging_keys import NOTE_CHIP, OVERRIDE_CHIPS, TAGGING_BINDINGS, TAGGING_PALETTE, chips_for

SIZE = (140, 40)


@delegate("tagging", TAGGING_ACTIONS, METHODS)
class Passages(Screen[None]):
    """A stand-in for the reader: a cursor on one passage, chips recomputed on every change."""

    BINDINGS: list[Binding] = list(TAGGING_BINDINGS)

    def __init__(self, corpus: Corpus, analysis: Analysis | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.cursor: PassageKey = (corpus.articles[1].id, 2)
        self.sentence: tuple[int, int] | None = None
        self.chips: dict[PassageKey, tuple[str, ...]] = {}
        self.visited: list[PassageKey] = []
        self.tagging = TaggingController(
            self, self.target, self.changed, lambda: analysis, self.visited.append
        )

    @property
    def tagger(self):  # type: ignore[no-untyped-def]
        return self.tagging.tagger

    @property
    def sentence_mode(self) -> bool:
        return self.tagging.sentence_mode

    def compose(self) -> ComposeResult:
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.tagging.check(action) if action in TAGGING_ACTIONS else True

    def target(self) -> tuple[PassageKey, tuple[int, int] | None]:
        return self.cursor, self.sentence if self.sentence_mode else None

    def changed(self, outcome: Outcome) -> None:
        self.chips = chips_for(self.tagger) if self.tagger else {}


class ReaderApp(App[None]):
    def __init__(self, screen: Passages, store: Store) -> None:
        super().__init__()
        self.passages = screen
        self.store = store

    def on_mount(self) -> None:
        self.push_screen(self.passages)
        self.passages.tagging.start(self.store, self.passages.corpus, "ana", DEFAULT_TAGS)


def reader(corpus: Corpus, analysis: Analysis | None = None, store: Store | None = None) -> ReaderApp:
    return ReaderApp(Passages(corpus, analysis), memory_store() if store is None else store)


@sync
async def test_number_keys_toggle_tags_with_undo_and_redo(seed_corpus: Corpus) -> None:
    app = reader(seed_corpus)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.passages
        assert screen.check_action("undo", ()) is None
        await pilot.press("1", "2")
        assert screen.chips == {screen.cursor: ("key-fact", "quote")}
        await pilot.press("1")
        assert screen.chips == {screen.cursor: ("quote",)}
        await pilot.press("u")
        assert screen.chips == {screen.cursor: ("key-fact", "quote")}
        await pilot.press("ctrl+r")
        assert screen.chips == {screen.cursor: ("quote",)}
        assert [a.tag for a in app.store.all()] == ["quote"]


@sync
async def test_picker_and_note_editor_write_to_the_store(seed_corpus: Corpus) -> None:
    app = reader(seed_corpus)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.passages
        await pilot.press("t", *"Field Report", "enter")
        await pilot.press("c", *"ask the ministry", "ctrl+s")
        assert screen.chips == {screen.cursor: ("field-report", NOTE_CHIP)}
        assert screen.tagger is not None and screen.tagger.note_on(screen.cursor) == "ask the ministry"
        await pilot.press("c", "escape")
        await pilot.press("c", *["backspace"] * 20, "ctrl+s")
        assert screen.chips == {screen.cursor: ("field-report",)}


@sync
async def test_override_cycles_and_sentence_mode_tags_one_sentence(seed_corpus: Corpus) -> None:
    app = reader(seed_corpus)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.passages
        assert screen.tagger is not None
        await pilot.press("m")
        assert screen.chips == {screen.cursor: (OVERRIDE_CHIPS[True],)}
        await pilot.press("m")
        assert screen.chips == {screen.cursor: (OVERRIDE_CHIPS[False],)}
        await pilot.press("m")
        assert screen.chips == {}
        screen.sentence = screen.tagger.sentence_spans(screen.cursor)[0]
        await pilot.press("v", "3")
        assert screen.chips == {screen.cursor: ("claim (sentence)",)}
        assert screen.tagger.spans(screen.cursor[0]) == [(*screen.sentence, "tag:claim")]


@sync
async def test_sentence_mode_asks_which_sentence(seed_corpus: Corpus) -> None:
    app = reader(seed_corpus)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.passages
        assert screen.tagger is not None
        article = seed_corpus.articles[1].id
        screen.cursor = next(
            (article, p.index) for p in seed_corpus.articles[1].passages
            if len(screen.tagger.sentence_spans((article, p.index))) > 2
        )
        spans = screen.tagger.sentence_spans(screen.cursor)
        await pilot.press("v", "3")
        assert isinstance(app.screen, SentencePicker)
        await pilot.press("down", "enter")
        assert screen.tagger.spans(screen.cursor[0]) == [(*spans[1], "tag:claim")]
        await pilot.press("c", "enter", *"which minister?", "ctrl+s")
        assert screen.tagger.note_on(screen.cursor, spans[1]) == "which minister?"
        await pilot.press("1", "escape")
        assert screen.chips == {screen.cursor: ("claim (sentence)", NOTE_CHIP)}
        await pilot.press("v", "1")
        assert screen.chips == {screen.cursor: ("key-fact", "claim (sentence)", NOTE_CHIP)}


@sync
async def test_apply_to_copies_tags_the_copies(seed_corpus: Corpus) -> None:
    first, second = seed_corpus.articles[0].id, seed_corpus.articles[1].id
    copy = Duplicate(first, 4, 0.9, ((0, 10),))
    app = reader(seed_corpus, Analysis(duplicates={(second, 2): (copy,)}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "A")
        assert app.passages.chips == {(second, 2): ("quote",), (first, 4): ("quote",)}


@sync
async def test_tags_screen_jumps_and_export_writes_a_file(
    seed_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = reader(seed_corpus)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.passages
        await pilot.press("4", "T")
        assert isinstance(app.screen, TagsScreen)
        await pilot.press("enter")
        assert screen.visited == [screen.cursor]
        await pilot.press("e")
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter")
    rows = [json.loads(line) for line in (tmp_path / "briefreader-export.jsonl").read_text().splitlines()]
    assert [(r["article"], r["passage"], r["tag"]) for r in rows] == [(*screen.cursor, "background")]


@sync
async def test_a_read_only_store_says_so(seed_corpus: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    holder = open_store(path)
    second = open_store(path)
    app = reader(seed_corpus, store=second)
    try:
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.press("1")
            await pilot.pause()
            shown = [n.message for n in app._notifications]
            assert any("cannot be saved" in line for line in shown)
            assert any(line.startswith("Not saved") for line in shown)
            assert app.passages.chips == {}
    finally:
        second.close()
        holder.close()


def test_every_palette_entry_names_an_action() -> None:
    assert {action for _, action, _ in TAGGING_PALETTE} == {
        "pick_tag", "edit_note", "sentence_mode", "apply_to_copies", "cycle_override", "undo", "redo",
        "tags_screen", "export",
    }
    assert all(callable(getattr(Passages, f"action_{action}", None)) for _, action, _ in TAGGING_PALETTE)
