"""LED outputs: exact pixels by pitch, board colours without fringes, strips, marquees, playlists,
and legibility measured by OCR (tesseract with its Vietnamese model)."""

from __future__ import annotations

import logging
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import av
import numpy as np
import pytest
from conftest import invoke
from PIL import Image, ImageOps

from bannerkit import OptionError, SizeError, load_catalogue
from bannerkit.job import Job, prepare
from bannerkit.layout import build_scene, load_layout
from bannerkit.led import playlist, scroll
from bannerkit.motion import marquee_frames
from bannerkit.options import RenderOptions
from bannerkit.paint.board import paint_board
from bannerkit.paint.raster import paint_raster
from bannerkit.pipeline import render
from bannerkit.sizes import find_size
from bannerkit.text.normalise import upper


@pytest.mark.parametrize("spec, pixels", [("led:P10:5x3m", (500, 300)), ("led:P10:16x6mod", (512, 96)),
                                          ("led:P4:3.84x2.16m", (960, 540)), ("LED:p2.5:320x160cm", (1280, 640))])
def test_led_sizes_from_pitch_and_size_or_modules(spec, pixels):
    preset = find_size(spec)
    assert (preset.width_px, preset.height_px) == pixels and preset.pixel_native and preset.kind == "led"


def test_a_board_that_is_not_whole_modules_is_pointed_out(caplog):
    with caplog.at_level(logging.WARNING, logger="bannerkit"):
        find_size("led:P10:5x3m")
    assert "not a whole number of 32 x 16 px P10 modules; a real board of that size is led:P10:16x19mod" in caplog.text
    with pytest.raises(SizeError, match="no module size is known for P7"):
        find_size("led:P7:3x2mod")


@pytest.mark.parametrize("mode, allowed", [("red", {(0, 0, 0), (255, 0, 0)}),
                                           ("tricolor", {(0, 0, 0), (255, 0, 0), (0, 255, 0), (255, 255, 0)})])
@pytest.mark.parametrize("layout", ["led", "classic"])
def test_board_colours_only_and_no_anti_aliasing_fringe(mode, allowed, layout):
    preset = find_size("led:P10:16x19mod")
    scene = build_scene(load_layout(layout), preset, prepare(Job(slogan=28)).content)
    image = paint_board(scene, preset.width_px, preset.height_px, mode)
    colours = {c for _, c in image.convert("RGB").getcolors()}
    assert colours <= allowed and len(colours) >= 2


def test_a_red_flag_on_a_red_field_stays_lit_on_a_tricolor_board():
    preset = find_size("led:P10:16x19mod")
    scene = build_scene(load_layout("classic"), preset, prepare(Job(slogan=28)).content)
    flag = next(g for g in scene.groups if g.name == "flags").region
    k = preset.px_per_mm
    pixels = np.asarray(paint_board(scene, preset.width_px, preset.height_px, "tricolor").convert("RGB"))
    crop = pixels[int(flag.y * k):int(flag.bottom * k), int(flag.x * k):int(flag.right * k)].reshape(-1, 3)
    assert (crop == (255, 0, 0)).all(axis=1).mean() > 0.3


@pytest.mark.parametrize("fmt, pil", [("bmp", "BMP"), ("gif", "GIF"), ("png", "PNG")])
def test_controller_formats(tmp_path, fmt, pil):
    path, = render(Job(slogan=28), RenderOptions(size="led:P10:16x6mod", layout="led", formats=(fmt,), led_colors="red"),
                   out_dir=tmp_path)
    with Image.open(path) as image:
        assert (image.format, image.size) == (pil, (512, 96))
        assert {c for _, c in image.convert("RGB").getcolors()} == {(0, 0, 0), (255, 0, 0)}


def test_unknown_led_colour_mode(tmp_path):
    with pytest.raises(OptionError, match="unknown --led-colors 'blue'"):
        render(Job(slogan=28), RenderOptions(size="led:P10:16x6mod", formats=("png",), led_colors="blue"),
               out_dir=tmp_path)


