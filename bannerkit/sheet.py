"""Turn a set of renders into one contact sheet: thumbnails with labels, for review and approval."""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import cache, lru_cache

from PIL import Image, ImageDraw, ImageFont

from .assets import find_file
from .output import files_moment

BACKGROUND = "#F2F2F2"
LABEL_COLOUR = "#222222"
LABEL_FONT = "BeVietnamPro-Medium.ttf"


@cache
def _label_font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(find_file(LABEL_FONT, "fonts", None)), size)


def _fitted(text: str, size: int, width: int) -> tuple[str, ImageFont.FreeTypeFont]:
    """The label within its tile: smaller when it would run into its neighbour (down to 3/4
    size), then cut short with an ellipsis."""
    font = _label_font(size)
    length = font.getlength(text)
    if length <= width:
        return text, font
    font = _label_font(max(int(size * width / length), round(size * 0.75)))
    while len(text) > 1 and font.getlength(text) > width:
        text = text[:-2].rstrip() + "…"
    return text, font


def contact_sheet(tiles: Sequence[tuple[str, Image.Image]], *, tile: int = 360, columns: int = 4,
                  margin: int = 16, label_px: int = 15) -> Image.Image:
    """Each image scaled into a `tile`-pixel square (proportions kept), a label of up to two lines
    under each; rows are only as tall as their tallest thumbnail."""
    thumbs = []
    for label, image in tiles:
        thumb = image.copy()
        thumb.thumbnail((tile, tile), Image.Resampling.BOX)
        thumbs.append((label.split("\n")[:2], thumb))
    rows = [thumbs[i:i + columns] for i in range(0, len(thumbs), columns)]
    label_height = int(label_px * 2.8)
    heights = [max(t.height for _, t in row) + label_height + margin for row in rows]
    sheet = Image.new("RGB", (columns * (tile + margin) + margin, sum(heights) + margin), BACKGROUND)
    y = margin
    for row, height in zip(rows, heights):
        image_height = height - label_height - margin
        for n, (lines, thumb) in enumerate(row):
            x = margin + n * (tile + margin)
            sheet.paste(thumb, (x + (tile - thumb.width) // 2, y + image_height - thumb.height))
            sheet.paste(_label(tuple(lines), tile, label_px), (x, y + image_height + 4))
        y += height
    return sheet


@lru_cache(maxsize=512)
def _label(lines: tuple[str, ...], width: int, label_px: int) -> Image.Image:
    """A tile's label, drawn once a process: every unit's sheet has the same ones."""
    label = Image.new("RGB", (width, label_px * 3), BACKGROUND)
    draw = ImageDraw.Draw(label)
    for i, line in enumerate(lines):
        text, font = _fitted(line, label_px, width)
        draw.text((width / 2, i * label_px * 1.25), text, font=font, fill=LABEL_COLOUR, anchor="mt")
    return label


def sheet_pdf(sheet: Image.Image, dpi: float = 150) -> bytes:
    """The contact sheet as a one-page PDF, to print or send by mail."""
    buffer = io.BytesIO()
    moment = files_moment().timetuple()  # Pillow writes a time tuple as a PDF date
    sheet.save(buffer, "PDF", resolution=dpi, creationDate=moment, modDate=moment)
    return buffer.getvalue()
