"""Measured typography over the whole catalogue: PNG and PDF agree, nothing leaves the safe
area, the text fills its space, and no lonely word ends a text."""

from __future__ import annotations

from functools import cache

import numpy as np
import pypdfium2
import pytest
from PIL import Image

from bannerkit import load_catalogue
from bannerkit.layout import Content, build_scene, load_layout
from bannerkit.model import Scene, SizePreset, TextBlock
from bannerkit.paint.pdf import paint_pdf
from bannerkit.paint.raster import paint_raster
from bannerkit.sizes import find_size
from bannerkit.text.structure import units_of as words

SLOGANS = [s.id for s in load_catalogue().slogans]
LONG_SIDE_PX = 2000  # physical presets are rendered at this many pixels: enough to measure 1 %


def _preset(size: str) -> SizePreset:
    preset = find_size(size)
    if preset.pixel_native:
        return preset
    return find_size(size, dpi=LONG_SIDE_PX / (max(preset.width_mm, preset.height_mm) / 25.4))


@cache
def _render(slogan: int, size: str) -> tuple[SizePreset, Scene, Image.Image]:
    preset = _preset(size)
    scene = build_scene(load_layout("classic"), preset, Content(slogan=load_catalogue().slogan(slogan).text))
    return preset, scene, paint_raster(scene, preset.width_px, preset.height_px)


def _block(scene: Scene) -> TextBlock:
    return next(e for e in scene.elements if isinstance(e, TextBlock))


def _ink(image: Image.Image) -> np.ndarray:
    """Pixels far from the background colour (read in the corner, so CMYK PDFs measure alike)."""
    rgb = np.asarray(image.convert("RGB")).astype(int)
    return np.abs(rgb - rgb[0, 0]).sum(axis=2) > 60


def _line_boxes(image: Image.Image, block: TextBlock, px_per_mm: float) -> list[tuple[int, int, int, int]]:
    """Ink bounds of each line's capitals (baseline up to cap height), clear of the marks that
    reach into the neighbouring lines."""
    ink = _ink(image)
    x0 = max(int(block.frame.x * px_per_mm) - 2, 0)
    cap = block.font.cap_height * block.size
    boxes = []
    for line in block.lines:
        top, bottom = int((line.baseline - cap) * px_per_mm), int(line.baseline * px_per_mm)
        ys, xs = np.nonzero(ink[top:bottom, x0:])
        boxes.append((xs.min() + x0, ys.min() + top, xs.max() + x0, ys.max() + top))
    return boxes


@pytest.mark.slow
@pytest.mark.parametrize("size", ["pano-3x6", "a3", "led-1920x1080"])
@pytest.mark.parametrize("slogan", SLOGANS)
def test_png_and_pdf_show_the_same_lines_at_the_same_places(slogan, size):
    preset, scene, png = _render(slogan, size)
    block = _block(scene)
    page = pypdfium2.PdfDocument(paint_pdf(scene))[0]
    pdf = page.render(scale=preset.width_px / page.get_size()[0]).to_pil()
    tolerance = 0.01 * max(png.size)  # 1 % of the page
    for a, b in zip(_line_boxes(png, block, preset.px_per_mm), _line_boxes(pdf, block, preset.px_per_mm), strict=True):
        assert np.abs(np.subtract(a, b)).max() <= tolerance, (a, b)


@pytest.mark.parametrize("size", ["pano-3x6", "led-1920x1080", "bangron-1x6", "a3"])
@pytest.mark.parametrize("slogan", SLOGANS)
def test_text_is_safe_large_and_balanced(slogan, size):
    preset, scene, png = _render(slogan, size)
    block, k = _block(scene), preset.px_per_mm
    ink = _ink(png)
    ys, xs = np.nonzero(ink)
    safe = scene.safe
    assert xs.min() >= safe.x * k - 1 and xs.max() <= safe.right * k + 1, "ink left the safe area"
    assert ys.min() >= safe.y * k - 1 and ys.max() <= safe.bottom * k + 1, "ink left the safe area"
    # Fill: the text's ink, measured on the PNG inside its frame, against the binding dimension.
    frame = block.frame
    region = ink[int(frame.y * k):int(frame.bottom * k) + 1, int(frame.x * k):int(frame.right * k) + 1]
    ys, xs = np.nonzero(region)
    fill = max((xs.max() - xs.min()) / (frame.width * k), (ys.max() - ys.min()) / (frame.height * k))
    assert fill >= 0.7, f"text fills only {fill:.0%} of its space"
    lines = [line.text for line in block.lines]
    assert len(lines) == 1 or len(words(lines[-1])) > 1, f"lonely last word: {lines}"
