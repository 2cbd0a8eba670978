"""The analyst's settings: a TOML file read once into a frozen value."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from annotations.corpus.decode import sanitise

APP_NAME = "briefreader"
MAX_TAG_LENGTH = 40
DEFAULT_TAGS: tuple[str, ...] = (
    "key-fact",
    "quote",
    "claim",
    "background",
    "follow-up",
    "contradiction",
    "source",
    "opinion",
    "question",
)

DEFAULT_CONFIG_TEXT = """\
# briefreader settings. Delete this file to get the defaults back.

# Tags, in the order of their number keys 1-9 (more may follow; pick them with `t`).
tags = [
    "key-fact", "quote", "claim", "background", "follow-up",
    "contradiction", "source", "opinion", "question",
]

[boilerplate]
# Extra phrases that mark a line as a web-page leftover (matched case-insensitively).
phrases = []
# How sure the detector must be before it flags a line, 0..1 (higher flags less).
threshold = 0.5

[keymap]
# Remap keys by binding id, e.g. next_passage = "j,down" or toggle_side_panel = "s".
"""


def config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def data_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME)) / "annotations.json"


@dataclass(frozen=True, slots=True)
class Config:
    tags: tuple[str, ...] = DEFAULT_TAGS
    boilerplate_phrases: tuple[str, ...] = ()
    boilerplate_threshold: float = 0.5
    keymap: dict[str, str] = field(default_factory=dict)
    path: str | None = None
    problem: str | None = None
    """What was wrong with the file, in one line: why the defaults stand in for it, or what was left out."""


def load_config(path: str | os.PathLike[str] | None = None) -> Config:
    """Read the config (creating the default one on first use); never raise on bad input."""
    target = Path(path) if path is not None else config_path()
    if path is None and not target.exists():
        _write_default(target)
    try:
        raw = tomllib.loads(target.read_text(encoding="utf-8"))
        return _parse(raw, str(target))
    except FileNotFoundError:
        return Config(path=str(target), problem=sanitise(f"config {target}: no such file; using defaults"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ValueError, TypeError) as error:
        detail = " ".join(str(error).split()) or type(error).__name__
        return Config(path=str(target), problem=sanitise(f"config {target}: {detail}; using defaults"))


def _write_default(target: Path) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as handle:
            handle.write(DEFAULT_CONFIG_TEXT)
    except OSError:
        pass


def _parse(raw: dict[str, object], path: str) -> Config:
    tags = raw.get("tags", list(DEFAULT_TAGS))
    if not isinstance(tags, list) or not all(isinstance(tag, str) and tag.strip() for tag in tags):
        raise ValueError("'tags' must be a list of non-empty strings")
    unique, remarks = tag_names(tags)
    boilerplate = raw.get("boilerplate", {})
    if not isinstance(boilerplate, dict):
        raise ValueError("[boilerplate] must be a table")
    phrases = boilerplate.get("phrases", [])
    if not isinstance(phrases, list) or not all(isinstance(phrase, str) for phrase in phrases):
        raise ValueError("boilerplate.phrases must be a list of strings")
    threshold = boilerplate.get("threshold", 0.5)
    if not isinstance(threshold, int | float) or not 0 <= threshold <= 1:
        raise ValueError("boilerplate.threshold must be a number from 0 to 1")
    keymap = raw.get("keymap", {})
    if not isinstance(keymap, dict) or not all(isinstance(value, str) for value in keymap.values()):
        raise ValueError("[keymap] must map binding ids to key strings")
    return Config(
        tags=unique or DEFAULT_TAGS,
        boilerplate_phrases=tuple(filter(None, (" ".join(sanitise(p).split()) for p in phrases))),
        boilerplate_threshold=float(threshold),
        keymap=dict(keymap),
        path=path,
        problem=sanitise(f"config {path}: {'; '.join(remarks)}") if remarks else None,
    )


def tag_names(names: list[str]) -> tuple[tuple[str, ...], list[str]]:
    """Usable tag names (controls removed, spaces folded, at most MAX_TAG_LENGTH, one per spelling
    whatever its letter case) and a remark on each name left out or changed."""
    kept: dict[str, str] = {}
    remarks: list[str] = []
    for name in names:
        clean = " ".join(sanitise(name).split())
        if clean != " ".join(name.split()):
            remarks.append(f"tag {clean!r}: control characters removed")
        if not clean:
            continue
        if len(clean) > MAX_TAG_LENGTH:
            shown = clean[:MAX_TAG_LENGTH]
            remarks.append(f"tag {shown!r}…: longer than {MAX_TAG_LENGTH} characters, left out")
            continue
        first = kept.setdefault(clean.casefold(), clean)
        if first != clean:
            remarks.append(f"tag {clean!r} is {first!r} in another letter case; kept {first!r}")
    return tuple(kept.values()), remarks
