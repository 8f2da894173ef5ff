"""Paint a raster too large to hold in memory a strip at a time, for encoders that write as they go.

A 10 × 5 m panel at 72 dpi is 28,346 × 14,173 pixels: 1.2 GB as one RGB image, more while it is
encoded. Painted in strips of about 64 MB, each holding only the elements that cross it (moved up
by the strip's top), and written by encoders that stream (pypng for PNG, tifffile for TIFF), the
whole render stays well under 1 GB (bench/bench_memory.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PIL import Image

from ..model import Box, Group, Scene, extent
from .raster import forget_pages, paint_raster

STRIP_ABOVE_PIXELS = 40_000_000  # larger rasters are painted in strips
STRIP_BYTES = 32 * 1024 * 1024  # about this much RGB per strip (cairo and the encoders hold a few copies)


@dataclass(frozen=True)
class Strips:
    """A raster painted strip by strip, top to bottom, when its encoder asks."""

    scene: Scene
    width: int
    height: int

    @property
    def rows(self) -> int:
        """Pixel rows a strip: a multiple of 64 (a TIFF tile's height)."""
        return max(64, STRIP_BYTES // (self.width * 3) // 64 * 64)

    def __iter__(self) -> Iterator[Image.Image]:
        for top in range(0, self.height, self.rows):
            yield self.strip(top, min(self.rows, self.height - top))
            # A strip's background and field are never painted again: the caches that keep a
            # page's for the next design of a batch would only fill up with them.
            forget_pages()

    def strip(self, top: int, rows: int) -> Image.Image:
        scale = self.height / self.scene.height  # pixels a millimetre, down the page
        window = Box(0.0, top / scale, self.scene.width, rows / scale)
        # Effects and anti-aliasing reach a little past an element's box: a margin keeps them.
        margin = Box(window.x, window.y - window.height, window.width, window.height * 3)
        groups = tuple(Group(g.name, g.region, tuple(e for e in g.elements if extent(e).overlaps(margin)))
                       .moved(-window.y) for g in self.scene.groups)
        part = Scene(self.scene.width, window.height, self.scene.background, groups, self.scene.safe.moved(-window.y))
        return paint_raster(part, self.width, rows)
