"""Turn a layout file (TOML) into a validated Layout; a mistake names the file, line and field."""

from __future__ import annotations

import dataclasses
import difflib
import math
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import LayoutError
from ..i18n import _
from ..resources import data_folder, read_limited, read_toml
from .shapes import SHAPES

BLOCK_KINDS = ("text", "flags", "asset", "image", "qr")
FLAG_ASSETS = {"party": "co-dang.svg", "national": "co-to-quoc.svg"}
WAVING_FLAG_ASSETS = {"party": "co-dang-bay.svg", "national": "co-to-quoc-bay.svg"}
IMAGE_SHAPES = ("rect", "rounded", "circle")
IMAGE_FITS = ("cover", "contain")
BANDS = ("", "ribbon")


@dataclass(frozen=True)
class BlockSpec:
    """One block of a layout. Common fields first, then those of each kind (see docs/layouts.md)."""

    kind: str
    name: str = ""
    share: float = 1.0  # share of the stack's height
    aside: str = ""  # "left" or "right": on strip formats the block stands beside the stack
    aside_height: float = 0.7  # its height there, as a share of the safe height
    optional: bool = False  # may be left out: when empty, or when the page is too small for all blocks
    show: bool = True  # false: not drawn at all (a shape's arrangement may drop a block)
    # 1: the headline or main text, the largest on the page; 2: what it introduces (an event);
    # 3: what signs it (unit, date), never larger than any text of a higher rank
    rank: int = 2
    main: bool = False  # the text the page is about (the slogan, the congress): kept largest when a QR code needs room
    # text
    text: str = ""  # Jinja2 template: {{ slogan }}, {{ headline }}, {{ unit }}, {{ event }}, ...
    font: str = "BeVietnamPro-ExtraBold.ttf"
    color: str = "ink"  # a palette colour: ink (main text), ink-soft, accent... (themes set them)
    upper: bool = False
    line_height: float = 1.25
    max_lines: int = 6
    fill: float = 0.0  # how much filling its region's height is worth against letter size (text/fit.py)
    fill_to: float = 0.5  # the share of its region's height a text is meant to fill, with fill > 0
    spread_lines: bool = False  # the lines run down the whole region, evenly spaced
    effect: str = ""  # a text finish the theme defines (title, body...): gradient, outline, shadow
    band: str = ""  # "ribbon": the text stands on a ribbon band
    # flags
    flags: list[str] = field(default_factory=lambda: ["party", "national"])
    border: str = ""  # a colour: a thin plate so red flags stand out on a red field
    border_width: float = 0.03  # of the flag height
    spacing: float = 0.3  # between flags, in flag heights
    style: str = "flat"  # "waving": on poles, the cloth in a wave with light and shade
    # flags, asset
    max_width: float = 0.9  # share of the block's width the artwork may take
    asset: str = ""  # an SVG file in assets/ or in the layouts folder
    opacity: float = 1.0
    # image: a slot the job fills (--image portrait=bac-ho.jpg)
    slot: str = ""  # the slot's name: portrait, logo, photo...
    aspect: float = 0.75  # width / height of the slot
    clip: str = "rect"  # "rect", "rounded" or "circle"
    fit: str = "cover"  # "cover": fill the slot, cropping; "contain": the whole image
    frame: str = ""  # a colour: a ring round the slot
    # qr (text fields above style its caption)
    caption: str = "Quét mã để xem văn bản"
    max_size: float = 0.5  # the largest the code may be, share of the safe area's shorter side


@dataclass(frozen=True)
class DecorSpec:
    """Artwork behind the blocks, outside the composition: rays, a drum face, a lotus, a frame."""

    art: str  # an SVG file in assets/ or the layouts folder, or "border": a frame round the page
    behind: str = ""  # a block's name: placed on what that block drew; "": on the page
    x: float = 0.5  # the art's centre, share of the page's (or the block's) width
    y: float = 0.5
    size: float = 0.5  # the art's larger side, share of the page's shorter side (the frame's corners)
    cover: bool = False  # as large as reaching every corner of the page from its centre (rays)
    opacity: float = 1.0
    color: str = ""  # draw the whole art in this one colour (a watermark)
    inset: float = 0.025  # a frame's distance from the page edge, share of the shorter side


