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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PIL import Image

from .errors import OptionError
from .i18n import _

if TYPE_CHECKING:
    from .design import Design
    from .paint.strips import Strips


@dataclass(frozen=True)
class Format:
    name: str  # also the file extension
    media_type: str
    painter: str  # a key of PAINTERS
    encode: Callable[[Any, Design], bytes]
    aliases: tuple[str, ...] = ()

    streams: bool = False  # writes a raster strip by strip, so any size stays within memory

    @property
    def raster(self) -> bool:
        return self.painter == "raster"


def paint_raster_design(design: Design) -> Image.Image | Strips:
    """The raster painter: full colour, or an LED board's own colours; a raster too large to hold
    at once becomes Strips, painted as a streaming encoder (PNG, TIFF) writes them."""
    from .paint.board import paint_board
    from .paint.raster import blend_palette, paint_indexed, paint_raster, paint_two_colour
    from .paint.strips import STRIP_ABOVE_PIXELS, Strips
    from .sizes import check_raster_limits

    width, height = design.pixels
    check_raster_limits(design.preset, width, height, streamed=streamed(design.options.formats))
    if design.options.led_colors != "full":
        return paint_board(design.scene, width, height, design.options.led_colors)
    if width * height > STRIP_ABOVE_PIXELS:
        return Strips(design.scene, width, height)
    two_colour = paint_two_colour(design.scene, width, height)
    if two_colour is not None:
        return two_colour
    # A plain scene that only becomes a PNG is painted straight into the PNG's palette.
    palette = blend_palette(design.scene) if _png_only(design.options.formats) else None
    return paint_indexed(design.scene, width, height, palette) if palette else paint_raster(design.scene, width, height)


def _png_only(formats: tuple[str, ...]) -> bool:
    return all(f == "png" for f in formats if FORMATS[f].raster)


def paint_image(design: Design) -> Image.Image:
    """The raster as one image, for what needs the whole picture (LED marquees and playlists, whose
    boards are small)."""
    picture = paint_raster_design(design)
    if not isinstance(picture, Image.Image):
        raise OptionError(_("{size} is too large to animate; use a board's size").format(size=design.preset.name))
    return picture


def streamed(formats: tuple[str, ...]) -> bool:
    """Whether every raster format among these writes strip by strip (so may be very large)."""
    return all(FORMATS[f].streams for f in formats if FORMATS[f].raster)


def paint_pdf_design(design: Design) -> bytes:
    """The vector painter: WeasyPrint, imported on first use."""
    from .paint.pdf import paint_pdf
    from .paint.trim import default_bleed, finish_for

    options, preset = design.options, design.preset
    bleed = options.bleed if options.bleed is not None else default_bleed(preset.kind)
    finish = finish_for(preset.kind) if options.finish else ""
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


def encode_png(image: Image.Image | Strips, design: Design) -> bytes:
    dpi = _dpi(design)
    if not isinstance(image, Image.Image):
        return _stream_png(image, dpi)
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


def encode_tiff(image: Image.Image | Strips, design: Design) -> bytes:
    """CMYK for the output profile, the profile embedded, LZW-compressed (Deflate when streamed),
    at the preset's density: what large-format RIPs take."""
    from .paint.cmyk import cmyk_image, profile_bytes

    dpi = _dpi(design)
    if not isinstance(image, Image.Image):
        return _stream_tiff(image, dpi)
    return _save(cmyk_image(image), "TIFF", compression="tiff_lzw", icc_profile=profile_bytes(), dpi=(dpi, dpi))


def _stream_png(strips: Strips, dpi: float) -> bytes:
    """A PNG written row by row as the strips are painted (pypng: Pillow encodes whole images)."""
    import png

    def rows() -> Iterator[bytes]:
        for strip in strips:
            data, stride = strip.tobytes(), strip.width * 3
            yield from (data[i:i + stride] for i in range(0, len(data), stride))

    per_metre = round(dpi / 0.0254)
    writer = png.Writer(strips.width, strips.height, greyscale=False, bitdepth=8, compression=3,
                        x_pixels_per_unit=per_metre, y_pixels_per_unit=per_metre, unit_is_meter=True)
    out = io.BytesIO()
    writer.write(out, rows())
    return out.getvalue()


def _stream_tiff(strips: Strips, dpi: float) -> bytes:
    """A CMYK TIFF written strip by strip (tifffile; Pillow writes whole images), Deflate."""
    import numpy as np
    import tifffile

    from .paint.cmyk import cmyk_image, profile_bytes

    # tifffile takes an iterator of tiles: bands TILE_ROWS high across the whole width (padded to a
    # multiple of 16, as TIFF tiles must be), in order; the strips' heights are multiples of it.
    tile = (TILE_ROWS, -(-strips.width // 16) * 16)

    def tiles() -> Iterator[np.ndarray]:
        for strip in strips:
            cmyk = np.asarray(cmyk_image(strip))
            for top in range(0, cmyk.shape[0], TILE_ROWS):
                band = np.zeros((*tile, 4), dtype=np.uint8)
                part = cmyk[top:top + TILE_ROWS]
                band[:part.shape[0], :part.shape[1]] = part
                yield band

    out = io.BytesIO()
    tifffile.imwrite(out, data=tiles(), shape=(strips.height, strips.width, 4), dtype="uint8", tile=tile,
                     photometric="separated", compression="zlib", resolution=(dpi, dpi), resolutionunit="INCH",
                     iccprofile=profile_bytes())
    return out.getvalue()


TILE_ROWS = 64


def encode_pdf(pdf: bytes, design: Design) -> bytes:
    return pdf


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("png", "image/png", "raster", encode_png, streams=True),
    Format("jpg", "image/jpeg", "raster", encode_jpeg, aliases=("jpeg",)),
    Format("bmp", "image/bmp", "raster", encode_bmp),
    Format("gif", "image/gif", "raster", encode_gif),
    Format("tiff", "image/tiff", "raster", encode_tiff, aliases=("tif",), streams=True),
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
