"""The outlet label every screen shows: from metadata, the URL, the file name or the folder, numbered."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotations.analysis import analyze
from annotations.corpus.loading import load_corpus
from annotations.corpus.outlets import host_of, name_in_file
from annotations.exchange.report import to_json

BODY = "Officials met in Beijing on Sunday for talks.\n\nThe talks went on for two days.\n"


def _labels(folder: Path) -> dict[str, str]:
    return {article.id: article.label for article in load_corpus([folder]).articles}


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        ("00_thesun.co.uk.txt", "thesun.co.uk"),
        ("www.nytimes.com_0042.html", "nytimes.com"),
        ("03_reuters.txt", "reuters"),
        ("AP_17.md", "AP"),
        ("000_94b3302978ea934b.txt", None),
        ("story.txt", None),
        ("blinken_trip_china.txt", None),
    ],
)
def test_outlet_in_a_file_name(name: str, outlet: str | None) -> None:
    assert name_in_file(name) == outlet


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://www.bbc.co.uk/news/world-1", "bbc.co.uk"),
        ("http://m.example.com/a", "example.com"),
        ("https://apnews.com/article/x", "apnews.com"),
        ("not a url", None),
        ("http://[::1/", None),
        (None, None),
    ],
)
def test_host_of_a_url(url: str | None, host: str | None) -> None:
    assert host_of(url) == host


def test_metadata_wins_then_the_file_name_then_the_folder_then_the_id(tmp_path: Path) -> None:
    (tmp_path / "00_thesun.co.uk.txt").write_text(BODY)
    (tmp_path / "01_thesun.co.uk.txt").write_text("Source: The Sun\n\n" + BODY)
    (tmp_path / "nytimes").mkdir()
    (tmp_path / "nytimes" / "a.txt").write_text(BODY)
    (tmp_path / "nytimes" / "b.txt").write_text(BODY)
    (tmp_path / "002_519ce421c1688948.txt").write_text(BODY)
    assert _labels(tmp_path) == {
        "002_519ce421c1688948": "002",
        "00_thesun.co.uk": "thesun.co.uk",
        "01_thesun.co.uk": "The Sun",
        "a": "nytimes·1",
        "b": "nytimes·2",
    }


def test_one_outlet_with_several_articles_is_numbered_in_order(tmp_path: Path) -> None:
    for number in range(3):
        (tmp_path / f"{number:02d}_cnn.txt").write_text(BODY)
    assert list(_labels(tmp_path).values()) == ["cnn·1", "cnn·2", "cnn·3"]


def test_the_bundled_seeds_keep_their_ids_and_short_labels() -> None:
    corpus = load_corpus()
    assert [a.label for a in corpus.articles] == ["000", "001", "002", "003", "004"]


def test_a_long_outlet_name_is_shortened_and_cleaned(tmp_path: Path) -> None:
    source = "Source: The \x1b[31mVery Long Name Of A Regional Morning Paper"
    (tmp_path / "x.txt").write_text(f"{source}\n\n{BODY}")
    [article] = load_corpus([tmp_path]).articles
    assert article.label == "The Very Long Name Of A…"


def test_analyze_json_gives_the_label_and_the_url(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(
        '{"title": "T", "text": "Some text.", "url": "https://www.coastalherald.example/a"}'
    )
    corpus = load_corpus([tmp_path])
    [article] = to_json(corpus, analyze(corpus))["articles"]
    assert (article["label"], article["url"], article["source"]) == (
        "coastalherald.example",
        "https://www.coastalherald.example/a",
        None,
    )
