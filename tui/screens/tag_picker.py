"""Pick a tag by typing part of its name, or create a new one (`t` in the reader)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from annotations.store.store import BOILERPLATE, NOT_BOILERPLATE
from annotations.store.tagging import MAX_TAG_LENGTH
from tui.excerpt import excerpt

MATCH_STYLE = "bold underline"
Match = tuple[tuple[int, int, int, int], tuple[int, ...]]
"""(sort key: lower is better, positions of the matched letters in the candidate)."""


def normalise(name: str) -> str:
    """A new tag's name: trimmed, inner spaces as hyphens, lower case."""
    return "-".join(name.split()).lower()


def fuzzy_match(query: str, candidate: str) -> Match | None:
    """Whether `query`'s letters appear in order in `candidate`: most word initials, then tightest."""
    needle, hay = query.casefold(), candidate.casefold()
    if not needle:
        return (0, 0, 0, 0), ()
    best: Match | None = None
    start = hay.find(needle[0])
    while start >= 0:
        positions = _greedy(needle, hay, start)
        if positions is None:
            break
        spread = positions[-1] - positions[0] + 1 - len(positions)
        breaks = sum(b - a > 1 for a, b in pairwise(positions))
        initials = sum(p == 0 or not hay[p - 1].isalnum() for p in positions)
        key = (breaks - initials, spread, positions[0], len(hay))
        if best is None or key < best[0]:
            best = (key, positions)
        start = hay.find(needle[0], start + 1)
    return best


def _greedy(needle: str, hay: str, start: int) -> tuple[int, ...] | None:
    positions = [start]
    for letter in needle[1:]:
        found = hay.find(letter, positions[-1] + 1)
        if found < 0:
            return None
        positions.append(found)
    return tuple(positions)


def ranked(query: str, names: Sequence[str]) -> list[tuple[int, tuple[int, ...]]]:
    """Indexes of the `names` matching `query`, best first (ties keep list order), with matched letters."""
    found = [(match, order) for order, name in enumerate(names) if (match := fuzzy_match(query, name))]
    found.sort(key=lambda item: (item[0][0], item[1]))
    return [(order, match[1]) for match, order in found]


def highlighted(tag: str, positions: Sequence[int]) -> Content:
    """The tag as literal text with its matched letters emphasised."""
    content = Content(tag)
    for position in positions:
        content = content.stylize(MATCH_STYLE, position, position + 1)
    return content


def creatable(name: str) -> str | None:
    """Why `name` cannot become a tag, or None when it can."""
    if not name:
        return "type a name"
    if name in (BOILERPLATE, NOT_BOILERPLATE):
        return f"{name} is reserved for boilerplate marks"
    if len(name) > MAX_TAG_LENGTH:
        return f"at most {MAX_TAG_LENGTH} characters"
    return None


class TagPicker(ModalScreen[str | None]):
    """Type to filter the tags; enter returns the highlighted one, or a new name (✓ = on this passage).

    A name that matches no tag exactly is offered first as "Create tag"; it is highlighted only
    when no tag matches the letters typed, so a near match wins and creating is one `up` away.
    """

    DEFAULT_CSS = """
    TagPicker { align: center middle; }
    TagPicker > Vertical {
        width: 60; height: auto; max-height: 80%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    TagPicker OptionList { height: auto; max-height: 16; border: none; }
    TagPicker .hint { color: $text-muted; }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="tag_picker.cancel"),
        Binding("down", "move(1)", "Next", show=False, id="tag_picker.down"),
        Binding("up", "move(-1)", "Previous", show=False, id="tag_picker.up"),
    ]

    def __init__(self, tags: Sequence[str], current: Sequence[str] = (), where: str = "") -> None:
        super().__init__()
        self.tags = tuple(dict.fromkeys(tags))
        self.current = frozenset(current)
        self.where = where
        self.choices: list[str] = []
        """What each option of the list returns, by position."""
        self.creating = False
        """Whether the first option creates the typed name."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Content(f"Tag {self.where}" if self.where else "Tag"))
            yield Input(placeholder="tag name (new names create a tag)", id="tag-query")
            yield OptionList(id="tag-options")
            yield Label(Content("enter: toggle the tag · ✓ on this passage · esc: cancel"), classes="hint")

    def on_mount(self) -> None:
        self._refresh("")

    @on(Input.Changed, "#tag-query")
    def _typed(self, event: Input.Changed) -> None:
        self._refresh(event.value)

    def _refresh(self, query: str) -> None:
        options, self.choices = self._create_option(query)
        shown = [excerpt(tag, 60) for tag in self.tags]
        for order, positions in ranked(query.strip(), shown):
            tag = self.tags[order]
            mark = Content("✓ " if tag in self.current else "  ")
            options.append(Option(mark + highlighted(shown[order], positions)))
            self.choices.append(tag)
        option_list = self.query_one(OptionList)
        option_list.set_options(options)
        # A near match is what the analyst most likely meant; creating a tag is one `up` away.
        best = 1 if len(options) > 1 and self.creating else 0
        option_list.highlighted = best if options and not options[best].disabled else None

    def _create_option(self, query: str) -> tuple[list[Option], list[str]]:
        """The "Create tag" option when the typed name is not a tag yet (disabled when unusable)."""
        name = normalise(query)
        typed = {name, query.strip().casefold()}
        self.creating = bool(name) and not any(tag.casefold() in typed for tag in self.tags)
        if not self.creating:
            return [], []
        problem = creatable(name)
        label = f"Create tag “{excerpt(name, MAX_TAG_LENGTH + 5)}”" + (f" ({problem})" if problem else "")
        return [Option(Content(label), disabled=problem is not None)], [name]

    def action_move(self, step: int) -> None:
        option_list = self.query_one(OptionList)
        if step > 0:
            option_list.action_cursor_down()
        else:
            option_list.action_cursor_up()

    @on(Input.Submitted, "#tag-query")
    def _submitted(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is None:
            self.app.bell()
            return
        self.dismiss(self.choices[index])

    @on(OptionList.OptionSelected, "#tag-options")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
