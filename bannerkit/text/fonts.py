"""Turn a font file into measurements (in em) that both painters can trust.

Shaping goes through Pillow's raqm engine (HarfBuzz), as Pango does for the PDF, so stacked
Vietnamese marks are positioned by the font's own rules.
"""

from __future__ import annotations

from pathlib import Path

from fontTools.ttLib import TTFont
from PIL import ImageFont

from ..caches import file_cache, lru_file_cache
from ..errors import TextError
from ..i18n import _
from ..model import FontFace
from ..resources import data_folder

# Measured at a large size, advances and bounding boxes scale linearly and hinting's
# pixel rounding disappears; painters then draw at whatever size the fit chose.
REF_PX = 1000


@file_cache
def font_face(name_or_path: str | Path) -> FontFace:
    """A font from fonts/ by file name, or any font file by path."""
    path = Path(name_or_path)
    if not path.is_absolute():
        path = data_folder("fonts") / path
    try:
        font = TTFont(path, lazy=True)
        upem = font["head"].unitsPerEm
        hhea = font["hhea"]
        family = font["name"].getDebugName(6) or path.stem  # PostScript name, as print shops see it
        cap = getattr(font["OS/2"], "sCapHeight", 0) or 0.7 * upem
    except Exception as exc:  # fontTools raises many kinds for a file that is not a font
        raise TextError(_("{path} is not a font bannerkit can use ({err}); give a TrueType or OpenType file").format(
            path=str(path), err=exc)) from None
    return FontFace(path=path, family=family, ascent=hhea.ascent / upem, descent=-hhea.descent / upem,
                    cap_height=cap / upem)


@file_cache
def _measuring_font(path: Path) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), REF_PX, layout_engine=ImageFont.Layout.RAQM)


@lru_file_cache(maxsize=65536)
def advance(face: FontFace, text: str) -> float:
    """The shaped advance width of a run of text, in em."""
    return _measuring_font(face.path).getlength(text) / REF_PX


@lru_file_cache(maxsize=65536)
def ink(face: FontFace, text: str) -> tuple[float, float, float, float]:
    """Ink extent (left, top, right, bottom) in em from the pen origin on the baseline, y down.

    Stacked capitals (Ẳ, Ỗ) reach above the ascender, so fitting uses this, not the metrics.
    """
    left, top, right, bottom = _measuring_font(face.path).getbbox(text, anchor="ls")
    return left / REF_PX, top / REF_PX, right / REF_PX, bottom / REF_PX


@file_cache
def raster_font(path: Path, size_px: float) -> ImageFont.FreeTypeFont:
    if size_px < 1:
        raise TextError(_("the text would be less than a pixel high at this density; give a larger size or a "
                          "higher --dpi"))
    return ImageFont.truetype(str(path), size_px, layout_engine=ImageFont.Layout.RAQM)


@file_cache
def _cmap(path: Path) -> frozenset[int]:
    return frozenset(TTFont(path, lazy=True).getBestCmap())


@lru_file_cache(maxsize=1024)
def _missing(path: Path, text: str) -> tuple[str, ...]:
    """The text's characters the font lacks (a layout checks each text on every pass)."""
    cmap = _cmap(path)
    return tuple(sorted({ch for ch in text if not ch.isspace() and ord(ch) not in cmap}))


def check_coverage(face: FontFace, text: str) -> None:
    """Refuse, before rendering, any character the font cannot draw: no tofu reaches a print shop."""
    missing = _missing(face.path, text)
    if missing:
        listed = ", ".join(f"{ch!r} (U+{ord(ch):04X})" for ch in missing[:5])
        raise TextError(_("the font {font} has no glyph for {chars}; remove or replace it, "
                          "or choose a layout with another font").format(font=face.family, chars=listed))
