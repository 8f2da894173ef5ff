"""The `bannerkit` command: parse options, call the library, print the result or one error line.

Heavy engines (WeasyPrint, PyAV, Starlette, uvicorn, watchfiles, pypdf) are imported inside the
commands that use them, so `bannerkit --help`, `slogans` and `sizes` start at once.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from . import __version__, completion
from .errors import BannerkitError, OptionError
from .formats import choices as format_choices
from .i18n import _, in_language, set_language
from .images import image_slots
from .options import (
    DEFAULT_FORMATS,
    DEFAULT_LAYOUT,
    DEFAULT_OUT_DIR,
    DEFAULT_SIZE,
    RenderOptions,
    parse_length,
    parse_scale,
)
from .usage import Command, Group

if TYPE_CHECKING:
    from .catalogue import Entry
    from .config import OfficeConfig
    from .job import Job

EXIT_USER_ERROR = 1  # bad input: one line saying what to do (click's usage errors exit 2)
EXIT_BUG = 70  # an internal error (EX_SOFTWARE): a bug in bannerkit
_state = {"debug": False}


class Commands(Group):
    """Every command runs inside this group, so errors become one line whether the command is run
    from a terminal or from Typer's CliRunner in a test: a BannerkitError exits 1, a bug 70."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except BannerkitError as exc:
            typer.echo(_("error: {message}").format(message=exc), err=True)
            raise typer.Exit(EXIT_USER_ERROR) from None
        except (typer.TyperException, typer.Exit, typer.Abort, BrokenPipeError):
            raise  # usage errors (exit 2), --help, explicit exits; output piped into `head`
        except Exception as exc:
            if _state["debug"]:
                raise
            typer.echo(_("internal error ({kind}: {message}); this is a bug in bannerkit: run the same command "
                         "with --debug first (bannerkit --debug COMMAND ...) to see the traceback, and report it").format(
                kind=type(exc).__name__, message=exc), err=True)
            raise typer.Exit(EXIT_BUG) from None


app = typer.Typer(
    cls=Commands,
    help=_("Turn Vietnam's official slogans into print-ready panels, banners, posters and LED images.\n\n"
           "Example: bannerkit render --slogan 5 --size pano-3x6"),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)


def command(name: str | None = None, **settings: Any) -> Any:
    """app.command with Click's own words translated (usage.Command)."""
    return app.command(name, cls=Command, **settings)


class Kind(StrEnum):
    slogan = "slogan"
    theme = "theme"
    anniversary = "anniversary"


class _Notes(logging.Handler):
    """What the library reports it changed (a legacy encoding converted), as 'note: ...' lines."""

    def emit(self, record: logging.LogRecord) -> None:
        typer.echo(_("note: {message}").format(message=record.getMessage()), err=True)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"bannerkit {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", "-V", callback=_show_version, is_eager=True,
                                          help=_("Print the version and exit."))] = False,
    debug: Annotated[bool, typer.Option("--debug", help=_("Show the full traceback of an internal error."))] = False,
    lang: Annotated[str | None, typer.Option("--lang", help=_(
        "Language of messages and help: vi (Vietnamese, the default) or en; also $BANNERKIT_LANG."))] = None,
) -> None:
    _state["debug"] = debug
    if lang:
        set_language(lang)
    if ctx.invoked_subcommand not in ("init", "doctor"):  # doctor reports a broken bannerkit.toml itself
        from .config import command_defaults, load_config

        ctx.obj = load_config()  # the folder's settings, read once; commands find them in ctx.obj
        ctx.default_map = command_defaults(ctx.obj)
    logger = logging.getLogger("bannerkit")
    if not any(isinstance(h, _Notes) for h in logger.handlers):
        logger.addHandler(_Notes())
    logger.setLevel(logging.WARNING)


def _examples(*lines: str) -> str:
    """An epilog Click prints as written (the \\b line stops it re-wrapping)."""
    return "\b\n" + _("Examples:") + "\n" + "\n".join(f"  {line}" for line in lines)


# Options shared by several commands; each maps onto a field of RenderOptions (options.NAMES).
Size = Annotated[str, typer.Option(autocompletion=completion.size_names, help=_("Size preset (see 'bannerkit sizes') or a custom size: 2500x1200mm, 640x320px."))]
Layout = Annotated[str, typer.Option(autocompletion=completion.layout_names, help=_("Layout name (see 'bannerkit layouts')."))]
Dpi = Annotated[float | None, typer.Option(help=_("Raster density; default follows the viewing distance."))]
Upper = Annotated[bool | None, typer.Option("--upper/--no-upper", help=_("Upper-case the text; default: as the layout says."))]
LedColors = Annotated[str, typer.Option(help=_("LED boards: full, red (single colour) or tricolor (red, green, yellow); "
                                               "no anti-aliasing on red and tricolor."))]