@dataclass(frozen=True)
class Layout:
    name: str
    path: Path
    description: str
    blocks: tuple[BlockSpec, ...]
    description_vi: str = ""  # the same in Vietnamese, which `bannerkit layouts` shows by default
    background: str = "field"
    margin: float = 0.05  # safe margin on every side, share of the shorter side
    gap: float = 0.03  # between blocks, share of the safe area's shorter side
    row_from_aspect: float = 3.0  # from this width/height on, "aside" blocks stand beside the stack
    example: dict[str, Any] = field(default_factory=dict)  # a job to show it with (previews, contact sheets)
    strip: bool = False  # the page is the size's height and as wide as the text needs (scrolling text)
    theme: str = "classic"  # the colours and finish used unless the job names a theme (themes/)
    decor: list[dict[str, Any]] = field(default_factory=list)  # [[decor]] tables (DecorSpec)
    layouts_dir: Path | None = None
    shaped: dict[str, Layout] = field(default_factory=dict)  # [shape.NAME]: the layout for that shape

    @property
    def decorations(self) -> tuple[DecorSpec, ...]:
        return tuple(DecorSpec(**table) for table in self.decor)

    def for_shape(self, shape: str) -> Layout:
        """How the layout arranges itself on a page of this shape (layout.shapes.SHAPES)."""
        return self.shaped.get(shape, self)


def layout_files(layouts_dir: Path | None = None) -> dict[str, Path]:
    """Layout name -> file; a user's folder overrides the built-in layouts of the same name."""
    if layouts_dir is not None and not layouts_dir.is_dir():
        raise LayoutError(_("layouts folder {path} does not exist").format(path=str(layouts_dir)))
    folders = [data_folder("layouts")] + ([layouts_dir] if layouts_dir else [])
    return {p.stem: p for folder in folders for p in sorted(folder.glob("*.toml")) if p.name != "palette.toml"}


def load_layout(name: str, layouts_dir: Path | None = None) -> Layout:
    files = layout_files(layouts_dir)
    if name not in files:
        raise LayoutError(_("unknown layout {name!r}; available: {names}. See 'bannerkit layouts'.").format(
            name=name, names=", ".join(sorted(files))))
    path = files[name]
    return _load(name, path, path.stat().st_mtime_ns, layouts_dir)


@lru_cache(maxsize=64)
def _load(name: str, path: Path, mtime_ns: int, layouts_dir: Path | None) -> Layout:
    """Parsed once per version of the file (the modification time is part of the key), so a
    designer's edit is seen at once and a batch does not parse the file per design."""
    try:
        data = read_toml(path)
    except tomllib.TOMLDecodeError as exc:
        raise LayoutError(_("layout file {path}: {err}").format(
            path=str(path), err=" ".join(str(exc).split()))) from None
    except UnicodeDecodeError:
        raise LayoutError(_("layout file {path} is not UTF-8 text; save it as UTF-8").format(path=str(path))) from None
    except OSError as exc:
        raise LayoutError(_("cannot read layout file {path}: {reason}").format(
            path=str(path), reason=exc.strerror or exc)) from None
    return _parse(name, path, data, layouts_dir)


def _parse(name: str, path: Path, data: dict[str, Any], layouts_dir: Path | None) -> Layout:
    raw_blocks = data.pop("block", None)
    if not isinstance(raw_blocks, list) or not raw_blocks:
        raise _error(path, None, "block", _("a layout needs at least one [[block]]"))
    raw_shapes = data.pop("shape", {})
    if "description" not in data:
        raise _error(path, None, "description", _("say in one line what the layout is for"))
    layout = _variant(name, path, data, raw_blocks, layouts_dir)
    if not isinstance(raw_shapes, dict):
        raise _error(path, None, "shape", _("give [shape.NAME] tables"))
    shaped = {}
    for shape, overrides in raw_shapes.items():
        if shape not in SHAPES or not isinstance(overrides, dict):
            raise _error(path, None, "shape", _("{value!r} is not a shape; use [shape.NAME] with NAME one of: "
                                                "{names}").format(value=shape, names=", ".join(SHAPES)))
        shaped[shape] = _shaped(name, path, data, raw_blocks, overrides, layouts_dir)
    return dataclasses.replace(layout, shaped=shaped)


