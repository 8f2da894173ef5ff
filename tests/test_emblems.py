"""The flags are checked against their legal geometry: ratios and positions, not pixels."""

from __future__ import annotations

import math

import pytest

from bannerkit import emblems
from bannerkit.layout import build_scene, load_layout
from bannerkit.model import Box, Polygon
from bannerkit.sizes import find_size

L = 300.0
FLAG = Box(10.0, 20.0, L, L * 2 / 3)
CENTRE = (FLAG.x + L / 2, FLAG.y + FLAG.height / 2)


def _bounds(points):
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def test_both_flags_are_two_by_three():
    for paint in (emblems.national_flag, emblems.party_flag):
        field = paint(FLAG, "#DA251D", "#FFFF00")[0]
        x0, y0, x1, y1 = _bounds(field.points)
        assert (y1 - y0) / (x1 - x0) == pytest.approx(2 / 3)
    with pytest.raises(ValueError):
        emblems.national_flag(Box(0, 0, 300, 100), "#DA251D", "#FFFF00")


def test_star_is_centred_with_tips_one_fifth_of_the_length_away_and_one_point_up():
    star = emblems.national_flag(FLAG, "#DA251D", "#FFFF00")[1].points
    tips = star[0::2]
    assert all(math.dist(tip, CENTRE) == pytest.approx(L / 5) for tip in tips)
    assert star[0] == pytest.approx((CENTRE[0], CENTRE[1] - L / 5))
    assert sum(p[0] for p in tips) / 5 == pytest.approx(CENTRE[0])


def test_star_edges_run_straight_from_tip_to_tip():
    star = emblems.national_flag(FLAG, "#DA251D", "#FFFF00")[1].points
    for i in range(0, 10, 2):
        (ax, ay), (bx, by), (cx, cy) = star[i], star[(i + 1) % 10], star[(i + 4) % 10]
        assert (bx - ax) * (cy - ay) - (by - ay) * (cx - ax) == pytest.approx(0, abs=1e-9)


def test_hammer_and_sickle_is_centred_and_four_tenths_of_the_length_across():
    shapes = [p.points for p in emblems.party_flag(FLAG, "#DA251D", "#FFFF00")[1:]]
    x0, y0, x1, y1 = _bounds([pt for shape in shapes for pt in shape])
    assert ((x0 + x1) / 2, (y0 + y1) / 2) == pytest.approx(CENTRE)
    reach = max(math.dist(pt, CENTRE) for shape in shapes for pt in shape)
    assert 2 * reach == pytest.approx(0.4 * L)


def test_hammer_rises_at_45_degrees_and_parts_line_up():
    handle, head, blade, sickle_handle = (p.points for p in emblems.party_flag(FLAG, "#DA251D", "#FFFF00")[1:])
    (ax, ay), (bx, by) = handle[0], handle[3]  # along one long edge, bottom to top
    assert math.degrees(math.atan2(ay - by, ax - bx)) == pytest.approx(45)  # up and to the left
    assert head[2][1] < CENTRE[1] and head[2][0] < CENTRE[0]  # head at the upper left
    tip = min((pt for pt in blade if pt[1] < CENTRE[1]), key=lambda pt: pt[0])  # blade's upper end
    assert _bounds(head)[1] == pytest.approx(tip[1], abs=0.005 * L)  # sickle tip level with the head's top
    assert _bounds(handle)[3] == pytest.approx(_bounds(sickle_handle)[3], abs=0.01 * L)  # handles level


@pytest.mark.parametrize("size", ["pano-3x6", "bangron-1x6", "phuon-0.8x2.5", "a3"])
def test_party_flag_stands_left_of_the_national_flag(size):
    scene = build_scene(load_layout("classic"), find_size(size), "Đảng Cộng sản Việt Nam quang vinh muôn năm!")
    polygons = [e for e in scene.elements if isinstance(e, Polygon)]
    star = next(p for p in polygons if len(p.points) == 10)
    blade = max(polygons, key=lambda p: len(p.points))
    assert _bounds(blade.points)[2] < _bounds(star.points)[0]
