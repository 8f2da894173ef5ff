"""Renders compared with committed reference images.

Tolerance: mean absolute difference under 0.5 (of 255) per channel, and under 0.2 % of
pixels differing by more than 64. It absorbs anti-aliasing changes between FreeType and
Pillow releases; a moved line, a changed break or a missing mark exceeds it many times over.
Regenerate on purpose only: BANNERKIT_UPDATE_REFERENCES=1 pytest tests/test_reference_images.py
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from bannerkit import load_catalogue
from bannerkit.layout import build_scene, load_layout
from bannerkit.paint.raster import paint_raster
from bannerkit.sizes import find_size

REFERENCE = Path(__file__).parent / "reference"
RESULTS = Path(__file__).parent / "results"
CASES = [("classic", 28, "social-1080x1080", None), ("classic", 2, "bangron-1x6", 12.0),
         ("classic", 12, "phuon-0.8x2.5", 12.0)]


@pytest.mark.parametrize("layout, slogan, size, dpi", CASES)
def test_render_matches_reference(layout, slogan, size, dpi):
    preset = find_size(size, dpi=dpi)
    scene = build_scene(load_layout(layout), preset, load_catalogue().slogan(slogan).text)
    actual = paint_raster(scene, preset.width_px, preset.height_px)
    name = f"{layout}_slogan-{slogan:02d}_{size}.png"
    if os.environ.get("BANNERKIT_UPDATE_REFERENCES"):
        actual.save(REFERENCE / name, optimize=True)
    expected = Image.open(REFERENCE / name).convert("RGB")
    assert actual.size == expected.size
    diff = np.abs(np.asarray(actual, dtype=int) - np.asarray(expected, dtype=int))
    mean, share = diff.mean(), (diff.max(axis=2) > 64).mean()
    if mean >= 0.5 or share >= 0.002:
        RESULTS.mkdir(exist_ok=True)
        actual.save(RESULTS / f"actual_{name}")
        Image.fromarray((diff * 4).clip(0, 255).astype("uint8")).save(RESULTS / f"diff_{name}")
    assert mean < 0.5 and share < 0.002, f"mean {mean:.3f}, share {share:.4f}; see tests/results/"
