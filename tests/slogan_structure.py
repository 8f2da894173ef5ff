"""Read the hand annotation of the slogans' structure (tests/data/slogan-structure.txt) and
classify the line breaks of a layout against it: inside a word, between words of one phrase,
or at a phrase boundary. Used by tests/test_breaks.py and bench/bench_breaks.py."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ANNOTATION = Path(__file__).parent / "data" / "slogan-structure.txt"
INSIDE_WORD, WORD, PHRASE = "inside a word", "between words", "phrase boundary"
_SEPARATOR = re.compile(r"( / |_| )")


@dataclass(frozen=True)
class Structure:
    tokens: tuple[str, ...]  # the text's space-separated tokens
    joins: tuple[str, ...]  # what stands between token i and token i + 1

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


def read_annotation(path: Path = ANNOTATION) -> dict[int, Structure]:
    structures = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        number, marked = line.split(" ", 1)
        parts = _SEPARATOR.split(marked)
        tokens, marks = parts[0::2], parts[1::2]
        joins = tuple({"_": INSIDE_WORD, " ": WORD, " / ": PHRASE}[m] for m in marks)
        structures[int(number)] = Structure(tuple(tokens), joins)
    return structures


def classify(structure: Structure, lines: list[str]) -> Counter[str]:
    """How many of the breaks between `lines` fall inside a word, between words, at a phrase boundary."""
    counts: Counter[str] = Counter()
    position = 0
    for line in lines[:-1]:
        position += len(line.split())
        counts[structure.joins[position - 1]] += 1
    return counts
