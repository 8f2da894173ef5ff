"""Turn validated spec rows into tasks: one design (content x size x layout) with its files.

Every output path is built from ASCII slugs inside the output folder: no name in a spec can
reach outside it ("../", absolute paths and reserved device names are neutralised).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..assets import find_file
from ..book import Caption, caption
from ..catalogue import load_catalogue
from ..errors import BannerkitError, SizeError
from ..i18n import _
from ..images import image_slots
from ..job import Job, Prepared, prepare
from ..layout import Layout, load_layout
from ..layout.spec import FLAG_ASSETS, WAVING_FLAG_ASSETS
from ..options import DEFAULT_FORMATS, DEFAULT_LAYOUT, DEFAULT_SIZE, RenderOptions, from_strings, yes_no
from ..output import slugify
from ..palette import load_palette
from ..resources import package_data
from ..sizes import find_size
from ..text.normalise import clean_text
from ..text.phrases import USER_PHRASES_ENV, load_phrases
from ..themes import theme_files
from .spec import Problem, Row, parse_ids, split_list

# Names Windows reserves for devices: a folder called "con" cannot be created there.
RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
STATE_DIR = ".bannerkit"  # thumbnails and cached PDFs, inside the output folder
log = logging.getLogger("bannerkit")


@dataclass(frozen=True)
class Task:
    """One design and the files it makes, paths relative to the output folder."""

    where: str  # the spec row, for messages
    unit: str
    unit_slug: str
    job: Job
    size: str  # the preset's name (the size as written is in options)
    options: RenderOptions  # size, layout, formats and every other render option of this design
    folder: str  # the size's folder inside the unit's
    name: str  # the files' name without extension: slogan-05_classic
    fingerprint: str
    caption: Caption = Caption()  # what the book and the contact sheet say about the design

    @property
    def outputs(self) -> tuple[tuple[str, str], ...]:
        """(format, path relative to the output folder) for each format."""
        return tuple((fmt, f"{self.unit_slug}/{self.folder}/{self.name}.{fmt}") for fmt in self.options.formats)

    @property
    def thumbnail(self) -> str:
        return f"{STATE_DIR}/thumbs/{self.unit_slug}/{self.folder}/{self.name}.png"

    @property
    def book_pdf(self) -> str:
        """Where the book's copy of the PDF is: the output itself if PDF is asked for."""
        own = [path for fmt, path in self.outputs if fmt == "pdf"]
        return own[0] if own else f"{STATE_DIR}/pdf/{self.unit_slug}/{self.folder}/{self.name}.pdf"

    @property
    def label(self) -> str:
        return self.name

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
    defaults: tuple[tuple[str, str], ...] = ()  # columns a row leaves empty, from bannerkit.toml
    paper: str | None = None  # the approval book's paper (a4, a3); None: bannerkit.toml's, else a4
    campaign: str | None = None  # the book's cover, from bannerkit.toml
    office: str | None = None

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
    return separate(tasks), problems


def separate(tasks: list[Task]) -> list[Task]:
    """Give every design files of its own. Units whose names fold to the same folder name, and
    designs of one unit whose names are cut to the same file name, get a short suffix made from
    what tells them apart (only where they collide, so names stay readable); a design listed
    twice is made once. Each case is reported as a note."""
    names: dict[str, set[str]] = defaultdict(set)
    for task in tasks:
        names[task.unit_slug].add(task.unit)
    folders = {}
    for slug, units in names.items():
        if len(units) > 1:
            folders.update({unit: f"{slug}-{_short_hash(unit)}" for unit in units})
            log.warning(_("units %s would share the folder %r; each gets its own: %s"),
                        " and ".join(repr(u) for u in sorted(units)), slug,
                        ", ".join(folders[u] for u in sorted(units)))
    tasks = [dataclasses.replace(t, unit_slug=folders[t.unit]) if t.unit in folders else t for t in tasks]
    by_file: dict[tuple[str, str, str], dict[str, tuple[int, Task]]] = defaultdict(dict)
    for index, task in enumerate(tasks):
        by_file[(task.unit_slug, task.folder, task.name)].setdefault(_design_key(task), (index, task))
    kept: list[tuple[int, Task]] = []
    for (unit_slug, folder, name), designs in by_file.items():
        if len(designs) > 1:
            stem, layout = name.rsplit("_", 1)
            designs = {key: (i, dataclasses.replace(t, name=f"{stem}-{_short_hash(key)}_{layout}"))
                       for key, (i, t) in designs.items()}
            log.warning(_("%s designs of %r would share the file name %s in %s/%s; each gets its own: %s"),
                        len(designs), next(iter(designs.values()))[1].unit, name,
                        unit_slug, folder, ", ".join(t.name for _i, t in designs.values()))
        kept += designs.values()
    if len(kept) < len(tasks):
        log.warning(_("%s designs are listed more than once in the spec; each is made once"), len(tasks) - len(kept))
    return [task for _index, task in sorted(kept, key=lambda pair: pair[0])]


def _design_key(task: Task) -> str:
    """What makes a design itself: its job and its options (formats aside)."""
    options = dataclasses.replace(task.options, formats=("pdf",))
    return json.dumps([dataclasses.asdict(task.job), dataclasses.asdict(options)], sort_keys=True, default=str)


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:6]


