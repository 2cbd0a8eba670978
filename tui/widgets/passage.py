"""How one passage is drawn: its copied and tagged words, its leftover label, copy marker, chips and note."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from textual.content import Content
from textual.style import Style

from annotations.copies.coverage import union
from annotations.corpus.models import Analysis, Article, Duplicate, Passage, PassageKey
from annotations.stories.origin import origin_note
from tui.render import styled, unbroken
from tui.view import NOTE_CHIP, Chips, shared_spans

MANY_COPIES = 3
"""Past this many other articles, the marker gives their number instead of their labels."""


@dataclass(frozen=True, slots=True)
class Look:
    """Everything besides the passage that decides how it is drawn."""

    analysis: Analysis
    chips: Chips
    labels: Mapping[str, str]
    boilerplate: str
    repeats: Mapping[PassageKey, Duplicate]
    expanded: frozenset[PassageKey]
    sentences: Mapping[PassageKey, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    """Tagged sentences, as offsets in their passage's text."""
    notes: Mapping[PassageKey, str] = field(default_factory=dict)
    """The first line of the analyst's note on a passage, shown after its chips."""
    found: Mapping[PassageKey, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    """Search matches to mark (the passage a search jumped to), as offsets in its text."""


def passage_content(article: Article, passage: Passage, look: Look, styles: Mapping[str, Style]) -> Content:
    """A passage as the reader shows it: highlights, labels, copy marker and chips."""
    key = (article.id, passage.index)
    first = look.repeats.get(key)
    if first is not None and key not in look.expanded:
        where = f"{look.labels.get(first.article, first.article)} ¶{first.passage + 1}"
        return Content(f"⤷ same as {where} (enter shows it)").stylize(styles["repeat"])
    spans = [(start, end, "shared") for start, end in union(shared_spans(look.analysis, key))]
    spans += [(start, end, "tagged") for start, end in look.sentences.get(key, ())]
    spans += [(start, end, "found") for start, end in look.found.get(key, ())]
    text = styled(passage.text, spans, styles)
    if key in look.analysis.headings:
        text = text.stylize_before(styles["heading"])
    parts: list[Content] = []
    label = look.analysis.boilerplate_of(*key)
    if label is not None:
        parts.append(Content(f"{label.kind} ").stylize(styles["label"]))
        if look.boilerplate == "dim":
            text = text.stylize_before(styles["boilerplate"])
    parts.append(text)
    duplicates = look.analysis.duplicates_of(*key)
    if duplicates:
        others = list(dict.fromkeys(look.labels.get(d.article, d.article) for d in duplicates))
        where = ", ".join(others) if len(others) <= MANY_COPIES else f"{len(others)} articles"
        origin = look.analysis.origins.get(key)
        said = f" · {origin_note(origin, key, look.labels)}" if origin else ""
        parts.append(Content(f"  ⧉ also in {where}{said}").stylize(styles["marker"]))
    note = look.notes.get(key)
    for chip in look.chips.get(key, ()):
        if not (note and chip == NOTE_CHIP):
            parts += [Content(" "), Content(f" {unbroken(chip)} ").stylize(styles["chip"])]
    if note:
        parts.append(Content(f"  {NOTE_CHIP} {note}").stylize(styles["note"]))
    return Content("").join(parts)
