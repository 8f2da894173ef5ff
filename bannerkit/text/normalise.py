"""Turn text as it arrives (pasted, typed, read from files) into clean NFC text."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """NFC with whitespace folded: decomposed text from Word or macOS looks the same but is not."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def fold(text: str) -> str:
    """Strip diacritics and case so 'chuyen doi so' matches 'chuyển đổi số'."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return normalise(bare).casefold()


def upper(text: str) -> str:
    """Vietnamese upper case: str.upper maps đ→Đ, ư→Ư, ệ→Ệ and keeps NFC."""
    return unicodedata.normalize("NFC", text.upper())
