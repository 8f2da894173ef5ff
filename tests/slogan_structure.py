"""Read the hand annotation of the slogans' structure (tests/data/slogan-structure.txt) and
classify the line breaks of a layout against it: inside a word, between words of one phrase,
or at a phrase boundary. Used by tests/test_breaks.py and bench/bench_breaks.py."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bannerkit import Job, RenderOptions
from bannerkit.design import lay_out
from bannerkit.model import TextBlock

# The six shapes issue 13 measures: panel, strip banner, pennant, poster, landscape and portrait screen.
SHAPES = ("pano-3x6", "bangron-1x8", "phuon-0.8x2.5", "a2", "led-1920x1080", "led-1080x1920")
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


def slogan_lines(number: int, size: str, layout: str = "classic") -> list[str]:
    design = lay_out(Job(slogan=number), RenderOptions(size=size, layout=layout, formats=("pdf",)))
    block = next(e for e in design.scene.elements if isinstance(e, TextBlock))
    return [line.text for line in block.lines]


def measure(size: str) -> Counter[str]:
    """Where the breaks of all annotated slogans fall at this size."""
    counts: Counter[str] = Counter()
    for number, structure in read_annotation().items():
        counts += classify(structure, slogan_lines(number, size))
    return counts
