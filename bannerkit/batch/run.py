"""Run a batch: validate the spec, skip what is up to date, render the rest in parallel, and
keep the manifest, contact sheets and books in step. Safe to interrupt and run again."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..book import Cover, book_page
from ..config import CONFIG_FILE, load_config
from ..errors import BatchError
from ..i18n import _
from ..output import inside, prepare_folder, write_atomic
from .plan import STATE_DIR, Settings, Task, plan
from .spec import Problem, read_spec
from .worker import FileRecord, Result, check_task, render_tasks, start_worker, write_book, write_sheet

log = logging.getLogger("bannerkit")
MANIFEST = "manifest.json"
GROUP = 16  # designs a worker takes at once (see _groups)
# Each finished design is also appended here at once, so a killed run loses nothing it made;
# the next run reads it back into the manifest.
JOURNAL = f"{STATE_DIR}/journal.jsonl"
SAVE_EVERY_S = 2.0  # the manifest is saved this often while rendering, and at the end

Progress = Callable[[int, int, str], None]


@dataclass
class Report:
    """What a batch did: counts, the rows' problems, and where its manifest is."""

    designs: int = 0
    rendered: int = 0
    skipped: int = 0
    files: int = 0
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    render_cpu_seconds: float = 0.0  # processor time the workers spent on the designs themselves
    left_out: int = 0  # designs whose optional blocks gave way for want of room (see the manifest)
    manifest: Path | None = None


def check(spec: Path, settings: Settings, *, layouts: bool = False) -> tuple[list[Task], list[Problem]]:
    """Every problem of the spec at once, before anything is rendered. With `layouts`, also lay
    every design out (no painting), to find texts too long and QR codes too small for their size."""
    return _check(spec, with_config(settings, spec), layouts=layouts)


def _check(spec: Path, settings: Settings, *, layouts: bool = False) -> tuple[list[Task], list[Problem]]:
    """check() with the settings already completed from bannerkit.toml (with_config)."""
    rows, problems = read_spec(spec)
    tasks, more = plan(rows, settings)
    if layouts:
        more += [Problem(t.where, f"{t.label} ({t.size}): {err}") for t in tasks if (err := check_task(t))]
    return tasks, problems + more


def with_config(settings: Settings, spec: Path) -> Settings:
    """bannerkit.toml beside the spec wins over the working folder's; files the spec names are
    found from its folder."""
    settings = dataclasses.replace(settings, spec_dir=spec.parent)
    if settings.config_dir is None and (spec.parent / CONFIG_FILE).is_file():
        settings = dataclasses.replace(settings, config_dir=spec.parent)
    config = load_config(settings.config_dir)
    return dataclasses.replace(settings, defaults=tuple(config.spec_defaults().items()),
                               layouts_dir=settings.layouts_dir or config.layouts_dir,
                               paper=settings.paper or config.paper, campaign=config.campaign, office=config.unit)


def run_batch(spec: Path, out_dir: Path, *, settings: Settings = Settings(), workers: int | None = None,
              strict: bool = False, progress: Progress | None = None) -> Report:
    """Render every design the spec asks for into `out_dir` (one folder per unit), in `workers`
    processes (default: one per core), with a manifest, contact sheets and, with settings.book,
    the approval books. Designs already made from the same inputs are skipped, so an interrupted
    run finishes where it stopped. A row's problem is reported and the others go on, unless `strict`;
    `progress(done, total, item)` hears of each design."""
    started = time.monotonic()
    settings = with_config(settings, spec)
    tasks, problems = _check(spec, settings)
    if strict and problems:
        raise BatchError(_("stopped at the first problem (--strict): {problem}").format(problem=problems[0]))
    out_dir = prepare_folder(out_dir)
    _remove_leftovers(out_dir)
    manifest = load_manifest(out_dir)
    inside(out_dir, JOURNAL)  # the state folder, refused if it leads elsewhere
    todo = [t for t in tasks if not _up_to_date(t, manifest, out_dir, settings.book)]
    report = Report(designs=len(tasks), skipped=len(tasks) - len(todo), problems=list(problems))
    layouts = sorted({t.layout for t in tasks})
    with ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 1, initializer=start_worker,
                             initargs=(out_dir, settings, layouts)) as pool:
        unit_files = UnitFiles(pool, tasks, todo, out_dir, settings, manifest)
        try:
            _render_all(pool, todo, out_dir, strict, manifest, report, progress, unit_files)
        finally:
            _save_manifest(out_dir, spec, manifest, tasks)
        unit_files.finish()
    _save_manifest(out_dir, spec, manifest, tasks)
    report.files, report.seconds = len(manifest["files"]), time.monotonic() - started
    report.manifest = out_dir / MANIFEST
    return report


