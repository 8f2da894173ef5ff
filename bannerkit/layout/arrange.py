"""Turn a layout's blocks and the safe area into one region per block, by the page's shape.

Blocks stack top to bottom, each taking its share of the height, or the height it was measured
to need (layout.compose); height left over is spread evenly above, between and below them, so
that no band of bare field is larger than the others. On strip formats (at least
`row_from_aspect` times wider than high) blocks marked aside stand left or right of the stack
at their natural proportions, and the rest stack in the middle. A QR code has a fixed size: it
stands at the right of a strip; on other pages in the bottom-right corner, taking a band along
the right side or the bottom (the caller tries both). Regions never overlap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Box
from .spec import BlockSpec, Layout

MIN_STACK_WIDTH = 0.5  # asides never leave the stack less than half the safe width


@dataclass(frozen=True)
class Arrangement:
    regions: dict[int, Box]  # block index -> region
    stacked: tuple[int, ...]  # the blocks in the stack, top to bottom
    stack: Box  # the room the stack has
    gap: float


def arrange(layout: Layout, safe: Box, blocks: Sequence[BlockSpec], aspects: dict[int, float],
            fixed: dict[int, tuple[float, float]], heights: dict[int, float] | None = None,
            band: str = "bottom") -> Arrangement:
    """`aspects`: natural width/height of aside blocks; `fixed`: (width, height) of fixed-size
    blocks (the QR code), which take a band along the `band` side ("bottom" or "right") of pages
    other than strips; `heights`: the height each stacked block needs, else shares are used."""
    gap = layout.gap * min(safe.width, safe.height)
    is_strip = safe.width / safe.height >= layout.row_from_aspect
    regions, area = _corners(fixed, safe, gap, "right" if is_strip else band, centred=is_strip)
    aside = [i for i, b in enumerate(blocks) if is_strip and b.aside and i not in fixed]
    stacked = [i for i in range(len(blocks)) if i not in aside and i not in fixed]
    if fixed and not is_strip and band == "bottom":
        beside = _signatures(blocks, stacked)  # the unit and date sign beside the code, in its band
        stacked = stacked[:len(stacked) - len(beside)]
        codes = list(regions.values())
        signing = Box(safe.x, min(c.y for c in codes), min(c.x for c in codes) - gap - safe.x,
                      max(c.bottom for c in codes) - min(c.y for c in codes))
        room = signing.height - gap * 0.5 * (len(beside) - 1)
        total = sum(blocks[i].share for i in beside)
        regions.update(_stack([room * blocks[i].share / total for i in beside], beside, signing, gap * 0.5))
    side_regions, stack_box = _asides(blocks, aside, aspects, area, gap)
    room = stack_box.height - gap * (len(stacked) - 1)
    total = sum(blocks[i].share for i in stacked)
    wanted = heights or {i: room * blocks[i].share / total for i in stacked}
    stack = _stack([wanted[i] for i in stacked], stacked, stack_box, gap)
    return Arrangement({**regions, **side_regions, **stack}, tuple(stacked), stack_box, gap)


def _corners(fixed: dict[int, tuple[float, float]], safe: Box, gap: float, band: str, *,
             centred: bool) -> tuple[dict[int, Box], Box]:
    """Fixed blocks in the bottom-right corner (centred on the right of a strip); the rest of the
    page is what is left beside the band they take."""
    regions, area = {}, safe
    for i, (width, height) in fixed.items():
        if band == "right":
            y = area.y + (area.height - height) / 2 if centred else area.bottom - height
            regions[i] = Box(area.right - width, y, width, height)
            area = Box(area.x, area.y, area.width - width - gap, area.height)
        else:
            regions[i] = Box(area.right - width, area.bottom - height, width, height)
            area = Box(area.x, area.y, area.width, area.height - height - gap)
    return regions, area


def _signatures(blocks: Sequence[BlockSpec], stacked: list[int]) -> list[int]:
    """The signing texts (rank 3) at the end of the stack."""
    count = 0
    while count < len(stacked) and blocks[stacked[-1 - count]].rank == 3:
        count += 1
    return stacked[len(stacked) - count:]


def _asides(blocks: Sequence[BlockSpec], aside: list[int], aspects: dict[int, float], safe: Box,
            gap: float) -> tuple[dict[int, Box], Box]:
    widths = {i: aspects.get(i, 1.0) * blocks[i].aside_height * safe.height for i in aside}
    total = sum(widths.values()) + gap * len(aside)
    shrink = min(1.0, (1 - MIN_STACK_WIDTH) * safe.width / total) if total else 1.0
    regions, left, right = {}, safe.x, safe.right
    for i in aside:
        width, height = widths[i] * shrink, blocks[i].aside_height * safe.height * shrink
        y = safe.y + (safe.height - height) / 2
        if blocks[i].aside == "left":
            regions[i], left = Box(left, y, width, height), left + width + gap * shrink
        else:
            regions[i], right = Box(right - width, y, width, height), right - width - gap * shrink
    return regions, Box(left, safe.y, right - left, safe.height)


def _stack(heights: list[float], indices: list[int], box: Box, gap: float) -> dict[int, Box]:
    if not indices:
        return {}
    room = box.height - gap * (len(indices) - 1)
    scale = min(1.0, room / sum(heights))
    pad = (room - sum(heights) * scale) / (len(indices) + 1)
    regions, y = {}, box.y + pad
    for i, height in zip(indices, heights):
        regions[i] = Box(box.x, y, box.width, height * scale)
        y += height * scale + gap + pad
    return regions
