"""Who published copied text first: by date, by completeness without dates, and quotes many outlets carry."""

from __future__ import annotations

from annotations.analysis import analyze
from annotations.corpus.loading import load_text
from annotations.corpus.models import Analysis, Article, Corpus
from annotations.stories.origin import origin_note, short_date

WIRE = (
    "The city council of Leeds voted on Tuesday to close three public swimming pools by the end of the "
    "year, citing a budget gap of 28 million pounds and rising energy bills for heated water."
)
EXTRA = " Campaigners said they would take the decision to court and collected 9,000 signatures in a week."
QUOTE = (
    "“We will not let the river die on our watch, and every company that pours waste into it will pay "
    "for the clean-up down to the last penny,” the minister wrote on social media."
)


def outlet(article_id: str, date: str | None, *paragraphs: str) -> Article:
    header = f"Title: Story from {article_id}\n" + (f"Date: {date}\n" if date else "") + "\n"
    return load_text(header + "\n\n".join(paragraphs) + "\n", article_id)


def analysed(*articles: Article) -> Analysis:
    return analyze(Corpus("test", articles))


def test_the_earliest_dated_article_is_the_origin() -> None:
    analysis = analysed(
        outlet("later", "2024-05-03", "Intro text about something else entirely here.", WIRE),
        outlet("first", "2024-05-01", WIRE),
        outlet("middle", "2024-05-02", WIRE + EXTRA),
    )
    origin = analysis.origins[("first", 0)]
    assert origin is analysis.origins[("later", 1)]
    assert origin.source == ("first", 0)
    assert [key[0] for key in origin.order] == ["first", "middle", "later"]
    assert not origin.likely and origin.quoted == 0
    labels = {"first": "AP", "later": "Daily", "middle": "Post"}
    assert origin_note(origin, ("later", 1), labels) == "first in AP (May 1)"
    assert origin_note(origin, ("first", 0), labels) == "copied by 2"


def test_without_dates_the_most_complete_version_is_the_likely_origin() -> None:
    analysis = analysed(outlet("short", None, WIRE), outlet("full", None, WIRE + EXTRA))
    origin = analysis.origins[("short", 0)]
    assert origin.source == ("full", 0) and origin.likely
    assert origin_note(origin, ("short", 0), {"full": "Reuters"}) == "likely first in Reuters"
    assert origin_note(origin, ("full", 0), {}) == "likely first; copied by 1"


def test_a_quote_carried_by_three_outlets_is_quoted_not_copied() -> None:
    analysis = analysed(
        *(
            outlet(name, date, f"Paragraph of {name}'s own reporting on the chemical spill.", QUOTE)
            for name, date in (("one", "2024-05-01"), ("two", "2024-05-02"), ("three", "2024-05-02"))
        )
    )
    origin = analysis.origins[("two", 1)]
    assert origin.source is None and origin.quoted == 3
    assert origin_note(origin, ("two", 1), {}) == "quoted by 3 outlets"


def test_a_quote_in_two_outlets_still_has_an_origin() -> None:
    analysis = analysed(
        outlet("one", "2024-05-01", "Reporting on the spill.", QUOTE),
        outlet("two", "2024-05-02", "Other reporting on the spill.", QUOTE),
    )
    assert analysis.origins[("two", 1)].source == ("one", 1)


def test_dates_read_short_with_the_time_when_known() -> None:
    assert short_date("2023-06-15") == "Jun 15"
    assert short_date("2023-06-15T14:05:00Z") == "Jun 15 14:05"
    assert short_date("soon") is None and short_date(None) is None
