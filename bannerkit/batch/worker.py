"""Turn one task into its files, in a worker process that loads fonts and layouts once."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import signal
import time
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from ..book import BookPage, Cover, approval_book
from ..design import Design, lay_out, paint
from ..errors import BannerkitError
from ..formats import encode_png, paint_raster_design
from ..i18n import _
from ..layout import load_layout
from ..output import inside, write_atomic
from ..sheet import contact_sheet, sheet_pdf
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
    left_out: tuple[str, ...] = ()  # optional blocks that gave way for want of room
    cpu_seconds: float = 0.0  # the worker's processor time for this design (for benchmarks)


_settings = Settings()
_out_dir = Path(".")


def start_worker(out_dir: Path, settings: Settings, layouts: list[str]) -> None:
    """Once per worker: remember where to write, and load phrases, layouts and their fonts."""
    global _settings, _out_dir
    _settings, _out_dir = settings, out_dir
    # Ctrl-C is the main process's to handle: it lets running designs finish and stops the rest.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_phrases(settings.phrases_file)
    for name in layouts:
        load_layout(name, settings.layouts_dir)


def render_task(index: int, task: Task) -> Result:
    """Write the task's files; a user's mistake or a bug becomes the result's error, not a crash."""
    started = time.process_time()
    try:
        files, left_out = _render(task)
        return Result(index, files, left_out=left_out, cpu_seconds=time.process_time() - started)
    except BannerkitError as exc:
        return Result(index, error=str(exc))
    except Exception as exc:
        return Result(index, error=_("internal error ({kind}: {message})").format(kind=type(exc).__name__, message=exc))


def render_tasks(group: list[tuple[int, Task]]) -> list[Result]:
    """Several designs in one call: the batch hands a worker the designs that share a text."""
    return [render_task(index, task) for index, task in group]


def check_task(task: Task) -> str:
    """The design's problem, found by laying it out without painting; '' if it has none."""
    try:
        lay_out(task.job, task.options)
    except BannerkitError as exc:
        return str(exc)
    return ""


def _render(task: Task) -> tuple[tuple[FileRecord, ...], tuple[str, ...]]:
    options = task.options
    if _settings.book and "pdf" not in options.formats:
        options = dataclasses.replace(options, formats=(*options.formats, "pdf"))  # the book's copy
    design = lay_out(task.job, options)
    outputs = paint(design)
    records = tuple(_write(path, fmt, out.data) for (fmt, path), out in zip(task.outputs, outputs))
    if len(outputs) > len(task.outputs):
        _write(task.book_pdf, "pdf", outputs[-1].data)
    image = next((out.image for out in outputs if out.image is not None), None)
    _write(task.thumbnail, "png", _thumbnail(image, design), durable=False)
    return records, design.scene.left_out


def _thumbnail(image: Image.Image | None, design: Design) -> bytes:
    """A small PNG for the contact sheet: the image reduced by a whole factor (fast box filter;
    a palette image is first thinned to a quarter of the way, every pixel of it a palette
    colour); otherwise the design painted small."""
    if image is not None and image.mode in ("RGB", "P"):
        factor = max(1, max(image.size) // THUMBNAIL_PX)
        if image.mode == "P":
            step = max(1, factor // 4)
            image = image.resize((image.width // step, image.height // step), Image.Resampling.NEAREST)
            image, factor = image.convert("RGB"), factor // step
        return encode_png(image.reduce(factor), design)
    small = dataclasses.replace(design, options=dataclasses.replace(design.options, max_side_px=THUMBNAIL_PX))
    return encode_png(paint_raster_design(small), design)


def _write(relative: str, fmt: str, data: bytes, *, durable: bool = True) -> FileRecord:
    path = inside(_out_dir, relative)
    write_atomic(path, data, durable=durable)
    return FileRecord(relative, fmt, len(data), hashlib.sha256(data).hexdigest())


def write_sheet(tiles: list[tuple[str, str]], target: str) -> None:
    """A unit's contact sheet (PNG, and PDF to print or send) from its thumbnails (relative
    paths) and captions; `target` without its extension."""
    images = []
    for path, label in tiles:
        with Image.open(_out_dir / path) as thumb:
            images.append((label, thumb.convert("RGB")))
    buffer = io.BytesIO()
    sheet = contact_sheet(images, tile=THUMBNAIL_PX, columns=6)
    # 256 colours are plenty for a review sheet and make it several times faster to write.
    sheet.quantize(256, method=Image.Quantize.FASTOCTREE).save(buffer, "PNG", compress_level=3)
    write_atomic(inside(_out_dir, f"{target}.png"), buffer.getvalue())
    write_atomic(inside(_out_dir, f"{target}.pdf"), sheet_pdf(sheet))


def write_book(cover: Cover, pages: list[BookPage], target: str, paper: str) -> None:
    """A unit's approval book; the pages' PDFs are relative to the output folder."""
    pages = [dataclasses.replace(page, pdf=inside(_out_dir, str(page.pdf))) for page in pages]
    write_atomic(inside(_out_dir, target), approval_book(cover, pages, paper))
