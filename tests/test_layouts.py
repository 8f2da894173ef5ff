"""Every layout at every kind of format: blocks never overlap, stay in the safe area, text stays
legible, and the PNG and the PDF agree. Layout files with mistakes are named precisely."""

from __future__ import annotations

import dataclasses
import itertools
import json
import shutil
from functools import cache
from pathlib import Path

import numpy as np
import pypdfium2
import pytest
from conftest import invoke

from bannerkit import LayoutError
from bannerkit.job import Job, prepare
from bannerkit.layout import build_scene, layout_files, load_layout
from bannerkit.model import Art, Box, Color, Group, Picture, TextBlock
from bannerkit.paint.pdf import paint_pdf
from bannerkit.paint.raster import paint_raster
from bannerkit.resources import data_folder
from bannerkit.sizes import find_size, min_cap_height_mm
from bannerkit.themes import theme_files

# One preset of each shape: strip banner (1:8), panel (1:2), square, portrait A-size, vertical
# pennant, LED 16:9 and a small P10 LED board.
SIZES = ("bangron-1x8", "pano-3x6", "social-1080x1080", "a3", "phuon-0.8x2.5", "led-1920x1080", "led-p10-192x96")
LAYOUTS = sorted(layout_files())


def _job(layout: str) -> Job:
    """Each layout is checked with the example job its file declares."""
    return Job(**load_layout(layout).example)


def test_at_least_five_layouts_each_with_a_description_and_an_example():
    assert {"classic", "congress", "anniversary", "poster", "led"} <= set(LAYOUTS)
    assert all(load_layout(name).description and load_layout(name).example for name in LAYOUTS)


@cache
def _scene(layout: str, size: str):
    return build_scene(load_layout(layout), find_size(size), prepare(_job(layout)).content)




def _inside(inner: Box, outer: Box, eps: float = 1e-6) -> bool:
    return (inner.x >= outer.x - eps and inner.y >= outer.y - eps
            and inner.right <= outer.right + eps and inner.bottom <= outer.bottom + eps)


def _disjoint(a: Box, b: Box) -> bool:
    return a.right <= b.x or b.right <= a.x or a.bottom <= b.y or b.bottom <= a.y


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_blocks_stay_apart_inside_the_safe_area_and_legible(layout, size):
    scene = _scene(layout, size)
    drawn = [(g.name, g.extent) for g in scene.blocks if g.elements]
    assert any(name in ("slogan", "event", "years", "numerals") for name, _ in drawn), "the main text is missing"
    for name, box in drawn:
        assert _inside(box, scene.safe), f"{name} leaves the safe area"
    for (a, box_a), (b, box_b) in itertools.combinations(drawn, 2):
        assert _disjoint(box_a, box_b), f"{a} overlaps {b}"
    min_cap = min_cap_height_mm(find_size(size))
    for group in scene.groups:
        for block in (e for e in group.elements if isinstance(e, TextBlock)):
            assert block.size * block.font.cap_height >= min_cap * (1 - 1e-9), f"{group.name} is too small"


# Strip layouts (scrolling text) are for LED boards only. Every layout in its own theme, and the
# designed layouts (artwork, effects, pictures) in every theme.
AGREEMENT = [(layout, size, None) for layout in LAYOUTS for size in ("pano-3x6", "a3", "led-1920x1080")
             if not load_layout(layout).strip or size.startswith("led")] + [
    (layout, "led-1080x1920", theme) for layout in ("congress-panel", "anniversary-panel", "slogan-panel")
    for theme in sorted(theme_files())]


@pytest.mark.slow
@pytest.mark.parametrize("layout, size, theme", AGREEMENT)
def test_png_and_pdf_agree_for_every_layout(layout, size, theme, portrait):
    """Every text line, artwork and picture stands in the same place in both outputs, within 1 %
    of the page. Each element is painted alone on white by both painters and its ink compared, so
    that neither the field nor a PDF renderer's own CMYK conversion blurs the comparison."""
    preset = find_size(size)
    if not preset.pixel_native:
        preset = find_size(size, dpi=900 / (max(preset.width_mm, preset.height_mm) / 25.4))
    job = dataclasses.replace(_job(layout), images=(("portrait", portrait),) if layout == "anniversary-panel" else ())
    scene = build_scene(load_layout(layout), preset, prepare(job).content, theme=theme)
    width, height = scene.pixels(preset.px_per_mm)
    tolerance = 0.01 * max(width, height)
    # The field is the page itself, in bands whose colours a PDF renderer converts its own way.
    elements = [e for g in scene.groups if g.name != "field" for e in g.elements if isinstance(e, TextBlock | Art | Picture)]
    assert any(isinstance(e, Picture) for e in elements) == (layout == "anniversary-panel")
    for element in elements:
        alone = _alone(scene, dataclasses.replace(element, opacity=1.0) if isinstance(element, Art) else element)
        png = _ink(paint_raster(alone, width, height))
        page = pypdfium2.PdfDocument(paint_pdf(alone))[0]
        pdf = _ink(page.render(scale=width / page.get_size()[0]).to_pil())
        assert (png is None) == (pdf is None), element
        if png is not None:
            assert np.abs(np.subtract(png, pdf)).max() <= tolerance, (type(element).__name__, png, pdf)


