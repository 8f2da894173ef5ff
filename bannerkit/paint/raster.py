"""Turn a Scene into a Pillow image at the preset's exact pixel size."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageOps

from ..caches import BoundedCache
from ..model import Art, Color, Effects, Element, Field, Picture, Point, Polygon, QRCode, Scene, TextBlock
from ..text.fonts import raster_font
from .art import draw_arts
from .blend import mix
from .indexed import paint_colour

# Shapes are drawn at 4× and reduced, which gives their edges 16 levels of anti-aliasing.
SUPERSAMPLE = 4
ROUNDING = 0.08  # a rounded slot's corner radius, share of its shorter side (as in the PDF)
MB = 1024 * 1024


def _image_bytes(entry: Image.Image | tuple) -> int:
    images = [entry] if isinstance(entry, Image.Image) else [e for e in entry if isinstance(e, Image.Image)]
    return sum(image.width * image.height * len(image.getbands()) for image in images)


# What a batch reuses across designs of one size, each within a memory budget: the background
# with the flags (a page up to 64 MB, e.g. a 3 × 6 m panel at its default density), the flags'
# coverage masks and the masks of text lines (a slogan is printed at the same size for every unit).
_BASES: BoundedCache[Image.Image] = BoundedCache(256 * MB, _image_bytes, max_entry=64 * MB)
_COVERAGE: BoundedCache[tuple] = BoundedCache(64 * MB, _image_bytes)
_MASKS: BoundedCache[tuple] = BoundedCache(96 * MB, _image_bytes)
_PICTURES: BoundedCache[tuple] = BoundedCache(64 * MB, _image_bytes)  # slot pictures at their placed size
_FIELDS: BoundedCache[Image.Image] = BoundedCache(128 * MB, _image_bytes, max_entry=64 * MB)  # a theme's field per size


def forget_pages() -> None:
    """Drop the page backgrounds and fields kept for reuse (strips of a large page use them once)."""
    _BASES.cache_clear()
    _FIELDS.cache_clear()


def paint_raster(scene: Scene, width_px: int, height_px: int, *, antialias: bool = True) -> Image.Image:
    """The scene in RGB. Without `antialias` every pixel is one of the scene's colours (hinted
    text and shapes on the pixel grid), as single- and three-colour LED boards need."""
    shapes = _leading_shapes(scene.elements)
    image = _base(scene.background, shapes, scene.width, scene.height, width_px, height_px, antialias).copy()
    sx, sy = width_px / scene.width, height_px / scene.height
    _draw_all(image, scene.elements[len(shapes):], sx, sy, antialias)
    return image


def paint_indexed(scene: Scene, width_px: int, height_px: int, palette: Image.Image) -> Image.Image:
    """The scene as a palette image with blend_palette's `palette`: the picture paint_raster
    quantized to it gives, painted in indices (paint/indexed.py) over the background and flags
    quantized once per size."""
    shapes = _leading_shapes(scene.elements)
    key = (scene.background, shapes, scene.width, scene.height, width_px, height_px, bytes(palette.getpalette() or []))
    base = _BASES.get(key) or _BASES.put(
        key, _paint_base(*key[:-1], True).quantize(palette=palette, dither=Image.Dither.NONE))
    image = base.copy()
    _draw_all(image, scene.elements[len(shapes):], width_px / scene.width, height_px / scene.height, True)
    return image


def _leading_shapes(elements: tuple[Element, ...]) -> tuple[Polygon | Art | Field, ...]:
    """The shapes and artwork drawn before anything else (the flags, the rays): the base of every
    design of a size."""
    return tuple(e for e in itertools.takewhile(lambda e: isinstance(e, Polygon | Art | Field), elements)
                 if isinstance(e, Polygon | Art | Field))


def _draw_all(image: Image.Image, elements: Sequence[Element], sx: float, sy: float, antialias: bool) -> None:
    """Each element in order; consecutive artwork in one go."""
    for is_art, run in itertools.groupby(elements, key=lambda e: isinstance(e, Art)):
        if is_art:
            draw_arts(image, [e for e in run if isinstance(e, Art)], sx, sy)
        else:
            for element in run:
                _draw(image, element, sx, sy, antialias)


def _draw(image: Image.Image, element: Element, sx: float, sy: float, antialias: bool) -> None:
    if isinstance(element, Polygon):
        _fill_polygon(image, element, sx, sy, antialias)
    elif isinstance(element, Picture):
        _draw_picture(image, element, sx, sy)
    elif isinstance(element, Field):
        _draw_field(image, element, sx, sy)
    elif isinstance(element, QRCode):
        _draw_qr(image, element, sx, sy)
    elif isinstance(element, TextBlock):
        _draw_text(image, element, sx, sy, antialias)


def _draw_field(image: Image.Image, field: Field, sx: float, sy: float) -> None:
    """The part of the field on the image (all of it, or a strip of a large page's)."""
    x0, y0 = round(field.box.x * sx), round(field.box.y * sy)
    size = (round(field.box.right * sx) - x0, round(field.box.bottom * sy) - y0)
    visible = (max(x0, 0), max(y0, 0), min(x0 + size[0], image.width), min(y0 + size[1], image.height))
    if visible[2] <= visible[0] or visible[3] <= visible[1]:
        return
    window = (visible[0] - x0, visible[1] - y0, visible[2] - x0, visible[3] - y0)
    key = (field.kind, field.bands, size, window)
    image.paste(_FIELDS.get(key) or _FIELDS.put(key, _paint_field(field, size, window)), visible[:2])


def _paint_field(field: Field, size: tuple[int, int], window: tuple[int, int, int, int]) -> Image.Image:
    """The same bands the PDF draws, found per pixel from Pillow's 256-pixel gradients, for the
    window (pixels of the field) only: a pixel's band is its distance from the centre (radial) or
    from the top (linear), in bands."""
    count = len(field.bands)
    left, top, right, bottom = window
    if field.kind == "radial":
        # Pillow's radial gradient reaches 255 at its corners (√2 half-sides out): spread over
        # the field grown so that 255 is the field's reach, centred on the field.
        grow = Field.RADIAL_REACH * math.sqrt(2)
        kx, ky = 256 / (size[0] * grow), 256 / (size[1] * grow)
        box = (128 + (left - size[0] / 2) * kx, 128 + (top - size[1] / 2) * ky,
               128 + (right - size[0] / 2) * kx, 128 + (bottom - size[1] / 2) * ky)
        distance = Image.radial_gradient("L").resize((right - left, bottom - top), Image.Resampling.BILINEAR, box=box)
        bands = distance.point([min(max(count - 1 - v * count // 256, 0), count - 1) for v in range(256)])
    else:
        box = (0, top * 256 / size[1], 256, bottom * 256 / size[1])
        depth = Image.linear_gradient("L").resize((right - left, bottom - top), Image.Resampling.BILINEAR, box=box)
        bands = depth.point([min(v * count // 256, count - 1) for v in range(256)])
    bands.putpalette([v for colour in field.bands for v in hex_rgb(colour.rgb)])
    return bands.convert("RGB")


def _draw_picture(image: Image.Image, picture: Picture, sx: float, sy: float) -> None:
    """The image resampled to the pixels its box covers, cropped to the box's shape."""
    box = picture.box
    x0, y0 = round(box.x * sx), round(box.y * sy)
    size = (max(round(box.right * sx) - x0, 1), max(round(box.bottom * sy) - y0, 1))
    key = (picture.path, picture.path.stat().st_mtime_ns, size, picture.fit, picture.shape)
    rgb, alpha = _PICTURES.get(key) or _PICTURES.put(key, _placed_picture(picture, size))
    image.paste(rgb, (x0, y0), alpha)


def _placed_picture(picture: Picture, size: tuple[int, int]) -> tuple[Image.Image, Image.Image]:
    """The picture at `size`, and its mask: the image's alpha within the slot's shape. The same
    portrait stands in every design of a unit's batch: resampled once a size."""
    with Image.open(picture.path) as opened:
        source = ImageOps.exif_transpose(opened).convert("RGBA")
        if picture.fit == "cover":
            placed = ImageOps.fit(source, size, Image.Resampling.LANCZOS)
        else:
            placed = Image.new("RGBA", size, (0, 0, 0, 0))
            inner = ImageOps.contain(source, size, Image.Resampling.LANCZOS)
            placed.paste(inner, ((size[0] - inner.width) // 2, (size[1] - inner.height) // 2))
    alpha = placed.getchannel("A")
    if picture.shape != "rect":
        shape = _shape_mask(size, picture.shape)
        alpha = Image.composite(alpha, shape, shape)
    return placed.convert("RGB"), alpha


def _shape_mask(size: tuple[int, int], shape: str) -> Image.Image:
    """A circle (an ellipse in the box) or a rectangle with rounded corners, anti-aliased."""
    big = Image.new("L", (size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE), 0)
    draw, corners = ImageDraw.Draw(big), (0, 0, big.width - 1, big.height - 1)
    if shape == "circle":
        draw.ellipse(corners, fill=255)
    else:
        draw.rounded_rectangle(corners, radius=round(ROUNDING * min(big.size)), fill=255)
    return big.reduce(SUPERSAMPLE)


def _draw_qr(image: Image.Image, code: QRCode, sx: float, sy: float) -> None:
    """Pixel-exact: the layout put the code's corner and module size on the pixel grid; each
    module becomes module x module pixels by nearest-neighbour scaling of the 1-module image."""
    count, module = len(code.matrix) + 2 * code.quiet, max(round(code.module * sx), 1)  # 1 px in a thumbnail
    cells = Image.new("1", (count, count), 0)
    cells.putdata([int(dark) for row in _with_quiet_zone(code) for dark in row])
    mask = cells.resize((count * module, count * module), Image.Resampling.NEAREST)
    x0, y0 = round(code.x * sx), round(code.y * sy)
    paint_colour(image, code.light, (x0, y0), Image.new("L", mask.size, 255))
    paint_colour(image, code.dark, (x0, y0), mask)


def _with_quiet_zone(code: QRCode) -> list[tuple[bool, ...]]:
    blank = (False,) * (len(code.matrix) + 2 * code.quiet)
    side = (False,) * code.quiet
    return [blank] * code.quiet + [side + row + side for row in code.matrix] + [blank] * code.quiet


def paint_two_colour(scene: Scene, width_px: int, height_px: int) -> Image.Image | None:
    """A faster path for the common LED case: when the scene is text of one colour on its
    background, paint the text's coverage (one byte a pixel) and make it a palette image whose 256
    entries run from background to text colour. None for any other scene."""
    blocks = [e for e in scene.elements if isinstance(e, TextBlock) and e.effects is None]
    if len(blocks) != len(scene.elements) or len({b.color.rgb for b in blocks}) != 1:
        return None
    # Pasting through a mask blends palette indices as it blends grey levels: index = coverage.
    image = Image.new("P", (width_px, height_px), 0)
    sx, sy = width_px / scene.width, height_px / scene.height
    for block in blocks:
        _draw_text(image, block, sx, sy, antialias=True, ink=255)
    image.putpalette(_gradient(hex_rgb(scene.background.rgb), hex_rgb(blocks[0].color.rgb)))
    return image


@lru_cache(maxsize=16)
def _gradient(back: tuple[int, int, int], ink: tuple[int, int, int]) -> list[int]:
    return [round(b + (i - b) * level / 255) for level in range(256) for b, i in zip(back, ink)]


def _base(background: Color, shapes: tuple[Polygon | Art | Field, ...], width: float, height: float, width_px: int,
          height_px: int, antialias: bool) -> Image.Image:
    """The background and the shapes and artwork drawn before any text (the flags, the rays): the same on every design
    of a size in a batch, so painted once (callers copy it)."""
    key = (background, shapes, width, height, width_px, height_px, antialias)
    return _BASES.get(key) or _BASES.put(key, _paint_base(*key))


def _paint_base(background: Color, shapes: tuple[Polygon | Art | Field, ...], width: float, height: float,
                width_px: int, height_px: int, antialias: bool) -> Image.Image:
    image = Image.new("RGB", (width_px, height_px), background.rgb)
    _draw_all(image, shapes, width_px / width, height_px / height, antialias)
    return image


def _fill_polygon(image: Image.Image, polygon: Polygon, sx: float, sy: float, antialias: bool) -> None:
    if not antialias:
        ImageDraw.Draw(image).polygon([(x * sx, y * sy) for x, y in polygon.points], fill=polygon.fill.rgb)
        return
    key = (polygon.points, sx, sy, image.width, image.height)
    placed = _COVERAGE.get(key) or _COVERAGE.put(key, _coverage(*key))
    if placed:
        (x0, y0, _x1, _y1), mask = placed
        paint_colour(image, polygon.fill, (x0, y0), mask)


def _coverage(points: tuple[Point, ...], sx: float, sy: float, width: int,
              height: int) -> tuple[tuple[int, int, int, int], Image.Image] | tuple[()]:
    """The polygon's anti-aliased coverage mask and where it goes, () if it is off the page."""
    xs = [x * sx for x, _ in points]
    ys = [y * sy for _, y in points]
    x0, y0 = max(math.floor(min(xs)), 0), max(math.floor(min(ys)), 0)
    x1, y1 = min(math.ceil(max(xs)), width), min(math.ceil(max(ys)), height)
    if x1 <= x0 or y1 <= y0:
        return ()
    mask = Image.new("L", ((x1 - x0) * SUPERSAMPLE, (y1 - y0) * SUPERSAMPLE), 0)
    ImageDraw.Draw(mask).polygon([((x - x0) * SUPERSAMPLE, (y - y0) * SUPERSAMPLE) for x, y in zip(xs, ys)], fill=255)
    return (x0, y0, x1, y1), mask.reduce(SUPERSAMPLE)


def blend_palette(scene: Scene) -> Image.Image | None:
    """A palette of the scene's colours and 16-step blends between each pair: anti-aliased edges
    only ever mix two colours, so a palette PNG keeps the image (within 1/16 on edges) at a
    fraction of the encoding time and size of 24-bit RGB. None if it would not fit 256 entries."""
    if not plain(scene):
        return None
    return _blend_palette(tuple(sorted({hex_rgb(c.rgb) for c in scene_colours(scene)})))


@lru_cache(maxsize=64)
def _blend_palette(colours: tuple[tuple[int, int, int], ...]) -> Image.Image | None:
    entries = list(colours) + [tuple(round(a[i] + (b[i] - a[i]) * t / 16) for i in range(3))
                               for a, b in itertools.combinations(colours, 2) for t in range(1, 16)]
    if len(entries) > 256:
        return None
    palette = Image.new("P", (1, 1))
    palette.putpalette([v for rgb in entries for v in rgb])
    return palette


def plain(scene: Scene) -> bool:
    """Whether the scene is flat colours only: no artwork, pictures or text effects."""
    return not any(isinstance(e, Art | Picture | Field) or (isinstance(e, TextBlock) and e.effects)
                   for e in scene.elements)


def scene_colours(scene: Scene) -> set[Color]:
    found = {scene.background}
    for e in scene.elements:
        if isinstance(e, QRCode):
            found |= {e.dark, e.light}
        elif isinstance(e, Polygon):
            found.add(e.fill)
        elif isinstance(e, TextBlock):
            found.add(e.color)
    return found


def hex_rgb(hex_colour: str) -> tuple[int, int, int]:
    return int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16)


def _draw_text(image: Image.Image, block: TextBlock, sx: float, sy: float, antialias: bool,
               ink: str | int | None = None) -> None:
    """Each line is shaped and rasterised into a coverage mask, then painted in the text colour.
    Masks are kept: a batch prints the same slogan at the same size for every unit."""
    for line in block.lines:
        x, y = line.x * sx, line.baseline * sy
        ix, iy = math.floor(x), math.floor(y)
        # Positions keep 1/64 pixel, FreeType's own precision, so cached masks stay exact.
        key = (block.font.path, block.size * sy, line.text, round((x - ix) * 64), round((y - iy) * 64), antialias)
        mask, left, top = _mask(key)
        if block.effects:
            _draw_effects(image, block, block.effects, key, (ix, iy), sy)
        if block.effects and block.effects.gradient:
            fill = _gradient_fill(block.effects.gradient, mask.size, top, block.cap_height * sy)
            image.paste(fill, (ix + left, iy + top), mask)
        elif ink is not None:
            image.paste(ink, (ix + left, iy + top), mask)
        else:
            paint_colour(image, block.color, (ix + left, iy + top), mask)


def _mask(key: tuple, stroke: int = 0) -> tuple[Image.Image, int, int]:
    full = (*key, stroke)
    return _MASKS.get(full) or _MASKS.put(full, _line_mask(*full))


def _draw_effects(image: Image.Image, block: TextBlock, effects: Effects, key: tuple, at: tuple[int, int],
                  sy: float) -> None:
    """The shadow, then the outline, under the letters: the outline is the glyphs stroked on
    both sides (FreeType's stroker, round joins, as the PDF's paths are stroked)."""
    stroke = max(round(effects.outline_width * sy), 1) if effects.outline else 0
    outline, left, top = _mask(key, stroke) if stroke else _mask(key)
    if effects.shadow and effects.shadow_opacity > 0:
        blur = effects.shadow_blur * sy
        shadow = _shadow_mask(outline, blur, effects.shadow_opacity)
        dx, dy = (round(v * sy) for v in effects.shadow_offset)
        pad = math.ceil(blur * 1.5)
        image.paste(effects.shadow.rgb, (at[0] + left + dx - pad, at[1] + top + dy - pad), shadow)
    if effects.outline and stroke:
        image.paste(effects.outline.rgb, (at[0] + left, at[1] + top), outline)


def _shadow_mask(mask: Image.Image, blur: float, opacity: float) -> Image.Image:
    pad = math.ceil(blur * 1.5)
    soft = ImageOps.expand(mask, pad, 0)
    if blur > 0:
        soft = soft.filter(ImageFilter.GaussianBlur(blur / 2))
    return soft.point(lambda v: round(v * opacity))


def _gradient_fill(stops: tuple[Color, ...], size: tuple[int, int], top: int, cap_px: float) -> Image.Image:
    """Stops evenly from the capitals' top (cap_px above the baseline) to the baseline; marks above
    the capitals take the first colour."""
    rows = [hex_rgb(mix(stops, (row + top + cap_px) / max(cap_px, 1.0)).rgb) for row in range(size[1])]
    column = Image.new("RGB", (1, size[1]))
    column.putdata(rows)
    return column.resize(size, Image.Resampling.NEAREST)


def _line_mask(path: Path, size_px: float, text: str, fx64: int, fy64: int,
               antialias: bool, stroke: int) -> tuple[Image.Image, int, int]:
    font = raster_font(path, size_px)
    left, top, right, bottom = (int(v) for v in font.getbbox(text, anchor="ls", stroke_width=stroke))
    mask = Image.new("L", (right - left + 2, bottom - top + 2), 0)
    draw = ImageDraw.Draw(mask)
    draw.fontmode = "L" if antialias else "1"  # "1": hinted, no grey fringe
    draw.text((fx64 / 64 - left, fy64 / 64 - top), text, font=font, fill=255, anchor="ls",
              stroke_width=stroke, stroke_fill=255)
    return mask, left, top
