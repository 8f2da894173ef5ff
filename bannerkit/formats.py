"""The output formats: one table from a format's name to its painter and its encoder.

A painter turns a laid-out design into a picture (a Pillow image, or a finished PDF); formats
that share a painter share one painting (PNG and JPEG of one design paint once). An encoder turns
that picture into the file's bytes. Every list of formats (the CLI's help and checks, batch spec
columns, the preview's media types) is read from FORMATS. To add a format, write its painter or
encoder and add one entry here. Painters import their engines when first used, so the command
starts without loading WeasyPrint, fonts or layouts.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PIL import Image

from .errors import OptionError
from .i18n import _

if TYPE_CHECKING:
    from .produce import Design


@dataclass(frozen=True)
class Format:
    name: str  # also the file extension
    media_type: str
    painter: str  # a key of PAINTERS
    encode: Callable[[Any, Design], bytes]
    aliases: tuple[str, ...] = ()

    @property
    def raster(self) -> bool:
        return self.painter == "raster"


def paint_raster_design(design: Design) -> Image.Image:
    """The raster painter: full colour, or an LED board's own colours."""
    from .paint.board import paint_board
    from .paint.raster import paint_raster, paint_two_colour
    from .sizes import check_raster_limits

    width, height = design.pixels
    check_raster_limits(design.preset, width, height)
    if design.options.led_colors != "full":
        return paint_board(design.scene, width, height, design.options.led_colors)
    return paint_two_colour(design.scene, width, height) or paint_raster(design.scene, width, height)


def paint_pdf_design(design: Design) -> bytes:
    """The vector painter: WeasyPrint, imported on first use."""
    from .paint.pdf import paint_pdf
    from .paint.trim import FINISH, default_bleed

    options, preset = design.options, design.preset
    bleed = options.bleed if options.bleed is not None else default_bleed(preset.kind)
    finish = FINISH.get(preset.kind, "") if options.finish else ""
    return paint_pdf(design.scene, title=design.prepared.title, subject=design.prepared.subject,
                     author=design.prepared.content.unit or "", bleed=bleed, marks=options.marks,
                     user_unit=options.user_unit, outline=options.outline, scale=options.scale,
                     tile=options.tile, overlap=options.overlap, finish=finish,
                     sleeve=preset.clear_top * preset.height_mm)


PAINTERS: dict[str, Callable[[Design], Any]] = {"raster": paint_raster_design, "pdf": paint_pdf_design}


def _save(image: Image.Image, fmt: str, **options: Any) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def _palette(image: Image.Image, design: Design) -> Image.Image:
    """A palette image where the design's colours allow it (a board image is one already): a
    fraction of the encoding time and size of 24-bit RGB, the same picture."""
    from .paint.raster import blend_palette

    palette = blend_palette(design.scene) if image.mode != "P" else None
    return image.quantize(palette=palette, dither=Image.Dither.NONE) if palette is not None else image


def _dpi(design: Design) -> float:
    """The density a raster declares: the preset's, times the scale (a 1:10 file is 10 × denser)."""
    return design.preset.dpi * design.options.scale


def encode_png(image: Image.Image, design: Design) -> bytes:
    dpi = _dpi(design)
    return _save(_palette(image, design), "PNG", dpi=(dpi, dpi), compress_level=3)


def encode_jpeg(image: Image.Image, design: Design) -> bytes:
    dpi = _dpi(design)
    return _save(image.convert("RGB"), "JPEG", dpi=(dpi, dpi), quality=92, subsampling=0)


def encode_bmp(image: Image.Image, design: Design) -> bytes:
    return _save(_palette(image, design), "BMP")


def encode_gif(image: Image.Image, design: Design) -> bytes:
    image = _palette(image, design)
    if image.mode != "P":
        image = image.quantize(256, method=Image.Quantize.FASTOCTREE)
    return _save(image, "GIF")


def encode_tiff(image: Image.Image, design: Design) -> bytes:
    """CMYK for the output profile, the profile embedded, LZW-compressed, at the preset's density:
    what large-format RIPs take."""
    from .paint.cmyk import cmyk_image, profile_bytes

    dpi = _dpi(design)
    return _save(cmyk_image(image), "TIFF", compression="tiff_lzw", icc_profile=profile_bytes(), dpi=(dpi, dpi))


def encode_pdf(pdf: bytes, design: Design) -> bytes:
    return pdf


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("png", "image/png", "raster", encode_png),
    Format("jpg", "image/jpeg", "raster", encode_jpeg, aliases=("jpeg",)),
    Format("bmp", "image/bmp", "raster", encode_bmp),
    Format("gif", "image/gif", "raster", encode_gif),
    Format("tiff", "image/tiff", "raster", encode_tiff, aliases=("tif",)),
    Format("pdf", "application/pdf", "pdf", encode_pdf),
)}
_ALIASES = {alias: f.name for f in FORMATS.values() for alias in f.aliases}


def check_format(fmt: str) -> str:
    """The registry's name for a format or extension ('.JPEG' -> 'jpg'), or an OptionError."""
    name = fmt.lower().strip().lstrip(".")
    name = _ALIASES.get(name, name)
    if name not in FORMATS:
        raise OptionError(_("unknown format {fmt!r}; choose one of: {choices}").format(fmt=name, choices=choices()))
    return name


def choices() -> str:
    return ", ".join(FORMATS)
