"""Reading scraper JSON: news-please, trafilatura and generic records, one per file, listed or per line."""

from __future__ import annotations

import shutil
from pathlib import Path

from annotations.corpus.loading import load_corpus

DATA = Path(__file__).parent / "data" / "inputs"


def _load(tmp_path: Path, *names: str):
    for name in names:
        shutil.copy(DATA / name, tmp_path / name)
    return load_corpus([tmp_path])


def test_a_news_please_record(tmp_path: Path) -> None:
    [article] = _load(tmp_path, "newsplease.json").articles
    assert article.id == "newsplease"
    assert article.title == "Harbour strike ends after pay deal"
    assert article.date == "2024-03-08"
    assert article.source == "coastalherald.example"
    assert article.url == "https://www.coastalherald.example/news/harbour"
    assert article.label == "coastalherald.example"
    assert [p.text for p in article.passages] == [
        "Dock workers at the city harbour returned to work on Friday after union leaders accepted"
        " a pay offer.",
        "The agreement raises wages by six percent this year.",
    ]


def test_a_trafilatura_record(tmp_path: Path) -> None:
    [article] = _load(tmp_path, "trafilatura.json").articles
    assert (article.title, article.date, article.source) == (
        "Strike over at the harbour",
        "2024-03-09",
        "Port News",
    )
    assert [p.text for p in article.passages] == ["Workers went back on Saturday.", "Ships began to unload."]


def test_json_lines_load_every_good_record_and_name_each_bad_line(tmp_path: Path) -> None:
    corpus = _load(tmp_path, "wire.jsonl")
    assert [a.id for a in corpus.articles] == ["wire#w1", "wire#w2", "wire#w6"]
    assert [a.label for a in corpus.articles] == ["Wire Service·1", "Wire Service·2", "Wire Service·3"]
    first = corpus.articles[0]
    assert [p.text for p in first.passages] == [
        "Union leaders accepted the offer.",
        "Work resumes on Friday.",
    ]
    assert "alert" not in first.text
    assert (first.title, first.date, first.url) == (
        "Harbour deal agreed",
        "2024-03-08",
        "https://wire.example/1",
    )
    assert corpus.articles[1].date == "2024-03-09"
    reasons = [p.error for p in corpus.problems]
    assert reasons[0].startswith("skipped line 3: malformed JSON (")
    assert reasons[1:] == [
        'skipped line 4: its "text" is a number, not text',
        "skipped line 5: no text (none of maintext, text, articleBody, body, content, raw_text)",
    ]


def test_a_list_of_records_with_a_bad_one(tmp_path: Path) -> None:
    (tmp_path / "batch.json").write_text(
        '[{"title": "One", "text": "First text."}, {"title": "Two", "text": "Second text."},'
        ' {"title": "Three", "text": ["not", "a", "string"]}, "just a string"]'
    )
    corpus = load_corpus([tmp_path])
    assert [a.id for a in corpus.articles] == ["batch#1", "batch#2"]
    assert [p.error for p in corpus.problems] == [
        'skipped record 3: its "text" is a list, not text',
        "skipped record 4: a string, not a record",
    ]


def test_records_listed_under_articles(tmp_path: Path) -> None:
    (tmp_path / "dump.json").write_text(
        '{"articles": [{"title": "A", "body": "Alpha."}, {"title": "B", "body": "Beta."}]}'
    )
    assert [a.title for a in load_corpus([tmp_path]).articles] == ["A", "B"]


def test_malformed_json_is_one_line_with_its_position(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text('{"title": "x",\n "text": }')
    (tmp_path / "good.txt").write_text("Still loads.")
    corpus = load_corpus([tmp_path])
    assert [a.id for a in corpus.articles] == ["good"]
    [problem] = corpus.problems
    assert (
        problem.error
        == "skipped: malformed JSON (unexpected character, expected a JSON value at line 2, column 10)"
    )


def test_control_characters_in_fields_are_removed(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text(
        '{"title": "T\\u001b]0;pwned\\u0007itle", "text": "Bo\\u001b[31mdy.", "source": "Out\\u0085let"}'
    )
    [article] = load_corpus([tmp_path]).articles
    assert (article.title, article.text, article.source) == ("Title", "Body.", "Outlet")


def test_thousands_of_bad_lines_are_counted_not_listed(tmp_path: Path) -> None:
    lines = ['{"title": "ok", "text": "Good text."}'] + ["{broken"] * 5000
    (tmp_path / "noisy.jsonl").write_text("\n".join(lines))
    corpus = load_corpus([tmp_path])
    assert len(corpus.articles) == 1
    errors = [p.error for p in corpus.problems]
    assert len(errors) == 21
    assert errors[0].startswith("skipped line 2: malformed JSON")
    assert errors[-1] == "… and 4,980 more records or entries skipped"
