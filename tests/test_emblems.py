"""The flag artwork in assets/ is checked against its legal geometry: ratios and positions."""

from __future__ import annotations

import math

import pytest

from bannerkit import emblems
from bannerkit.assets import load_asset, place
from bannerkit.layout import Content, build_scene, load_layout
from bannerkit.model import Box
from bannerkit.palette import load_palette
from bannerkit.resources import data_folder
from bannerkit.sizes import find_size

L, H = 300.0, 200.0  # the flags' SVG user space
CENTRE = (L / 2, H / 2)


def _bounds(points):
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _shapes(name):
    return [points for _, points in load_asset(name).shapes]


def test_committed_artwork_is_what_the_geometry_rules_draw():
    for name, (shapes, view_box, title) in emblems.ASSETS.items():
        assert (data_folder("assets") / name).read_text(encoding="utf-8") == emblems.svg(shapes(), view_box, title), (
            f"assets/{name} is stale: run tools/draw_emblems.py")


def test_both_flags_are_two_by_three_with_a_red_field():
    for name in ("co-to-quoc.svg", "co-dang.svg"):
        asset = load_asset(name)
        assert asset.view_box == (0, 0, L, H) and asset.aspect == pytest.approx(3 / 2)
        colour, field = asset.shapes[0]
        assert colour == "red" and _bounds(field) == (0, 0, L, H)
        assert {c for c, _ in asset.shapes[1:]} == {"yellow"}


def test_star_is_centred_with_tips_one_fifth_of_the_length_away_and_one_point_up():
    star = _shapes("co-to-quoc.svg")[1]
    tips = star[0::2]
    assert all(math.dist(tip, CENTRE) == pytest.approx(L / 5, abs=1e-3) for tip in tips)
    assert star[0] == pytest.approx((CENTRE[0], CENTRE[1] - L / 5), abs=1e-3)
    assert sum(p[0] for p in tips) / 5 == pytest.approx(CENTRE[0], abs=1e-3)


def test_star_edges_run_straight_from_tip_to_tip():
    star = _shapes("co-to-quoc.svg")[1]
    for i in range(0, 10, 2):
        (ax, ay), (bx, by), (cx, cy) = star[i], star[(i + 1) % 10], star[(i + 4) % 10]
        assert (bx - ax) * (cy - ay) - (by - ay) * (cx - ax) == pytest.approx(0, abs=1e-2)


def test_hammer_and_sickle_is_centred_and_four_tenths_of_the_length_across():
    shapes = _shapes("co-dang.svg")[1:]
    x0, y0, x1, y1 = _bounds([pt for shape in shapes for pt in shape])
    assert ((x0 + x1) / 2, (y0 + y1) / 2) == pytest.approx(CENTRE, abs=1e-3)
    reach = max(math.dist(pt, CENTRE) for shape in shapes for pt in shape)
    assert 2 * reach == pytest.approx(0.4 * L, abs=1e-3)


def test_hammer_rises_at_45_degrees_and_parts_line_up():
    handle, head, blade, sickle_handle = _shapes("co-dang.svg")[1:]
    (ax, ay), (bx, by) = handle[0], handle[3]  # along one long edge, bottom to top
    assert math.degrees(math.atan2(ay - by, ax - bx)) == pytest.approx(45, abs=0.01)  # up and to the left
    assert head[2][1] < CENTRE[1] and head[2][0] < CENTRE[0]  # head at the upper left
    tip = min((pt for pt in blade if pt[1] < CENTRE[1]), key=lambda pt: pt[0])  # the blade's upper end
    assert _bounds(head)[1] == pytest.approx(tip[1], abs=0.005 * L)  # sickle tip level with the head's top
    assert _bounds(handle)[3] == pytest.approx(_bounds(sickle_handle)[3], abs=0.01 * L)  # handles level


def test_artwork_is_never_stretched():
    box, polygons = place(load_asset("co-dang.svg"), Box(0, 0, 500, 100), load_palette())
    assert box.width / box.height == pytest.approx(1.5) and box.height == 100 and box.x == 175
    assert polygons[0].fill.rgb == "#DA251D" and polygons[0].fill.cmyk == pytest.approx((0, 0.83, 0.87, 0.15))


@pytest.mark.parametrize("size", ["pano-3x6", "bangron-1x6", "led-1080x1920", "a3"])  # pennants show the emblem
def test_party_flag_stands_left_of_the_national_flag(size):
    scene = build_scene(load_layout("classic"), find_size(size), Content(slogan="Việt Nam quang vinh!"))
    flags = next(g for g in scene.groups if g.name == "flags").elements
    star = next(p for p in flags if len(p.points) == 10)
    blade = max(flags, key=lambda p: len(p.points))
    assert _bounds(blade.points)[2] < _bounds(star.points)[0]
