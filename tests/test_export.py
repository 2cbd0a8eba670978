"""Every export format carries what an analyst needs, safely, and survives a round trip."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from annotations.analysis import analyze
from annotations.corpus.loading import load_text
from annotations.corpus.models import Analysis, Corpus
from annotations.exchange.export import (
    COLUMNS,
    ExportError,
    ExportOptions,
    export_text,
    to_csv,
    write_output,
)
from annotations.exchange.importing import ImportFileError, import_file
from annotations.store.store import Store, memory_store, open_store
from annotations.store.tagging import Tagger
from tests.store_helpers import ARTICLE_TEXT, annotation, article

REQUIRED = ("article", "passage", "start", "end", "quote", "tag", "note", "analyst", "created")


@pytest.fixture(scope="module")
def seed_analysis(seed_corpus: Corpus) -> Analysis:
    return analyze(seed_corpus)


def _copied_key(corpus: Corpus, analysis: Analysis) -> tuple[str, int]:
    found = sorted(analysis.duplicates.items())
    return next(key for key, copies in found if any(d.article != key[0] for d in copies))


@pytest.fixture
def tagged(tmp_path: Path, seed_corpus: Corpus, seed_analysis: Analysis) -> Store:
    store = open_store(tmp_path / "annotations.json")
    tagger = Tagger(store, seed_corpus, "ann")
    first = seed_corpus.articles[0]
    tagger.toggle((first.id, 1), "key-fact")
    tagger.set_note((first.id, 1), "central claim")
    tagger.toggle(_copied_key(seed_corpus, seed_analysis), "quote")
    span = tagger.sentence_spans((first.id, 2))[0]
    tagger.toggle((first.id, 2), "claim", span)
    return store


def _export(store: Store, corpus: Corpus, analysis: Analysis | None, fmt: str, **options: object) -> str:
    return export_text(store, corpus, analysis, ExportOptions(format=fmt, **options))  # type: ignore[arg-type]


def test_jsonl_has_one_object_per_annotation_with_its_place(tagged: Store, seed_corpus: Corpus) -> None:
    lines = _export(tagged, seed_corpus, None, "jsonl").splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == 4
    for row in rows:
        assert all(field in row for field in (*REQUIRED, "id", "modified", "prefix", "suffix", "orphan"))
        source = seed_corpus.article(row["article"])
        assert source is not None and source.text[row["start"] : row["end"]] == row["quote"]
    (noted,) = [row for row in rows if row["note"]]
    assert noted["tag"] is None and noted["note"] == "central claim" and noted["analyst"] == "ann"
    (span,) = [row for row in rows if row["scope"] == "span"]
    assert span["tag"] == "claim" and span["passage"] == 2


def test_json_is_the_same_records_as_a_list(tagged: Store, seed_corpus: Corpus) -> None:
    listed = json.loads(_export(tagged, seed_corpus, None, "json"))
    lines = [json.loads(line) for line in _export(tagged, seed_corpus, None, "jsonl").splitlines()]
    assert listed == lines


def test_filters_by_tag_and_article(tagged: Store, seed_corpus: Corpus) -> None:
    only_quotes = _export(tagged, seed_corpus, None, "jsonl", tag="quote").splitlines()
    assert [json.loads(line)["tag"] for line in only_quotes] == ["quote"]
    first = seed_corpus.articles[0].id
    text = _export(tagged, seed_corpus, None, "jsonl", article=first)
    rows = [json.loads(line) for line in text.splitlines()]
    assert rows and {row["article"] for row in rows} == {first}


def test_csv_neutralises_formulas_from_article_text_and_notes() -> None:
    text = "=HYPERLINK(\"http://evil\",\"click\")\n\n@SUM(A1)\n\n-2+3\n\n+cmd|' /C calc'!A0\n\nPlain text.\n"
    source = load_text(text, "evil", "/nowhere/evil.txt")
    corpus = Corpus("evil", (source,))
    store = memory_store()
    tagger = Tagger(store, corpus, "ann")
    for index in range(4):
        tagger.toggle(("evil", index), "quote")
    tagger.set_note(("evil", 4), "\tTAB then =1+1")
    tagger.set_note(("evil", 3), "=1+1")
    rows = list(csv.reader(io.StringIO(_export(store, corpus, None, "csv"))))
    assert tuple(rows[0]) == COLUMNS
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    quotes = {row[COLUMNS.index("quote")] for row in rows[1:]}
    assert "'=HYPERLINK(\"http://evil\",\"click\")" in quotes and "'-2+3" in quotes
    assert "'=1+1" in {row[COLUMNS.index("note")] for row in rows[1:]}


def test_markdown_brief_groups_by_tag_with_source_and_copies(
    tagged: Store, seed_corpus: Corpus, seed_analysis: Analysis
) -> None:
    brief = _export(tagged, seed_corpus, seed_analysis, "md")
    assert brief.startswith("# Brief")
    assert "## key-fact (1)" in brief and "## quote (1)" in brief and "## claim (1)" in brief
    key_fact = brief.split("## key-fact (1)")[1].split("##")[0]
    assert seed_corpus.articles[0].passages[1].text[:60] in key_fact
    assert "Note: central claim" in key_fact
    quote = brief.split("## quote (1)")[1].split("##")[0]
    assert "Also in:" in quote and "shared" in quote


def test_w3c_output_has_the_required_fields(tagged: Store, seed_corpus: Corpus) -> None:
    document = json.loads(_export(tagged, seed_corpus, None, "w3c"))
    assert document["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert document["type"] == "AnnotationCollection" and document["id"].startswith("urn:uuid:")
    page = document["first"]
    assert page["type"] == "AnnotationPage" and page["id"] and document["total"] == len(page["items"]) == 4
    ids = set()
    for item in page["items"]:
        assert item["type"] == "Annotation" and ":" in item["id"]
        ids.add(item["id"])
        bodies = item["body"]
        assert bodies and all(b["type"] == "TextualBody" and b["value"] for b in bodies)
        assert {b["purpose"] for b in bodies} <= {"tagging", "commenting"}
        target = item["target"]
        assert target["source"]["id"].startswith("file:///")
        selectors = {s["type"]: s for s in target["selector"]}
        position, quote = selectors["TextPositionSelector"], selectors["TextQuoteSelector"]
        source = seed_corpus.article(target["source"]["dcterms:identifier"])
        assert source is not None and source.text[position["start"] : position["end"]] == quote["exact"]
        assert source.text[: position["start"]].endswith(quote["prefix"])
    assert len(ids) == 4
    tags = [b["value"] for item in page["items"] for b in item["body"] if b["purpose"] == "tagging"]
    assert sorted(tags) == ["claim", "key-fact", "quote"]


def test_include_machine_adds_boilerplate_and_copies(
    tagged: Store, seed_corpus: Corpus, seed_analysis: Analysis
) -> None:
    rows = [json.loads(line) for line in
            _export(tagged, seed_corpus, seed_analysis, "jsonl", include_machine=True).splitlines()]
    machine = [row for row in rows if row["kind"] == "machine"]
    assert {row["tag"] for row in machine} == {"boilerplate", "duplicate"}
    assert len(machine) == len(seed_analysis.boilerplate) + len(seed_analysis.duplicates)
    assert all(row["analyst"] == "briefreader" for row in machine)


def test_export_reports_where_annotations_sit_now(tmp_path: Path) -> None:
    store = open_store(tmp_path / "annotations.json")
    Tagger(store, Corpus("c", (article(),)), "ann").toggle(("geneva", 1), "quote")
    edited = Corpus("c", (article("New first paragraph.\n\n" + ARTICLE_TEXT),))
    (row,) = [json.loads(line) for line in _export(store, edited, None, "jsonl").splitlines()]
    assert row["passage"] == 2 and row["quote"].startswith("The talks lasted")
    store.close()
    assert open_store(tmp_path / "annotations.json").all()[0].target.passage == 2


@pytest.mark.parametrize("fmt", ["jsonl", "json", "w3c"])
def test_round_trip_export_import_export(
    tagged: Store, seed_corpus: Corpus, tmp_path: Path, fmt: str
) -> None:
    first = _export(tagged, seed_corpus, None, fmt)
    path = write_output(tmp_path / f"out.{fmt}", first)
    other = open_store(tmp_path / "other.json")
    report = import_file(other, path, seed_corpus)
    assert report.added == 4
    assert import_file(other, path, seed_corpus).added == 0
    again = _export(other, seed_corpus, None, "jsonl")
    original = _export(tagged, seed_corpus, None, "jsonl")
    keep = ("id", "article", "passage", "start", "end", "quote", "tag", "note", "analyst", "created", "scope")

    def essence(text: str) -> list[tuple[object, ...]]:
        return sorted(tuple(json.loads(line)[k] for k in keep) for line in text.splitlines())

    assert essence(again) == essence(original)


def test_import_keeps_each_analysts_name(tagged: Store, seed_corpus: Corpus, tmp_path: Path) -> None:
    path = write_output(tmp_path / "ann.jsonl", _export(tagged, seed_corpus, None, "jsonl"))
    mine = memory_store()
    Tagger(mine, seed_corpus, "bob").toggle((seed_corpus.articles[0].id, 1), "key-fact")
    import_file(mine, path, seed_corpus)
    assert sorted(a.analyst for a in mine.all()) == ["ann", "ann", "ann", "ann", "bob"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("not json at all\n", "line 1 is not JSON"),
        ('{"article": "a"}\n', "no 'quote'"),
        ('{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "first": "p2"}',
         "not embedded"),
        ('[1, 2]', "expected annotation objects"),
        ('{"article": "a", "quote": "q", "tag": "t", "start": "zero"}\n', "'start' is not a whole number"),
    ],
)
def test_bad_import_files_give_one_line(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    store = memory_store()
    with pytest.raises(ImportFileError) as raised:
        import_file(store, path)
    assert expected in str(raised.value) and str(path) in str(raised.value) and "\n" not in str(raised.value)
    assert len(store) == 0


def test_write_output_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    target.write_text("precious", encoding="utf-8")
    with pytest.raises(ExportError, match="exists; use --force"):
        write_output(target, "new")
    assert target.read_text(encoding="utf-8") == "precious"
    write_output(target, "new", force=True)
    assert target.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.md"]


def test_csv_neutralises_formulas_after_leading_spaces_and_drops_controls() -> None:
    source = article()
    marked = annotation(source, 1, "quote", note="  +cmd|' /C calc'!A0 \x9b2J")
    quotes = ("   =1+1", " \t@SUM(A1)", "\t-2", "Plain \x1b]0;pwned\x07text", "\x07=2")
    rows = [replace(marked, target=replace(marked.target, exact=quote)) for quote in quotes]
    out = to_csv(rows, Corpus("c", (source,)), None)
    cells = [cell for row in csv.DictReader(io.StringIO(out)) for cell in row.values()]
    assert not [cell for cell in cells if cell.lstrip()[:1] in ("=", "+", "-", "@")]
    assert not [cell for cell in cells if any(ord(c) < 9 or 0x7F <= ord(c) <= 0x9F for c in cell)]
    assert {"'   =1+1", "' \t@SUM(A1)", "'\t-2", "Plain text", "'=2", "'  +cmd|' /C calc'!A0 "} <= set(cells)


def test_w3c_has_no_position_for_articles_not_loaded(tagged: Store, seed_corpus: Corpus) -> None:
    others = Corpus("others", seed_corpus.articles[1:])
    document = json.loads(_export(tagged, others, None, "w3c"))
    for item in document["first"]["items"]:
        kinds = [s["type"] for s in item["target"]["selector"]]
        loaded = others.article(item["target"]["source"]["dcterms:identifier"]) is not None
        assert kinds == (["TextQuoteSelector", "TextPositionSelector"] if loaded else ["TextQuoteSelector"])
        assert all(s.get("start", 0) >= 0 and s.get("end", 0) >= 0 for s in item["target"]["selector"])


OTHER_TOOL = {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    "type": "AnnotationPage",
    "items": [
        {
            "id": "http://example.org/anno/17",
            "type": "Annotation",
            "body": {"type": "TextualBody", "purpose": "tagging", "value": "claim"},
            "target": {
                "source": "https://news.example/2024/harbour-deal.html",
                "selector": {"type": "TextQuoteSelector", "exact": "the union said"},
            },
        },
        {
            "id": "http://example.org/anno/18",
            "type": "Annotation",
            "body": [{"type": "TextualBody", "value": "read this later"}],
            "target": "https://news.example/2024/harbour-deal.html",
        },
    ],
}


def test_w3c_from_another_tool_keeps_its_ids_and_accepts_a_bare_iri_target(tmp_path: Path) -> None:
    path = tmp_path / "other.jsonld"
    path.write_text(json.dumps(OTHER_TOOL), encoding="utf-8")
    store = memory_store()
    report = import_file(store, path)
    assert report.added == 1 and report.whole == 1
    assert "1 annotation(s) on a whole document skipped" in report.message
    (imported,) = store.all()
    assert imported.id == "http://example.org/anno/17" and imported.article == "harbour-deal"
    document = json.loads(_export(store, Corpus("none", ()), None, "w3c"))
    (item,) = document["first"]["items"]
    assert item["id"] == "http://example.org/anno/17"
    assert [s["type"] for s in item["target"]["selector"]] == ["TextQuoteSelector"]
