"""Turn English message ids into the user's language: Vietnamese unless English is asked for.

Every user-facing string goes through `_`. The catalogue is gettext's: `bannerkit/locale/vi/
LC_MESSAGES/bannerkit.po`, kept up to date with Babel (`pybabel extract` / `update`) and compiled
to `.mo` when the package is built or installed (hatch_build.py). The language is `--lang`, else
$BANNERKIT_LANG, else the system's ($LANGUAGE, $LC_ALL, $LC_MESSAGES, $LANG), else Vietnamese.
"""

from __future__ import annotations

import gettext
import os
from importlib.resources import files

DOMAIN = "bannerkit"
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
ENV = "BANNERKIT_LANG"
_SYSTEM_ENV = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
_language = ""  # set on first use
_translation = gettext.NullTranslations()


def localedir() -> str:
    return str(files("bannerkit") / "locale")


def choose_language(explicit: str | None = None) -> str:
    """'vi' or 'en' from the first that says a language: `explicit`, $BANNERKIT_LANG, the system's
    locale (C and POSIX say none). A language bannerkit does not speak falls back to English, the
    message ids' own language, except where nothing was said: then Vietnamese."""
    candidates = [explicit, os.environ.get(ENV)] + [os.environ.get(name) for name in _SYSTEM_ENV]
    for value in candidates:
        code = (value or "").split(":")[0].split(".")[0].split("_")[0].split("-")[0].strip().lower()
        if code and code not in ("c", "posix"):
            return code if code in LANGUAGES else "en"
    return DEFAULT_LANGUAGE


def set_language(language: str | None = None) -> str:
    """Speak `language` (or the chosen one) from now on in this process; returns it."""
    global _language, _translation
    _language = choose_language(language)
    _translation = gettext.translation(DOMAIN, localedir=localedir(), languages=[_language], fallback=True)
    return _language


def language() -> str:
    return _language or set_language()


def _(message: str) -> str:
    """Translate one message id (use str.format for values, after translating)."""
    if not _language:
        set_language()
    return _translation.gettext(message)


def in_language(english: str, vietnamese: str) -> str:
    """A data file's own text in the user's language (a layout's description, a theme's)."""
    return vietnamese if vietnamese and language() == "vi" else english


def N_(message: str) -> str:
    """Mark a message for the catalogue where it is defined; `_` translates it where it is shown."""
    return message
