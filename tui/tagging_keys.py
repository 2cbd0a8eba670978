"""The reader's tagging keys, and the chips that show a passage's tags, note and override."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from textual.binding import Binding

from annotations.corpus.models import Annotation, PassageKey
from tui.view import NOTE_CHIP, OVERRIDE_MARK

if TYPE_CHECKING:  # the tagger and its store load after the first paint
    from annotations.store.tagging import Tagger

TAGS_GROUP = Binding.Group("Tags", compact=True)
"""Number keys 1-9 share one footer entry."""

SENTENCE_SUFFIX = " (sentence)"
OVERRIDE_CHIPS = {True: f"{OVERRIDE_MARK} boilerplate", False: f"{OVERRIDE_MARK} article text"}
"""Chips for the analyst's boilerplate override: marked as leftover, or as article text."""

TAGGING_BINDINGS: list[Binding] = [
    *(
        Binding(str(n), f"tag({n})", f"Tag {n}", id=f"tag_{n}", group=TAGS_GROUP,
                tooltip="Toggle the tag with this number on the passage (or sentence)")
        for n in range(1, 10)
    ),
    Binding("t", "pick_tag", "Tag…", id="pick_tag", show=False, tooltip="Pick or create a tag by name"),
    Binding("c", "edit_note", "Note", id="edit_note", show=False,
            tooltip="Write a note on the passage (or sentence)"),
    Binding("v", "sentence_mode", "Sentences", id="sentence_mode", show=False,
            tooltip="Tag single sentences instead of whole passages"),
    Binding("A", "apply_to_copies", "Tag copies", id="apply_to_copies", show=False,
            tooltip="Put this passage's tags on its copies in other articles"),
    Binding("m", "cycle_override", "Mark leftover", id="cycle_override", show=False,
            tooltip="Cycle: detector decides / marked boilerplate / marked article text"),
    Binding("u", "undo", "Undo", id="undo"),
    Binding("ctrl+r", "redo", "Redo", id="redo", show=False),
    Binding("T", "tags_screen", "All tags", id="tags_screen", show=False, tooltip="List every annotation"),
    Binding("e", "export", "Export", id="export", show=False, tooltip="Write the annotations to a file"),
]
"""Actions TaggingScreen implements; the footer shows the everyday ones, help and the palette list all."""

TAGGING_PALETTE: tuple[tuple[str, str, str], ...] = tuple(
    (binding.description, binding.action, binding.tooltip or binding.description)
    for binding in TAGGING_BINDINGS
    if binding.group is None
)
"""(title, screen action, help) for the command palette, in the shape of tui.commands.PALETTE."""


def next_override(current: bool | None) -> bool | None:
    """What `m` moves to: detector (None) -> boilerplate (True) -> article text (False) -> detector."""
    if current is None:
        return True
    return False if current else None


def chips_for(tagger: Tagger, article_id: str | None = None) -> dict[PassageKey, tuple[str, ...]]:
    """The chips of every marked passage of one article (or of all): tags, sentence tags, note, override."""
    from annotations.store.store import BOILERPLATE

    found = tagger.store.for_article(article_id) if article_id is not None else tagger.store.all()
    marks: dict[PassageKey, list[Annotation]] = defaultdict(list)
    for annotation in found:
        if annotation.analyst == tagger.analyst and not annotation.orphan:
            marks[annotation.key].append(annotation)
    order = {tag: number for number, tag in enumerate(tagger.tags)}
    chips = {key: _chips(group, order, BOILERPLATE) for key, group in marks.items()}
    return {key: shown for key, shown in chips.items() if shown}


def _chips(marks: list[Annotation], order: dict[str, int], boilerplate: str) -> tuple[str, ...]:
    def tags(scope: str) -> list[str]:
        names = {a.tag for a in marks if a.kind == "tag" and a.tag and a.target.scope == scope}
        return sorted(names, key=lambda tag: (order.get(tag, len(order)), tag))

    whole = tags("passage")
    chips = [*whole, *(tag + SENTENCE_SUFFIX for tag in tags("span") if tag not in whole)]
    if any(a.kind == "note" and a.note for a in marks):
        chips.append(NOTE_CHIP)
    overrides = sorted((a for a in marks if a.kind == "override"), key=lambda a: a.modified)
    if overrides:
        chips.append(OVERRIDE_CHIPS[overrides[-1].tag == boilerplate])
    return tuple(chips)


def tagged_counts(tagger: Tagger) -> dict[str, int]:
    """How many passages of each article carry one of the analyst's tags or notes (overrides not counted)."""
    keys = {
        a.key for a in tagger.store.all()
        if a.analyst == tagger.analyst and not a.orphan and a.kind in ("tag", "note")
    }
    return dict(Counter(article for article, _ in keys))

