"""How the classic layout fills each shape over the 30 slogans: the largest and the median band
of bare field (shares of the page height, between the bands kept clear) and the slogan's median
capital height.

Target (issue 13): bare bands at most 15 % on pennants and portrait screens
(tests/test_composition.py asserts it, and the strip-width and QR rules). Run:
    .venv/bin/python bench/bench_composition.py
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from composition import bare_bands, text_of

from bannerkit import Job, RenderOptions
from bannerkit.design import lay_out

SIZES = ("phuon-0.8x2.5", "phuon-0.6x2", "led-1080x1920", "social-1080x1920", "a2", "bangron-1x8", "pano-3x6")


def main() -> None:
    print(f"{'size':<18} {'largest bare band':>18} {'median':>7} {'median cap mm':>14}")
    for size in SIZES:
        bands, caps = [], []
        for number in range(1, 31):
            design = lay_out(Job(slogan=number), RenderOptions(size=size, formats=("pdf",)))
            bands.append(max(bare_bands(design.scene, design.preset)))
            slogan = text_of(design.scene, "slogan")
            assert slogan is not None
            caps.append(slogan.cap_height)
        print(f"{size:<18} {max(bands):>18.0%} {statistics.median(bands):>7.0%} {statistics.median(caps):>14.0f}")


if __name__ == "__main__":
    main()
