"""The one render path: a job and its options become a laid-out design, then bytes per format.

Every command goes through here (render, batch, preview, sheet, the LED marquee and playlist,
the tools), so the same job with the same options gives the same bytes whichever asked.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PIL import Image

from .formats import FORMATS, PAINTERS, streamed
from .i18n import _
from .job import Job, Prepared, prepare
from .layout import build_scene, load_layout
from .model import Scene, SizePreset
from .options import RenderOptions
from .sizes import check_raster_limits, find_size
from .text.phrases import load_phrases

log = logging.getLogger("bannerkit")


@dataclass(frozen=True)
class Design:
    """One job laid out at one size: what the painters draw."""

    prepared: Prepared
    preset: SizePreset
    scene: Scene
    options: RenderOptions

    @property
    def pixels(self) -> tuple[int, int]:
        """The raster size: the preset's (a strip's own width), scaled down to max_side_px if set."""
        width, height = self.scene.pixels(self.preset.px_per_mm)
        limit = self.options.max_side_px
        if limit and max(width, height) > limit:
            scale = limit / max(width, height)
            return max(round(width * scale), 1), max(round(height * scale), 1)
        return width, height


@dataclass(frozen=True)
class Output:
    format: str
    data: bytes
    image: Image.Image | None = None  # the painted raster, for thumbnails and animation frames


def lay_out(job: Job, options: RenderOptions) -> Design:
    """Check everything and lay the design out, painting nothing: every mistake a render would
    meet (an unknown size, a text too long, a raster too large) is raised here."""
    prepared = prepare(job, config_dir=options.config_dir)
    preset = find_size(options.size, dpi=options.dpi, user_file=options.sizes_file)
    layout = load_layout(options.layout, options.layouts_dir)
    scene = build_scene(layout, preset, prepared.content, upper_case=options.upper,
                        phrases=load_phrases(options.phrases_file), theme=options.theme)
    design = Design(prepared, preset, scene, options)
    if scene.left_out:
        log.warning(_("%s at %s: left out %s, for want of room at this size"), prepared.stem, preset.name,
                    ", ".join(scene.left_out))
    if any(FORMATS[fmt].raster for fmt in options.formats):
        check_raster_limits(preset, *design.pixels, streamed=streamed(options.formats))
    return design


def paint(design: Design) -> list[Output]:
    """Bytes for each of the design's formats; formats sharing a painter share one painting."""
    painted: dict[str, object] = {}
    outputs = []
    for fmt in design.options.formats:
        entry = FORMATS[fmt]
        if entry.painter not in painted:
            painted[entry.painter] = PAINTERS[entry.painter](design)
        picture = painted[entry.painter]
        image = picture if entry.raster and isinstance(picture, Image.Image) else None  # not a large page's strips
        outputs.append(Output(fmt, entry.encode(picture, design), image))
    return outputs


def produce(job: Job, options: RenderOptions) -> list[Output]:
    """The job's files' bytes, one Output per format of `options`, in that order."""
    return paint(lay_out(job, options))
