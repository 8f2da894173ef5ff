"""Print PDFs as a print shop's preflight reads them: PDF/X-4 with a CMYK output intent, the
version key, Trapped, an identifier, XMP, reproducible dates, the unit as author; checked with
pypdf and with the shops' own tools (qpdf, poppler, Ghostscript), installed by setup.sh."""

from __future__ import annotations

import io
import re
import subprocess

import pypdf
import pytest
from PIL import ImageCms

from bannerkit.job import Job
from bannerkit.options import RenderOptions
from bannerkit.paint.pdf import CMYK_PROFILE
from bannerkit.produce import produce

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


def test_large_pages_keep_their_user_unit_in_a_pdf_16(pdfs):
    page = pypdf.PdfReader(pdfs["pano-5x10"]).pages[0]
    assert page["/UserUnit"] == 2
    assert float(page.mediabox.width) * 2 / 72 * 25.4 == pytest.approx(10000, abs=0.5)


def test_the_same_job_gives_the_same_pdf_bytes():
    options = RenderOptions(size="a4", formats=("pdf",))
    assert produce(Job(slogan=28), options)[0].data == produce(Job(slogan=28), options)[0].data


@pytest.mark.slow
@pytest.mark.parametrize("size", ["pano-5x10", "a3"])
def test_print_tools_read_the_pdf_without_a_complaint(pdfs, size):
    path = str(pdfs[size])
    check = subprocess.run(["qpdf", "--check", path], capture_output=True, text=True)
    assert check.returncode == 0 and "No syntax or stream encoding errors" in check.stdout, check.stdout
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    assert re.search(r"PDF version:\s+1\.6", info) and re.search(rf"Author:\s+{UNIT}", info)
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
