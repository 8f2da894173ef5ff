"""Turn a size name ('pano-3x6') or a custom size ('2500x1200mm', '640x320px') into a SizePreset."""

from __future__ import annotations

import dataclasses
import difflib
import logging
import math
import os
import re
import tomllib
from pathlib import Path
from typing import Any

from .caches import file_cache
from .errors import SizeError
from .i18n import _
from .model import MM_PER_INCH, SizePreset
from .resources import package_data, read_toml

# A pixel seen at one arcminute is at the limit of normal sight: ppi = 3438 / distance in
# inches. Twice that keeps anti-aliased edges smooth; 300 ppi is the ceiling of print practice.
ARCMINUTE_PPI_INCH = 3438
OVERSAMPLE = 2
DPI_RANGE = (10.0, 300.0)
SCREEN_DPI = 96.0
# JPEG stops at 65,500 px a side; 400 Mpx of RGB is 1.2 GB of memory.
MAX_SIDE_PX = 65_000
MAX_PIXELS = 400_000_000
# PNG and TIFF are painted and written in strips, so a 10 × 5 m panel at 72 dpi (402 Mpx) renders
# within 1 GB (bench/bench_memory.py). A text's glyph masks still grow with the density (a 10 m
# panel's slogan line at 72 dpi is 28,000 px long), so the limit stays where that holds.
MAX_STREAMED_SIDE_PX = 100_000
MAX_STREAMED_PIXELS = 450_000_000
USER_SIZES_ENV = "BANNERKIT_SIZES"
log = logging.getLogger("bannerkit")
# Smallest legible capitals: 1 inch per 30 feet of viewing distance (sign-industry legibility
# index), and on screens never under 7 pixels, below which capitals lose their marks.
CAP_MM_PER_M = 25.4 / 9.144
MIN_CAP_PX = 7

_LED = re.compile(r"^\s*led:p(\d+(?:[.,]\d+)?):(\d+(?:[.,]\d+)?)\s*[x×*]\s*(\d+(?:[.,]\d+)?)\s*(mm|cm|m|mod)\s*$", re.I)
# An LED board is read from about 1.5 m per millimetre of pitch (P10: 15 m) and scanned from half that.
LED_VIEWING_M_PER_PITCH_MM = 1.5
_CUSTOM = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*[x×*]\s*(\d+(?:[.,]\d+)?)\s*(mm|cm|m|px)\s*$", re.I)
_UNIT_MM = {"mm": 1.0, "cm": 10.0, "m": 1000.0}
MAX_PHYSICAL_MM = 100_000  # 100 m: wider than the largest building wrap


def default_dpi(viewing_distance_m: float) -> float:
    """Raster density that looks continuous from the viewing distance, within print practice."""
    ppi = OVERSAMPLE * ARCMINUTE_PPI_INCH / (viewing_distance_m * 1000 / MM_PER_INCH)
    return float(min(max(round(ppi), DPI_RANGE[0]), DPI_RANGE[1]))


def load_presets(user_file: Path | None = None) -> dict[str, SizePreset]:
    """Built-in presets, overlaid by the office's own file (argument, else $BANNERKIT_SIZES)."""
    presets = dict(_builtin_presets())
    user_file = user_file or (Path(os.environ[USER_SIZES_ENV]) if os.environ.get(USER_SIZES_ENV) else None)
    if user_file is not None:
        presets.update(_read_presets(user_file))
    return presets


@file_cache
def _builtin_presets() -> dict[str, SizePreset]:
    return _read_presets(package_data("sizes.toml"))


def _read_presets(path: Path) -> dict[str, SizePreset]:
    try:
        data = read_toml(path)
    except FileNotFoundError:
        raise SizeError(_("sizes file {path} does not exist").format(path=str(path))) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SizeError(_("cannot read sizes file {path}: {reason}").format(
            path=str(path), reason=getattr(exc, "strerror", None) or exc)) from None
    except tomllib.TOMLDecodeError as exc:
        raise SizeError(_("sizes file {path} is not valid TOML: {err}").format(path=str(path), err=exc)) from None
    return {name: _preset(name, fields, path) for name, fields in data.items()}


def _positive(fields: dict[str, Any], key: str) -> None:
    """A length, distance or density must be a finite positive number (ValueError names it)."""
    value = fields.get(key)
    if value is not None and not (isinstance(value, (int, float)) and math.isfinite(value) and value > 0):
        raise ValueError(f"{key} = {value!r}, which is not a positive number")


