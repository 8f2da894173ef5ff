"""QR codes: addresses checked, sized to scan from where people stand, read back by a real decoder."""

from __future__ import annotations

import io

import numpy as np
import pypdf
import pypdfium2
import pytest
import zxingcpp
from conftest import invoke, run_cli

from bannerkit import QRError
from bannerkit.job import Job, prepare
from bannerkit.layout import build_scene, layout_files, load_layout
from bannerkit.model import QRCode
from bannerkit.paint.pdf import paint_pdf
from bannerkit.paint.raster import paint_raster
from bannerkit.paint.trim import sheet_for, tiles
from bannerkit.qr import QUIET_MODULES, SCAN_DISTANCE_PER_WIDTH, check_url, plan_qr, with_unit
from bannerkit.sizes import find_size

ADDRESS = "https://tuyengiao.cantho.gov.vn/văn-bản/kế-hoạch-đại-hội?đơn-vị=ninh-kiều"
ENCODED = ("https://tuyengiao.cantho.gov.vn/v%C4%83n-b%E1%BA%A3n/k%E1%BA%BF-ho%E1%BA%A1ch-%C4%91%E1%BA%A1i-h%E1%BB%99i"
           "?%C4%91%C6%A1n-v%E1%BB%8B=ninh-ki%E1%BB%81u")


def test_vietnamese_letters_are_percent_encoded_and_existing_escapes_kept():
    assert check_url(ADDRESS) == ENCODED
    assert check_url(ENCODED) == ENCODED
    host = check_url("https://Bình-Thủy.vn/a").split("/")[2]
    assert host.isascii() and host.encode("ascii").decode("idna") == "bình-thủy.vn"


@pytest.mark.parametrize("url, message", [
    ("ftp://example.vn/a.pdf", "not a web address"),
    ("javascript:alert(1)", "not a web address"),
    ("example.vn/van-ban", "not a web address"),
    ("https://example.vn/văn bản", "space or control character at position 23"),
    ("https://example.vn/a\tb", "space or control character"),
    ("https://example.vn/a\x00b", "space or control character"),
    ("https://example.vn/" + "a" * 2000, "characters long"),
])
def test_bad_addresses_get_a_clear_error(url, message):
    with pytest.raises(QRError, match=message):
        check_url(url)


def test_tracking_parameter_per_unit():
    assert with_unit("https://example.vn/van-ban?a=1", "ninh-kieu") == "https://example.vn/van-ban?a=1&unit=ninh-kieu"


@pytest.mark.parametrize("size", ["pano-3x6", "bangron-1x6", "a3", "social-1080x1080", "led-1920x1080"])
def test_code_is_sized_for_its_scan_distance_with_quiet_zone_and_level(size):
    preset = find_size(size)
    plan = plan_qr(ENCODED, preset, max_size=10_000)
    modules = len(plan.matrix)
    assert modules * plan.module >= preset.scan_distance * 1000 / SCAN_DISTANCE_PER_WIDTH
    assert plan.size == pytest.approx((modules + 2 * QUIET_MODULES) * plan.module)
    pixels = plan.module * preset.px_per_mm
    assert pixels == pytest.approx(round(pixels)), "modules must sit on the pixel grid"
    assert plan.level == ("M" if preset.pixel_native else "Q")
    if preset.pixel_native:
        assert round(pixels) >= 3


def test_a_slot_too_small_to_scan_is_refused_not_printed():
    with pytest.raises(QRError, match=r"must be \d+ mm wide to scan from 5 m, but led-p10-192x96 leaves room"):
        build_scene(load_layout("classic"), find_size("led-p10-192x96"), prepare(Job(slogan=28, qr=ADDRESS)).content)


def _decoded(image) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(image)]


@pytest.mark.slow
@pytest.mark.parametrize("size", ["pano-3x6", "a4", "led-1920x1080"])
@pytest.mark.parametrize("layout", [name for name in sorted(layout_files()) if not load_layout(name).strip])
def test_every_layout_scans_back_the_exact_address_from_png_and_pdf(layout, size):
    job = Job(**{**load_layout(layout).example, "qr": ADDRESS})
    preset = find_size(size)
    scene = build_scene(load_layout(layout), preset, prepare(job).content)
    assert _decoded(paint_raster(scene, preset.width_px, preset.height_px)) == [ENCODED]
    page = pypdfium2.PdfDocument(paint_pdf(scene))[0]
    assert _decoded(page.render(scale=1).to_pil()) == [ENCODED]  # 72 dpi of the PDF page


def test_png_code_is_pixel_exact_and_pdf_code_is_vector():
    preset = find_size("a4", dpi=100)
    scene = build_scene(load_layout("poster"), preset, prepare(Job(slogan=5, qr=ADDRESS)).content)
    code = next(e for e in scene.elements if isinstance(e, QRCode))
    k = preset.px_per_mm
    x0, y0, side = round(code.x * k), round(code.y * k), round(code.size * k)
    pixels = np.asarray(paint_raster(scene, preset.width_px, preset.height_px))[y0:y0 + side, x0:x0 + side]
    assert {tuple(p) for p in pixels.reshape(-1, 3)} == {(0, 0, 0), (255, 255, 255)}  # no blurred edge
    page = pypdf.PdfReader(io.BytesIO(paint_pdf(scene))).pages[0]
    xobjects = page["/Resources"].get("/XObject", {})
    assert not any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.values())


