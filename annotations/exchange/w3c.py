"""Annotations as W3C Web Annotations (JSON-LD): tag and note bodies, quote and position selectors."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlparse

from annotations.corpus.models import Analysis, Annotation, Corpus
from annotations.exchange.writing import dumps_text

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ARTICLE_URN = "urn:briefreader:article:"
OVERRIDE_VALUES = ("boilerplate", "not-boilerplate")


class W3CError(ValueError):
    """The document is not a Web Annotation export this program can read."""


WHOLE_DOCUMENT = "document"
"""The `scope` of a row whose W3C target is a whole resource (no text selector): nothing to place."""


def to_w3c(annotations: Sequence[Annotation], corpus: Corpus, analysis: Analysis | None) -> str:
    """An AnnotationCollection holding every annotation in one embedded page."""
    loaded = {article.id for article in corpus.articles}
    items = [annotation_to_w3c(a, placed=a.article in loaded and not a.orphan) for a in annotations]
    collection = {
        "@context": CONTEXT,
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": "AnnotationCollection",
        "label": f"briefreader annotations: {corpus.name}",
        "total": len(items),
        "first": {
            "id": f"urn:uuid:{uuid.uuid4()}", "type": "AnnotationPage", "startIndex": 0, "items": items
        },
    }
    return dumps_text(collection, pretty=True) + "\n"


def annotation_to_w3c(annotation: Annotation, *, placed: bool = True) -> dict[str, Any]:
    """One Web Annotation; the position selector only when `placed` (its offsets are current)."""
    target = annotation.target
    machine = annotation.kind == "machine"
    selectors: list[dict[str, Any]] = [
        {"type": "TextQuoteSelector", "exact": target.exact, "prefix": target.prefix, "suffix": target.suffix}
    ]
    if placed and 0 <= target.start <= target.end:
        selectors.append({"type": "TextPositionSelector", "start": target.start, "end": target.end})
    return {
        "id": _iri(annotation.id),
        "type": "Annotation",
        "motivation": _motivation(annotation),
        "created": annotation.created,
        "modified": annotation.modified,
        "creator": {"type": "Software", "name": annotation.analyst} if machine else {
            "type": "Person", "nickname": annotation.analyst
        },
        "body": _bodies(annotation),
        "target": {
            "source": {
                "id": _source(annotation),
                "type": "Text",
                "format": "text/plain",
                "dcterms:identifier": annotation.article,
                "dcterms:title": annotation.article_title,
            },
            "selector": selectors,
        },
    }


def _iri(annotation_id: str) -> str:
    """Our ids as `urn:uuid:`; an IRI another tool gave its annotation, kept as it was."""
    try:
        return uuid.UUID(annotation_id).urn
    except ValueError:
        pass
    if _IRI.match(annotation_id):
        return annotation_id
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, annotation_id)}"


_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+\Z")


def _motivation(annotation: Annotation) -> str:
    if annotation.kind in ("override", "machine"):
        return "classifying"
    return "tagging" if annotation.tag else "commenting"


def _bodies(annotation: Annotation) -> list[dict[str, str]]:
    bodies = []
    if annotation.tag:
        purpose = "classifying" if annotation.kind in ("override", "machine") else "tagging"
        bodies.append({"type": "TextualBody", "purpose": purpose, "value": annotation.tag})
    if annotation.note:
        bodies.append({"type": "TextualBody", "purpose": "commenting", "value": annotation.note,
                       "format": "text/plain"})
    return bodies


def _source(annotation: Annotation) -> str:
    if annotation.article_path:
        return Path(annotation.article_path).absolute().as_uri()
    return ARTICLE_URN + quote(annotation.article, safe="")


def is_w3c(data: Any) -> bool:
    """Whether parsed JSON looks like Web Annotations rather than briefreader rows."""
    first = data[0] if isinstance(data, list) and data else data
    return isinstance(first, dict) and ("@context" in first or first.get("type") in (
        "Annotation", "AnnotationCollection", "AnnotationPage"))


def from_w3c(data: Any) -> list[dict[str, Any]]:
    """Rows (as the jsonl export writes them) from a collection, a page, a list or one annotation."""
    items = _items(data)
    rows = []
    for number, item in enumerate(items, start=1):
        try:
            rows.append(_row(item))
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise W3CError(f"annotation {number}: {error}") from None
    return rows


def _items(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise W3CError("expected a JSON object or list")
    kind = data.get("type")
    if kind == "AnnotationCollection":
        first = data.get("first")
        if not isinstance(first, dict):
            raise W3CError("the collection's pages are not embedded (fetching them is not supported)")
        return _items(first)
    if kind == "AnnotationPage":
        items = data.get("items")
        if not isinstance(items, list):
            raise W3CError("the page has no items list")
        return items
    return [data]


def _row(item: dict[str, Any]) -> dict[str, Any]:
    if item.get("type") != "Annotation":
        raise ValueError("type is not Annotation")
    bodies = item.get("body", [])
    bodies = bodies if isinstance(bodies, list) else [bodies]
    tag, note, kind = _read_bodies(bodies)
    target = item["target"]
    target = target[0] if isinstance(target, list) and target else target
    if isinstance(target, str):  # a bare IRI: the whole resource
        target = {"source": target}
    if not isinstance(target, dict):
        raise ValueError("the target is neither an IRI nor an object")
    selectors = target.get("selector", [])
    selectors = selectors if isinstance(selectors, list) else [selectors]
    quote_selector = _selector(selectors, "TextQuoteSelector")
    position = _selector(selectors, "TextPositionSelector")
    source = target.get("source", target.get("id"))
    article, title, path = _article(source)
    creator = item.get("creator", {})
    return {
        "id": _own_id(str(item.get("id", ""))),
        "article": article,
        "title": title,
        "path": path,
        "passage": -1,
        "start": int(position["start"]) if position else -1,
        "end": int(position["end"]) if position else -1,
        "quote": str((quote_selector or {}).get("exact", "")),
        "prefix": str((quote_selector or {}).get("prefix", "")),
        "suffix": str((quote_selector or {}).get("suffix", "")),
        "tag": tag,
        "note": note,
        "analyst": _creator(creator),
        "created": str(item.get("created", "")),
        "modified": str(item.get("modified", item.get("created", ""))),
        "kind": "machine" if isinstance(creator, dict) and creator.get("type") == "Software" else kind,
        "scope": "" if quote_selector or position else WHOLE_DOCUMENT,
        "orphan": False,
    }


def _own_id(iri: str) -> str:
    """The id to store: our `urn:uuid:` ids as the bare UUID, any other tool's IRI unchanged."""
    bare = iri.removeprefix("urn:uuid:")
    try:
        return str(uuid.UUID(bare))
    except ValueError:
        return iri


