"""Finish WeasyPrint's PDF for print: what PDF/X-4 asks beyond what WeasyPrint writes, the trim
and bleed boxes, /UserUnit, reproducible metadata, and the QR codes drawn over the page.

Done on WeasyPrint's own objects just before it writes the file (its `finisher`), so the PDF is
written once: reading it back with pypdf and writing it again was a sixth of a design's PDF time.
pypdf is still used where whole files must be combined or images rewritten: the strips of a tiled
sheet become one file, and a picture with transparency (which WeasyPrint writes in RGB, its alpha
as a soft mask) is converted to CMYK.
"""

from __future__ import annotations

import hashlib
import io
import re
import uuid
import zlib
from dataclasses import dataclass, field
from typing import Any

import pydyf
import pypdf
from PIL import Image
from pypdf.constants import PageLabelStyle
from pypdf.generic import ArrayObject, ByteStringObject, NameObject

from ..caches import file_cache
from ..output import files_moment
from .cmyk import cmyk_image, profile_bytes, profile_name

PDF_X = "PDF/X-4"
_PLACEHOLDER_ID = bytes(16)


@dataclass(frozen=True)
class Finisher:
    """What one page's file gets, for WeasyPrint's `finisher`: the PDF/X version in the
    information dictionary (WeasyPrint puts it in the XMP only), the output intent with the CMYK
    profile (compressed once a process), the XMP's identifiers made from `digest` (what was drawn)
    and its date the files' date, so that equal jobs give equal bytes; the page's `boxes` (trim
    and bleed, PDF units), /UserUnit when it is drawn at 1:`unit`, `info` more entries for the
    information dictionary (the scale) and `overlay` operators drawn over the page (its QR codes,
    pdf_qr) in the page's default coordinates."""

    digest: str
    boxes: dict[str, list[float]] = field(default_factory=dict)
    unit: int = 1
    info: dict[str, str] = field(default_factory=dict)
    overlay: bytes = b""

    def __call__(self, _document: Any, pdf: pydyf.PDF) -> None:
        pdf.info["GTS_PDFXVersion"] = pydyf.String(PDF_X)
        for key, value in self.info.items():
            pdf.info[key] = pydyf.String(value)
        pdf.catalog["OutputIntents"] = pydyf.Array([_output_intent(pdf)])
        xmp = _object(pdf, pdf.catalog["Metadata"])
        xmp.stream = [_reproducible_xmp(b"".join(map(_bytes, xmp.stream)), self.digest)]
        for reference in pdf.page_references:
            page = _object(pdf, reference)
            for name, box in self.boxes.items():
                page[name] = pydyf.Array(round(v, 4) for v in box)
            if self.unit > 1:
                page["UserUnit"] = self.unit
            if self.overlay:
                # WeasyPrint leaves its own y-down matrix in force: its content is wrapped in q ... Q.
                content = _object(pdf, page["Contents"])
                content.stream.insert(0, b"q")
                content.stream.append(b"Q\n" + self.overlay)


def joined(pdfs: list[bytes]) -> bytes:
    """Finished one-page files as one (the strips of a tiled sheet, labelled "tile 1"...), the
    first file's metadata kept, with every RGB image in CMYK for the output profile and an
    identifier that is the digest of the file."""
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdfs[0])))
    for more in pdfs[1:]:
        writer.add_page(pypdf.PdfReader(io.BytesIO(more)).pages[0])
    if len(pdfs) > 1:
        writer.set_page_label(0, len(pdfs) - 1, style=PageLabelStyle.DECIMAL, prefix="tile ")
    writer.pdf_header = b"%PDF-1.6"
    for page in writer.pages:
        _rgb_images_to_cmyk(page)
    writer._ID = ArrayObject([ByteStringObject(_PLACEHOLDER_ID)] * 2)
    out = io.BytesIO()
    writer.write(out)
    data = out.getvalue()
    # The identifier is written as <32 hex digits>: the digest takes its place, byte for byte.
    placeholder = b"<" + _PLACEHOLDER_ID.hex().encode() + b">"
    return data.replace(placeholder, b"<" + hashlib.md5(data).hexdigest().encode() + b">")


def _object(pdf: pydyf.PDF, reference: bytes | str) -> Any:
    """The object an indirect reference ('12 0 R') names."""
    return pdf.objects[int(_bytes(reference).split()[0])]


def _bytes(value: bytes | str) -> bytes:
    return value if isinstance(value, bytes) else value.encode()


def _output_intent(pdf: pydyf.PDF) -> pydyf.Dictionary:
    profile = pydyf.Stream([_compressed_profile()], pydyf.Dictionary({"N": 4, "Filter": "/FlateDecode"}))
    pdf.add_object(profile)
    name = pydyf.String(profile_name())
    return pydyf.Dictionary({"Type": "/OutputIntent", "S": "/GTS_PDFX", "OutputConditionIdentifier": name,
                             "Info": name, "DestOutputProfile": profile.reference})


@file_cache
def _compressed_profile() -> bytes:
    return zlib.compress(profile_bytes(), 6)


def _reproducible_xmp(xmp: bytes, digest: str) -> bytes:
    """WeasyPrint's XMP with the metadata date the file's own date and identifiers made from the
    content, not from the clock and chance."""
    text = xmp.decode("utf-8")
    text = re.sub(r"<xmp:MetadataDate>[^<]*</xmp:MetadataDate>",
                  f"<xmp:MetadataDate>{pdf_date()}</xmp:MetadataDate>", text)
    ids = iter(str(uuid.UUID(hashlib.md5(f"{digest}{n}".encode()).hexdigest())) for n in range(100))
    text = re.sub(r"(xmp\.[di]id:)[0-9a-f-]{36}", lambda m: m.group(1) + next(ids), text)
    return text.encode("utf-8")


def pdf_date() -> str:
    """The files' creation and modification date: SOURCE_DATE_EPOCH when set, else now (UTC)."""
    return files_moment().isoformat().replace("+00:00", "Z")


def _rgb_images_to_cmyk(page: pypdf.PageObject) -> None:
    """Images WeasyPrint wrote in RGB (a picture with transparency: its alpha is a soft mask,
    which JPEG cannot carry) in CMYK for the output profile, the soft mask kept."""
    xobjects = page.get("/Resources", {}).get("/XObject", {})
    for ref in xobjects.values():
        image = ref.get_object()
        if image.get("/Subtype") != "/Image" or image.get("/ColorSpace") != "/DeviceRGB":
            continue
        size = (int(image["/Width"]), int(image["/Height"]))
        rgb = Image.frombytes("RGB", size, image.get_data())
        image.set_data(cmyk_image(rgb).tobytes())
        image[NameObject("/ColorSpace")] = NameObject("/DeviceCMYK")
        image.pop("/DecodeParms", None)
