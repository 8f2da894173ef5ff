"""Turn one block and its region into drawn elements: fitted text, flags, artwork, images."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from pathlib import Path

from ..artwork import ribbon
from ..assets import art, find_file, load_asset, place
from ..errors import LayoutError, TextTooLong
from ..i18n import _
from ..images import SlotImage, check_sharp_enough
from ..model import Art, Box, Color, Element, Picture, Polygon, QRCode, SizePreset, TextBlock
from ..palette import Palette, resolve_color
from ..qr import QUIET_MODULES, QRPlan
from ..sizes import min_cap_height_mm
from ..text.fit import TextStyle, fit_text
from ..text.fonts import check_coverage, font_face
from ..text.phrases import Phrases
from ..themes import Theme
from .spec import FLAG_ASSETS, WAVING_FLAG_ASSETS, BlockSpec

CAPTION_SHARE = 0.2  # the QR caption's height, share of the code's side
CAPTION_GAP = 0.03
# A ribbon's room round its text: above and below (share of the region's height, the lower one
# holds the folded tails) and at each end (in region heights, for the tails).
RIBBON_ROOM = (0.16, 0.3, 0.75)
FRAME_WIDTH = 0.025  # an image's frame, share of the slot's shorter side


@dataclass(frozen=True)
class Finish:
    """What every block draws with: the theme's colours and effects, the job's images, the
    designer's folder."""

    palette: Palette
    theme: Theme
    layouts_dir: Path | None = None
    images: tuple[SlotImage, ...] = ()

    def color(self, token: str) -> Color:
        return resolve_color(token, self.palette)


def flags_aspect(block: BlockSpec, layouts_dir: Path | None = None) -> float:
    """Width / height of a row of flags with its spacing."""
    count = len(block.flags)
    return count * _flag(block, "party", layouts_dir).aspect + (count - 1) * block.spacing


def _flag(block: BlockSpec, kind: str, layouts_dir: Path | None):
    return load_asset((WAVING_FLAG_ASSETS if block.style == "waving" else FLAG_ASSETS)[kind], layouts_dir)


def draw_text(block: BlockSpec, words: str, region: Box, preset: SizePreset, finish: Finish,
              phrases: Phrases, *, max_size: float | None = None) -> list[Element]:
    face = font_face(find_file(block.font, "fonts", finish.layouts_dir))
    check_coverage(face, words)
    min_size = min_cap_height_mm(preset) / face.cap_height
    # A text held below another is never held below legibility: a small board may break the order.
    style = TextStyle(face=face, color=finish.color(block.color), line_height=block.line_height,
                      max_lines=block.max_lines, min_size=min_size, max_size=max(max_size or math.inf, min_size),
                      fill=block.fill, fill_to=block.fill_to, spread_lines=block.spread_lines)
    box = _ribbon_text_box(region) if block.band == "ribbon" else region
    text = fit_text(words, style, box, phrases, name=block.name or "text")
    text = dataclasses.replace(text, effects=finish.theme.effect(block.effect, text.size, finish.palette))
    return [*_ribbon(text, region, finish), text] if block.band == "ribbon" else [text]


def _ribbon_text_box(region: Box) -> Box:
    top, bottom, ends = RIBBON_ROOM
    return Box(region.x + ends * region.height, region.y + top * region.height,
               region.width - 2 * ends * region.height, region.height * (1 - top - bottom))


def _ribbon(text: TextBlock, region: Box, finish: Finish) -> list[Element]:
    """A ribbon band round the text's ink, its tails within the region."""
    cap = text.cap_height
    height = text.ink.height + 0.9 * cap
    width = min(text.ink.width + 1.2 * cap + 1.2 * 0.9 * height, region.width)
    box = Box(text.ink.x + text.ink.width / 2 - width / 2, text.ink.y - 0.45 * cap, width, height * 1.35)
    return [art(ribbon(width, height), (0.0, 0.0, width, height * 1.35), box, finish.palette)]