def _shaped(name: str, path: Path, data: dict[str, Any], raw_blocks: list[Any], overrides: dict[str, Any],
            layouts_dir: Path | None) -> Layout:
    """The layout with a [shape.NAME] table's fields and [shape.NAME.BLOCK] tables laid over it."""
    names = [table.get("name", "") if isinstance(table, dict) else "" for table in raw_blocks]
    for key, value in overrides.items():
        if isinstance(value, dict) and key not in names:
            raise _error(path, None, key, _("no block is named {key!r}; blocks: {names}").format(
                key=key, names=", ".join(n for n in names if n)))
    blocks = [{**table, **overrides.get(n, {})} for n, table in zip(names, raw_blocks)]
    fields = {k: v for k, v in overrides.items() if not isinstance(v, dict)}
    return _variant(name, path, {**data, **fields}, blocks, layouts_dir)


def _variant(name: str, path: Path, data: dict[str, Any], raw_blocks: list[Any], layouts_dir: Path | None) -> Layout:
    blocks = tuple(_record(BlockSpec, table, path, i) for i, table in enumerate(raw_blocks))
    layout = _record(Layout, {**data, "blocks": blocks}, path, None, name=name, path=path, layouts_dir=layouts_dir,
                     shaped={})
    _check_ranges(layout, LAYOUT_RANGES, path, None)
    for i, block in enumerate(blocks):
        _check_block(block, path, i)
    qr_blocks = [i for i, block in enumerate(blocks) if block.kind == "qr"]
    if len(qr_blocks) > 1:
        raise _error(path, qr_blocks[1], "kind", _("a layout has at most one qr block"))
    _check_example(layout.example, path)
    for table in layout.decor:
        _check_decor(_record(DecorSpec, table, path, None), path, [b.name for b in blocks])
    return layout


def _check_decor(decor: DecorSpec, path: Path, names: list[str]) -> None:
    if decor.behind and decor.behind not in names:
        raise _error(path, None, "behind", _("no block is named {key!r}; blocks: {names}").format(
            key=decor.behind, names=", ".join(n for n in names if n)))
    _check_ranges(decor, DECOR_RANGES, path, None)


def _check_block(block: BlockSpec, path: Path, index: int) -> None:
    if block.kind not in BLOCK_KINDS:
        raise _error(path, index, "kind", _("{value!r} is not a block kind; use one of: {kinds}").format(
            value=block.kind, kinds=", ".join(BLOCK_KINDS)))
    if block.kind == "text" and not block.text:
        raise _error(path, index, "text", _("a text block needs text, for example \"{{ slogan }}\""))
    if block.kind == "asset" and not block.asset:
        raise _error(path, index, "asset", _("an asset block needs the name of an SVG file"))
    if block.kind == "flags" and (not block.flags or set(block.flags) - set(FLAG_ASSETS)):
        raise _error(path, index, "flags", _("list the flags as \"party\" and \"national\""))
    if block.kind == "image" and not block.slot:
        raise _error(path, index, "slot", _("an image block needs a slot name, for example \"portrait\""))
    for name, value, allowed in (("clip", block.clip, IMAGE_SHAPES), ("fit", block.fit, IMAGE_FITS),
                                 ("band", block.band, BANDS), ("style", block.style, ("flat", "waving"))):
        if value not in allowed:
            raise _error(path, index, name, _("use one of: {values}").format(
                values=", ".join(repr(v) for v in allowed)))
    if block.aside not in ("", "left", "right"):
        raise _error(path, index, "aside", _("use \"left\" or \"right\""))
    if block.share <= 0 or block.max_lines < 1:
        raise _error(path, index, "share" if block.share <= 0 else "max_lines", _("must be positive"))
    _check_ranges(block, BLOCK_RANGES, path, index)


