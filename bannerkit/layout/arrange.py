"""Turn a layout's blocks and the safe area into one region per block, by the page's shape.

Blocks stack top to bottom, each taking its share of the height. On strip formats (at least
`row_from_aspect` times wider than high) blocks marked aside stand left or right of the stack
at their natural proportions, and the rest stack in the middle. Regions never overlap.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Box
from .spec import BlockSpec, Layout

MIN_STACK_WIDTH = 0.5  # asides never leave the stack less than half the safe width


def arrange(layout: Layout, safe: Box, blocks: Sequence[BlockSpec], aspects: dict[int, float]) -> dict[int, Box]:
    """Block index -> region. `aspects` gives the natural width/height of aside blocks by index."""
    gap = layout.gap * min(safe.width, safe.height)
    is_strip = safe.width / safe.height >= layout.row_from_aspect
    aside = [i for i, b in enumerate(blocks) if is_strip and b.aside]
    stacked = [i for i in range(len(blocks)) if i not in aside]
    regions, stack_box = _asides(blocks, aside, aspects, safe, gap)
    regions.update(_stack([blocks[i].share for i in stacked], stacked, stack_box, gap))
    return regions


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


def _stack(shares: list[float], indices: list[int], box: Box, gap: float) -> dict[int, Box]:
    if not indices:
        return {}
    room = box.height - gap * (len(indices) - 1)
    regions, y = {}, box.y
    for i, share in zip(indices, shares):
        height = room * share / sum(shares)
        regions[i] = Box(box.x, y, box.width, height)
        y += height + gap
    return regions