LayoutsDir = Annotated[Path | None, typer.Option(help=_("A folder of your own layout files."))]
Theme = Annotated[str | None, typer.Option(autocompletion=completion.theme_names, help=_("Colours and finish (see 'bannerkit themes'); default: the layout's."))]
Images = Annotated[list[str] | None, typer.Option("--image", help=_(
    "An image for one of the layout's slots, as SLOT=FILE, e.g. portrait=bac-ho.jpg (PNG or JPEG); repeat for more."))]
SizesFile = Annotated[Path | None, typer.Option(
    "--sizes-file", help=_("A TOML file of your own size presets (also $BANNERKIT_SIZES)."))]
PhrasesFile = Annotated[Path | None, typer.Option(
    help=_("Your own phrases never to split across lines (also $BANNERKIT_PHRASES)."))]
OutDir = Annotated[Path, typer.Option(help=_("Folder for the files."))]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help=_("Print nothing but errors."))]
AsJson = Annotated[bool, typer.Option("--json", help=_("Print a JSON summary of the files written, for scripts."))]
STDOUT = Path("-")
SloganNumber = Annotated[int | None, typer.Option("--slogan", "-s", autocompletion=completion.slogan_ids, help=_("Slogan number, 1–30 (see 'bannerkit slogans')."))]
OwnText = Annotated[str | None, typer.Option("--text", "-t", help=_("Your own text instead of a catalogue slogan."))]


@command(help=_("Render a slogan, your own text, a congress banner or an anniversary panel as a PNG to look at and a PDF to print (PDF/X-4, CMYK, with bleed)."), epilog=_examples(
    "bannerkit render --slogan 5 --size pano-3x6",
    "bannerkit render --slogan 28 --size a3 --format pdf",
    "bannerkit render --slogan 2 --size 2500x1200mm --output panel.png",
    'bannerkit render --text "Chào mừng Đại hội Đảng bộ phường" --size bangron-1x6 --no-upper',
    'bannerkit render --layout congress --event "Đại hội đại biểu Đảng bộ quận Ninh Kiều lần thứ XIII, '
    'nhiệm kỳ 2025 - 2030" --unit "Quận ủy Ninh Kiều" --size bangron-1x8',
    "bannerkit render --layout anniversary --anniversary dang-95 --size pano-4x8",
    "bannerkit render --slogan 5 --size a2 --layout poster --qr doc --unit \"Quận ủy Ninh Kiều\" --qr-track",
    "bannerkit render --layout anniversary-panel --anniversary bac-ho-135 --image portrait=bac-ho.jpg --theme red-gold",
))
def render(
    ctx: typer.Context,
    slogan: SloganNumber = None,
    text: OwnText = None,
    size: Size = DEFAULT_SIZE,
    layout: Layout = DEFAULT_LAYOUT,
    theme: Theme = None,
    image: Images = None,
    fmt: Annotated[str | None, typer.Option("--format", "-f", help=_(
        "One of: {choices}; default: from --output, else both PNG and PDF.").format(choices=format_choices()))] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help=_(
        "Write exactly this file; - writes to standard output (give --format)."))] = None,
    out_dir: Annotated[Path, typer.Option(help=_("Folder for the files, named like slogan-05_pano-3x6_classic.png."))] = DEFAULT_OUT_DIR,
    anniversary: Annotated[str | None, typer.Option(help=_("An anniversary id, e.g. dang-95 (see 'bannerkit slogans --kind anniversary')."))] = None,
    headline: Annotated[str | None, typer.Option(help=_("Headline for layouts that show one, e.g. \"Nhiệt liệt chào mừng\"."))] = None,
    unit: Annotated[str | None, typer.Option(help=_("The issuing unit, e.g. \"Quận ủy Ninh Kiều\"."))] = None,
    event: Annotated[str | None, typer.Option(help=_("The congress or event name for the congress and anniversary layouts."))] = None,
    date: Annotated[str | None, typer.Option(help=_("The date line for the poster; default: today."))] = None,
    qr: Annotated[str | None, typer.Option(help=_("QR code: 'doc' (the slogan's source document, see 'bannerkit documents'), a web address, or 'none'."))] = None,
    qr_track: Annotated[bool, typer.Option("--qr-track", help=_("Add ?unit=<unit> to the QR address, to count scans per unit."))] = False,
    dpi: Dpi = None,
    upper_case: Upper = None,
    led_colors: LedColors = "full",
    bleed: Annotated[float | None, typer.Option(help=_("PDF: how far the field runs past the trim, in mm; default by kind: posters 3, panels 50, banners and pennants 30, screens 0."))] = None,
    marks: Annotated[bool, typer.Option("--marks", help=_("PDF: crop and registration marks outside the bleed."))] = False,
    user_unit: Annotated[bool, typer.Option("--user-unit", help=_("PDF: write pages over 200 inches (5.08 m) at 1:k with /UserUnit k, for Acrobat; default: the true size, which every other tool reads."))] = False,
    scale: Annotated[str, typer.Option(help=_("1:10 writes a tenth-size file, as print shops take large panels (the PDF drawn at 1:10, rasters declaring ten times the density); the scale goes into the file name."))] = "1:1",
    tile: Annotated[str | None, typer.Option(help=_("PDF: a roll's width, e.g. 3.2m: a design whose shorter side is wider becomes numbered strips, one page each."))] = None,
    overlap: Annotated[str, typer.Option(help=_("How much the strips of --tile overlap, e.g. 50mm."))] = "50mm",
    finish: Annotated[bool, typer.Option("--finish", help=_("PDF: mark the hem folds and grommets (banners, panels: one every 50 cm) or the pole sleeve (pennants) in the bleed."))] = False,
    outline: Annotated[bool, typer.Option("--outline", help=_("PDF: text as outlines (curves), for print shops without the fonts; the text is then not searchable."))] = False,
    layouts_dir: LayoutsDir = None,
    sizes_file: SizesFile = None,
    phrases_file: PhrasesFile = None,
    quiet: Quiet = False,
    as_json: AsJson = False,
) -> None:
    from .job import Job
    from .pipeline import render as render_files

    job = Job(slogan=slogan, text=text, anniversary=anniversary, headline=headline, unit=unit,
              event=event, date=date, qr=qr, qr_track=qr_track, images=image_slots(image or []))
    options = RenderOptions(size=size, layout=layout, theme=theme, dpi=dpi, upper=upper_case, led_colors=led_colors,
                            bleed=bleed, marks=marks, user_unit=user_unit, outline=outline, scale=parse_scale(scale),
                            tile=parse_length(tile, "--tile") if tile else 0.0, overlap=parse_length(overlap, "--overlap"),
                            finish=finish,
                            layouts_dir=layouts_dir, sizes_file=sizes_file, phrases_file=phrases_file,
                            formats=_formats(fmt, output, ctx.obj))
    if output == STDOUT:
        _render_to_stdout(job, options, fmt, as_json)
        return
    _report_files(render_files(job, options, output=output, out_dir=out_dir), quiet, as_json)


