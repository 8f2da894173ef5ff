"""Real renders: pixel sizes, PDF page size, embedded fonts, extractable text, PNG = PDF."""

from __future__ import annotations

import io

import pypdf
import pytest
from PIL import Image, features

from bannerkit import load_catalogue
from bannerkit.job import Job
from bannerkit.options import RenderOptions
from bannerkit.pipeline import render
from bannerkit.sizes import find_size
from bannerkit.text.normalise import upper

PT_PER_MM = 72 / 25.4


def _page_mm(pdf_bytes: bytes) -> tuple[float, float, float]:
    """The trim's physical size (mm) and the page's user unit."""
    page = pypdf.PdfReader(io.BytesIO(pdf_bytes)).pages[0]
    unit = float(page.get("/UserUnit", 1))
    return float(page.trimbox.width) * unit / PT_PER_MM, float(page.trimbox.height) * unit / PT_PER_MM, unit


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
    return render(Job(slogan=5), RenderOptions(size="pano-3x6"), out_dir=folder)


def test_default_render_writes_png_and_pdf_with_readable_names(panel):
    assert [p.name for p in panel] == ["slogan-05_pano-3x6_classic.png", "slogan-05_pano-3x6_classic.pdf"]
    assert not [p for p in panel[0].parent.iterdir() if p.name.startswith(".")]  # no temp files left


def test_png_has_the_presets_pixel_size_and_density(panel):
    preset = find_size("pano-3x6")
    with Image.open(panel[0]) as image:
        assert image.size == (preset.width_px, preset.height_px)
        assert image.info["dpi"] == pytest.approx((preset.dpi, preset.dpi), abs=0.01)


def test_pdf_over_200_inches_is_written_at_its_physical_size(panel):
    width, height, unit = _page_mm(panel[1].read_bytes())
    assert unit == 1
    assert (width, height) == pytest.approx((6000, 3000), abs=0.5)


def test_pdf_embeds_the_layout_font_and_holds_the_slogan_as_text(panel):
    pdf = panel[1].read_bytes()
    fonts = _embedded_fonts(pdf)
    assert fonts and all(embedded for _, embedded in fonts)
    assert any("BeVietnamPro-ExtraBold" in name for name, _ in fonts)
    text = " ".join(pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert text == upper(load_catalogue().slogan(5).text)


def test_jpg_and_small_pdf(tmp_path):
    jpg, = render(Job(slogan=28), RenderOptions(size="a4", formats=("jpg",), dpi=50), out_dir=tmp_path)
    with Image.open(jpg) as image:
        assert (image.format, image.size) == ("JPEG", (413, 585))
    pdf, = render(Job(slogan=28), RenderOptions(size="a4", formats=("pdf",)), output=tmp_path / "a4.pdf")
    assert _page_mm(pdf.read_bytes()) == pytest.approx((210, 297, 1), abs=0.1)


def test_pillow_shapes_with_raqm():
    assert features.check("raqm"), "Pillow without raqm cannot place stacked Vietnamese marks"
