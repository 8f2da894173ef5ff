"""Render every layout at every kind of format and write one contact sheet per layout to docs/layouts/.

Run after changing a layout: .venv/bin/python tools/layout_sheets.py [folder, default docs/layouts]
"""

from __future__ import annotations

import sys
from pathlib import Path

from bannerkit.job import Job
from bannerkit.layout import layout_files, load_layout
from bannerkit.options import RenderOptions
from bannerkit.produce import lay_out, paint
from bannerkit.sheet import contact_sheet

DOCS = Path(__file__).resolve().parent.parent / "docs" / "layouts"
# One preset of each shape: strip banner, panel, square, portrait A-size, pennant, LED 16:9, small LED board.
SIZES = ("bangron-1x8", "pano-3x6", "social-1080x1080", "a3", "phuon-0.8x2.5", "led-1080x1920", "social-1080x1920",
         "led-1920x1080", "led-p10-192x96")
PREVIEW_LONG_SIDE_PX = 900


def main(folder: Path = DOCS) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in layout_files():
        layout = load_layout(name)
        job = Job(**layout.example) if layout.example else Job(slogan=5)
        tiles = []
        for size in [s for s in SIZES if not layout.strip or s.startswith("led")]:  # strips are for LED boards
            options = RenderOptions(size=size, layout=name, formats=("png",), max_side_px=PREVIEW_LONG_SIDE_PX)
            design = lay_out(job, options)
            image = paint(design)[0].image
            assert image is not None
            preset = design.preset
            tiles.append((f"{name} · {size}\n{preset.width_mm:.0f} × {preset.height_mm:.0f} mm", image.convert("RGB")))
        path = folder / f"{name}.png"
        contact_sheet(tiles).save(path, optimize=True)
        print(path)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DOCS)
