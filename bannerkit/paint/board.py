"""Turn a render into what a single- or three-colour LED board can show: its own colours only.

The scene is painted without anti-aliasing; the background becomes unlit (black) and every other
colour the nearest colour the board has (red boards: red; three-colour boards: red, green, yellow).
A red flag on a red field stays lit: the background is painted in a colour of its own first.
Decoration a board cannot show is left out: gradients, artwork and photos, text effects.
On a single-colour board a flag would be one lit rectangle, so dark artwork (the flags' red
field) stays unlit there and light artwork (the star, the hammer and sickle, the flag's plate)
is lit: the emblem in the lit colour on a dark field, framed by its plate. Text is always lit.
"""

from __future__ import annotations

import dataclasses

from PIL import Image

from ..caches import file_cache
from ..model import Art, Color, Element, Field, Picture, Polygon, Scene, TextBlock
from ..resources import package_data, read_toml
from .raster import hex_rgb, paint_raster, scene_colours

OFF = (0, 0, 0)
UNLIT = "#010203"  # the background while painting: no design uses it
DARK = 0.4  # artwork darker than this (the flags' red, 0.29) is unlit on a single-colour board


@file_cache
def board_colours() -> dict[str, list[tuple[int, int, int]]]:
    colours = read_toml(package_data("led.toml"))["colors"]
    return {mode: [hex_rgb(c) for c in listed] for mode, listed in colours.items()}


def paint_board(scene: Scene, width_px: int, height_px: int, mode: str) -> Image.Image:
    """A palette image in the board's colours (mode 'red' or 'tricolor')."""
    lit = board_colours()[mode]
    scene = dataclasses.replace(_undecorated(scene), background=Color(UNLIT))
    if len(lit) == 1:
        scene = _dark_artwork_unlit(scene)
    colours = sorted({hex_rgb(c.rgb) for c in scene_colours(scene)})
    targets = [OFF if c == hex_rgb(UNLIT) else min(lit, key=lambda t: _distance(c, t)) for c in colours]
    source = Image.new("P", (1, 1))
    source.putpalette([v for c in colours for v in c])
    image = paint_raster(scene, width_px, height_px, antialias=False).quantize(palette=source, dither=Image.Dither.NONE)
    image.putpalette([v for c in targets for v in c])
    return image


def _undecorated(scene: Scene) -> Scene:
    """The scene in flat colours: no artwork or pictures, text without effects."""
    def flat(e: Element) -> Element | None:
        if isinstance(e, Art | Picture | Field):
            return None
        return dataclasses.replace(e, effects=None) if isinstance(e, TextBlock) else e
    groups = tuple(dataclasses.replace(g, elements=tuple(f for e in g.elements if (f := flat(e)) is not None))
                   for g in scene.groups)
    return dataclasses.replace(scene, groups=groups)


def _dark_artwork_unlit(scene: Scene) -> Scene:
    unlit = Color(UNLIT)
    groups = tuple(dataclasses.replace(g, elements=tuple(
        dataclasses.replace(e, fill=unlit) if isinstance(e, Polygon) and _luminance(hex_rgb(e.fill.rgb)) < DARK else e
        for e in g.elements)) for g in scene.groups)
    return dataclasses.replace(scene, groups=groups)


def _luminance(rgb: tuple[int, int, int]) -> float:
    """Relative luminance, 0 to 1 (sRGB coefficients, gamma ignored: enough to sort light from dark)."""
    return (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255


def _distance(a: tuple[int, int, int], b: tuple[int, int, int]) -> int:
    return sum((x - y) ** 2 for x, y in zip(a, b))
