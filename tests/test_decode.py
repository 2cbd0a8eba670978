"""Decoding untrusted bytes: encodings, control characters, binary refusal."""

from __future__ import annotations

import codecs

import pytest

from annotations.corpus.decode import UndecodableError, clean_line, decode, sanitise

TEXT = "Blinken’s “trip” — café\nsecond line"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_unicode_encodings_decode_to_the_same_text(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding
    assert decoded.warning is None


def test_cp1252_is_the_fallback_and_says_so() -> None:
    decoded = decode(TEXT.encode("cp1252"))
    assert decoded.text == TEXT
    assert decoded.encoding == "cp1252"
    assert decoded.warning is not None and "cp1252" in decoded.warning


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(UndecodableError, match="binary"):
        decode(b"text\x00more text")


def test_random_binary_is_refused() -> None:
    with pytest.raises(UndecodableError, match="binary"):
        decode(bytes(range(1, 256)) * 20)


def test_line_ends_are_normalised() -> None:
    assert decode(b"one\r\ntwo\rthree\n").text == "one\ntwo\nthree\n"


def test_escape_sequences_and_controls_are_removed_whole() -> None:
    hostile = (
        "a\x1b[31mred\x1b[0m b\x1b]0;pwned title\x07c \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\"
        " d\x07\x08\x7f\x85e\x9b2Jf"
    )
    assert sanitise(hostile) == "ared bc link def"


def test_tabs_newlines_and_odd_spaces_are_kept_for_display() -> None:
    assert sanitise("a\tb\u00a0c\u2009d\n") == "a\tb\u00a0c\u2009d\n"


def test_bidi_overrides_are_removed() -> None:
    assert sanitise("abc\u202edcba\u202c") == "abcdcba"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_and_said(encoding: str) -> None:
    decoded = decode(TEXT.encode(encoding))
    assert decoded.text == TEXT
    assert decoded.warning == f"UTF-16 without a byte-order mark: read as {encoding.upper()}"


def test_utf16_shaped_controls_are_refused_as_such() -> None:
    with pytest.raises(UndecodableError, match="looks like UTF-16 without a byte-order mark"):
        decode("".join(map(chr, range(1, 32))).encode("utf-16-le") * 4)


def test_a_declared_charset_is_used_when_the_bytes_are_not_utf8() -> None:
    decoded = decode("Закон о бюджете".encode("cp1251"), declared="cp1251")
    assert (decoded.text, decoded.encoding, decoded.warning) == ("Закон о бюджете", "cp1251", None)
    assert decode(TEXT.encode("utf-8"), declared="cp1251").encoding == "utf-8"


def test_clean_line_folds_a_name_onto_one_safe_line() -> None:
    assert clean_line("00_\x1b]0;pwned\x07red\tname\n.txt") == "00_red name .txt"
    assert clean_line("plain name.txt") == "plain name.txt"


def test_unterminated_escape_strings_are_scanned_once() -> None:
    """Half a million OSC/DCS introducers without a terminator (quadratic before: hours, not seconds)."""
    hostile = ("\x1b]0;x" + "\x9d" + "words ") * 500_000
    cleaned = sanitise(hostile)
    assert "\x1b" not in cleaned and "\x9d" not in cleaned
    assert cleaned.startswith("0;xwords 0;xwords")
