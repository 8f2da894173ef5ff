"""Stage 3: turn a layout file, a size and the job's content into a Scene of boxes in millimetres."""

from __future__ import annotations

import dataclasses
import math

from ..assets import load_asset
from ..errors import LayoutError, TextTooLong
from ..i18n import _
from ..model import Box, Element, Group, Scene, SizePreset, TextBlock
from ..palette import load_palette
from ..qr import plan_qr
from ..text.fit import SLACK
from ..text.normalise import normalise, upper
from ..text.phrases import Phrases, load_phrases
from ..themes import load_theme
from .arrange import Arrangement, arrange
from .blocks import (
    Finish,
    check_slots,
    draw_asset,
    draw_flags,
    draw_image,
    draw_qr,
    draw_text,
    flags_aspect,
    qr_region_size,
)
from .decor import decorate
from .shapes import shape_of
from .slots import Content, render_slot
from .spec import BlockSpec, Layout, layout_files, load_layout

__all__ = ["Content", "Layout", "build_scene", "layout_files", "load_layout"]

STRIP_PROBE_RATIO = 400  # a strip is laid out on a page this many times wider than high, then cut to the text
# A block that fills this share of its region's height grows when given more; the layout is
# measured and drawn again at most this many times.
FILLS_AT = 0.97
PASSES = 8
MAX_GROWTH = 2.5
# A text's capitals are at most this share of those of every text that outranks it, so that the
# order reads at a glance (the headline over the event, the event over the unit that signs it).
RANK_STEP = 0.8


def build_scene(layout: Layout, preset: SizePreset, content: Content, *, upper_case: bool | None = None,
                phrases: Phrases | None = None, theme: str | None = None) -> Scene:
    """Fill the layout's slots, give each block its region for this page shape, draw the blocks.

    Content text must already be clean (text.normalise.clean_text); `upper_case` overrides the
    layout's case for the slogan; `theme` the layout's theme.
    """
    check_slots([b.slot for b in layout.blocks if b.kind == "image"], content.images, layout.name)
    if layout.strip:
        preset = _strip_preset(layout, preset, content, upper_case, phrases, theme)
    layout = layout.for_shape(shape_of(preset))
    chosen = load_theme(theme or layout.theme, layout.layouts_dir)
    finish = Finish(load_palette(layout.layouts_dir, chosen), chosen, layout.layouts_dir, content.images)
    page = Box(0.0, 0.0, preset.width_mm, preset.height_mm)
    usable = Box(0.0, page.height * preset.clear_top, page.width,
                 page.height * (1 - preset.clear_top - preset.clear_bottom))
    safe = usable.inset(layout.margin * min(page.width, page.height))
    present, hidden = _present_blocks(layout, content, upper_case)
    phrases = phrases or load_phrases()
    left_out = [_label(block) for block in hidden]
    while True:
        try:
            groups = _best_band(layout, present, safe, preset, phrases, content, finish)
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
    groups = decorate(layout, page, groups, finish) + groups
    return Scene(width=page.width, height=page.height, background=finish.color(layout.background), groups=groups,
                 safe=safe, left_out=tuple(left_out))


def _label(block: BlockSpec) -> str:
    """How a note names a block: its name, else its text template."""
    return block.name or block.text or block.kind


def _strip_preset(layout: Layout, preset: SizePreset, content: Content, upper_case: bool | None,
                  phrases: Phrases | None, theme: str | None) -> SizePreset:
    """The size's height, and the width the text needs at the size the height allows, in whole pixels."""
    wide = dataclasses.replace(preset, width_mm=preset.height_mm * STRIP_PROBE_RATIO)
    probe = build_scene(dataclasses.replace(layout, strip=False), wide, content, upper_case=upper_case, phrases=phrases,
                        theme=theme)
    ink = max((e.ink.width for e in probe.elements if isinstance(e, TextBlock)), default=0.0)
    margin = layout.margin * preset.height_mm
    width_px = math.ceil((ink + 2 * margin) * preset.px_per_mm) + 1
    return dataclasses.replace(preset, width_mm=width_px / preset.px_per_mm)


