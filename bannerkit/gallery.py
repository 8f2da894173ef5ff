"""Turn every layout in every theme at every shape of page into one gallery sheet (PNG and a
one-page PDF): what a designer or a leader reviews before choosing a look for a campaign."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

from PIL import Image

from .design import lay_out, paint
from .job import Job
from .layout import layout_files, load_layout
from .layout.shapes import EXAMPLE_SIZES
from .options import RenderOptions
from .output import prepare_folder, write_atomic
from .sheet import contact_sheet
from .themes import theme_files

TILE_PX = 240  # each design's longer side in the gallery


def gallery_tiles(base: RenderOptions) -> list[tuple[str, Image.Image]]:
    """Each layout (with its example job) in each theme, one tile per shape, labelled."""
    tiles = []
    for name in layout_files(base.layouts_dir):
        layout = load_layout(name, base.layouts_dir)
        if layout.strip:
            continue  # a scrolling strip is as long as its text: led-scroll shows it
        job = Job(**layout.example) if layout.example else Job(slogan=5)
        for theme in theme_files(base.layouts_dir):
            for shape, size in EXAMPLE_SIZES.items():
                options = dataclasses.replace(base, size=size, layout=name, theme=theme, formats=("png",),
                                              max_side_px=TILE_PX)
                image = paint(lay_out(job, options))[0].image
                assert image is not None
                tiles.append((f"{name} · {theme}\n{shape}: {size}", image.convert("RGB")))
    return tiles


def write_gallery(base: RenderOptions, out_dir: Path) -> list[Path]:
    """gallery.png and gallery.pdf in out_dir."""
    folder = prepare_folder(out_dir)
    sheet = contact_sheet(gallery_tiles(base), tile=TILE_PX, columns=len(EXAMPLE_SIZES), label_px=12)
    written = []
    for fmt, options in (("png", {"optimize": True}), ("pdf", {"resolution": 100})):
        buffer = io.BytesIO()
        sheet.save(buffer, fmt.upper(), **options)
        written.append(write_atomic(folder / f"gallery.{fmt}", buffer.getvalue()))
    return written
