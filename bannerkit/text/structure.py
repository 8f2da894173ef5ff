"""Read a text's structure for line breaking: how bad a break is between each two syllables.

Four ranks, from a break a designer chooses to one they never make:
  PHRASE  after punctuation, before a word that opens a phrase ("của", "và", "lần thứ"), after
          one that closes it ("chào mừng"), or where the user typed a break
  WORD    between two words of one phrase
  NAME    inside a keep-together phrase (phrases.txt: "Đảng Cộng sản Việt Nam")
  INSIDE  inside a word: "độc lập", "Hồ Chí Minh", "2025 - 2030"
Words come from underthesea's word segmenter (a CRF model shipped inside its wheel, so nothing is
downloaded) and from the innermost keep-together phrases; phrase openers and closers from
data/breaks.txt.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..caches import file_cache, lru_file_cache
from ..resources import package_data, read_limited
from .normalise import BREAK
from .phrases import Phrases

if TYPE_CHECKING:
    from ..catalogue import Catalogue

PHRASE, WORD, NAME, INSIDE = range(4)
_SEGMENTER = threading.Lock()
_PUNCTUATED = re.compile(r"[-–—,;:.!?]$")
# A token made only of dashes or punctuation belongs to the word before it, so that no line
# starts with "-" or "!" (the dash in "Việt Nam - Người lãnh đạo" ends the first line).
_ATTACHED = re.compile(r"^[-–—!?.,;:)\]…»”’]+$")


@dataclass(frozen=True)
class Structure:
    """`units` are what a line is made of (syllables, punctuation glued left); `ranks[s]` is the
    rank of a break before unit s (0 < s < len(units)); `forced` the breaks the user typed;
    `leaning[i]` says unit i opens a phrase, so a line should not end with it."""

    units: tuple[str, ...]
    ranks: tuple[int, ...]
    forced: frozenset[int]
    leaning: tuple[bool, ...]

    def stops(self, worst: int) -> list[int]:
        """Where a line may start when breaks up to rank `worst` are allowed (0 and the end included)."""
        count = len(self.units)
        return [s for s in range(count + 1) if s in (0, count) or s in self.forced or self.ranks[s] <= worst]

    def line(self, start: int, end: int) -> str:
        return " ".join(self.units[start:end])


def units_of(text: str) -> list[str]:
    """Break units: space-separated syllables, with lone punctuation glued to its left."""
    units: list[str] = []
    for token in text.split():
        if units and _ATTACHED.match(token):
            units[-1] += " " + token
        else:
            units.append(token)
    return units


@lru_file_cache(maxsize=4096)
def analyse(text: str, phrases: Phrases) -> Structure:
    """The structure of a clean text (text.normalise), its typed breaks included."""
    units = units_of(text)
    starts = _offsets(text, units)
    flat = text.replace(BREAK, " ")
    spans = phrases.spans(flat)
    words = _words(flat) + _innermost(spans)
    divisions = phrases.divisions(flat)
    opens, closes, attached = _markers(flat)
    forced = frozenset(s for s in range(1, len(units)) if text[starts[s] - 1] == BREAK)
    ranks = [PHRASE]
    for s in range(1, len(units)):
        gap = starts[s] - 1  # the space before unit s
        ranks.append(NAME if starts[s] in divisions or starts[s] in attached
                     else INSIDE if _within(gap, words) else NAME if _within(gap, spans)
                     else PHRASE if (_PUNCTUATED.search(units[s - 1]) or starts[s] in opens or gap in closes)
                     else WORD)
    leaning = tuple(any(start <= at < end for start, end in opens.values()) for at in starts)
    for s in range(1, len(units)):
        if leaning[s - 1] and ranks[s] == PHRASE and not _PUNCTUATED.search(units[s - 1]):
            ranks[s] = WORD  # "với | các": an opener leans on what follows it
    return Structure(tuple(units), tuple(ranks), forced, leaning)


def _offsets(text: str, units: Sequence[str]) -> list[int]:
    """Where each unit starts in the text (units are separated by one space or one BREAK)."""
    offsets, position = [], 0
    for unit in units:
        offsets.append(position)
        position += len(unit) + 1
    return offsets


def _within(position: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < position < end for start, end in spans)


def _innermost(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that contain no other span ("Hồ Chí Minh" inside "Chủ tịch Hồ Chí Minh")."""
    return [s for s in spans if not any(o != s and s[0] <= o[0] and o[1] <= s[1] for o in spans)]


