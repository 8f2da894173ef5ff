"""The sheet round a print design: the bleed the field runs into past the trim, crop marks and
registration targets outside the bleed, and the PDF boxes that tell a RIP where to cut.

The design is laid out at its trim (the nominal size); only the field (the background and a
theme's gradient) and artwork crossing the edge continue into the bleed, clipped at its edge.
Defaults per kind of size are in bannerkit/data/print.toml; docs/print.md gives their reasons.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from ..caches import file_cache
from ..model import Box, Field, Scene
from ..resources import package_data, read_toml

PT_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class Sheet:
    """The PDF page round a design, in mm: `margin` from the sheet's edge to the trim."""

    width: float
    height: float
    margin: float
    bleed: float
    marks: str = ""  # SVG markup of the marks in the sheet's millimetres

    def boxes(self, trim_width: float, trim_height: float, scale: float) -> dict[str, list[float]]:
        """TrimBox and BleedBox in PDF units (points divided by the page's user unit)."""
        k = PT_PER_MM / scale
        trim = [self.margin, self.margin, self.margin + trim_width, self.margin + trim_height]
        bleed = [trim[0] - self.bleed, trim[1] - self.bleed, trim[2] + self.bleed, trim[3] + self.bleed]
        return {"TrimBox": [v * k for v in trim], "BleedBox": [v * k for v in bleed]}


@file_cache
def _settings() -> dict:
    return read_toml(package_data("print.toml"))


def finish_for(kind: str) -> str:
    """What --finish marks on a kind of size: "hem", "sleeve", or nothing (posters, screens)."""
    return str(_settings()["finish"]["kinds"].get(kind, ""))


def default_bleed(kind: str) -> float:
    """The bleed for a kind of size (mm); kinds not listed get the poster's."""
    bleeds = _settings()["bleed"]
    return float(bleeds.get(kind, bleeds["poster"]))


def sheet_for(scene: Scene, bleed: float, marks: bool, registration: str, finish: str = "",
              sleeve: float = 0.0) -> Sheet:
    """The sheet for a design: the trim, the bleed and, with marks, room for them outside it.
    `registration` is the marks' colour as the PDF writes it. `finish` ("hem" or "sleeve") adds
    the finishing marks in the bleed: fold lines and grommets, or a pennant's sleeve seam `sleeve`
    mm below the top of the trim."""
    spec = _settings()["marks"]
    margin = bleed + spec["offset"] + spec["length"] + 2 if marks else bleed
    width, height = scene.width + 2 * margin, scene.height + 2 * margin
    drawn = _marks(width, height, margin, bleed, spec, registration) if marks else ""
    if finish and bleed > 0:
        drawn += _finishing(finish, margin, scene.width, scene.height, bleed, sleeve, registration)
    return Sheet(width, height, margin, bleed, drawn)


def _finishing(finish: str, margin: float, width: float, height: float, bleed: float, sleeve: float,
               colour: str) -> str:
    """Dashed fold lines along the trim; grommets every `grommet_spacing` mm in the hem of banners
    and panels (one in each corner, the rest evenly between); the sleeve seam of a pennant."""
    spec = _settings()["finish"]
    left, top, right, bottom = margin, margin, margin + width, margin + height
    folds = f"M{left:.3f} {top:.3f}H{right:.3f}V{bottom:.3f}H{left:.3f}Z"
    if finish == "sleeve":
        folds += f"M{left:.3f} {top + sleeve:.3f}H{right:.3f}"
    stroke = spec["weight_pt"] / PT_PER_MM
    parts = [f'<path d="{folds}" fill="none" stroke="{colour}" stroke-width="{stroke:.4f}" '
             f'stroke-dasharray="{spec["dash"]} {spec["dash"]}"/>']
    if finish == "hem":
        r, inset = spec["grommet_diameter"] / 2, bleed * spec["grommet_inset"]
        centres = grommets(left - inset, top - inset, right + inset, bottom + inset, spec["grommet_spacing"])
        rings = [f"M{x + r:.3f} {y:.3f}A{r} {r} 0 1 0 {x - r:.3f} {y:.3f}A{r} {r} 0 1 0 {x + r:.3f} {y:.3f}"
                 for x, y in centres]
        parts.append(f'<path d="{"".join(rings)}" fill="none" stroke="{colour}" stroke-width="{stroke:.4f}"/>')
    return "".join(parts)


def grommets(left: float, top: float, right: float, bottom: float, spacing: float) -> list[tuple[float, float]]:
    """Grommet centres round a rectangle: the four corners, then evenly along each side no more
    than `spacing` apart."""
    points: list[tuple[float, float]] = []
    for (x0, y0), (x1, y1) in (((left, top), (right, top)), ((right, top), (right, bottom)),
                               ((right, bottom), (left, bottom)), ((left, bottom), (left, top))):
        steps = max(1, math.ceil(math.hypot(x1 - x0, y1 - y0) / spacing - 1e-9))
        points += [(x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps) for i in range(steps)]
    return points


