"""Run the stages in order: content -> size -> layout -> scene -> paint -> files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .catalogue import load_catalogue
from .documents import document_url
from .errors import CatalogueError, OutputError, QRError
from .i18n import _
from .layout import Content, build_scene, load_layout
from .model import Document, Scene, SizePreset
from .output import RASTER_FORMATS, check_format, encode_raster, file_name, prepare_folder, slugify, write_atomic
from .paint.board import check_mode, paint_board
from .paint.pdf import paint_pdf
from .paint.raster import blend_palette, paint_raster, paint_two_colour
from .qr import check_url, with_unit
from .sizes import check_raster_limits, find_size
from .text.normalise import clean_text
from .text.phrases import load_phrases

DEFAULT_SIZE = "pano-3x6"
DEFAULT_LAYOUT = "classic"
DEFAULT_OUT_DIR = Path("output")
DEFAULT_FORMATS = ("png", "pdf")  # one to look at, one to print


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


@dataclass(frozen=True)
class Prepared:
    content: Content
    stem: str  # file names start with it: slogan-05, text-..., anniversary-dang-95
    title: str  # the PDF's title
    subject: str  # the PDF's subject: the source document


def render(
    job: Job,
    *,
    size: str = DEFAULT_SIZE,
    layout: str = DEFAULT_LAYOUT,
    formats: tuple[str, ...] | None = None,
    output: Path | None = None,
    out_dir: Path = DEFAULT_OUT_DIR,
    dpi: float | None = None,
    upper_case: bool | None = None,
    led_colors: str = "full",
    layouts_dir: Path | None = None,
    sizes_file: Path | None = None,
    phrases_file: Path | None = None,
) -> list[Path]:
    """Render one job at one size in one layout and return the files written."""
    prepared = prepare(job)
    preset = find_size(size, dpi=dpi, user_file=sizes_file)
    spec = load_layout(layout, layouts_dir)
    targets = plan_files(prepared.stem, preset.name, spec.name, formats, output, out_dir)
    if any(fmt in RASTER_FORMATS for fmt, _path in targets):
        check_raster_limits(preset)
    scene = build_scene(spec, preset, prepared.content, upper_case=upper_case, phrases=load_phrases(phrases_file))
    check_mode(led_colors)
    pages = [(path, encode(scene, preset, fmt, prepared.title, prepared.subject, led_colors)) for fmt, path in targets]
    return [write_atomic(path, data) for path, data in pages]


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
                      qr_url=_qr_url(job, source, cleaned["unit"], config_dir))
    if entry:
        return Prepared(content, f"slogan-{entry.id:02d}", entry.text, entry.source.citation())
    if slogan:
        return Prepared(content, f"text-{slugify(slogan)}", slogan, "")
    if anniversary:
        return Prepared(content, f"anniversary-{anniversary.id}", anniversary.text, anniversary.source.citation())
    if content.event:
        return Prepared(content, f"event-{slugify(content.event)}", content.event, "")
    raise CatalogueError(_("nothing to print: give --slogan, --text, --anniversary or --event"))


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


def plan_files(stem: str, size: str, layout: str, formats: tuple[str, ...] | None,
               output: Path | None, out_dir: Path) -> list[tuple[str, Path]]:
    """Which formats go to which paths; the folder is checked before anything is rendered."""
    if output is not None:
        suffix = check_format(output.suffix) if output.suffix else None
        fmt = check_format(formats[0]) if formats else suffix
        if fmt is None or (formats and len(formats) > 1) or (suffix and suffix != fmt):
            raise OutputError(_("--output {path} needs one format, given by its extension (.png, .jpg or .pdf)").format(
                path=str(output)))
        prepare_folder(output.parent)
        return [(fmt, output)]
    folder = prepare_folder(out_dir)
    chosen = [check_format(f) for f in (formats or DEFAULT_FORMATS)]
    return [(fmt, folder / file_name(stem, size, layout, fmt)) for fmt in dict.fromkeys(chosen)]


def encode(scene: Scene, preset: SizePreset, fmt: str, title: str, subject: str, led_colors: str = "full") -> bytes:
    if fmt == "pdf":
        return paint_pdf(scene, title=title, subject=subject)
    if led_colors != "full":
        return encode_raster(paint_board(scene, *scene.pixels(preset.px_per_mm), led_colors), fmt, preset.dpi)
    size = scene.pixels(preset.px_per_mm)
    image = paint_two_colour(scene, *size) or paint_raster(scene, *size)
    return encode_raster(image, fmt, preset.dpi, blend_palette(scene))