def _read_bodies(bodies: list[Any]) -> tuple[str | None, str, str]:
    tag, notes, kind = None, [], "note"
    for body in bodies:
        if isinstance(body, str):
            continue
        purpose, value = body.get("purpose"), str(body.get("value", ""))
        if purpose in ("tagging", "classifying") and tag is None and value:
            tag = value
            kind = "override" if purpose == "classifying" and value in OVERRIDE_VALUES else "tag"
        elif value:
            notes.append(value)
    return tag, "\n".join(notes), kind


def _selector(selectors: list[Any], kind: str) -> dict[str, Any] | None:
    return next((s for s in selectors if isinstance(s, dict) and s.get("type") == kind), None)


def _article(source: Any) -> tuple[str, str, str]:
    """(article id, title, path) from the target's source, an IRI or an object."""
    title = ""
    article = ""
    if isinstance(source, dict):
        article = str(source.get("dcterms:identifier", ""))
        title = str(source.get("dcterms:title", ""))
        source = source.get("id", "")
    iri = str(source or "")
    parsed = urlparse(iri)
    path = unquote(parsed.path) if iri.startswith("file:") else ""
    if not article and iri.startswith(ARTICLE_URN):
        article = unquote(iri.removeprefix(ARTICLE_URN))
    if not article:  # another tool's page: name it after its file, else its site
        article = Path(unquote(parsed.path)).stem or parsed.netloc
    if not article:
        raise ValueError("the target names no article")
    return article, title, path


def _creator(creator: Any) -> str:
    if isinstance(creator, dict):
        return str(creator.get("nickname") or creator.get("name") or "unknown")
    return str(creator or "unknown")
