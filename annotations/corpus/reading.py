"""Read a file's bytes within the size limit, decompressing gzip as it goes (so a bomb stops early)."""

from __future__ import annotations

import zlib
from pathlib import Path

MAX_BYTES = 8 * 1024 * 1024
"""News articles are kilobytes; a file past this (read or decompressed) is a mistake or an attack."""

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 64 * 1024


class Unreadable(ValueError):
    """A file that cannot be used; the message is the one-line reason."""


class TooLarge(Unreadable):
    """The file, or what it decompresses to, is over the limit."""


def read_capped(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes (decompressed if gzip), raising TooLarge past `limit` and OSError as is."""
    size = path.stat().st_size
    if size > limit:
        raise TooLarge(f"too large ({size / 2**20:.1f} MB, limit {limit // 2**20} MB)")
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"too large (over the {limit // 2**20} MB limit)")
    return gunzip_capped(data, limit) if data.startswith(GZIP_MAGIC) else data


def gunzip_capped(data: bytes, limit: int = MAX_BYTES) -> bytes:
    """Decompress gzip `data`, stopping as soon as the output would pass `limit`."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    pending = data
    try:
        while pending and not inflater.eof:
            out += inflater.decompress(pending, _CHUNK)
            if len(out) > limit:
                raise TooLarge(f"decompresses to more than {limit // 2**20} MB (the limit); stopped")
            pending = inflater.unconsumed_tail
    except zlib.error as error:
        raise Unreadable(f"damaged gzip data ({error})") from error
    if not inflater.eof:
        raise Unreadable("damaged gzip data (cut short)")
    return bytes(out)
