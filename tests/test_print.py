"""Print PDFs as a print shop's preflight reads them: PDF/X-4 with a CMYK output intent, the
version key, Trapped, an identifier, XMP, reproducible dates, the unit as author; checked with
pypdf and with the shops' own tools (qpdf, poppler, Ghostscript), installed by setup.sh."""

from __future__ import annotations

import io
import re
import subprocess

import pypdf
import pypdfium2
import pytest
from conftest import invoke
from PIL import Image, ImageCms

from bannerkit.design import produce
from bannerkit.job import Job
from bannerkit.options import RenderOptions
from bannerkit.paint.cmyk import CMYK_PROFILE
from bannerkit.sizes import find_size

UNIT = "Quận ủy Ninh Kiều"


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    """A panel over 200 inches (drawn at 1:2 with /UserUnit 2) and an A3 poster."""
    folder = tmp_path_factory.mktemp("print")
    written = {}
    for size, layout in (("pano-5x10", "classic"), ("a3", "slogan-panel")):
        [pdf] = produce(Job(slogan=5, unit=UNIT), RenderOptions(size=size, layout=layout, formats=("pdf",)))
        written[size] = folder / f"{size}.pdf"
        written[size].write_bytes(pdf.data)
    return written


@pytest.mark.parametrize("size", ["pano-5x10", "a3"])
def test_print_pdfs_are_pdf_x4_with_a_cmyk_output_intent(pdfs, size):
    reader = pypdf.PdfReader(pdfs[size])
    assert reader.pdf_header == "%PDF-1.6"  # X-4's version, and the one /UserUnit needs
    info = reader.metadata
    assert info["/GTS_PDFXVersion"] == "PDF/X-4" and info["/Trapped"] == "/False"
    assert info["/Author"] == UNIT and info["/Title"].startswith("Nhiệt liệt chào mừng") and info["/Subject"]
    assert info["/CreationDate"] == info["/ModDate"] == "D:20260101000000Z"  # SOURCE_DATE_EPOCH (conftest)
    assert len(reader.trailer["/ID"]) == 2
    [intent] = reader.trailer["/Root"]["/OutputIntents"]
    intent = intent.get_object()
    assert intent["/S"] == "/GTS_PDFX"
    profile = intent["/DestOutputProfile"].get_object()
    assert profile["/N"] == 4 and profile.get_data() == CMYK_PROFILE.read_bytes()  # the profile as shipped
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>" in xmp


def test_the_output_profile_is_a_cmyk_printer_profile():
    profile = ImageCms.getOpenProfile(str(CMYK_PROFILE))
    assert profile.profile.xcolor_space.strip() == "CMYK" and profile.profile.device_class == "prtr"
    assert "FOGRA39" in ImageCms.getProfileDescription(profile)


def _mm(box, unit: float = 1) -> list[float]:
    return [round(float(v) * unit * 25.4 / 72, 2) for v in box]


def test_with_user_unit_large_pages_are_drawn_at_1_to_k_in_a_pdf_16():
    [pdf] = produce(Job(slogan=5), RenderOptions(size="pano-5x10", formats=("pdf",), user_unit=True))
    reader = pypdf.PdfReader(io.BytesIO(pdf.data))
    page = reader.pages[0]
    assert page["/UserUnit"] == 2 and reader.pdf_header == "%PDF-1.6"
    trim = _mm(page.trimbox, 2)
    assert trim[2] - trim[0] == pytest.approx(10000, abs=0.5) and trim[3] - trim[1] == pytest.approx(5000, abs=0.5)


@pytest.mark.slow
def test_pdfinfo_pypdf_pdfium_and_ghostscript_all_read_a_10_m_panels_true_size(pdfs):
    """Sheet = 10 × 5 m and a 50 mm bleed each side, in points."""
    path, width, height = str(pdfs["pano-5x10"]), 10100 * 72 / 25.4, 5100 * 72 / 25.4
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    size = [float(v) for v in re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups()]
    page = pypdf.PdfReader(path).pages[0]
    by_pypdf = [float(page.mediabox.width) * page.user_unit, float(page.mediabox.height) * page.user_unit]
    by_pdfium = list(pypdfium2.PdfDocument(path)[0].get_size())
    script = f"({path}) (r) file runpdfbegin 1 pdfgetpage /MediaBox pget pop == quit"
    media = subprocess.run(["gs", "-q", "-dNODISPLAY", "-dNOSAFER", "-c", script], capture_output=True, text=True,
                           check=True).stdout
    by_gs = [float(v) for v in media.strip(" []\n").split()[2:]]
    for reading in (size, by_pypdf, by_pdfium, by_gs):
        assert reading == pytest.approx([width, height], abs=1), reading


