"""Pictures of the tagging screens over the seeds at 100x30 (regenerate with --snapshot-update)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from annotations.corpus.models import Corpus
from annotations.store.store import memory_store
from annotations.store.tagging import Tagger
from tests.screen_host import Host
from tui.screens.export_dialog import ExportDialog
from tui.screens.tag_picker import TagPicker
from tui.screens.tags_screen import TagsScreen

SIZE = (100, 30)


def tagger(corpus: Corpus) -> Tagger:
    """Three annotations with a fixed date, one of them carrying markup-like text."""
    result = Tagger(memory_store(), corpus, "ana", clock=lambda: datetime(2024, 5, 6, 7, 8, tzinfo=UTC))
    first, second = corpus.articles[0].id, corpus.articles[1].id
    result.toggle((first, 1), "quote")
    result.toggle((second, 2), "[b]claim[/b]")
    result.set_note((second, 3), "[/] ask the ministry")
    return result


def test_tag_picker(snap_compare: Any, seed_corpus: Corpus) -> None:
    async def typed(pilot: Pilot[Any]) -> None:
        await pilot.press("o", "n")

    picker = TagPicker(tagger(seed_corpus).tags, current=["quote"], where="passage 3 of 001")
    assert snap_compare(Host(picker), terminal_size=SIZE, run_before=typed)


def test_tags_screen(snap_compare: Any, seed_corpus: Corpus) -> None:
    assert snap_compare(Host(TagsScreen(tagger(seed_corpus))), terminal_size=SIZE)


def test_export_dialog(snap_compare: Any, seed_corpus: Corpus) -> None:
    articles = [(a.id, f"{a.label}  {a.title}") for a in seed_corpus.articles]
    current = seed_corpus.articles[1].id
    dialog = ExportDialog(["quote", "claim"], articles, current, folder=Path("/data/briefs"))
    assert snap_compare(Host(dialog), terminal_size=SIZE)
