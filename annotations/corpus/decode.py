"""Turn untrusted bytes into safe text: pick the encoding, drop control characters."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# ANSI CSI and OSC/DCS/APC/PM sequences, in their 7-bit and 8-bit forms: removed whole so no
# parameter residue ("[31m") is left behind. A string's body stops at the next ESC or introducer, so
# text full of unterminated introducers is scanned once, not once per introducer.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]P^_X]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x90\x98\x9c-\x9f]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[@-Z\\-_]",
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


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode by BOM, UTF-16 shape, strict UTF-8, the `declared` charset, then cp1252; refuse binary."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(sanitise(data[len(bom) :].decode(encoding)), encoding)
            except UnicodeDecodeError as error:
                raise UndecodableError(f"invalid {encoding} after its byte-order mark") from error
    if b"\x00" in data:
        return _utf16_without_bom(data)
    try:
        return Decoded(sanitise(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    if declared is not None:
        return Decoded(sanitise(data.decode(declared, errors="replace")), declared)
    if _looks_binary(data):
        raise UndecodableError("binary file (not text in any supported encoding)")
    text = data.decode("cp1252", errors="replace")
    return Decoded(sanitise(text), "cp1252", "not valid UTF-8: read as Windows-1252 (cp1252)")


def _utf16_without_bom(data: bytes) -> Decoded:
    """Latin-script UTF-16 has a NUL in every other byte (and few in the rest); anything else is binary."""
    sample = data[:8192]
    even, odd = sample[0::2], sample[1::2]
    shapes = {"utf-16-le": (odd, even), "utf-16-be": (even, odd)}
    for encoding, (zeros, letters) in shapes.items():
        if len(sample) >= 8 and zeros.count(0) >= len(zeros) * 0.6 and letters.count(0) < len(letters) * 0.1:
            try:
                text = data[: len(data) // 2 * 2].decode(encoding)
            except UnicodeDecodeError:
                text = ""
            if text and not _looks_binary(text.encode("utf-8", errors="replace")):
                warning = f"UTF-16 without a byte-order mark: read as {encoding.upper()}"
                return Decoded(sanitise(text), encoding, warning)
            raise UndecodableError("looks like UTF-16 without a byte-order mark, but does not decode as it")
    raise UndecodableError("binary file (contains NUL bytes)")


def charset_codec(name: str) -> str | None:
    """Python's codec for a declared charset ("iso-8859-1", "Shift_JIS"), or None if unknown."""
    try:
        codec = codecs.lookup(name.strip().strip("\"'"))
    except (LookupError, ValueError):
        return None
    # Browsers read "latin-1" and "ascii" pages as Windows-1252, which agrees on every printable byte.
    return "cp1252" if codec.name in ("latin-1", "iso8859-1", "ascii") else codec.name


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return controls > len(sample) * 0.05


def sanitise(text: str) -> str:
    """Normalise line ends and remove escape sequences and control characters."""
    if not _CONTROLS.search(text):
        return text  # the usual case: one scan instead of four
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    return _CONTROLS.sub("", text)


def clean_line(text: str) -> str:
    """A name, path or title for one line: escape sequences and controls removed, spaces folded."""
    if text.isprintable():
        return text
    return " ".join(sanitise(text).split())
