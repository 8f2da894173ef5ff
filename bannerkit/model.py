"""The frozen records passed from one pipeline stage to the next (lengths in millimetres)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

MM_PER_INCH = 25.4


@dataclass(frozen=True)
class Document:
    """A plan or guidance document, as the seed documents name and cite it."""

    id: str
    type: str
    number: str
    date: str
    issuer: str
    place: str
    title: str
    basis: str  # the id of the document it implements, if any
    section: str
    seed: str

    def citation(self) -> str:
        """As documents cite each other: 'Hướng dẫn số 176-HD/BTGTW ngày 10/12/2024 của Ban Tuyên
        giáo Trung ương về ...', or 'Kế hoạch của Ban Thường vụ Thành ủy Cần Thơ về ...'."""
        issuer = " ".join(part for part in (self.issuer, self.place) if part)
        number = f" số {self.number} ngày {self.date}" if self.number else ""
        about = self.title if self.title.startswith("về ") else f"về {self.title}"
        return f"{self.type}{number} của {issuer} {about}"


@dataclass(frozen=True)
class Slogan:
    id: int
    text: str
    source: Document


@dataclass(frozen=True)
class Theme:
    id: int
    text: str
    source: Document


@dataclass(frozen=True)
class Anniversary:
    id: str
    text: str
    years: int
    start: dt.date
    date: dt.date
    source: Document
    date_note: str = ""


@dataclass(frozen=True)
class SizePreset:
    """A physical format; pixel-native presets (LED, social) keep their exact pixel size."""

    name: str
    kind: str
    label: str
    width_mm: float
    height_mm: float
    dpi: float
    viewing_distance_m: float
    pixel_native: bool = False
    scan_distance_m: float = 0.0  # where people stand to scan a QR code; 0: the viewing distance
    # Bands kept free of the design, shares of the height: a pennant's pole sleeve, the interface a
    # social platform lays over a story.
    clear_top: float = 0.0
    clear_bottom: float = 0.0

    @property
    def scan_distance(self) -> float:
        return self.scan_distance_m or self.viewing_distance_m

    @property
    def px_per_mm(self) -> float:
        return self.dpi / MM_PER_INCH

    @property
    def width_px(self) -> int:
        return round(self.width_mm * self.px_per_mm)

    @property
    def height_px(self) -> int:
        return round(self.height_mm * self.px_per_mm)


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def moved(self, dy: float) -> Box:
        return Box(self.x, self.y + dy, self.width, self.height)

    def overlaps(self, other: Box) -> bool:
        return self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom

    def inset(self, margin: float) -> Box:
        return Box(self.x + margin, self.y + margin, self.width - 2 * margin, self.height - 2 * margin)


@dataclass(frozen=True)
class FontFace:
    """A font file and the vertical metrics both painters need to agree on the baseline."""

    path: Path
    family: str
    ascent: float  # em, above the baseline (hhea/typo, as HarfBuzz and Pango read it)
    descent: float  # em, below the baseline, positive
    cap_height: float  # em, height of a flat capital such as H


Point = tuple[float, float]


@dataclass(frozen=True)
class Color:
    """A screen colour and, for print, its CMYK equivalent (0–1) where the palette gives one."""

    rgb: str  # "#RRGGBB"
    cmyk: tuple[float, float, float, float] | None = None


@dataclass(frozen=True)
class Polygon:
    points: tuple[Point, ...]
    fill: Color

    @cached_property
    def bounds(self) -> Box:
        """The box round the points: asked for on every pass while a layout settles."""
        xs, ys = [x for x, _y in self.points], [y for _x, y in self.points]
        return Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


@dataclass(frozen=True)
class TextLine:
    text: str
    x: float
    baseline: float
    width: float


@dataclass(frozen=True)
class Effects:
    """How a text is finished beyond its fill: an outline, a soft shadow, a gradient (lengths in mm)."""

    outline: Color | None = None
    outline_width: float = 0.0  # how far the outline reaches beyond the glyphs
    shadow: Color | None = None
    shadow_offset: Point = (0.0, 0.0)
    shadow_blur: float = 0.0  # the shadow's soft edge
    shadow_opacity: float = 0.0
    gradient: tuple[Color, ...] = ()  # fill from the capitals' top to the baseline, evenly spaced stops


@dataclass(frozen=True)
class TextBlock:
    lines: tuple[TextLine, ...]
    font: FontFace
    size: float  # em size in mm
    color: Color
    ink: Box  # the block's ink extent, stacked diacritics included
    frame: Box  # the box the text was fitted into
    effects: Effects | None = None

    @property
    def cap_height(self) -> float:
        """Height of its capitals in mm: how large a text reads, whatever its font."""
        return self.size * self.font.cap_height


