"""Turn a theme file (themes/NAME.toml) into colours and a finish: the field's gradient and the
effects text blocks ask for by name (title, body...).

A theme recolours what layouts name by role (field, ink, accent, art...). It can never change
"red", "yellow", "white" or "black": the flags are drawn in those, and their colours are the
official ones in every theme. An office copies a theme into its layouts folder to edit it; a
theme there overrides the built-in one of the same name.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .caches import file_cache
from .errors import LayoutError
from .i18n import _
from .model import Color, Effects
from .palette import OFFICIAL, Palette, color_entry, resolve_color
from .resources import data_folder, read_toml

FIELD_KINDS = ("flat", "radial", "linear")
EFFECT_FIELDS = {"gradient": list, "outline": str, "outline_width": float, "shadow": str,
                 "shadow_offset": list, "shadow_blur": float, "shadow_opacity": float}


@dataclass(frozen=True)
class Theme:
    name: str
    description: str
    description_vi: str = ""  # the same in Vietnamese, which `bannerkit themes` shows by default
    colors: dict[str, Color | str] = field(default_factory=dict)  # a colour, or the name of a palette colour
    field_kind: str = "flat"  # how the page's field is painted
    field_colors: tuple[str, ...] = ()  # its tokens, the edge (radial) or the top (linear) first
    effects: dict[str, dict[str, Any]] = field(default_factory=dict)  # name -> fields, lengths in em
    decor_opacity: float = 1.0  # every decoration's opacity is multiplied by this

    def effect(self, name: str, size: float, palette: Palette) -> Effects | None:
        """The named effect at a text's em size (mm), None when the theme leaves the text plain."""
        spec = self.effects.get(name) if name else None
        if not spec:
            return None
        def colour(token: str) -> Color | None:
            return resolve_color(token, palette) if token else None

        dx, dy = spec.get("shadow_offset", [0.0, 0.0])
        return Effects(outline=colour(spec.get("outline", "")), outline_width=spec.get("outline_width", 0.0) * size,
                       shadow=colour(spec.get("shadow", "")), shadow_offset=(dx * size, dy * size),
                       shadow_blur=spec.get("shadow_blur", 0.0) * size,
                       shadow_opacity=spec.get("shadow_opacity", 0.6 if spec.get("shadow") else 0.0),
                       gradient=tuple(resolve_color(t, palette) for t in spec.get("gradient", [])))


def theme_files(layouts_dir: Path | None = None) -> dict[str, Path]:
    """Theme name -> file; a theme in the user's layouts folder overrides the built-in one."""
    folders = [data_folder("themes")] + ([layouts_dir / "themes"] if layouts_dir else [])
    return {p.stem: p for folder in folders if folder.is_dir() for p in sorted(folder.glob("*.toml"))}


def load_theme(name: str, layouts_dir: Path | None = None) -> Theme:
    files = theme_files(layouts_dir)
    if name not in files:
        raise LayoutError(_("unknown theme {name!r}; available: {names}. See 'bannerkit themes'.").format(
            name=name, names=", ".join(sorted(files))))
    return _read(name, files[name])


@file_cache
def _read(name: str, path: Path) -> Theme:
    try:
        data = read_toml(path)
    except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError) as exc:
        raise LayoutError(_("theme file {path}: {err}").format(
            path=str(path), err=getattr(exc, "strerror", None) or exc)) from None
    return _parse(name, path, data)


def _parse(name: str, path: Path, data: dict[str, Any]) -> Theme:
    def problem(text: str) -> LayoutError:
        return LayoutError(_("theme file {path}: {problem}").format(path=str(path), problem=text))

    colours = data.get("colors", {})
    for token in set(colours) & OFFICIAL:
        raise problem(_("{token!r} is an official flag colour and stays as it is; set the field, ink, accent "
                        "or art colours instead").format(token=token))
    finish = data.get("field", {})
    if finish.get("kind", "flat") not in FIELD_KINDS:
        raise problem(_("field kind {kind!r}: use one of {kinds}").format(kind=finish.get("kind"),
                                                                        kinds=", ".join(FIELD_KINDS)))
    effects = data.get("effects", {})
    for effect, spec in effects.items():
        unknown = set(spec) - set(EFFECT_FIELDS)
        if unknown:
            raise problem(_("effect {name!r}: unknown field {field!r}; fields: {fields}").format(
                name=effect, field=sorted(unknown)[0], fields=", ".join(EFFECT_FIELDS)))
    return Theme(name=name, description=str(data.get("description", "")),
                 description_vi=str(data.get("description_vi", "")),
                 colors={token: entry if isinstance(entry, str) else color_entry(token, entry, path)
                         for token, entry in colours.items()},
                 field_kind=finish.get("kind", "flat"), field_colors=tuple(finish.get("colors", ())),
                 effects=effects, decor_opacity=float(data.get("decor_opacity", 1.0)))
