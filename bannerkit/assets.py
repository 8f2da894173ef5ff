"""Turn SVG artwork in assets/ (or a user's layouts folder) into polygons placed in a box (mm).

Only <polygon> shapes are read; each fill comes from its data-color palette token, else its
fill attribute. Names are plain file names: nothing outside those two folders is opened.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from .caches import file_cache
from .errors import LayoutError
from .i18n import _
from .model import Box, Point, Polygon
from .palette import Palette, resolve_color
from .resources import data_folder, read_limited

_SVG = "{http://www.w3.org/2000/svg}"


@dataclass(frozen=True)
class Asset:
    view_box: tuple[float, float, float, float]  # min x, min y, width, height
    shapes: tuple[tuple[str, tuple[Point, ...]], ...]  # colour token or #RRGGBB, polygon

    @property
    def aspect(self) -> float:
        return self.view_box[2] / self.view_box[3]


def find_file(name: str, folder: str, layouts_dir: Path | None) -> Path:
    """A bare file name looked up in the user's layouts folder, then in the built-in folder."""
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
        view_box = tuple(float(v) for v in root.attrib["viewBox"].replace(",", " ").split())
        shapes = tuple((poly.get("data-color") or poly.attrib["fill"], _points(poly.attrib["points"]))
                       for poly in root.iter(f"{_SVG}polygon"))
    except (ET.ParseError, KeyError, ValueError, OSError) as exc:
        raise LayoutError(_("asset {path}: {err}; an asset is an SVG with a viewBox and <polygon> shapes").format(
            path=str(path), err=exc)) from None
    if len(view_box) != 4 or not shapes or not all(math.isfinite(v) for v in view_box) or min(view_box[2:]) <= 0:
        raise LayoutError(_("asset {path} needs a viewBox of four numbers with a positive width and height, and "
                            "<polygon> shapes").format(path=str(path)))
    return Asset(view_box, shapes)


def _points(text: str) -> tuple[Point, ...]:
    values = [float(v) for v in text.replace(",", " ").split()]
    return tuple(zip(values[0::2], values[1::2]))


def place(asset: Asset, box: Box, palette: Palette) -> tuple[Box, list[Polygon]]:
    """The asset scaled to fit the box, centred, proportions kept (a flag is never stretched)."""
    min_x, min_y, width, height = asset.view_box
    scale = min(box.width / width, box.height / height)
    x0 = box.x + (box.width - width * scale) / 2
    y0 = box.y + (box.height - height * scale) / 2
    polygons = [Polygon(tuple((x0 + (x - min_x) * scale, y0 + (y - min_y) * scale) for x, y in points),
                        resolve_color(colour, palette)) for colour, points in asset.shapes]
    return Box(x0, y0, width * scale, height * scale), polygons
