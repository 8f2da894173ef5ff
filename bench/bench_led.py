"""LED speed: CPU time per 1920x1080 LED PNG in a batch (led layout, 9 units x 30 slogans), and
the time to encode a 60-second 1080p playlist video.

Targets (issue 7): under 25 ms of CPU per image; the 60 s playlist in under 60 s. Run:
    .venv/bin/python bench/bench_led.py
"""

from __future__ import annotations

import csv
import resource
import tempfile
import time
from pathlib import Path

from bannerkit.batch import Settings, run_batch
from bannerkit.led import playlist
from bannerkit.options import RenderOptions

UNITS = ["Quận ủy Ninh Kiều", "Quận ủy Bình Thủy", "Quận ủy Cái Răng", "Quận ủy Ô Môn", "Quận ủy Thốt Nốt",
         "Huyện ủy Phong Điền", "Huyện ủy Cờ Đỏ", "Huyện ủy Thới Lai", "Huyện ủy Vĩnh Thạnh"]


def cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def batch_cpu(folder: Path) -> tuple[int, float, float, float]:
    spec = folder / "led.csv"
    with spec.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["unit", "slogans", "sizes", "formats", "layout"])
        writer.writerows([unit, "1-30", "led-1920x1080", "png", "led"] for unit in UNITS)
    cpu, wall = cpu_seconds(), time.perf_counter()
    report = run_batch(spec, folder / "out", settings=Settings(), workers=2)
    return report.rendered, report.render_cpu_seconds, cpu_seconds() - cpu, time.perf_counter() - wall


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        images, rendering, cpu, wall = batch_cpu(Path(tmp))
        print(f"batch: {images} LED PNGs at 1920x1080 in {wall:.1f} s ({images / wall:.1f} images/s, 2 workers)")
        per_image = rendering / images * 1000
        print(f"  rendering (layout, painting, PNG, thumbnail, writing): {per_image:.1f} ms CPU per image")
        print(f"  everything (also planning, contact sheets, manifest):  {cpu / images * 1000:.1f} ms CPU per image")
        start = time.perf_counter()
        path = playlist(list(range(1, 9)), RenderOptions(size="led-1920x1080", layout="led"), seconds=7.5, fade=0.5,
                        out_dir=Path(tmp))
        print(f"playlist: 60 s of 1080p video (8 slogans x 7.5 s, 25 fps) in {time.perf_counter() - start:.1f} s, "
              f"{path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
