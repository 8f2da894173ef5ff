"""Turn a render into what a single- or three-colour LED board can show: its own colours only.

The scene is painted without anti-aliasing; the background becomes unlit (black) and every other
colour the nearest colour the board has (red boards: red; three-colour boards: red, green, yellow).
A red flag on a red field stays lit: the background is painted in a colour of its own first.
On a single-colour board every shape is the one colour, so boards want the led layout.
"""

from __future__ import annotations

import dataclasses

from PIL import Image

from ..caches import file_cache
from ..model import Color, Scene
from ..resources import package_data, read_toml
from .raster import hex_rgb, paint_raster, scene_colours

OFF = (0, 0, 0)
UNLIT = "#010203"  # the background while painting: no design uses it


@file_cache
def board_colours() -> dict[str, list[tuple[int, int, int]]]:
    colours = read_toml(package_data("led.toml"))["colors"]
    return {mode: [hex_rgb(c) for c in listed] for mode, listed in colours.items()}


def paint_board(scene: Scene, width_px: int, height_px: int, mode: str) -> Image.Image:
    """A palette image in the board's colours (mode 'red' or 'tricolor')."""
    lit = board_colours()[mode]
    scene = dataclasses.replace(scene, background=Color(UNLIT))
    colours = sorted({hex_rgb(c.rgb) for c in scene_colours(scene)})
    targets = [OFF if c == hex_rgb(UNLIT) else min(lit, key=lambda t: _distance(c, t)) for c in colours]
    source = Image.new("P", (1, 1))
    source.putpalette([v for c in colours for v in c])
    image = paint_raster(scene, width_px, height_px, antialias=False).quantize(palette=source, dither=Image.Dither.NONE)
    image.putpalette([v for c in targets for v in c])
    return image


def _distance(a: tuple[int, int, int], b: tuple[int, int, int]) -> int:
    return sum((x - y) ** 2 for x, y in zip(a, b))
