"""Turn colour names used by layouts ('red', 'yellow') into RGB hex from assets/palette.toml."""

from __future__ import annotations

import re
from functools import cache

from .errors import LayoutError
from .i18n import _
from .resources import data_folder, read_toml

_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


@cache
def palette() -> dict[str, str]:
    return {name: entry["rgb"] for name, entry in read_toml(data_folder("assets") / "palette.toml").items()}


def resolve_color(value: str) -> str:
    """A palette name or '#RRGGBB'."""
    if _HEX.match(value):
        return value.upper()
    try:
        return palette()[value]
    except KeyError:
        raise LayoutError(
            _("unknown colour {value!r}; use #RRGGBB or one of: {names}").format(
                value=value, names=", ".join(sorted(palette())))
        ) from None