def _formats(fmt: str | None, output: Path | None, config: OfficeConfig) -> tuple[str, ...]:
    """--format, else --output's extension, else the office's formats (bannerkit.toml), else PNG and PDF."""
    if fmt:
        return (fmt,)
    if output and output.suffix:
        return (output.suffix,)
    return config.formats or DEFAULT_FORMATS


def _render_to_stdout(job: Job, options: RenderOptions, fmt: str | None, as_json: bool) -> None:
    """-o -: the one file's bytes on standard output, for a pipe (nothing else is printed there)."""
    from .design import produce

    if not fmt or as_json:
        raise OptionError(_("-o - writes one file to standard output: give its --format (png, pdf, ...), "
                            "and no --json"))
    stream = typer.get_binary_stream("stdout")
    stream.write(produce(job, options)[0].data)
    stream.flush()


def _report_files(paths: list[Path], quiet: bool, as_json: bool) -> None:
    """The files written: one per line, or a JSON summary, or nothing (--quiet)."""
    if as_json:
        files = [{"path": str(p), "format": p.suffix.lstrip(".").lower(), "bytes": p.stat().st_size} for p in paths]
        typer.echo(json.dumps({"files": files}, ensure_ascii=False, indent=2))
    elif not quiet:
        for path in paths:
            typer.echo(str(path))


@command(help=_("Start an office's working folder: bannerkit.toml (your unit, documents' address, default sizes, formats, theme), an example spreadsheet of your units (don-vi.xlsx and don-vi.csv, Vietnamese headers) and layouts/ with copies of the layouts and themes to edit. Files already there are kept."),
         epilog=_examples('bannerkit init ninh-kieu --unit "Ban Tuyên giáo Quận ủy Ninh Kiều" --units "Phường Cái Khế; Phường An Hòa"',
                          "bannerkit init --units don-vi.txt --doc-url https://tuyengiao.cantho.gov.vn/van-ban/"))
