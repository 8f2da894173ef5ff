"""Draw a scene's QR codes straight into the finished PDF page, as filled rectangles.

WeasyPrint parses every number of an SVG path in Python: drawn through it, a code's few hundred
rectangles were a third of a screen PDF's time. Here they are written as PDF operators (one path,
one fill, in module units under one matrix), after the page's own content. Nothing is drawn over
a QR code (the layout keeps it clear, so that it scans), so painting it last changes no pixel.
"""

from __future__ import annotations

from ..model import Color, QRCode
from .cmyk import cmyk_of


def qr_rects(code: QRCode) -> list[tuple[int, int, int, int]]:
    """The dark modules as rectangles (column, row, width, height in modules): a run of dark
    modules in a row is one rectangle, and the same run in the rows below makes it taller."""
    rects: list[tuple[int, int, int, int]] = []
    open_runs: dict[tuple[int, int], tuple[int, int]] = {}  # (first column, end column) -> (top row, rows)
    for row, cells in enumerate((*code.matrix, ())):
        runs, col = set(), 0
        while col < len(cells):
            if cells[col]:
                start = col
                while col < len(cells) and cells[col]:
                    col += 1
                runs.add((start, col))
            col += 1
        for run in list(open_runs):
            if run not in runs:
                top, height = open_runs.pop(run)
                rects.append((run[0], top, run[1] - run[0], height))
        for run in runs:
            top, height = open_runs.get(run, (row, 0))
            open_runs[run] = (top, height + 1)
    return sorted(rects, key=lambda r: (r[1], r[0]))


def qr_operators(codes: list[QRCode], origin: tuple[float, float], page_height: float, pt_per_mm: float) -> bytes:
    """PDF operators that draw the codes, each on its light plate, on a page whose content has
    left the default coordinates (points, y up). `origin` is where the scene's top-left corner
    is on the page and `page_height` the page's height, both in mm."""
    ops = []
    for code in codes:
        scale = code.module * pt_per_mm
        left = (origin[0] + code.x) * pt_per_mm
        top = (page_height - origin[1] - code.y) * pt_per_mm
        side = len(code.matrix) + 2 * code.quiet
        ops += ["q", f"{scale:.6f} 0 0 {-scale:.6f} {left:.6f} {top:.6f} cm",
                f"{_fill(code.light)} 0 0 {side} {side} re f",
                _fill(code.dark),
                *(f"{x + code.quiet} {y + code.quiet} {w} {h} re" for x, y, w, h in qr_rects(code)),
                "f", "Q"]
    return "\n".join(ops).encode("ascii")


def _fill(color: Color) -> str:
    """The fill colour as DeviceCMYK (the palette's CMYK, else the screen colour through the
    output profile), as the rest of the page is."""
    c, m, y, k = color.cmyk if color.cmyk is not None else cmyk_of(color.rgb)
    return f"{c:g} {m:g} {y:g} {k:g} k"
