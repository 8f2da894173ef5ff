"""Line breaks against the hand annotation of the 30 slogans (tests/data/slogan-structure.txt):
per shape, the breaks that fall inside a word and the share that fall at phrase boundaries, for
the classic layout at the six shapes issue 13 names.

Targets (issue 13): no break inside a word; at least 80 % of breaks at phrase boundaries.
Exits 1 when a target is missed. Run:
    .venv/bin/python bench/bench_breaks.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from slogan_structure import INSIDE_WORD, PHRASE, SHAPES, measure


def main() -> int:
    missed = False
    print(f"{'shape':<16} {'breaks':>6} {'inside a word':>14} {'at phrases':>11}")
    for size in SHAPES:
        counts = measure(size)
        total = sum(counts.values())
        share = counts[PHRASE] / total if total else 1.0
        missed |= counts[INSIDE_WORD] > 0 or share < 0.8
        print(f"{size:<16} {total:>6} {counts[INSIDE_WORD]:>14} {share:>10.0%}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
