"""Turn colour names used by layouts and assets ('red', 'yellow') into Colors.

The built-in palette is assets/palette.toml; a palette.toml in the user's layouts folder
overrides its tokens (an office that has measured its own red, say).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from .caches import file_cache
from .errors import LayoutError
from .i18n import _
from .model import Color
from .resources import data_folder, read_toml

_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
Palette = dict[str, Color]


def load_palette(layouts_dir: Path | None = None) -> Palette:
    palette = dict(_read(data_folder("assets") / "palette.toml"))
    if layouts_dir is not None and (layouts_dir / "palette.toml").is_file():
        palette.update(_read(layouts_dir / "palette.toml"))
    return palette


@file_cache
def _read(path: Path) -> Palette:
    try:
        data = read_toml(path)
        return {name: _color(name, entry, path) for name, entry in data.items()}
    except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError) as exc:
        raise LayoutError(_("palette file {path}: {err}").format(
            path=str(path), err=getattr(exc, "strerror", None) or exc)) from None


def _color(name: str, entry: dict, path: Path) -> Color:
    rgb, cmyk = entry.get("rgb", ""), entry.get("cmyk")
    valid_cmyk = cmyk is None or (len(cmyk) == 4 and all(0 <= v <= 100 for v in cmyk))
    if not _HEX.match(rgb) or not valid_cmyk:
        raise LayoutError(_("palette file {path}: colour {name!r} needs rgb = \"#RRGGBB\" and optionally "
                            "cmyk = [c, m, y, k] in percent").format(path=str(path), name=name))
    return Color(rgb.upper(), tuple(v / 100 for v in cmyk) if cmyk else None)


def resolve_color(value: str, palette: Palette) -> Color:
    """A palette name or '#RRGGBB' (screen colour only)."""
    if _HEX.match(value):
        return Color(value.upper())
    try:
        return palette[value]
    except KeyError:
        raise LayoutError(
            _("unknown colour {value!r}; use #RRGGBB or one of: {names}").format(
                value=value, names=", ".join(sorted(palette)))
        ) from None
