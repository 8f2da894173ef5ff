"""Make the pictures of docs/huong-dan.md (the Vietnamese user guide) from real runs: a panel, a
banner, an LED screen image, a unit's contact sheet and a page of its approval book.

Run after changing a layout, the book or the contact sheet:
    .venv/bin/python tools/guide_images.py        (needs pdftoppm, from poppler-utils)
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from PIL import Image

from bannerkit import BatchSettings, Job, RenderOptions, init_folder, produce, run_batch
from bannerkit.i18n import set_language
from bannerkit.office import Office

DOCS = Path(__file__).resolve().parent.parent / "docs" / "images" / "huong-dan"
LONG_SIDE_PX = 1100
DESIGNS = {
    "pano.png": (Job(slogan=24), RenderOptions(size="pano-3x6", layout="slogan-panel", formats=("png",))),
    "bang-ron.png": (Job(event="Đại hội đại biểu Đảng bộ phường Cái Khế lần thứ XIII, nhiệm kỳ 2025 - 2030",
                         headline="Nhiệt liệt chào mừng"),
                     RenderOptions(size="bangron-1x8", layout="congress", formats=("png",))),
    "led.png": (Job(slogan=28), RenderOptions(size="led-1920x1080", layout="led", formats=("png",))),
}


def save_small(image: Image.Image, name: str) -> None:
    image = image.convert("RGB")
    image.thumbnail((LONG_SIDE_PX, LONG_SIDE_PX), Image.Resampling.LANCZOS)
    image.quantize(256).save(DOCS / name, optimize=True)


def main() -> None:
    set_language("vi")
    os.environ["BANNERKIT_LANG"] = "vi"  # the batch's workers write Vietnamese captions
    DOCS.mkdir(parents=True, exist_ok=True)
    for name, (job, options) in DESIGNS.items():
        (png,) = produce(job, options)
        assert png.image is not None
        save_small(png.image, name)
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        init_folder(folder, Office(unit="Ban Tuyên giáo Quận ủy Ninh Kiều", units=("Phường Cái Khế",),
                                   sizes=("pano-3x6", "led-1920x1080")))
        run_batch(folder / "don-vi.xlsx", folder / "output", settings=BatchSettings(book=True), workers=2)
        unit = folder / "output" / "phuong-cai-khe"
        with Image.open(unit / "contact-sheet.png") as sheet:
            save_small(sheet, "contact-sheet.png")
        for page, name in ((1, "tap-duyet-bia.png"), (2, "tap-duyet-trang.png")):
            subprocess.run(["pdftoppm", "-png", "-r", "90", "-f", str(page), "-l", str(page), "-singlefile",
                            str(unit / "phuong-cai-khe-book.pdf"), str(folder / "page")], check=True)
            with Image.open(folder / "page.png") as image:
                save_small(image, name)


if __name__ == "__main__":
    main()
