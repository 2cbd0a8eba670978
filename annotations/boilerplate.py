"""Placeholder: flags nothing until the detector lands."""

from __future__ import annotations

from collections.abc import Sequence

from annotations.models import Article, Boilerplate, PassageKey


def detect_boilerplate(
    articles: Sequence[Article], phrases: Sequence[str] = (), threshold: float = 0.5
) -> tuple[dict[PassageKey, Boilerplate], frozenset[PassageKey]]:
    return {}, frozenset()
