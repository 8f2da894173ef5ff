"""Run the LED outputs: a scrolling marquee of one slogan (led-scroll) and a playlist video of
several slogans (led-playlist), from the same scenes as every other render."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from .batch.spec import parse_ids
from .catalogue import load_catalogue
from .errors import OutputError
from .i18n import _
from .layout import build_scene, load_layout
from .model import SizePreset
from .motion import (ANIMATION_FORMATS, VIDEO_FORMATS, encode_animation, encode_video, marquee_frames, marquee_step,
                     playlist_frames)
from .output import file_name, prepare_folder, write_atomic
from .paint.board import check_mode, paint_board
from .paint.raster import paint_raster
from .pipeline import DEFAULT_OUT_DIR, Job, prepare
from .sizes import find_size

MOTION_FORMATS = VIDEO_FORMATS + ANIMATION_FORMATS
DEFAULT_FPS = 25  # 40 ms a frame: GIF can time it exactly


def scroll(job: Job, *, size: str, speed: float = 60, fps: int = DEFAULT_FPS, formats: tuple[str, ...] = ("gif", "mp4"),
           layout: str = "led-strip", led_colors: str = "full", out_dir: Path = DEFAULT_OUT_DIR,
           layouts_dir: Path | None = None, sizes_file: Path | None = None) -> list[Path]:
    """One line of text moving across the board at `speed` pixels a second, looping seamlessly."""
    preset, folder = find_size(size, user_file=sizes_file), prepare_folder(out_dir)
    prepared, spec = prepare(job), load_layout(layout, layouts_dir)
    if not spec.strip:
        raise OutputError(_("led-scroll needs a strip layout (one line as long as the text), such as led-strip"))
    strip = _still(build_scene(spec, preset, prepared.content), preset, led_colors)
    frames = marquee_frames(strip, preset.width_px, marquee_step(speed, fps))
    written = []
    for fmt in dict.fromkeys(_motion_format(f) for f in formats):
        data = (encode_video(iter(frames), (preset.width_px, preset.height_px), fps) if fmt in VIDEO_FORMATS
                else encode_animation(frames, fps, fmt))
        written.append(write_atomic(folder / file_name(f"{prepared.stem}_scroll", preset.name, spec.name, fmt), data))
    return written


def playlist(slogans: list[int], *, size: str, seconds: float = 8, fade: float = 0.5, fps: int = DEFAULT_FPS,
             layout: str = "led", led_colors: str = "full", output: Path | None = None,
             out_dir: Path = DEFAULT_OUT_DIR, layouts_dir: Path | None = None, sizes_file: Path | None = None) -> Path:
    """One MP4 showing each slogan for `seconds`, with `fade`-second blends between them."""
    preset, spec = find_size(size, user_file=sizes_file), load_layout(layout, layouts_dir)
    if not slogans:
        raise OutputError(_("give the slogans to play, like --slogans 1-10"))
    stills = [_still(build_scene(spec, preset, prepare(Job(slogan=n)).content), preset, led_colors).convert("RGB")
              for n in slogans]
    target = output or prepare_folder(out_dir) / f"playlist-{slogans[0]:02d}-{slogans[-1]:02d}_{preset.name}_{spec.name}.mp4"
    if output is not None:
        prepare_folder(output.parent)
    data = encode_video(playlist_frames(stills, seconds, fade, fps), (preset.width_px, preset.height_px), fps)
    return write_atomic(target, data)


def slogan_ids(text: str) -> list[int]:
    """'1-10' or '28,29,30' in the order given, each checked against the catalogue."""
    valid = [s.id for s in load_catalogue().slogans]
    try:
        ids = parse_ids(text, valid)
    except ValueError as exc:
        raise OutputError(_("--slogans {text!r}: {part!r} is not a number or a range; write them like 1-10 or "
                            "28,29,30").format(text=text, part=str(exc))) from None
    for n in ids:
        load_catalogue().slogan(n)
    return ids


def _still(scene, preset: SizePreset, led_colors: str) -> Image.Image:
    """The scene in the board's colours (palette image) or in full colour."""
    size = scene.pixels(preset.px_per_mm)
    return paint_board(scene, *size, check_mode(led_colors)) if led_colors != "full" else paint_raster(scene, *size)


def _motion_format(fmt: str) -> str:
    fmt = fmt.lower().lstrip(".")
    if fmt not in MOTION_FORMATS:
        raise OutputError(_("unknown format {fmt!r} for moving pictures; choose one of: {choices}").format(
            fmt=fmt, choices=", ".join(MOTION_FORMATS)))
    return fmt


