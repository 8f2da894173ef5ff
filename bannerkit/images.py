"""Check the images a job puts in a layout's slots (a portrait, a congress logo) before any
layout: each must be a readable PNG or JPEG, not so large that decoding it would exhaust memory.
Whether it is sharp enough is known once the slot's size is: layout.blocks checks that.

bannerkit ships no portrait or logo: offices use the ones their Ban Tuyên giáo distributes
(docs/layouts.md, Image slots).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from .errors import ImageError
from .i18n import _

FORMATS = ("PNG", "JPEG")
MAX_FILE_BYTES = 100 * 1024 * 1024  # a 100 MB photo is already far more than any slot needs
MAX_PIXELS = 120_000_000  # 120 megapixels: about 500 MB decoded; a larger image is refused, not read
# An image is accepted down to this share of the pixels its slot covers at the size's density:
# a little enlargement does not show at viewing distance, a halving does.
MIN_SHARPNESS = 0.75
_SLOT = re.compile(r"^[a-z][a-z0-9-]{0,30}$")


@dataclass(frozen=True)
class SlotImage:
    slot: str
    path: Path
    pixels: tuple[int, int]


def check_image(slot: str, path: Path) -> SlotImage:
    """The image's size, read from its header; refused with what to do when it cannot be used."""
    if not _SLOT.match(slot):
        raise ImageError(_("{slot!r} is not a slot name; write --image portrait=FILE (lower-case letters, digits, "
                           "hyphens)").format(slot=slot))
    if not path.is_file():
        raise ImageError(_("image for slot {slot!r} not found: {path}; check the file name after {slot}=").format(
            slot=slot, path=str(path)))
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ImageError(_("image {path} is {mb:.0f} MB, more than bannerkit reads ({limit} MB); save a smaller "
                           "copy (a few thousand pixels across is plenty)").format(
            path=str(path), mb=path.stat().st_size / 2**20, limit=MAX_FILE_BYTES // 2**20))
    try:
        with Image.open(path) as image:
            kind, pixels = image.format, image.size
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise ImageError(_("image {path} cannot be read ({err}); save it as PNG or JPEG").format(
            path=str(path), err=exc)) from None
    if kind not in FORMATS:
        raise ImageError(_("image {path} is {kind}; save it as PNG or JPEG").format(path=str(path), kind=kind))
    if pixels[0] * pixels[1] > MAX_PIXELS:
        raise ImageError(_("image {path} is {w} × {h} pixels, more than bannerkit decodes ({mp} megapixels); save "
                           "a smaller copy").format(path=str(path), w=pixels[0], h=pixels[1],
                                                     mp=MAX_PIXELS // 1_000_000))
    return SlotImage(slot, path.resolve(), pixels)


def check_sharp_enough(image: SlotImage, needed: tuple[int, int]) -> None:
    """Refuse an image that would be enlarged visibly in a slot that covers `needed` pixels."""
    scale = max(needed[0] / image.pixels[0], needed[1] / image.pixels[1])
    if scale > 1 / MIN_SHARPNESS:
        raise ImageError(_("image {path} ({w} × {h} px) is too small for the {slot} slot at this size, which needs "
                           "about {nw} × {nh} px; use a larger original or a smaller size").format(
            path=str(image.path), w=image.pixels[0], h=image.pixels[1], slot=image.slot,
            nw=needed[0], nh=needed[1]))


def image_slots(values: list[str]) -> tuple[tuple[str, Path], ...]:
    """SLOT=FILE values (--image, a spec's images column) as (slot, file) pairs."""
    pairs = []
    for value in values:
        slot, sep, path = value.partition("=")
        if not sep or not slot.strip() or not path.strip():
            raise ImageError(_("image {value!r}: write SLOT=FILE, e.g. portrait=bac-ho.jpg").format(value=value))
        pairs.append((slot.strip().lower(), Path(path.strip())))
    return tuple(pairs)