@pytest.mark.parametrize("size, bleed", [("a3", 3), ("pano-3x6", 50), ("bangron-1x6", 30), ("phuon-0.8x2.5", 30),
                                         ("led-1920x1080", 0)])
def test_each_kind_has_its_bleed_and_the_trim_is_the_nominal_size(size, bleed):
    [pdf] = produce(Job(slogan=5), RenderOptions(size=size, formats=("pdf",)))
    page = pypdf.PdfReader(io.BytesIO(pdf.data)).pages[0]
    unit = float(page.get("/UserUnit", 1))
    trim, bleed_box, media = _mm(page.trimbox, unit), _mm(page.bleedbox, unit), _mm(page.mediabox, unit)
    preset = find_size(size)
    assert (trim[2] - trim[0], trim[3] - trim[1]) == pytest.approx((preset.width_mm, preset.height_mm), abs=0.05)
    assert [round(b - t, 1) for b, t in zip(bleed_box, trim)] == [-bleed, -bleed, bleed, bleed]
    assert bleed_box == pytest.approx(media, abs=0.01)  # without marks the sheet is the bleed


def test_the_field_runs_into_the_bleed_and_marks_stand_outside_it(tmp_path):
    [pdf, png] = produce(Job(slogan=5), RenderOptions(size="a4", layout="slogan-panel", formats=("pdf", "png"),
                                                      bleed=5, marks=True))
    page = pypdf.PdfReader(io.BytesIO(pdf.data)).pages[0]
    trim, bleed_box, media = _mm(page.trimbox), _mm(page.bleedbox), _mm(page.mediabox)
    assert media[2] - bleed_box[2] > 10  # room for the marks outside the bleed
    k = 4  # pixels a millimetre
    image = pypdfium2.PdfDocument(pdf.data)[0].render(scale=k * 25.4 / 72).to_pil().convert("RGB")
    y = round((media[3] - trim[1] - (trim[3] - trim[1]) / 4) * k)  # a quarter up from the foot (the targets are halfway)
    in_bleed = image.getpixel((round((trim[0] - 2.5) * k), y))
    outside = [image.getpixel((round(x * k), y)) for x in (1, (bleed_box[0]) / 2)]
    assert in_bleed[0] > 150 and in_bleed[1] < 90  # the red field, past the trim
    assert all(p == (255, 255, 255) for p in outside)  # paper beyond the bleed, no field
    corner = image.crop((0, 0, round(bleed_box[0] * k), round((media[3] - trim[3]) * k) + 2))
    assert min(corner.convert("L").get_flattened_data()) < 200  # a hairline crop mark in the top-left corner
    with Image.open(io.BytesIO(png.data)) as raster:
        assert raster.size == (find_size("a4").width_px, find_size("a4").height_px)  # the PNG stays at the trim


def test_the_same_job_gives_the_same_pdf_bytes():
    options = RenderOptions(size="a4", formats=("pdf",))
    assert produce(Job(slogan=28), options)[0].data == produce(Job(slogan=28), options)[0].data


@pytest.mark.slow
@pytest.mark.parametrize("size", ["pano-5x10", "a3"])
def test_print_tools_read_the_pdf_without_a_complaint(pdfs, size):
    path = str(pdfs[size])
    check = subprocess.run(["qpdf", "--check", path], capture_output=True, text=True)
    assert check.returncode == 0 and "No syntax or stream encoding errors" in check.stdout, check.stdout
    info = subprocess.run(["pdfinfo", "-box", path], capture_output=True, text=True, check=True).stdout
    assert re.search(r"PDF version:\s+1\.6", info) and re.search(rf"Author:\s+{UNIT}", info)
    boxes = {name: [float(v) for v in values.split()] for name, values in re.findall(r"(\w+Box):\s+([\d. ]+)", info)}
    trim, bleed = boxes["TrimBox"], boxes["BleedBox"]
    preset = find_size(size)
    assert (trim[2] - trim[0]) * 25.4 / 72 == pytest.approx(preset.width_mm, abs=0.05)
    assert bleed[0] < trim[0] and bleed[2] > trim[2]  # the bleed round the trim
    assert re.search(r"PDF subtype:\s+PDF/X-4", info)
    fonts = subprocess.run(["pdffonts", path], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(" yes yes " in line for line in fonts)  # every font embedded and subset
    ghostscript = subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=nullpage", path],
                                 capture_output=True, text=True)
    assert ghostscript.returncode == 0 and not ghostscript.stdout.strip() and not ghostscript.stderr.strip()


