"""Name the shape of a page, so that a layout can arrange itself differently for each.

A designer composes a pennant on a lamp post, a strip banner over a street and a portrait screen
in a lobby in different ways; layouts say how under [shape.NAME] (docs/layouts.md).
"""

from __future__ import annotations

from ..model import SizePreset

SHAPES = ("strip", "panel", "square", "portrait", "pennant", "portrait-screen", "tiny")
# A preset of each shape, for galleries, contact sheets and tests.
EXAMPLE_SIZES = {"strip": "bangron-1x8", "panel": "pano-3x6", "square": "social-1080x1080", "portrait": "a3",
                 "pennant": "phuon-0.8x2.5", "portrait-screen": "led-1080x1920", "tiny": "led-p10-192x96"}
STRIP_FROM = 3.0  # width / height from which a page is a strip banner
PENNANT_FROM = 2.2  # height / width from which a printed page hangs as a pennant
PORTRAIT_SCREEN_FROM = 1.5  # height / width from which a screen is a portrait screen (9:16)
SQUARE_WITHIN = 1.15  # a page within this ratio either way is square
TINY_BELOW_PX = 200  # a board with a shorter side under this many pixels holds little more than text


def shape_of(preset: SizePreset) -> str:
    wide, tall = preset.width_mm / preset.height_mm, preset.height_mm / preset.width_mm
    if wide >= STRIP_FROM:
        return "strip"
    if preset.pixel_native and min(preset.width_px, preset.height_px) < TINY_BELOW_PX:
        return "tiny"
    if not preset.pixel_native and tall >= PENNANT_FROM:
        return "pennant"
    if preset.pixel_native and tall >= PORTRAIT_SCREEN_FROM:
        return "portrait-screen"
    if tall >= SQUARE_WITHIN:
        return "portrait"
    return "panel" if wide >= SQUARE_WITHIN else "square"