def _render_all(pool: ProcessPoolExecutor, todo: list[Task], out_dir: Path, strict: bool, manifest: dict,
                report: Report, progress: Progress | None, unit_files: UnitFiles) -> None:
    last_save = time.monotonic()
    futures = [pool.submit(render_tasks, group) for group in _groups(todo)]
    done = 0
    try:
        with (out_dir / JOURNAL).open("a", encoding="utf-8") as journal:
            for result in (r for future in as_completed(futures) for r in future.result()):
                done += 1
                task = todo[result.index]
                for entry in _record(task, result, manifest, report):
                    journal.write(json.dumps(entry, ensure_ascii=False) + "\n")
                journal.flush()
                unit_files.one_done(task)
                if progress:
                    progress(done, len(todo), task.label)
                if strict and result.error:
                    raise BatchError(_("stopped at the first problem (--strict): {where}: {error}").format(
                        where=task.where, error=result.error))
                if time.monotonic() - last_save > SAVE_EVERY_S:
                    _write_manifest(out_dir, manifest)
                    last_save = time.monotonic()
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise


def _groups(todo: list[Task]) -> list[list[tuple[int, Task]]]:
    """Designs that say the same thing at the same size, in groups of at most GROUP: one worker
    draws each text once and reuses it for every unit (the first drawing costs twice the rest)."""
    same: dict[tuple, list[tuple[int, Task]]] = {}
    for index, task in enumerate(todo):
        job = task.job
        key = (job.slogan, job.text, job.anniversary, job.event, job.headline, task.options.layout, task.options.size)
        same.setdefault(key, []).append((index, task))
    return [designs[i:i + GROUP] for designs in same.values() for i in range(0, len(designs), GROUP)]


def _record(task: Task, result: Result, manifest: dict, report: Report) -> list[dict]:
    if result.error:
        report.problems.append(Problem(task.where, f"{task.label} ({task.size}): {result.error}"))
        return []
    report.rendered += 1
    report.render_cpu_seconds += result.cpu_seconds
    report.left_out += bool(result.left_out)
    entries = [{**_entry(task, record), "left_out": list(result.left_out)} for record in result.files]
    for entry in entries:
        manifest["files"][entry["path"]] = entry
    return entries


def _entry(task: Task, record: FileRecord) -> dict:
    return {"path": record.path, "unit": task.unit, "slogan": task.job.slogan, "anniversary": task.job.anniversary,
            "event": task.job.event, "size": task.size, "layout": task.layout, "theme": task.options.theme,
            "caption": dataclasses.asdict(task.caption), "format": record.format,
            "bytes": record.bytes, "sha256": record.sha256, "fingerprint": task.fingerprint}


def _up_to_date(task: Task, manifest: dict, out_dir: Path, book: bool) -> bool:
    """Skip a design whose files are all there, from the same inputs (fingerprint) and with the
    content the manifest recorded (size and SHA-256: a file edited or damaged since is made again)."""
    for _fmt, path in task.outputs:
        entry = manifest["files"].get(path)
        target = out_dir / path
        if (entry is None or entry["fingerprint"] != task.fingerprint or not target.is_file()
                or target.is_symlink() or target.stat().st_size != entry["bytes"]
                or hashlib.sha256(target.read_bytes()).hexdigest() != entry["sha256"]):
            return False
    extras = [task.thumbnail] + ([task.book_pdf] if book else [])
    return all((out_dir / extra).is_file() for extra in extras)


def _remove_leftovers(out_dir: Path) -> None:
    """Hidden temporary files of an interrupted run (write_atomic's '.name.xxxx.part')."""
    for leftover in out_dir.rglob(".*.part"):
        leftover.unlink(missing_ok=True)