def test_pdf_writes_no_rgb_for_flat_designs():
    [pdf] = produce(Job(slogan=5), RenderOptions(size="a4", formats=("pdf",)))
    page = pypdf.PdfReader(io.BytesIO(pdf.data)).pages[0]
    assert not re.search(rb"\b(rg|RG)\b", page.get_contents().get_data())


@pytest.mark.parametrize("args, message", [(["--bleed", "500"], "bleed 500 mm: give 0 to 200 mm"),
                                           (["--bleed", "-1"], "bleed -1 mm")])
def test_a_bleed_out_of_range_is_one_clear_line(tmp_path, args, message):
    result = invoke("render", "--slogan", "5", "--size", "a4", "--out-dir", str(tmp_path), *args)
    assert result.exit_code == 1 and message in result.output and not list(tmp_path.iterdir())


def test_marks_and_bleed_come_from_a_spec_row_as_from_the_command_line():
    from bannerkit.options import from_strings

    assert from_strings({"bleed": "10,5", "marks": "có"}, RenderOptions()) == RenderOptions(bleed=10.5, marks=True)


def test_colours_without_cmyk_values_reach_the_pdf_as_cmyk(tmp_path):
    """A designer's own #RRGGBB and colours written into an SVG go through the output profile."""
    from test_design import _all_content

    from bannerkit.paint.cmyk import cmyk_of

    (tmp_path / "sun.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
                                      '<circle cx="5" cy="5" r="4" fill="#00AA00"/></svg>', encoding="utf-8")
    (tmp_path / "blue.toml").write_text('description = "x"\nbackground = "#FFFFFF"\n[[decor]]\nart = "sun.svg"\n'
                                        '[[block]]\nkind = "text"\nname = "slogan"\ntext = "{{ slogan }}"\n'
                                        'color = "#3366CC"\n', encoding="utf-8")
    [pdf] = produce(Job(slogan=5), RenderOptions(size="a4", layout="blue", layouts_dir=tmp_path, formats=("pdf",)))
    content = _all_content(pypdf.PdfReader(io.BytesIO(pdf.data)).pages[0])
    assert not re.search(r"\b(rg|RG)\b", content) and "/DeviceCMYK cs" in content
    blue = cmyk_of("#3366CC")
    assert blue[0] > 0.6 and blue[2] < 0.2  # a blue, not a grey: the profile's conversion


@pytest.mark.parametrize("layout", ["classic", "congress-panel"])
def test_outlined_text_draws_the_same_letters_in_the_same_places(layout):
    import numpy as np

    job = Job(**{"slogan": 5} if layout == "classic" else {"event": "Đại hội đại biểu Đảng bộ phường Tân An lần thứ I",
                                                          "unit": UNIT})
    live, curves = (produce(job, RenderOptions(size="a4", layout=layout, formats=("pdf",), outline=flag))[0].data
                    for flag in (False, True))
    pages = [pypdf.PdfReader(io.BytesIO(pdf)).pages[0] for pdf in (live, curves)]
    assert not _fonts(pages[1]) and _fonts(pages[0]) and not pages[1].extract_text().strip()
    assert UNIT.split()[0] in pages[0].extract_text() or "NHIỆT" in pages[0].extract_text()
    assert [list(p.trimbox) for p in pages] == [list(pages[0].trimbox)] * 2
    rendered = [np.asarray(pypdfium2.PdfDocument(pdf)[0].render(scale=1.5).to_pil().convert("L"), dtype=int)
                for pdf in (live, curves)]
    diff = np.abs(rendered[0] - rendered[1])
    assert diff.mean() < 0.5 and (diff > 64).mean() < 0.002  # the same picture, within anti-aliasing


def _fonts(page) -> list[str]:
    fonts = page["/Resources"].get("/Font")
    return list(fonts.get_object()) if fonts is not None else []


def test_outlines_keep_the_user_unit():
    [pdf] = produce(Job(slogan=5), RenderOptions(size="pano-5x10", formats=("pdf",), outline=True, user_unit=True))
    page = pypdf.PdfReader(io.BytesIO(pdf.data)).pages[0]
    assert page["/UserUnit"] == 2 and not _fonts(page)


