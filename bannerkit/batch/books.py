"""Approval books again from a finished batch folder (`bannerkit book`), say on A3 this time,
without rendering anything: the manifest says which designs each unit has and their captions."""

from __future__ import annotations

from pathlib import Path

from ..book import BookPage, Caption, Cover, approval_book, book_page
from ..config import OfficeConfig
from ..errors import BatchError
from ..i18n import _
from ..output import inside, write_atomic
from .plan import STATE_DIR, safe_segment
from .run import MANIFEST, load_manifest


def write_books(out_dir: Path, paper: str, config: OfficeConfig) -> list[Path]:
    """One book per unit of the batch in `out_dir`; each design's own PDF, or the copy a batch
    run with --book kept, goes in."""
    if not (out_dir / MANIFEST).is_file():
        raise BatchError(_("{folder} has no {manifest}: give the folder a batch wrote (its --out-dir)").format(
            folder=str(out_dir), manifest=MANIFEST))
    designs: dict[str, dict[str, list[dict]]] = {}
    for entry in load_manifest(out_dir)["files"].values():
        stem = entry["path"].rsplit(".", 1)[0]
        designs.setdefault(entry["unit"], {}).setdefault(stem, []).append(entry)
    written = []
    for unit, stems in designs.items():
        slug = safe_segment(unit)
        pages = [_page(out_dir, stem, entries, slug) for stem, entries in stems.items()]
        target = inside(out_dir, f"{slug}/{slug}-book.pdf")
        written.append(write_atomic(target, approval_book(Cover(unit, config.campaign, config.unit), pages, paper)))
    return written


def _page(out_dir: Path, stem: str, entries: list[dict], slug: str) -> BookPage:
    pdf = next((e["path"] for e in entries if e.get("format") == "pdf"), f"{STATE_DIR}/pdf/{stem}.pdf")
    if not (out_dir / pdf).is_file():
        raise BatchError(_("{design} has no PDF to put in the book: run the batch again with --book, or with pdf "
                           "among its formats").format(design=stem))
    first = entries[0]
    saved = first.get("caption")
    caption = Caption(**saved) if isinstance(saved, dict) else Caption(stem, "", first["size"])
    look = f"{first['layout']}-{first['theme']}" if first.get("theme") else first["layout"]
    return book_page(inside(out_dir, pdf), caption, look, [e["path"] for e in entries], slug)
