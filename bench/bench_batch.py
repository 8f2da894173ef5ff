"""Batch throughput: the example spec (9 units x 30 slogans) at 1920x1080, PNG, with --jobs 2,
side by side with ImageMagick's `convert ... caption:` making comparable images (same size,
colours and font, text fitted by ImageMagick) with two processes in parallel.

Targets (issue 6): at least 40 images/s, and at least 10x ImageMagick. Run:
    .venv/bin/python bench/bench_batch.py            (ImageMagick from Debian's imagemagick package)
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bannerkit import load_catalogue
from bannerkit.batch import Settings, run_batch
from bannerkit.text.normalise import upper

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "cantho-quan-huyen-uy.csv"
FONT = ROOT / "fonts" / "BeVietnamPro-ExtraBold.ttf"
WORKERS = 2
MAGICK_SAMPLE = 30  # one unit's worth: ImageMagick is slow enough that a sample gives its rate


def bannerkit_rate(folder: Path) -> tuple[int, float]:
    spec = folder / "spec.csv"
    with EXAMPLE.open(encoding="utf-8") as src, spec.open("w", encoding="utf-8", newline="") as dst:
        rows = list(csv.DictReader(src))
        writer = csv.DictWriter(dst, fieldnames=list(rows[0]))
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "sizes": "led-1920x1080", "formats": "png"})
    shutil.copy(EXAMPLE.parent / "bannerkit.toml", folder / "bannerkit.toml")
    start = time.perf_counter()
    report = run_batch(spec, folder / "out", settings=Settings(), workers=WORKERS)
    elapsed = time.perf_counter() - start
    assert not report.problems, report.problems
    return report.rendered, elapsed


# Debian's policy.xml caps images at 16K pixels a side, which caption:'s size search exceeds for
# long slogans; a private policy lifts it for this benchmark only.
POLICY = """<policymap>
  <policy domain="resource" name="width" value="128KP"/>
  <policy domain="resource" name="height" value="128KP"/>
  <policy domain="resource" name="area" value="1GP"/>
</policymap>
"""


def magick_rate(folder: Path) -> tuple[int, float] | None:
    binary = shutil.which("magick") or shutil.which("convert-im6.q16") or shutil.which("convert", path="/usr/bin")
    if binary is None:
        return None
    (folder / "policy.xml").write_text(POLICY, encoding="utf-8")
    env = {**os.environ, "MAGICK_CONFIGURE_PATH": str(folder)}
    texts = [upper(s.text) for s in load_catalogue().slogans][:MAGICK_SAMPLE]

    def one(item: tuple[int, str]) -> None:
        n, text = item
        subprocess.run([binary, "-size", "1920x1080", "-background", "#DA251D", "-fill", "#FFFF00",
                        "-font", str(FONT), "-gravity", "center", f"caption:{text}", str(folder / f"im-{n:02d}.png")],
                       check=True, capture_output=True, env=env)

    start = time.perf_counter()
    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(one, enumerate(texts)))
    return len(texts), time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        count, seconds = bannerkit_rate(folder)
        ours = count / seconds
        print(f"bannerkit:   {count} images in {seconds:.1f} s = {ours:.1f} images/s ({WORKERS} workers)")
        magick = magick_rate(folder)
        if magick is None:
            print("ImageMagick: not installed (apt-get install imagemagick) - comparison skipped")
            return
        m_count, m_seconds = magick
        theirs = m_count / m_seconds
        print(f"ImageMagick: {m_count} images in {m_seconds:.1f} s = {theirs:.2f} images/s ({WORKERS} processes)")
        print(f"bannerkit is {ours / theirs:.1f}x faster")


if __name__ == "__main__":
    main()
