from __future__ import annotations

import os
import stat

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
    with pytest.raises(OutputError, match="cannot write"):
        write_atomic(target, b"data")
    assert [p.name for p in tmp_path.iterdir()] == ["taken"] and not any(target.iterdir())
