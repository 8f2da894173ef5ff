"""Turn a text, a font and a box into the largest lines that fit, with their positions (mm)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Box, FontFace, TextBlock, TextLine
from . import fonts
from .breaking import balanced_lines, words

# Pillow hints glyph advances to whole pixels while Pango does not: keep a little room so
# neither painter's line can reach past the box.
SLACK = 0.015


@dataclass(frozen=True)
class TextStyle:
    face: FontFace
    color: str
    line_height: float = 1.25  # baseline to baseline, in em
    max_lines: int = 6


@dataclass(frozen=True)
class _Candidate:
    lines: tuple[str, ...]
    inks: tuple[tuple[float, float, float, float], ...]
    size: float  # mm per em


def fit_text(text: str, style: TextStyle, box: Box) -> TextBlock:
    """The largest size at which the text fits the box in up to `max_lines` balanced lines."""
    units = words(text)
    widths = [fonts.advance(style.face, u) for u in units]
    space = fonts.advance(style.face, " ")
    candidates = [
        _measure(balanced_lines(units, count, widths, space), style, box)
        for count in range(1, min(style.max_lines, len(units)) + 1)
    ]
    best = max(candidates, key=lambda c: c.size)
    return _place(best, style, box)


def _measure(lines: list[str], style: TextStyle, box: Box) -> _Candidate:
    inks = tuple(fonts.ink(style.face, line) for line in lines)
    width = max(right - left for left, _, right, _ in inks)
    top, bottom = _vertical_extent(inks, style.line_height)
    size = min(box.width / width, box.height / (bottom - top)) * (1 - SLACK)
    return _Candidate(tuple(lines), inks, size)


def _vertical_extent(inks: tuple[tuple[float, float, float, float], ...], line_height: float) -> tuple[float, float]:
    """Top and bottom of the ink, in em, relative to the first baseline."""
    top = min(i * line_height + ink[1] for i, ink in enumerate(inks))
    bottom = max(i * line_height + ink[3] for i, ink in enumerate(inks))
    return top, bottom


def _place(best: _Candidate, style: TextStyle, box: Box) -> TextBlock:
    """Centre the ink of each line horizontally and the block's ink vertically."""
    s = best.size
    top, bottom = _vertical_extent(best.inks, style.line_height)
    first_baseline = box.y + (box.height - (bottom - top) * s) / 2 - top * s
    centre = box.x + box.width / 2
    lines = []
    for i, (text, (left, _, right, _)) in enumerate(zip(best.lines, best.inks)):
        x = centre - (left + right) / 2 * s
        lines.append(TextLine(text=text, x=x, baseline=first_baseline + i * style.line_height * s,
                              width=fonts.advance(style.face, text) * s))
    ink_width = max(right - left for left, _, right, _ in best.inks) * s
    ink = Box(centre - ink_width / 2, first_baseline + top * s, ink_width, (bottom - top) * s)
    return TextBlock(lines=tuple(lines), font=style.face, size=s, color=style.color, ink=ink)