def draw_flags(block: BlockSpec, region: Box, finish: Finish) -> list[Element]:
    """Flags side by side in the listed order (seen from the front), each on an optional plate;
    waving flags stand on their poles."""
    aspect = flags_aspect(block, finish.layouts_dir)
    height = min(region.height, block.max_width * region.width / aspect)
    row = Box(region.x + (region.width - height * aspect) / 2, region.y + (region.height - height) / 2,
              height * aspect, height)
    edge = block.border_width * height if block.border and block.style == "flat" else 0.0
    elements: list[Element] = []
    for i, kind in enumerate(block.flags):
        asset = _flag(block, kind, finish.layouts_dir)
        slot = Box(row.x + i * height * (asset.aspect + block.spacing), row.y, height * asset.aspect, height)
        flag, drawn = place(asset, slot.inset(edge), finish.palette)
        if edge:
            elements += place_plate(flag.inset(-edge), finish.color(block.border))
        elements += drawn
    return elements


def draw_asset(block: BlockSpec, region: Box, finish: Finish) -> list[Element]:
    width = region.width * block.max_width
    box = Box(region.x + (region.width - width) / 2, region.y, width, region.height)
    return list(place(load_asset(block.asset, finish.layouts_dir), box, finish.palette, opacity=block.opacity)[1])


def draw_image(block: BlockSpec, region: Box, preset: SizePreset, finish: Finish) -> list[Element]:
    """The slot's image at the slot's proportions, centred in the region, with its frame."""
    image = next((i for i in finish.images if i.slot == block.slot), None)
    if image is None:
        return []
    width = min(region.width * block.max_width, region.height * block.aspect)
    height = width / block.aspect
    box = Box(region.x + (region.width - width) / 2, region.y + (region.height - height) / 2, width, height)
    check_sharp_enough(image, (round(width * preset.px_per_mm), round(height * preset.px_per_mm)))
    elements: list[Element] = []
    if block.frame:
        ring = FRAME_WIDTH * min(width, height)
        elements.append(_frame(box.inset(-ring), block.clip, finish.color(block.frame)))
    return [*elements, Picture(image.path, box, block.fit, block.clip, image.pixels)]


def _frame(box: Box, clip: str, colour: Color) -> Art:
    if clip == "circle":
        w, h = box.width / 2, box.height / 2
        shape = f'<ellipse cx="{w}" cy="{h}" rx="{w}" ry="{h}" fill="@c0"/>'
    else:
        radius = 0.08 * min(box.width, box.height) if clip == "rounded" else 0
        shape = f'<rect width="{box.width}" height="{box.height}" rx="{radius}" fill="@c0"/>'
    return Art(shape, (0.0, 0.0, box.width, box.height), box, (colour,))


def check_slots(slots: list[str], images: tuple[SlotImage, ...], layout_name: str) -> None:
    """Every image the job gives has a slot in the layout."""
    for image in images:
        if image.slot not in slots:
            raise LayoutError(_("layout {layout!r} has no {slot!r} slot; its image slots: {slots}").format(
                layout=layout_name, slot=image.slot, slots=", ".join(slots) or _("none")))


def draw_qr(block: BlockSpec, plan: QRPlan, region: Box, preset: SizePreset, finish: Finish,
            phrases: Phrases) -> list[Element]:
    """The code on a light plate, its corner on the raster's pixel grid, the caption below if legible."""
    k = preset.px_per_mm
    x, y = math.floor(region.x * k + 1e-6) / k, math.floor(region.y * k + 1e-6) / k
    code = QRCode(x=x, y=y, module=plan.module, quiet=QUIET_MODULES, matrix=plan.matrix,
                  dark=finish.color("black"), light=finish.color("white"))
    caption_box = Box(region.x, y + code.size + CAPTION_GAP * code.size, region.width,
                      region.bottom - y - code.size * (1 + CAPTION_GAP))
    if not block.caption or caption_box.height <= 0:
        return [code]
    try:
        return [code, *draw_text(block, block.caption, caption_box, preset, finish, phrases)]
    except TextTooLong:
        return [code]  # a caption too small to read is left out (and reported); the code still scans


def qr_region_size(plan: QRPlan) -> tuple[float, float]:
    """Width and height a QR block needs: the code and its caption below."""
    return plan.size, plan.size * (1 + CAPTION_GAP + CAPTION_SHARE)


def place_plate(box: Box, colour: Color) -> list[Element]:
    return [Polygon(((box.x, box.y), (box.right, box.y), (box.right, box.bottom), (box.x, box.bottom)), colour)]
