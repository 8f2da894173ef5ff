"""Turn a text, a font and a box into the largest lines that fit, with their positions (mm).

The search runs on cached per-word measurements; only the chosen lines are shaped whole, and
their real ink (stacked marks included) sets the final size and position.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from ..caches import lru_file_cache
from ..errors import TextTooLong
from ..i18n import _
from ..model import Box, Color, FontFace, TextBlock, TextLine
from . import fonts
from .breaking import LineWidths, floors, least_ragged, narrowest_widest, trade
from .phrases import Phrases
from .structure import INSIDE, NAME, Structure, analyse

# Pillow hints glyph advances to whole pixels while Pango does not: keep a little room so
# neither painter's line can reach past the box.
SLACK = 0.015
# A text smaller than this share of the largest candidate never wins on its breaks alone.
WORTH_COUNTING = 0.6

@dataclass(frozen=True)
class TextStyle:
    face: FontFace
    color: Color
    line_height: float = 1.25  # baseline to baseline, in em
    max_lines: int = 6
    min_size: float = 0.0  # em size in mm below which the text is not legible
    max_size: float = math.inf
    # How much filling the box's height is worth: a text filling a share f < fill_to of it is
    # worth (f / fill_to) ** fill of its size. 0 (most pages) sets the largest text; a pennant's
    # layout raises it, so that a long slogan runs down the pennant in more, larger lines instead
    # of a small block in a bare field.
    fill: float = 0.0
    fill_to: float = 0.5
    spread_lines: bool = False  # run the lines down the whole box (a text-only pennant)


@dataclass(frozen=True)
class _Fitted:
    lines: tuple[str, ...]
    inks: tuple[tuple[float, float, float, float], ...]
    size: float


@lru_file_cache(maxsize=1024)
def fit_text(text: str, style: TextStyle, box: Box, phrases: Phrases, *, name: str = "text") -> TextBlock:
    """The largest size (up to max_size) at which the text fits the box in balanced lines.

    Raises TextTooLong, naming the text `name`, if even the best break needs a size below `min_size`.
    Results are kept: a batch lays out the same slogan in the same box for every unit.
    """
    structure = analyse(text, phrases)
    if style.max_lines == 1 and structure.forced:
        structure = analyse(" ".join(text.split()), phrases)  # a one-line ticker runs typed lines on
    widths = LineWidths([fonts.advance(style.face, u) for u in structure.units], fonts.advance(style.face, " "))
    fitted = _measure(_best_lines(structure, widths, style, box), style, box)
    if fitted.size < style.min_size:  # a legible text with worse breaks beats an illegible one
        fitted = _measure(_best_lines(structure, widths, style, box, largest=True), style, box)
    if fitted.size < style.min_size:
        raise _too_long(name, text, fitted.size, style)
    return _place(fitted, style, box)


def _best_lines(structure: Structure, widths: LineWidths, style: TextStyle, box: Box, *,
                largest: bool = False) -> list[str]:
    """The break a designer would choose: as large as possible, but a text a little smaller is
    better than a phrase split in two, a line ending on "CỦA" or a lonely one-word line.

    Candidates are (break level, line count): first breaks at phrase boundaries only, then between
    words too, then inside names. Each candidate's estimated size is discounted for every break by
    its rank; estimates bound the scores, so only the promising ones are broken. `largest` ignores
    the discounts and allows breaks inside words: the largest text, whatever its breaks (for a
    text that is otherwise too small to read).
    """
    worst = INSIDE if largest else NAME
    depth = _depth(structure, style)
    levels = [(stops, floors(structure, stops)) for stops in
              {tuple(stops): stops for stops in map(structure.stops, range(worst + 1))}.values()]
    max_lines = max(style.max_lines, len(structure.forced) + 1)
    candidates = sorted(
        ((size, stops, lowest, count, widest) for stops, lowest in levels
         for size, count, widest in _estimated_sizes(widths, stops, lowest, max_lines, depth, box)),
        key=lambda c: -c[0])
    best_score, best_starts = -1.0, [0]
    for size, stops, lowest, count, widest in candidates:
        if size <= best_score:
            break
        # When the height sets the size, lines may be as wide as the box allows at that size.
        room = max(widest, box.width / size)
        starts = least_ragged(structure, widths, stops, lowest, count, room)
        filled = min(1.0, size * depth(count) / box.height / style.fill_to) ** style.fill
        score = size * (1.0 if largest else trade(structure, starts) * filled)
        if score > best_score:
            best_score, best_starts = score, starts
    ends = [*best_starts[1:], len(structure.units)]
    return [structure.line(start, end) for start, end in zip(best_starts, ends)]


def _depth(structure: Structure, style: TextStyle) -> Callable[[int], float]:
    """The height in em of a block of n lines."""
    top = min(fonts.ink(style.face, u)[1] for u in structure.units)
    bottom = max(fonts.ink(style.face, u)[3] for u in structure.units)
    return lambda count: (count - 1) * style.line_height + bottom - top


def _estimated_sizes(widths: LineWidths, stops: list[int], lowest: list[int], max_lines: int,
                     depth: Callable[[int], float], box: Box) -> list[tuple[float, int, float]]:
    """(estimated em size, line count, narrowest widest line) for each useful line count.

    Counting stops once the height alone allows much less than the best size so far: more lines
    only make the block taller, and a smaller text wins only by its better breaks.
    """
    sizes: list[tuple[float, int, float]] = []
    for count, widest in enumerate(narrowest_widest(widths, stops, lowest, max_lines), 1):
        by_height = box.height / depth(count)
        if sizes and by_height < max(sizes)[0] * WORTH_COUNTING:
            break
        if widest < math.inf:
            sizes.append((min(box.width / widest, by_height), count, widest))
    return sizes


def _measure(lines: list[str], style: TextStyle, box: Box) -> _Fitted:
    inks = tuple(fonts.ink(style.face, line) for line in lines)
    width = max(right - left for left, _top, right, _bottom in inks)
    top, bottom = _vertical_extent(inks, style.line_height)
    size = min(box.width / width, box.height / (bottom - top)) * (1 - SLACK)
    return _Fitted(tuple(lines), inks, min(size, style.max_size))


def _vertical_extent(inks: tuple[tuple[float, float, float, float], ...], line_height: float) -> tuple[float, float]:
    """Top and bottom of the ink, in em, relative to the first baseline."""
    top = min(i * line_height + ink[1] for i, ink in enumerate(inks))
    bottom = max(i * line_height + ink[3] for i, ink in enumerate(inks))
    return top, bottom


def _too_long(name: str, text: str, size: float, style: TextStyle) -> TextTooLong:
    # The area text needs grows with the square of its size.
    fits = int(len(text) * (size / style.min_size) ** 2)
    return TextTooLong(
        _("the {name} is too long for this size and layout: at the smallest legible letter size "
          "({min:.0f} mm) only about {fits} of its {total} characters fit; shorten it by about "
          "{over} characters or choose a larger size").format(
            name=name, min=style.min_size * style.face.cap_height, fits=fits, total=len(text), over=len(text) - fits)
    )


def _place(fitted: _Fitted, style: TextStyle, box: Box) -> TextBlock:
    """Centre the ink of each line horizontally and the block's ink vertically; with spread_lines,
    the lines run down the whole box, evenly spaced."""
    s = fitted.size
    pitch = style.line_height
    if style.spread_lines and len(fitted.lines) > 1:
        top, bottom = _vertical_extent(fitted.inks, pitch)
        pitch += max(box.height / s - (bottom - top), 0.0) / (len(fitted.lines) - 1)
    top, bottom = _vertical_extent(fitted.inks, pitch)
    first_baseline = box.y + (box.height - (bottom - top) * s) / 2 - top * s
    centre = box.x + box.width / 2
    lines = []
    for i, (text, (left, _top, right, _bottom)) in enumerate(zip(fitted.lines, fitted.inks)):
        lines.append(TextLine(text=text, x=centre - (left + right) / 2 * s,
                              baseline=first_baseline + i * pitch * s,
                              width=fonts.advance(style.face, text) * s))
    ink_width = max(right - left for left, _top, right, _bottom in fitted.inks) * s
    ink = Box(centre - ink_width / 2, first_baseline + top * s, ink_width, (bottom - top) * s)
    return TextBlock(lines=tuple(lines), font=style.face, size=s, color=style.color, ink=ink, frame=box)
