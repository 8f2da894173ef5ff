"""Turn a text's structure into balanced lines: where to break, as an optimisation.

First the narrowest possible widest line (that sets the font size), then the least raggedness
(sum of squared slack) plus a cost for each break by its rank (text/structure.py). Lines never
run across a break the user typed.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

from .structure import PHRASE, Structure, units_of

# A designer accepts a text this much smaller to avoid one break of each rank (phrase boundary,
# between words, inside a name, inside a word), a line ending on a word that leans on the next
# ("CỦA", "VÀ") and a lonely one-word line. Choosing among breaks of the same size, their
# logarithms are costs in units of (line width)², the unit raggedness (squared slack) is counted in.
BREAK_TRADES = (1.0, 0.75, 0.65, 0.45)
LEANING_TRADE = 0.75
LONELY_TRADE = 0.7


class LineWidths:
    """Width of units i..j-1 set on one line, from prefix sums (kerning across spaces ignored)."""

    def __init__(self, unit_widths: Sequence[float], space: float) -> None:
        self.prefix = [0.0]
        for w in unit_widths:
            self.prefix.append(self.prefix[-1] + w)
        self.space = space

    def __call__(self, i: int, j: int) -> float:
        return self.prefix[j] - self.prefix[i] + self.space * (j - i - 1)


def floors(structure: Structure, stops: Sequence[int]) -> list[int]:
    """For each stop, the earliest stop its line may start at: a line never crosses a typed break."""
    result, floor = [], 0
    for b, stop in enumerate(stops):
        result.append(floor)
        if stop in structure.forced:
            floor = b
    return result


def narrowest_widest(widths: LineWidths, stops: Sequence[int], lowest: Sequence[int],
                     max_lines: int) -> Iterator[float]:
    """For k = 1, 2, ... max_lines lines, the narrowest possible widest line (inf where impossible).

    Dynamic programme over the allowed break positions `stops` (`lowest`: see floors), one line
    count at a time so that the caller can stop early.
    """
    inf = float("inf")
    prefix, space = widths.prefix, widths.space
    count = len(stops)
    best = [0.0] + [inf] * (count - 1)  # narrowest widest line to reach stops[b] with k lines
    for _ in range(max_lines):
        nxt = [inf] * count
        for b in range(1, count):
            j = stops[b]
            end = prefix[j] - space
            for a in range(b - 1, lowest[b] - 1, -1):  # longer and longer last lines
                w = end - prefix[stops[a]] + space * (j - stops[a])
                if w >= nxt[b]:
                    break
                nxt[b] = w if w > best[a] else min(best[a], nxt[b])
        best = nxt
        yield best[-1]


def least_ragged(structure: Structure, widths: LineWidths, stops: Sequence[int], lowest: Sequence[int],
                 lines: int, widest: float) -> list[int]:
    """The break into `lines` lines, none wider than `widest`, with the least cost: the units each
    line starts at."""
    inf = float("inf")
    prefix, space = widths.prefix, widths.space
    count, limit = len(stops), widest * (1 + 1e-9)
    lonely = -math.log(LONELY_TRADE) * widest ** 2 if lines > 1 else 0.0
    end_cost = [0.0 if b in (0, count - 1) else _end_cost(structure, stops[b]) * widest ** 2 for b in range(count)]
    cost = [0.0] + [inf] * (count - 1)
    back: list[list[int]] = []
    for _ in range(lines):
        nxt, came = [inf] * count, [0] * count
        for b in range(1, count):
            j = stops[b]
            end = prefix[j] - space
            for a in range(b - 1, lowest[b] - 1, -1):
                i = stops[a]
                w = end - prefix[i] + space * (j - i)
                if w > limit:
                    break
                c = cost[a] + (widest - w) ** 2 + end_cost[b] + (lonely if j - i == 1 else 0.0)
                if c < nxt[b]:
                    nxt[b], came[b] = c, a
        cost = nxt
        back.append(came)
    starts, b = [], count - 1
    for came in reversed(back):
        b = came[b]
        starts.append(stops[b])
    return starts[::-1]


def _end_cost(structure: Structure, stop: int) -> float:
    trade = BREAK_TRADES[PHRASE if stop in structure.forced else structure.ranks[stop]]
    return -math.log(trade * (LEANING_TRADE if structure.leaning[stop - 1] else 1.0))


def trade(structure: Structure, starts: Sequence[int]) -> float:
    """The share of its size a text is worth with lines starting at these units."""
    ends = [*starts[1:], len(structure.units)]
    lines = [structure.line(start, end) for start, end in zip(starts, ends)]
    leaning = sum(structure.leaning[s - 1] for s in starts[1:])
    return (math.prod(BREAK_TRADES[rank] for rank in break_ranks(structure, starts))
            * LEANING_TRADE ** leaning * LONELY_TRADE ** lonely_words(lines))


def lonely_words(lines: Sequence[str]) -> int:
    """Lines of one syllable in a text of several lines (a word with glued punctuation is one)."""
    return 0 if len(lines) < 2 else sum(len(units_of(line)) == 1 for line in lines)


def break_ranks(structure: Structure, starts: Sequence[int]) -> list[int]:
    """The rank of each break a set of lines makes (typed breaks count as phrase boundaries)."""
    return [PHRASE if s in structure.forced else structure.ranks[s] for s in starts[1:]]
