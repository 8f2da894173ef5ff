"""Turn a preview request (what, which layout, which size, which options) into image or PDF
bytes or a message, through the one render path (produce)."""

from __future__ import annotations

import dataclasses
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from ..design import Design, lay_out, paint
from ..errors import PreviewError
from ..i18n import _
from ..job import Job
from ..layout import load_layout
from ..options import RenderOptions
from ..output import prepare_folder, write_atomic
from ..sheet import contact_sheet

# Sizes shown side by side by default: one of each shape.
DEFAULT_SIZES = ("pano-3x6", "bangron-1x6", "a3", "phuon-0.8x2.5", "led-1920x1080", "social-1080x1080")
PREVIEW_LONG_SIDE_PX = 900  # the page shows this; downloads are full size
MAX_SIDE_PX = 8000  # larger requests are refused, not rendered
MAX_PIXELS = 40_000_000


@dataclass(frozen=True)
class Request:
    """What to show (a slogan or a text, else the layout's example) and how (options)."""

    options: RenderOptions
    slogan: int | None = None
    text: str | None = None
    images: tuple[tuple[str, Path], ...] = ()  # (slot, file) for the layouts' image slots


def describe(request: Request) -> dict:
    """What the page labels a tile with; raises the error a broken layout or size gives."""
    design = _design(request)
    width, height = design.scene.pixels(design.preset.px_per_mm)
    preview = dataclasses.replace(design, options=dataclasses.replace(design.options, max_side_px=PREVIEW_LONG_SIDE_PX))
    return {"size": design.preset.name, "label": design.preset.label, "width_mm": round(design.scene.width),
            "height_mm": round(design.scene.height), "width_px": width, "height_px": height,
            "preview_px": list(preview.pixels)}


def render(request: Request) -> bytes:
    """The bytes of the request's one format."""
    return paint(_design(request))[0].data


def _design(request: Request) -> Design:
    """The layout's example job, with the slogan or text the page chose; too large is refused."""
    layout = load_layout(request.options.layout, request.options.layouts_dir)
    slots = {b.slot for b in layout.blocks if b.kind == "image"}
    fields: dict[str, object] = dict(layout.example or {"slogan": 5})
    fields["images"] = tuple((slot, path) for slot, path in request.images if slot in slots)
    if request.slogan or request.text:
        fields.pop("slogan", None)
        fields.pop("text", None)
        fields.update({"slogan": request.slogan} if request.slogan else {"text": request.text})
    design = lay_out(Job(**fields), request.options)  # type: ignore[arg-type]
    width, height = design.pixels
    if max(width, height) > MAX_SIDE_PX or width * height > MAX_PIXELS:
        raise PreviewError(_("{size} is {w} × {h} px, more than the preview renders (at most {limit} px a side); "
                             "use 'bannerkit render' for files that large").format(
            size=request.options.size, w=width, h=height, limit=MAX_SIDE_PX))
    return design


def overview(base: Request, sizes: list[str]) -> Image.Image:
    """The preview page as one contact sheet: each size labelled with its name, mm and pixels."""
    tiles = []
    for size in sizes:
        request = dataclasses.replace(base, options=dataclasses.replace(
            base.options, size=size, formats=("png",), max_side_px=PREVIEW_LONG_SIDE_PX))
        info = describe(request)
        with Image.open(io.BytesIO(render(request))) as image:
            tiles.append((f"{size} · {info['width_mm']} × {info['height_mm']} mm\n{info['width_px']} × "
                          f"{info['height_px']} px", image.convert("RGB")))
    return contact_sheet(tiles, tile=360, columns=3)


def write_overview(base: Request, sizes: list[str], out_dir: Path) -> list[Path]:
    """The overview as PNG and as a one-page PDF in out_dir."""
    folder = prepare_folder(out_dir)
    image = overview(base, sizes)
    stem = f"sheet_{base.options.layout}_" + (
        f"slogan-{base.slogan:02d}" if base.slogan else "text" if base.text else "example")
    written = []
    for fmt, options in (("png", {}), ("pdf", {"resolution": 150})):
        buffer = io.BytesIO()
        image.save(buffer, fmt.upper(), **options)
        written.append(write_atomic(folder / f"{stem}.{fmt}", buffer.getvalue()))
    return written
