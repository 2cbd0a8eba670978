"""Tagging actions as the reader's keys use them: toggle, notes, overrides, copies, delete, undo, redo."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotations.corpus.models import Analysis, Corpus, Duplicate
from annotations.store.store import Store, memory_store, open_store
from annotations.store.tagging import Tagger
from annotations.store.values import Filter
from tests.store_helpers import ARTICLE_TEXT, article

OTHER_TEXT = "Other outlet intro.\n\n" + ARTICLE_TEXT
THIRD_TEXT = "Third outlet.\n\n" + ARTICLE_TEXT


@pytest.fixture(params=["memory", "file"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    return memory_store() if request.param == "memory" else open_store(tmp_path / "annotations.json")


@pytest.fixture
def corpus() -> Corpus:
    return Corpus("three", (article(), article(OTHER_TEXT, "other"), article(THIRD_TEXT, "third")))


def test_number_key_toggles_a_tag_on_and_off(store: Store, corpus: Corpus) -> None:
    tagger = Tagger(store, corpus, "ann")
    tag = tagger.tag_for_number(1)
    assert tag == "key-fact" and tagger.tag_for_number(10) is None
    on = tagger.toggle(("geneva", 1), tag)
    assert on.ok and on.keys == (("geneva", 1),) and "key-fact" in on.message
    assert tagger.tags_on(("geneva", 1)) == ("key-fact",)
    off = tagger.toggle(("geneva", 1), tag)
    assert off.ok and off.message.startswith("Removed")
    assert tagger.tags_on(("geneva", 1)) == () and len(store) == 0


def test_picker_creates_a_new_tag(store: Store, corpus: Corpus) -> None:
    tagger = Tagger(store, corpus, "ann")
    assert tagger.toggle(("geneva", 0), "  needs   checking ").ok
    assert "needs checking" in tagger.tags
    assert tagger.tags_on(("geneva", 0)) == ("needs checking",)
    assert not tagger.add_tag("   ").ok
    assert "needs checking" in Tagger(store, corpus, "bob").tags


def test_a_tag_typed_in_another_case_is_the_listed_tag_not_a_second_one(store: Store, corpus: Corpus) -> None:
    tagger = Tagger(store, corpus, "ann")
    before = list(tagger.tags)
    assert "same as Quote" in tagger.add_tag("Quote").message
    assert tagger.toggle(("geneva", 0), "QUOTE").ok
    assert tagger.tags_on(("geneva", 0)) == ("quote",)
    assert list(tagger.tags) == before


def test_note_alone_is_an_annotation_and_can_be_edited_and_removed(store: Store, corpus: Corpus) -> None:
    tagger = Tagger(store, corpus, "ann")
    assert tagger.set_note(("geneva", 2), "check the quote").ok
    (note,) = store.all()
    assert note.tag is None and note.kind == "note" and note.note == "check the quote"
    assert tagger.set_note(("geneva", 2), "checked: accurate").message.startswith("Note changed")
    assert tagger.note_on(("geneva", 2)) == "checked: accurate" and len(store) == 1
    assert tagger.set_note(("geneva", 2), "").ok and len(store) == 0
    tagger.undo()
    assert tagger.note_on(("geneva", 2)) == "checked: accurate"


def test_sentence_mode_tags_a_span(store: Store, corpus: Corpus) -> None:
    tagger = Tagger(store, corpus, "ann")
    spans = tagger.sentence_spans(("geneva", 2))
    assert len(spans) == 1
    source = corpus.articles[0]
    assert source.text[spans[0][0] : spans[0][1]].startswith('"We are further')
    assert tagger.toggle(("geneva", 2), "quote", spans[0]).ok
    assert tagger.tags_on(("geneva", 2), spans[0]) == ("quote",)
    assert tagger.tags_on(("geneva", 2)) == ()
    assert tagger.spans("geneva") == [(*spans[0], "tag:quote")]


def test_override_is_stored_like_a_tag_and_feeds_the_analysis(store: Store, corpus: Corpus) -> None:
    tagger = Tagger(store, corpus, "ann")
    assert tagger.set_override(("geneva", 3), True).ok
    assert store.overrides() == {("geneva", 3): True} and tagger.override_on(("geneva", 3)) is True
    assert tagger.set_override(("geneva", 3), False).ok
    assert store.overrides() == {("geneva", 3): False} and len(store) == 1
    tagger.undo()
    assert store.overrides() == {("geneva", 3): True}
    assert tagger.set_override(("geneva", 3), None).ok and store.overrides() == {}


def _copies() -> Analysis:
    copied = (("other", 2), ("third", 2))
    return Analysis(duplicates={("geneva", 1): tuple(Duplicate(a, p, 1.0, ((0, 10),)) for a, p in copied)})


def test_apply_to_copies_is_one_undoable_action(store: Store, corpus: Corpus) -> None:
    tagger = Tagger(store, corpus, "ann")
    tagger.toggle(("geneva", 1), "key-fact")
    tagger.toggle(("geneva", 1), "claim")
    tagger.toggle(("third", 2), "claim")
    outcome = tagger.apply_to_duplicates(("geneva", 1), _copies())
    assert outcome.ok and outcome.count == 3
    assert outcome.message == "Applied key-fact, claim to 2 copies in 2 other articles"
    assert set(outcome.keys) == {("other", 2), ("third", 2)}
    assert tagger.tags_on(("other", 2)) == ("key-fact", "claim")
    assert tagger.tags_on(("third", 2)) == ("key-fact", "claim")
    undone = tagger.undo()
    assert undone.ok and undone.message.startswith("Undone: Applied")
    assert tagger.tags_on(("other", 2)) == () and tagger.tags_on(("third", 2)) == ("claim",)
    assert tagger.tags_on(("geneva", 1)) == ("key-fact", "claim")
    assert tagger.redo().ok
    assert tagger.tags_on(("other", 2)) == ("key-fact", "claim")


def test_apply_to_copies_explains_when_there_is_nothing_to_do(store: Store, corpus: Corpus) -> None:
    tagger = Tagger(store, corpus, "ann")
    assert not tagger.apply_to_duplicates(("geneva", 1), _copies()).ok
    tagger.toggle(("geneva", 0), "quote")
    assert "no copies" in tagger.apply_to_duplicates(("geneva", 0), _copies()).message


def test_delete_from_the_tags_screen_and_undo(store: Store, corpus: Corpus) -> None:
    tagger = Tagger(store, corpus, "ann")
    tagger.toggle(("geneva", 0), "quote")
    tagger.toggle(("other", 2), "quote")
    tagger.toggle(("other", 2), "claim")
    assert [a.tag for a in tagger.rows(Filter(tag="quote"))] == ["quote", "quote"]
    assert len(tagger.rows(Filter(article="other"))) == 2
    assert len(tagger.rows(Filter(text="GENEVA"))) == 1
    doomed = [a.id for a in tagger.rows(Filter(tag="quote"))]
    outcome = tagger.delete(doomed)
    assert outcome.ok and outcome.message == "Deleted 2 annotations" and len(store) == 1
    assert tagger.undo().ok and len(store) == 3
    assert tagger.redo().ok and len(store) == 1


def test_undo_and_redo_walk_the_whole_session(store: Store, corpus: Corpus) -> None:
    tagger = Tagger(store, corpus, "ann")
    tagger.toggle(("geneva", 0), "quote")
    tagger.set_note(("geneva", 0), "n")
    tagger.set_override(("geneva", 3), True)
    for _ in range(3):
        assert tagger.undo().ok
    assert len(store) == 0 and not tagger.undo().ok
    for _ in range(3):
        assert tagger.redo().ok
    assert len(store) == 3 and tagger.redo().message == "Nothing to redo"
    tagger.undo()
    tagger.toggle(("geneva", 1), "claim")
    assert not tagger.history.can_redo


def test_read_only_store_refuses_with_a_message(tmp_path: Path, corpus: Corpus) -> None:
    first = open_store(tmp_path / "annotations.json")
    second = open_store(tmp_path / "annotations.json")
    assert second.read_only and second.notice
    outcome = Tagger(second, corpus, "bob").toggle(("geneva", 0), "quote")
    assert not outcome.ok and "read-only" in outcome.message
    assert len(second) == 0 and not Tagger(second, corpus, "bob").history.can_undo
    second.close()
    first.close()


def test_each_analyst_sees_and_toggles_only_their_own_tags(store: Store, corpus: Corpus) -> None:
    ann, bob = Tagger(store, corpus, "ann"), Tagger(store, corpus, "bob")
    ann.toggle(("geneva", 1), "quote")
    assert bob.tags_on(("geneva", 1)) == ()
    bob.toggle(("geneva", 1), "quote")
    assert len(store) == 2 and {a.analyst for a in store.all()} == {"ann", "bob"}


def test_tagging_in_a_200000_line_article_stores_that_passage(tmp_path: Path) -> None:
    lines = [f"Line {number} of a very long transcript." for number in range(200_000)]
    big = article("\n".join(lines) + "\n", "transcript")
    store = open_store(tmp_path / "annotations.json")
    tagger = Tagger(store, Corpus("one", (big,)), "ann")
    middle = next(p for p in big.passages if p.text == "Line 123456 of a very long transcript.")
    assert tagger.toggle(("transcript", middle.index), "quote").ok
    store.close()
    again = open_store(tmp_path / "annotations.json")
    (saved,) = again.all()
    assert saved.target.exact == "Line 123456 of a very long transcript."
    assert saved.target.prefix == big.text[middle.start - 32 : middle.start]
    assert saved.target.suffix.startswith("\nLine 123457")
    assert Tagger(again, Corpus("one", (big,)), "ann").tags_on(("transcript", middle.index)) == ("quote",)
    again.close()
