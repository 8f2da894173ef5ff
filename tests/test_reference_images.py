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

from bannerkit.job import Job, prepare
from bannerkit.layout import build_scene, load_layout
from bannerkit.paint.raster import paint_raster
from bannerkit.sizes import find_size

REFERENCE = Path(__file__).parent / "reference"
RESULTS = Path(__file__).parent / "results"
CASES = {
    "classic_slogan-28_social-1080x1080": ("classic", Job(slogan=28), "social-1080x1080", None),
    "classic_slogan-02_bangron-1x6": ("classic", Job(slogan=2), "bangron-1x6", 12.0),
    "classic_slogan-12_phuon-0.8x2.5": ("classic", Job(slogan=12), "phuon-0.8x2.5", 12.0),
    "congress_pano-3x6": ("congress", Job(event="Đại hội đại biểu Đảng bộ thành phố Cần Thơ lần thứ XV, "
                                                "nhiệm kỳ 2025 - 2030", unit="Ban Thường vụ Thành ủy Cần Thơ"),
                          "pano-3x6", 6.0),
    "anniversary_dang-95_a3": ("anniversary", Job(anniversary="dang-95"), "a3", 40.0),
    "poster_slogan-24_a4": ("poster", Job(slogan=24, headline="Kỷ nguyên mới", unit="Quận ủy Ninh Kiều",
                                          date="ngày 3 tháng 2 năm 2025"), "a4", 40.0),
    "led_slogan-01_led-1280x720": ("led", Job(slogan=1), "led-1280x720", None),
    # the designed layouts: artwork, gradients and text effects, in their own theme and another
    "congress-panel_pano-3x6": ("congress-panel", Job(event="Đại hội đại biểu Đảng bộ thành phố Cần Thơ lần thứ XV, "
                                                          "nhiệm kỳ 2025 - 2030", unit="Ban Thường vụ Thành ủy Cần Thơ"),
                                "pano-3x6", 6.0),
    "anniversary-panel_bac-ho-135_led-1080x1920": ("anniversary-panel", Job(anniversary="bac-ho-135"), "led-1080x1920",
                                                   None),
    "slogan-panel-light_slogan-24_social-1080x1080": ("slogan-panel", Job(slogan=24), "social-1080x1080", None,
                                                      "light"),
}


@pytest.mark.parametrize("case", CASES)
def test_render_matches_reference(case):
    layout, job, size, dpi, *theme = CASES[case]
    preset = find_size(size, dpi=dpi)
    scene = build_scene(load_layout(layout), preset, prepare(job).content, theme=theme[0] if theme else None)
    actual = paint_raster(scene, preset.width_px, preset.height_px)
    name = f"{case}.png"
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
