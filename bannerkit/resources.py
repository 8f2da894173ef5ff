"""Find bannerkit's data files whether it runs from a checkout or from an installed wheel."""

from __future__ import annotations

import errno
import stat
import tomllib
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

_PACKAGE = Path(str(files("bannerkit")))


@cache
def data_folder(name: str) -> Path:
    """One of the designer-editable folders: fonts, layouts or assets.

    A wheel carries them inside the package (_data/); a checkout, or an editable install of it,
    keeps them at the top level beside the package.
    """
    packaged = _PACKAGE / "_data" / name
    return packaged if packaged.is_dir() else _PACKAGE.parent / name


def package_data(name: str) -> Path:
    """A data file that belongs to the code (catalogue, size presets)."""
    return _PACKAGE / "data" / name


MB = 1024 * 1024
MAX_DATA_FILE = 2 * MB  # a layout, sizes, palette, phrases or artwork file is a few kB


def read_limited(path: Path, limit: int = MAX_DATA_FILE) -> bytes:
    """A regular file's bytes, refused (OSError) if it is larger than `limit` or is no regular
    file: a pipe would block for ever and /dev/zero never ends."""
    if not stat.S_ISREG(path.stat().st_mode):
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    with path.open("rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than {limit / MB:g} MB, more than bannerkit reads", str(path))
    return data


def read_toml(path: Path) -> dict[str, Any]:
    return tomllib.loads(read_limited(path).decode("utf-8"))