def _marks(width: float, height: float, margin: float, bleed: float, spec: dict, colour: str) -> str:
    """Crop marks in line with the trim at each corner, starting `offset` outside the bleed, and a
    registration target (circle and cross) at the middle of each side."""
    start, length = bleed + spec["offset"], spec["length"]
    left, top, right, bottom = margin, margin, width - margin, height - margin
    lines = []
    for x, dx in ((left, -1), (right, 1)):
        for y, dy in ((top, -1), (bottom, 1)):
            lines.append(f"M{x + dx * start:.3f} {y:.3f}h{dx * length:.3f}")  # along the trim's top or bottom
            lines.append(f"M{x:.3f} {y + dy * start:.3f}v{dy * length:.3f}")  # along its side
    r = spec["target"] / 2
    middle = start + length / 2
    for cx, cy in ((width / 2, top - middle), (width / 2, bottom + middle), (left - middle, height / 2),
                   (right + middle, height / 2)):
        lines.append(f"M{cx - r:.3f} {cy:.3f}h{2 * r:.3f}M{cx:.3f} {cy - r:.3f}v{2 * r:.3f}"
                     f"M{cx + r * 0.7:.3f} {cy:.3f}A{r * 0.7:.3f} {r * 0.7:.3f} 0 1 0 {cx - r * 0.7:.3f} {cy:.3f}"
                     f"A{r * 0.7:.3f} {r * 0.7:.3f} 0 1 0 {cx + r * 0.7:.3f} {cy:.3f}")
    stroke = spec["weight_pt"] / PT_PER_MM
    return f'<path d="{"".join(lines)}" fill="none" stroke="{colour}" stroke-width="{stroke:.4f}"/>'


def bled(scene: Scene, bleed: float) -> Scene:
    """The scene with its field grown to cover the bleed (the background colour already does)."""
    if bleed <= 0:
        return scene
    grown = Box(-bleed, -bleed, scene.width + 2 * bleed, scene.height + 2 * bleed)
    groups = tuple(dataclasses.replace(g, elements=tuple(
        dataclasses.replace(e, box=grown) if isinstance(e, Field) else e for e in g.elements)) for g in scene.groups)
    return dataclasses.replace(scene, groups=groups)


@dataclass(frozen=True)
class Window:
    """The part of the sheet one PDF page shows: the whole sheet, or one tile of it (mm)."""

    x: float
    y: float
    width: float
    height: float
    marks: str = ""  # alignment marks at the overlaps, in the window's millimetres


def tiles(sheet: Sheet, roll: float, overlap: float, registration: str) -> list[Window]:
    """The sheet cut into strips no wider than the roll, overlapping by `overlap`, along the side
    that needs fewer (a 10 × 5 m panel on a 3.2 m roll: two 10 m strips, not four 5 m ones). The
    whole sheet when its shorter side fits the roll. Strips are numbered in reading order."""
    if roll <= 0 or min(sheet.width, sheet.height) <= roll:
        return [Window(0.0, 0.0, sheet.width, sheet.height)]
    across = sheet.width <= sheet.height  # True: the width is cut into vertical strips
    length = sheet.width if across else sheet.height
    step = roll - overlap
    count = max(1, -(-(length - overlap) // step)) if step > 0 else 1
    windows = []
    for i in range(int(count)):
        start = i * step
        size = min(roll, length - start)
        marks = _alignment(size, sheet.height if across else sheet.width, overlap, i > 0, i < count - 1, across,
                           registration)
        windows.append(Window(start, 0.0, size, sheet.height, marks) if across
                       else Window(0.0, start, sheet.width, size, marks))
    return windows


def _alignment(size: float, other: float, overlap: float, before: bool, after: bool, across: bool,
               colour: str) -> str:
    """Short lines at both ends of each overlap, at the strip's two edges, to lay strips true."""
    spec = _settings()["marks"]
    ticks = ([0.0, overlap] if before else []) + ([size - overlap, size] if after else [])
    parts = []
    for at in ticks:
        for edge, direction in ((0.0, 1), (other, -1)):
            if across:
                parts.append(f"M{at:.3f} {edge:.3f}v{direction * spec['length']:.3f}")
            else:
                parts.append(f"M{edge:.3f} {at:.3f}h{direction * spec['length']:.3f}")
    stroke = spec["weight_pt"] * 2 / PT_PER_MM
    return f'<path d="{"".join(parts)}" fill="none" stroke="{colour}" stroke-width="{stroke:.4f}"/>' if parts else ""
