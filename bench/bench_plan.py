"""Batch planning grows linearly with the spec: 2,000 and 20,000 units (one design each), planned
and bookkept (check + the per-unit bookkeeping of a run), in the same run of this script.

Targets (issue 12): 20,000 units in seconds (under 10 s here), and ten times the units in at most
15 times the time (linear, with room for noise). Exits 1 when a target is missed. Run:
    .venv/bin/python bench/bench_plan.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bannerkit.batch import Settings, check
from bannerkit.batch.run import UnitFiles


def seconds_for(units: int, folder: Path) -> float:
    spec = folder / f"units-{units}.csv"
    rows = ["unit,slogans,sizes,formats,layout"] + [f"Đảng ủy xã số {n},28,640x320px,png,classic" for n in range(units)]
    spec.write_text("\n".join(rows), encoding="utf-8")
    start = time.perf_counter()
    tasks, problems = check(spec, Settings())
    UnitFiles(None, tasks, tasks, folder, False, {"files": {}})  # type: ignore[arg-type]
    assert len(tasks) == units and not problems
    return time.perf_counter() - start


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        small, large = seconds_for(2_000, Path(tmp)), seconds_for(20_000, Path(tmp))
    print(f"2,000 units: {small:.2f} s; 20,000 units: {large:.2f} s ({large / small:.1f}x for 10x the units)")
    return 0 if large < 10 and large / small <= 15 else 1


if __name__ == "__main__":
    sys.exit(main())
