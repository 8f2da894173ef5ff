"""Paint colours into a palette image as if into RGB and quantized after, without the RGB.

A plain scene written as PNG becomes a palette image anyway (raster.blend_palette). Painting it
in palette indices from the start skips copying a full RGB page and quantizing all of it, over
half of a 3 × 6 m panel's time. Where a colour goes over one palette colour (a slogan on the
field), each coverage level is looked up as the index quantizing the RGB blend would give: the
same pixels. Where it goes over several (a letter over a flag's edge), the region is blended in
RGB from its palette colours and quantized: the same but for a blend of blends. Only the pixels
the colour reaches count: a line's box may take in the next line's accents.
"""

from __future__ import annotations

from functools import lru_cache

from PIL import Image

from ..model import Color

_RAMP = Image.frombytes("L", (256, 1), bytes(range(256)))  # every coverage level, 0 to 255
_COVERED = [0] + [255] * 255
MIN_STRIP = 16  # rows: a box is not halved below this


def paint_colour(image: Image.Image, color: Color, at: tuple[int, int], mask: Image.Image) -> None:
    """Paint `color` through the coverage `mask` with its corner at `at`."""
    if image.mode != "P":
        image.paste(color.rgb, at, mask)
        return
    box = (max(at[0], 0), max(at[1], 0), min(at[0] + mask.width, image.width), min(at[1] + mask.height, image.height))
    if box[2] <= box[0] or box[3] <= box[1]:
        return
    mask = mask if mask.mode == "L" else mask.convert("L")
    if box != (at[0], at[1], at[0] + mask.width, at[1] + mask.height):
        mask = mask.crop((box[0] - at[0], box[1] - at[1], box[2] - at[0], box[3] - at[1]))
    _paint_region(image, color.rgb, box, mask, bytes(image.getpalette() or []))


def _paint_region(image: Image.Image, rgb: str, box: tuple[int, int, int, int], mask: Image.Image,
                  palette: bytes) -> None:
    """One colour under the whole box: paste it whole. Otherwise halve the box until each half
    has one colour under it or is a thin strip (a line's box takes in the next line's accents in
    a few rows only)."""
    under = image.crop(box)
    lowest, highest = under.getextrema()
    if lowest == highest:
        indices = mask.point(_blend_lut(palette, int(lowest), rgb))  # type: ignore[arg-type]
        image.paste(indices.convert("P"), box)  # grey to palette keeps every value: the indices
        return
    height = box[3] - box[1]
    if height > MIN_STRIP:
        middle = height // 2
        _paint_region(image, rgb, (box[0], box[1], box[2], box[1] + middle), mask.crop((0, 0, mask.width, middle)),
                      palette)
        _paint_region(image, rgb, (box[0], box[1] + middle, box[2], box[3]),
                      mask.crop((0, middle, mask.width, height)), palette)
        return
    covered = mask.point(_COVERED)  # the pixels the colour reaches, as a 0/255 mask
    beneath = [index for index, count in enumerate(under.histogram(mask=covered)) if count]
    if len(beneath) == 1:
        indices = mask.point(_blend_lut(palette, beneath[0], rgb))
        image.paste(indices.convert("P"), box, covered)
    elif beneath:
        blended = under.convert("RGB")
        blended.paste(rgb, (0, 0), mask)
        image.paste(blended.quantize(palette=_palette_image(palette), dither=Image.Dither.NONE), box)


@lru_cache(maxsize=256)
def _blend_lut(palette: bytes, under: int, rgb: str) -> list[int]:
    """The index quantizing gives `rgb` pasted at each coverage level over palette colour `under`,
    found by doing just that to a strip of 256 pixels (Pillow's own blending and rounding)."""
    strip = Image.new("RGB", (256, 1), tuple(palette[under * 3:under * 3 + 3]))
    strip.paste(rgb, (0, 0), _RAMP)
    return list(strip.quantize(palette=_palette_image(palette), dither=Image.Dither.NONE).tobytes())


@lru_cache(maxsize=16)
def _palette_image(palette: bytes) -> Image.Image:
    image = Image.new("P", (1, 1))
    image.putpalette(palette)
    return image
