"""Turn rendered pages into files: formats, readable names, atomic writes inside one folder."""

from __future__ import annotations

import io
import os
import re
import uuid
from pathlib import Path

from PIL import Image

from .errors import OutputError
from .i18n import _
from .text.normalise import fold

RASTER_FORMATS = {"png": "PNG", "jpg": "JPEG", "bmp": "BMP", "gif": "GIF"}
FORMATS = (*RASTER_FORMATS, "pdf")
_ALIASES = {"jpeg": "jpg"}


def check_format(fmt: str) -> str:
    fmt = _ALIASES.get(fmt.lower().lstrip("."), fmt.lower().lstrip("."))
    if fmt not in FORMATS:
        raise OutputError(_("unknown format {fmt!r}; choose one of: {choices}").format(
            fmt=fmt, choices=", ".join(FORMATS)))
    return fmt


def slugify(text: str, max_length: int = 40) -> str:
    """Safe ASCII for file and folder names: 'Cờ Đỏ' -> 'co-do'."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    if len(slug) > max_length:  # cut between words
        slug = slug[:max_length + 1].rsplit("-", 1)[0] if "-" in slug[:max_length + 1] else slug[:max_length]
    return slug or "text"


def file_name(stem: str, size: str, layout: str, fmt: str) -> str:
    """'slogan-05_pano-3x6_classic.png': sorts by slogan and says what is inside."""
    return f"{stem}_{size}_{layout}.{fmt}"


def prepare_folder(folder: Path) -> Path:
    """Create the output folder if needed and make sure it can be written, before any rendering."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(_("cannot create output folder {folder}: {reason}; choose another with --out-dir").format(
            folder=str(folder), reason=exc.strerror or exc)) from None
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(_("output folder {folder} is not writable; choose another with --out-dir").format(
            folder=str(folder)))
    return folder


def encode_raster(image: Image.Image, fmt: str, dpi: float, palette: Image.Image | None = None) -> bytes:
    """JPEG at quality 92; PNG, BMP and GIF as palette images when the colours allow it (a board
    image is one already), else PNG and BMP in RGB and GIF in 256 adaptive colours."""
    buffer = io.BytesIO()
    if fmt == "jpg":
        image.convert("RGB").save(buffer, "JPEG", dpi=(dpi, dpi), quality=92, subsampling=0)
        return buffer.getvalue()
    if image.mode != "P" and palette is not None:
        image = image.quantize(palette=palette, dither=Image.Dither.NONE)
    elif image.mode != "P" and fmt == "gif":
        image = image.quantize(256, method=Image.Quantize.FASTOCTREE)
    options = {"dpi": (dpi, dpi), "compress_level": 3} if fmt == "png" else {}
    image.save(buffer, RASTER_FORMATS[fmt], **options)
    return buffer.getvalue()


def write_atomic(path: Path, data: bytes, *, durable: bool = True) -> Path:
    """Write through a hidden temporary file in the same folder, then rename over the target,
    so an interrupted run never leaves a half-written file (the mode follows the umask).
    `durable` also flushes it to disk before the rename, against power loss."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(_("cannot write {path}: {reason}; choose another --out-dir or --output").format(
            path=str(path), reason=exc.strerror or exc)) from None
    return path
