"""Draw bannerkit's decorative artwork from geometry: the Đông Sơn drum face, sun rays, a lotus,
waving flags, the hammer-and-sickle-and-star centrepiece, a corner ornament (written into assets/
by tools/draw_emblems.py), and the pieces fitted to a page or a text (field, ribbon, border).

Every drawing is SVG markup whose colours are palette tokens (data-color for fills, data-stroke
for strokes), so themes recolour the decoration and never the flags: the flags use the official
tokens "red" and "yellow", which no theme may change. The waving flags keep the official flat
geometry of emblems.py: the cloth is warped, the star and the emblem are moved and turned with
it, never stretched.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from .emblems import FLAG_HEIGHT, FLAG_LENGTH, hammer_and_sickle_unit, party_flag, star_points
from .model import Field, Point

Drawing = tuple[str, tuple[float, float, float, float], str]  # markup, view box, title
DEFAULTS = {"red": "#DA251D", "yellow": "#FFFF00", "art": "#FFD54A", "gold": "#FFD400", "gold-deep": "#E0A000",
            "white": "#FFFFFF", "black": "#000000", "field-light": "#E8432F", "ribbon": "#B3120F",
            "ribbon-deep": "#7A0A0A"}


def _f(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def _pts(points: Iterable[Point]) -> str:
    return " ".join(f"{_f(x)},{_f(y)}" for x, y in points)


def fill(token: str, extra: str = "") -> str:
    """Fill attributes: the token, and its default colour so the file shows as drawn anywhere."""
    return f'data-color="{token}" fill="{DEFAULTS.get(token, token)}"{extra}'


def stroke(token: str, width: float, extra: str = "") -> str:
    return f'fill="none" data-stroke="{token}" stroke="{DEFAULTS.get(token, token)}" stroke-width="{_f(width)}"{extra}'


def polar(cx: float, cy: float, r: float, degrees: float) -> Point:
    a = math.radians(degrees)
    return (cx + r * math.cos(a), cy + r * math.sin(a))


def circle(cx: float, cy: float, r: float, attributes: str) -> str:
    return f'<circle cx="{_f(cx)}" cy="{_f(cy)}" r="{_f(r)}" {attributes}/>'


def document(drawing: Drawing) -> str:
    markup, view_box, title = drawing
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{" ".join(_f(v) for v in view_box)}">\n'
            f"  <title>{title}</title>\n{markup}</svg>\n")


# --- The Đông Sơn drum face -------------------------------------------------------------------

def drum_face() -> Drawing:
    """A central 14-pointed star with V-shaped rays between its points, then concentric bands:
    circles joined by tangents, a zig-zag, a ring of flying Lạc birds, hatching and dots. Drawn as
    one stroked and one filled path (a watermark of a few hundred marks draws fast as two)."""
    lines = [_ring(r) for r in (32, 36, 52, 56, 70, 74, 86, 90, 97, 99.5)]
    lines += [_drum_rays(14, 30.0), _tangent_circles(44.0, 20, 4.2), _zigzag(62.0, 5.5, 48), _hatching(93.5, 3.0, 120)]
    shapes = [_drum_star(14, 30.0), _birds(80.0, 12), _dots(34.0, 28, 0.9), _dots(72.0, 60, 0.9),
              _dots(44.0, 20, 1.5, offset=0.0)]
    joined = ' stroke-linejoin="round"'
    markup = (f'  <path d="{"".join(lines)}" {stroke("art", 1.0, joined)}/>\n'
              f'  <path d="{"".join(shapes)}" {fill("art")}/>\n')
    return markup, (-100, -100, 200, 200), "Mặt trống đồng Đông Sơn"


def _ring(r: float, cx: float = 0.0, cy: float = 0.0) -> str:
    """A circle as path data: two half arcs."""
    return (f"M{_f(cx + r)} {_f(cy)}A{_f(r)} {_f(r)} 0 1 0 {_f(cx - r)} {_f(cy)}"
            f"A{_f(r)} {_f(r)} 0 1 0 {_f(cx + r)} {_f(cy)}Z")


def _drum_star(points: int, radius: float) -> str:
    inner = radius * 0.28
    star = [polar(0, 0, radius if i % 2 == 0 else inner, -90 + 180 * i / points) for i in range(2 * points)]
    return "M" + "L".join(f"{_f(x)} {_f(y)}" for x, y in star) + "Z"


def _drum_rays(points: int, radius: float) -> str:
    """A V between each pair of the star's points, as cast on the drums."""
    parts = []
    for i in range(points):
        a = -90 + 360 * (i + 0.5) / points
        v = [polar(0, 0, radius * 0.55, a - 6), polar(0, 0, radius * 0.95, a), polar(0, 0, radius * 0.55, a + 6)]
        parts.append("M" + "L".join(f"{_f(x)} {_f(y)}" for x, y in v))
    return "".join(parts)


