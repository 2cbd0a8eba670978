"""What the analyst's tagging actions return and take: outcomes, filters, spans and timestamps."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from annotations.corpus.models import Annotation, PassageKey

Clock = Callable[[], datetime]
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What an action did, for a notification: `message` is one human line."""

    message: str
    ok: bool = True
    keys: tuple[PassageKey, ...] = ()
    """Passages whose marks changed (the UI redraws these)."""
    count: int = 0
    """Annotations created, changed or removed."""


@dataclass(frozen=True, slots=True)
class Filter:
    """What the tags screen shows: every field optional, text matches quote, note and tag."""

    tag: str | None = None
    article: str | None = None
    text: str = ""
    analyst: str | None = None
    orphans_only: bool = False

    def matches(self, annotation: Annotation) -> bool:
        """Whether the tags screen lists `annotation` under this filter."""
        if not (
            (self.tag is None or annotation.tag == self.tag)
            and (self.article is None or annotation.article == self.article)
            and (self.analyst is None or annotation.analyst == self.analyst)
            and (not self.orphans_only or annotation.orphan)
        ):
            return False
        needle = self.text.casefold()
        if not needle:
            return True
        text = f"{annotation.target.exact}\n{annotation.note}\n{annotation.tag or ''}"
        return needle in text.casefold()


def now_iso(clock: Clock | None = None) -> str:
    """The moment (now, or the clock's) as the store writes it: UTC, milliseconds, a Z."""
    moment = clock() if clock else datetime.now(UTC)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def plural(count: int, one: str, many: str) -> str:
    """`count` and the noun in the form that count takes."""
    return f"{count} {one if count == 1 else many}"
