"""Turn a set of renders into one contact sheet: thumbnails with labels, for review and approval."""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image, ImageDraw

from .assets import find_file
from .text.fonts import raster_font

BACKGROUND = "#F2F2F2"
LABEL_COLOUR = "#222222"
LABEL_FONT = "BeVietnamPro-Medium.ttf"


def contact_sheet(tiles: Sequence[tuple[str, Image.Image]], *, tile: int = 360, columns: int = 4,
                  margin: int = 16, label_px: int = 15) -> Image.Image:
    """Each image scaled into a `tile`-pixel square (proportions kept), a label under each."""
    rows = (len(tiles) + columns - 1) // columns
    label_height = int(label_px * 2.6)
    cell_w, cell_h = tile + margin, tile + label_height + margin
    sheet = Image.new("RGB", (columns * cell_w + margin, rows * cell_h + margin), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    font = raster_font(find_file(LABEL_FONT, "fonts", None), label_px)
    for n, (label, image) in enumerate(tiles):
        x, y = margin + (n % columns) * cell_w, margin + (n // columns) * cell_h
        thumb = image.copy()
        thumb.thumbnail((tile, tile), Image.Resampling.LANCZOS)
        sheet.paste(thumb, (x + (tile - thumb.width) // 2, y + tile - thumb.height))
        for i, text in enumerate(label.split("\n")[:2]):
            draw.text((x + tile / 2, y + tile + 4 + i * label_px * 1.25), text, font=font, fill=LABEL_COLOUR, anchor="mt")
    return sheet