def _preset(name: str, fields: dict[str, Any], origin: Path) -> SizePreset:
    try:
        if not isinstance(fields, dict):
            raise TypeError(_("a preset is a table of fields"))
        for key in ("width_mm", "height_mm", "width_px", "height_px", "viewing_distance_m", "scan_distance_m",
                    "dpi", "pitch_mm"):
            _positive(fields, key)
        distance = float(fields["viewing_distance_m"])
        common: dict[str, Any] = {"name": name, "kind": str(fields["kind"]), "label": str(fields.get("label", name)),
                  "viewing_distance_m": distance, "scan_distance_m": float(fields.get("scan_distance_m", 0)),
                  **_clear_bands(fields)}
        if "width_px" in fields:
            pitch = fields.get("pitch_mm")
            dpi = MM_PER_INCH / float(pitch) if pitch else float(fields.get("dpi", SCREEN_DPI))
            return _pixel_preset(int(fields["width_px"]), int(fields["height_px"]), dpi, **common)
        dpi = float(fields.get("dpi") or default_dpi(distance))
        return SizePreset(width_mm=float(fields["width_mm"]), height_mm=float(fields["height_mm"]), dpi=dpi, **common)
    except (KeyError, TypeError, ValueError, ZeroDivisionError) as exc:
        raise SizeError(
            _("size {name!r} in {path}: missing or bad field {err}; a preset needs kind, "
              "viewing_distance_m and width_mm/height_mm or width_px/height_px").format(
                name=name, path=str(origin), err=exc)
        ) from None


def _clear_bands(fields: dict[str, Any]) -> dict[str, float]:
    bands = {key: float(fields.get(key, 0.0)) for key in ("clear_top", "clear_bottom")}
    if not all(0 <= v < 0.4 for v in bands.values()):
        raise ValueError(f"clear_top/clear_bottom = {tuple(bands.values())}, which is not a share from 0 to 0.4")
    return bands


def _pixel_preset(width_px: int, height_px: int, dpi: float, **common: Any) -> SizePreset:
    mm_per_px = MM_PER_INCH / dpi
    return SizePreset(width_mm=width_px * mm_per_px, height_mm=height_px * mm_per_px, dpi=dpi,
                      pixel_native=True, **common)


def find_size(spec: str, *, dpi: float | None = None, user_file: Path | None = None) -> SizePreset:
    """A preset by name or a custom size, at the requested density if one is given."""
    presets = load_presets(user_file)
    preset = presets.get(preset_key(spec)) or parse_led(spec) or parse_custom(spec)
    if preset is None:
        near = difflib.get_close_matches(spec.lower(), presets, n=3, cutoff=0.4) or sorted(presets)[:3]
        raise SizeError(
            _("unknown size {spec!r}; nearest: {near}. See 'bannerkit sizes', or give a custom "
              "size such as 2500x1200mm or 640x320px.").format(spec=spec, near=", ".join(near))
        )
    return _at_least_a_pixel(preset if dpi is None else with_dpi(preset, dpi))


def preset_key(spec: str) -> str:
    """A preset's name as offices type it: 'Pano 3×6', 'pano 3 x 6' and 'PANO-3X6' are pano-3x6."""
    text = re.sub(r"\s*[x×*]\s*", "x", spec.strip().lower())
    return re.sub(r"\s+", "-", text)


def _at_least_a_pixel(preset: SizePreset) -> SizePreset:
    if preset.width_px < 1 or preset.height_px < 1:
        raise SizeError(_("{name} is {w} × {h} px at {dpi:g} dpi, less than one pixel a side; give a larger size "
                          "or a higher --dpi").format(name=preset.name, w=preset.width_px, h=preset.height_px,
                                                      dpi=preset.dpi))
    return preset


def parse_custom(spec: str) -> SizePreset | None:
    """'2500x1200mm', '2.5x1.2m', '250x120cm' or '640x320px' (width first), else None."""
    match = _CUSTOM.match(spec)
    if match is None:
        return None
    width, height = (float(v.replace(",", ".")) for v in match.group(1, 2))
    unit = match.group(3).lower()
    if width <= 0 or height <= 0:
        raise SizeError(_("custom size {spec!r} has a zero side").format(spec=spec))
    if unit != "px" and max(width, height) * _UNIT_MM[unit] > MAX_PHYSICAL_MM:
        raise SizeError(_("custom size {spec!r} is larger than any panel or banner (at most {limit:g} m a side); "
                          "check the unit: 2500x1200mm, 250x120cm or 2.5x1.2m").format(
            spec=spec, limit=MAX_PHYSICAL_MM / 1000))
    name = f"{match.group(1)}x{match.group(2)}{unit}"
    if unit == "px":
        return _pixel_preset(int(width), int(height), SCREEN_DPI, name=name, kind="custom",
                             label=name, viewing_distance_m=0.5)
    width_mm, height_mm = width * _UNIT_MM[unit], height * _UNIT_MM[unit]
    # Fogra's rule of thumb: people look at a print from about its diagonal.
    distance = math.hypot(width_mm, height_mm) / 1000
    return SizePreset(name=name, kind="custom", label=name, width_mm=width_mm, height_mm=height_mm,
                      dpi=default_dpi(distance), viewing_distance_m=distance)