def init(
    folder: Annotated[Path, typer.Argument(help=_("The folder to start; default: this one."))] = Path("."),
    unit: Annotated[str | None, typer.Option(help=_("Your office, e.g. \"Ban Tuyên giáo Quận ủy Ninh Kiều\"."))] = None,
    units: Annotated[str | None, typer.Option(help=_("The units to make designs for: names separated by ';', or a text file with one a line."))] = None,
    doc_url: Annotated[str, typer.Option(help=_("The web address where your office publishes the source documents (QR codes link there)."))] = "",
    sizes: Annotated[str | None, typer.Option(help=_("Default sizes, separated by commas."))] = None,
    formats: Annotated[str | None, typer.Option(help=_("Default formats, separated by commas."))] = None,
    theme: Theme = None,
    paper: Annotated[str, typer.Option(help=_("The approval book's paper: a4 or a3."))] = "a4",
) -> None:
    from .office import Office, init_folder, parse_units

    office = Office()
    changes: dict[str, Any] = {"base_url": doc_url, "paper": paper.lower()}
    if unit:
        changes["unit"] = unit
    if units:
        changes["units"] = parse_units(units)
    if sizes:
        changes["sizes"] = tuple(s.strip() for s in sizes.split(",") if s.strip())
    if formats:
        changes["formats"] = tuple(f.strip() for f in formats.split(",") if f.strip())
    if theme:
        changes["theme"] = theme
    written, kept = init_folder(folder, dataclasses.replace(office, **changes))
    for path in written:
        typer.echo(_("created {path}").format(path=str(path)))
    if kept:
        typer.echo(_("kept {count} files that were already there").format(count=len(kept)))
    typer.echo(_("next: edit {settings} and {spec}, then run: cd {folder} && bannerkit batch {spec} --book").format(
        settings="bannerkit.toml", spec="don-vi.xlsx", folder=str(folder)))


@command(help=_("Check this machine and this folder: fonts, the PDF engine's system libraries, optional parts and the folder's bannerkit.toml; says what to fix."),
         epilog=_examples("bannerkit doctor"))
def doctor() -> None:
    from .doctor import FAIL, WARN, run_checks

    checks = run_checks(Path.cwd())
    marks = {FAIL: "✗", WARN: "!"}
    for check in checks:
        typer.echo(f"{marks.get(check.status, '✓')} {check.name}: {check.detail}")
    failed = sum(c.status == FAIL for c in checks)
    typer.echo(_("{failed} problems to fix").format(failed=failed) if failed else _("ready to work"))
    if failed:
        raise typer.Exit(EXIT_USER_ERROR)


@command(help=_("Write the approval books again from a batch's output folder, without rendering: one PDF per unit with a cover, the designs with their captions, and a place to sign."),
         epilog=_examples("bannerkit book output", "bannerkit book output/units --paper a3"))
def book(
    ctx: typer.Context,
    out_dir: Annotated[Path, typer.Argument(help=_("The folder a batch wrote (its --out-dir)."))] = DEFAULT_OUT_DIR,
    paper: Annotated[str | None, typer.Option(help=_("a4 or a3; default: bannerkit.toml's, else a4."))] = None,
) -> None:
    from .batch.books import write_books

    config = ctx.obj
    for path in write_books(out_dir, _paper(paper) or config.paper, config):
        typer.echo(str(path))


def _paper(paper: str | None) -> str | None:
    from .config import PAPERS

    if paper is not None and paper.lower() not in PAPERS:
        raise OptionError(_("--paper {value!r}: use a4 or a3").format(value=paper))
    return paper.lower() if paper else None


@command(help=_("List the official slogans (or the major themes, or the 2025 anniversaries)."), epilog=_examples('bannerkit slogans --search "chuyen doi so"', "bannerkit slogans --kind theme --json"))
def slogans(
    search: Annotated[str | None, typer.Option(help=_("Words to find, with or without diacritics."))] = None,
    kind: Annotated[Kind, typer.Option(help=_("What to list."))] = Kind.slogan,
    as_json: Annotated[bool, typer.Option("--json", help=_("Print a JSON array."))] = False,
) -> None:
    from .catalogue import load_catalogue

    catalogue = load_catalogue()
    lists: dict[Kind, tuple[Entry, ...]] = {Kind.slogan: catalogue.slogans, Kind.theme: catalogue.themes,
                                            Kind.anniversary: catalogue.anniversaries}
    entries = lists[kind]
    found = catalogue.search(search, entries) if search else list(entries)
    if as_json:
        typer.echo(json.dumps([_entry_json(e, kind) for e in found], ensure_ascii=False, indent=2))
        return
    for entry in found:
        typer.echo(f"{entry.id!s:>3}  {entry.text}")
    if search and not found:
        typer.echo(_("nothing matches {query!r}").format(query=search), err=True)


