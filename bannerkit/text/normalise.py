"""Turn text as it arrives (pasted, typed, read from files) into clean NFC text, or refuse it."""

from __future__ import annotations

import logging
import re
import unicodedata

from ..errors import TextError
from ..i18n import _
from .legacy import ENCODING_NAMES, convert_legacy, detect_legacy

log = logging.getLogger("bannerkit")
# More than any banner or poster holds; longer input is a pasted document, not a slogan.
MAX_TEXT_LENGTH = 3000
_SPACES = re.compile(r"[^\S\n]+")
# A line break the user typed: a newline, or "|" where a newline cannot be typed (a spreadsheet
# cell, a command line). Blank lines and spaces around the break fold into one break.
_BREAKS = re.compile(r"\s*(?:\||\r\n|\r|\n)[\s|]*")
BREAK = "\n"
MAX_MARKS = 3  # a Vietnamese letter carries at most two marks (ệ: circumflex and dot below)


def _check_marks(text: str) -> None:
    """Refuse a letter buried under accents (text pasted from a prank, or a broken converter):
    stacked marks would tower over the line and shrink the whole text to nothing."""
    decomposed, run = unicodedata.normalize("NFD", text), 0
    for position, ch in enumerate(decomposed):
        run = run + 1 if unicodedata.combining(ch) else 0
        if run > MAX_MARKS:
            letter = position - run
            near = unicodedata.normalize("NFC", decomposed[max(letter - 8, 0):letter + 1])
            raise TextError(_("the text has a letter with more than {limit} accent marks on it (near {near!r}); "
                              "retype it").format(limit=MAX_MARKS, near=near))


def normalise(text: str) -> str:
    """NFC with whitespace folded: decomposed text from Word or macOS looks the same but is not.

    Typed line breaks (newline or "|") survive as one BREAK each: they force a line break.
    """
    text = _BREAKS.sub(BREAK, unicodedata.normalize("NFC", text))
    return _SPACES.sub(" ", text).strip(" " + BREAK)


def clean_text(text: str, *, convert: bool = True) -> str:
    """Text ready for layout: NFC, legacy encodings converted (or refused), no invisible characters."""
    text = normalise(text)
    if not text:
        raise TextError(_("the text is empty; give the words to print"))
    if len(text) > MAX_TEXT_LENGTH:
        raise TextError(_("the text has {length} characters; a banner or poster holds at most {limit}, "
                          "shorten it").format(length=len(text), limit=MAX_TEXT_LENGTH))
    _check_marks(text)
    encoding = detect_legacy(text)
    if encoding is not None:
        text = _from_legacy(text, encoding, convert)
    for ch in text:
        if ch != BREAK and unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs"):
            raise TextError(_("the text contains the invisible character U+{code:04X}; remove it and try again").format(
                code=ord(ch)))
    return text


def _from_legacy(text: str, encoding: str, convert: bool) -> str:
    name = ENCODING_NAMES[encoding]
    if not convert:
        raise TextError(_("the text {text!r} is in the old {name} encoding, not Unicode; convert it "
                          "(for example with Unikey's converter) and try again").format(text=text[:40], name=name))
    converted = convert_legacy(text, encoding)
    log.warning(_("converted from %s to Unicode: %s"), name, converted)
    return converted


def fold(text: str) -> str:
    """Strip diacritics and case so 'chuyen doi so' matches 'chuyển đổi số'."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.replace("|", " ").split()).casefold()


def upper(text: str) -> str:
    """Vietnamese upper case: str.upper maps đ→Đ, ư→Ư, ệ→Ệ and keeps NFC."""
    return unicodedata.normalize("NFC", text.upper())
