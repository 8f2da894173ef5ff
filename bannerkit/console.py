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


# Click's and Typer's own words a user reads, for the catalogue (they translate them themselves).
CLICK_MESSAGES = (
    i18n.N_("Usage:"), i18n.N_("Options"), i18n.N_("Commands"), i18n.N_("Arguments"), i18n.N_("required"),
    i18n.N_("default: {default}"), i18n.N_("env var: {var}"), i18n.N_("Show this message and exit."),
    i18n.N_("Error: {message}"), i18n.N_("Try '{command} {option}' for help."), i18n.N_("Aborted!"),
    i18n.N_("Missing argument"), i18n.N_("Missing option"), i18n.N_("Missing parameter"), i18n.N_("Missing command."),
    i18n.N_("Missing {param_type}"), i18n.N_("Invalid value for {param_hint}: {message}"),
    i18n.N_("Invalid value: {message}"), i18n.N_("No such option {name!r}."), i18n.N_("No such command {name!r}."),
    i18n.N_("Option {name!r} does not take a value."), i18n.N_("{value!r} is not a valid {number_type}."),
    i18n.N_("{value} is not in the range {range}."), i18n.N_("{name} {filename!r} does not exist."),
    i18n.N_("{name} {filename!r} is a directory."), i18n.N_("file"), i18n.N_("directory"), i18n.N_("path"),
)
