"""Paint colours into a palette image as if into RGB and quantized after, without the RGB.

A plain scene written as PNG becomes a palette image anyway (raster.blend_palette). Painting it
in palette indices from the start skips copying a full RGB page and quantizing all of it, over
half of a 3 × 6 m panel's time. Where a colour goes over one palette colour (a slogan on the
field), each coverage level is looked up as the index quantizing the RGB blend would give: the
same pixels. Where it goes over several (a letter over a flag's edge), the region is blended in
RGB from its palette colours and quantized: the same but for a blend of blends.
"""

from __future__ import annotations

from functools import lru_cache

from PIL import Image

from ..model import Color

_RAMP = Image.frombytes("L", (256, 1), bytes(range(256)))  # every coverage level, 0 to 255


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
    under = image.crop(box)
    palette = bytes(image.getpalette() or [])
    lowest, highest = under.getextrema()
    if lowest == highest:
        indices = mask.point(_blend_lut(palette, int(lowest), color.rgb))  # type: ignore[arg-type]
        image.paste(indices.convert("P"), box)  # grey to palette keeps every value: the indices
        return
    blended = under.convert("RGB")
    blended.paste(color.rgb, (0, 0), mask)
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
