"""Turn a layout's decorations and its theme's field into artwork behind the composed blocks:
the field's gradient, rays behind the flags, a drum face behind the headline, lotus flowers, a
frame. Decorations take no room from the blocks; they are placed once the blocks are drawn, on
the page or on what a named block drew."""

from __future__ import annotations

import math

from .. import artwork
from ..assets import art, load_asset, place
from ..model import Art, Box, Element, Field, Group
from ..paint.blend import gradient_steps, mix
from .blocks import Finish
from .spec import Layout


def decorate(layout: Layout, page: Box, groups: tuple[Group, ...], finish: Finish) -> tuple[Group, ...]:
    """The field and the decorations, as groups to paint before the blocks."""
    layers = []
    field = _field(page, finish)
    if field is not None:
        layers.append(Group("field", page, (field,)))
    drawn = {g.name: g.extent for g in groups}
    elements: list[Element] = []
    for decor in layout.decorations:
        opacity = decor.opacity * finish.theme.decor_opacity
        if decor.art == "border":
            elements.append(_border(page, decor.inset, decor.size, opacity, finish))
            continue
        anchor = drawn.get(decor.behind) if decor.behind else page
        if anchor is None:
            continue  # the block it decorates is not on this page
        cx, cy = anchor.x + decor.x * anchor.width, anchor.y + decor.y * anchor.height
        side = decor.size * min(page.width, page.height)
        if decor.cover:
            side = 2 * max(math.hypot(x - cx, y - cy) for x in (page.x, page.right) for y in (page.y, page.bottom))
        box = Box(cx - side / 2, cy - side / 2, side, side)
        elements += place(load_asset(decor.art, finish.layouts_dir), box, finish.palette, color=decor.color,
                          opacity=opacity)[1]
    if elements:
        layers.append(Group("decor", page, tuple(elements)))
    return tuple(layers)


def _field(page: Box, finish: Finish) -> Field | None:
    """The theme's field as fine bands of blended colour, edge (or top) first."""
    theme = finish.theme
    if theme.field_kind == "flat" or len(theme.field_colors) < 2:
        return None
    stops = tuple(finish.color(token) for token in theme.field_colors)
    count = gradient_steps(stops)
    return Field(theme.field_kind, tuple(mix(stops, i / (count - 1)) for i in range(count)), page)


def _border(page: Box, inset: float, size: float, opacity: float, finish: Finish) -> Art:
    short = min(page.width, page.height)
    corner_markup = artwork.corner()[0]
    markup = artwork.border(page.width, page.height, inset * short, corner_markup, size * short)
    return art(markup, (0.0, 0.0, page.width, page.height), page, finish.palette, opacity)
