"""Writing files so that a crash or a full disk never leaves a half-written one counted as saved."""

from __future__ import annotations

import errno
import os
import tempfile
from contextlib import suppress
from pathlib import Path


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of `data` (os.write may write fewer); OSError when the disk takes no more."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[written:]


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so a crash leaves either the old or the new file, never a mix."""
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, mode_of(path))
            write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(name, path)
    except BaseException:
        unlink_quietly(Path(name))
        raise
    fsync_dir(path.parent)


def mode_of(path: Path) -> int:
    """Keep the permissions of the file being replaced (new files: rw for the owner, r for others)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o644


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file itself durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def unlink_quietly(path: Path) -> None:
    with suppress(OSError):
        path.unlink()


def describe(error: OSError, path: Path) -> str:
    """One line for a failed write: "no space left on PATH" for a full disk, else the system's reason."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"no space left on {path}"
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"cannot write to {path} ({error.strerror})"
    return f"could not save {path} ({error.strerror or error})"
