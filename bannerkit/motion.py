"""Turn renders into moving pictures for LED controllers: a scrolling marquee of one slogan, and a
playlist video of several slogans with short fades. Video is H.264 MP4 through PyAV (FFmpeg
bundled in the wheel); animations are GIF or WebP through Pillow."""

from __future__ import annotations

import io
import logging
import math
from collections.abc import Callable, Iterable, Iterator
from fractions import Fraction
from typing import TYPE_CHECKING

from PIL import Image

from .engines import load
from .errors import OptionError
from .i18n import _

log = logging.getLogger("bannerkit")
# Bounds, so no input makes a long job or a large memory: a slogan shows at most a minute (a
# playlist of all 30 slogans is at most half an hour), a marquee's frames hold at most 300 million
# pixels (300 MB as palette images), and text scrolls at most 2000 pixels a second.
MAX_SECONDS = 60
MAX_FRAME_PIXELS = 300_000_000
MAX_SPEED_PX_S = 2000
H264_OPTIONS = {"crf": "18", "preset": "veryfast"}


def marquee_step(speed: float, fps: int) -> int:
    """Whole pixels per frame, so text moves crisply on an LED board; says if the speed changes."""
    if not (math.isfinite(speed) and 0 < speed <= MAX_SPEED_PX_S):
        raise OptionError(_("--speed {speed:g} is not a speed to read at; give pixels per second from 1 to "
                            "{limit}").format(speed=speed, limit=MAX_SPEED_PX_S))
    step = max(1, round(speed / fps))
    if step * fps != speed:
        log.warning(_("scrolling at %s px/s (%s px per frame at %s frames/s), the nearest to %s px/s in whole "
                      "pixels; choose --fps so that speed / fps is a whole number for exactly %s px/s"),
                    step * fps, step, fps, f"{speed:g}", f"{speed:g}")
    return step


def marquee_frames(strip: Image.Image, width: int, step: int) -> list[Image.Image]:
    """The strip moving right to left across a board `width` wide. The tape is a board-wide gap
    then the strip, padded to whole steps, so the last frame leads straight back to the first.
    Refused, before any frame is made, when the frames would hold more than MAX_FRAME_PIXELS."""
    gap = width + (-(width + strip.width)) % step
    count = (gap + strip.width) // step
    if count * width * strip.height > MAX_FRAME_PIXELS:
        raise OptionError(_("scrolling this text across the board takes {count} frames, more than bannerkit keeps "
                            "in memory; raise --speed, lower --fps or shorten the text").format(count=count))
    tape = Image.new(strip.mode, (gap + strip.width + width, strip.height))
    if strip.palette is not None:
        tape.putpalette(strip.palette)
    tape.paste(strip, (gap, 0))
    tape.paste(tape.crop((0, 0, width, strip.height)), (gap + strip.width, 0))  # wraps round to the start
    return [tape.crop((x, 0, x + width, strip.height)) for x in range(0, gap + strip.width, step)]


if TYPE_CHECKING:
    import av


def encode_animation(frames: Iterable[Image.Image], fps: int, fmt: str) -> bytes:
    """GIF or WebP, taking the frames as Pillow encodes them (so a progress count is true)."""
    buffer = io.BytesIO()
    frames = iter(frames)
    duration = 1000 / fps
    if fmt == "gif" and round(duration) % 10:
        log.warning(_("GIF times frames in hundredths of a second: %s frames/s plays at %.0f"), fps,
                    100 / round(duration / 10))
    next(frames).save(buffer, "GIF" if fmt == "gif" else "WEBP", save_all=True, append_images=frames,
                   duration=round(duration), loop=0, **({"lossless": True} if fmt == "webp" else {}))
    return buffer.getvalue()


def encode_video(frames: Iterable[Image.Image], size: tuple[int, int], fps: int) -> bytes:
    """H.264 in MP4, yuv420p (what controllers play); odd sizes get one black pixel more, as
    H.264 needs even sides. A frame object repeated in a row is converted once."""
    av = load("av")  # PyAV (FFmpeg), an optional part, is only loaded to make a video

    width, height = size[0] + size[0] % 2, size[1] + size[1] % 2
    if (width, height) != size:
        log.warning(_("video is %s x %s px: H.264 needs even sides, so one black row or column was added"),
                    width, height)
    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=fps, options=H264_OPTIONS)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.time_base = Fraction(1, fps)
        last: Image.Image | None = None
        for index, image in enumerate(frames):
            if image is not last:
                converted, last = _video_frame(image, width, height), image
            converted.pts = index
            for packet in stream.encode(converted):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return buffer.getvalue()


def _video_frame(image: Image.Image, width: int, height: int) -> av.VideoFrame:
    av = load("av")

    rgb = image.convert("RGB")
    if rgb.size != (width, height):
        padded = Image.new("RGB", (width, height))
        padded.paste(rgb, (0, 0))
        rgb = padded
    return av.VideoFrame.from_image(rgb).reformat(format="yuv420p")


def check_timing(seconds: float, fade: float) -> None:
    """A playlist shows each slogan for at most MAX_SECONDS, and fades within that."""
    if not (math.isfinite(seconds) and math.isfinite(fade)) or seconds <= 0 or fade < 0 or fade >= seconds:
        raise OptionError(_("--seconds must be positive and longer than --fade"))
    if seconds > MAX_SECONDS:
        raise OptionError(_("--seconds {seconds:g} is longer than a slogan is shown on a screen; give at most "
                            "{limit}").format(seconds=seconds, limit=MAX_SECONDS))


def playlist_frames(stills: list[Image.Image], seconds: float, fade: float, fps: int) -> Iterator[Image.Image]:
    """Each still for `seconds`, the last `fade` of it blending into the next (the last into the
    first, so a controller can loop the video). Frames are made as the encoder asks for them."""
    check_timing(seconds, fade)
    blend = round(fade * fps)
    hold = round(seconds * fps) - blend
    for i, still in enumerate(stills):
        following = stills[(i + 1) % len(stills)]
        yield from (still for _frame in range(hold))
        for step in range(1, blend + 1):
            yield Image.blend(still, following, step / (blend + 1))


def frame_count(stills: int, seconds: float, fps: int) -> int:
    return stills * round(seconds * fps)


# The moving-picture formats: name -> encoder(frames, board size, fps).
MOTION_FORMATS: dict[str, Callable[[Iterable[Image.Image], tuple[int, int], int], bytes]] = {
    "gif": lambda frames, size, fps: encode_animation(frames, fps, "gif"),
    "webp": lambda frames, size, fps: encode_animation(frames, fps, "webp"),
    "mp4": lambda frames, size, fps: encode_video(frames, size, fps),
}


def encode_motion(fmt: str, frames: Iterable[Image.Image], size: tuple[int, int], fps: int) -> bytes:
    return MOTION_FORMATS[fmt](frames, size, fps)
