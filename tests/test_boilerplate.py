"""The boilerplate detector: what it flags in real scraped text, why, and what it leaves alone."""

from __future__ import annotations

from dataclasses import replace

import pytest
from boilerplate_devset import (
    SCRAPER_PAGES,
    DevSet,
    body_kept,
    devdata_dir,
    load_devdata,
    load_devset,
    score_devset,
    score_flags,
)

from annotations.analysis import analyze
from annotations.config import Config
from annotations.corpus.leftover_kinds import LEFTOVER_KINDS
from annotations.corpus.loading import load_text
from annotations.corpus.models import Article, Corpus
from annotations.leftovers.boilerplate import detect_boilerplate
from annotations.leftovers.text_cues import TEXT_CUES


def _article(article_id: str, *passages: str) -> Article:
    article = load_text("\n\n".join(passages), article_id)
    assert [p.text for p in article.passages] == list(passages)
    return article


def _by_text(article: Article, flagged: dict) -> dict[str, str]:
    keys = {p.text: (article.id, p.index) for p in article.passages}
    return {text: flagged[key].kind for text, key in keys.items() if key in flagged}


PROSE = (
    "The ministry said on Tuesday that talks with the union would resume next week, after two days "
    "of strikes closed most of the country's ports and left hundreds of ships waiting offshore."
)
PROSE_2 = (
    "Officials from both sides met late into the night but could not agree on how quickly the new "
    "cranes should be introduced, according to two people who were present at the meeting."
)


def test_seed_leftovers_are_flagged_with_their_kind(seed_corpus: Corpus) -> None:
    flagged, headings = detect_boilerplate(seed_corpus.articles)
    kinds = {
        (article.label, p.text[:30]): flagged[(article.id, p.index)].kind
        for article in seed_corpus.articles
        for p in article.passages
        if (article.id, p.index) in flagged
    }
    assert kinds[("001", "View Comments")] == "comments"
    assert kinds[("001", "Looking for comments?")] == "comments"
    assert kinds[("001", "In Latin America, Lee finds gr")] == "related"
    assert kinds[("003", "see more")] == "related"
    assert kinds[("003", "Spoke tonight with PRC State C")] == "social"
    assert kinds[("003", "— Secretary Antony Blinken (@S")] == "social"
    assert kinds[("000", "U.S. Secretary of State Antony")] == "caption"
    heading_texts = {
        p.text for a in seed_corpus.articles for p in a.passages if (a.id, p.index) in headings
    }
    assert heading_texts == {"Mitigating the tension", "Long time no see"}


def test_reason_names_the_cues_that_fired(seed_corpus: Corpus) -> None:
    flagged, _ = detect_boilerplate(seed_corpus.articles)
    seed = next(a for a in seed_corpus.articles if a.label == "003")
    attribution = next(p for p in seed.passages if p.text.startswith("— Secretary"))
    embed = seed.passages[attribution.index - 1]
    assert "social-attribution" in flagged[(seed.id, attribution.index)].reason
    assert "embed-text" in flagged[(seed.id, embed.index)].reason


def test_the_article_text_of_the_seeds_is_never_flagged(seed_corpus: Corpus) -> None:
    flagged, _ = detect_boilerplate(seed_corpus.articles)
    seed = next(a for a in seed_corpus.articles if a.label == "002")
    assert not [key for key in flagged if key[0] == seed.id]


def test_quality_on_the_labelled_dev_set() -> None:
    devset = load_devset()
    scores = score_devset(devset)
    assert scores.precision >= 0.98, scores.row("devset")
    assert scores.recall >= 0.97, scores.row("devset")
    flagged, _ = detect_boilerplate(devset.articles)
    assert body_kept(devset, flagged) >= 0.98