def load_manifest(out_dir: Path) -> dict:
    """The last manifest, with what an interrupted run journalled after it."""
    entries: list = []
    try:
        saved = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        listed = saved.get("files", []) if isinstance(saved, dict) else None
        entries = list(listed) if isinstance(listed, list) else [None]
    except FileNotFoundError:
        pass
    except (OSError, ValueError):
        entries = [None]  # unreadable: counted as damaged below
    try:
        lines = (out_dir / JOURNAL).read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    for line in lines[:-1]:
        entries.append(_json_or_none(line))
    if lines:
        last = _json_or_none(lines[-1])  # the last line of a killed run may be cut short: not damage
        entries += [last] if last is not None else []
    files = {e["path"]: e for e in entries if _well_formed(e)}
    damaged = sum(not _well_formed(e) for e in entries)
    if damaged:
        log.warning(_("%s entries of the manifest or journal in %s were damaged and are ignored; their designs "
                      "are made again"), damaged, out_dir)
    return {"files": files}


MANIFEST_FIELDS = {"path": str, "fingerprint": str, "bytes": int, "sha256": str}


def _well_formed(entry: object) -> bool:
    return isinstance(entry, dict) and all(isinstance(entry.get(k), t) for k, t in MANIFEST_FIELDS.items())


def _json_or_none(line: str) -> object:
    try:
        return json.loads(line)
    except ValueError:
        return None


def _save_manifest(out_dir: Path, spec: Path, manifest: dict, tasks: list[Task]) -> None:
    """Keep only the files this spec asks for, in the spec's order; the journal is then spent."""
    wanted = [path for task in tasks for _fmt, path in task.outputs]
    manifest["files"] = {p: manifest["files"][p] for p in wanted if p in manifest["files"]}
    manifest["spec"] = spec.name
    _write_manifest(out_dir, manifest)
    (out_dir / JOURNAL).unlink(missing_ok=True)


def _write_manifest(out_dir: Path, manifest: dict) -> None:
    data = {"bannerkit": __version__, "spec": manifest.get("spec", ""),
            "files": list(manifest["files"].values()), "contact_sheets": manifest.get("contact_sheets", []),
            "books": manifest.get("books", [])}
    write_atomic(out_dir / MANIFEST, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


class UnitFiles:
    """A contact sheet (and with --book one PDF) per unit, made in the pool as soon as the unit's
    last design is done, so they overlap with the rendering of the next units."""

    def __init__(self, pool: ProcessPoolExecutor, tasks: list[Task], todo: list[Task], out_dir: Path,
                 settings: Settings, manifest: dict) -> None:
        self.pool, self.out_dir, self.settings, self.manifest = pool, out_dir, settings, manifest
        self.book = settings.book
        self.by_unit: dict[str, list[Task]] = {}
        for task in tasks:
            self.by_unit.setdefault(task.unit_slug, []).append(task)
        self.waiting = Counter(t.unit_slug for t in todo)
        self.made: set[str] = set()
        self.jobs: list = []

    def one_done(self, task: Task) -> None:
        self.waiting[task.unit_slug] -= 1
        if self.waiting[task.unit_slug] == 0:
            self._make(task.unit_slug, changed=True)

    def finish(self) -> None:
        """Units with nothing to render still get their sheet and book if they are missing."""
        for slug in self.by_unit:
            if slug not in self.made:
                self._make(slug, changed=False)
        for job in self.jobs:
            job.result()
        slugs = list(self.by_unit)
        self.manifest["contact_sheets"] = [f"{s}/contact-sheet.{fmt}" for s in slugs for fmt in ("png", "pdf")
                                           if (self.out_dir / s / f"contact-sheet.{fmt}").is_file()]
        self.manifest["books"] = [f"{s}/{s}-book.pdf" for s in slugs
                                  if self.book and (self.out_dir / s / f"{s}-book.pdf").is_file()]

    def _make(self, slug: str, changed: bool) -> None:
        self.made.add(slug)
        done = [t for t in self.by_unit[slug] if all(p in self.manifest["files"] for _f, p in t.outputs)]
        sheet, pdf = f"{slug}/contact-sheet", f"{slug}/{slug}-book.pdf"
        if done and (changed or not (self.out_dir / f"{sheet}.png").is_file()):
            tiles = [(t.thumbnail, f"{t.caption.what} · {t.caption.size_label}\n{t.name}") for t in done]
            self.jobs.append(self.pool.submit(write_sheet, tiles, sheet))
        if self.book and done and (changed or not (self.out_dir / pdf).is_file()):
            cover = Cover(done[0].unit, self.settings.campaign, self.settings.office)
            pages = [book_page(t.book_pdf, t.caption, t.options.look, [p for _f, p in t.outputs], slug) for t in done]
            self.jobs.append(self.pool.submit(write_book, cover, pages, pdf, self.settings.paper or "a4"))
