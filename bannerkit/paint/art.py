"""Turn the scene's vector artwork into SVG documents: rasterised by CairoSVG for the PNG, placed
as vectors by WeasyPrint in the PDF.

Why these engines: WeasyPrint already makes the PDF and draws SVG as PDF vector operators with
CMYK colours. CairoSVG comes from the same authors, and WeasyPrint's SVG drawing grew out of it:
the two read paths, arcs, strokes, opacity, transforms and clipping alike, so the same markup
becomes both outputs; only the colour values differ ("@c0" is sRGB in the PNG, device-cmyk in the
PDF). Cairo draws into memory we read directly (resvg, tried first, only hands back an encoded PNG:
0.2 s a full-HD page, far over the speed target).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

from PIL import Image

from ..caches import BoundedCache
from ..engines import load
from ..model import Art, Color

_TOKEN = re.compile(r"@c(\d+)")
MB = 1024 * 1024


def with_colours(art: Art, write: Callable[[Color], str]) -> str:
    """The art's markup with each colour token written by `write`."""
    return _TOKEN.sub(lambda m: write(art.colors[int(m.group(1))]), art.markup)


def _rgb(color: Color) -> str:
    return color.rgb


def _surface_bytes(entry: tuple) -> int:
    return entry[0].get_stride() * entry[0].get_height() if entry else 0


# Artwork is the same on every design of a size in a batch (a drum face, rays, a ribbon).
_PAINTED: BoundedCache[tuple] = BoundedCache(128 * MB, _surface_bytes)


def draw_arts(image: Image.Image, arts: Sequence[Art], sx: float, sy: float) -> None:
    """Consecutive artwork onto the RGB image, composed by cairo: the page crosses into cairo's
    memory and back once, however many layers (reading every layer back into Pillow cost more
    than drawing it)."""
    cairo = load("cairocffi")
    width, height = image.size
    surface = cairo.ImageSurface.create_for_data(bytearray(image.tobytes("raw", "BGRX")), cairo.FORMAT_RGB24,
                                                 width, height, width * 4)
    context = cairo.Context(surface)
    for art in arts:
        placed = _placed(art, sx, sy, image.size)
        if placed:
            layer, x0, y0 = placed
            context.set_source_surface(layer, x0, y0)
            context.paint_with_alpha(art.opacity)  # the whole drawing at its opacity, as the PDF groups it
    surface.flush()
    image.paste(Image.frombuffer("RGB", (width, height), bytes(surface.get_data()), "raw", "BGRX", width * 4, 1))


def _placed(art: Art, sx: float, sy: float, page: tuple[int, int]) -> tuple:
    key = (art.markup, art.view_box, art.box, art.colors, sx, sy, page)
    return _PAINTED.get(key) or _PAINTED.put(key, _rasterise(art, sx, sy, page))


def _rasterise(art: Art, sx: float, sy: float, page: tuple[int, int]) -> tuple:
    """The part of the art on the page as a cairo surface, and the pixel where its corner goes;
    () if it covers no pixel."""
    box = art.box
    x0, y0 = max(math.floor(box.x * sx), 0), max(math.floor(box.y * sy), 0)
    x1, y1 = min(math.ceil(box.right * sx), page[0]), min(math.ceil(box.bottom * sy), page[1])
    if x1 <= x0 or y1 <= y0:
        return ()
    vx, vy, vw, vh = art.view_box
    # The art's own units onto the pixels it covers, its corner at its exact (sub-pixel) place.
    transform = (f"translate({box.x * sx - x0:.4f} {box.y * sy - y0:.4f}) "
                 f"scale({box.width * sx / vw:.6f} {box.height * sy / vh:.6f}) translate({-vx:g} {-vy:g})")
    document = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{x1 - x0}" height="{y1 - y0}" '
                f'viewBox="0 0 {x1 - x0} {y1 - y0}"><g transform="{transform}">{with_colours(art, _rgb)}</g></svg>')
    return _cairo_surface(document.encode("utf-8")), x0, y0


def _cairo_surface(document: bytes):
    Tree, PNGSurface = load("cairosvg.parser").Tree, load("cairosvg.surface").PNGSurface  # cairo: a system library

    # No URL fetcher reaches anything: the markup was checked (assets.py) and has no links.
    surface = PNGSurface(Tree(bytestring=document, unsafe=False, url_fetcher=_refuse), None, 96).cairo
    surface.flush()
    return surface


def _refuse(url: str, *args: object, **kwargs: object) -> dict:
    raise ValueError(f"artwork may not fetch {url}")
