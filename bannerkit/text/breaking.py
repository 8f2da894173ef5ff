"""Turn a text into balanced lines, breaking only where a Vietnamese reader expects a break.

Breaks fall between syllables, never inside a keep-together phrase and never before a dash
or a punctuation mark. Among the allowed breaks the choice is an optimisation, not a greedy
fill: first the narrowest possible widest line (that sets the font size), then the least
raggedness (sum of squared slack), with a small preference for breaks after punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

# A token made only of dashes or punctuation belongs to the word before it, so that no line
# starts with "-" or "!" (the dash in "Việt Nam - Người lãnh đạo" ends the first line).
_ATTACHED = re.compile(r"^[-–—!?.,;:)\]…»”’]+$")
_PUNCTUATED = re.compile(r"[-–—,;:.!?]$")
# A break that is not after punctuation costs as much as this share of the line width in slack;
# a line of a single syllable (a lonely word) costs far more.
_PLAIN_BREAK_COST = 0.12
_LONELY_WORD_COST = 0.5


def words(text: str) -> list[str]:
    """Break units: space-separated syllables, with lone punctuation glued to its left."""
    units: list[str] = []
    for token in text.split(" "):
        if units and _ATTACHED.match(token):
            units[-1] += " " + token
        else:
            units.append(token)
    return units


def breakable(units: Sequence[str], spans: Sequence[tuple[int, int]]) -> list[int]:
    """Unit indices a line may start at (0 and len(units) included): no span is cut."""
    offsets, position = [], 0
    for unit in units:
        offsets.append(position)
        position += len(unit) + 1
    cut = {i for i in range(1, len(units)) for start, end in spans if start < offsets[i] < end}
    return [i for i in range(len(units) + 1) if i not in cut]


def innermost(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that contain no other span ("Hồ Chí Minh" inside "Chủ tịch Hồ Chí Minh")."""
    return [s for s in spans if not any(o != s and s[0] <= o[0] and o[1] <= s[1] for o in spans)]


class LineWidths:
    """Width of units i..j-1 set on one line, from prefix sums (kerning across spaces ignored)."""

    def __init__(self, unit_widths: Sequence[float], space: float) -> None:
        self.prefix = [0.0]
        for w in unit_widths:
            self.prefix.append(self.prefix[-1] + w)
        self.space = space

    def __call__(self, i: int, j: int) -> float:
        return self.prefix[j] - self.prefix[i] + self.space * (j - i - 1)


def narrowest_widest(widths: LineWidths, stops: Sequence[int], max_lines: int) -> Iterator[float]:
    """For k = 1, 2, ... max_lines lines, the narrowest possible widest line (inf where impossible).

    Dynamic programme over the allowed break positions `stops`, one line count at a time so
    that the caller can stop early.
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
            for a in range(b - 1, -1, -1):  # longer and longer last lines
                w = end - prefix[stops[a]] + space * (j - stops[a])
                if w >= nxt[b]:
                    break
                nxt[b] = w if w > best[a] else min(best[a], nxt[b])
        best = nxt
        yield best[-1]


def least_ragged(units: Sequence[str], widths: LineWidths, stops: Sequence[int], lines: int,
                 widest: float) -> list[str]:
    """The break into `lines` lines, none wider than `widest`, with the least raggedness."""
    inf = float("inf")
    prefix, space = widths.prefix, widths.space
    count, limit = len(stops), widest * (1 + 1e-9)
    plain, lonely = (_PLAIN_BREAK_COST * widest) ** 2, (_LONELY_WORD_COST * widest) ** 2 if lines > 1 else 0.0
    # What ending a line at each stop costs: nothing at the end or after punctuation.
    end_cost = [0.0 if b == count - 1 or _PUNCTUATED.search(units[stops[b] - 1]) else plain for b in range(count)]
    cost = [0.0] + [inf] * (count - 1)
    back: list[list[int]] = []
    for _ in range(lines):
        nxt, came = [inf] * count, [0] * count
        for b in range(1, count):
            j = stops[b]
            end = prefix[j] - space
            for a in range(b - 1, -1, -1):
                i = stops[a]
                w = end - prefix[i] + space * (j - i)
                if w > limit:
                    break
                c = cost[a] + (widest - w) ** 2 + end_cost[b] + (lonely if j - i == 1 else 0.0)
                if c < nxt[b]:
                    nxt[b], came[b] = c, a
        cost = nxt
        back.append(came)
    return _trace(units, stops, back)


def _trace(units: Sequence[str], stops: Sequence[int], back: list[list[int]]) -> list[str]:
    lines, b = [], len(stops) - 1
    for came in reversed(back):
        a = came[b]
        lines.append(" ".join(units[stops[a]:stops[b]]))
        b = a
    return lines[::-1]


def lonely_words(lines: Sequence[str]) -> int:
    """Lines of one syllable in a text of several lines (a word with glued punctuation is one)."""
    return 0 if len(lines) < 2 else sum(len(words(line)) == 1 for line in lines)


def cut_phrases(lines: Sequence[str], spans: Sequence[tuple[int, int]]) -> int:
    """How many keep-together spans the line breaks cut."""
    breaks, position = [], 0
    for line in lines[:-1]:
        position += len(line) + 1
        breaks.append(position - 1)  # the space that became a line break
    return sum(any(start < b < end for b in breaks) for start, end in spans)
