"""Turn untrusted bytes into safe text: pick the encoding, drop control characters."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# ANSI CSI and OSC/DCS/APC/PM sequences, in their 7-bit and 8-bit forms: removed whole so no
# parameter residue ("[31m") is left behind.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]P^_X]|[\x90\x98\x9d\x9e\x9f]).*?(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[@-Z\\-_]",
    re.DOTALL,
)
# C0 (but tab and newline), DEL, C1, and the bidi overrides that can reorder what is shown.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class UndecodableError(ValueError):
    """The bytes are not text we can read."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None


def decode(data: bytes) -> Decoded:
    """Decode by BOM, then strict UTF-8, then cp1252 (with a warning); refuse binary."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(sanitise(data[len(bom) :].decode(encoding)), encoding)
            except UnicodeDecodeError as error:
                raise UndecodableError(f"invalid {encoding} after its byte-order mark") from error
    if b"\x00" in data:
        raise UndecodableError("binary file (contains NUL bytes)")
    try:
        return Decoded(sanitise(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    if _looks_binary(data):
        raise UndecodableError("binary file (not text in any supported encoding)")
    text = data.decode("cp1252", errors="replace")
    return Decoded(sanitise(text), "cp1252", "not valid UTF-8: read as Windows-1252 (cp1252)")


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return controls > len(sample) * 0.05


def sanitise(text: str) -> str:
    """Normalise line ends and remove escape sequences and control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    return _CONTROLS.sub("", text)
