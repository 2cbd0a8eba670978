"""How an export is encoded, and where it is written: atomically, never over anything without asking.

A symbolic link is written through: its target is replaced (atomically, from a temporary file in
the target's own folder) and the link stays. Devices, FIFOs, sockets and folders are refused,
since renaming a file over them would silently turn them into regular files.

JSON (the exports and `analyze --json`) is UTF-8 and safe to print to a terminal. orjson is used
because it encodes the analysis report about 4x faster than the standard library's C encoder
(tests/bench/bench_json.py). Both escape C0 controls; neither escapes DEL or the C1 controls
(U+0080-U+009F), which some terminals obey as escape sequences, so those are written as \\u
escapes here: the document means the same, and no raw control byte leaves the program.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from pathlib import Path
from typing import Any

import orjson

from annotations.store.files import fsync_dir, mode_of


class ExportError(Exception):
    """The export could not be written; the message is one line for the user."""


def write_output(path: str | os.PathLike[str], text: str, *, force: bool = False) -> Path:
    """Write `text` to `path`; an existing file is replaced only with `force`. Returns `path`."""
    given = Path(path)
    target = _destination(given, force=force)
    try:
        _write(target, text.encode("utf-8"), replace=force)
    except FileExistsError:
        raise ExportError(f"{given} exists; use --force to overwrite it") from None
    except OSError as error:
        raise ExportError(f"{given}: cannot write ({error.strerror or error})") from None
    return given


def _destination(given: Path, *, force: bool) -> Path:
    """The regular file to write (the link's target for a symlink), or ExportError saying why not."""
    info = _lstat(given)
    if info is None:
        if not given.parent.is_dir():
            raise ExportError(f"{given.parent} does not exist")
        return given
    if not stat.S_ISLNK(info.st_mode):
        _refuse_special(given, info.st_mode)
        if not force:
            raise ExportError(f"{given} exists; use --force to overwrite it")
        return given
    if not force:
        raise ExportError(f"{given} exists (a symbolic link); use --force to write to the file it points to")
    real = Path(os.path.realpath(given))
    real_info = _lstat(real)
    if real_info is None:
        if not real.parent.is_dir():
            raise ExportError(f"{given} points to {real}, in a folder that does not exist")
        return real
    _refuse_special(given, real_info.st_mode)
    return real


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return path.lstat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ExportError(f"{path}: cannot check it ({error.strerror or error})") from None


def _refuse_special(given: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise ExportError(f"{given} is a folder; give a file name")
    if not stat.S_ISREG(mode):
        raise ExportError(f"{given} is {_kind(mode)}, not a regular file; refusing to replace it")


def _kind(mode: int) -> str:
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _write(target: Path, data: bytes, *, replace: bool) -> None:
    """Write a complete temporary file beside `target`, then rename it over (or, new, link it in)."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.chmod(name, mode_of(target))
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(temporary, target)
        else:
            _link_new(temporary, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    fsync_dir(target.parent)


def _link_new(temporary: Path, target: Path) -> None:
    """Put the finished file at `target` only if nothing is there (FileExistsError otherwise)."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError:  # no hard links on this file system: create exclusively and copy
        with open(target, "xb") as handle:
            handle.write(temporary.read_bytes())
            handle.flush()
            os.fsync(handle.fileno())


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
