"""Annotations follow their text when an article is edited, and are kept as orphans when it is gone."""

from __future__ import annotations

from pathlib import Path

from annotations.corpus.models import Corpus
from annotations.store.anchor import locate, make_target, reanchor
from annotations.store.store import open_store
from tests.store_helpers import ARTICLE_TEXT, annotation, article

INSERTED = ARTICLE_TEXT.replace(
    "The talks lasted", "Breaking: a new paragraph arrives above the tagged one.\n\nThe talks lasted"
)
TYPO_FIXED = ARTICLE_TEXT.replace("officials said", "officials confirmed").replace("six hours", "seven hours")


def test_paragraph_inserted_above_moves_the_annotation_down_one_passage() -> None:
    before = article()
    tagged = annotation(before, 1)
    after = article(INSERTED)
    (moved,) = reanchor([tagged], Corpus("c", (after,)))
    assert moved.target.passage == 2 and not moved.orphan
    assert after.text[moved.target.start : moved.target.end] == before.passages[1].text
    assert moved.article_hash != tagged.article_hash


def test_typo_fixed_inside_the_passage_still_finds_it() -> None:
    before = article()
    tagged = annotation(before, 1)
    after = article(TYPO_FIXED)
    (moved,) = reanchor([tagged], Corpus("c", (after,)))
    assert moved.target.passage == 1 and not moved.orphan
    assert moved.target.exact == after.passages[1].text
    assert "seven hours" in moved.target.exact


def test_sentence_span_follows_the_edit_and_keeps_its_scope() -> None:
    before = article()
    start = before.text.index("We are further")
    span = (start, start + len("We are further apart than we hoped,"))
    target = make_target(before, 2, span)
    edited = article("Update at noon.\n\n" + ARTICLE_TEXT)
    found = locate(target, edited)
    assert found is not None and found.scope == "span" and found.passage == 3
    assert edited.text[found.start : found.end] == "We are further apart than we hoped,"


def test_repeated_quote_is_told_apart_by_its_context() -> None:
    text = "Alpha.\n\nSame words here.\n\nBeta.\n\nSame words here.\n\nGamma.\n"
    before = article(text, "rep")
    second = make_target(before, 3)
    edited = article("Intro.\n\n" + text, "rep")
    found = locate(second, edited)
    assert found is not None and found.passage == 4


def test_removed_passage_becomes_an_orphan_that_is_kept(tmp_path: Path) -> None:
    before = article()
    gone, stays = annotation(before, 2, "quote"), annotation(before, 3, "claim")
    store = open_store(tmp_path / "annotations.json")
    store.apply([(None, gone), (None, stays)])
    edited = article(ARTICLE_TEXT.replace(before.passages[2].text, "Nothing was said."))
    report = store.reanchor(Corpus("c", (edited,)))
    assert [a.id for a in report.orphans] == [gone.id]
    assert report.saved and "orphan" in report.message
    store.close()
    reopened = open_store(tmp_path / "annotations.json")
    assert len(reopened) == 2
    kept = reopened.get(gone.id)
    assert kept is not None and kept.orphan and kept.target == gone.target
    placed = reopened.get(stays.id)
    assert placed is not None and not placed.orphan and placed.target.exact == stays.target.exact


def test_store_records_the_new_anchor(tmp_path: Path) -> None:
    before = article()
    tagged = annotation(before, 1)
    store = open_store(tmp_path / "annotations.json")
    store.apply([(None, tagged)])
    report = store.reanchor(Corpus("c", (article(INSERTED),)))
    assert report.moved == 1 and report.orphans == ()
    store.close()
    moved = open_store(tmp_path / "annotations.json").get(tagged.id)
    assert moved is not None and moved.target.passage == 2


def test_unchanged_article_is_left_alone() -> None:
    source = article()
    assert reanchor([annotation(source, 1)], Corpus("c", (source,))) == []