@dataclass(frozen=True)
class QRCode:
    """A QR code on its light plate; the plate includes the quiet zone. Lengths in mm."""

    x: float
    y: float
    module: float
    quiet: int
    matrix: tuple[tuple[bool, ...], ...]
    dark: Color
    light: Color

    @property
    def size(self) -> float:
        return (len(self.matrix) + 2 * self.quiet) * self.module


@dataclass(frozen=True)
class Art:
    """Vector artwork: SVG markup in its own view box, drawn into `box` (stretched to it: the
    layout keeps the proportions). Colours in the markup are written "@c0", "@c1"... and stand
    for `colors`, so each painter writes them its own way (sRGB for screens, CMYK for print)."""

    markup: str
    view_box: tuple[float, float, float, float]
    box: Box
    colors: tuple[Color, ...]
    opacity: float = 1.0


@dataclass(frozen=True)
class Picture:
    """A raster image (a portrait, a logo) in a slot: scaled to cover or to fit the box, cropped
    to the box's shape."""

    path: Path
    box: Box
    fit: str = "cover"  # "cover": fill the box, cropping; "contain": all of the image, centred
    shape: str = "rect"  # "rect", "rounded" or "circle"
    pixels: tuple[int, int] = (0, 0)  # the image's own size


@dataclass(frozen=True)
class Field:
    """The page's field in bands of blended colour, outermost (or top) first: "radial" bands are
    ellipses of the box's proportions shrinking to its centre from 0.75 of its size (so the first
    covers the corners), "linear" bands run from the top down. Flat bands keep print colours CMYK
    (paint.blend)."""

    kind: str
    bands: tuple[Color, ...]
    box: Box

    RADIAL_REACH = 0.75


Element = Polygon | TextBlock | QRCode | Art | Picture | Field


def extent(element: Element) -> Box:
    """The box an element covers on the page."""
    if isinstance(element, TextBlock):
        return element.ink
    if isinstance(element, QRCode):
        return Box(element.x, element.y, element.size, element.size)
    if isinstance(element, Art | Picture | Field):
        return element.box
    return element.bounds


def shifted(element: Element, dy: float) -> Element:
    """The element moved down by dy millimetres."""
    if isinstance(element, TextBlock):
        lines = tuple(dataclasses.replace(line, baseline=line.baseline + dy) for line in element.lines)
        return dataclasses.replace(element, lines=lines, ink=element.ink.moved(dy), frame=element.frame.moved(dy))
    if isinstance(element, QRCode):
        return dataclasses.replace(element, y=element.y + dy)
    if isinstance(element, Art | Picture | Field):
        return dataclasses.replace(element, box=element.box.moved(dy))
    return dataclasses.replace(element, points=tuple((x, y + dy) for x, y in element.points))


def union(boxes: list[Box]) -> Box | None:
    if not boxes:
        return None
    left, top = min(b.x for b in boxes), min(b.y for b in boxes)
    return Box(left, top, max(b.right for b in boxes) - left, max(b.bottom for b in boxes) - top)


@dataclass(frozen=True)
class Group:
    """The elements one layout block produced, inside the region it was given."""

    name: str
    region: Box
    elements: tuple[Element, ...]

    @property
    def extent(self) -> Box | None:
        """What the block covers, or None when it drew nothing."""
        return union([extent(e) for e in self.elements])

    def moved(self, dy: float) -> Group:
        return Group(self.name, self.region.moved(dy), tuple(shifted(e, dy) for e in self.elements))


DECORATION = ("field", "decor")  # the groups layout.decor paints behind the blocks


@dataclass(frozen=True)
class Scene:
    """Everything a painter needs, in absolute millimetres from the top-left corner."""

    width: float
    height: float
    background: Color
    groups: tuple[Group, ...]
    safe: Box
    left_out: tuple[str, ...] = ()  # optional blocks that gave way for want of room, by name

    def pixels(self, px_per_mm: float) -> tuple[int, int]:
        """The raster size at a density: the preset's, or a strip's own width."""
        return round(self.width * px_per_mm), round(self.height * px_per_mm)

    @property
    def elements(self) -> tuple[Element, ...]:
        """Every element in painting order."""
        return tuple(e for group in self.groups for e in group.elements)

    @property
    def blocks(self) -> tuple[Group, ...]:
        """The layout's blocks, without the field and decorations painted behind them."""
        return tuple(g for g in self.groups if g.name not in DECORATION)
