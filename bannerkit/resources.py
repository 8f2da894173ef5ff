"""Find bannerkit's data files whether it runs from a checkout or from an installed wheel."""

from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Any

_PACKAGE = Path(str(files("bannerkit")))


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


def read_toml(path: Path) -> dict[str, Any]:
    with path.open("rb") as fh:
        return tomllib.load(fh)
