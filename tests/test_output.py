from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from bannerkit import OutputError
from bannerkit.output import write_atomic


def test_atomic_write_replaces_the_file_and_leaves_nothing_else(tmp_path):
    target = tmp_path / "a.png"
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["a.png"]
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_failed_write_leaves_no_partial_file(tmp_path):
    target = tmp_path / "taken"
    target.mkdir()  # a folder where the file should go: the final rename fails
    with pytest.raises(OutputError, match="is not an ordinary file"):
        write_atomic(target, b"data")
    assert [p.name for p in tmp_path.iterdir()] == ["taken"] and not any(target.iterdir())


def test_a_pipe_or_a_device_is_never_written(tmp_path):
    fifo = tmp_path / "panel.png"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="not an ordinary file"):
        write_atomic(fifo, b"data")
    with pytest.raises(OutputError, match="is in /dev"):
        write_atomic(Path("/dev/null"), b"data")
    with pytest.raises(OutputError, match="is in /dev"):
        write_atomic(Path("/dev/shm/../panel.png"), b"data")
    assert [p.name for p in tmp_path.iterdir()] == ["panel.png"]


def test_a_symbolic_link_is_replaced_never_followed(tmp_path):
    precious = tmp_path / "precious.txt"
    precious.write_bytes(b"keep me")
    link = tmp_path / "out" / "panel.png"
    link.parent.mkdir()
    link.symlink_to(precious)
    write_atomic(link, b"panel")
    assert precious.read_bytes() == b"keep me"
    assert not link.is_symlink() and link.read_bytes() == b"panel"
