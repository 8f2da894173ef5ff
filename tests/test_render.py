"""Real renders: pixel sizes, PDF page size, embedded fonts, extractable text, PNG = PDF."""

from __future__ import annotations

import io

import numpy as np
import pypdf
import pypdfium2
import pytest
from PIL import Image

from bannerkit import load_catalogue
from bannerkit.layout import build_scene, load_layout
from bannerkit.paint.pdf import paint_pdf
from bannerkit.paint.raster import paint_raster
from bannerkit.pipeline import render
from bannerkit.sizes import find_size
from bannerkit.text.normalise import upper

PT_PER_MM = 72 / 25.4


def _page_mm(pdf_bytes: bytes) -> tuple[float, float, float]:
    page = pypdf.PdfReader(io.BytesIO(pdf_bytes)).pages[0]
    unit = float(page.get("/UserUnit", 1))
    return float(page.mediabox.width) * unit / PT_PER_MM, float(page.mediabox.height) * unit / PT_PER_MM, unit


def _embedded_fonts(pdf_bytes: bytes) -> list[tuple[str, bool]]:
    page = pypdf.PdfReader(io.BytesIO(pdf_bytes)).pages[0]
    fonts = []
    for ref in page["/Resources"]["/Font"].values():
        font = ref.get_object()
        descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)["/FontDescriptor"]
        fonts.append((str(font["/BaseFont"]), any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))))
    return fonts


@pytest.fixture(scope="module")
def panel(tmp_path_factory):
    folder = tmp_path_factory.mktemp("out")
    return render(slogan=5, size="pano-3x6", out_dir=folder)


def test_default_render_writes_png_and_pdf_with_readable_names(panel):
    assert [p.name for p in panel] == ["slogan-05_pano-3x6_classic.png", "slogan-05_pano-3x6_classic.pdf"]
    assert not [p for p in panel[0].parent.iterdir() if p.name.startswith(".")]  # no temp files left


def test_png_has_the_presets_pixel_size_and_density(panel):
    preset = find_size("pano-3x6")
    with Image.open(panel[0]) as image:
        assert image.size == (preset.width_px, preset.height_px)
        assert image.info["dpi"] == pytest.approx((preset.dpi, preset.dpi), abs=0.01)


def test_pdf_over_200_inches_keeps_its_physical_size_through_user_unit(panel):
    width, height, unit = _page_mm(panel[1].read_bytes())
    assert unit > 1
    assert (width, height) == pytest.approx((6000, 3000), abs=0.5)


def test_pdf_embeds_the_layout_font_and_holds_the_slogan_as_text(panel):
    pdf = panel[1].read_bytes()
    fonts = _embedded_fonts(pdf)
    assert fonts and all(embedded for _, embedded in fonts)
    assert any("BeVietnamPro-ExtraBold" in name for name, _ in fonts)
    text = " ".join(pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert text == upper(load_catalogue().slogan(5).text)


def test_jpg_and_small_pdf(tmp_path):
    jpg, = render(slogan=28, size="a4", formats=("jpg",), dpi=50, out_dir=tmp_path)
    with Image.open(jpg) as image:
        assert (image.format, image.size) == ("JPEG", (413, 585))
    pdf, = render(slogan=28, size="a4", output=tmp_path / "a4.pdf")
    assert _page_mm(pdf.read_bytes()) == pytest.approx((210, 297, 1), abs=0.1)


def _line_boxes(image: Image.Image, block, px_per_mm: float) -> list[tuple[int, int, int, int]]:
    """Bounding box of the yellow ink in each line's slot (the band from its baseline up one line pitch)."""
    rgb = np.asarray(image.convert("RGB")).astype(int)
    yellow = (rgb[..., 0] > 180) & (rgb[..., 1] > 180) & (rgb[..., 2] < 120)
    pitch = block.lines[1].baseline - block.lines[0].baseline if len(block.lines) > 1 else block.size
    x0 = int(block.ink.x * px_per_mm) - 2
    boxes = []
    for line in block.lines:
        top, bottom = (int(v * px_per_mm) for v in (line.baseline - 0.8 * pitch, line.baseline + 0.2 * pitch))
        ys, xs = np.nonzero(yellow[max(top, 0):bottom, max(x0, 0):])
        boxes.append((xs.min() + x0, ys.min() + top, xs.max() + x0, ys.max() + top))
    return boxes


@pytest.mark.parametrize("slogan, size", [(5, "pano-3x6"), (12, "a3"), (28, "bangron-1x6"), (1, "led-1920x1080")])
def test_png_and_pdf_place_the_same_lines_at_the_same_positions(slogan, size):
    preset = find_size(size) if size.startswith("led") else find_size(size, dpi=40)
    scene = build_scene(load_layout("classic"), preset, load_catalogue().slogan(slogan).text)
    block = scene.elements[-1]
    png = paint_raster(scene, preset.width_px, preset.height_px)
    page = pypdfium2.PdfDocument(paint_pdf(scene))[0]
    pdf = page.render(scale=preset.width_px / page.get_size()[0]).to_pil()
    assert abs(pdf.width - png.width) <= 1 and abs(pdf.height - png.height) <= 1
    tolerance = 0.01 * max(png.size)
    for a, b in zip(_line_boxes(png, block, preset.px_per_mm), _line_boxes(pdf, block, preset.px_per_mm), strict=True):
        assert np.abs(np.subtract(a, b)).max() <= tolerance, (a, b)
