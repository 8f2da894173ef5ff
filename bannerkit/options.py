"""How to render a job: one frozen record that every command fills from its own inputs.

The command line, a batch spec and the preview's address all map onto these fields one to one
(NAMES below); strings from a spec cell or an address go through `from_strings`, so the same
value means the same render wherever it is written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import OptionError
from .formats import check_format
from .i18n import _

DEFAULT_OUT_DIR = Path("output")
DEFAULT_SIZE = "pano-3x6"
DEFAULT_LAYOUT = "classic"
DEFAULT_FORMATS = ("png", "pdf")  # one to look at, one to print
LED_MODES = ("full", "red", "tricolor")
MAX_BLEED_MM = 200  # a panel's frame wrap is 5-10 cm; more is a typo
MAX_SCALE = 100
YES = {"yes", "true", "1", "x", "có", "co", "on"}
NO = {"no", "false", "0", "không", "khong", "off"}


@dataclass(frozen=True)
class RenderOptions:
    """Everything besides the content that decides a design's files; equal options and jobs
    give byte-identical files, whichever command asked."""

    size: str = DEFAULT_SIZE  # a preset, a custom size (2500x1200mm) or an LED board (led:P10:5x3m)
    layout: str = DEFAULT_LAYOUT  # a layout name from layouts/ or layouts_dir
    theme: str | None = None  # a theme name from themes/ (or layouts_dir/themes); None: the layout's
    formats: tuple[str, ...] = DEFAULT_FORMATS  # names from the format registry (bannerkit.formats)
    dpi: float | None = None  # raster density; None: the preset's, from its viewing distance
    upper: bool | None = None  # upper-case the slogan; None: as the layout says
    led_colors: str = "full"  # full, or an LED board's own colours: red, tricolor
    phrases_file: Path | None = None  # the office's keep-together phrases (else $BANNERKIT_PHRASES)
    layouts_dir: Path | None = None  # the designer's own layouts, palette and artwork
    sizes_file: Path | None = None  # the office's own size presets (else $BANNERKIT_SIZES)
    config_dir: Path | None = None  # where bannerkit.toml is (QR addresses); None: the working folder
    max_side_px: int | None = None  # scale rasters down to this longer side (previews); None: full size
    bleed: float | None = None  # mm the PDF's field runs past the trim; None: the size's kind's (data/print.toml)
    marks: bool = False  # crop and registration marks outside the bleed, in the PDF
    user_unit: bool = False  # pages over 200 in drawn at 1:k with /UserUnit k (Acrobat); default: true size
    outline: bool = False  # the PDF's text as glyph outlines, for shops without the fonts
    scale: int = 1  # 10: a 1:10 file (the PDF drawn at a tenth, rasters declaring ten times the density)
    tile: float = 0.0  # mm, a roll's width: the PDF in strips no wider, one page each; 0: one page
    overlap: float = 50.0  # mm the strips overlap (welded or sewn together)
    finish: bool = False  # the PDF marks hem folds and grommets (banners, panels) or the pole sleeve (pennants)

    @property
    def look(self) -> str:
        """What file names call the design: the layout, and the theme when one is chosen
        ('classic', 'classic-light'), so that two themes of one design never share a file."""
        look = f"{self.layout}-{self.theme}" if self.theme else self.layout
        return f"{look}_1-{self.scale}" if self.scale > 1 else look

    def __post_init__(self) -> None:
        object.__setattr__(self, "formats", tuple(dict.fromkeys(check_format(f) for f in self.formats)))
        if not self.formats:
            raise OptionError(_("give at least one format, like png or pdf"))
        if self.bleed is not None and not 0 <= self.bleed <= MAX_BLEED_MM:
            raise OptionError(_("bleed {value:g} mm: give 0 to {limit} mm").format(
                value=self.bleed, limit=MAX_BLEED_MM))
        if not 1 <= self.scale <= MAX_SCALE:
            raise OptionError(_("scale 1:{n}: give 1:1 to 1:{limit}, e.g. --scale 1:10").format(
                n=self.scale, limit=MAX_SCALE))
        if self.tile and not (self.tile > 2 * self.overlap >= 0):
            raise OptionError(_("a tile of {tile:g} mm cannot overlap {overlap:g} mm: the overlap must be under half "
                                "the roll's width").format(tile=self.tile, overlap=self.overlap))
        if self.led_colors not in LED_MODES:
            raise OptionError(_("unknown --led-colors {mode!r}; choose one of: {modes}").format(
                mode=self.led_colors, modes=", ".join(LED_MODES)))


# Field -> (command-line option, batch spec column, preview address). The preview takes the
# size, layout and format from its path and the folders and files from its own command line.
NAMES: dict[str, tuple[str, str, str]] = {
    "size": ("--size", "sizes", "path: /render/<layout>/<size>.<format>"),
    "layout": ("--layout", "layout", "path: /render/<layout>/<size>.<format>"),
    "formats": ("--format", "formats", "path: /render/<layout>/<size>.<format>"),
    "theme": ("--theme", "theme", "?theme="),
    "dpi": ("--dpi", "dpi", "?dpi="),
    "upper": ("--upper/--no-upper", "upper", "?upper="),
    "led_colors": ("--led-colors", "led_colors", "?led_colors="),
    "phrases_file": ("--phrases-file", "phrases", "bannerkit preview --phrases-file"),
    "layouts_dir": ("--layouts-dir", "batch --layouts-dir", "bannerkit preview --layouts-dir"),
    "sizes_file": ("--sizes-file", "batch --sizes-file", "bannerkit preview --sizes-file"),
    "config_dir": ("(working folder)", "(the spec's folder)", "(working folder)"),
    "max_side_px": ("-", "-", "?preview=1"),
    "bleed": ("--bleed", "bleed", "?bleed="),
    "marks": ("--marks", "marks", "?marks="),
    "user_unit": ("--user-unit", "user_unit", "?user_unit="),
    "outline": ("--outline", "outline", "?outline="),
    "scale": ("--scale", "scale", "?scale=1:10"),
    "tile": ("--tile", "tile", "?tile=3.2m"),
    "overlap": ("--overlap", "overlap", "?overlap=50mm"),
    "finish": ("--finish", "finish", "?finish="),
}
# The fields a spec cell or an address query may set, parsed the same way for both.
STRING_FIELDS = ("dpi", "upper", "led_colors", "theme", "bleed", "marks", "user_unit", "outline", "scale", "tile",
                 "overlap", "finish")


def from_strings(values: Mapping[str, str], base: RenderOptions) -> RenderOptions:
    """`base` with the STRING_FIELDS given in `values` (a spec row, an address query) parsed."""
    changes: dict[str, Any] = {}
    if values.get("dpi", "").strip():
        changes["dpi"] = _number(values["dpi"], "dpi")
    if "upper" in values and values["upper"].strip():
        changes["upper"] = yes_no(values["upper"], "upper")
    if values.get("led_colors", "").strip():
        changes["led_colors"] = values["led_colors"].strip().lower()
    if values.get("bleed", "").strip():
        changes["bleed"] = _number(values["bleed"], "bleed")
    if values.get("scale", "").strip():
        changes["scale"] = parse_scale(values["scale"])
    for length in ("tile", "overlap"):
        if values.get(length, "").strip():
            changes[length] = parse_length(values[length], length)
    for flag in ("marks", "user_unit", "outline", "finish"):
        if values.get(flag, "").strip():
            changes[flag] = yes_no(values[flag], flag)
    if values.get("theme", "").strip():
        changes["theme"] = values["theme"].strip().lower()
    return dataclasses.replace(base, **changes) if changes else base


_UNITS = {"mm": 1.0, "cm": 10.0, "m": 1000.0}


def parse_length(value: str, name: str) -> float:
    """'3.2m', '320cm', '50mm' or '50' (mm) -> millimetres."""
    text = value.strip().lower().replace(",", ".").replace(" ", "")
    number, unit = text.rstrip("cm"), text[len(text.rstrip("cm")):] or "mm"
    try:
        if unit not in _UNITS:
            raise ValueError(unit)
        return float(number) * _UNITS[unit]
    except ValueError:
        raise OptionError(_("{name} {value!r}: give a length like 3.2m, 320cm or 50mm").format(
            name=name, value=value)) from None


def parse_scale(value: str) -> int:
    """'1:10' (or '1/10', '10') -> 10."""
    text = value.strip().replace(" ", "")
    for prefix in ("1:", "1/"):
        text = text.removeprefix(prefix)
    if not text.isdigit() or int(text) < 1:
        raise OptionError(_("scale {value!r}: write it as 1:10").format(value=value))
    return int(text)


def yes_no(value: str, name: str) -> bool:
    word = value.strip().lower()
    if word in YES or word in NO:
        return word in YES
    raise OptionError(_("{name} {value!r}: write yes or no").format(name=name, value=value))


def _number(value: str, name: str) -> float:
    try:
        return float(value.strip().replace(",", "."))
    except ValueError:
        raise OptionError(_("{name} {value!r} is not a number").format(name=name, value=value)) from None
