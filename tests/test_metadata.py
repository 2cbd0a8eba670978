"""Title, date and outlet from plain text."""

from __future__ import annotations

import pytest

from annotations.corpus.loading import load_text
from annotations.corpus.metadata import parse_date
from annotations.corpus.models import Corpus


def test_seed_metadata(seed_corpus: Corpus) -> None:
    by_label = {article.label: article for article in seed_corpus.articles}
    assert by_label["004"].date == "2023-06-15"
    assert by_label["004"].passages[0].text.startswith("The United States on Wednesday")
    assert by_label["000"].title.startswith("U.S. Secretary of State Antony Blinken said Friday")
    assert all(len(article.title) <= 90 for article in seed_corpus.articles)
    assert all(article.source is None for article in seed_corpus.articles)


def test_markdown_heading_is_the_title() -> None:
    article = load_text("# Blinken lands in Beijing\n\nThe visit began on Sunday.\n", "x")
    assert article.title == "Blinken lands in Beijing"


def test_header_block_gives_title_date_source_and_is_not_a_passage() -> None:
    text = "Title: Talks in Beijing\nSource: Reuters\nDate: June 18, 2023\n\nThe visit began.\n"
    article = load_text(text, "x")
    assert (article.title, article.source, article.date) == ("Talks in Beijing", "Reuters", "2023-06-18")
    assert [passage.text for passage in article.passages] == ["The visit began."]


def test_front_matter_is_read() -> None:
    article = load_text("---\ntitle: \"A\"\ndate: 2024-01-02\n---\nBody text here.\n", "x")
    assert (article.title, article.date) == ("A", "2024-01-02")
    assert article.passages[0].text == "Body text here."


def test_byline_and_dateline_name_the_outlet() -> None:
    assert load_text("Headline\n\nBy Jane Doe | Reuters\n\nText.", "x").source == "Reuters"
    assert load_text("WASHINGTON (AP) — Officials said on Friday that talks will go on.", "x").source == "AP"


def test_dateline_date_near_the_top() -> None:
    article = load_text("Talks resume\nJune 14, 2023\n\nOfficials met on Friday.", "x")
    assert article.date == "2023-06-14"


def test_a_date_inside_a_sentence_is_not_the_publication_date() -> None:
    assert load_text("The summit of June 14, 2023 was a failure, officials said.", "x").date is None


def test_title_falls_back_to_the_first_sentence_shortened() -> None:
    article = load_text("Short first. Then more text follows here.", "x")
    assert article.title == "Short first."
    long = load_text(" ".join(["word"] * 60) + ".", "y")
    assert len(long.title) <= 90 and long.title.endswith("…")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2024-03-08 09:30:00", "2024-03-08"),
        ("March 8, 2024", "2024-03-08"),
        ("8th Mar 2024, 10:00", "2024-03-08"),
        ("www.chinaview.cn 2007-11-24 16:23:08", "2007-11-24"),
        ("2024-02-30", None),
        ("no date here", None),
    ],
)
def test_dates_in_fields_and_datelines(text: str, date: str | None) -> None:
    assert parse_date(text) == date