@command(help=_("Render a full set of designs for every unit of a spec (Excel, LibreOffice, CSV, YAML or TOML): parallel, resumable, with a manifest.\n\nColumns: unit, slogans (1-5, 8, 28), sizes, formats, layout, theme, images, qr_url (an address or 'doc'), qr_track, headline, event, anniversary, date, phrases, and the render options (dpi, upper, led_colors, bleed, marks, scale...). Vietnamese headers (Đơn vị, Khẩu hiệu, Kích thước...) and title rows above the header are fine. A second run renders only what changed."), epilog=_examples(
    "bannerkit batch examples/cantho-quan-huyen-uy.csv --out-dir output/cantho",
    "bannerkit batch units.xlsx --check",
    "bannerkit batch units.xlsx --out-dir output/units --jobs 2 --book",
))
def batch(
    spec: Annotated[Path, typer.Argument(help=_("The spec: an Excel (.xlsx), CSV, YAML or TOML file, one row per unit."))],
    out_dir: Annotated[Path, typer.Option(help=_("Folder for the designs, one subfolder per unit."))] = DEFAULT_OUT_DIR,
    jobs: Annotated[int | None, typer.Option(help=_("Designs rendered at once; default: one per processor core."), min=1)] = None,
    check_only: Annotated[bool, typer.Option("--check", help=_("Only check the spec and list every problem; render nothing."))] = False,
    strict: Annotated[bool, typer.Option(help=_("Stop at the first problem instead of finishing the other rows."))] = False,
    book: Annotated[bool, typer.Option(help=_("Also write each unit's approval book: a PDF with a cover, one design a page with its caption, and a place to sign."))] = False,
    paper: Annotated[str | None, typer.Option(help=_("The approval book's paper: a4 or a3; default: bannerkit.toml's, else a4."))] = None,
    layouts_dir: LayoutsDir = None,
    sizes_file: SizesFile = None,
    phrases_file: PhrasesFile = None,
    quiet: Quiet = False,
    as_json: AsJson = False,
) -> None:
    from .batch import Settings, check, run_batch
    from .progress import progress_bar

    settings = Settings(layouts_dir=layouts_dir, sizes_file=sizes_file, phrases_file=phrases_file, book=book,
                        paper=_paper(paper))
    if check_only:
        tasks, problems = check(spec, settings, layouts=True)
        for problem in problems:
            typer.echo(str(problem), err=True)
        typer.echo(_("{designs} designs for {units} units; {problems} problems").format(
            designs=len(tasks), units=len({t.unit_slug for t in tasks}), problems=len(problems)))
        raise typer.Exit(EXIT_USER_ERROR if problems else 0)
    try:
        with progress_bar(show=not (quiet or as_json)) as progress:
            report = run_batch(spec, out_dir, settings=settings, workers=jobs, strict=strict, progress=progress)
    except KeyboardInterrupt:
        typer.echo(_("interrupted; no half-written file was left. Run the same command again to finish."), err=True)
        raise typer.Exit(130) from None
    for problem in report.problems:
        typer.echo(str(problem), err=True)
    if as_json:
        typer.echo(json.dumps(_batch_json(report), ensure_ascii=False, indent=2))
    elif not quiet:
        _batch_summary(report, out_dir)
    if report.problems:
        raise typer.Exit(EXIT_USER_ERROR)


def _batch_summary(report: Any, out_dir: Path) -> None:
    if report.left_out:
        typer.echo(_("note: {count} designs left out an optional block for want of room; the manifest names "
                     "them under left_out").format(count=report.left_out), err=True)
    typer.echo(_("{rendered} designs rendered, {skipped} up to date, {failed} problems; {files} files in {out} "
                 "({seconds:.1f} s, {rate:.1f} designs/s); manifest: {manifest}").format(
        rendered=report.rendered, skipped=report.skipped, failed=len(report.problems), files=report.files,
        out=str(out_dir), seconds=report.seconds, rate=report.rendered / max(report.seconds, 1e-9),
        manifest=str(report.manifest)))