def test_quality_on_the_scraper_like_pages() -> None:
    """Captions, sign-up forms and other stories' headlines written as sentences, and look-alikes."""
    devset = load_devset()
    pages = tuple(article for article in devset.articles if article.id.startswith(SCRAPER_PAGES))
    assert len(pages) == len(SCRAPER_PAGES)
    flagged, _ = detect_boilerplate(pages)
    scores = score_flags(devset, flagged, pages)
    assert scores.precision >= 0.97, scores.row("scraper-like")
    assert scores.recall >= 0.95, scores.row("scraper-like")
    assert body_kept(DevSet(pages, devset.labels), flagged) >= 0.97


def test_quality_on_the_development_pages() -> None:
    """The research-only pages of 2008 news sites, read where they lie when this machine has them."""
    folder = devdata_dir()
    if folder is None:
        pytest.skip("the development pages are not on this machine")
    devset = load_devdata(folder)
    flagged, _ = detect_boilerplate(devset.articles)
    scores = score_flags(devset, flagged)
    assert scores.precision >= 0.985, scores.row("devdata")
    assert scores.recall >= 0.90, scores.row("devdata")
    assert body_kept(devset, flagged) >= 0.95


def test_modern_leftovers_are_flagged() -> None:
    leftovers = {
        "Home > World > Asia": "navigation",
        "By Jane Doe, Reuters": "metadata",
        "Updated: June 14, 2023 3:45 PM ET": "metadata",
        "Advertisement": "promo",
        "Share this article": "promo",
        "We use cookies to give you the best experience. Accept all cookies": "promo",
        "Sign up for our newsletter to get the top stories delivered to your inbox.": "promo",
        "Read more: Strikes spread to Antwerp": "related",
        "Dockers walked out at dawn. The port is silent for the first time in a decade.": "social",
        "— Jane Doe (@janedoe) June 14, 2023": "social",
        "© 2023 Example News. All rights reserved.": "copyright",
    }
    article = _article("modern", PROSE, *leftovers, PROSE_2)
    flagged, _ = detect_boilerplate([article])
    assert _by_text(article, flagged) == leftovers


def test_hard_negatives_stay_content() -> None:
    negatives = (
        "By contrast, the port of Antwerp said it was working normally and had taken diverted ships.",
        "The union posted its demands on Twitter late on Monday, calling the plan a betrayal.",
        "Guilty.",
        "“I'll vote. I just haven't decided for whom.”",
        "Trial is set for March 4, 2024.",
        "Why might it work?",
        "Villa 3-2 Brighton",
        "Read more than the brochures, he advises, and visit in February, not August.",
    )
    article = _article("negatives", PROSE, *negatives, PROSE_2)
    flagged, _ = detect_boilerplate([article])
    assert _by_text(article, flagged) == {}


def test_config_phrases_flag_more_and_say_so() -> None:
    lines = (PROSE, "Brought to you by the Port Authority", PROSE_2, "Tap to hear this story")
    article = _article("phrases", *lines)
    flagged, _ = detect_boilerplate([article], phrases=["tap to HEAR"])
    label = flagged[("phrases", 3)]
    assert "phrase 'tap to hear'" in label.reason
    assert ("phrases", 1) in flagged


def test_analysis_passes_the_configured_phrases() -> None:
    article = _article("wired", PROSE, "Sponsor message from Acme Radio", PROSE_2)
    corpus = Corpus("test", (article,))
    assert analyze(corpus).boilerplate_of("wired", 1) is None
    configured = Config(boilerplate_phrases=("sponsor message",))
    assert analyze(corpus, configured).boilerplate_of("wired", 1) is not None


def test_a_higher_threshold_flags_less() -> None:
    articles = load_devset().articles
    flagged = [set(detect_boilerplate(articles, threshold=value)[0]) for value in (0.2, 0.5, 0.8, 1.0)]
    assert flagged[0] >= flagged[1] >= flagged[2] >= flagged[3]
    assert len(flagged[0]) > len(flagged[2])
    assert flagged[3] == set()


