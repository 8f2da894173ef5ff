"""What the shell offers after --slogan, --size, --layout and --theme (Tab), with a hint each.

A completion runs the command once per Tab, so it reads only the small data files; a broken
file offers nothing rather than an error in the middle of the user's typing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .errors import BannerkitError

Offer = list[tuple[str, str]]


def _offer(make: Callable[[], Offer]) -> Callable[[str], Offer]:
    def complete(incomplete: str) -> Offer:
        try:
            return [(value, hint) for value, hint in make() if value.startswith(incomplete)]
        except (BannerkitError, OSError):
            return []
    return complete


def _slogans() -> Offer:
    from .catalogue import load_catalogue

    return [(str(s.id), s.text) for s in load_catalogue().slogans]


def _sizes() -> Offer:
    from .sizes import load_presets

    return [(p.name, p.label) for p in load_presets().values()]


def _layouts() -> Offer:
    from .layout.spec import layout_files

    return [(name, str(path.name)) for name, path in layout_files(_layouts_here()).items()]


def _themes() -> Offer:
    from .themes import theme_files

    return [(name, str(path.name)) for name, path in theme_files(_layouts_here()).items()]


def _layouts_here() -> Path | None:
    """The office folder's own layouts (bannerkit.toml's layouts_dir) are offered with the shipped ones."""
    from .config import load_config

    folder = load_config().layouts_dir
    return folder if folder is not None and folder.is_dir() else None


slogan_ids = _offer(_slogans)
size_names = _offer(_sizes)
layout_names = _offer(_layouts)
theme_names = _offer(_themes)
