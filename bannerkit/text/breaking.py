"""Turn a text into balanced lines: break between words, never before a dash or a mark."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# A token made only of dashes or punctuation belongs to the word before it, so that no line
# starts with "-" or "!" (the dash in "Việt Nam - Người lãnh đạo" ends the first line).
_ATTACHED = re.compile(r"^[-–—!?.,;:)\]…»”’]+$")


def words(text: str) -> list[str]:
    """Break units: space-separated syllables, with lone punctuation glued to its left."""
    units: list[str] = []
    for token in text.split(" "):
        if units and _ATTACHED.match(token):
            units[-1] += " " + token
        else:
            units.append(token)
    return units


def balanced_lines(units: Sequence[str], count: int, unit_widths: Sequence[float], space: float) -> list[str]:
    """Split into `count` lines whose widest line is as narrow as possible, then as even as possible."""
    n = len(units)
    count = max(1, min(count, n))
    line_width = _line_widths(unit_widths, space)
    widest = _min_max_width(n, count, line_width)
    return [" ".join(units[i:j]) for i, j in _least_ragged(n, count, line_width, widest)]


def _line_widths(unit_widths: Sequence[float], space: float) -> Callable[[int, int], float]:
    """Width of units i..j-1 set on one line, from prefix sums (kerning across spaces ignored)."""
    prefix = [0.0]
    for w in unit_widths:
        prefix.append(prefix[-1] + w)
    return lambda i, j: prefix[j] - prefix[i] + space * (j - i - 1)


def _min_max_width(n: int, count: int, line_width: Callable[[int, int], float]) -> float:
    """Dynamic programme over break positions: best[k][j] is the narrowest widest line of j units in k lines."""
    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(count + 1)]
    best[0][0] = 0.0
    for k in range(1, count + 1):
        for j in range(k, n + 1):
            best[k][j] = min(max(best[k - 1][i], line_width(i, j)) for i in range(k - 1, j))
    return best[count][n]


def _least_ragged(n: int, count: int, line_width: Callable[[int, int], float], widest: float) -> list[tuple[int, int]]:
    """Among breaks no wider than `widest`, the one with the least squared slack (raggedness)."""
    inf = float("inf")
    limit = widest * (1 + 1e-9)
    cost = [[inf] * (n + 1) for _ in range(count + 1)]
    back = [[0] * (n + 1) for _ in range(count + 1)]
    cost[0][0] = 0.0
    for k in range(1, count + 1):
        for j in range(k, n + 1):
            for i in range(k - 1, j):
                w = line_width(i, j)
                if w <= limit and cost[k - 1][i] + (widest - w) ** 2 < cost[k][j]:
                    cost[k][j], back[k][j] = cost[k - 1][i] + (widest - w) ** 2, i
    spans, j = [], n
    for k in range(count, 0, -1):
        spans.append((back[k][j], j))
        j = back[k][j]
    return spans[::-1]
