"""Run the stages in order: catalogue -> size -> layout -> scene -> paint -> files."""

from __future__ import annotations

from pathlib import Path

from .catalogue import load_catalogue
from .errors import CatalogueError, OutputError
from .i18n import _
from .layout import build_scene, load_layout
from .model import Scene, SizePreset
from .output import RASTER_FORMATS, check_format, encode_raster, file_name, prepare_folder, slugify, write_atomic
from .paint.pdf import paint_pdf
from .paint.raster import paint_raster
from .sizes import check_raster_limits, find_size
from .text.normalise import clean_text
from .text.phrases import load_phrases

DEFAULT_SIZE = "pano-3x6"
DEFAULT_LAYOUT = "classic"
DEFAULT_OUT_DIR = Path("output")
DEFAULT_FORMATS = ("png", "pdf")  # one to look at, one to print


def render(
    *,
    slogan: int | None = None,
    text: str | None = None,
    size: str = DEFAULT_SIZE,
    layout: str = DEFAULT_LAYOUT,
    formats: tuple[str, ...] | None = None,
    output: Path | None = None,
    out_dir: Path = DEFAULT_OUT_DIR,
    dpi: float | None = None,
    upper_case: bool | None = None,
    layouts_dir: Path | None = None,
    sizes_file: Path | None = None,
    phrases_file: Path | None = None,
) -> list[Path]:
    """Render a catalogue slogan (by number) or a free text, and return the files written."""
    words, stem, title, subject = _content(slogan, text)
    preset = find_size(size, dpi=dpi, user_file=sizes_file)
    spec = load_layout(layout, layouts_dir)
    targets = plan_files(stem, preset.name, spec.name, formats, output, out_dir)
    if any(fmt in RASTER_FORMATS for fmt, _path in targets):
        check_raster_limits(preset)
    scene = build_scene(spec, preset, words, upper_case=upper_case, phrases=load_phrases(phrases_file))
    pages = [(path, encode(scene, preset, fmt, title, subject)) for fmt, path in targets]
    return [write_atomic(path, data) for path, data in pages]


def _content(slogan: int | None, text: str | None) -> tuple[str, str, str, str]:
    """Words to print, file stem, PDF title and subject (the source document)."""
    if (slogan is None) == (text is None):
        raise CatalogueError(_("give either a slogan number (--slogan) or your own text (--text)"))
    if slogan is not None:
        entry = load_catalogue().slogan(slogan)
        return entry.text, f"slogan-{entry.id:02d}", entry.text, entry.source.citation()
    words = clean_text(text or "")
    return words, f"text-{slugify(words)}", words, ""


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


def encode(scene: Scene, preset: SizePreset, fmt: str, title: str, subject: str) -> bytes:
    if fmt == "pdf":
        return paint_pdf(scene, title=title, subject=subject)
    image = paint_raster(scene, preset.width_px, preset.height_px)
    return encode_raster(image, fmt, preset.dpi)
