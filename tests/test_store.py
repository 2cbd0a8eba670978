"""The store behaves the same over memory, the atomic JSON file and the journaled JSON file."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from annotations.config import data_path
from annotations.store.documents import to_doc
from annotations.store.storage import (
    AtomicJSONStorage,
    JournalStorage,
    MemoryStorage,
    StoreError,
    journal_path,
)
from annotations.store.store import Store, open_store
from tests.store_helpers import annotation, article

Factory = Callable[[], Store]


@pytest.fixture(params=["memory", "atomic-json", "journal"])
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Factory]:
    """Opens the same store again on each call (a fresh memory store for the memory storage)."""
    opened: list[Store] = []

    def make() -> Store:
        for store in opened:
            store.close()
        path = tmp_path / "annotations.json"
        storage = {
            "memory": MemoryStorage,
            "atomic-json": lambda: AtomicJSONStorage(path),
            "journal": lambda: JournalStorage(path),
        }[request.param]()
        opened.append(Store(storage))
        return opened[-1]

    yield make
    for store in opened:
        store.close()


def test_apply_adds_changes_and_removes_annotations(make_store: Factory) -> None:
    store = make_store()
    source = article()
    first, second = annotation(source, 0), annotation(source, 1, "quote")
    store.apply([(None, first), (None, second)])
    assert {a.tag for a in store.for_passage((source.id, 0))} == {"key-fact"}
    changed = annotation(source, 1, "claim")
    store.apply([(second, None), (None, changed)])
    assert store.get(second.id) is None
    assert [a.tag for a in store.for_article(source.id) if a.target.passage == 1] == ["claim"]
    store.apply([(first, None)])
    assert len(store) == 1


def test_overrides_latest_wins(make_store: Factory) -> None:
    store = make_store()
    source = article()
    early = annotation(source, 2, "boilerplate", kind="override")
    late = annotation(source, 2, "not-boilerplate", kind="override")
    store.apply([(None, early)])
    assert store.overrides() == {(source.id, 2): True}
    store.apply([(early, None), (None, replace(late, modified="2027-01-01T00:00:00.000Z"))])
    assert store.overrides() == {(source.id, 2): False}


def test_file_stores_keep_everything_across_reopen(
    make_store: Factory, request: pytest.FixtureRequest
) -> None:
    if "memory" in request.node.callspec.id:
        pytest.skip("memory storage forgets on purpose")
    source = article()
    store = make_store()
    kept = [annotation(source, index, tag) for index in range(4) for tag in ("quote", "claim")]
    store.apply([(None, a) for a in kept])
    store.apply([(kept[0], None)])
    again = make_store()
    assert sorted(a.id for a in again.all()) == sorted(a.id for a in kept[1:])
    assert again.get(kept[1].id) == kept[1]


def test_default_location_is_the_user_data_folder() -> None:
    store = open_store()
    source = article()
    store.apply([(None, annotation(source, 0))])
    store.close()
    assert data_path().exists()
    assert "briefreader" in str(data_path())
    assert len(open_store()) == 1


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"{not json", "invalid JSON"),
        (b"[1, 2, 3]", "expected TinyDB tables"),
        (b'{"_default": {"1": {"x": 1}}}', "not a briefreader annotation store"),
        (b'{"meta": {"1": {"schema": 99}}, "annotations": {}}', "newer briefreader"),
        (b'{"meta": {"1": {"schema": 1}}, "annotations": {"1": {"id": "x"}}}', "annotation 1 is damaged"),
        (b"\xff\xfe\x00garbage", "invalid JSON"),
    ],
)
def test_unreadable_store_names_the_file_and_is_never_overwritten(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "annotations.json"
    path.write_bytes(content)
    with pytest.raises(StoreError) as raised:
        open_store(path)
    assert str(path) in raised.value.message and expected in raised.value.message
    assert raised.value.path == path
    assert "\n" not in raised.value.message
    assert path.read_bytes() == content


def test_store_files_are_tinydb_json(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    store = open_store(path)
    source = article()
    store.apply([(None, annotation(source, 0, note="first"))])
    store.close()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["meta"]["1"]["schema"] == 1
    (doc,) = data["annotations"].values()
    assert doc["note"] == "first" and doc["target"]["exact"].startswith("Ministers met")
    assert doc["article_hash"].startswith("sha256:")


def test_storing_an_annotation_again_replaces_it(make_store: Factory) -> None:
    store = make_store()
    source = article()
    first = annotation(source, 0)
    store.apply([(None, first)])
    store.apply([(None, replace(first, note="edited"))])
    assert len(store) == 1 and store.get(first.id).note == "edited"  # type: ignore[union-attr]
    assert [a.note for a in make_store().all()] in (["edited"], [])


def test_tinydb_s_own_api_works_over_the_journaled_storage(tmp_path: Path) -> None:
    from tinydb import TinyDB

    path = tmp_path / "annotations.json"
    store = open_store(path)
    first = annotation(article(), 0)
    store.apply([(None, first)])
    store.close()
    db = TinyDB(path, storage=JournalStorage)
    table = db.table("annotations")
    assert [doc["id"] for doc in table.all()] == [first.id]
    second = annotation(article(), 1, "quote")
    table.insert(to_doc(second))
    db.close()
    assert sorted(a.tag for a in open_store(path).all()) == ["key-fact", "quote"]


def test_a_big_store_keeps_its_journal_at_close_and_replays_it_at_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotations.store import storage

    monkeypatch.setattr(storage, "FOLD_AT_CLOSE_BELOW", 0)
    path = tmp_path / "annotations.json"
    store = open_store(path)
    kept = [annotation(article(), index) for index in range(3)]
    for item in kept:
        store.apply([(None, item)])
    store.close()
    assert not path.exists() and journal_path(path).exists()
    assert sorted(a.id for a in open_store(path).all()) == sorted(a.id for a in kept)


def test_annotations_read_back_are_the_same_frozen_values(tmp_path: Path) -> None:
    source = article()
    stored = [annotation(source, 0), annotation(source, 1, None, note="why", kind="note"),
              annotation(source, 2, "quote", span=(147, 160))]
    store = open_store(tmp_path / "annotations.json")
    store.apply([(None, a) for a in stored])
    store.close()
    store = open_store(tmp_path / "annotations.json")
    again = sorted(store.all(), key=lambda a: a.target.passage)
    store.close()
    assert again == stored and {hash(a) for a in again} == {hash(a) for a in stored}
    assert [type(a.target) for a in again] == [type(a.target) for a in stored]
    with pytest.raises(AttributeError):
        again[0].tag = "changed"  # type: ignore[misc]


@pytest.mark.parametrize(("field", "value"), [("tag", 3), ("orphan", 0), ("passage", True), ("exact", None)])
def test_a_field_of_the_wrong_type_is_a_damaged_store(tmp_path: Path, field: str, value: object) -> None:
    doc = to_doc(annotation(article(), 0))
    (doc["target"] if field in doc["target"] else doc)[field] = value
    path = tmp_path / "annotations.json"
    path.write_text(json.dumps({"meta": {"1": {"schema": 1}}, "annotations": {"7": doc}}), encoding="utf-8")
    with pytest.raises(StoreError, match="annotation 7 is damaged"):
        open_store(path)
