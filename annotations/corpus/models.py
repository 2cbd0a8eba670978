"""The core's values: articles, their passages, and what the analysis says about them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Passage:
    """A paragraph of an article; `start`/`end` are offsets in the article's text."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """Why a passage is a leftover of the web page rather than article text."""

    kind: str
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    """One loaded file: sanitised text, metadata and its passages in reading order."""

    id: str
    path: str
    text: str
    title: str
    date: str | None
    source: str | None
    passages: tuple[Passage, ...]
    url: str | None = None
    page_leftovers: dict[int, Boilerplate] = field(default_factory=dict)
    """Passages the file's own structure shows to be leftovers (outside a web page's article body)."""
    label: str = ""
    """The outlet as lists and markers show it ("thesun.co.uk", "nytimes·2"); set when the corpus loads,
    else the short form of the id ("002" for "002_519ce421c1688948")."""
    title_guessed: bool = False
    """No header, heading or page metadata named the title: it was taken from the first line, which
    may be a caption or a menu (`leftovers.title` picks the headline line once the corpus is loaded)."""

    def __post_init__(self) -> None:
        if not self.label:
            object.__setattr__(self, "label", id_label(self.id))


def id_label(article_id: str) -> str:
    """The short form of an id, for articles whose outlet is unknown."""
    head = article_id.rsplit("/", 1)[-1].split("_", 1)[0]
    return head if 0 < len(head) <= 12 and head != article_id else article_id[:24]


@dataclass(frozen=True, slots=True)
class Problem:
    """A file that was skipped, or loaded with a caveat, and why (one line)."""

    path: str
    error: str


@dataclass(frozen=True, slots=True)
class Corpus:
    """The articles of one run, in the order the user gave them."""

    name: str
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...] = ()

    def article(self, article_id: str) -> Article | None:
        for article in self.articles:
            if article.id == article_id:
                return article
        return None


@dataclass(frozen=True, slots=True)
class Duplicate:
    """Copied text shared with another passage; `spans` are offsets in *this* passage's text."""

    article: str
    passage: int
    score: float
    spans: tuple[tuple[int, int], ...]


PassageKey = tuple[str, int]
"""(article id, passage index): how the analysis refers to a passage."""


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about one news event, and why they were grouped."""

    id: str
    title: str
    articles: tuple[str, ...]
    outlets: tuple[str, ...]
    first: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class Origin:
    """Who had a cluster of copied passages first, and who took it after."""

    source: PassageKey | None
    """The first-published passage; None when the text is a quotation many outlets carry."""
    order: tuple[PassageKey, ...]
    """The cluster's passages in order of publication, the source first."""
    date: str | None
    """The source's date (with the time when known)."""
    likely: bool
    """Dates do not settle it (some missing or tied): the most complete version is taken as the source."""
    quoted: int = 0
    """Outlets carrying the text as a quotation or embedded post (3 or more), else 0."""


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the machine found in a corpus; empty until computed."""

    boilerplate: dict[PassageKey, Boilerplate] = field(default_factory=dict)
    headings: frozenset[PassageKey] = frozenset()
    duplicates: dict[PassageKey, tuple[Duplicate, ...]] = field(default_factory=dict)
    clusters: tuple[tuple[PassageKey, ...], ...] = ()
    novelty: dict[str, float] = field(default_factory=dict)
    overlap: dict[tuple[str, str], float] = field(default_factory=dict)
    detected: dict[PassageKey, Boilerplate] = field(default_factory=dict)
    """The detector's own leftovers, before the analyst's overrides (so an override can be taken back)."""
    stories: tuple[Story, ...] = ()
    origins: dict[PassageKey, Origin] = field(default_factory=dict)
    """Each copied passage's cluster origin (one shared Origin per cluster)."""

    def duplicates_of(self, article_id: str, index: int) -> tuple[Duplicate, ...]:
        return self.duplicates.get((article_id, index), ())

    def boilerplate_of(self, article_id: str, index: int) -> Boilerplate | None:
        return self.boilerplate.get((article_id, index))


SCHEMA = 1
"""Version of the annotation layout in the store and in exports."""


@dataclass(frozen=True, slots=True)
class Target:
    """Where an annotation points: a passage, or a sentence span inside it (W3C quote style).

    `start`/`end` are offsets in the article's text; `exact` is the quoted text and
    `prefix`/`suffix` the text around it, so the target can be found again after edits.
    """

    passage: int
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    scope: str = "passage"
    """"passage" for the whole passage, "span" for a sentence span inside it."""


@dataclass(frozen=True, slots=True)
class Annotation:
    """One analyst's tag (or bare note, or boilerplate override) on one target of one article."""

    id: str
    article: str
    article_hash: str
    target: Target
    tag: str | None
    note: str
    analyst: str
    created: str
    modified: str
    article_path: str = ""
    article_title: str = ""
    kind: str = "tag"
    """"tag", "note" (no tag) or "override" (tag is "boilerplate" or "not-boilerplate")."""
    orphan: bool = False
    """True when the article changed and the target could not be found again."""
    schema: int = SCHEMA

    @property
    def key(self) -> PassageKey:
        return (self.article, self.target.passage)
