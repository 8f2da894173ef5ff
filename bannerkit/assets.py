"""Turn SVG artwork in assets/ (or a user's layouts folder) into elements placed in a box (mm).

Artwork made only of <polygon> shapes (the flags, the star, the emblem) becomes polygons, which
the painters draw exactly and LED boards show in their own colours. Any other SVG becomes an Art
element drawn as SVG by both painters. A colour given as a palette token (data-color for a fill,
data-stroke for a stroke) follows the palette and the theme; other colours stay as written.
Names are plain file names: nothing outside those two folders is opened, and an SVG that would
run scripts or fetch anything (script, foreignObject, image, style, links outside the file) is
refused.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from .caches import file_cache, lru_file_cache
from .errors import LayoutError
from .i18n import _
from .model import Art, Box, Color, Point, Polygon
from .palette import Palette, resolve_color
from .resources import data_folder, read_limited

_SVG = "{http://www.w3.org/2000/svg}"
_REFUSED = {"script", "foreignObject", "image", "style", "iframe", "feImage"}
_TOKENS = (("data-color", "fill"), ("data-stroke", "stroke"))
ViewBox = tuple[float, float, float, float]


@dataclass(frozen=True, eq=False)  # one object a file (load_asset): compared and hashed as itself
class Asset:
    view_box: tuple[float, float, float, float]  # min x, min y, width, height
    shapes: tuple[tuple[str, tuple[Point, ...]], ...] = ()  # colour token or #RRGGBB, polygon
    markup: str = ""  # any other artwork: its SVG, colour tokens written @c0, @c1...
    tokens: tuple[str, ...] = ()  # what @c0, @c1... stand for

    @property
    def aspect(self) -> float:
        return self.view_box[2] / self.view_box[3]


def find_file(name: str, folder: str, layouts_dir: Path | None) -> Path:
    """A bare file name looked up in the user's layouts folder, then in the built-in folder. A
    design asks for its fonts and flags dozens of times: the answer is kept while the user's
    folder is unchanged (a file added or removed changes the folder's modification time)."""
    stamp = layouts_dir.stat().st_mtime_ns if layouts_dir is not None and layouts_dir.is_dir() else 0
    return _find_file(name, folder, layouts_dir, stamp)


@file_cache
def _find_file(name: str, folder: str, layouts_dir: Path | None, _stamp: int) -> Path:
    if not name or Path(name).name != name or name.startswith("."):
        raise LayoutError(_("{name!r} is not a plain file name; put the file in your layouts folder "
                            "or in {folder}/ and give its name only").format(name=name, folder=folder))
    for base in ([layouts_dir] if layouts_dir else []) + [data_folder(folder)]:
        if (base / name).is_file():
            found = (base / name).resolve()
            if not found.is_relative_to(base.resolve()):
                raise LayoutError(_("{path} is a link to {target}, outside the folder; copy the file itself "
                                    "into the folder").format(path=str(base / name), target=str(found)))
            return found
    raise LayoutError(_("{folder} file {name!r} not found in {places}").format(
        folder=folder, name=name,
        places=", ".join(str(b) for b in ([layouts_dir] if layouts_dir else []) + [data_folder(folder)])))


def load_asset(name: str, layouts_dir: Path | None = None) -> Asset:
    return _parse(find_file(name, "assets", layouts_dir))


@file_cache
def _parse(path: Path) -> Asset:
    try:
        root = ET.fromstring(read_limited(path))
        view_box = cast(ViewBox, tuple(float(v) for v in root.attrib["viewBox"].replace(",", " ").split()))
        drawn = [e for e in root if _local(e.tag) not in ("title", "desc", "metadata")]
        if drawn and all(_local(e.tag) == "polygon" for e in drawn):
            asset = Asset(view_box, shapes=tuple((e.get("data-color") or e.attrib["fill"], _points(e.attrib["points"]))
                                                 for e in drawn))
        else:
            asset = _artwork(path, view_box, drawn)
    except (ET.ParseError, KeyError, ValueError, OSError) as exc:
        raise LayoutError(_("asset {path}: {err}; an asset is an SVG with a viewBox").format(
            path=str(path), err=exc)) from None
    if len(view_box) != 4 or not drawn or not all(math.isfinite(v) for v in view_box) or min(view_box[2:]) <= 0:
        raise LayoutError(_("asset {path} needs a viewBox of four numbers with a positive width and height, and "
                            "something to draw").format(path=str(path)))
    return asset


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _artwork(path: Path, view_box: ViewBox, drawn: list[ET.Element]) -> Asset:
    """The drawing's markup with its colour tokens numbered, refused if it could run or fetch anything."""
    for element in (e for top in drawn for e in top.iter()):
        name = _local(element.tag)
        links = [v for k, v in element.attrib.items() if _local(k) == "href" and not v.startswith("#")]
        if name in _REFUSED or links or any(_local(k).startswith("on") for k in element.attrib):
            raise LayoutError(_("asset {path}: <{name}> {what} is not allowed in artwork; draw with shapes and "
                                "paths only").format(path=str(path), name=name, what=" ".join(links)))
    markup, tokens = _numbered(drawn)
    return Asset(view_box, markup=markup, tokens=tokens)


def _numbered(drawn: list[ET.Element]) -> tuple[str, tuple[str, ...]]:
    tokens: list[str] = []
    for element in (e for top in drawn for e in top.iter()):
        element.tag = _local(element.tag)
        for data, attribute in _TOKENS:
            if data in element.attrib:
                token = element.attrib.pop(data)
                tokens += [token] if token not in tokens else []
                element.set(attribute, f"@c{tokens.index(token)}")
    return "".join(ET.tostring(e, encoding="unicode") for e in drawn), tuple(tokens)


def art(markup: str, view_box: tuple[float, float, float, float], box: Box, palette: Palette,
        opacity: float = 1.0) -> Art:
    """bannerkit's own drawing (artwork.py: a ribbon, a frame) as an Art element in the box."""
    drawn, tokens = _numbered(list(ET.fromstring(f'<svg xmlns="http://www.w3.org/2000/svg">{markup}</svg>')))
    return Art(drawn, view_box, box, tuple(resolve_color(t, palette) for t in tokens), opacity)


def _points(text: str) -> tuple[Point, ...]:
    values = [float(v) for v in text.replace(",", " ").split()]
    return tuple(zip(values[0::2], values[1::2]))


def place(asset: Asset, box: Box, palette: Palette, *, color: str = "",
          opacity: float = 1.0) -> tuple[Box, list[Polygon | Art]]:
    """The asset scaled to fit the box, centred, proportions kept (a flag is never stretched).
    `color` draws every palette token in that one colour (a watermark)."""
    min_x, min_y, width, height = asset.view_box
    scale = min(box.width / width, box.height / height)
    x0 = box.x + (box.width - width * scale) / 2
    y0 = box.y + (box.height - height * scale) / 2
    placed = Box(x0, y0, width * scale, height * scale)
    if asset.markup:
        colours = tuple(resolve_color(color or token, palette) for token in asset.tokens)
        return placed, [Art(asset.markup, asset.view_box, placed, colours, opacity)]
    colours = tuple(resolve_color(color or token, palette) for token, _points in asset.shapes)
    return placed, list(_polygons(asset, x0, y0, scale, colours))


@lru_file_cache(maxsize=256)
def _polygons(asset: Asset, x0: float, y0: float, scale: float, colours: tuple[Color, ...]) -> tuple[Polygon, ...]:
    """The asset's shapes moved and scaled: a layout places the same flags on every pass."""
    min_x, min_y = asset.view_box[:2]
    return tuple(Polygon(tuple((x0 + (x - min_x) * scale, y0 + (y - min_y) * scale) for x, y in points), colour)
                 for (_token, points), colour in zip(asset.shapes, colours))
