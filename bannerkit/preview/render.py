"""Turn a preview request (what, which layout, which size) into image or PDF bytes, or a message."""

from __future__ import annotations

import dataclasses
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from ..errors import BannerkitError
from ..i18n import _
from ..layout import build_scene, load_layout
from ..model import Scene, SizePreset
from ..output import encode_raster, prepare_folder, write_atomic
from ..paint.pdf import paint_pdf
from ..paint.raster import blend_palette, paint_raster, paint_two_colour
from ..pipeline import Job, Prepared, prepare
from ..sheet import contact_sheet
from ..sizes import find_size

# Sizes shown side by side by default: one of each shape.
DEFAULT_SIZES = ("pano-3x6", "bangron-1x6", "a3", "phuon-0.8x2.5", "led-1920x1080", "social-1080x1080")
PREVIEW_LONG_SIDE_PX = 900  # the page shows this; downloads are full size
MAX_SIDE_PX = 8000  # larger requests are refused, not rendered
MAX_PIXELS = 40_000_000


class PreviewError(BannerkitError):
    """A request the preview will not render (too large, or not a known format)."""


@dataclass(frozen=True)
class Request:
    layout: str
    size: str
    slogan: int | None = None
    text: str | None = None
    layouts_dir: Path | None = None
    sizes_file: Path | None = None


def describe(request: Request) -> dict:
    """What the page labels a tile with; raises the error a broken layout or size gives."""
    preset = _preset(request)
    scene, _prepared = _scene(request, preset)
    width, height = scene.pixels(preset.px_per_mm)
    scale = min(1.0, PREVIEW_LONG_SIDE_PX / max(width, height))
    return {"size": preset.name, "label": preset.label, "width_mm": round(scene.width), "height_mm": round(scene.height),
            "width_px": width, "height_px": height,
            "preview_px": [max(round(width * scale), 1), max(round(height * scale), 1)]}


def render(request: Request, fmt: str, *, preview: bool) -> bytes:
    preset = _preset(request)
    scene, prepared = _scene(request, preset)
    if fmt == "pdf":
        return paint_pdf(scene, title=prepared.title, subject=prepared.subject)
    if fmt != "png":
        raise PreviewError(_("the preview serves PNG and PDF only"))
    width, height = scene.pixels(preset.px_per_mm)
    if preview:
        scale = min(1.0, PREVIEW_LONG_SIDE_PX / max(width, height))
        width, height = max(round(width * scale), 1), max(round(height * scale), 1)
    image = paint_two_colour(scene, width, height) or paint_raster(scene, width, height)
    return encode_raster(image, "png", preset.dpi, blend_palette(scene))


def _preset(request: Request) -> SizePreset:
    preset = find_size(request.size, user_file=request.sizes_file)
    if max(preset.width_px, preset.height_px) > MAX_SIDE_PX or preset.width_px * preset.height_px > MAX_PIXELS:
        raise PreviewError(_("{size} is {w} × {h} px, more than the preview renders (at most {limit} px a side); "
                             "use 'bannerkit render' for files that large").format(
            size=request.size, w=preset.width_px, h=preset.height_px, limit=MAX_SIDE_PX))
    return preset


def _scene(request: Request, preset: SizePreset) -> tuple[Scene, Prepared]:
    """The layout's example job, with the slogan or text the page chose."""
    layout = load_layout(request.layout, request.layouts_dir)
    fields = dict(layout.example or {"slogan": 5})
    if request.slogan or request.text:
        fields.pop("slogan", None)
        fields.pop("text", None)
        fields.update({"slogan": request.slogan} if request.slogan else {"text": request.text})
    prepared = prepare(Job(**fields))
    return build_scene(layout, preset, prepared.content), prepared




def overview(base: Request, sizes: list[str]) -> Image.Image:
    """The preview page as one contact sheet: each size labelled with its name, mm and pixels."""
    tiles = []
    for size in sizes:
        request = dataclasses.replace(base, size=size)
        info = describe(request)
        with Image.open(io.BytesIO(render(request, "png", preview=True))) as image:
            tiles.append((f"{size} · {info['width_mm']} × {info['height_mm']} mm\n{info['width_px']} × "
                          f"{info['height_px']} px", image.convert("RGB")))
    return contact_sheet(tiles, tile=360, columns=3)


def write_overview(base: Request, sizes: list[str], out_dir: Path) -> list[Path]:
    """The overview as PNG and as a one-page PDF in out_dir."""
    folder = prepare_folder(out_dir)
    image = overview(base, sizes)
    stem = f"sheet_{base.layout}_" + (f"slogan-{base.slogan:02d}" if base.slogan else "text" if base.text else "example")
    written = []
    for fmt, options in (("png", {}), ("pdf", {"resolution": 150})):
        buffer = io.BytesIO()
        image.save(buffer, fmt.upper(), **options)
        written.append(write_atomic(folder / f"{stem}.{fmt}", buffer.getvalue()))
    return written
