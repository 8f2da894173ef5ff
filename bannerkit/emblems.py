"""Turn the legal geometry of the national flag and the Party flag into SVG artwork (assets/).

National flag (Hiến pháp 2013, Điều 13; Hướng dẫn 3420/HD-BVHTTDL): 2:3, red field, a
five-pointed yellow star whose centre is the flag's centre, centre-to-tip one fifth of the
flag's length, one point straight up, edges straight from tip to tip.

Party flag (Quy định 99-QĐ/TW, 27/02/2023): 2:3, red field, a yellow hammer and sickle at
the centre; "đường kính của Búa - Liềm bằng 4/10 chiều ngang lá cờ". We read "chiều ngang"
as the flag's horizontal side, its length L: the emblem fills a circle of diameter 0.4 L,
the same circle as the national flag's star tips (0.4 L = 0.6 × the height). The hammer
handle rises at 45° from the lower right to a head at the upper left; the sickle's handle
sits lower left, its blade sweeps under and round the right to a tip at the top, level
with the top of the hammer head; both handles end on one level. The drawing inside the
circle is ours (no official outline is published as coordinates).
"""

from __future__ import annotations

import math
from functools import cache

from .model import Point

FLAG_RATIO = 2 / 3  # height / length
STAR_RADIUS = 1 / 5  # centre to tip, as a share of the flag length
EMBLEM_DIAMETER = 4 / 10  # of the flag length (see the module docstring)
_ARC_STEPS = 48

# Hammer and sickle in a unit circle (radius 1, y up), before scaling to the flag.
_HANDLE_HALF_WIDTH = 0.085
_HAMMER_AXIS = (-math.sqrt(0.5), math.sqrt(0.5))  # 45° up, towards the upper left
_HAMMER_HANDLE = (-0.95, 0.62)  # extent along the axis from the centre
_HAMMER_HEAD = (0.58, 0.88, 0.32)  # from, to along the axis; half length across it
_BLADE_CENTRE, _BLADE_RADIUS = (0.06, 0.10), 0.80  # the blade's outer edge
_TIP_LEVEL = (_HAMMER_HEAD[1] + _HAMMER_HEAD[2]) * math.sqrt(0.5)  # level with the top of the hammer head
_HEEL_ANGLE, _HEEL_WIDTH = 226.0, 0.2  # where the blade meets its handle
_BELLY_ANGLE, _BELLY_WIDTH = 318.0, 0.3  # the blade's widest part
_SICKLE_AXIS = (-math.sqrt(0.5), -math.sqrt(0.5))  # the handle points down and to the left


# The flags' SVG user space: 300 × 200 units, the 2:3 of the Constitution.
FLAG_LENGTH = 300.0
FLAG_HEIGHT = FLAG_LENGTH * FLAG_RATIO
Shape = tuple[str, tuple[Point, ...]]  # palette token, polygon


def national_flag() -> list[Shape]:
    cx, cy = FLAG_LENGTH / 2, FLAG_HEIGHT / 2
    return [("red", _field()), ("yellow", star_points(cx, cy, STAR_RADIUS * FLAG_LENGTH))]


def party_flag() -> list[Shape]:
    cx, cy, radius = FLAG_LENGTH / 2, FLAG_HEIGHT / 2, EMBLEM_DIAMETER * FLAG_LENGTH / 2
    return [("red", _field())] + [("yellow", tuple((cx + x * radius, cy + y * radius) for x, y in shape))
                                  for _, shape in hammer_and_sickle()]


def star() -> list[Shape]:
    """The star alone, tips on the unit circle. Alone, away from a flag, it takes the theme's
    emblem colour: yellow on red, red on a light field."""
    return [("emblem", star_points(0.0, 0.0, 1.0))]


def hammer_and_sickle() -> list[Shape]:
    """The emblem alone, y down, its farthest point on the unit circle."""
    return [("emblem", tuple((x, -y) for x, y in shape)) for shape in hammer_and_sickle_unit()]


def svg(shapes: list[Shape], view_box: tuple[float, float, float, float], title: str) -> str:
    """SVG text: polygons whose data-color names the palette token (fill is the default red/yellow)."""
    defaults = {"red": "#DA251D", "yellow": "#FFFF00", "emblem": "#FFFF00"}
    rows = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{" ".join(f"{v:g}" for v in view_box)}">',
            f"  <title>{title}</title>"]
    for token, points in shapes:
        coords = " ".join(f"{x:.4f},{y:.4f}" for x, y in points)
        rows.append(f'  <polygon data-color="{token}" fill="{defaults[token]}" points="{coords}"/>')
    return "\n".join(rows + ["</svg>", ""])


# File name -> (shapes, view box, title): what tools/draw_emblems.py writes into assets/.
ASSETS = {
    "co-to-quoc.svg": (national_flag, (0.0, 0.0, FLAG_LENGTH, FLAG_HEIGHT), "Quốc kỳ (Hiến pháp 2013, Điều 13)"),
    "co-dang.svg": (party_flag, (0.0, 0.0, FLAG_LENGTH, FLAG_HEIGHT), "Đảng kỳ (Quy định 99-QĐ/TW)"),
    "ngoi-sao.svg": (star, (-1.0, -1.0, 2.0, 2.0), "Ngôi sao năm cánh"),
    "bua-liem.svg": (hammer_and_sickle, (-1.0, -1.0, 2.0, 2.0), "Búa liềm"),
}