# Shares of a page or block, and what a layout may set them to: outside these, blocks would be
# drawn outside the safe area, over each other, or not at all.
LAYOUT_RANGES = {"margin": (0.0, 0.4), "gap": (0.0, 0.5), "row_from_aspect": (0.1, 100.0)}
BLOCK_RANGES = {"aside_height": (0.05, 1.0), "line_height": (0.8, 3.0), "border_width": (0.0, 0.5),
                "spacing": (0.0, 2.0), "max_width": (0.05, 1.0), "max_size": (0.05, 1.0), "max_lines": (1, 30),
                "rank": (1, 3), "fill": (0.0, 4.0), "fill_to": (0.1, 1.0), "opacity": (0.0, 1.0),
                "aspect": (0.1, 10.0)}
DECOR_RANGES = {"x": (-1.0, 2.0), "y": (-1.0, 2.0), "size": (0.01, 4.0), "opacity": (0.0, 1.0), "inset": (0.0, 0.3)}


def _check_ranges(record: Any, ranges: dict[str, tuple[float, float]], path: Path, index: int | None) -> None:
    for name, (low, high) in ranges.items():
        value = getattr(record, name)
        if not low <= value <= high:
            raise _error(path, index, name, _("{value!r} is outside {low:g} to {high:g}").format(
                value=value, low=low, high=high))


def _record(cls: type, table: Any, file: Path, index: int | None, **fixed: Any) -> Any:
    """A spec record; unknown fields and values of the wrong type are refused with their line."""
    fields = {f.name: f for f in dataclasses.fields(cls) if f.name not in fixed}
    for key, value in table.items():
        if key not in fields:
            near = difflib.get_close_matches(key, fields, n=1)
            hint = _("did you mean {near!r}?").format(near=near[0]) if near else _("not a layout field")
            raise _error(file, index, key, _("unknown field; {hint}").format(hint=hint))
        expected = _expected_type(fields[key])
        if key == "decor":
            if not (isinstance(value, list) and all(isinstance(v, dict) for v in value)):
                raise _error(file, index, key, _("give [[decor]] tables"))
        elif expected is not None and not _is_a(value, expected):
            wanted = _("finite number") if expected is float else expected.__name__
            raise _error(file, index, key, _("{value!r} should be a {type}").format(value=value, type=wanted))
    missing = [f.name for f in fields.values() if f.default is dataclasses.MISSING
               and f.default_factory is dataclasses.MISSING and f.name not in table]
    if missing:
        raise _error(file, index, missing[0], _("this field is required"))
    return cls(**table, **fixed)


EXAMPLE_FIELDS = ("slogan", "text", "anniversary", "headline", "unit", "event", "date")


def _check_example(example: dict[str, Any], path: Path) -> None:
    for key in example:
        if key not in EXAMPLE_FIELDS:
            raise _error(path, None, key, _("an [example] gives {fields}").format(fields=", ".join(EXAMPLE_FIELDS)))


def _expected_type(f: dataclasses.Field) -> type | None:
    default = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
    return None if default is None or default is dataclasses.MISSING else type(default)


def _is_a(value: Any, expected: type) -> bool:
    if expected is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if expected is list:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if expected is dict:
        return isinstance(value, dict)
    return isinstance(value, expected)


def _error(path: Path, block: int | None, key: str, problem: str) -> LayoutError:
    where = f"block {block + 1}, " if block is not None else ""
    line = _line_of(path, block, key)
    at_line = _("line {line}, ").format(line=line) if line else ""
    return LayoutError(_("layout file {path}, {at_line}{where}field {field!r}: {problem}").format(
        path=str(path), at_line=at_line, where=where, field=key, problem=problem))


def _line_of(path: Path, block: int | None, key: str) -> int | None:
    """The line that sets `key` (inside the given [[block]]), or the block's header line."""
    try:
        lines = read_limited(path).decode("utf-8", errors="replace").splitlines()
    except OSError:
        return None
    start, seen, header = 0, -1, None
    if block is not None:
        for number, line in enumerate(lines):
            if line.strip() == "[[block]]":
                seen += 1
                if seen == block:
                    start, header = number, number + 1
                    break
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for number in range(start, len(lines)):
        if number > start and lines[number].lstrip().startswith("[") and block is not None:
            break
        if block is None and lines[number].lstrip().startswith("["):
            break
        if pattern.match(lines[number]):
            return number + 1
    return header
