"""Stage 1 for one design: what to say (a catalogue slogan, a text, an event), checked, cleaned
and named, before any size or layout is chosen."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .catalogue import load_catalogue
from .documents import document_url
from .errors import CatalogueError, ImageError, QRError
from .i18n import _
from .images import SlotImage, check_image
from .layout.slots import Content
from .model import Document
from .output import slugify
from .qr import check_url, with_unit
from .text.normalise import clean_text


@dataclass(frozen=True)
class Job:
    """What to say: a catalogue slogan or a free text, and the slots layouts may show."""

    slogan: int | None = None
    text: str | None = None
    anniversary: str | None = None
    headline: str | None = None
    unit: str | None = None
    event: str | None = None
    date: str | None = None
    qr: str | None = None  # "doc" (the source document), "none", or a web address
    qr_track: bool = False  # add ?unit=<unit> to the address, to count scans per unit
    images: tuple[tuple[str, Path], ...] = ()  # (slot, file): a portrait, a logo for the layout's slots


@dataclass(frozen=True)
class Prepared:
    content: Content
    stem: str  # file names start with it: slogan-05, text-..., anniversary-dang-95
    title: str  # the PDF's title
    subject: str  # the PDF's subject: the source document


def prepare(job: Job, *, config_dir: Path | None = None) -> Prepared:
    """Check and clean what the job says, and name it. `config_dir` holds bannerkit.toml
    (default: the working folder)."""
    if job.slogan is not None and job.text is not None:
        raise CatalogueError(_("give either a slogan number (--slogan) or your own text (--text), not both"))
    catalogue = load_catalogue()
    entry = catalogue.slogan(job.slogan) if job.slogan is not None else None
    anniversary = catalogue.anniversary(job.anniversary) if job.anniversary else None
    cleaned = {k: clean_text(v) if v is not None else None
               for k, v in (("text", job.text), ("headline", job.headline), ("unit", job.unit),
                            ("event", job.event), ("date", job.date))}
    slogan = entry.text if entry else cleaned["text"]
    source = entry.source if entry else anniversary.source if anniversary else None
    content = Content(slogan=slogan, headline=cleaned["headline"], unit=cleaned["unit"], event=cleaned["event"],
                      date=cleaned["date"], anniversary=anniversary,
                      qr_url=_qr_url(job, source, cleaned["unit"], config_dir), images=_images(job))
    if entry:
        return Prepared(content, f"slogan-{entry.id:02d}", entry.text, entry.source.citation())
    if slogan:
        return Prepared(content, f"text-{slugify(slogan)}", slogan, "")
    if anniversary:
        return Prepared(content, f"anniversary-{anniversary.id}", anniversary.text, anniversary.source.citation())
    if content.event:
        return Prepared(content, f"event-{slugify(content.event)}", content.event, "")
    raise CatalogueError(_("nothing to print: give --slogan, --text, --anniversary or --event"))


def _images(job: Job) -> tuple[SlotImage, ...]:
    slots = [slot for slot, _path in job.images]
    for slot in slots:
        if slots.count(slot) > 1:
            raise ImageError(_("two images for the {slot!r} slot; give one --image {slot}=FILE").format(slot=slot))
    return tuple(check_image(slot, Path(path)) for slot, path in job.images)


def _qr_url(job: Job, source: Document | None, unit: str | None, config_dir: Path | None) -> str | None:
    if job.qr is None or job.qr.strip().lower() in ("", "none"):
        return None
    if job.qr.strip().lower() == "doc":
        if source is None:
            raise QRError(_("--qr doc links to the source document of a catalogue slogan or anniversary; "
                            "for your own text give the address: --qr https://..."))
        url = check_url(document_url(source, config_dir))
    else:
        url = check_url(job.qr.strip())
    return with_unit(url, slugify(unit, max_length=60)) if job.qr_track and unit else url