def star_points(cx: float, cy: float, radius: float) -> tuple[Point, ...]:
    """Ten corners of a straight-edged star, first tip straight up (y grows downwards)."""
    # Straight edges from tip to tip put the inner corners at r·cos72°/cos36°.
    inner = radius * math.cos(math.radians(72)) / math.cos(math.radians(36))
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else inner
        angle = math.radians(-90 + 36 * i)
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    return tuple(points)


@cache
def hammer_and_sickle_unit() -> list[tuple[Point, ...]]:
    """The emblem's shapes, y up, centred on their bounding box and scaled so that the point
    farthest from the centre lies on the unit circle (the emblem's diameter is 2)."""
    shapes = [_hammer_handle(), _hammer_head(), _blade(), _sickle_handle()]
    xs = [x for shape in shapes for x, _ in shape]
    ys = [y for shape in shapes for _, y in shape]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    reach = max(math.hypot(x - cx, y - cy) for shape in shapes for x, y in shape)
    return [tuple(((x - cx) / reach, (y - cy) / reach) for x, y in shape) for shape in shapes]


def _along(axis: Point, t: float, s: float) -> Point:
    """The point t along the axis and s across it (to its right)."""
    ax, ay = axis
    return (ax * t + ay * s, ay * t - ax * s)


def _hammer_handle() -> tuple[Point, ...]:
    t0, t1 = _HAMMER_HANDLE
    w = _HANDLE_HALF_WIDTH
    return tuple(_along(_HAMMER_AXIS, t, s) for t, s in ((t0, -w), (t0, w), (t1, w), (t1, -w)))


def _hammer_head() -> tuple[Point, ...]:
    t0, t1, half = _HAMMER_HEAD
    return tuple(_along(_HAMMER_AXIS, t, s) for t, s in ((t0, -half), (t0, half), (t1, half), (t1, -half)))


def _blade() -> tuple[Point, ...]:
    """Outer edge: an arc from the heel round the right to the tip; inner edge: the circle
    through the tip, the belly and the heel's inner corner, so the blade tapers to a point."""
    cx, cy = _BLADE_CENTRE
    tip_angle = 180 - math.degrees(math.asin((_TIP_LEVEL - cy) / _BLADE_RADIUS))
    outer = _arc((cx, cy), _BLADE_RADIUS, _HEEL_ANGLE, tip_angle + 360)
    belly = _polar(cx, cy, _BLADE_RADIUS - _BELLY_WIDTH, _BELLY_ANGLE)
    heel = _polar(cx, cy, _BLADE_RADIUS - _HEEL_WIDTH, _HEEL_ANGLE)
    centre, radius = _circle_through(outer[-1], belly, heel)
    start, end = (_angle_from(centre, p) for p in (outer[-1], heel))
    if start < end:  # the inner edge runs clockwise, from the tip back to the heel
        start += 360
    return tuple(outer + _arc(centre, radius, start, end)[1:])


def _sickle_handle() -> tuple[Point, ...]:
    cx, cy = _BLADE_CENTRE
    heel = _polar(cx, cy, _BLADE_RADIUS - _HEEL_WIDTH / 2, _HEEL_ANGLE)
    bottom = _along(_HAMMER_AXIS, _HAMMER_HANDLE[0], -_HANDLE_HALF_WIDTH)[1]
    length = (heel[1] - bottom) / math.sqrt(0.5) - _HANDLE_HALF_WIDTH
    w = _HANDLE_HALF_WIDTH
    corners = ((-0.12, -w), (-0.12, w), (length, w), (length, -w))
    return tuple((heel[0] + dx, heel[1] + dy) for dx, dy in (_along(_SICKLE_AXIS, t, s) for t, s in corners))


def _arc(centre: Point, radius: float, start: float, end: float) -> list[Point]:
    return [_polar(*centre, radius, start + (end - start) * i / _ARC_STEPS) for i in range(_ARC_STEPS + 1)]


def _angle_from(centre: Point, point: Point) -> float:
    return math.degrees(math.atan2(point[1] - centre[1], point[0] - centre[0])) % 360


def _circle_through(a: Point, b: Point, c: Point) -> tuple[Point, float]:
    (ax, ay), (bx, by), (cx, cy) = a, b, c
    d = 2 * (ax * (by - cy) + bx * (cy - ay) + cx * (ay - by))
    ux = ((ax**2 + ay**2) * (by - cy) + (bx**2 + by**2) * (cy - ay) + (cx**2 + cy**2) * (ay - by)) / d
    uy = ((ax**2 + ay**2) * (cx - bx) + (bx**2 + by**2) * (ax - cx) + (cx**2 + cy**2) * (bx - ax)) / d
    return (ux, uy), math.hypot(ax - ux, ay - uy)


def _polar(cx: float, cy: float, r: float, degrees: float) -> Point:
    a = math.radians(degrees)
    return (cx + r * math.cos(a), cy + r * math.sin(a))


def _field() -> tuple[Point, ...]:
    return ((0.0, 0.0), (FLAG_LENGTH, 0.0), (FLAG_LENGTH, FLAG_HEIGHT), (0.0, FLAG_HEIGHT))
