"""Measure a laid-out scene the way issue 13's composition rules are stated: bare bands of field,
the share of a strip's usable width the main text spans, overlaps, the safe area and hierarchy.
Used by tests/test_composition.py."""

from __future__ import annotations

from bannerkit.model import Box, Scene, SizePreset, TextBlock


def bare_bands(scene: Scene, preset: SizePreset) -> list[float]:
    """Heights of the horizontal bands with nothing drawn across them, as shares of the page height,
    between the bands kept clear (a pennant's sleeve, a story's interface)."""
    top, bottom = scene.height * preset.clear_top, scene.height * (1 - preset.clear_bottom)
    covered = sorted((max(e.y, top), min(e.bottom, bottom)) for g in scene.blocks
                     if (e := g.extent) is not None)
    bands, y = [], top
    for start, end in covered:
        if start > y:
            bands.append(start - y)
        y = max(y, end)
    bands.append(max(bottom - y, 0.0))
    return [b / scene.height for b in bands]


def text_of(scene: Scene, name: str) -> TextBlock | None:
    group = next((g for g in scene.blocks if g.name == name), None)
    return next((e for e in group.elements if isinstance(e, TextBlock)), None) if group else None


def inside(inner: Box, outer: Box) -> bool:
    eps = 1e-6 * max(outer.width, outer.height)
    return (inner.x >= outer.x - eps and inner.y >= outer.y - eps and inner.right <= outer.right + eps
            and inner.bottom <= outer.bottom + eps)
