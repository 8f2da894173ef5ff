"""Stage 3: turn a layout file, a size and a text into a Scene of boxes in millimetres."""

from __future__ import annotations

import dataclasses
import difflib
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import emblems
from .errors import LayoutError
from .i18n import _
from .model import Box, Element, Scene, SizePreset
from .palette import resolve_color
from .resources import data_folder, read_toml
from .sizes import min_cap_height_mm
from .text.fit import TextStyle, fit_text
from .text.fonts import check_coverage, font_face
from .text.normalise import upper
from .text.phrases import Phrases, load_phrases


@dataclass(frozen=True)
class TextSpec:
    font: str
    color: str
    upper: bool = True
    line_height: float = 1.25
    max_lines: int = 6


@dataclass(frozen=True)
class FlagsSpec:
    order: list[str]
    border: str = "yellow"
    border_width: float = 0.03
    gap: float = 0.3
    top_height: float = 0.24
    top_max_width: float = 0.9
    top_space: float = 0.08
    side_from_aspect: float = 3.0
    side_height: float = 0.8
    side_space: float = 0.04


@dataclass(frozen=True)
class Layout:
    name: str
    path: Path
    description: str
    background: str
    margin: float
    text: TextSpec
    flags: FlagsSpec | None = None


_FLAG_PAINTERS = {"party": emblems.party_flag, "national": emblems.national_flag}


def layout_files(layouts_dir: Path | None = None) -> dict[str, Path]:
    """Layout name -> file; a user's folder overrides the built-in layouts of the same name."""
    folders = [data_folder("layouts")] + ([layouts_dir] if layouts_dir else [])
    return {p.stem: p for folder in folders for p in sorted(folder.glob("*.toml"))}


def load_layout(name: str, layouts_dir: Path | None = None) -> Layout:
    files = layout_files(layouts_dir)
    if name not in files:
        near = difflib.get_close_matches(name, files, n=3, cutoff=0.3) or sorted(files)
        raise LayoutError(_("unknown layout {name!r}; available: {near}").format(name=name, near=", ".join(near)))
    path = files[name]
    try:
        data = read_toml(path)
    except tomllib.TOMLDecodeError as exc:
        raise LayoutError(_("layout file {path}: {err}").format(path=str(path), err=exc)) from None
    return _parse(name, path, data)


def _parse(name: str, path: Path, data: dict[str, Any]) -> Layout:
    text = _record(TextSpec, data.get("text"), path, "text")
    flags = _record(FlagsSpec, data["flags"], path, "flags") if "flags" in data else None
    top = {k: v for k, v in data.items() if k not in ("text", "flags")}
    layout = _record(Layout, {"name": name, "path": path, **top, "text": text, "flags": flags}, path, "")
    for colour in (layout.background, text.color) + ((flags.border,) if flags else ()):
        resolve_color(colour)
    if flags and set(flags.order) - set(_FLAG_PAINTERS):
        raise LayoutError(_("layout file {path}: field flags.order: flags are 'party' and 'national'").format(path=str(path)))
    return layout


def _record(cls: type, table: Any, path: Path, section: str) -> Any:
    """Build a spec record, naming the file and the field when a field is missing or wrong."""
    prefix = f"{section}." if section else ""
    if not isinstance(table, dict):
        raise LayoutError(_("layout file {path}: section [{section}] is missing").format(path=str(path), section=section))
    known = {f.name: f for f in dataclasses.fields(cls)}
    for key, value in table.items():
        if key not in known:
            raise LayoutError(_("layout file {path}: unknown field {field!r}; known: {known}").format(
                path=str(path), field=prefix + key, known=", ".join(known)))
    try:
        return cls(**table)
    except TypeError as exc:
        raise LayoutError(_("layout file {path}: {err}").format(path=str(path), err=exc)) from None


def build_scene(layout: Layout, preset: SizePreset, text: str, *, upper_case: bool | None = None,
                phrases: Phrases | None = None) -> Scene:
    """Place flags and the fitted text inside the safe area of the preset.

    `text` must already be clean (text.normalise.clean_text); `upper_case` overrides the layout.
    """
    safe, flags, text_area = regions(layout, preset)
    spec = layout.text
    face = font_face(spec.font)
    shown = upper(text) if (spec.upper if upper_case is None else upper_case) else text
    check_coverage(face, shown)
    style = TextStyle(face=face, color=resolve_color(spec.color), line_height=spec.line_height,
                      max_lines=spec.max_lines, min_size=min_cap_height_mm(preset) / face.cap_height)
    block = fit_text(shown, style, text_area, phrases or load_phrases())
    return Scene(width=preset.width_mm, height=preset.height_mm, background=resolve_color(layout.background),
                 elements=(*flags, block), safe=safe)


def regions(layout: Layout, preset: SizePreset) -> tuple[Box, list[Element], Box]:
    """The safe area, the flag shapes and the box left for the text."""
    page = Box(0.0, 0.0, preset.width_mm, preset.height_mm)
    safe = page.inset(layout.margin * min(page.width, page.height))
    if layout.flags is None:
        return safe, [], safe
    flags, text_area = _place_flags(layout.flags, safe)
    return safe, flags, text_area


def _place_flags(spec: FlagsSpec, safe: Box) -> tuple[list[Element], Box]:
    """The flag row above the text, or left of it on strip banners; returns what is left for text."""
    count = len(spec.order)
    row_per_height = count / emblems.FLAG_RATIO + (count - 1) * spec.gap
    if safe.width / safe.height >= spec.side_from_aspect:
        height = spec.side_height * safe.height
        row = Box(safe.x, safe.y + (safe.height - height) / 2, height * row_per_height, height)
        space = spec.side_space * safe.width
        rest = Box(row.right + space, safe.y, safe.right - row.right - space, safe.height)
    else:
        height = min(spec.top_height * safe.height, spec.top_max_width * safe.width / row_per_height)
        row = Box(safe.x + (safe.width - height * row_per_height) / 2, safe.y, height * row_per_height, height)
        space = spec.top_space * safe.height
        rest = Box(safe.x, row.bottom + space, safe.width, safe.bottom - row.bottom - space)
    return _flag_row(spec, row), rest


def _flag_row(spec: FlagsSpec, row: Box) -> list[Element]:
    """Flags side by side in `order` (seen from the front), each on a thin border plate."""
    red, yellow, border = resolve_color("red"), resolve_color("yellow"), resolve_color(spec.border)
    edge = spec.border_width * row.height
    flag_height = row.height - 2 * edge
    pitch = row.height * (1 / emblems.FLAG_RATIO + spec.gap)
    elements: list[Element] = []
    for i, kind in enumerate(spec.order):
        flag = Box(row.x + i * pitch + edge, row.y + edge, flag_height / emblems.FLAG_RATIO, flag_height)
        elements.append(emblems.rect(flag.inset(-edge), border))
        elements += _FLAG_PAINTERS[kind](flag, red, yellow)
    return elements
