"""Stage 3: turn a layout file, a size and the job's content into a Scene of boxes in millimetres."""

from __future__ import annotations

import dataclasses
import math

from ..assets import load_asset
from ..errors import LayoutError, TextTooLong
from ..i18n import _
from ..model import Box, Element, Group, Scene, SizePreset, TextBlock
from ..palette import load_palette, resolve_color
from ..qr import plan_qr
from ..text.normalise import normalise, upper
from ..text.phrases import Phrases, load_phrases
from .arrange import arrange
from .blocks import draw_asset, draw_flags, draw_qr, draw_text, flags_aspect, qr_region_size
from .slots import Content, render_slot
from .spec import BlockSpec, Layout, layout_files, load_layout

__all__ = ["Content", "Layout", "build_scene", "layout_files", "load_layout"]

STRIP_PROBE_RATIO = 400  # a strip is laid out on a page this many times wider than high, then cut to the text


def build_scene(layout: Layout, preset: SizePreset, content: Content, *, upper_case: bool | None = None,
                phrases: Phrases | None = None) -> Scene:
    """Fill the layout's slots, give each block its region for this page shape, draw the blocks.

    Content text must already be clean (text.normalise.clean_text); `upper_case` overrides the
    layout's case for the slogan.
    """
    if layout.strip:
        preset = _strip_preset(layout, preset, content, upper_case, phrases)
    page = Box(0.0, 0.0, preset.width_mm, preset.height_mm)
    safe = page.inset(layout.margin * min(page.width, page.height))
    present = _present_blocks(layout, content, upper_case)
    phrases = phrases or load_phrases()
    left_out: list[str] = []
    while True:
        try:
            groups = _draw_all(layout, present, safe, preset, phrases, content)
            break
        except TextTooLong:
            # Too small for everything: leave out the last optional block and try again (never
            # the QR code: when there is no room for it, the user must hear so). Any other
            # error (a missing glyph, a bad template) is the user's to hear, not a reason to drop.
            optional = [i for i, (block, _) in enumerate(present) if block.optional and block.kind != "qr"]
            if not optional:
                raise
            left_out.append(_label(present.pop(optional[-1])[0]))
    left_out += [_("QR caption") for (block, _words), group in zip(present, groups)
                 if block.kind == "qr" and block.caption and not any(isinstance(e, TextBlock) for e in group.elements)]
    background = resolve_color(layout.background, load_palette(layout.layouts_dir))
    return Scene(width=page.width, height=page.height, background=background, groups=groups, safe=safe,
                 left_out=tuple(left_out))


def _label(block: BlockSpec) -> str:
    """How a note names a block: its name, else its text template."""
    return block.name or block.text or block.kind


def _strip_preset(layout: Layout, preset: SizePreset, content: Content, upper_case: bool | None,
                  phrases: Phrases | None) -> SizePreset:
    """The size's height, and the width the text needs at the size the height allows, in whole pixels."""
    wide = dataclasses.replace(preset, width_mm=preset.height_mm * STRIP_PROBE_RATIO)
    probe = build_scene(dataclasses.replace(layout, strip=False), wide, content, upper_case=upper_case, phrases=phrases)
    ink = max((e.ink.width for e in probe.elements if isinstance(e, TextBlock)), default=0.0)
    margin = layout.margin * preset.height_mm
    width_px = math.ceil((ink + 2 * margin) * preset.px_per_mm) + 1
    return dataclasses.replace(preset, width_mm=width_px / preset.px_per_mm)


def _draw_all(layout: Layout, present: list[tuple[BlockSpec, str]], safe: Box, preset: SizePreset,
              phrases: Phrases, content: Content) -> tuple[Group, ...]:
    palette = load_palette(layout.layouts_dir)
    blocks = [block for block, _words in present]
    plans = {i: plan_qr(content.qr_url or "", preset, b.max_size * min(safe.width, safe.height))
             for i, b in enumerate(blocks) if b.kind == "qr"}
    aspects = {i: _aspect(b, layout) for i, b in enumerate(blocks) if b.aside}
    regions = arrange(layout, safe, blocks, aspects, {i: qr_region_size(plan) for i, plan in plans.items()})
    groups = []
    for i, (block, words) in enumerate(present):
        if block.kind == "qr":
            elements = draw_qr(block, plans[i], regions[i], preset, palette, phrases, layout.layouts_dir)
        else:
            elements = _draw(block, words, regions[i], preset, palette, phrases, layout)
        groups.append(Group(block.name or block.kind, regions[i], tuple(elements)))
    return tuple(groups)


def _present_blocks(layout: Layout, content: Content, upper_case: bool | None) -> list[tuple[BlockSpec, str]]:
    """The blocks that show something, with their text; optional blocks with nothing are dropped."""
    present = []
    for number, block in enumerate(layout.blocks, 1):
        words = ""
        if block.kind == "text":
            where = _("layout {name!r} ({path}), block {number}").format(name=layout.name, path=layout.path,
                                                                          number=number)
            words = normalise(render_slot(block.text, content, where))
            wants_upper = block.upper if upper_case is None or "slogan" not in block.text else upper_case
            words = upper(words) if wants_upper else words
            if not words and not block.optional:
                raise LayoutError(_("{where} has no text to show").format(where=where))
        if (block.kind == "text" and not words) or (block.kind == "qr" and not content.qr_url):
            continue
        present.append((block, words))
    return present


def _aspect(block: BlockSpec, layout: Layout) -> float:
    if block.kind == "flags":
        return flags_aspect(block)
    if block.kind == "asset":
        return load_asset(block.asset, layout.layouts_dir).aspect
    return 1.0


def _draw(block: BlockSpec, words: str, region: Box, preset: SizePreset, palette, phrases: Phrases,
          layout: Layout) -> list[Element]:
    if block.kind == "text":
        return draw_text(block, words, region, preset, palette, phrases, layout.layouts_dir)
    if block.kind == "flags":
        return draw_flags(block, region, palette, layout.layouts_dir)
    return draw_asset(block, region, palette, layout.layouts_dir)
