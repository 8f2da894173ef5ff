"""Render every layout at every kind of format and write one contact sheet per layout to docs/layouts/.

Run after changing a layout: .venv/bin/python tools/layout_sheets.py
"""

from __future__ import annotations

from pathlib import Path

from bannerkit.layout import build_scene, layout_files, load_layout
from bannerkit.pipeline import Job, prepare
from bannerkit.paint.raster import paint_raster
from bannerkit.sheet import contact_sheet
from bannerkit.sizes import find_size

DOCS = Path(__file__).resolve().parent.parent / "docs" / "layouts"
# One preset of each shape: strip banner, panel, square, portrait A-size, pennant, LED 16:9, small LED board.
SIZES = ("bangron-1x8", "pano-3x6", "social-1080x1080", "a3", "phuon-0.8x2.5", "led-1920x1080", "led-p10-192x96")
PREVIEW_LONG_SIDE_PX = 900


def preview_preset(size: str):
    preset = find_size(size)
    if preset.pixel_native:
        return preset
    return find_size(size, dpi=PREVIEW_LONG_SIDE_PX / (max(preset.width_mm, preset.height_mm) / 25.4))


def main() -> None:
    DOCS.mkdir(parents=True, exist_ok=True)
    for name in layout_files():
        layout = load_layout(name)
        content = prepare(Job(**layout.example) if layout.example else Job(slogan=5)).content
        tiles = []
        for size in [s for s in SIZES if not layout.strip or s.startswith("led")]:  # strips are for LED boards
            preset = preview_preset(size)
            scene = build_scene(layout, preset, content)
            image = paint_raster(scene, *scene.pixels(preset.px_per_mm))
            tiles.append((f"{name} · {size}\n{preset.width_mm:.0f} × {preset.height_mm:.0f} mm", image))
        path = DOCS / f"{name}.png"
        contact_sheet(tiles).save(path, optimize=True)
        print(path)


if __name__ == "__main__":
    main()