def _tangent_circles(r: float, count: int, small: float) -> str:
    centres = [polar(0, 0, r, 360 * i / count) for i in range(count)]
    parts = [_ring(small, x, y) for x, y in centres]
    for (ax, ay), (bx, by) in zip(centres, centres[1:] + centres[:1]):
        dx, dy = bx - ax, by - ay
        n = math.hypot(dx, dy)
        ox, oy = -dy / n * small, dx / n * small  # the tangents on either side
        for k in (1, -1):
            parts.append(f"M{_f(ax + k * ox)} {_f(ay + k * oy)}L{_f(bx + k * ox)} {_f(by + k * oy)}")
    return "".join(parts)


def _zigzag(r: float, depth: float, teeth: int) -> str:
    points = [polar(0, 0, r + (depth / 2 if i % 2 else -depth / 2), 360 * i / (2 * teeth)) for i in range(2 * teeth)]
    return "M" + "L".join(f"{_f(x)} {_f(y)}" for x, y in points) + "Z"


# A Lạc bird flying to the right, centred on its body: a long beak, a swept body and crest, a raised
# wing and a forked tail. Each entry: a command and its points.
_BIRD: tuple[tuple[str, list[Point]], ...] = (
         ("M", [(-9, 0)]), ("C", [(-5, -2.2), (3, -2.6), (8, -0.6)]), ("L", [(12, -0.2)]), ("L", [(8, 0.8)]),
         ("C", [(3, 2.6), (-4, 2.4), (-9, 0)]), ("Z", []),
         ("M", [(-2, -1.4)]), ("C", [(0, -5), (3, -7.5), (6, -8)]), ("C", [(4, -5), (3, -2.6), (2.4, -1.2)]), ("Z", []),
         ("M", [(-8.6, 0)]), ("L", [(-13, -3.4)]), ("L", [(-11, 0)]), ("L", [(-13, 3.4)]), ("Z", []),
         ("M", [(6, -1.4)]), ("L", [(4.6, -4.6)]), ("L", [(7.2, -1.8)]), ("Z", []))


def _birds(r: float, count: int) -> str:
    """Lạc birds flying anticlockwise round the centre, as on the drums."""
    parts = []
    for i in range(count):
        angle = 360 * i / count
        cx, cy = polar(0, 0, r, angle)
        turn = math.radians(angle - 90)
        c, s_ = math.cos(turn), math.sin(turn)
        for command, points in _BIRD:
            moved = [(cx + x * c - y * s_, cy + x * s_ + y * c) for x, y in points]
            parts.append(command + " ".join(f"{_f(x)} {_f(y)}" for x, y in moved))
    return "".join(parts)


def _hatching(r: float, length: float, count: int) -> str:
    lines = []
    for i in range(count):
        a = 360 * i / count
        (x1, y1), (x2, y2) = polar(0, 0, r - length / 2, a), polar(0, 0, r + length / 2, a + 1.5)
        lines.append(f"M{_f(x1)} {_f(y1)}L{_f(x2)} {_f(y2)}")
    return "".join(lines)


def _dots(r: float, count: int, size: float, offset: float = 0.5) -> str:
    return "".join(_ring(size, *polar(0, 0, r, 360 * (i + offset) / count)) for i in range(count))