def test_template_lines_recur_across_articles_in_different_places() -> None:
    articles = [
        _article(f"a{n}", f"Paragraph {n} of a story. " + PROSE, "Listen to this story", PROSE_2[n:])
        for n in range(6)
    ]
    flagged, _ = detect_boilerplate(articles)
    assert all((f"a{n}", 1) in flagged for n in range(6))
    assert "template-line" in flagged[("a0", 1)].reason


def test_a_wire_subhead_repeated_between_the_same_paragraphs_is_not_a_template() -> None:
    articles = [_article(f"w{n}", PROSE, "Mitigating the tension", PROSE_2) for n in range(6)]
    flagged, headings = detect_boilerplate(articles)
    assert flagged == {}
    assert ("w0", 1) in headings


@pytest.mark.parametrize(
    "lines",
    [
        (
            "Die Regierung hat am Dienstag ein neues Gesetz zur Energiepolitik beschlossen.",
            "Anzeige",
            "Der Bundestag muss noch zustimmen.",
            "© dpa",
        ),
        (
            "中国外交部发言人周三表示，双方将在下周举行新一轮会谈，以缓和两国之间的紧张关系。",
            "相关新闻",
            "分享",
            "记者 王明",
        ),
        (
            "قالت وزارة الخارجية يوم الثلاثاء إن المحادثات ستستأنف الأسبوع المقبل في العاصمة.",
            "اقرأ أيضا",
            "شارك",
        ),
        ("🔥🔥🔥", "👍", "—", "...", "?", "a", "x" * 50_000),
        # Lines that once made nested regular expressions backtrack for seconds.
        ("By " + " ".join(["Weston Anderson"] * 7) + " zzz", "Home " + "» x " * 12 + "!"),
    ],
)
def test_other_languages_and_odd_lines_do_not_crash(lines: tuple[str, ...]) -> None:
    article = load_text("\n\n".join(lines), "odd")
    flagged, headings = detect_boilerplate([article], phrases=["", "  "], threshold=0.5)
    for label in flagged.values():
        assert label.kind in LEFTOVER_KINDS and label.reason
    assert headings <= {("odd", p.index) for p in article.passages}


def test_language_neutral_cues_still_work_on_german() -> None:
    prose = "Die Regierung hat am Dienstag ein neues Gesetz beschlossen, das ab Januar für alle gilt."
    article = _article("de", prose, "© dpa", prose + " Die Opposition kritisierte den Plan scharf.")
    flagged, _ = detect_boilerplate([article])
    assert set(flagged) == {("de", 1)}


def test_every_cue_has_a_name_kind_and_weight() -> None:
    names = [cue.name for cue in TEXT_CUES]
    assert len(names) == len(set(names))
    for cue in TEXT_CUES:
        assert cue.kind in LEFTOVER_KINDS and 0 < cue.weight <= 1 and cue.why and cue.test is not None


def test_links_after_the_last_paragraph_are_flagged_but_lists_are_not() -> None:
    footer = ("Contact Us", "About Our Newsroom", "Jobs at Example News")
    results = ("1. Bayliss (Ducati) 1'32.2", "2. Kagayama (Suzuki) 1'32.3", "3. Haga (Yamaha) 1'32.4")
    with_footer = _article("footer", PROSE, PROSE_2, *footer)
    with_results = _article("results", PROSE, PROSE_2, "Final times", *results)
    flagged, _ = detect_boilerplate([with_footer, with_results])
    assert set(_by_text(with_footer, flagged)) == set(footer)
    assert _by_text(with_results, flagged) == {}


def test_an_author_note_counts_only_at_the_end() -> None:
    note = "Jane Doe is a climate reporter covering polar science and the oceans."
    at_end = _article("end", PROSE, PROSE_2, note)
    in_body = _article("body", PROSE, note, PROSE_2, PROSE, PROSE_2, PROSE)
    flagged, _ = detect_boilerplate([at_end, in_body])
    assert _by_text(at_end, flagged) == {note: "metadata"}
    assert _by_text(in_body, flagged) == {}


