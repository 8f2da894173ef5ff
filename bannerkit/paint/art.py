"""Turn the scene's vector artwork into SVG documents: rasterised by resvg for the PNG, placed as
vectors by WeasyPrint in the PDF.

Why these engines: resvg is the most complete and exact SVG renderer (Bézier and arc paths,
strokes, opacity, transforms, clipping, gradients), ships as a wheel with no system library, and
anti-aliases as finely as Pillow draws text. WeasyPrint already makes the PDF and draws SVG as
PDF vector operators with CMYK colours, so the same markup becomes both outputs; only the colour
values differ ("@c0" is sRGB in the PNG, device-cmyk in the PDF).
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable

from PIL import Image

from ..caches import BoundedCache
from ..model import Art, Color

_TOKEN = re.compile(r"@c(\d+)")
MB = 1024 * 1024


def with_colours(art: Art, write: Callable[[Color], str]) -> str:
    """The art's markup with each colour token written by `write`."""
    return _TOKEN.sub(lambda m: write(art.colors[int(m.group(1))]), art.markup)


def _rgb(color: Color) -> str:
    return color.rgb


def _image_bytes(entry: tuple) -> int:
    image = entry[0] if entry else None
    return image.width * image.height * 4 if isinstance(image, Image.Image) else 0


# Artwork is the same on every design of a size in a batch (a drum face, rays, a ribbon).
_PAINTED: BoundedCache[tuple] = BoundedCache(128 * MB, _image_bytes)


def raster_art(art: Art, sx: float, sy: float, page: tuple[int, int]) -> tuple[Image.Image, int, int] | tuple[()]:
    """The art as an RGBA image of the part on the page (`page` pixels), and the pixel where its
    corner goes; () if it covers no pixel."""
    key = (art, sx, sy, page)
    return _PAINTED.get(key) or _PAINTED.put(key, _rasterise(art, sx, sy, page))


def _rasterise(art: Art, sx: float, sy: float, page: tuple[int, int]) -> tuple[Image.Image, int, int] | tuple[()]:
    import resvg_py

    box = art.box
    x0, y0 = max(math.floor(box.x * sx), 0), max(math.floor(box.y * sy), 0)
    x1, y1 = min(math.ceil(box.right * sx), page[0]), min(math.ceil(box.bottom * sy), page[1])
    if x1 <= x0 or y1 <= y0:
        return ()
    vx, vy, vw, vh = art.view_box
    # The art's own units onto the pixels it covers, its corner at its exact (sub-pixel) place.
    transform = (f"translate({box.x * sx - x0:.4f} {box.y * sy - y0:.4f}) "
                 f"scale({box.width * sx / vw:.6f} {box.height * sy / vh:.6f}) translate({-vx:g} {-vy:g})")
    document = (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
                f'width="{x1 - x0}" height="{y1 - y0}" viewBox="0 0 {x1 - x0} {y1 - y0}">'
                f'<g opacity="{art.opacity:g}"><g transform="{transform}">{with_colours(art, _rgb)}</g></g></svg>')
    png = resvg_py.svg_to_bytes(svg_string=document, skip_system_fonts=True)
    image = Image.open(io.BytesIO(bytes(png)))
    return image.convert("RGBA"), x0, y0
