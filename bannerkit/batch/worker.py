"""Turn one task into its files, in a worker process that loads fonts and layouts once."""

from __future__ import annotations

import hashlib
import io
import signal
import time
from dataclasses import dataclass
from pathlib import Path

import pypdf
from PIL import Image

from ..errors import BannerkitError
from ..i18n import _
from ..layout import build_scene, load_layout
from ..model import Scene, SizePreset
from ..output import encode_raster, write_atomic
from ..paint.pdf import paint_pdf
from ..paint.raster import blend_palette, paint_raster, paint_two_colour
from ..pipeline import Prepared, prepare
from ..sheet import contact_sheet
from ..sizes import check_raster_limits, find_size
from ..text.phrases import load_phrases
from .plan import Settings, Task

THUMBNAIL_PX = 240  # the contact sheet's tile, so sheets need no resizing


@dataclass(frozen=True)
class FileRecord:
    path: str
    format: str
    bytes: int
    sha256: str


@dataclass(frozen=True)
class Result:
    index: int
    files: tuple[FileRecord, ...] = ()
    error: str = ""
    cpu_seconds: float = 0.0  # the worker's processor time for this design (for benchmarks)


_settings = Settings()
_out_dir = Path(".")


def start_worker(out_dir: Path, settings: Settings, layouts: list[str]) -> None:
    """Once per worker: remember where to write, and load phrases, layouts and their fonts."""
    global _settings, _out_dir
    _settings, _out_dir = settings, out_dir
    # Ctrl-C is the main process's to handle: it lets running designs finish and stops the rest.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_phrases()
    for name in layouts:
        load_layout(name, settings.layouts_dir)


def render_task(index: int, task: Task) -> Result:
    """Write the task's files; a user's mistake or a bug becomes the result's error, not a crash."""
    started = time.process_time()
    try:
        files = _render(task)
        return Result(index, files, cpu_seconds=time.process_time() - started)
    except BannerkitError as exc:
        return Result(index, error=str(exc))
    except Exception as exc:  # noqa: BLE001 - one broken design must not stop the batch
        return Result(index, error=_("internal error ({kind}: {message})").format(kind=type(exc).__name__, message=exc))


def lay_out(task: Task, settings: Settings) -> str:
    """The design's problem, found by laying it out without painting; '' if it has none."""
    try:
        _scene(task, settings)
    except BannerkitError as exc:
        return str(exc)
    return ""


def _scene(task: Task, settings: Settings) -> tuple[Prepared, SizePreset, Scene]:
    prepared = prepare(task.job, config_dir=settings.config_dir)
    preset = find_size(task.size, user_file=settings.sizes_file)
    scene = build_scene(load_layout(task.layout, settings.layouts_dir), preset, prepared.content, phrases=load_phrases())
    return prepared, preset, scene


def _render(task: Task) -> tuple[FileRecord, ...]:
    prepared, preset, scene = _scene(task, _settings)
    image = None
    if any(fmt != "pdf" for fmt, _path in task.outputs):
        check_raster_limits(preset)
        size = scene.pixels(preset.px_per_mm)
        image = paint_two_colour(scene, *size) or paint_raster(scene, *size)
    palette = blend_palette(scene)
    records = []
    for fmt, path in task.outputs:
        data = (paint_pdf(scene, title=prepared.title, subject=prepared.subject) if fmt == "pdf"
                else encode_raster(image, fmt, preset.dpi, palette))
        records.append(_write(path, fmt, data))
    if _settings.book and not any(fmt == "pdf" for fmt, _path in task.outputs):
        _write(task.book_pdf, "pdf", paint_pdf(scene, title=prepared.title, subject=prepared.subject))
    _write(task.thumbnail, "png", _thumbnail(image, scene, preset, palette), durable=False)
    return tuple(records)


def _thumbnail(image: Image.Image | None, scene: Scene, preset: SizePreset, palette: Image.Image | None) -> bytes:
    """A small PNG for the contact sheet: a full-colour image reduced by a whole factor (fast box
    filter); otherwise the scene painted small."""
    if image is not None and image.mode == "RGB":
        return encode_raster(image.reduce(max(1, max(image.size) // THUMBNAIL_PX)), "png", 72, palette)
    width, height = scene.pixels(preset.px_per_mm)
    scale = THUMBNAIL_PX / max(width, height)
    small = max(round(width * scale), 1), max(round(height * scale), 1)
    return encode_raster(paint_two_colour(scene, *small) or paint_raster(scene, *small), "png", 72, palette)


def _write(relative: str, fmt: str, data: bytes, *, durable: bool = True) -> FileRecord:
    path = _out_dir / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data, durable=durable)
    return FileRecord(relative, fmt, len(data), hashlib.sha256(data).hexdigest())


def write_sheet(tiles: list[tuple[str, str]], target: str) -> None:
    """A unit's contact sheet from its thumbnails (relative paths) and labels."""
    images = []
    for path, label in tiles:
        with Image.open(_out_dir / path) as thumb:
            images.append((label, thumb.convert("RGB")))
    buffer = io.BytesIO()
    sheet = contact_sheet(images, tile=THUMBNAIL_PX, columns=6)
    # 256 colours are plenty for a review sheet and make it several times faster to write.
    sheet.quantize(256, method=Image.Quantize.FASTOCTREE).save(buffer, "PNG", compress_level=3)
    write_atomic(_out_dir / target, buffer.getvalue())


def write_book(pdfs: list[str], target: str) -> None:
    """One PDF with every design of a unit, each page at its own physical size."""
    writer = pypdf.PdfWriter()
    for path in pdfs:
        writer.append(str(_out_dir / path))
    buffer = io.BytesIO()
    writer.write(buffer)
    write_atomic(_out_dir / target, buffer.getvalue())