def _markers(text: str) -> tuple[dict[int, tuple[int, int]], set[int], set[int]]:
    """Phrase openers (start -> span of the opener), the gaps right after phrase closers and the
    starts of modifiers attached to the word before them."""
    folded = text.casefold()
    before, after, attach = _lexicon()
    opens: dict[int, tuple[int, int]] = {}
    for match in before.finditer(folded):
        opens.setdefault(match.start(), match.span())
    return opens, {m.end() for m in after.finditer(folded)}, {m.start() for m in attach.finditer(folded)}


@file_cache
def _lexicon() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    entries: dict[str, list[str]] = {"before": [], "after": [], "attach": []}
    for line in read_limited(package_data("breaks.txt")).decode("utf-8").splitlines():
        kind, _, words = line.partition(":")
        if kind in entries and not line.startswith("#"):
            entries[kind].append(" ".join(words.casefold().split()))
    return _alternatives(entries["before"]), _alternatives(entries["after"]), _alternatives(entries["attach"])


def _alternatives(entries: list[str]) -> re.Pattern[str]:
    """Whole-word alternatives, longest first so that the longest entry wins."""
    body = "|".join(r"\s+".join(map(re.escape, e.split())) for e in sorted(entries, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


def _words(text: str) -> list[tuple[int, int]]:
    """Character spans of the multi-syllable words the segmenter finds."""
    spans, cursor = [], 0
    folded = text.casefold()
    for word in segment(folded):
        if " " not in word:  # a one-syllable word: only the cursor moves past it
            at = folded.find(word, cursor)
            cursor = at + len(word) if at >= 0 else cursor
            continue
        pattern = r"\s+".join(map(re.escape, word.split()))
        found = re.compile(pattern).search(folded, cursor)
        if found is None:
            continue  # the segmenter changed a character: its word is not needed to break safely
        spans.append(found.span())
        cursor = found.end()
    return spans


def segment(text: str) -> list[str]:
    """Words of a text (multi-syllable words with their spaces), case folded: the model was trained
    on running text, not capitals. The catalogue's texts are looked up (data/words.txt), anything
    else goes to underthesea's segmenter."""
    folded = text.casefold()
    known = _known_words().get(" ".join(folded.split()))
    return list(known) if known is not None else model_segment(folded)


def catalogue_texts(catalogue: Catalogue) -> list[str]:
    """Every text of the catalogue a layout may show, case folded."""
    texts = [s.text for s in catalogue.slogans] + [a.text for a in catalogue.anniversaries]
    return list(dict.fromkeys(t.casefold() for t in texts + [t.text for t in catalogue.themes]))


@file_cache
def _known_words() -> dict[str, tuple[str, ...]]:
    known = {}
    for line in read_limited(package_data("words.txt")).decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            text, _tab, words = line.partition("\t")
            known[text] = tuple(w.replace("_", " ") for w in words.split(" "))
    return known


def model_segment(text: str) -> list[str]:
    """The segmenter's words for a case-folded text.

    underthesea loads its model on first use without a lock, and the preview lays out in
    several threads: one at a time here (a call takes about a millisecond).
    """
    # 0.45 s with the model, so only here
    from underthesea import word_tokenize  # type: ignore[import-untyped]

    with _SEGMENTER:
        return list(word_tokenize(text, use_token_normalize=False))