def test_tiff_is_cmyk_lzw_with_the_profile_and_the_presets_density(tmp_path):
    result = invoke("render", "--slogan", "5", "--size", "a4", "--layout", "slogan-panel", "--format", "tiff",
                    "--out-dir", str(tmp_path))
    assert result.exit_code == 0
    [path] = tmp_path.iterdir()
    preset = find_size("a4")
    with Image.open(path) as tiff:
        assert path.suffix == ".tiff" and tiff.mode == "CMYK" and tiff.size == (preset.width_px, preset.height_px)
        assert tiff.info["compression"] == "tiff_lzw" and tiff.info["icc_profile"] == CMYK_PROFILE.read_bytes()
        assert tiff.info["dpi"] == pytest.approx((preset.dpi, preset.dpi), abs=0.01)
        c, m, y, k = tiff.getpixel((tiff.width // 50, tiff.height // 2))  # the red field, near the edge
        assert m > 180 and y > 150 and c < 60


def test_a_1_to_10_file_is_the_same_design_a_tenth_the_size(tmp_path):
    import numpy as np

    result = invoke("render", "--slogan", "5", "--size", "pano-3x6", "--layout", "congress-panel", "--event",
                    "Đại hội đại biểu Đảng bộ phường Tân An lần thứ I", "--qr", "https://example.vn/ke-hoach",
                    "--scale", "1:10", "--out-dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    [png, pdf] = sorted(tmp_path.iterdir(), key=lambda p: p.suffix, reverse=True)
    assert pdf.name.endswith("_congress-panel_1-10.pdf") and png.name.endswith("_1-10.png")
    reader = pypdf.PdfReader(pdf)
    page = reader.pages[0]
    assert reader.metadata["/Scale"] == "1:10"
    trim = _mm(page.trimbox)
    assert (trim[2] - trim[0], trim[3] - trim[1]) == pytest.approx((600, 300), abs=0.05)
    full = produce(Job(event="Đại hội đại biểu Đảng bộ phường Tân An lần thứ I", qr="https://example.vn/ke-hoach"),
                   RenderOptions(size="pano-3x6", layout="congress-panel", formats=("pdf",)))[0].data
    pictures = []
    for data in (full, pdf.read_bytes()):  # both drawn 1200 pixels wide
        document = pypdfium2.PdfDocument(data)[0]
        pictures.append(np.asarray(document.render(scale=1200 / document.get_width()).to_pil().convert("L"), dtype=int))
    assert pictures[0].shape == pictures[1].shape
    diff = np.abs(pictures[0] - pictures[1])
    assert diff.mean() < 1 and (diff > 64).mean() < 0.005  # the QR code and every block scaled with it
    with Image.open(png) as raster:
        assert raster.info["dpi"][0] == pytest.approx(find_size("pano-3x6").dpi * 10, abs=0.05)  # PNG stores px/m


def test_a_scale_is_written_1_to_n():
    result = invoke("render", "--slogan", "5", "--scale", "ten")
    assert result.exit_code == 1 and "write it as 1:10" in result.output


def test_a_panel_wider_than_the_roll_is_cut_into_numbered_overlapping_strips():
    options = RenderOptions(size="pano-5x10", formats=("pdf",), tile=3200, overlap=50)
    [pdf] = produce(Job(slogan=5), options)
    document = pypdfium2.PdfDocument(pdf.data)
    reader = pypdf.PdfReader(io.BytesIO(pdf.data))
    heights = [round(float(page.mediabox.height) * 25.4 / 72, 1) for page in reader.pages]
    widths = {round(float(page.mediabox.width) * 25.4 / 72, 1) for page in reader.pages}
    sheet = 5000 + 2 * 50  # the panel and its bleed
    assert len(heights) == 2 and max(heights) <= 3200 and widths == {10100.0}  # 10 m strips along the roll
    assert sum(heights) == pytest.approx(sheet + 50 * (len(heights) - 1), abs=0.2)
    assert [document.get_page_label(i) for i in range(len(document))] == ["tile 1", "tile 2"]
    assert reader.metadata["/GTS_PDFXVersion"] == "PDF/X-4"


def test_a_design_that_fits_the_roll_stays_one_page():
    [pdf] = produce(Job(slogan=5), RenderOptions(size="bangron-1x8", formats=("pdf",), tile=3200))
    assert len(pypdf.PdfReader(io.BytesIO(pdf.data)).pages) == 1


@pytest.mark.parametrize("args, message", [(["--tile", "3.2 km"], "give a length like 3.2m"),
                                           (["--tile", "100mm", "--overlap", "60mm"], "under half")])
def test_tile_mistakes_are_one_clear_line(tmp_path, args, message):
    result = invoke("render", "--slogan", "5", "--out-dir", str(tmp_path), *args)
    assert result.exit_code == 1 and message in result.output


def test_grommets_stand_in_each_corner_and_no_more_than_the_spacing_apart():
    from bannerkit.paint.trim import grommets

    points = grommets(0, 0, 6000, 1000, 500)
    assert {(0, 0), (6000, 0), (6000, 1000), (0, 1000)} <= set(points)
    assert len(points) == 2 * (12 + 2)  # 12 gaps along each long side, 2 along each short one
    ordered = points + points[:1]
    assert max(abs(a[0] - b[0]) + abs(a[1] - b[1]) for a, b in zip(ordered, ordered[1:])) <= 500


@pytest.mark.parametrize("size", ["bangron-1x6", "phuon-0.8x2.5"])
def test_finishing_marks_are_drawn_only_on_request(size):
    from test_design import _all_content

    drawn = {}
    for finish in (False, True):
        [pdf] = produce(Job(slogan=5), RenderOptions(size=size, formats=("pdf",), finish=finish))
        drawn[finish] = _all_content(pypdf.PdfReader(io.BytesIO(pdf.data)).pages[0])
    dashed = re.compile(r"\[[\d. ]+\] [\d.]+ d")  # fold lines and the sleeve seam are dashed
    assert dashed.search(drawn[True]) and not dashed.search(drawn[False])


@pytest.mark.parametrize("fmt", ["png", "tiff"])
def test_a_page_painted_in_strips_is_the_page_painted_whole(monkeypatch, fmt):
    """Large rasters are painted in strips and written as they come; forced here on a small page,
    the file holds the same picture as one painted whole."""
    import numpy as np

    from bannerkit.paint import strips

    options = RenderOptions(size="a4", layout="slogan-panel", dpi=40, formats=(fmt,))
    whole = produce(Job(slogan=5), options)[0].data
    monkeypatch.setattr(strips, "STRIP_ABOVE_PIXELS", 1000)
    monkeypatch.setattr(strips, "STRIP_BYTES", 330 * 3 * 64)  # strips of 64 rows
    streamed = produce(Job(slogan=5), options)[0].data
    pictures = []
    for data in (whole, streamed):
        with Image.open(io.BytesIO(data)) as image:
            pictures.append(np.asarray(image.convert("CMYK" if fmt == "tiff" else "RGB"), dtype=int))
    assert pictures[0].shape == pictures[1].shape
    diff = np.abs(pictures[0] - pictures[1])
    assert diff.mean() < 0.5 and (diff.max(axis=2) > 64).mean() < 0.002
    with Image.open(io.BytesIO(streamed)) as image:
        assert image.info["dpi"] == pytest.approx((40, 40), abs=0.05)
        if fmt == "tiff":
            assert image.mode == "CMYK" and image.info["icc_profile"] == CMYK_PROFILE.read_bytes()


def test_jpeg_keeps_the_in_memory_limit_while_png_may_stream():
    with pytest.raises(Exception, match="too large for an image"):
        produce(Job(slogan=5), RenderOptions(size="pano-5x10", dpi=72, formats=("jpg",)))
    from bannerkit.design import lay_out
    assert lay_out(Job(slogan=5), RenderOptions(size="pano-5x10", dpi=72, formats=("png",))).pixels == (28346, 14173)


def test_a_picture_with_transparency_reaches_the_pdf_in_cmyk_with_its_mask(tmp_path):
    logo = Image.new("RGBA", (1600, 2000), (0, 0, 0, 0))
    logo.paste((30, 90, 200, 255), (300, 300, 1300, 1700))
    logo.save(tmp_path / "logo.png")
    [pdf] = produce(Job(anniversary="dang-95", images=(("portrait", tmp_path / "logo.png"),)),
                    RenderOptions(size="a4", layout="anniversary-panel", formats=("pdf",)))
    page = pypdf.PdfReader(io.BytesIO(pdf.data)).pages[0]
    images = [x.get_object() for x in page["/Resources"]["/XObject"].values() if x.get_object()["/Subtype"] == "/Image"]
    assert images and all(i["/ColorSpace"] == "/DeviceCMYK" for i in images)
    assert any("/SMask" in i for i in images)  # the transparency kept