def test_on_the_hard_negative_page_only_the_leftovers_are_flagged() -> None:
    devset = load_devset()
    page = next(a for a in devset.articles if a.id == "15_hard_negatives")
    flagged, _ = detect_boilerplate([page])
    leftovers = {p.text for p in page.passages if devset.labels[(page.id, p.index)] not in ("C", "H")}
    assert set(_by_text(page, flagged)) == leftovers == {
        "Advertisement",
        "Read more: Council approves a new budget for libraries",
    }


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Jane Doe, AP Staff Writer", "metadata"),
        ("MARK SMITH, Deputy Business Editor", "metadata"),
        ("Jane Doe and John Roe, Reuters", "metadata"),
        ("Photo by Marco Rossi/AFP via Getty Images", "caption"),
        ("Image: Getty Images", "caption"),
        ("2h ago", "metadata"),
        ("Updated 45 minutes ago", "metadata"),
        ("del.icio.usDiggRedditYahooMyWebGoogleFacebookWhat's this?", "promo"),
        ("Click to share on Twitter (Opens in new window)", "promo"),
        ("Sign up for our morning briefing", "promo"),
        ("Thanks for subscribing!", "promo"),
        ("Enter your email address", "promo"),
        ("Get breaking news alerts straight to your phone.", "promo"),
        ("Story continues below advertisement", "promo"),
        ("Related: Dockers vote to extend the strike", "related"),
        ("Disclaimer: This article is for general information only.", "other"),
        ("The views expressed are those of the author and do not reflect those of the paper.", "other"),
        ("The Daily Ledger is an independent news organisation serving the region since 1889.", "other"),
        ("Smoke rises over the port after a fire broke out on Tuesday.", "caption"),
        ("A woman (centre) is helped from her home by firefighters in Cesena.", "caption"),
        ("Dock workers hold placards during a protest outside the ministry. AFP", "caption"),
        ("A general view of the port of Rotterdam, Netherlands, June 14, 2023.", "caption"),
        ("Ships are seen anchored off the coast of Rotterdam.", "caption"),
        ("Police officers patrol the harbour in Rotterdam on Tuesday, June 13, 2023.", "caption"),
        ("Jane Doe, left, and John Roe talk during a meeting in Brussels.", "caption"),
        ("[Related: Dockers vote to extend the strike]", "related"),
        ("Register to read more free articles.", "promo"),
        ("Download the Example News app for iOS and Android.", "promo"),
        ("Got a news tip? Contact us.", "comments"),
        ("This article was originally published on The Conversation.", "metadata"),
    ],
)
def test_leftovers_the_cue_table_once_missed(line: str, kind: str) -> None:
    article = _article("line", PROSE, line, PROSE_2)
    flagged, _ = detect_boilerplate([article])
    assert _by_text(article, flagged) == {line: kind}


def test_a_caption_beside_its_credit_is_flagged_but_a_paragraph_with_a_quote_is_not() -> None:
    caption = "Volunteers clear mud from a street in Faenza, Italy, on Wednesday."
    quoted = 'Residents said the water came in through the floor. "We lost everything," one said.'
    article = _article("credit", PROSE, caption, "Image: Getty Images", quoted, "Photo: Reuters", PROSE_2)
    flagged, _ = detect_boilerplate([article])
    assert _by_text(article, flagged) == {
        caption: "caption",
        "Image: Getty Images": "caption",
        "Photo: Reuters": "caption",
    }
    assert "beside-credit" in flagged[("credit", 1)].reason


