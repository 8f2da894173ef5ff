"""Blend colours for gradients drawn as fine bands of flat colour, the same in both painters.

A PDF shading would be interpolated in RGB by WeasyPrint; bands of flat colours keep every
print colour CMYK, and at one step per two levels of the widest-moving ink no band is visible.
"""

from __future__ import annotations

import math

from ..model import Color

GRADIENT_STEP = 2 / 255  # the largest change of any ink between two bands
MAX_BANDS = 128


def _channels(color: Color) -> tuple[float, ...]:
    rgb = tuple(int(color.rgb[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return rgb + (color.cmyk or ())


def gradient_steps(stops: tuple[Color, ...]) -> int:
    """How many bands make the gradient smooth."""
    widest = max((max(abs(a - b) for a, b in zip(_channels(s), _channels(t)))
                  for s, t in zip(stops, stops[1:])), default=0.0)
    return min(max(math.ceil(widest / GRADIENT_STEP) * max(len(stops) - 1, 1), 2), MAX_BANDS)


def mix(stops: tuple[Color, ...], t: float) -> Color:
    """The colour at t (0 to 1) of evenly spaced stops, in screen and in print colours."""
    t = min(max(t, 0.0), 1.0) * (len(stops) - 1)
    i = min(math.floor(t), len(stops) - 2) if len(stops) > 1 else 0
    a, b = stops[i], stops[min(i + 1, len(stops) - 1)]
    f = t - i
    rgb = "#" + "".join(f"{round(int(a.rgb[k:k + 2], 16) * (1 - f) + int(b.rgb[k:k + 2], 16) * f):02X}"
                        for k in (1, 3, 5))
    cmyk = (tuple(round(u * (1 - f) + v * f, 4) for u, v in zip(a.cmyk, b.cmyk))
            if a.cmyk is not None and b.cmyk is not None else None)
    return Color(rgb, cmyk)  # type: ignore[arg-type]
