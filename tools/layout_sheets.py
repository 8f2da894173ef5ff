"""Render every layout at every kind of format and write one contact sheet per layout to docs/layouts/,
and a sheet of the designed layouts in each theme (docs/layouts/themes.png).

Run after changing a layout or a theme: .venv/bin/python tools/layout_sheets.py [folder, default docs/layouts]
The anniversary panel's portrait slot is shown with a plain stand-in silhouette: bannerkit ships no portrait.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw

from bannerkit.design import lay_out, paint
from bannerkit.job import Job
from bannerkit.layout import layout_files, load_layout
from bannerkit.options import RenderOptions
from bannerkit.sheet import contact_sheet
from bannerkit.themes import theme_files

DOCS = Path(__file__).resolve().parent.parent / "docs" / "layouts"
# One preset of each shape: strip banner, panel, square, portrait A-size, pennant, LED 16:9, small LED board.
SIZES = ("bangron-1x8", "pano-3x6", "social-1080x1080", "a3", "phuon-0.8x2.5", "led-1080x1920", "social-1080x1920",
         "led-1920x1080", "led-p10-192x96")
DESIGNED = ("congress-panel", "anniversary-panel", "slogan-panel")
THEME_SIZES = ("pano-3x6", "a3", "led-1080x1920")
PREVIEW_LONG_SIDE_PX = 900


def stand_in(path: Path) -> Path:
    """A grey head-and-shoulders silhouette where an office's portrait would go."""
    image = Image.new("RGB", (1800, 2300), "#8A8F98")
    draw = ImageDraw.Draw(image)
    draw.ellipse((600, 440, 1200, 1180), fill="#C9CCD1")
    draw.rounded_rectangle((340, 1280, 1460, 2300), 280, fill="#5B616B")
    image.save(path, quality=90)
    return path


def _job(name: str, portrait: Path) -> Job:
    layout = load_layout(name)
    slots = [(b.slot, portrait) for b in layout.blocks if b.kind == "image" and b.slot == "portrait"]
    return Job(**(layout.example or {"slogan": 5}), images=tuple(slots))


def _tile(name: str, size: str, theme: str | None, job: Job) -> tuple[str, Image.Image]:
    options = RenderOptions(size=size, layout=name, theme=theme, formats=("png",), max_side_px=PREVIEW_LONG_SIDE_PX)
    design = lay_out(job, options)
    image = paint(design)[0].image
    assert image is not None
    preset = design.preset
    label = f"{name}{' · ' + theme if theme else ''} · {size}\n{preset.width_mm:.0f} × {preset.height_mm:.0f} mm"
    return label, image.convert("RGB")


def main(folder: Path = DOCS) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        portrait = stand_in(Path(scratch) / "portrait.jpg")
        for name in layout_files():
            job = _job(name, portrait)
            # strip layouts are for LED boards
            sizes = [s for s in SIZES if not load_layout(name).strip or s.startswith("led")]
            contact_sheet([_tile(name, size, None, job) for size in sizes]).save(folder / f"{name}.png", optimize=True)
            print(folder / f"{name}.png")
        tiles = [_tile(name, size, theme, _job(name, portrait))
                 for name in DESIGNED for theme in theme_files() for size in THEME_SIZES]
        contact_sheet(tiles, columns=len(THEME_SIZES) * 3, tile=300).save(folder / "themes.png", optimize=True)
        print(folder / "themes.png")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DOCS)
