"""JSON as the exports and `analyze --json` write it: UTF-8, and safe to print to a terminal.

orjson is used because it encodes the analysis report about 4x faster than the standard library's
C encoder (tests/bench/bench_json.py). Both escape C0 controls; neither escapes DEL or the C1
controls (U+0080-U+009F), which some terminals obey as escape sequences, so those are written as
\\u escapes here: the document means the same, and no raw control byte leaves the program.
"""

from __future__ import annotations

import re
from typing import Any

import orjson

_C1 = re.compile(rb"\xc2[\x80-\x9f]")
"""The UTF-8 form of a C1 control (0xC2 is always a lead byte, so this never splits a character)."""


def dumps(data: Any, *, pretty: bool = False) -> bytes:
    """One JSON document as UTF-8 bytes: compact, or indented by two spaces for people."""
    encoded = orjson.dumps(data, option=orjson.OPT_INDENT_2 if pretty else 0)
    if b"\x7f" in encoded:  # rare: checked apart, so the common case is two fast scans
        encoded = encoded.replace(b"\x7f", b"\\u007f")
    return _C1.sub(_escape, encoded) if _C1.search(encoded) else encoded


def dumps_text(data: Any, *, pretty: bool = False) -> str:
    """`dumps` as text, for the export formats that are built as strings."""
    return dumps(data, pretty=pretty).decode("utf-8")


def _escape(match: re.Match[bytes]) -> bytes:
    char = match.group().decode("utf-8")
    return f"\\u{ord(char):04x}".encode()