def parse_led(spec: str) -> SizePreset | None:
    """'led:P10:5x3m' (physical size) or 'led:P10:16x6mod' (modules): exact pixels for the pitch."""
    match = _LED.match(spec)
    if match is None:
        return None
    pitch, width, height = (float(v.replace(",", ".")) for v in match.group(1, 2, 3))
    unit = match.group(4).lower()
    if pitch <= 0 or width <= 0 or height <= 0:
        raise SizeError(_("LED size {spec!r}: the pitch and both sides must be more than zero, as in "
                          "led:P10:5x3m").format(spec=spec))
    module = _led_modules().get(f"{pitch:g}")
    if unit == "mod":
        if module is None:
            raise SizeError(_("no module size is known for P{pitch:g}; give the board in metres, e.g. "
                              "led:P{pitch:g}:5x3m").format(pitch=pitch))
        width_px, height_px = round(width) * module[0], round(height) * module[1]
    else:
        width_px, height_px = round(width * _UNIT_MM[unit] / pitch), round(height * _UNIT_MM[unit] / pitch)
    if width_px < 1 or height_px < 1:
        raise SizeError(_("LED size {spec!r} has no pixels").format(spec=spec))
    if module and (width_px % module[0] or height_px % module[1]):
        log.warning(_("%s is %s x %s px, not a whole number of %s x %s px P%s modules; a real board of that "
                      "size is led:P%s:%sx%smod"), spec, width_px, height_px, module[0], module[1], f"{pitch:g}",
                    f"{pitch:g}", round(width_px / module[0]), round(height_px / module[1]))
    viewing = pitch * LED_VIEWING_M_PER_PITCH_MM
    name = f"led-p{pitch:g}-{width_px}x{height_px}"
    return _pixel_preset(width_px, height_px, MM_PER_INCH / pitch, name=name, kind="led", label=spec.strip(),
                         viewing_distance_m=viewing, scan_distance_m=viewing / 2)


@file_cache
def _led_modules() -> dict[str, tuple[int, int]]:
    return {pitch: tuple(size) for pitch, size in read_toml(package_data("led.toml"))["modules"].items()}


def with_dpi(preset: SizePreset, dpi: float) -> SizePreset:
    if preset.pixel_native:
        raise SizeError(
            _("size {name!r} is defined in pixels ({w} × {h} px); --dpi does not apply to it").format(
                name=preset.name, w=preset.width_px, h=preset.height_px)
        )
    if not (math.isfinite(dpi) and 1 <= dpi <= 1200):
        raise SizeError(_("--dpi {dpi} is out of range; give a value from 1 to 1200").format(dpi=dpi))
    return dataclasses.replace(preset, dpi=float(dpi))


def check_raster_limits(preset: SizePreset, width_px: int | None = None, height_px: int | None = None, *,
                        streamed: bool = False) -> None:
    """Refuse, before allocating, a raster too large to hold in memory or to save as JPEG
    (by default the preset's pixel size; a strip or a preview gives its own). Formats written
    strip by strip (PNG, TIFF) may be larger: memory no longer grows with the page."""
    w, h = width_px or preset.width_px, height_px or preset.height_px
    side, pixels = (MAX_STREAMED_SIDE_PX, MAX_STREAMED_PIXELS) if streamed else (MAX_SIDE_PX, MAX_PIXELS)
    if max(w, h) > side or w * h > pixels:
        limit = min(side / max(preset.width_mm, preset.height_mm),
                    math.sqrt(pixels / (preset.width_mm * preset.height_mm))) * MM_PER_INCH
        raise SizeError(
            _("{name} at {dpi:g} dpi would be {w} × {h} px, too large for an image; use --dpi {limit} "
              "or less, or --format pdf for print (PNG and TIFF take larger images than JPEG, BMP and "
              "GIF)").format(
                name=preset.name, dpi=preset.dpi, w=w, h=h, limit=math.floor(limit))
        )


def min_cap_height_mm(preset: SizePreset) -> float:
    """The smallest capital height still legible from the preset's viewing distance (and, on a
    screen, in its pixels; a print's pixels depend only on the density chosen for the file)."""
    by_distance = preset.viewing_distance_m * CAP_MM_PER_M
    return max(by_distance, MIN_CAP_PX / preset.px_per_mm) if preset.pixel_native else by_distance
