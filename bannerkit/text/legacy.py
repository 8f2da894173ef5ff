"""Turn text typed in the legacy Vietnamese encodings TCVN3 (ABC) and VNI-Windows into Unicode.

Such text reaches us as Latin-1 look-alikes ("Céng hoµ" for TCVN3, "Coäng hoøa" for VNI) when
an old document's font is lost. Genuine Vietnamese almost always has letters beyond Latin-1
(ư, ơ, đ, ạ...), while legacy text has none and shows characters Vietnamese never uses.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from ..caches import file_cache
from ..resources import package_data, read_toml
from .syllables import is_syllable

ENCODING_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI-Windows"}
_VOWELS = set("aeiouyAEIOUY")  # compared with the base letter of the previous character
_WORD = re.compile(r"[^\s\d.,;:!?()\"'\-–/]+")  # a word, with the legacy symbols that stand for its letters
SYLLABLE_SHARE = 0.75  # names such as Lênin are no syllables: most changed words must become ones


@file_cache
def _tables() -> dict[str, Any]:
    return read_toml(package_data("legacy.toml"))


def detect_legacy(text: str) -> str | None:
    """'tcvn3', 'vni' or None.

    TCVN3 shows symbols (¸ µ ¶ § ¬) that no legacy-free text has; VNI shows a vowel followed by
    a mark byte ("aø", "oá") and letters Vietnamese never uses (ø ï ñ ö). Both need two
    pieces of evidence, so "Café naïve" or "Thanh Hoá" stay as they are.
    """
    if any("\u0100" <= ch <= "\u1eff" for ch in text):
        return None
    signs = _tables()["signatures"]
    symbols = sum(ch in signs["tcvn3_symbols"] for ch in text)
    letters = sum(ch in signs["tcvn3_letters"] for ch in text)
    if symbols and symbols + letters >= 2 and _becomes_vietnamese(text, "tcvn3"):
        return "tcvn3"
    foreign = sum(ch in signs["vni_letters"] for ch in text)
    marks = _tables()["vni"]["marks"]
    after_vowel = sum(a in _VOWELS and b in marks for a, b in zip(text, text[1:]))
    # Real VNI text marks tones and hats with a byte after the vowel; letters alone ("Ö ÖA" for
    # "Ư ƯA") are as likely to be German.
    if foreign and after_vowel and foreign + after_vowel >= 3 and _becomes_vietnamese(text, "vni"):
        return "vni"
    return None


def _becomes_vietnamese(text: str, encoding: str) -> bool:
    """The evidence of the signatures, confirmed by spelling: of the words the conversion would
    change (at least two, most longer than a letter), most become Vietnamese syllables and at most half
    were syllables as typed. "Cafe naïve Noël" and "Brand® © 2025" fail here."""
    changed = [(word, convert_legacy(word, encoding)) for word in _WORD.findall(text)]
    changed = [(before, after) for before, after in changed if before != after]
    if len(changed) < 2 or sum(len(after) > 1 for _before, after in changed) * 2 < len(changed):
        return False
    became = sum(is_syllable(after) for _before, after in changed) / len(changed)
    were = sum(is_syllable(before) for before, _after in changed) / len(changed)
    return became >= SYLLABLE_SHARE and were <= 0.5


def convert_legacy(text: str, encoding: str) -> str:
    """Unicode NFC text from the Latin-1 look-alike of a legacy encoding."""
    if encoding == "tcvn3":
        table = _tables()["tcvn3"]
        return unicodedata.normalize("NFC", "".join(table.get(ch, ch) for ch in text))
    return _convert_vni(text)


def _convert_vni(text: str) -> str:
    letters, marks = _tables()["vni"]["letters"], _tables()["vni"]["marks"]
    out: list[str] = []
    for ch in text:
        base = unicodedata.normalize("NFD", out[-1])[0] if out else ""
        if ch in marks and base in _VOWELS:
            out[-1] = unicodedata.normalize("NFC", out[-1] + marks[ch])
        else:
            out.append(letters.get(ch, ch))
    return "".join(out)
