"""Pick a tag by typing part of its name, or create a new one (`t` in the reader)."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.fuzzy import FuzzySearch
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from annotations.store.store import BOILERPLATE, NOT_BOILERPLATE
from annotations.store.tagging import MAX_TAG_LENGTH
from tui.excerpt import excerpt
from tui.screens.dialog import Dialog

MATCH_STYLE = "bold underline"
_SEARCH = FuzzySearch()
"""Textual's fuzzy search (the command palette's); its own `Matcher.highlight` would read markup."""


def normalise(name: str) -> str:
    """A new tag's name: trimmed, inner spaces as hyphens, lower case."""
    return "-".join(name.split()).lower()


def ranked(query: str, names: Sequence[str]) -> list[tuple[int, Sequence[int]]]:
    """Indexes of the `names` matching `query`, best first (ties keep list order), with matched letters."""
    if not query:
        return [(order, ()) for order in range(len(names))]
    scored = [(order, _SEARCH.match(query, name)) for order, name in enumerate(names)]
    found = [(order, score, positions) for order, (score, positions) in scored if score > 0]
    found.sort(key=lambda item: (-item[1], item[0]))
    return [(order, positions) for order, _, positions in found]


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


class TagPicker(Dialog[str | None]):
    """Type to filter the tags; enter returns the highlighted one, or a new name (✓ = on this passage).

    A name that matches no tag exactly is offered first as "Create tag"; it is highlighted only
    when no tag matches the letters typed, so a near match wins and creating is one `up` away.
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

    def heading(self) -> str:
        return f"Tag {excerpt(self.where, 50)}" if self.where else "Tag"

    def body(self) -> ComposeResult:
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
