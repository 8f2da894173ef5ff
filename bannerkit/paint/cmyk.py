"""Turn the screen colours that reach a print PDF without CMYK values (a designer's "#3366CC",
a colour drawn into an SVG, a photo) into CMYK for the output profile, so that the PDF has no RGB.

Palette colours carry the CMYK print shops use (assets/palette.toml); everything else goes from
sRGB through the output profile (bannerkit/data/cmyk-fogra39.icc), perceptually, with Little CMS
(Pillow's ImageCms). Photos become CMYK JPEGs; an image with transparency is written by WeasyPrint
in RGB with a soft mask, and converted in the finished PDF (paint/pdf_finish.py, _rgb_images_to_cmyk).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

from ..caches import file_cache, lru_file_cache
from ..resources import package_data

CMYK_PROFILE = package_data("cmyk-fogra39.icc")
_HEX = re.compile(r"#[0-9A-Fa-f]{6}\b")


@file_cache
def _transform() -> ImageCms.ImageCmsTransform:
    return ImageCms.buildTransform(ImageCms.createProfile("sRGB"), ImageCms.getOpenProfile(str(CMYK_PROFILE)),
                                   "RGB", "CMYK", renderingIntent=ImageCms.Intent.PERCEPTUAL)


@lru_file_cache(maxsize=4096)
def cmyk_of(rgb: str) -> tuple[float, float, float, float]:
    """'#RRGGBB' as CMYK fractions for the output profile."""
    converted = ImageCms.applyTransform(Image.new("RGB", (1, 1), rgb), _transform())
    assert converted is not None
    c, m, y, k = converted.tobytes()
    return round(c / 255, 4), round(m / 255, 4), round(y / 255, 4), round(k / 255, 4)


def device_cmyk(rgb: str) -> str:
    return "device-cmyk({:g} {:g} {:g} {:g})".format(*cmyk_of(rgb))


def cmyk_markup(markup: str) -> str:
    """SVG markup with every #RRGGBB colour written as CMYK."""
    return _HEX.sub(lambda m: device_cmyk(m.group(0)), markup)


@lru_file_cache(maxsize=32)
def cmyk_picture(path: Path, mtime_ns: int) -> bytes | None:
    """The picture as a CMYK JPEG, None if it has transparency (it then stays as it is)."""
    with Image.open(path) as opened:
        image = ImageOps.exif_transpose(opened)
        if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
            lowest, _highest = image.convert("RGBA").getchannel("A").getextrema()
            if lowest < 255:  # type: ignore[operator]
                return None
        cmyk = ImageCms.applyTransform(image.convert("RGB"), _transform())
    assert cmyk is not None
    out = io.BytesIO()
    cmyk.save(out, "JPEG", quality=95, subsampling=0)
    return out.getvalue()


def cmyk_image(image: Image.Image) -> Image.Image:
    """A painted design in CMYK for the output profile (a print shop's RIP takes CMYK TIFF)."""
    converted = ImageCms.applyTransform(image.convert("RGB"), _transform())
    assert converted is not None
    return converted


@file_cache
def profile_bytes() -> bytes:
    return CMYK_PROFILE.read_bytes()


@file_cache
def profile_name() -> str:
    """The profile's own description, which names the output condition in a PDF."""
    return ImageCms.getProfileDescription(ImageCms.getOpenProfile(str(CMYK_PROFILE))).strip()