def _alone(scene, element) -> object:
    white = Color("#FFFFFF", (0, 0, 0, 0))
    return dataclasses.replace(scene, background=white, groups=(Group("alone", scene.safe, (element,)),))


def _ink(image) -> tuple[int, ...] | None:
    """The extent of everything that is not the white page."""
    rgb = np.asarray(image.convert("RGB")).astype(int)
    ys, xs = np.nonzero((255 - rgb).sum(axis=2) > 60)
    return (xs.min(), ys.min(), xs.max(), ys.max()) if len(xs) else None


def test_a_copied_layout_in_a_users_folder_overrides_the_built_in(tmp_path):
    shutil.copy(data_folder("layouts") / "classic.toml", tmp_path / "classic.toml")
    text = (tmp_path / "classic.toml").read_text(encoding="utf-8").replace(
        'description = "Red field, yellow upper-case slogan, Party and national flags"',
        'description = "Our own classic"')
    (tmp_path / "classic.toml").write_text(text, encoding="utf-8")
    (tmp_path / "palette.toml").write_text('[red]\nrgb = "#C8102E"\ncmyk = [0, 100, 85, 6]\n', encoding="utf-8")
    layout = load_layout("classic", tmp_path)
    assert layout.description == "Our own classic" and layout.path == tmp_path / "classic.toml"
    scene = build_scene(layout, find_size("a4"), prepare(Job(slogan=28)).content)
    assert scene.background.rgb == "#C8102E"


@pytest.mark.parametrize("body, message", [
    ('description = "x"\n[[block]]\nkind = "text"\ntext = "{{ slogan }}"\nsize = 3\n',
     r"line 5, block 1, field 'size': unknown field"),
    ('description = "x"\n[[block]]\nkind = "flags"\n\n[[block]]\nkind = "text"\ntext = "{{ slogan }}"\nshare = "big"\n',
     r"line 8, block 2, field 'share': 'big' should be a finite number"),
    ('description = "x"\n[[block]]\nkind = "picture"\n', r"line 3, block 1, field 'kind': 'picture' is not a block kind"),
    ('description = "x"\nmargn = 0.1\n[[block]]\nkind = "text"\ntext = "a"\n',
     r"line 2, field 'margn': unknown field; did you mean 'margin'\?"),
    ('description = "x"\n[[block]\nkind = "text"\n', r"mine.toml: .*line 2"),
    ('[[block]]\nkind = "text"\ntext = "a"\n', r"field 'description'"),
    ('description = "x"\n[[block]]\nkind = "qr"\n[[block]]\nkind = "qr"\n',
     r"line 5, block 2, field 'kind': a layout has at most one qr block"),
])
def test_a_layout_file_with_a_mistake_names_file_line_and_field(tmp_path, body, message):
    (tmp_path / "mine.toml").write_text(body, encoding="utf-8")
    with pytest.raises(LayoutError, match=message) as err:
        load_layout("mine", tmp_path)
    assert "mine.toml" in str(err.value)


def test_a_missing_slot_says_which_option_fills_it():
    with pytest.raises(LayoutError, match=r"layout 'congress' \(.*congress.toml\), block 3 needs 'event': give --event"):
        build_scene(load_layout("congress"), find_size("a3"), prepare(Job(slogan=3)).content)


def test_layouts_json():
    rows = json.loads(invoke("layouts", "--json").stdout)
    assert {r["name"] for r in rows} >= {"classic", "congress", "anniversary", "poster", "led"}
    assert all(r["description"] for r in rows)


def test_the_worked_example_in_the_layout_docs_works(tmp_path):
    doc = (Path(__file__).resolve().parent.parent / "docs" / "layouts.md").read_text(encoding="utf-8")
    example = doc.split("Edit `my-layouts/phuong.toml`:\n\n```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "phuong.toml").write_text(example, encoding="utf-8")
    job = Job(event="Đại hội đại biểu Đảng bộ phường Tân An lần thứ I, nhiệm kỳ 2025 - 2030", unit="Đảng ủy phường Tân An")
    scene = build_scene(load_layout("phuong", tmp_path), find_size("bangron-1x6"), prepare(job).content)
    assert [g.name for g in scene.blocks] == ["flags", "headline", "event", "unit"]
    (tmp_path / "phuong.toml").write_text(example.replace('color = "white"', 'colour = "white"', 1), encoding="utf-8")
    with pytest.raises(LayoutError, match=r"line 19, block 2, field 'colour': unknown field; did you mean 'color'\?"):
        load_layout("phuong", tmp_path)