def _batch_json(report: Any) -> dict[str, Any]:
    """The run's counts, its problems and every file the manifest lists (with unit and format)."""
    manifest = json.loads(report.manifest.read_text(encoding="utf-8")) if report.manifest else {}
    folder = report.manifest.parent if report.manifest else Path()
    files = [{"path": str(folder / e["path"]), **{k: e[k] for k in ("unit", "format", "size") if k in e}}
             for e in manifest.get("files", [])]
    return {"designs": report.designs, "rendered": report.rendered, "skipped": report.skipped,
            "seconds": round(report.seconds, 3), "left_out": report.left_out,
            "problems": [{"where": p.where, "message": p.message} for p in report.problems],
            "manifest": str(report.manifest) if report.manifest else None, "files": files,
            "books": [str(folder / b) for b in manifest.get("books", [])]}


@command("led-scroll", help=_("Render one slogan as a one-line marquee (chạy chữ) at the board's pixel size, looping seamlessly."), epilog=_examples(
    "bannerkit led-scroll --slogan 5 --size led:P10:5x1m --speed 60",
    "bannerkit led-scroll --slogan 28 --size led:P10:16x2mod --led-colors red --format gif",
))
def led_scroll(
    slogan: SloganNumber = None,
    text: OwnText = None,
    size: Annotated[str, typer.Option(help=_("The board: a preset or led:P10:5x1m / led:P10:16x2mod (see 'bannerkit sizes --help')."))] = "led:P10:16x2mod",
    speed: Annotated[float, typer.Option(help=_("Pixels per second."), min=1)] = 60,
    fps: Annotated[int, typer.Option(help=_("Frames per second (25 suits GIF)."), min=1, max=120)] = 25,
    fmt: Annotated[list[str] | None, typer.Option("--format", "-f", help=_("gif, mp4 or webp; repeat for several (default: gif and mp4)."))] = None,
    led_colors: LedColors = "full",
    upper_case: Upper = None,
    layout: Annotated[str, typer.Option(help=_("A strip layout."))] = "led-strip",
    output: Annotated[Path | None, typer.Option("--output", "-o", help=_(
        "Write exactly this file (.gif, .mp4 or .webp)."))] = None,
    out_dir: OutDir = DEFAULT_OUT_DIR,
    layouts_dir: LayoutsDir = None,
    sizes_file: SizesFile = None,
    phrases_file: PhrasesFile = None,
) -> None:
    from . import led
    from .job import Job

    options = RenderOptions(size=size, layout=layout, upper=upper_case, led_colors=led_colors,
                            layouts_dir=layouts_dir, sizes_file=sizes_file, phrases_file=phrases_file)
    from .progress import progress_bar

    formats = tuple(fmt or (() if output else ("gif", "mp4")))
    with progress_bar(_("frames")) as progress:
        paths = led.scroll(Job(slogan=slogan, text=text), options, speed=speed, fps=fps, formats=formats,
                           out_dir=out_dir, output=output, progress=progress)
    for path in paths:
        typer.echo(str(path))


@command("led-playlist", help=_("Make one MP4 video that shows each slogan in turn, with a short fade, for LED controllers."), epilog=_examples(
    "bannerkit led-playlist --slogans 1-10 --size led-1920x1080 --seconds 8",
    "bannerkit led-playlist --slogans 28,29,30 --size led:P4:3.84x2.16m --output ledplay.mp4",
))
def led_playlist(
    slogans: Annotated[str, typer.Option(help=_("Slogans in order, like 1-10 or 28,29,30."))],
    size: Annotated[str, typer.Option(help=_("The screen: a preset or led:P4:3.84x2.16m."))] = "led-1920x1080",
    seconds: Annotated[float, typer.Option(help=_("Seconds each slogan shows, fade included."))] = 8,
    fade: Annotated[float, typer.Option(help=_("Seconds of fade between slogans."))] = 0.5,
    fps: Annotated[int, typer.Option(help=_("Frames per second."), min=1, max=120)] = 25,
    layout: Annotated[str, typer.Option(help=_("Layout of each slogan."))] = "led",
    led_colors: LedColors = "full",
    upper_case: Upper = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help=_("Write exactly this MP4 file."))] = None,
    out_dir: OutDir = DEFAULT_OUT_DIR,
    layouts_dir: LayoutsDir = None,
    sizes_file: SizesFile = None,
    phrases_file: PhrasesFile = None,
) -> None:
    from . import led

    options = RenderOptions(size=size, layout=layout, upper=upper_case, led_colors=led_colors,
                            layouts_dir=layouts_dir, sizes_file=sizes_file, phrases_file=phrases_file)
    from .progress import progress_bar

    ids = led.slogan_ids(slogans)
    with progress_bar(_("frames")) as progress:
        path = led.playlist(ids, options, seconds=seconds, fade=fade, fps=fps, output=output, out_dir=out_dir,
                            progress=progress)
    typer.echo(str(path))


