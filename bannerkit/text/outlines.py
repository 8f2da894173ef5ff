"""Turn a shaped line of text into its glyph outlines, as SVG path data in millimetres.

The PDF draws a text's outline, shadow and gradient as these paths, under (or, for a gradient,
instead of) the live text, so that the effects sit exactly on the letters. The glyphs are placed
by HarfBuzz, which shapes for Pango (the PDF's live text) and for Pillow's raqm (the PNG), so
the paths land where both painters put the letters.
"""

from __future__ import annotations

from pathlib import Path

import uharfbuzz as hb

from ..caches import file_cache, lru_file_cache


@file_cache
def _font(path: Path) -> tuple[hb.Font, int]:
    face = hb.Face(hb.Blob.from_file_path(str(path)))
    return hb.Font(face), face.upem


class _PathPen:
    """Collects a glyph's contours, scaled and moved onto the page, y down."""

    def __init__(self, x: float, baseline: float, scale: float) -> None:
        self.x, self.baseline, self.scale = x, baseline, scale
        self.parts: list[str] = []

    def _point(self, point: tuple[float, float]) -> str:
        return f"{self.x + point[0] * self.scale:.4f} {self.baseline - point[1] * self.scale:.4f}"

    def moveTo(self, p: tuple[float, float]) -> None:
        self.parts.append("M" + self._point(p))

    def lineTo(self, p: tuple[float, float]) -> None:
        self.parts.append("L" + self._point(p))

    def qCurveTo(self, *points: tuple[float, float]) -> None:
        self.parts.append("Q" + " ".join(self._point(p) for p in points))

    def curveTo(self, *points: tuple[float, float]) -> None:
        self.parts.append("C" + " ".join(self._point(p) for p in points))

    def closePath(self) -> None:
        self.parts.append("Z")


@lru_file_cache(maxsize=4096)
def line_path(path: Path, size: float, text: str, x: float, baseline: float) -> str:
    """SVG path data of the line's glyphs at `size` (em, mm), its pen starting at (x, baseline)."""
    font, upem = _font(path)
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(font, buffer, {})
    scale = size / upem
    pen_x, parts = 0.0, []
    for info, position in zip(buffer.glyph_infos, buffer.glyph_positions):
        pen = _PathPen(x + (pen_x + position.x_offset) * scale, baseline - position.y_offset * scale, scale)
        font.draw_glyph_with_pen(info.codepoint, pen)
        parts += pen.parts
        pen_x += position.x_advance
    return "".join(parts)
