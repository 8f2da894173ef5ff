"""Turn the keep-together phrase lists into the character spans a line break must not cut."""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..caches import file_cache
from ..errors import TextError
from ..i18n import _
from ..resources import package_data, read_limited

USER_PHRASES_ENV = "BANNERKIT_PHRASES"
# Python's regular expressions cannot be stopped once started, so a `re:` pattern is checked
# instead: short, and free of the two shapes that make matching take exponential time.
MAX_PATTERN = 200
_NESTED_REPEAT = re.compile(r"\((?:[^()\\]|\\.)*[*+}](?:[^()\\]|\\.)*\)\s*(?:[*+{]|\?\?)")
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")


@dataclass(frozen=True, eq=False)
class Phrases:
    """Compiled phrases; `literals` holds each plain phrase folded, for a quick substring test.
    One object for a phrases file (load_phrases keeps it), compared and hashed as itself: fitting
    a text looks its result up by the phrases on every layout pass, and hashing 200 patterns
    each time cost more than the lookup saved."""

    patterns: tuple[re.Pattern[str], ...]
    literals: tuple[str | None, ...]

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Every match of every phrase; overlapping phrases all count."""
        return [m.span() for m in self._matches(text)]

    def divisions(self, text: str) -> set[int]:
        """Where a listed name may break when it must ("Đảng | Cộng sản | Việt Nam"): the offsets
        of the words that start its parts."""
        return {m.start(g) for m in self._matches(text, literal_only=True) for g in range(1, m.re.groups + 1)}

    def _matches(self, text: str, *, literal_only: bool = False) -> list[re.Match[str]]:
        folded = text.casefold()
        return [m for pattern, literal in zip(self.patterns, self.literals)
                if (literal is None and not literal_only) or (literal is not None and literal in folded)
                for m in pattern.finditer(text)]


def load_phrases(user_file: Path | None = None) -> Phrases:
    """Built-in phrases plus the office's own (argument, else $BANNERKIT_PHRASES)."""
    env = os.environ.get(USER_PHRASES_ENV)
    return _phrases(user_file or (Path(env) if env else None))


@file_cache
def _phrases(user_file: Path | None) -> Phrases:
    lines = _read(package_data("phrases.txt")) + (_read(user_file) if user_file else ())
    return Phrases(tuple(p for p, _ in lines), tuple(literal for _, literal in lines))


@file_cache
def _read(path: Path) -> tuple[tuple[re.Pattern[str], str | None], ...]:
    try:
        lines = read_limited(path).decode("utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise TextError(_("cannot read phrases file {path}: {reason}").format(path=str(path), reason=exc)) from None
    return tuple(_compile(unicodedata.normalize("NFC", line.strip()), path, number)
                 for number, line in enumerate(lines, 1)
                 if line.strip() and not line.lstrip().startswith("#"))


def _compile(line: str, path: Path, number: int) -> tuple[re.Pattern[str], str | None]:
    literal = None if line.startswith("re:") else " ".join(line.replace("|", " ").split()).casefold()
    source = line[3:].strip() if literal is None else _literal_pattern(line)
    risky = len(source) > MAX_PATTERN or _NESTED_REPEAT.search(source) or _BACKREFERENCE.search(source)
    if literal is None and risky:
        raise TextError(_("phrases file {path}, line {number}: a pattern may have at most {limit} characters, no "
                          "repetition inside a repetition such as (a+)+ and no back-references, so that matching "
                          "it always ends quickly").format(path=str(path), number=number, limit=MAX_PATTERN))
    try:
        return re.compile(rf"(?<!\w){source}(?!\w)", re.IGNORECASE), literal
    except re.error as exc:
        raise TextError(_("phrases file {path}, line {number}: {reason}").format(
            path=str(path), number=number, reason=exc)) from None


def _literal_pattern(line: str) -> str:
    """Words separated by any whitespace; a " | " between parts becomes an empty group marking
    where the phrase may break when it must."""
    parts = [r"\s+".join(re.escape(word) for word in part.split()) for part in line.split("|")]
    return r"\s+()".join(p for p in parts if p)