@command(help=_("Serve a live preview on this computer only: one design at several sizes side by side, refreshed when a layout, artwork or the catalogue changes. Stop it with Ctrl-C. The page's address takes the render options dpi, upper, led_colors and theme; --image fills the layouts' image slots in every tile."), epilog=_examples("bannerkit preview", "bannerkit preview --layouts-dir my-layouts --port 8765",
                              "open http://127.0.0.1:8765/?slogan=28&led_colors=red"))
def preview(
    layouts_dir: Annotated[Path | None, typer.Option(help=_("A folder of your own layout files (watched for changes)."))] = None,
    port: Annotated[int, typer.Option(help=_("Port on 127.0.0.1; 0 picks a free one."), min=0, max=65535)] = 8765,
    image: Images = None,
    sizes_file: SizesFile = None,
    phrases_file: PhrasesFile = None,
) -> None:
    import socket

    from .engines import load

    uvicorn = load("uvicorn")
    load("starlette"), load("watchfiles")

    from .errors import OutputError
    from .layout import load_layout
    from .preview.app import create_app

    options = RenderOptions(layouts_dir=layouts_dir, sizes_file=sizes_file, phrases_file=phrases_file)
    load_layout(DEFAULT_LAYOUT, layouts_dir)  # a wrong folder is said now, not in every tile
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("127.0.0.1", port))
    except OSError as exc:
        raise OutputError(_("cannot listen on 127.0.0.1:{port}: {reason}; choose another --port").format(
            port=port, reason=exc.strerror)) from None
    typer.echo(_("preview: http://127.0.0.1:{port}/  (Ctrl-C to stop)").format(port=sock.getsockname()[1]))
    # Open event streams would hold a stop (Ctrl-C, SIGTERM) for ever: they get a second to close.
    app_ = create_app(options, port=sock.getsockname()[1], images=image_slots(image or []))
    config = uvicorn.Config(app_, log_level="warning", timeout_graceful_shutdown=1)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    except KeyboardInterrupt:
        pass


@command(help=_("Write the preview's overview as a contact sheet (PNG and a one-page PDF), for people who do not run a server."), epilog=_examples("bannerkit sheet --slogan 5 --layout classic",
                              "bannerkit sheet --layout congress --sizes bangron-1x8,pano-3x6,a3 --out-dir review",
                              "bannerkit sheet --gallery --out-dir review"))
def sheet(
    slogan: SloganNumber = None,
    text: OwnText = None,
    layout: Layout = DEFAULT_LAYOUT,
    theme: Theme = None,
    gallery: Annotated[bool, typer.Option("--gallery", help=_("Every layout in every theme at every shape of page, one sheet."))] = False,
    sizes: Annotated[str | None, typer.Option(help=_("Sizes, separated by commas; default: one of each shape."))] = None,
    upper_case: Upper = None,
    led_colors: LedColors = "full",
    out_dir: OutDir = DEFAULT_OUT_DIR,
    layouts_dir: LayoutsDir = None,
    sizes_file: SizesFile = None,
    phrases_file: PhrasesFile = None,
) -> None:
    from .preview.render import DEFAULT_SIZES, Request, write_overview

    options = RenderOptions(layout=layout, theme=theme, upper=upper_case, led_colors=led_colors,
                            layouts_dir=layouts_dir, sizes_file=sizes_file, phrases_file=phrases_file)
    if gallery:
        from .gallery import write_gallery

        for path in write_gallery(options, out_dir):
            typer.echo(str(path))
        return
    chosen = [s.strip() for s in sizes.split(",") if s.strip()] if sizes else list(DEFAULT_SIZES)
    for path in write_overview(Request(options, slogan=slogan, text=text), chosen, out_dir):
        typer.echo(str(path))


@command(help=_("List the documents the catalogue cites, with the address QR codes link to (--qr doc)."), epilog=_examples("bannerkit documents", "bannerkit documents --json"))
def documents(as_json: Annotated[bool, typer.Option("--json", help=_("Print a JSON array."))] = False) -> None:
    from .documents import document_url, load_documents

    rows = []
    for doc in load_documents().values():
        try:
            url = document_url(doc)
        except BannerkitError:
            url = ""
        rows.append({"id": doc.id, "citation": doc.citation(), "date": doc.date, "url": url})
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        typer.echo(f"{row['id']:<20} {row['citation']}")
        missing = _("(no address: set [documents] base_url in bannerkit.toml)")
        typer.echo(f"{'':<20} {row['url'] or missing}")