# --- Sun rays ---------------------------------------------------------------------------------

def sun_rays(count: int = 36) -> Drawing:
    """Alternate wedges from the centre to beyond the corners (a burst behind the flags)."""
    wedges = []
    for i in range(count):
        a = 360 * i / count
        half = 180 / count * 0.55
        wedges.append(f"M0 0L{_f(polar(0, 0, 150, a - half)[0])} {_f(polar(0, 0, 150, a - half)[1])}"
                      f"L{_f(polar(0, 0, 150, a + half)[0])} {_f(polar(0, 0, 150, a + half)[1])}Z")
    return f'  <path d="{"".join(wedges)}" {fill("art")}/>\n', (-100, -100, 200, 200), "Tia nắng"


# --- Lotus ------------------------------------------------------------------------------------

def lotus() -> Drawing:
    """A lotus flower seen from the front: a tall centre petal, two pairs of side petals, a
    curved base and two leaves; veins in the deeper tone."""
    petal = "M0 0 C-14 -16 -12 -44 0 -62 C12 -44 14 -16 0 0 Z"
    parts = []
    for angle, scale, token in ((-58, 0.78, "gold-deep"), (58, 0.78, "gold-deep"), (-30, 0.92, "gold"),
                                (30, 0.92, "gold"), (0, 1.0, "gold")):
        parts.append(f'<path transform="translate(0 -8) rotate({angle}) scale({scale})" d="{petal}" {fill(token)}/>')
        parts.append(f'<path transform="translate(0 -8) rotate({angle}) scale({scale})" d="M0 -6 C-2 -24 -2 -40 0 -54" '
                     f'{stroke("gold-deep", 1.4)}/>')
    parts.append(f'<path d="M-46 -4 C-30 8 30 8 46 -4 C36 10 18 16 0 16 C-18 16 -36 10 -46 -4 Z" {fill("gold-deep")}/>')
    leaf = "M0 0 C8 -10 30 -14 46 -6 C34 6 12 8 0 0 Z"
    parts.append(f'<path transform="translate(6 14)" d="{leaf}" {fill("gold")}/>')
    parts.append(f'<path transform="translate(-6 14) scale(-1 1)" d="{leaf}" {fill("gold")}/>')
    return "".join(f"  {p}\n" for p in parts), (-56, -72, 112, 96), "Hoa sen"


# --- The centrepiece ----------------------------------------------------------------------------

def centrepiece() -> Drawing:
    """The five-pointed star above the hammer and sickle, both gold, the emblem drawn from the
    same geometry as the Party flag's."""
    star = star_points(0.0, -55.0, 30.0)
    emblem = [tuple((x * 46, 20 - y * 46) for x, y in shape) for shape in hammer_and_sickle_unit()]
    parts = [f'<polygon points="{_pts(star)}" {fill("gold")}/>']
    parts += [f'<polygon points="{_pts(shape)}" {fill("gold")}/>' for shape in emblem]
    return "".join(f"  {p}\n" for p in parts), (-50, -87, 100, 155), "Sao vàng, búa liềm"


# --- Corner ornament --------------------------------------------------------------------------

def corner() -> Drawing:
    """A corner of a frame: two rules meeting round a lotus bud on the diagonal, with a curl on
    each side. Drawn for the top-left corner; the border mirrors it into the others."""
    bud = "M0 0 C-5 -6 -5 -14 0 -20 C5 -14 5 -6 0 0 Z"
    parts = [
        f'<path d="M6 64 L6 26 M26 6 L64 6" {stroke("art", 2.4)}/>',
        f'<path d="M13 64 L13 30 C13 20 20 13 30 13 L64 13" {stroke("art", 1.0)}/>',
        f'<path transform="translate(17 17) rotate(-45)" d="{bud}" {fill("art")}/>',
        f'<path d="M6 26 C6 14 14 8 22 12 C16 12 12 16 12 22" {stroke("art", 1.6)}/>',
        f'<path d="M26 6 C14 6 8 14 12 22 C12 16 16 12 22 12" {stroke("art", 1.6)}/>',
        circle(6, 6, 3.2, fill("art")),
    ]
    return "".join(f"  {p}\n" for p in parts), (0, 0, 64, 64), "Hoa văn góc"


