"""The frozen records passed from one pipeline stage to the next (lengths in millimetres)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

MM_PER_INCH = 25.4


@dataclass(frozen=True)
class Source:
    """The document an official text is copied from, as the document names itself."""

    key: str
    issuer: str
    place: str
    type: str
    title: str
    basis: str
    section: str
    seed: str

    def citation(self) -> str:
        return f"{self.type} {self.title} — {self.issuer} {self.place}"


@dataclass(frozen=True)
class Slogan:
    id: int
    text: str
    source: Source


@dataclass(frozen=True)
class Theme:
    id: int
    text: str
    source: Source


@dataclass(frozen=True)
class Anniversary:
    id: str
    text: str
    years: int
    start: dt.date
    date: dt.date
    source: Source
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


@dataclass(frozen=True)
class TextLine:
    text: str
    x: float
    baseline: float
    width: float


@dataclass(frozen=True)
class TextBlock:
    lines: tuple[TextLine, ...]
    font: FontFace
    size: float  # em size in mm
    color: Color
    ink: Box  # the block's ink extent, stacked diacritics included
    frame: Box  # the box the text was fitted into


Element = Polygon | TextBlock


@dataclass(frozen=True)
class Group:
    """The elements one layout block produced, inside the region it was given."""

    name: str
    region: Box
    elements: tuple[Element, ...]


@dataclass(frozen=True)
class Scene:
    """Everything a painter needs, in absolute millimetres from the top-left corner."""

    width: float
    height: float
    background: Color
    groups: tuple[Group, ...]
    safe: Box

    @property
    def elements(self) -> tuple[Element, ...]:
        """Every element in painting order."""
        return tuple(e for group in self.groups for e in group.elements)