def _entry_json(entry: Entry, kind: Kind) -> dict[str, object]:
    data: dict[str, object] = {"id": entry.id, "kind": kind.value, "text": entry.text}
    for field in ("years", "start", "date"):
        if hasattr(entry, field):
            data[field] = str(getattr(entry, field))
    source = entry.source
    data["source"] = {"id": source.id, "citation": source.citation(), "issuer": source.issuer,
                      "place": source.place, "type": source.type, "title": source.title, "section": source.section}
    return data


@command(help=_("List the size presets: kind, physical size, default density and pixel size.\n\nBesides presets and custom sizes (2500x1200mm, 640x320px), an LED board is given by its pixel pitch and size: led:P10:5x3m (5 m x 3 m at 10 mm pitch = 500 x 300 px) or by modules: led:P10:16x6mod (16 x 6 modules of 32 x 16 px = 512 x 96 px)."), epilog=_examples("bannerkit sizes", "bannerkit sizes --json", "bannerkit sizes --sizes-file tinh.toml",
                              "bannerkit render --slogan 28 --size led:P10:5x3m --layout led",
                              "bannerkit render --slogan 28 --size led:P10:16x6mod --layout led --led-colors red"))
def sizes(
    as_json: Annotated[bool, typer.Option("--json", help=_("Print a JSON array."))] = False,
    sizes_file: SizesFile = None,
) -> None:
    from .sizes import load_presets

    presets = load_presets(sizes_file).values()
    if as_json:
        rows = [{"name": p.name, "kind": p.kind, "label": p.label, "width_mm": round(p.width_mm, 2),
                 "height_mm": round(p.height_mm, 2), "dpi": round(p.dpi, 2), "width_px": p.width_px,
                 "height_px": p.height_px, "viewing_distance_m": p.viewing_distance_m,
                 "pixel_native": p.pixel_native} for p in presets]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    name, kind, pixels, label = _("name"), _("kind"), _("pixels"), _("label")
    typer.echo(f"{name:<18} {kind:<9} {'mm':>15} {'dpi':>6} {pixels:>12}  {label}")
    for p in presets:
        mm = f"{p.width_mm:.0f} × {p.height_mm:.0f}"
        typer.echo(f"{p.name:<18} {p.kind:<9} {mm:>15} {p.dpi:>6.1f} {p.width_px:>5} × {p.height_px:<5} {p.label}")


@command(help=_("List the layouts with what each is for."), epilog=_examples("bannerkit layouts", "bannerkit layouts --json", "bannerkit layouts --layouts-dir my-layouts"))
def layouts(
    layouts_dir: Annotated[Path | None, typer.Option(help=_("A folder of your own layout files."))] = None,
    as_json: Annotated[bool, typer.Option("--json", help=_("Print a JSON array."))] = False,
) -> None:
    from .layout import layout_files, load_layout

    found = [load_layout(name, layouts_dir) for name in layout_files(layouts_dir)]
    if as_json:
        rows = [{"name": x.name, "description": x.description, "description_vi": x.description_vi, "file": str(x.path),
                 "slots": [b.name for b in x.blocks if b.kind == "text"]} for x in found]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for layout in found:
        typer.echo(f"{layout.name:<18} {in_language(layout.description, layout.description_vi)}")


@command(help=_("List the themes (colours and finish) with what each is for. Copy one into your layouts folder's themes/ to edit it."), epilog=_examples("bannerkit themes", "bannerkit render --slogan 5 --layout slogan-panel --theme light"))
def themes(
    layouts_dir: Annotated[Path | None, typer.Option(help=_("A folder of your own layouts (its themes/ folder)."))] = None,
    as_json: Annotated[bool, typer.Option("--json", help=_("Print a JSON array."))] = False,
) -> None:
    from .themes import load_theme, theme_files

    files = theme_files(layouts_dir)
    found = [(load_theme(name, layouts_dir), path) for name, path in files.items()]
    if as_json:
        typer.echo(json.dumps([{"name": t.name, "description": t.description, "description_vi": t.description_vi,
                                "file": str(p)} for t, p in found],
                              ensure_ascii=False, indent=2))
        return
    for theme, _path in found:
        typer.echo(f"{theme.name:<12} {in_language(theme.description, theme.description_vi)}")
