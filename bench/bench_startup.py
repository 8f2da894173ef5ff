"""Start-up: `bannerkit --version` against a bare `python -c pass`, and one 1920×1080 PNG render,
each the median of several runs, all in the same run of this script.

Targets (issue 11): --version within 0.15 s of bare Python; the render within 0.6 s wall.
Exits 1 when a target is missed by more than the noise of this machine (±15 %). Run:
    .venv/bin/python bench/bench_startup.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 9
NOISE = 1.15
VERSION_OVER_BARE_S = 0.15
RENDER_S = 0.6
BANNERKIT = str(Path(sys.executable).parent / "bannerkit")


def median_seconds(command: list[str], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    bare = median_seconds([sys.executable, "-c", "pass"])
    version = median_seconds([BANNERKIT, "--version"])
    with tempfile.TemporaryDirectory() as out:
        render = median_seconds([BANNERKIT, "render", "--slogan", "28", "--size", "led-1920x1080", "--format", "png",
                                 "--out-dir", out], runs=5)
    print(f"python -c pass:                          {bare * 1000:6.0f} ms")
    print(f"bannerkit --version:                     {version * 1000:6.0f} ms  "
          f"({(version - bare) * 1000:.0f} ms over bare Python; target {VERSION_OVER_BARE_S * 1000:.0f})")
    print(f"bannerkit render 1920x1080 PNG (wall):   {render * 1000:6.0f} ms  (target {RENDER_S * 1000:.0f})")
    missed = [name for name, value, target in (("--version", version - bare, VERSION_OVER_BARE_S),
                                                ("render", render, RENDER_S)) if value > target * NOISE]
    if missed:
        print(f"missed: {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
