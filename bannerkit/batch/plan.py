"""Turn validated spec rows into tasks: one design (content x size x layout) with its files.

Every output path is built from ASCII slugs inside the output folder: no name in a spec can
reach outside it ("../", absolute paths and reserved device names are neutralised).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .. import __version__
from ..catalogue import load_catalogue
from ..errors import BannerkitError
from ..i18n import _
from ..layout import load_layout
from ..output import check_format, slugify
from ..palette import load_palette
from ..pipeline import DEFAULT_FORMATS, DEFAULT_LAYOUT, DEFAULT_SIZE, Job, Prepared, prepare
from ..resources import package_data
from ..sizes import find_size
from ..text.normalise import clean_text
from ..text.phrases import USER_PHRASES_ENV
from .spec import Problem, Row, parse_ids, split_list

# Names Windows reserves for devices: a folder called "con" cannot be created there.
RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
STATE_DIR = ".bannerkit"  # thumbnails and cached PDFs, inside the output folder


@dataclass(frozen=True)
class Task:
    """One design and the files it makes, paths relative to the output folder."""

    where: str  # the spec row, for messages
    unit: str
    unit_slug: str
    job: Job
    size: str
    layout: str
    outputs: tuple[tuple[str, str], ...]  # (format, relative path)
    thumbnail: str
    book_pdf: str  # where the book's copy of the PDF is (the output itself if PDF is asked for)
    fingerprint: str

    @property
    def label(self) -> str:
        return Path(self.outputs[0][1]).stem


@dataclass(frozen=True)
class Settings:
    layouts_dir: Path | None = None
    sizes_file: Path | None = None
    book: bool = False
    config_dir: Path | None = None  # where bannerkit.toml is (the spec's folder, else the working folder)


def safe_segment(text: str) -> str:
    """A folder name made of a-z, 0-9 and '-': 'Cờ Đỏ' -> 'co-do', '../../etc' -> 'etc'."""
    slug = slugify(text, max_length=60)
    return f"{slug}-unit" if slug in RESERVED else slug


def plan(rows: list[Row], settings: Settings) -> tuple[list[Task], list[Problem]]:
    tasks, problems = [], []
    for row in rows:
        try:
            tasks += _row_tasks(row, settings)
        except (BannerkitError, ValueError) as exc:
            problems.append(Problem(row.where, str(exc)))
    return tasks, problems


def _row_tasks(row: Row, settings: Settings) -> list[Task]:
    f = row.fields
    if not f.get("unit"):
        raise ValueError(_("the unit is missing; every row names the unit it is for"))
    unit = clean_text(f["unit"])
    layout = load_layout(f.get("layout", DEFAULT_LAYOUT), settings.layouts_dir).name
    sizes = [find_size(s, user_file=settings.sizes_file).name for s in split_list(f.get("sizes", DEFAULT_SIZE))]
    formats = list(dict.fromkeys(check_format(x) for x in split_list(f.get("formats", ",".join(DEFAULT_FORMATS)))))
    jobs = [_job(row, slogan) for slogan in _slogans(f)] if f.get("slogans") else [_job(row, None)]
    # Preparing checks texts and QR addresses now, not while rendering.
    prepared = [(job, prepare(job, config_dir=settings.config_dir)) for job in jobs]
    return [_task(row.where, unit, job, ready, size, layout, formats, settings) for job, ready in prepared
            for size in sizes]


def _slogans(fields: dict[str, str]) -> list[int]:
    valid = [s.id for s in load_catalogue().slogans]
    try:
        ids = parse_ids(fields["slogans"], valid)
    except ValueError as exc:
        raise ValueError(_("slogans {value!r}: {part!r} is not a number or a range; write them like 1-5, 8, 28").format(
            value=fields["slogans"], part=str(exc))) from None
    unknown = [i for i in ids if i not in valid]
    if unknown:
        raise ValueError(_("slogan {id} does not exist; slogans are numbered {first} to {last}").format(
            id=unknown[0], first=min(valid), last=max(valid)))
    return ids


def _job(row: Row, slogan: int | None) -> Job:
    f = row.fields
    if slogan is None and not (f.get("event") or f.get("anniversary")):
        raise ValueError(_("give the slogans (like 1-5, 8, 28), an event or an anniversary"))
    return Job(slogan=slogan, anniversary=f.get("anniversary"), headline=f.get("headline"), unit=f.get("unit"),
               event=f.get("event"), date=f.get("date"), qr=f.get("qr_url"),
               qr_track=f.get("qr_track", "").strip().lower() in ("yes", "true", "1", "x", "có", "co"))


def _task(where: str, unit: str, job: Job, prepared: Prepared, size: str, layout: str, formats: list[str],
          settings: Settings) -> Task:
    unit_slug, folder = safe_segment(unit), safe_segment(size)
    name = f"{prepared.stem}_{safe_segment(layout)}"
    outputs = tuple((fmt, f"{unit_slug}/{folder}/{name}.{fmt}") for fmt in formats)
    book_pdf = next((p for fmt, p in outputs if fmt == "pdf"), f"{STATE_DIR}/pdf/{unit_slug}/{folder}/{name}.pdf")
    fingerprint = _fingerprint(prepared.content, size, layout, formats, settings)
    return Task(where, unit, unit_slug, job, size, layout, outputs, f"{STATE_DIR}/thumbs/{unit_slug}/{folder}/{name}.png",
                book_pdf, fingerprint)


def _fingerprint(content: object, size: str, layout: str, formats: list[str], settings: Settings) -> str:
    """Everything a design's files depend on; equal fingerprints mean equal files."""
    inputs = {"content": dataclasses.asdict(content), "formats": formats,  # type: ignore[call-overload]
              "setting": _setting_fingerprint(size, layout, settings)}
    return hashlib.sha256(json.dumps(inputs, sort_keys=True, default=str).encode()).hexdigest()


@cache
def _setting_fingerprint(size: str, layout: str, settings: Settings) -> str:
    """The inputs shared by every design of one size and layout: version, preset, layout file,
    palette and phrases."""
    inputs = {
        "bannerkit": __version__,
        "preset": dataclasses.asdict(find_size(size, user_file=settings.sizes_file)),
        "layout": _file_hash(load_layout(layout, settings.layouts_dir).path),
        "palette": {k: dataclasses.asdict(v) for k, v in load_palette(settings.layouts_dir).items()},
        "phrases": [_file_hash(package_data("phrases.txt")), os.environ.get(USER_PHRASES_ENV, "")],
        "book": settings.book,
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True, default=str).encode()).hexdigest()


@cache
def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
