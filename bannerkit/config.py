"""An office's working folder: bannerkit.toml holds its unit, its documents' address and the
defaults every command starts from (sizes, formats, layout, theme, its own layouts folder).

Commands read the file in the working folder (a batch: beside its spec first); anything given on
the command line, or in a spec's row, wins over it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import OptionError
from .i18n import _
from .resources import read_toml

CONFIG_FILE = "bannerkit.toml"
PAPERS = ("a4", "a3")


@dataclass(frozen=True)
class OfficeConfig:
    """What bannerkit.toml says; None and () where it says nothing."""

    path: Path | None = None
    unit: str | None = None  # the office itself, e.g. "Ban Tuyên giáo Quận ủy Ninh Kiều"
    campaign: str | None = None  # what the designs are for, on the approval book's cover
    sizes: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    layout: str | None = None
    theme: str | None = None
    layouts_dir: Path | None = None
    paper: str = "a4"  # the approval book's paper
    documents: dict[str, Any] = field(default_factory=dict)  # [documents]: base_url, urls (QR addresses)

    def spec_defaults(self) -> dict[str, str]:
        """Columns a spec row may leave empty, as the row would write them."""
        values = {"sizes": ", ".join(self.sizes), "formats": ", ".join(self.formats),
                  "layout": self.layout or "", "theme": self.theme or ""}
        return {k: v for k, v in values.items() if v}


def load_config(folder: Path | None = None) -> OfficeConfig:
    """The office settings of `folder` (default: the working folder); none when it has no file."""
    path = (folder or Path.cwd()) / CONFIG_FILE
    if not path.is_file():
        return OfficeConfig()
    try:
        data = read_toml(path)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise OptionError(_("{path} is not valid TOML ({err}); fix it or run 'bannerkit init' in a new folder").format(
            path=str(path), err=exc)) from None
    office, defaults, documents = (_table(data, name, path) for name in ("office", "defaults", "documents"))
    layouts = _text(defaults, "layouts_dir", path)
    paper = (_text(defaults, "book_paper", path) or "a4").lower()
    if paper not in PAPERS:
        raise OptionError(_("{path}: book_paper {value!r}: use a4 or a3").format(path=str(path), value=paper))
    return OfficeConfig(path=path, unit=_text(office, "unit", path), campaign=_text(office, "campaign", path),
                        sizes=_texts(defaults, "sizes", path), formats=_texts(defaults, "formats", path),
                        layout=_text(defaults, "layout", path), theme=_text(defaults, "theme", path),
                        layouts_dir=(path.parent / layouts) if layouts else None, paper=paper, documents=documents)


def _table(data: dict[str, Any], name: str, path: Path) -> dict[str, Any]:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise OptionError(_("{path}: [{name}] must be a table of settings").format(path=str(path), name=name))
    return table


def _text(table: dict[str, Any], key: str, path: Path) -> str | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise OptionError(_("{path}: {key} must be text in quotes, like {key} = \"...\"").format(
            path=str(path), key=key))
    return value.strip() or None


def _texts(table: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [v for v in value.replace(";", ",").split(",")]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise OptionError(_("{path}: {key} must be a list like {key} = [\"pano-3x6\", \"a3\"]").format(
            path=str(path), key=key))
    return tuple(v.strip() for v in value if v.strip())


def command_defaults(config: OfficeConfig) -> dict[str, dict[str, Any]]:
    """Click's default_map: each command's options start from the office settings."""
    folder = {"layouts_dir": config.layouts_dir} if config.layouts_dir else {}
    look = {k: v for k, v in (("layout", config.layout), ("theme", config.theme)) if v}
    render = {**folder, **look, **({"size": config.sizes[0]} if config.sizes else {}),
              **({"unit": config.unit} if config.unit else {})}
    return {"render": render, "sheet": {**folder, **look}, "batch": folder, "book": folder, "preview": folder,
            "layouts": folder, "themes": folder, "led-scroll": folder, "led-playlist": folder}
