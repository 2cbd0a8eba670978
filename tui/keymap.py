"""Check the settings' keymap against the reader's bindings, so a typo is reported instead of ignored.

Textual applies a keymap silently: an unknown binding id or a key name it does not know simply
does nothing. Here each entry is checked, the usable ones kept, and the others named in the
settings problem that the reader shows.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import KEY_ALIASES, KEY_DISPLAY_ALIASES, Keys, key_to_character

from annotations.config import Config

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
_KEY_NAMES = frozenset({key.value for key in Keys} | set(KEY_ALIASES) | set(KEY_DISPLAY_ALIASES))


def checked(config: Config) -> Config:
    """`config` with only the keymap entries that apply, and a problem naming the others."""
    if not config.keymap:
        return config  # the common case costs nothing: no modules to import
    known = binding_ids()
    remarks: list[str] = []
    usable: dict[str, str] = {}
    for binding_id, keys in config.keymap.items():
        bad = [key for key in keys.split(",") if not is_key(key.strip())]
        if binding_id not in known:
            remarks.append(f"keymap: no binding has the id {binding_id!r}")
        elif bad:
            remarks.append(f"keymap: {binding_id} = {keys!r}: unknown key {bad[0].strip()!r}")
        else:
            usable[binding_id] = keys
    if not remarks:
        return config
    where = f"config {config.path}: " if config.path else "config: "
    joined = "; ".join(remarks)
    problem = f"{config.problem}; {joined}" if config.problem else where + joined
    return replace(config, keymap=usable, problem=problem)


def is_key(key: str) -> bool:
    """Whether Textual can match `key` ("j", "ctrl+down", "f5", "question_mark") against a key press."""
    *modifiers, name = key.split("+") if key != "+" else ["+"]
    if not name or any(modifier not in MODIFIERS for modifier in modifiers):
        return False
    return len(name) == 1 or name in _KEY_NAMES or key_to_character(name) is not None


def binding_ids() -> set[str]:
    """The id of every binding of the reader's screens and widgets (and Textual's own)."""
    import tui

    for module in pkgutil.walk_packages(tui.__path__, "tui."):
        if not module.name.startswith(("tui.cli", "tui.__main__")):
            importlib.import_module(module.name)
    found: set[str] = set()
    classes: list[type[DOMNode]] = [DOMNode]
    while classes:
        current = classes.pop()
        classes.extend(current.__subclasses__())
        found.update(b.id for b in current.BINDINGS if isinstance(b, Binding) and b.id)
    return found
