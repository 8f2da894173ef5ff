"""How long laying out one slogan takes (breaking plus fitting, fonts already loaded).

Target (issue 3): under 5 ms per slogan on the 2-core machine. Run:
    .venv/bin/python bench/bench_layout.py
"""

from __future__ import annotations

import statistics
import time

from bannerkit import load_catalogue
from bannerkit.assets import find_file
from bannerkit.layout import Content, build_scene, load_layout
from bannerkit.model import Box, Color
from bannerkit.sizes import find_size, min_cap_height_mm
from bannerkit.text import fonts
from bannerkit.text.fit import TextStyle, fit_text
from bannerkit.text.normalise import upper
from bannerkit.text.phrases import load_phrases

SIZES = ("pano-3x6", "led-1920x1080", "bangron-1x6", "a3", "phuon-0.6x2")
ROUNDS = 5


def text_box(size: str) -> tuple[Box, TextStyle]:
    """The classic layout's text box and text style at this size."""
    preset, layout = find_size(size), load_layout("classic")
    block = next(b for b in layout.blocks if b.name == "slogan")
    face = fonts.font_face(find_file(block.font, "fonts", None))
    style = TextStyle(face=face, color=Color("#FFFF00"), line_height=block.line_height,
                      max_lines=block.max_lines, min_size=min_cap_height_mm(preset) / face.cap_height)
    scene = build_scene(layout, preset, Content(slogan="Việt Nam"))
    return next(g.region for g in scene.groups if g.name == "slogan"), style


def main() -> None:
    texts = [upper(s.text) for s in load_catalogue().slogans]
    phrases = load_phrases()
    print(f"{'size':<16} {'median ms':>10} {'max ms':>8}   (per slogan, {len(texts)} slogans x {ROUNDS} rounds)")
    for size in SIZES:
        box, style = text_box(size)
        for text in texts:  # load fonts and warm the per-word caches, as a batch worker would
            fit_text(text, style, box, phrases)
        times = []
        for _ in range(ROUNDS):
            fonts.advance.cache_clear()  # measure shaping of whole lines, not only cache hits
            fonts.ink.cache_clear()
            for text in texts:
                fit_text.cache_clear()  # type: ignore[attr-defined]  # the finished layouts are kept too
                start = time.perf_counter()
                fit_text(text, style, box, phrases)
                times.append((time.perf_counter() - start) * 1000)
        print(f"{size:<16} {statistics.median(times):>10.2f} {max(times):>8.2f}")


if __name__ == "__main__":
    main()
