"""Click's own words (usage lines, the help option, usage errors) in the user's language.

Typer carries its own copy of Click, whose usage errors are English f-strings: they are matched
against the message ids below and translated with their values, nested messages included.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import typer
from typer._click.exceptions import UsageError
from typer.core import TyperCommand, TyperGroup

from .i18n import N_, _

# Click's usage errors as message ids: {name} stands for any value.
CLICK_ERRORS = (
    N_("No such option: {name}"), N_("Missing option {name}."), N_("Missing argument {name}."),
    N_("Missing parameter: {name}"), N_("Invalid value for {name}: {message}"), N_("Invalid value: {message}"),
    N_("Got unexpected extra argument(s) ({args})"), N_("Option {name} requires an argument."),
    N_("Option {name} does not take a value."), N_("{value} is not a valid integer."),
    N_("{value} is not a valid float."), N_("{value} is not in the range {range}."),
    N_("{value} is not one of {choices}."), N_("{value} is not {choice}."),
)
# Click's and Typer's own words a user reads, for the catalogue (they translate them themselves).
CLICK_MESSAGES = (
    N_("Usage:"), N_("Options"), N_("Commands"), N_("Arguments"), N_("required"),
    N_("default: {default}"), N_("env var: {var}"), N_("Show this message and exit."),
    N_("Error: {message}"), N_("Try '{command} {option}' for help."), N_("Aborted!"),
    N_("Missing argument"), N_("Missing option"), N_("Missing parameter"), N_("Missing command."),
    N_("Missing {param_type}"), N_("Invalid value for {param_hint}: {message}"),
    N_("Invalid value: {message}"), N_("No such option {name!r}."), N_("No such command {name!r}."),
    N_("Option {name!r} does not take a value."), N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."), N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a directory."), N_("file"), N_("directory"), N_("path"),
)

EXIT_USAGE = 2
# Typer's options that install shell completion (bash, zsh, fish, PowerShell).
COMPLETION_HELP = {
    "install_completion": N_("Install Tab completion (slogan numbers, sizes, layouts, themes) for your shell."),
    "show_completion": N_("Print the Tab completion script for your shell, to install it yourself."),
}


@cache
def _pattern(msgid: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", msgid)
    regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
    return re.compile(regex, re.DOTALL)


def translate_click(message: str) -> str:
    """`message` in the user's language when it is one of Click's usage errors; else as it is."""
    for msgid in CLICK_ERRORS:
        match = _pattern(msgid).fullmatch(message)
        if match:
            return _(msgid).format(**{k: translate_click(v) for k, v in match.groupdict().items()})
    return message


def show_usage_error(exc: UsageError) -> None:
    """What Click prints for a usage error, in the user's language; exits 2 as Click does."""
    if exc.ctx is not None:
        typer.echo(exc.ctx.get_usage(), err=True)
        typer.echo(_("Try '{command} {option}' for help.").format(command=exc.ctx.command_path, option="-h"),
                   err=True)
    typer.echo(_("Error: {message}").format(message=translate_click(exc.format_message())), err=True)
    raise typer.Exit(EXIT_USAGE)


class _Translated:
    """The usage line's prefix and the help option's help, translated."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)),  # type: ignore[attr-defined]
                              prefix=_("Usage:") + " ")

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = _("Show this message and exit.")
        return option

    def get_params(self, ctx: Any) -> Any:
        params = super().get_params(ctx)  # type: ignore[misc]
        for param in params:
            if param.name in COMPLETION_HELP:
                param.help = _(COMPLETION_HELP[param.name])
        return params

    # Usage errors arise while the command line is parsed and after (a mistyped command, ctx.fail):
    # Typer would print them with its copy of Click's English words.
    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)  # type: ignore[misc]
        except UsageError as exc:
            show_usage_error(exc)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)  # type: ignore[misc]
        except UsageError as exc:
            show_usage_error(exc)


class Command(_Translated, TyperCommand):
    pass


class Group(_Translated, TyperGroup):
    pass
