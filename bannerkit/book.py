"""The approval book: one A4 or A3 PDF per unit that a leader reads and signs.

A cover (unit, campaign, date, the list of designs), then one design a page, scaled to fit, with
its caption (what it says, layout, size as offices name it, physical size, file) and a sign-off
block. WeasyPrint sets the pages; each design's own PDF page is then placed into its frame as
vectors (clipped to its trim), so the book shows exactly the file that goes to print.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from .i18n import _, language
from .job import Job
from .output import files_moment
from .resources import data_folder, package_data, read_limited
from .sizes import SizePreset

PAPERS = {"a4": (297.0, 210.0), "a3": (420.0, 297.0)}  # landscape: most designs are wider than tall
PT_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class Cover:
    unit: str
    campaign: str | None = None
    office: str | None = None  # the office that made the book, when it is not the unit itself
    day: date | None = None


@dataclass(frozen=True)
class Caption:
    """What a design's caption says, in the book and on the contact sheet."""

    what: str = ""  # "Khẩu hiệu số 5", the event or the anniversary
    text: str = ""  # the words on the design
    size_label: str = ""  # "Pano 3 × 6 m"
    size_mm: str = ""  # "6000 × 3000 mm"


@dataclass(frozen=True)
class BookPage:
    """One design: its PDF and its caption."""

    pdf: Path
    caption: Caption
    look: str  # layout, and theme when one was chosen
    files: tuple[str, ...]  # the design's files, as the unit's folder names them


def book_page(pdf: str | Path, caption: Caption, look: str, files: Sequence[str], unit_folder: str) -> BookPage:
    """A design's page, its files named as inside the unit's folder."""
    return BookPage(Path(pdf), caption, look, tuple(f.removeprefix(f"{unit_folder}/") for f in files))


def caption(job: Job, title: str, preset: SizePreset) -> Caption:
    if job.slogan is not None:
        what = _("Slogan {number}").format(number=job.slogan)
    elif job.anniversary:
        what = _("Anniversary")
    elif job.text:
        what = _("Own text")
    else:
        what = _("Event")
    if preset.pixel_native:
        size = f"{preset.width_px} × {preset.height_px} px"
    else:
        size = f"{preset.width_mm:.0f} × {preset.height_mm:.0f} mm"
    return Caption(what, title, preset.label, size)


@dataclass(frozen=True)
class Geometry:
    """Where things go on a landscape page, in mm; A3 is A4 scaled by √2."""

    width: float
    height: float
    k: float

    @property
    def margin(self) -> float:
        return 12 * self.k

    @property
    def head(self) -> float:
        return 9 * self.k

    @property
    def foot(self) -> float:
        return 44 * self.k

    @property
    def content_height(self) -> float:
        return self.height - 2 * self.margin - 8 * self.k  # room for the page number below

    @property
    def caption_width(self) -> float:
        return (self.width - 2 * self.margin) * 0.58

    @property
    def sign_width(self) -> float:
        return (self.width - 2 * self.margin) * 0.38

    def slot(self) -> tuple[float, float, float, float]:
        """The design's room inside the content box: x, y, width, height."""
        gap = 4 * self.k
        return 0.0, self.head + gap, self.width - 2 * self.margin, self.content_height - self.head - self.foot - 2 * gap


def geometry(paper: str) -> Geometry:
    width, height = PAPERS[paper]
    return Geometry(width, height, width / PAPERS["a4"][0])


def approval_book(cover: Cover, pages: Sequence[BookPage], paper: str = "a4") -> bytes:
    """The book's PDF bytes."""
    import pypdf

    g = geometry(paper)
    sources = [pypdf.PdfReader(page.pdf).pages[0] for page in pages]
    placed = [_fit(source.trimbox, g) for source in sources]
    book = pypdf.PdfReader(io.BytesIO(_frame_pages(cover, pages, placed, g)))
    writer = pypdf.PdfWriter(clone_from=book)
    first = len(writer.pages) - len(pages)  # the cover may take more than one page
    for index, (source, (scale, x, y, _box)) in enumerate(zip(sources, placed)):
        source.cropbox = source.trimbox  # the merge clips to it: no bleed, no marks in the book
        trim = source.trimbox
        move = pypdf.Transformation().translate(-float(trim.left), -float(trim.bottom)).scale(scale, scale)
        page_y = g.height - g.margin - y  # PDF measures from the bottom
        writer.pages[first + index].merge_transformed_page(
            source, move.translate((g.margin + x) * PT_PER_MM, page_y * PT_PER_MM))
    writer.compress_identical_objects()
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _fit(trim: object, g: Geometry) -> tuple[float, float, float, tuple[float, float, float, float]]:
    """Scale and bottom-left corner (mm, content box) of a trim box centred in the slot, and its frame."""
    width_pt, height_pt = float(trim.width), float(trim.height)  # type: ignore[attr-defined]
    sx, sy, sw, sh = g.slot()
    scale = min(sw * PT_PER_MM / width_pt, sh * PT_PER_MM / height_pt)
    w, h = width_pt * scale / PT_PER_MM, height_pt * scale / PT_PER_MM
    left, top = sx + (sw - w) / 2, sy + (sh - h) / 2
    return scale, left, top + h, (left, top, w, h)


def _frame_pages(cover: Cover, pages: Sequence[BookPage], placed: Sequence[tuple], g: Geometry) -> bytes:
    from weasyprint import HTML

    fonts = {"regular": data_folder("fonts").joinpath("BeVietnamPro-Medium.ttf").as_uri(),
             "bold": data_folder("fonts").joinpath("BeVietnamPro-Bold.ttf").as_uri()}
    moment = files_moment()  # SOURCE_DATE_EPOCH when set: equal books, equal bytes
    day = cover.day or moment.date()
    words = {"title": _("DESIGNS FOR APPROVAL"), "page": _("Page"), "number": _("No."), "content": _("Content"),
             "layout": _("Layout"), "size": _("Size"), "file": _("File"), "approver": _("APPROVED BY"),
             "approved_on": _("Date approved"), "opinion": _("Comments"),
             "signature": _("(signature and full name)"),
             "count": _("{count} designs").format(count=len(pages))}
    dated = _("{day:02d}/{month:02d}/{year}").format(day=day.day, month=day.month, year=day.year)
    created = moment.isoformat().replace("+00:00", "Z")
    html = _template().render(lang=language(), g=g, created=created, fonts=fonts, words=words,
                              cover=dict(unit=cover.unit, campaign=cover.campaign, office=cover.office, date=dated),
                              pages=[dict(what=p.caption.what, text=p.caption.text, look=p.look,
                                          size_label=p.caption.size_label, size_mm=p.caption.size_mm,
                                          files=p.files, frame=frame)
                                     for p, (_s, _x, _y, frame) in zip(pages, placed)])
    return HTML(string=html, base_url=str(package_data("."))).write_pdf()


@cache
def _template() -> jinja2.Template:
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    environment.filters["css_string"] = _css_string
    return environment.from_string(read_limited(package_data("book.html.j2")).decode("utf-8"))


def _css_string(value: str) -> Markup:
    """Text inside a CSS string in <style>, where HTML escapes are not read: CSS escapes instead."""
    return Markup("".join(c if c.isalnum() or c in " .,-()" else f"\\{ord(c):x} " for c in value))
