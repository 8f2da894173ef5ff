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
from pathlib import Path

from .. import __version__
from ..catalogue import load_catalogue
from ..errors import BannerkitError
from ..i18n import _
from ..job import Job, Prepared, prepare
from ..layout import load_layout
from ..options import DEFAULT_FORMATS, DEFAULT_LAYOUT, DEFAULT_SIZE, RenderOptions, from_strings, yes_no
from ..output import slugify
from ..palette import load_palette
from ..resources import package_data
from ..sizes import find_size
from ..text.normalise import clean_text
from ..text.phrases import USER_PHRASES_ENV, load_phrases
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
    size: str  # the preset's name (the size as written is in options)
    options: RenderOptions  # size, layout, formats and every other render option of this design
    outputs: tuple[tuple[str, str], ...]  # (format, relative path)
    thumbnail: str
    book_pdf: str  # where the book's copy of the PDF is (the output itself if PDF is asked for)
    fingerprint: str

    @property
    def label(self) -> str:
        return Path(self.outputs[0][1]).stem

    @property
    def layout(self) -> str:
        return self.options.layout


@dataclass(frozen=True)
class Settings:
    """The batch command's own options; each row's columns add to them (see options.NAMES)."""

    layouts_dir: Path | None = None
    sizes_file: Path | None = None
    phrases_file: Path | None = None
    book: bool = False
    config_dir: Path | None = None  # where bannerkit.toml is (the spec's folder, else the working folder)
    spec_dir: Path | None = None  # a phrases file named in the spec is found from here

    def options(self) -> RenderOptions:
        return RenderOptions(layouts_dir=self.layouts_dir, sizes_file=self.sizes_file, phrases_file=self.phrases_file,
                             config_dir=self.config_dir)


def safe_segment(text: str) -> str:
    """A folder name made of a-z, 0-9 and '-': 'Cờ Đỏ' -> 'co-do', '../../etc' -> 'etc'."""
    slug = slugify(text, max_length=60)
    return f"{slug}-unit" if slug in RESERVED else slug


def plan(rows: list[Row], settings: Settings) -> tuple[list[Task], list[Problem]]:
    tasks, problems = [], []
    shared: dict[RenderOptions, str] = {}  # fingerprints of the inputs designs share, per run
    for row in rows:
        try:
            tasks += _row_tasks(row, settings, shared)
        except (BannerkitError, ValueError) as exc:
            problems.append(Problem(row.where, str(exc)))
    return tasks, problems


def _row_tasks(row: Row, settings: Settings, shared: dict[RenderOptions, str]) -> list[Task]:
    f = row.fields
    if not f.get("unit"):
        raise ValueError(_("the unit is missing; every row names the unit it is for"))
    unit = clean_text(f["unit"])
    base = from_strings(f, dataclasses.replace(settings.options(), phrases_file=_phrases_file(f, settings)))
    layout = load_layout(f.get("layout", DEFAULT_LAYOUT), settings.layouts_dir).name
    load_phrases(base.phrases_file)  # a missing or broken phrases file is the row's problem
    # Sizes stay as written (led:P10:5x3m), folders take the preset's name (led-p10-500x300).
    sizes = {s: find_size(s, dpi=base.dpi, user_file=settings.sizes_file).name
             for s in split_list(f.get("sizes", DEFAULT_SIZE))}
    formats = tuple(split_list(f.get("formats", ",".join(DEFAULT_FORMATS))))
    jobs = [_job(row, slogan) for slogan in _slogans(f)] if f.get("slogans") else [_job(row, None)]
    # Preparing checks texts and QR addresses now, not while rendering.
    prepared = [(job, prepare(job, config_dir=settings.config_dir)) for job in jobs]
    options = {name: dataclasses.replace(base, size=size, layout=layout, formats=formats)
               for size, name in sizes.items()}
    return [_task(row.where, unit, job, ready, name, opts, settings, shared)
            for job, ready in prepared for name, opts in options.items()]


def _phrases_file(fields: dict[str, str], settings: Settings) -> Path | None:
    """The row's phrases file (relative to the spec's folder), else the batch's."""
    if not fields.get("phrases"):
        return settings.phrases_file
    return (settings.spec_dir or Path.cwd()) / fields["phrases"]


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
               qr_track=yes_no(f.get("qr_track") or "no", "qr_track"))


def _task(where: str, unit: str, job: Job, prepared: Prepared, size_name: str, options: RenderOptions,
          settings: Settings, shared: dict[RenderOptions, str]) -> Task:
    unit_slug, folder = safe_segment(unit), safe_segment(size_name)
    name = f"{prepared.stem}_{safe_segment(options.layout)}"
    outputs = tuple((fmt, f"{unit_slug}/{folder}/{name}.{fmt}") for fmt in options.formats)
    book_pdf = next((p for fmt, p in outputs if fmt == "pdf"), f"{STATE_DIR}/pdf/{unit_slug}/{folder}/{name}.pdf")
    common = dataclasses.replace(options, formats=("pdf",))
    if common not in shared:
        shared[common] = _shared_fingerprint(common, settings.book)
    inputs = {"content": dataclasses.asdict(prepared.content), "formats": options.formats, "shared": shared[common]}
    fingerprint = hashlib.sha256(json.dumps(inputs, sort_keys=True, default=str).encode()).hexdigest()
    return Task(where, unit, unit_slug, job, size_name, options, outputs,
                f"{STATE_DIR}/thumbs/{unit_slug}/{folder}/{name}.png",
                book_pdf, fingerprint)


def _shared_fingerprint(options: RenderOptions, book: bool) -> str:
    """The inputs every design with these options shares: version, options, preset, and the
    contents of the layout, palette and phrase files (equal fingerprints mean equal files)."""
    phrases = options.phrases_file or (Path(os.environ[USER_PHRASES_ENV]) if os.environ.get(USER_PHRASES_ENV) else None)
    inputs = {
        "bannerkit": __version__,
        "options": dataclasses.asdict(options),
        "preset": dataclasses.asdict(find_size(options.size, dpi=options.dpi, user_file=options.sizes_file)),
        "layout": _file_hash(load_layout(options.layout, options.layouts_dir).path),
        "palette": {k: dataclasses.asdict(v) for k, v in load_palette(options.layouts_dir).items()},
        "phrases": [_file_hash(package_data("phrases.txt")), _file_hash(phrases) if phrases else ""],
        "book": book,
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True, default=str).encode()).hexdigest()


def _file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""  # a missing file is reported where it is read
