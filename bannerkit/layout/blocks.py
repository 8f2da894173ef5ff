"""Turn one block and its region into drawn elements: fitted text, flags, artwork."""

from __future__ import annotations

import math
from pathlib import Path

from ..assets import find_file, load_asset, place
from ..errors import TextTooLong
from ..model import Box, Color, Element, Polygon, QRCode, SizePreset
from ..palette import Palette, resolve_color
from ..qr import QUIET_MODULES, QRPlan
from ..sizes import min_cap_height_mm
from ..text.fit import TextStyle, fit_text
from ..text.fonts import check_coverage, font_face
from ..text.phrases import Phrases
from .spec import FLAG_ASSETS, BlockSpec

FLAG_ASPECT = 1.5
CAPTION_SHARE = 0.2  # the QR caption's height, share of the code's side
CAPTION_GAP = 0.03


def flags_aspect(block: BlockSpec) -> float:
    """Width / height of a row of flags with its spacing."""
    count = len(block.flags)
    return count * FLAG_ASPECT + (count - 1) * block.spacing


def draw_text(block: BlockSpec, words: str, region: Box, preset: SizePreset, palette: Palette,
              phrases: Phrases, layouts_dir: Path | None, *, max_size: float | None = None) -> list[Element]:
    face = font_face(find_file(block.font, "fonts", layouts_dir))
    check_coverage(face, words)
    min_size = min_cap_height_mm(preset) / face.cap_height
    # A text held below another is never held below legibility: a small board may break the order.
    style = TextStyle(face=face, color=resolve_color(block.color, palette), line_height=block.line_height,
                      max_lines=block.max_lines, min_size=min_size, max_size=max(max_size or math.inf, min_size),
                      fill=block.fill, fill_to=block.fill_to, spread_lines=block.spread_lines)
    return [fit_text(words, style, region, phrases, name=block.name or "text")]


def draw_flags(block: BlockSpec, region: Box, palette: Palette, layouts_dir: Path | None) -> list[Element]:
    """Flags side by side in the listed order (seen from the front), each on an optional plate."""
    height = min(region.height, block.max_width * region.width / flags_aspect(block))
    row = Box(region.x + (region.width - height * flags_aspect(block)) / 2,
              region.y + (region.height - height) / 2, height * flags_aspect(block), height)
    edge = block.border_width * height if block.border else 0.0
    elements: list[Element] = []
    for i, kind in enumerate(block.flags):
        slot = Box(row.x + i * height * (FLAG_ASPECT + block.spacing), row.y, height * FLAG_ASPECT, height)
        flag, polygons = place(load_asset(FLAG_ASSETS[kind], layouts_dir), slot.inset(edge), palette)
        if block.border:
            elements += place_plate(flag.inset(-edge), resolve_color(block.border, palette))
        elements += polygons
    return elements


def draw_asset(block: BlockSpec, region: Box, palette: Palette, layouts_dir: Path | None) -> list[Element]:
    width = region.width * block.max_width
    box = Box(region.x + (region.width - width) / 2, region.y, width, region.height)
    return list(place(load_asset(block.asset, layouts_dir), box, palette)[1])


def draw_qr(block: BlockSpec, plan: QRPlan, region: Box, preset: SizePreset, palette: Palette,
            phrases: Phrases, layouts_dir: Path | None) -> list[Element]:
    """The code on a light plate, its corner on the raster's pixel grid, the caption below if legible."""
    k = preset.px_per_mm
    x, y = math.floor(region.x * k + 1e-6) / k, math.floor(region.y * k + 1e-6) / k
    code = QRCode(x=x, y=y, module=plan.module, quiet=QUIET_MODULES, matrix=plan.matrix,
                  dark=resolve_color("black", palette), light=resolve_color("white", palette))
    caption_box = Box(region.x, y + code.size + CAPTION_GAP * code.size, region.width,
                      region.bottom - y - code.size * (1 + CAPTION_GAP))
    if not block.caption or caption_box.height <= 0:
        return [code]
    try:
        return [code, *draw_text(block, block.caption, caption_box, preset, palette, phrases, layouts_dir)]
    except TextTooLong:
        return [code]  # a caption too small to read is left out (and reported); the code still scans


def qr_region_size(plan: QRPlan) -> tuple[float, float]:
    """Width and height a QR block needs: the code and its caption below."""
    return plan.size, plan.size * (1 + CAPTION_GAP + CAPTION_SHARE)


def place_plate(box: Box, colour: Color) -> list[Element]:
    return [Polygon(((box.x, box.y), (box.right, box.y), (box.right, box.bottom), (box.x, box.bottom)), colour)]
