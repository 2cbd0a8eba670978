"""`export -o FILE`: nothing is replaced without --force, and special files never are."""

from __future__ import annotations

import os
import socket
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotations.exchange.export import ExportError, write_output


def test_a_new_file_is_written_and_no_temporary_is_left(tmp_path: Path) -> None:
    write_output(tmp_path / "brief.md", "text")
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]
    assert (tmp_path / "brief.md").read_text(encoding="utf-8") == "text"


def test_a_fifo_is_refused_even_with_force(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ExportError, match="named pipe"):
        write_output(fifo, "text", force=True)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_device_is_refused_even_with_force(tmp_path: Path) -> None:
    device = tmp_path / "full"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except (PermissionError, AttributeError):
        pytest.skip("creating a device node needs root")
    with pytest.raises(ExportError, match="is a device, not a regular file"):
        write_output(device, "text", force=True)
    assert stat.S_ISCHR(device.lstat().st_mode)


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "s"
    if len(str(path)) > 100:
        pytest.skip("the temporary folder's path is too long for a socket")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    yield path
    server.close()


def test_a_socket_is_refused_even_with_force(unix_socket: Path) -> None:
    with pytest.raises(ExportError, match="a socket"):
        write_output(unix_socket, "text", force=True)
    assert stat.S_ISSOCK(unix_socket.lstat().st_mode)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="is a folder"):
        write_output(tmp_path, "text", force=True)


def test_a_symlink_is_written_through_to_its_target_in_the_targets_folder(tmp_path: Path) -> None:
    elsewhere, here = tmp_path / "elsewhere", tmp_path / "here"
    elsewhere.mkdir()
    here.mkdir()
    real = elsewhere / "brief.md"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o600)
    link = here / "brief.md"
    link.symlink_to(real)
    with pytest.raises(ExportError, match=r"symbolic link\); use --force"):
        write_output(link, "new")
    assert real.read_text(encoding="utf-8") == "old"
    write_output(link, "new", force=True)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8") == "new" and stat.S_IMODE(real.stat().st_mode) == 0o600
    assert [p.name for p in elsewhere.iterdir()] == [p.name for p in here.iterdir()] == ["brief.md"]


def test_a_dangling_symlink_is_never_replaced_without_force(tmp_path: Path) -> None:
    link = tmp_path / "brief.md"
    link.symlink_to(tmp_path / "missing.md")
    with pytest.raises(ExportError, match="exists"):
        write_output(link, "text")
    assert link.is_symlink() and not (tmp_path / "missing.md").exists()
    write_output(link, "text", force=True)
    assert link.is_symlink() and (tmp_path / "missing.md").read_text(encoding="utf-8") == "text"


def test_a_symlink_to_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "out"
    link.symlink_to(os.devnull)
    with pytest.raises(ExportError, match="is a device"):
        write_output(link, "text", force=True)
    assert link.is_symlink() and stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_the_command_says_it_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tui.cli import main

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert main(["export", "--db", str(tmp_path / "db.json"), "-o", str(fifo), "--force"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "named pipe (FIFO), not a regular file" in err and str(fifo) in err
