"""The README's example batch as a user runs it: the Cần Thơ spec (9 units × 30 slogans × a 3 × 6 m
panel and a 1920x1080 screen, PNG and PDF: 540 designs, 1080 files) with --jobs 2, start-up to
exit; and the PDF alone, per design, in this process (panels and screens).

Targets (issue 17): the batch under 20 s on 2 cores; a PDF under 30 ms. Times here vary by about
15 %: the bench exits 1 when a figure misses its target by more.
    .venv/bin/python bench/bench_example.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bannerkit import Job, RenderOptions
from bannerkit.design import lay_out, paint

ROOT = Path(__file__).resolve().parent.parent
BANNERKIT = str(Path(sys.executable).parent / "bannerkit")
TARGET_BATCH_S, TARGET_PDF_MS, NOISE = 20.0, 30.0, 0.15


def batch_seconds() -> float:
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("cantho-quan-huyen-uy.csv", "bannerkit.toml"):
            shutil.copy(ROOT / "examples" / name, Path(tmp) / name)
        start = time.perf_counter()
        subprocess.run([BANNERKIT, "batch", "cantho-quan-huyen-uy.csv", "--jobs", "2", "-q"], check=True, cwd=tmp)
        return time.perf_counter() - start


def pdf_ms() -> float:
    times = []
    for size in ("pano-3x6", "led-1920x1080"):
        options = RenderOptions(size=size, formats=("pdf",))
        paint(lay_out(Job(slogan=30), options))  # fonts registered, templates read
        for n in range(1, 21):
            design = lay_out(Job(slogan=n, unit="Quận ủy Ninh Kiều", qr=f"https://example.vn/van-ban/{n}"), options)
            start = time.perf_counter()
            paint(design)
            times.append(time.perf_counter() - start)
    return sum(times) / len(times) * 1000


def main() -> int:
    seconds = batch_seconds()
    print(f"README example batch (540 designs, PNG + PDF, --jobs 2): {seconds:.1f} s; target {TARGET_BATCH_S:.0f} s")
    pdf = pdf_ms()
    print(f"PDF per design (panel and screen, laid out beforehand): {pdf:.1f} ms; target {TARGET_PDF_MS:.0f} ms")
    met = seconds <= TARGET_BATCH_S * (1 + NOISE) and pdf <= TARGET_PDF_MS * (1 + NOISE)
    print("targets met" if met else "target missed")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