def test_qr_doc_uses_the_address_the_office_configured(tmp_path, monkeypatch):
    (tmp_path / "bannerkit.toml").write_text('[documents]\nbase_url = "https://tuyengiao.cantho.gov.vn/van-ban/"\n',
                                             encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke("render", "-s", "28", "--size", "a4", "--dpi", "100", "--layout", "poster", "--qr", "doc",
                    "--unit", "Quận ủy Ninh Kiều", "--qr-track", "--format", "png", "--out-dir", "out",
                    env={"BANNERKIT_DOCS_BASE_URL": None})
    assert result.exit_code == 0, result.stderr
    from PIL import Image
    with Image.open(tmp_path / result.stdout.strip()) as image:
        assert _decoded(image) == ["https://tuyengiao.cantho.gov.vn/van-ban/ct-kh-dai-hoi-xiv?unit=quan-uy-ninh-kieu"]


@pytest.mark.parametrize("run", ["in-process", pytest.param("own-process", marks=pytest.mark.slow)])
def test_qr_doc_without_configuration_says_how_to_configure(tmp_path, monkeypatch, run):
    unset = {"BANNERKIT_DOCS_BASE_URL": None}
    monkeypatch.setenv("BANNERKIT_DOCS_BASE_URL", "https://should-be-unset.example/")  # the helpers must remove it
    if run == "in-process":
        monkeypatch.chdir(tmp_path)
        result = invoke("render", "-s", "28", "--qr", "doc", "--out-dir", "out", env=unset)
    else:
        result = run_cli("render", "-s", "28", "--qr", "doc", "--out-dir", "out", cwd=tmp_path, env=unset)
    assert getattr(result, "returncode", getattr(result, "exit_code", None)) == 1
    assert result.stderr.strip() == (
        "error: no address is configured for document 'ct-kh-dai-hoi-xiv': set base_url under [documents] in "
        "bannerkit.toml or $BANNERKIT_DOCS_BASE_URL, or give the address with --qr URL")


def test_an_address_with_a_user_name_or_password_is_refused():
    for url in ("https://user:secret@tuyengiao.example.vn/a", "https://user@tuyengiao.example.vn/a"):
        with pytest.raises(QRError, match="user name or password"):
            check_url(url)


def test_a_design_with_a_qr_code_paints_as_a_small_thumbnail():
    """Painted small (a contact sheet's tile, the preview), a module is at least a pixel: a QR
    code whose modules round to nothing once failed the whole design."""
    import dataclasses

    from bannerkit.design import lay_out
    from bannerkit.formats import paint_raster_design
    from bannerkit.options import RenderOptions

    design = lay_out(Job(slogan=5, qr="https://example.vn/van-ban/ke-hoach-12"), RenderOptions(size="pano-3x6"))
    small = dataclasses.replace(design, options=dataclasses.replace(design.options, max_side_px=120))
    assert max(paint_raster_design(small).size) == 120


@pytest.mark.parametrize("options", [{"tile": 1600.0, "overlap": 20.0}, {"scale": 10, "marks": True},
                                     {"user_unit": True, "outline": True}])
def test_the_pdf_code_scans_where_the_design_has_it_on_tiled_scaled_and_outlined_sheets(options):
    """The code is drawn into the finished page (paint/pdf_qr.py), in the page's own coordinates:
    it must land where the scene has it whatever the sheet's margins, tiles and scale."""
    preset = find_size("pano-3x6")
    scene = build_scene(load_layout("classic"), preset, prepare(Job(slogan=5, qr=ADDRESS)).content)
    code = next(e for e in scene.elements if isinstance(e, QRCode))
    sheet = sheet_for(scene, 5.0, options.get("marks", False), "black")
    windows = tiles(sheet, options.get("tile", 0.0), options.get("overlap", 0.0), "black")
    pages = pypdfium2.PdfDocument(paint_pdf(scene, bleed=5.0, **options))
    assert len(pages) == len(windows)
    found = []
    for page, window in zip(pages, windows):
        px_per_mm = 1500 / window.width
        for result in zxingcpp.read_barcodes(page.render(scale=1500 / page.get_width()).to_pil()):
            corner = result.position.top_left
            # zxing reports the finder pattern's corner: the quiet zone's width inside the plate
            expected = [(sheet.margin - origin + at + code.quiet * code.module) * px_per_mm
                        for origin, at in ((window.x, code.x), (window.y, code.y))]
            assert abs(corner.x - expected[0]) <= 2 and abs(corner.y - expected[1]) <= 2
            found.append(result.text)
    assert found == [ENCODED]