# --- Waving flags -------------------------------------------------------------------------------

POLE = 8.0  # the pole's width, flag units (the flag is 300 long)
WAVE_TOP = 26.0  # room above and below the cloth for the wave and the finial
_WAVE = (12.0, 2.0, 0.6)  # amplitude, waves along the flag, phase (turns)
_COLUMNS = 60  # shading strips along the cloth


def _wave(x: float) -> float:
    """How far the cloth is displaced down at x: still at the pole, growing to the fly."""
    amplitude, waves, phase = _WAVE
    return amplitude * (0.25 + 0.75 * x / FLAG_LENGTH) * math.sin(2 * math.pi * (waves * x / FLAG_LENGTH - phase))


def _slope(x: float) -> float:
    return (_wave(x + 0.5) - _wave(x - 0.5))


def _warp(point: Point) -> Point:
    x, y = point
    return (POLE + x, WAVE_TOP + y + _wave(x))


def waving_flag(kind: str) -> Drawing:
    """The flag on its pole, its cloth in a sine wave with light and shade across the folds."""
    samples = [FLAG_LENGTH * i / _COLUMNS for i in range(_COLUMNS + 1)]
    outline = [_warp((x, 0.0)) for x in samples] + [_warp((x, FLAG_HEIGHT)) for x in reversed(samples)]
    parts = [f'<polygon points="{_pts(outline)}" {fill("red")}/>']
    emblems = party_flag()[1:] if kind == "party" else [("yellow", star_points(FLAG_LENGTH / 2, FLAG_HEIGHT / 2,
                                                                                  FLAG_LENGTH / 5))]
    cx = FLAG_LENGTH / 2
    turn = math.degrees(math.atan(_slope(cx)))  # the emblem moves and turns with the cloth, unstretched
    (ex, ey) = _warp((cx, FLAG_HEIGHT / 2))
    for _token, shape in emblems:
        moved = [(px - cx, py - FLAG_HEIGHT / 2) for px, py in shape]
        parts.append(f'<polygon transform="translate({_f(ex)} {_f(ey)}) rotate({_f(turn)})" points="{_pts(moved)}" '
                     f'{fill("yellow")}/>')
    parts += _cloth_shading(samples)
    parts.append(_pole())
    title = "Đảng kỳ tung bay" if kind == "party" else "Quốc kỳ tung bay"
    return "".join(f"  {p}\n" for p in parts), (0, 0, POLE + FLAG_LENGTH + 6, FLAG_HEIGHT + 2 * WAVE_TOP), title


def _cloth_shading(samples: list[float]) -> list[str]:
    """Strips across the cloth, lighter where it faces the light (rising) and darker in the folds."""
    parts = []
    for x0, x1 in zip(samples, samples[1:]):
        light = -_slope((x0 + x1) / 2) / 0.45  # -1 (fold) to 1 (facing up)
        if abs(light) < 0.05:
            continue
        quad = [_warp((x0, 0)), _warp((x1, 0)), _warp((x1, FLAG_HEIGHT)), _warp((x0, FLAG_HEIGHT))]
        token = "white" if light > 0 else "black"
        opacity = min(abs(light), 1.0) * (0.2 if light > 0 else 0.3)
        parts.append(f'<polygon points="{_pts(quad)}" {fill(token)} fill-opacity="{_f(opacity)}"/>')
    return parts


def _pole() -> str:
    top, bottom = WAVE_TOP - 14, FLAG_HEIGHT + 2 * WAVE_TOP
    return (f'<rect x="0" y="{_f(top)}" width="{_f(POLE)}" height="{_f(bottom - top)}" {fill("gold")}/>'
            f'<rect x="{_f(POLE * 0.55)}" y="{_f(top)}" width="{_f(POLE * 0.3)}" height="{_f(bottom - top)}" '
            f'{fill("white")} fill-opacity="0.35"/>' + circle(POLE / 2, top - 4, 6, fill("gold")))


