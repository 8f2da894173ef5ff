"""Turn rendered bytes into files: readable names, atomic writes inside one folder."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
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


def inside(root: Path, relative: str) -> Path:
    """root/relative with its folders made, refused if a folder on the way is a symbolic link
    that leads outside root (a unit folder someone pointed at /etc, say)."""
    path = root / relative
    existing = path.parent
    while not os.path.lexists(existing) and existing != root:
        existing = existing.parent
    if not existing.resolve().is_relative_to(root.resolve()):
        raise OutputError(_("{folder} leads outside the output folder {root} (a symbolic link?); remove it or "
                            "choose another --out-dir").format(folder=str(existing), root=str(root)))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(_("cannot create folder {folder}: {reason}; choose another --out-dir").format(
            folder=str(path.parent), reason=exc.strerror or exc)) from None
    return path


def _check_target(path: Path) -> None:
    """Only regular files are written: never under /dev, never onto a device, a pipe or a folder.
    A symbolic link is replaced by the file, never followed."""
    if Path(os.path.abspath(path)).is_relative_to("/dev") or Path(path).resolve().is_relative_to("/dev"):
        raise OutputError(_("{path} is in /dev, where devices live; give a file name in an ordinary folder").format(
            path=str(path)))
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(_("cannot write {path}: {reason}; choose another --out-dir or --output").format(
            path=str(path), reason=exc.strerror or exc)) from None
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        raise OutputError(_("{path} exists and is not an ordinary file (a folder, device or pipe); "
                            "give another file name").format(path=str(path)))


def write_atomic(path: Path, data: bytes, *, durable: bool = True) -> Path:
    """Write through a hidden temporary file in the same folder, then rename over the target,
    so an interrupted run never leaves a half-written file (the mode follows the umask).
    `durable` also flushes it to disk before the rename, against power loss."""
    _check_target(path)
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


def files_moment() -> dt.datetime:
    """When files say they were made: SOURCE_DATE_EPOCH when set (equal jobs, equal bytes), else now (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else dt.datetime.now(dt.UTC)
    return moment.replace(microsecond=0)