def test_strip_is_the_boards_height_one_line_and_as_long_as_the_text():
    preset = find_size("led:P10:16x2mod")
    short = build_scene(load_layout("led-strip"), preset, prepare(Job(slogan=28)).content)
    long = build_scene(load_layout("led-strip"), preset, prepare(Job(slogan=12)).content)
    for scene in (short, long):
        block = scene.elements[-1]
        assert scene.pixels(preset.px_per_mm)[1] == 32 and len(block.lines) == 1
        assert block.ink.x >= scene.safe.x - 1e-6 and block.ink.right <= scene.width
    assert long.width > 3 * short.width > preset.width_mm


def test_marquee_moves_whole_pixels_and_loops_seamlessly():
    strip = Image.effect_noise((300, 16), 80).convert("RGB")
    frames = marquee_frames(strip, 100, 3)
    assert all(f.size == (100, 16) for f in frames)
    assert (100 + 300 + (-(100 + 300)) % 3) == 3 * len(frames)
    for a, b in zip(frames, frames[1:] + frames[:1]):  # each frame is the last moved by 3 px, round the loop
        assert np.array_equal(np.asarray(a)[:, 3:], np.asarray(b)[:, :-3])


def test_led_scroll_gif_and_mp4_at_the_boards_size(tmp_path):
    options = RenderOptions(size="led:P10:16x2mod", layout="led-strip", led_colors="red")
    gif, mp4 = scroll(Job(slogan=28), options, speed=50, fps=25, out_dir=tmp_path)
    with Image.open(gif) as image:
        assert image.size == (512, 32) and image.info["loop"] == 0
        durations = []
        for index in range(image.n_frames):  # Pillow merges identical frames and adds up their time
            image.seek(index)
            durations.append(image.info["duration"])
    with av.open(str(mp4)) as container:
        stream = container.streams.video[0]
        assert (stream.width, stream.height, stream.average_rate) == (512, 32, 25)
        frames = sum(1 for _ in container.decode(video=0))
    assert frames > 25 and sum(durations) == frames * 40


def test_led_playlist_shows_each_slogan_for_its_seconds(tmp_path):
    path = playlist([28, 29, 30], RenderOptions(size="led-1280x720", layout="led"), seconds=2, fade=0.4, fps=25,
                    out_dir=tmp_path)
    preset = find_size("led-1280x720")
    with av.open(str(path)) as container:
        frames = [f.to_image() for f in container.decode(video=0)]
    assert len(frames) == 3 * 50 and frames[0].size == (1280, 720)
    for n, slogan in enumerate([28, 29, 30]):
        scene = build_scene(load_layout("led"), preset, prepare(Job(slogan=slogan)).content)
        still = np.asarray(paint_raster(scene, 1280, 720), dtype=float)
        shown = np.asarray(frames[n * 50 + 20].convert("RGB"), dtype=float)  # mid-hold, before the fade
        assert np.abs(still - shown).mean() < 4  # H.264 at crf 18 changes a few levels on edges


def test_playlist_needs_seconds_longer_than_the_fade(tmp_path):
    with pytest.raises(OptionError, match="longer than --fade"):
        playlist([1], RenderOptions(size="led-1280x720", layout="led"), seconds=0.3, fade=0.5, out_dir=tmp_path)


def _cer(reference: str, read: str) -> float:
    """Character error rate: edit distance over the reference's length, spaces folded."""
    ref, hyp = " ".join(reference.split()), " ".join(read.split())
    previous = list(range(len(hyp) + 1))
    for i, a in enumerate(ref, 1):
        current = [i]
        for j, b in enumerate(hyp, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1] / len(ref)


def _ocr(image: Image.Image, folder: Path, name: str) -> str:
    """Tesseract reads dark text on white: invert, crop to the text, add a white border."""
    grey = ImageOps.invert(image.convert("L"))
    grey = ImageOps.expand(grey.crop(ImageOps.invert(grey).getbbox()), 40, fill=255)
    path = folder / f"{name}.png"
    grey.save(path)
    return subprocess.run(["tesseract", str(path), "stdout", "-l", "vie", "--psm", "4"], capture_output=True,
                          text=True, check=True).stdout


@pytest.mark.parametrize("size, mode, upscale, limit", [("led-1920x1080", "full", 1, 0.03),
                                                        ("led:P10:16x6mod", "red", 4, 0.06)])