def _best_band(layout: Layout, present: list[tuple[BlockSpec, str]], safe: Box, preset: SizePreset,
               phrases: Phrases, content: Content, finish: Finish) -> tuple[Group, ...]:
    """With a QR code, the composition whose main text is the larger: the code's band along the
    bottom, or along the right side."""
    bottom = _compose(layout, present, safe, preset, phrases, content, finish, "bottom")
    if not any(block.kind == "qr" for block, _words in present):
        return bottom
    right = _compose(layout, present, safe, preset, phrases, content, finish, "right")
    return max((bottom, right), key=lambda groups: _main_size(layout, present, groups))


def _main_size(layout: Layout, present: list[tuple[BlockSpec, str]], groups: tuple[Group, ...]) -> float:
    """Cap height of the main text (else of the largest text of the highest rank)."""
    texts = [(not block.main, block.rank, -e.cap_height) for (block, _w), g in zip(present, groups)
             for e in g.elements if isinstance(e, TextBlock) and block.kind == "text"]
    return -min(texts)[2] if texts else 0.0


def _compose(layout: Layout, present: list[tuple[BlockSpec, str]], safe: Box, preset: SizePreset,
             phrases: Phrases, content: Content, finish: Finish, band: str) -> tuple[Group, ...]:
    """Draw the blocks at their shares, then again at the heights they turned out to need: blocks
    that grow with room (text limited by height, artwork, texts meant to fill) share what the
    others leave, and texts are held below the texts that outrank them. Last, every block gets
    the height it used and the room still left is spread evenly between them."""
    blocks = [block for block, _words in present]
    heights: dict[int, float] | None = None
    caps: dict[int, float] = {}
    for _attempt in range(PASSES):
        groups, arrangement = _draw_all(layout, present, safe, preset, phrases, content, finish, heights, caps, band)
        new_caps = _rank_caps(blocks, groups, caps)
        if new_caps != caps:
            caps = new_caps  # the same room, the order restored
            continue
        new_heights = _needed_heights(blocks, groups, arrangement)
        if new_heights == heights:
            break
        heights = new_heights
    return _spread(groups, arrangement)


def _spread(groups: tuple[Group, ...], arrangement: Arrangement) -> tuple[Group, ...]:
    """Move the stacked blocks so that the bare field above, between and below their ink is the
    same everywhere; kept as drawn if that would bring one onto a block beside the stack."""
    inks = {i: ink for i in arrangement.stacked if (ink := groups[i].extent) is not None}
    pad = (arrangement.stack.height - sum(ink.height for ink in inks.values())) / (len(inks) + 1)
    if not inks or pad < 0:
        return groups
    shifts, y = {}, arrangement.stack.y + pad
    for i, ink in inks.items():
        shifts[i] = y - ink.y
        y += ink.height + pad
    others = [ink for j, g in enumerate(groups) if j not in arrangement.stacked and (ink := g.extent) is not None]
    if any(inks[i].moved(dy).overlaps(other) for i, dy in shifts.items() for other in others):
        return groups
    return tuple(g.moved(shifts[i]) if i in shifts else g for i, g in enumerate(groups))


def _needed_heights(blocks: list[BlockSpec], groups: tuple[Group, ...], arrangement: Arrangement) -> dict[int, float]:
    """Blocks that do not grow with room get their ink height (with the fitting slack); those that
    do (text limited by height, artwork, texts meant to fill) share the rest by their shares."""
    stacked, regions = arrangement.stacked, arrangement.regions
    used = {i: min(_ink_height(groups[i]) / (1 - SLACK) * 1.001, regions[i].height) for i in stacked}
    filling = [i for i in stacked if used[i] >= FILLS_AT * regions[i].height or blocks[i].fill
               or blocks[i].kind in ("flags", "asset", "image")]
    room = arrangement.stack.height - arrangement.gap * (len(stacked) - 1)
    rest = max(room - sum(used[i] for i in stacked if i not in filling), 0.0)
    total = sum(blocks[i].share for i in stacked)
    shares = sum(blocks[i].share for i in filling)
    # A block grows into what the others leave, by its share, up to MAX_GROWTH times its share of
    # the whole stack: the layout's proportions hold whether or not a neighbour needs its room.
    heights = {i: min(rest * blocks[i].share / shares, MAX_GROWTH * room * blocks[i].share / total)
               if i in filling else used[i] for i in stacked}
    return {i: round(h, 6) for i, h in heights.items()}