# --- Pieces fitted to a page or a text -----------------------------------------------------------

def field(width: float, height: float, colours: tuple[str, ...], kind: str) -> str:
    """The page's field as bands of flat colour, edge (radial) or top (linear) first: radial
    bands are ellipses of the page's proportions shrinking to the centre; linear bands run down."""
    parts = []
    count = len(colours)
    for i, colour in enumerate(colours):
        if kind == "radial":
            k = Field.RADIAL_REACH * (1 - i / count)
            parts.append(f'<ellipse cx="{_f(width / 2)}" cy="{_f(height / 2)}" rx="{_f(width * k * 1.0)}" '
                         f'ry="{_f(height * k)}" fill="{colour}"/>')
        else:
            y = height * i / count
            parts.append(f'<rect x="0" y="{_f(y)}" width="{_f(width)}" height="{_f(height - y)}" fill="{colour}"/>')
    return "".join(parts)


def ribbon(width: float, height: float) -> str:
    """A ribbon band to set a headline on: a band with folded tails behind each end, the folds in
    the deeper tone, a thin gold rule along both edges. Lengths in the text's own millimetres."""
    tail, fold = height * 0.9, height * 0.35
    band = f'<rect x="{_f(tail * 0.6)}" y="0" width="{_f(width - tail * 1.2)}" height="{_f(height)}" {fill("ribbon")}/>'
    parts = []
    for side in (1, -1):
        x0 = 0.0 if side == 1 else width
        notch = [(x0, fold), (x0 + side * tail, fold), (x0 + side * tail, height + fold),
                 (x0, height + fold), (x0 + side * tail * 0.4, (height + 2 * fold) / 2)]
        parts.append(f'<polygon points="{_pts(notch)}" {fill("ribbon")}/>')
        under = [(x0 + side * tail * 0.6, height), (x0 + side * tail, height + fold), (x0 + side * tail, height)]
        parts.append(f'<polygon points="{_pts(under)}" {fill("ribbon-deep")}/>')
    rule = height * 0.045
    rules = "".join(f'<rect x="{_f(tail * 0.6)}" y="{_f(y)}" width="{_f(width - tail * 1.2)}" height="{_f(rule)}" '
                    f'{fill("art")}/>' for y in (rule * 1.5, height - rule * 2.5))
    return "".join(parts) + band + rules


def border(width: float, height: float, inset: float, corner_markup: str, corner_size: float) -> str:
    """A double rule round the page, `inset` in from the edge, with the corner ornament mirrored
    into each corner."""
    heavy, light = inset * 0.09, inset * 0.04
    rules = (f'<rect x="{_f(inset)}" y="{_f(inset)}" width="{_f(width - 2 * inset)}" height="{_f(height - 2 * inset)}" '
             f'{stroke("art", heavy)}/>'
             f'<rect x="{_f(inset * 1.35)}" y="{_f(inset * 1.35)}" width="{_f(width - 2.7 * inset)}" '
             f'height="{_f(height - 2.7 * inset)}" {stroke("art", light)}/>')
    k = corner_size / 64
    corners = []
    for sx, sy in ((1, 1), (-1, 1), (1, -1), (-1, -1)):
        x = inset * 0.6 if sx == 1 else width - inset * 0.6
        y = inset * 0.6 if sy == 1 else height - inset * 0.6
        place = f"translate({_f(x)} {_f(y)}) scale({_f(sx * k)} {_f(sy * k)})"
        corners.append(f'<g transform="{place}">{corner_markup}</g>')
    return rules + "".join(corners)


# File name -> drawing: what tools/draw_emblems.py writes into assets/ beside the flags.
ASSETS: dict[str, Callable[[], Drawing]] = {
    "trong-dong.svg": drum_face,
    "tia-nang.svg": sun_rays,
    "hoa-sen.svg": lotus,
    "sao-bua-liem.svg": centrepiece,
    "hoa-van-goc.svg": corner,
    "co-dang-bay.svg": lambda: waving_flag("party"),
    "co-to-quoc-bay.svg": lambda: waving_flag("national"),
}