@pytest.mark.slow
def test_led_renders_are_legible_by_ocr(tmp_path, size, mode, upscale, limit, record_property):
    assert shutil.which("tesseract"), "tesseract with the Vietnamese model is installed by ./setup.sh"
    preset, layout = find_size(size), load_layout("led")

    def error_rate(slogan) -> float:
        scene = build_scene(layout, preset, prepare(Job(slogan=slogan.id)).content)
        image = (paint_raster(scene, preset.width_px, preset.height_px) if mode == "full"
                 else paint_board(scene, preset.width_px, preset.height_px, mode).convert("RGB"))
        # A small board is read LED by LED: enlarge it without smoothing, as an eye at distance sees it.
        image = image.resize((image.width * upscale, image.height * upscale), Image.Resampling.NEAREST)
        return _cer(upper(slogan.text), _ocr(image, tmp_path, f"{slogan.id:02d}"))

    with ThreadPoolExecutor(2) as pool:
        rates = list(pool.map(error_rate, load_catalogue().slogans))
    mean = sum(rates) / len(rates)
    record_property("character_error_rate", round(mean, 4))
    print(f"\n{size} ({mode}): character error rate {mean:.2%} over 30 slogans, worst {max(rates):.2%}")
    assert mean < limit


@pytest.mark.parametrize("args, message", [
    (("led-playlist", "--slogans", "1-1000000000"), "slogan 1000000000 does not exist"),
    (("led-playlist", "--slogans", "1-3", "--fade", "nan"), "--seconds must be positive and longer than --fade"),
    (("led-playlist", "--slogans", "1-3", "--seconds", "1e9"), "give at most 60"),
    (("led-scroll", "--slogan", "5", "--speed", "inf"), "--speed inf is not a speed to read at"),
])
def test_motion_inputs_are_bounded_before_any_frame_is_made(tmp_path, args, message):
    result = invoke(*args, "--out-dir", str(tmp_path))
    assert result.exit_code == 1 and message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not any(tmp_path.iterdir())


def test_a_marquee_that_would_not_fit_in_memory_is_refused():
    with pytest.raises(OptionError, match="raise --speed"):
        marquee_frames(Image.new("P", (60_000, 1080)), 1920, 1)


@pytest.mark.parametrize("mode, field, emblem", [("red", (0, 0, 0), (255, 0, 0)),
                                                 ("tricolor", (255, 0, 0), (255, 255, 0))])
def test_boards_show_the_flags_emblems_not_blank_rectangles(mode, field, emblem):
    """Issue 13: on a one-colour board the emblem is lit on an unlit field inside a lit frame; on a
    three-colour board the emblem is yellow on the red field."""
    from bannerkit.design import lay_out, paint
    design = lay_out(Job(slogan=28), RenderOptions(size="led:P10:10x16mod", layout="classic", formats=("png",),
                                                   led_colors=mode))
    image = np.asarray(paint(design)[0].image.convert("RGB"))
    k = design.preset.px_per_mm
    flags = next(g for g in design.scene.groups if g.name == "flags").extent
    for left in (flags.x, flags.right - flags.height * 1.5):  # each flag, inside its frame
        box = image[round((flags.y + 0.2 * flags.height) * k):round((flags.bottom - 0.2 * flags.height) * k),
                    round((left + 0.2 * flags.height) * k):round((left + 1.3 * flags.height) * k)]
        seen = {tuple(int(v) for v in rgb) for rgb in box.reshape(-1, 3)}
        assert seen == {field, emblem}
        assert 0.05 < (box == np.array(emblem)).all(axis=2).mean() < 0.6


@pytest.mark.slow
def test_scroll_and_playlist_report_every_frame_they_encode(tmp_path):
    heard: list[tuple[int, int, str]] = []
    scroll(Job(slogan=5), RenderOptions(size="led:P10:16x2mod", layout="led-strip"), speed=250, fps=25,
           formats=("gif", "webp"), out_dir=tmp_path, progress=lambda *report: heard.append(report))
    total = heard[0][1]
    assert [done for done, _total, _item in heard] == list(range(1, total + 1)) and total % 2 == 0
    assert {item for _d, _t, item in heard} == {"gif", "webp"} and heard[-1][:2] == (total, total)
    frames: list[int] = []
    playlist([1, 2], RenderOptions(size="led-p10-192x96", layout="led"), seconds=1, fade=0.2, fps=10,
             out_dir=tmp_path, progress=lambda done, total, item: frames.append(done))
    assert frames == list(range(1, 21))
