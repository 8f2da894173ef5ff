"""Write the artwork in assets/: the flags and emblems from the legal geometry in
bannerkit/emblems.py, the decorative artwork from bannerkit/artwork.py.

Run after changing either: .venv/bin/python tools/draw_emblems.py
tests/test_emblems.py and tests/test_artwork.py fail while the committed files differ from what this writes.
"""

from __future__ import annotations

from pathlib import Path

from bannerkit import artwork
from bannerkit.emblems import ASSETS, svg

ASSETS_DIR = Path(__file__).resolve().parent.parent / "assets"


def main() -> None:
    for name, (shapes, view_box, title) in ASSETS.items():
        (ASSETS_DIR / name).write_text(svg(shapes(), view_box, title), encoding="utf-8")
        print(ASSETS_DIR / name)
    for name, draw in artwork.ASSETS.items():
        (ASSETS_DIR / name).write_text(artwork.document(draw()), encoding="utf-8")
        print(ASSETS_DIR / name)


if __name__ == "__main__":
    main()
