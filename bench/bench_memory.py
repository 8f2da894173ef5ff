"""Peak memory of the largest rasters: a 10 × 5 m panel (pano-5x10) as PNG and as CMYK TIFF at
72 dpi, and at the highest density bannerkit accepts for it, each in its own process, measured
with /usr/bin/time -v (maximum resident set size). The designed slogan panel is used: a radial
field, rays, a drum face, waving flags and gold text with outline and shadow.

Target (issue 15): every render under 1 GB. Exits 1 when one exceeds it. Takes several minutes.
    .venv/bin/python bench/bench_memory.py
"""

from __future__ import annotations

import math
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from bannerkit.sizes import MAX_STREAMED_PIXELS, find_size

LIMIT_KB = 1024 * 1024
BANNERKIT = str(Path(sys.executable).parent / "bannerkit")


def peak_kb(fmt: str, dpi: float) -> tuple[int, float]:
    with tempfile.TemporaryDirectory() as out:
        run = subprocess.run(["/usr/bin/time", "-v", BANNERKIT, "render", "--slogan", "5", "--size", "pano-5x10",
                              "--layout", "slogan-panel", "--dpi", f"{dpi:g}", "--format", fmt, "--out-dir", out],
                             capture_output=True, text=True, check=True)
    kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr).group(1))
    seconds = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", run.stderr).group(1)
    minutes, _, rest = seconds.rpartition(":")
    return kb, float(minutes or 0) * 60 + float(rest)


def main() -> int:
    preset = find_size("pano-5x10")
    highest = math.floor(math.sqrt(MAX_STREAMED_PIXELS / (preset.width_mm * preset.height_mm)) * 25.4 * 10) / 10
    failed = False
    for dpi in (72, highest):
        for fmt in ("png", "tiff"):
            kb, seconds = peak_kb(fmt, dpi)
            size = find_size("pano-5x10", dpi=dpi)
            print(f"pano-5x10 {fmt:<4} at {dpi:5.1f} dpi ({size.width_px} × {size.height_px} px): "
                  f"peak {kb / 1024:5.0f} MB, {seconds:5.1f} s")
            failed |= kb > LIMIT_KB
    print("target: every render under 1 GB" + ("  MISSED" if failed else "  met"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
