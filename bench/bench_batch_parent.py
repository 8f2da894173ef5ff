"""The batch's own process at a province's scale: 20,010 designs (667 units × 30 slogans, small
LED boards so that the run takes a minute or two), rendered with --jobs 2 in this process, its
peak resident memory read from the kernel (the workers are other processes).

Target (issue 17): the parent under 300 MB. Exits 1 past it (the figure varies by a few MB).
    .venv/bin/python bench/bench_batch_parent.py
"""

from __future__ import annotations

import csv
import resource
import sys
import tempfile
import time
from pathlib import Path

from bannerkit.batch import Settings, run_batch

UNITS = 667
LIMIT_MB = 300


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        spec = Path(tmp) / "units.csv"
        with spec.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["unit", "slogans", "sizes", "formats", "layout"])
            writer.writerows([f"Phường số {n}", "1-30", "led-p10-192x96", "png", "led"] for n in range(1, UNITS + 1))
        start = time.perf_counter()
        report = run_batch(spec, Path(tmp) / "out", settings=Settings(), workers=2)
        seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{report.rendered} designs in {seconds:.0f} s ({report.rendered / seconds:.0f}/s); "
          f"the batch's own process peaked at {peak_mb:.0f} MB (target: under {LIMIT_MB} MB)")
    return 0 if peak_mb < LIMIT_MB and not report.problems else 1


if __name__ == "__main__":
    sys.exit(main())