def _row_tasks(row: Row, settings: Settings, shared: dict[RenderOptions, str]) -> list[Task]:
    f = {**dict(settings.defaults), **row.fields}
    if not f.get("unit"):
        raise ValueError(_("the unit is missing; every row names the unit it is for"))
    unit = clean_text(f["unit"])
    base = from_strings(f, dataclasses.replace(settings.options(), phrases_file=_phrases_file(f, settings)))
    layout = load_layout(f.get("layout", DEFAULT_LAYOUT), settings.layouts_dir).name
    load_phrases(base.phrases_file)  # a missing or broken phrases file is the row's problem
    # Sizes stay as written (led:P10:5x3m), folders take the preset's name (led-p10-500x300).
    sizes = {s: find_size(s, dpi=base.dpi, user_file=settings.sizes_file).name
             for s in _sizes(f.get("sizes", DEFAULT_SIZE), settings)}
    formats = tuple(split_list(f.get("formats", ",".join(DEFAULT_FORMATS))))
    images = _images(f, settings)
    jobs = [_job(row, slogan, images) for slogan in _slogans(f)] if f.get("slogans") else [_job(row, None, images)]
    # Preparing checks texts and QR addresses now, not while rendering.
    prepared = [(job, prepare(job, config_dir=settings.config_dir)) for job in jobs]
    options = {name: dataclasses.replace(base, size=size, layout=layout, formats=formats)
               for size, name in sizes.items()}
    return [_task(row.where, unit, job, ready, name, opts, settings, shared)
            for job, ready in prepared for name, opts in options.items()]


def _sizes(text: str, settings: Settings) -> list[str]:
    """The sizes of a cell: separated by commas or semicolons, each as an office types it
    ("pano 3×6"); a part that is no size but whose words each are ("pano-3x6 a3") is split."""
    sizes = []
    for part in (p.strip() for p in re.split(r"[,;\n]+", text) if p.strip()):
        try:
            find_size(part, user_file=settings.sizes_file)
            sizes.append(part)
        except SizeError:
            sizes += split_list(part)
    return sizes


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
    return ids


def _images(fields: dict[str, str], settings: Settings) -> tuple[tuple[str, Path], ...]:
    """The row's images, "portrait=bac-ho.jpg; logo=logo.png", files relative to the spec's folder."""
    slots = image_slots(split_list(fields.get("images", "")))
    return tuple((slot, (settings.spec_dir or Path.cwd()) / path) for slot, path in slots)


def _job(row: Row, slogan: int | None, images: tuple[tuple[str, Path], ...] = ()) -> Job:
    f = row.fields
    if slogan is None and not (f.get("event") or f.get("anniversary")):
        raise ValueError(_("give the slogans (like 1-5, 8, 28), an event or an anniversary"))
    return Job(slogan=slogan, anniversary=f.get("anniversary"), headline=f.get("headline"), unit=f.get("unit"),
               event=f.get("event"), date=f.get("date"), qr=f.get("qr_url"), images=images,
               qr_track=yes_no(f.get("qr_track") or "no", "qr_track"))


def _task(where: str, unit: str, job: Job, prepared: Prepared, size_name: str, options: RenderOptions,
          settings: Settings, shared: dict[RenderOptions, str]) -> Task:
    name = f"{prepared.stem}_{safe_segment(options.look)}"
    common = dataclasses.replace(options, formats=("pdf",))
    if common not in shared:
        shared[common] = _shared_fingerprint(common, settings.book)
    inputs = {"content": dataclasses.asdict(prepared.content), "formats": options.formats, "shared": shared[common],
              "images": [_file_hash(image.path) for image in prepared.content.images]}
    fingerprint = hashlib.sha256(json.dumps(inputs, sort_keys=True, default=str).encode()).hexdigest()
    preset = find_size(options.size, dpi=options.dpi, user_file=options.sizes_file)
    return Task(where, unit, safe_segment(unit), job, size_name, options, safe_segment(size_name), name, fingerprint,
                caption(job, prepared.title, preset))


def _shared_fingerprint(options: RenderOptions, book: bool) -> str:
    """The inputs every design with these options shares: version, options, preset, and the
    contents (not the paths) of the layout, its fonts and artwork, the palette and the phrase files:
    equal fingerprints mean equal files."""
    phrases = options.phrases_file or (Path(os.environ[USER_PHRASES_ENV]) if os.environ.get(USER_PHRASES_ENV) else None)
    layout = load_layout(options.layout, options.layouts_dir)
    inputs = {
        "bannerkit": __version__,
        "options": dataclasses.asdict(dataclasses.replace(options, layouts_dir=None, sizes_file=None,
                                                          phrases_file=None, config_dir=None)),
        "preset": dataclasses.asdict(find_size(options.size, dpi=options.dpi, user_file=options.sizes_file)),
        "layout": _file_hash(layout.path),
        "files": sorted(_file_hash(path) for path in _layout_files(layout)),
        "palette": {k: dataclasses.asdict(v) for k, v in load_palette(options.layouts_dir).items()},
        "theme": _file_hash(theme_files(options.layouts_dir).get(options.theme or layout.theme, Path())),
        "phrases": [_file_hash(package_data("phrases.txt")), _file_hash(phrases) if phrases else ""],
        "print": [_file_hash(package_data("print.toml")), _file_hash(package_data("cmyk-fogra39.icc"))],
        "book": book,
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True, default=str).encode()).hexdigest()


def _layout_files(layout: Layout) -> set[Path]:
    """The fonts and artwork a layout draws with, on any shape of page."""
    files = set()
    for variant in (layout, *layout.shaped.values()):
        for block in variant.blocks:
            if block.kind in ("text", "qr"):
                files.add(find_file(block.font, "fonts", layout.layouts_dir))
            flags = WAVING_FLAG_ASSETS if block.style == "waving" else FLAG_ASSETS
            names = [flags[f] for f in block.flags] if block.kind == "flags" else [block.asset] if block.asset else []
            files.update(find_file(name, "assets", layout.layouts_dir) for name in names)
        files.update(find_file(d.art, "assets", layout.layouts_dir) for d in variant.decorations if d.art != "border")
    return files


def _file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""  # a missing file is reported where it is read
