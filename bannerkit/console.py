"""The `bannerkit` console script: choose the language first, then build the command.

Click reads option help when the command is built, so the language (--lang, $BANNERKIT_LANG, the
system's) is settled before bannerkit.cli is imported. Click's own words (Usage, Options, Error)
come from the same catalogue.
"""

from __future__ import annotations

import gettext
import os
import sys

from . import i18n


def main() -> None:
    args = _lang_first(sys.argv[1:])
    language = i18n.set_language(_given_language(args))
    os.environ[i18n.ENV] = language  # worker processes speak it too
    os.environ["LANGUAGE"] = language  # Click translates through gettext's global domain
    gettext.bindtextdomain(i18n.DOMAIN, i18n.localedir())
    gettext.textdomain(i18n.DOMAIN)
    from .cli import app

    app(args=args, prog_name="bannerkit")


def _lang_first(args: list[str]) -> list[str]:
    """`--lang en` may be typed anywhere (after the command too); Click takes it before the command."""
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return [arg, args[index + 1], *args[:index], *args[index + 2:]]
        if arg.startswith("--lang="):
            return [arg, *args[:index], *args[index + 1:]]
        if arg == "--":
            break
    return args


def _given_language(args: list[str]) -> str | None:
    if args[:1] == ["--lang"] and len(args) > 1:
        return args[1]
    return args[0].split("=", 1)[1] if args and args[0].startswith("--lang=") else None

