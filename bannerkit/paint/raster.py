"""Turn a Scene into a Pillow image at the preset's exact pixel size."""

from __future__ import annotations

import math

from PIL import Image, ImageDraw

from ..model import Polygon, QRCode, Scene, TextBlock
from ..text.fonts import raster_font

# Shapes are drawn at 4× and reduced, which gives their edges 16 levels of anti-aliasing.
SUPERSAMPLE = 4


def paint_raster(scene: Scene, width_px: int, height_px: int) -> Image.Image:
    image = Image.new("RGB", (width_px, height_px), scene.background.rgb)
    sx, sy = width_px / scene.width, height_px / scene.height
    for element in scene.elements:
        if isinstance(element, Polygon):
            _fill_polygon(image, element, sx, sy)
        elif isinstance(element, QRCode):
            _draw_qr(image, element, sx, sy)
        else:
            _draw_text(image, element, sx, sy)
    return image


def _draw_qr(image: Image.Image, code: QRCode, sx: float, sy: float) -> None:
    """Pixel-exact: the layout put the code's corner and module size on the pixel grid."""
    draw = ImageDraw.Draw(image)
    x0, y0, module = round(code.x * sx), round(code.y * sy), round(code.module * sx)
    side = (len(code.matrix) + 2 * code.quiet) * module
    draw.rectangle((x0, y0, x0 + side - 1, y0 + side - 1), fill=code.light.rgb)
    for row, cells in enumerate(code.matrix):
        for col, dark in enumerate(cells):
            if dark:
                x, y = x0 + (code.quiet + col) * module, y0 + (code.quiet + row) * module
                draw.rectangle((x, y, x + module - 1, y + module - 1), fill=code.dark.rgb)


def _fill_polygon(image: Image.Image, polygon: Polygon, sx: float, sy: float) -> None:
    xs = [x * sx for x, _ in polygon.points]
    ys = [y * sy for _, y in polygon.points]
    x0, y0 = max(math.floor(min(xs)), 0), max(math.floor(min(ys)), 0)
    x1, y1 = min(math.ceil(max(xs)), image.width), min(math.ceil(max(ys)), image.height)
    if x1 <= x0 or y1 <= y0:
        return
    mask = Image.new("L", ((x1 - x0) * SUPERSAMPLE, (y1 - y0) * SUPERSAMPLE), 0)
    points = [((x - x0) * SUPERSAMPLE, (y - y0) * SUPERSAMPLE) for x, y in zip(xs, ys)]
    ImageDraw.Draw(mask).polygon(points, fill=255)
    image.paste(polygon.fill.rgb, (x0, y0, x1, y1), mask.reduce(SUPERSAMPLE))


def _draw_text(image: Image.Image, block: TextBlock, sx: float, sy: float) -> None:
    draw = ImageDraw.Draw(image)
    font = raster_font(block.font.path, block.size * sy)
    for line in block.lines:
        draw.text((line.x * sx, line.baseline * sy), line.text, font=font, fill=block.color.rgb, anchor="ls")