def _ink_height(group: Group) -> float:
    extent = group.extent
    return extent.height if extent is not None else 0.0


def _rank_caps(blocks: list[BlockSpec], groups: tuple[Group, ...], caps: dict[int, float]) -> dict[int, float]:
    """Largest em size of each text held below the texts that outrank it, highest rank first, so
    that a text held down also holds down those below it."""
    texts = {i: e for i, g in enumerate(groups) for e in g.elements
             if isinstance(e, TextBlock) and blocks[i].kind == "text"}
    capital: dict[int, float] = {}
    new = dict(caps)
    for i in sorted(texts, key=lambda i: blocks[i].rank):
        text = texts[i]
        capital[i] = text.cap_height
        above = [capital[j] * RANK_STEP for j in capital if blocks[j].rank < blocks[i].rank]
        if above and capital[i] > min(above) * 1.001:
            capital[i] = min(above)
            new[i] = round(capital[i] / text.font.cap_height, 6)
    return new


def _draw_all(layout: Layout, present: list[tuple[BlockSpec, str]], safe: Box, preset: SizePreset,
              phrases: Phrases, content: Content, finish: Finish, heights: dict[int, float] | None,
              caps: dict[int, float], band: str) -> tuple[tuple[Group, ...], Arrangement]:
    blocks = [block for block, _words in present]
    plans = {i: plan_qr(content.qr_url or "", preset, b.max_size * min(safe.width, safe.height))
             for i, b in enumerate(blocks) if b.kind == "qr"}
    aspects = {i: _aspect(b, layout) for i, b in enumerate(blocks) if b.aside}
    arrangement = arrange(layout, safe, blocks, aspects, {i: qr_region_size(plan) for i, plan in plans.items()},
                          heights, band)
    regions = arrangement.regions
    groups = []
    for i, (block, words) in enumerate(present):
        if block.kind == "qr":
            elements = draw_qr(block, plans[i], regions[i], preset, finish, phrases)
        else:
            elements = _draw(block, words, regions[i], preset, finish, phrases, caps.get(i))
        groups.append(Group(block.name or block.kind, regions[i], tuple(elements)))
    return tuple(groups), arrangement


def _present_blocks(layout: Layout, content: Content,
                    upper_case: bool | None) -> tuple[list[tuple[BlockSpec, str]], list[BlockSpec]]:
    """The blocks that show something, with their text, and the texts this shape's arrangement
    does not show (a tiny board shows the slogan alone: the user hears so). Optional blocks with
    nothing to show are dropped."""
    present, hidden = [], []
    for number, block in enumerate(layout.blocks, 1):
        words = _words(layout, number, block, content, upper_case) if block.kind == "text" else ""
        if (block.kind == "text" and not words) or (block.kind == "qr" and not content.qr_url) or (
                block.kind == "image" and not any(i.slot == block.slot for i in content.images)):
            continue  # an empty slot gives way: its room goes to the other blocks
        if block.show:
            present.append((block, words))
        elif block.kind == "text":
            hidden.append(block)
    return present, hidden


def _words(layout: Layout, number: int, block: BlockSpec, content: Content, upper_case: bool | None) -> str:
    where = _("layout {name!r} ({path}), block {number}").format(name=layout.name, path=layout.path, number=number)
    words = normalise(render_slot(block.text, content, where))
    wants_upper = block.upper if upper_case is None or "slogan" not in block.text else upper_case
    words = upper(words) if wants_upper else words
    if not words and not block.optional:
        raise LayoutError(_("{where} has no text to show").format(where=where))
    return words


def _aspect(block: BlockSpec, layout: Layout) -> float:
    if block.kind == "flags":
        return flags_aspect(block, layout.layouts_dir)
    if block.kind == "asset":
        return load_asset(block.asset, layout.layouts_dir).aspect
    if block.kind == "image":
        return block.aspect
    return 1.0


def _draw(block: BlockSpec, words: str, region: Box, preset: SizePreset, finish: Finish, phrases: Phrases,
          cap: float | None) -> list[Element]:
    if block.kind == "text":
        return draw_text(block, words, region, preset, finish, phrases, max_size=cap)
    if block.kind == "flags":
        return draw_flags(block, region, finish)
    if block.kind == "image":
        return draw_image(block, region, preset, finish)
    return draw_asset(block, region, finish)
