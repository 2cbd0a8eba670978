"""Screens compose controllers: one decorator gives the screen the actions its controller runs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import partial
from typing import Any, TypeVar

S = TypeVar("S", bound=type)


def delegate(
    attribute: str, actions: Iterable[str], methods: Mapping[str, str] | None = None, gate: str | None = None
) -> Callable[[S], S]:
    """Add `action_<name>` to the screen class for each action, running `self.<attribute>.<method>`.

    With `gate`, the call goes through `self.<gate>(callable)` (e.g. to wait until the corpus is loaded).
    """
    names = dict(methods or {})

    def decorate(screen_class: S) -> S:
        for name in actions:

            def action(self: Any, *args: object, _name: str = name) -> None:
                run = partial(getattr(getattr(self, attribute), names.get(_name, _name)), *args)
                getattr(self, gate)(run) if gate else run()

            action.__name__ = action.__qualname__ = f"action_{name}"
            setattr(screen_class, action.__name__, action)
        return screen_class

    return decorate
