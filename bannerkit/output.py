"""Turn rendered bytes into files: readable names, atomic writes inside one folder."""

from __future__ import annotations

import os
import re
import uuid
from pathlib import Path

from .errors import OutputError
from .i18n import _
from .text.normalise import fold


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
