"""Files that could not be loaded (or loaded with a caveat), and settings problems."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Header, Static

from annotations.corpus.models import Problem
from tui.screens.late_keys import KeepsTypedKeys


def problem_lines(problems: Sequence[Problem], config_problem: str | None = None) -> Content:
    """One literal line per problem (paths and messages come from outside)."""
    lines = [Content(config_problem)] if config_problem else []
    lines += [Content.assemble((problem.path, "bold"), ": ", problem.error) for problem in problems]
    return Content("\n").join(lines or [Content("No problems.")])


class ProblemsScreen(ModalScreen[None], KeepsTypedKeys[None]):
    """The list behind the 'problems while loading' notification."""

    BINDINGS = [Binding("escape,exclamation_mark", "close", "Close", id="close_problems")]

    def __init__(self, problems: Sequence[Problem], config_problem: str | None = None) -> None:
        super().__init__()
        self.problems, self.config_problem = list(problems), config_problem

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="problems-body"):
            yield Static(problem_lines(self.problems, self.config_problem))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#problems-body").border_title = f"Problems ({len(self.problems)})"

    def action_close(self) -> None:
        self.dismiss(None)


class NothingLoadedScreen(Screen[None]):
    """Shown instead of the reader when not one article could be loaded; like the reader, q quits."""

    BINDINGS = [Binding("q", "app.quit", "Quit", id="quit")]

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__()
        self.problems = list(problems)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="nothing-body"):
            yield Static(Content("No articles could be loaded. Give .txt or .md files or folders; q quits."),
                         id="nothing-message")
            yield Static(problem_lines(self.problems))
        yield Footer()
