"""`bannerkit doctor`: what this machine and this folder lack, each with what to do about it.

Every check catches its own failure, so a missing Pango or a broken bannerkit.toml is one line of
the report, never a traceback; the rest is still checked.
"""

from __future__ import annotations

import os
import shutil
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import BannerkitError
from .i18n import _

OK, WARN, FAIL = "ok", "warn", "fail"
# Every letter Vietnamese writes: the base letters and each vowel with each tone, composed.
_TONES = "\u0300\u0301\u0303\u0309\u0323"
VIETNAMESE = "".join(sorted({unicodedata.normalize("NFC", v + t) for v in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY" for t in _TONES}
                            | set("ăâđêôơưĂÂĐÊÔƠƯ")))


Found = tuple[str, str]  # (status, what was found or what to do)


@dataclass(frozen=True)
class Check:
    name: str
    status: str  # ok, warn (optional part missing) or fail (bannerkit cannot work)
    detail: str


def run_checks(folder: Path) -> list[Check]:
    from .config import CONFIG_FILE

    checks: list[tuple[str, Callable[[], Found]]] = [
        ("Python", _python), (_("fonts"), _fonts), (_("PDF (WeasyPrint)"), _weasyprint),
        (_("artwork (cairo)"), _cairo), (_("MP4 video (PyAV)"), lambda: _optional("av")),
        (_("live preview"), lambda: _optional("starlette", "uvicorn", "watchfiles")),
        (_("PDF checking tools"), _pdf_tools), (CONFIG_FILE, lambda: _settings(folder)),
        (_("this folder"), lambda: _writable(folder))]
    return [_guarded(name, check) for name, check in checks]


def _guarded(name: str, check: Callable[[], Found]) -> Check:
    try:
        return Check(name, *check())
    except BannerkitError as exc:
        return Check(name, FAIL, str(exc))


def _python() -> Found:
    return (OK, ".".join(map(str, sys.version_info[:3])))


def _fonts() -> Found:
    from fontTools.ttLib import TTFont, TTLibError

    from .resources import data_folder

    fonts = sorted(data_folder("fonts").glob("*.[ot]tf"))
    if not fonts:
        return (FAIL, _("no fonts in {folder}; reinstall bannerkit").format(
            folder=str(data_folder("fonts"))))
    for path in fonts:
        try:
            cmap = TTFont(path, lazy=True).getBestCmap()
        except (TTLibError, OSError) as exc:
            return (FAIL, _("{font} cannot be read ({err}); reinstall bannerkit").format(
                font=path.name, err=exc))
        lacking = [c for c in VIETNAMESE if ord(c) not in cmap]
        if lacking:
            return (FAIL, _("{font} lacks Vietnamese letters ({letters}); use the shipped fonts")
                         .format(font=path.name, letters="".join(lacking[:10])))
    return (OK, _("{count} fonts, every Vietnamese letter").format(count=len(fonts)))


def _weasyprint() -> Found:
    from .engines import load

    load("weasyprint")
    from weasyprint.text.ffi import pango

    version = pango.pango_version()
    text = f"Pango {version // 10000}.{version // 100 % 100}.{version % 100}"
    if version < 14400:
        return (FAIL, _("{found}; WeasyPrint needs Pango 1.44 or newer: update the "
                                                   "system (sudo apt-get upgrade libpango-1.0-0)").format(found=text))
    return (OK, text)


def _cairo() -> Found:
    from .engines import load

    cairo = load("cairocffi")
    return (OK, f"cairo {cairo.cairo_version_string()}")


def _optional(*modules: str) -> Found:
    from .engines import load

    for module in modules:
        try:
            load(module)
        except BannerkitError as exc:
            return (WARN, str(exc))
    return (OK, _("installed"))


def _pdf_tools() -> Found:
    missing = [tool for tool in ("qpdf", "pdfinfo", "gs") if shutil.which(tool) is None]
    if missing:
        return (WARN, _("optional, to check PDFs as a print shop does (docs/print.md): "
                                                      "sudo apt-get install qpdf poppler-utils ghostscript"))
    return (OK, "qpdf, pdfinfo, gs")


def _settings(folder: Path) -> Found:
    from .config import load_config
    from .layout import load_layout
    from .sizes import find_size
    from .themes import load_theme

    config = load_config(folder)
    if config.path is None:
        return (WARN, _("none in {folder}: 'bannerkit init' starts an office's folder").format(
            folder=str(folder)))
    if config.layouts_dir is not None and not config.layouts_dir.is_dir():
        return (FAIL, _("layouts_dir {path} does not exist: create it or run 'bannerkit init' "
                                          "again").format(path=str(config.layouts_dir)))
    for size in config.sizes:
        find_size(size)
    if config.layout:
        load_layout(config.layout, config.layouts_dir)
    if config.theme:
        load_theme(config.theme, config.layouts_dir)
    if not config.documents.get("base_url"):
        return (WARN, _("no base_url under [documents]: QR codes cannot link to the documents "
                                          "(--qr doc) until you set it"))
    return (OK, _("unit {unit}; sizes {sizes}").format(
        unit=config.unit or "-", sizes=", ".join(config.sizes) or "-"))


def _writable(folder: Path) -> Found:
    if os.access(folder, os.W_OK | os.X_OK):
        return (OK, _("writable"))
    return (FAIL, _("{folder} is not writable: work in a folder of your own").format(
        folder=str(folder)))
