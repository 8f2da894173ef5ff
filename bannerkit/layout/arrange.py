"""Turn a layout's blocks and the safe area into one region per block, by the page's shape.

Blocks stack top to bottom, each taking its share of the height. On strip formats (at least
`row_from_aspect` times wider than high) blocks marked aside stand left or right of the stack
at their natural proportions, and the rest stack in the middle. A QR code has a fixed size: it
stands at the right of a strip, in the bottom-right corner of other pages, and the blocks beside
it give way. Regions never overlap.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Box
from .spec import BlockSpec, Layout

MIN_STACK_WIDTH = 0.5  # asides never leave the stack less than half the safe width


def arrange(layout: Layout, safe: Box, blocks: Sequence[BlockSpec], aspects: dict[int, float],
            fixed: dict[int, tuple[float, float]]) -> dict[int, Box]:
    """Block index -> region. `aspects`: natural width/height of aside blocks; `fixed`: (width,
    height) of fixed-size blocks (the QR code)."""
    gap = layout.gap * min(safe.width, safe.height)
    is_strip = safe.width / safe.height >= layout.row_from_aspect
    regions, area = _corners(fixed, safe, gap, is_strip)
    aside = [i for i, b in enumerate(blocks) if is_strip and b.aside and i not in fixed]
    stacked = [i for i in range(len(blocks)) if i not in aside and i not in fixed]
    side_regions, stack_box = _asides(blocks, aside, aspects, area, gap)
    stack = _stack([blocks[i].share for i in stacked], stacked, stack_box, gap)
    if not is_strip:
        stack = {i: _beside(box, [regions[j] for j in fixed], gap) for i, box in stack.items()}
    return {**regions, **side_regions, **stack}


def _corners(fixed: dict[int, tuple[float, float]], safe: Box, gap: float,
             is_strip: bool) -> tuple[dict[int, Box], Box]:
    regions, area = {}, safe
    for i, (width, height) in fixed.items():
        if is_strip:
            regions[i] = Box(area.right - width, area.y + (area.height - height) / 2, width, height)
            area = Box(area.x, area.y, area.width - width - gap, area.height)
        else:
            regions[i] = Box(area.right - width, area.bottom - height, width, height)
    return regions, area


def _beside(box: Box, corners: list[Box], gap: float) -> Box:
    """A stacked region that gives way to a corner block: it ends left of it, or above it,
    whichever keeps more of its area."""
    for corner in corners:
        if box.bottom <= corner.y - gap or box.y >= corner.bottom or box.right <= corner.x - gap:
            continue
        narrower = Box(box.x, box.y, max(corner.x - gap - box.x, 0.0), box.height)
        shorter = Box(box.x, box.y, box.width, max(corner.y - gap - box.y, 0.0))
        box = max(narrower, shorter, key=lambda b: b.width * b.height)
    return box


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
