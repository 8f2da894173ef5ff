"""Turn colour names used by layouts and assets ('field', 'ink', 'red') into Colors.

The built-in palette is assets/palette.toml; the theme sets the colours named by role, and a
palette.toml in the user's layouts folder overrides any token (an office that has measured its
own red, say).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .caches import file_cache
from .errors import LayoutError
from .i18n import _
from .model import Color
from .resources import data_folder, read_toml

if TYPE_CHECKING:
    from .themes import Theme

_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
Palette = dict[str, Color]
OFFICIAL = frozenset({"red", "yellow", "white", "black"})  # the flags' colours: no theme changes them


def load_palette(layouts_dir: Path | None = None, theme: Theme | None = None) -> Palette:
    """The built-in palette, the theme's colours over it, the user's palette.toml over both;
    a colour named by another's name ('field = "red"') follows that colour."""
    entries: dict[str, Color | str] = dict(_read(data_folder("assets") / "palette.toml"))
    if theme is not None:
        entries.update(theme.colors)
    if layouts_dir is not None and (layouts_dir / "palette.toml").is_file():
        entries.update(_read(layouts_dir / "palette.toml"))
    return {token: _follow(token, entries) for token in entries}


def _follow(token: str, entries: dict[str, Color | str]) -> Color:
    seen = [token]
    value = entries[token]
    while isinstance(value, str):
        if value in seen or value not in entries:
            raise LayoutError(_("palette colour {token!r} names {value!r}, which is {problem}").format(
                token=token, value=value, problem=_("a loop") if value in seen else _("not a colour")))
        seen.append(value)
        value = entries[value]
    return value


@file_cache
def _read(path: Path) -> dict[str, Color | str]:
    try:
        data = read_toml(path)
        return {name: entry if isinstance(entry, str) else color_entry(name, entry, path)
                for name, entry in data.items()}
    except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError) as exc:
        raise LayoutError(_("palette file {path}: {err}").format(
            path=str(path), err=getattr(exc, "strerror", None) or exc)) from None


def color_entry(name: str, entry: Any, path: Path) -> Color:
    """A colour table: rgb = "#RRGGBB" and, for print, cmyk = [c, m, y, k] in percent."""
    rgb, cmyk = (entry.get("rgb", ""), entry.get("cmyk")) if isinstance(entry, dict) else ("", None)
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
