"""Run the LED outputs: a scrolling marquee of one slogan (led-scroll) and a playlist video of
several slogans (led-playlist); their frames come from the one render path like every still."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from .batch.spec import parse_ids
from .catalogue import load_catalogue
from .design import lay_out
from .errors import CatalogueError, LayoutError, OptionError
from .formats import paint_image
from .i18n import _
from .job import Job
from .layout import load_layout
from .motion import (
    MOTION_FORMATS,
    check_timing,
    encode_motion,
    frame_count,
    marquee_frames,
    marquee_step,
    playlist_frames,
)
from .options import DEFAULT_OUT_DIR, RenderOptions
from .output import file_name, prepare_folder, write_atomic
from .progress import Report, counted

DEFAULT_FPS = 25  # 40 ms a frame: GIF can time it exactly
SCROLL_OPTIONS = RenderOptions(size="led:P10:16x2mod", layout="led-strip")
PLAYLIST_OPTIONS = RenderOptions(size="led-1920x1080", layout="led")


def scroll(job: Job, options: RenderOptions = SCROLL_OPTIONS, *, speed: float = 60, fps: int = DEFAULT_FPS,
           formats: tuple[str, ...] = ("gif", "mp4"), out_dir: Path = DEFAULT_OUT_DIR,
           output: Path | None = None, progress: Report | None = None) -> list[Path]:
    """One line of text moving across the board at `speed` pixels a second, looping seamlessly:
    one file per format in `out_dir`, or `output` exactly (its extension names the one format).
    `progress` hears of every frame encoded."""
    if output is not None:
        formats = (_one_format(output, formats),)
    chosen = [_motion_format(f) for f in dict.fromkeys(formats)]
    if not load_layout(options.layout, options.layouts_dir).strip:
        raise LayoutError(_("led-scroll needs a strip layout (one line as long as the text), such as led-strip"))
    design = lay_out(job, dataclasses.replace(options, formats=("png",)))
    folder = prepare_folder(output.parent if output is not None else out_dir)
    board = design.preset.width_px, design.preset.height_px
    frames = marquee_frames(paint_image(design), board[0], marquee_step(speed, fps))
    stem = f"{design.prepared.stem}_scroll"
    written, total = [], len(frames) * len(chosen)
    for index, fmt in enumerate(chosen):
        target = output or folder / file_name(stem, design.preset.name, options.look, fmt)
        encoded = encode_motion(fmt, counted(frames, total, progress, fmt, index * len(frames)), board, fps)
        written.append(write_atomic(target, encoded))
    return written


def playlist(slogans: list[int], options: RenderOptions = PLAYLIST_OPTIONS, *, seconds: float = 8,
             fade: float = 0.5, fps: int = DEFAULT_FPS, output: Path | None = None,
             out_dir: Path = DEFAULT_OUT_DIR, progress: Report | None = None) -> Path:
    """One MP4 showing each slogan for `seconds`, with `fade`-second blends between them;
    `progress` hears of every frame encoded."""
    if not slogans:
        raise CatalogueError(_("give the slogans to play, like --slogans 1-10"))
    check_timing(seconds, fade)
    still_options = dataclasses.replace(options, formats=("png",))
    designs = [lay_out(Job(slogan=n), still_options) for n in slogans]
    preset = designs[0].preset
    target = output or prepare_folder(out_dir) / (
        f"playlist-{slogans[0]:02d}-{slogans[-1]:02d}_{preset.name}_{options.look}.mp4")
    if output is not None:
        prepare_folder(output.parent)
    stills = [paint_image(design).convert("RGB") for design in designs]
    total = frame_count(len(stills), seconds, fps)
    frames = counted(playlist_frames(stills, seconds, fade, fps), total, progress, "mp4")
    return write_atomic(target, encode_motion("mp4", frames, (preset.width_px, preset.height_px), fps))


def slogan_ids(text: str) -> list[int]:
    """'1-10' or '28,29,30' in the order given, each checked against the catalogue."""
    valid = [s.id for s in load_catalogue().slogans]
    try:
        ids = parse_ids(text, valid)
    except ValueError as exc:
        raise CatalogueError(_("--slogans {text!r}: {part!r} is not a number or a range; write them like 1-10 or "
                               "28,29,30").format(text=text, part=str(exc))) from None
    return ids


def _one_format(output: Path, formats: tuple[str, ...]) -> str:
    """The format of an exact output file: its extension, which any format given must match."""
    given = {_motion_format(f) for f in formats} if formats else set()
    suffix = _motion_format(output.suffix) if output.suffix else None
    if suffix is None or (given and given != {suffix}):
        raise OptionError(_("--output {path} needs one format, given by its extension ({choices})").format(
            path=str(output), choices=", ".join(MOTION_FORMATS)))
    return suffix


def _motion_format(fmt: str) -> str:
    fmt = fmt.lower().lstrip(".")
    if fmt not in MOTION_FORMATS:
        raise OptionError(_("unknown format {fmt!r} for moving pictures; choose one of: {choices}").format(
            fmt=fmt, choices=", ".join(MOTION_FORMATS)))
    return fmt