def test_other_stories_headlines_after_the_text_are_a_block() -> None:
    run = (
        "Kentucky school board approves four-day week",
        "Students walk out over cellphone ban in Ohio district",
        "Lottery winner gives away $1 million to hometown teachers",
    )
    teasers = (
        "Trending Stories",
        "Man Rescued After Three Days Trapped In Canyon",
        "A hiker who fell into a narrow crevice was found alive by a search team using thermal cameras.",
        "Dog Travels 200 Miles To Find Former Family",
        "Owners say the collie turned up on their porch six weeks after running away from his new home.",
    )
    article = _article("runs", PROSE, PROSE_2, *run, *teasers)
    flagged, _ = detect_boilerplate([article])
    assert _by_text(article, flagged) == dict.fromkeys(run + teasers, "related")
    assert "related-run" in flagged[("runs", 2)].reason
    assert "related-block" in flagged[("runs", 7)].reason


def test_a_list_and_subheadings_inside_the_text_stay_article_text() -> None:
    lines = (
        "Lessons from the storm",
        "Builders used concrete instead of wood",
        "Shutters can be closed from inside",
        "Solar panels keep the lights on",
        "A generator runs the water pump",
        '"We will not be caught unprepared again."',
    )
    dateline = "SAN JUAN, Puerto Rico (Reuters) - Volunteers have spent the summer rebuilding a school."
    article = _article("list", dateline, PROSE, *lines, PROSE_2, "What happens next", PROSE)
    flagged, headings = detect_boilerplate([article])
    assert _by_text(article, flagged) == {}
    assert ("list", 9) in headings


def test_a_line_an_outlet_repeats_around_different_text_is_a_template() -> None:
    promo = "Get our free app for the latest local news"
    site = [
        replace(_article(f"s{n}", f"Story {n}. " + PROSE, promo, PROSE_2[n:]), url=f"https://www.example.com/{n}")
        for n in range(2)
    ]
    other = replace(_article("o0", "Elsewhere. " + PROSE, promo, PROSE_2), url="https://other.example.org/a")
    update = [
        replace(_article(f"u{n}", PROSE, "Witnesses describe the scene", PROSE_2), url=f"https://news.example.net/{n}")
        for n in range(2)
    ]
    flagged, _ = detect_boilerplate([*site, other, *update])
    assert {key for key in flagged if key[1] == 1} == {("s0", 1), ("s1", 1)}
    assert "same outlet" in flagged[("s0", 1)].reason


@pytest.mark.xfail(strict=True, reason="a caption with 'pictured' and a perfect tense has no second cue")
def test_a_pictured_caption_without_a_credit() -> None:
    caption = (
        "Italian Prime Minister Giorgia Meloni, pictured during a visit to the flooded town of Lugo, "
        "has promised emergency aid."
    )
    article = _article("pictured", PROSE, caption, PROSE_2)
    flagged, _ = detect_boilerplate([article])
    assert _by_text(article, flagged) == {caption: "caption"}


def test_prose_past_the_page_footer_is_the_pages_but_text_after_a_sign_up_box_is_the_articles() -> None:
    footer = ("Related stories", "Port strike spreads to Antwerp", "Dockers reject pay offer",
              "Home | World | Business", "© 2024 Example News. All rights reserved.")
    comments = (
        "I have worked at the port for thirty years and I have never seen the management this stubborn.",
        "The union should accept the offer, because the longer this goes on the more jobs will move abroad.",
    )
    signup = ("Get the Business Brief newsletter", "Enter your email address", "Sign up",
              "By signing up, you agree to our Terms of Use.", "Thanks for signing up!")
    ended = _article("ended", PROSE, PROSE_2, PROSE, *footer, *comments)
    boxed = _article("boxed", PROSE, PROSE_2, PROSE, *signup, PROSE_2)
    flagged, _ = detect_boilerplate([ended, boxed])
    assert set(_by_text(ended, flagged)) == set(footer) | set(comments)
    assert "after-article" in flagged[("ended", 8)].reason
    assert set(_by_text(boxed, flagged)) == set(signup)
