"""Painting a plain scene straight into its PNG palette gives the picture painting it in RGB and
quantizing after gives: the same index for every pixel but where a letter crosses a flag's edge
(a blend of blends, within the palette's 1/16 steps)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from bannerkit import Job, RenderOptions
from bannerkit.design import lay_out, paint
from bannerkit.layout import layout_files, load_layout
from bannerkit.paint.raster import blend_palette, paint_indexed, paint_raster

BLEND_STEP = 256 // 16  # blend_palette's steps between two colours


def _plain_designs(size: str) -> list:
    designs = []
    for name in sorted(layout_files()):
        if load_layout(name).strip:
            continue
        job = Job(**{**load_layout(name).example, "unit": "Quận ủy Ninh Kiều", "qr": "https://example.vn/van-ban/5"})
        design = lay_out(job, RenderOptions(size=size, layout=name, formats=("png",)))
        if blend_palette(design.scene) is not None:
            designs.append(design)
    return designs


@pytest.mark.parametrize("size", ["led-1920x1080", "social-1080x1080"])
def test_indexed_painting_is_rgb_painting_quantized(size):
    designs = _plain_designs(size)
    assert len(designs) >= 4  # most layouts are plain: the test compares something
    for design in designs:
        palette = blend_palette(design.scene)
        width, height = design.pixels
        expected = paint_raster(design.scene, width, height).quantize(palette=palette, dither=Image.Dither.NONE)
        painted = paint_indexed(design.scene, width, height, palette)
        assert painted.mode == "P" and painted.getpalette() == expected.getpalette()
        differ = np.asarray(painted) != np.asarray(expected)
        assert differ.sum() <= width * height // 10_000, design.options.layout  # a few pixels at most
        gap = np.abs(np.asarray(painted.convert("RGB"), int) - np.asarray(expected.convert("RGB"), int))
        assert gap.max() <= BLEND_STEP, design.options.layout


def test_a_png_only_design_is_a_palette_image_and_a_png_with_a_jpeg_is_painted_in_rgb():
    job = Job(slogan=5, qr="https://example.vn/van-ban/5")
    alone = paint(lay_out(job, RenderOptions(size="led-1920x1080", formats=("png",))))
    both = paint(lay_out(job, RenderOptions(size="led-1920x1080", formats=("png", "jpeg"))))
    assert alone[0].image is not None and alone[0].image.mode == "P"
    assert both[0].image is not None and both[0].image.mode == "RGB"
    assert alone[0].data == both[0].data  # the same PNG either way
