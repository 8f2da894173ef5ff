"""Issue 13's composition rules, measured on the laid-out scene for every layout at one size of
every shape: blocks never overlap and stay in the safe area; pennants and portrait screens leave
no band of bare field taller than 15 % of their height; on strip banners the text spans at least
80 % of the usable width; the headline or main text is the largest, the signature the smallest;
a QR code shrinks the main text by at most 15 %; a story keeps its interface zones free."""

from __future__ import annotations

import itertools

import pytest
from composition import bare_bands, inside, text_of

from bannerkit import Job, RenderOptions
from bannerkit.design import lay_out
from bannerkit.errors import QRError
from bannerkit.layout import layout_files, load_layout
from bannerkit.layout.shapes import EXAMPLE_SIZES, SHAPES, shape_of
from bannerkit.model import TextBlock

SIZES = EXAMPLE_SIZES
LAYOUTS = [name for name in layout_files() if not load_layout(name).strip]
MAX_BARE_BAND = 0.15
MIN_STRIP_SPAN = 0.8
MAX_QR_SHRINK = 0.15
QR = "https://tuyengiao.cantho.gov.vn/van-ban/ke-hoach-tuyen-truyen-dai-hoi"


def _design(layout: str, size: str, job: Job | None = None):
    job = job or Job(**load_layout(layout).example)
    return lay_out(job, RenderOptions(size=size, layout=layout, formats=("pdf",)))


def _main_text(layout: str, scene) -> TextBlock:
    """The text the page is about (marked main in the layout)."""
    main = next(b.name for b in load_layout(layout).blocks if b.main)
    return text_of(scene, main)


def test_every_size_of_the_issue_has_the_shape_it_stands_for():
    from bannerkit.sizes import find_size
    assert {shape: shape_of(find_size(size)) for shape, size in SIZES.items()} == {s: s for s in SHAPES}
    assert shape_of(find_size("social-1080x1920")) == "portrait-screen"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_says_how_it_arranges_itself_on_every_shape(layout):
    assert sorted(load_layout(layout).shaped) == sorted(SHAPES)
    assert sum(b.main for b in load_layout(layout).blocks) == 1


@pytest.mark.parametrize("layout, shape", list(itertools.product(LAYOUTS, SHAPES)))
def test_blocks_stay_apart_and_inside_the_safe_area(layout, shape):
    scene = _design(layout, SIZES[shape]).scene
    extents = [(g.name, g.extent) for g in scene.blocks if g.extent is not None]
    for (name, box), (other, box2) in itertools.combinations(extents, 2):
        assert not box.inset(1e-6).overlaps(box2.inset(1e-6)), (name, other)
    for name, box in extents:
        assert inside(box, scene.safe), name


@pytest.mark.parametrize("layout, size", list(itertools.product(
    LAYOUTS, ["phuon-0.8x2.5", "phuon-0.6x2", "led-1080x1920", "social-1080x1920"])))
def test_tall_pages_leave_no_band_of_bare_field(layout, size):
    design = _design(layout, size)
    assert max(bare_bands(design.scene, design.preset)) <= MAX_BARE_BAND


@pytest.mark.parametrize("size", ["phuon-0.8x2.5", "phuon-0.6x2", "phuon-1x3", "led-1080x1920"])
def test_every_slogan_fills_pennants_and_portrait_screens(size):
    for number in range(1, 31):
        design = _design("classic", size, Job(slogan=number))
        assert max(bare_bands(design.scene, design.preset)) <= MAX_BARE_BAND, number


@pytest.mark.parametrize("layout", LAYOUTS)
def test_on_strip_banners_the_text_runs_across_the_usable_width(layout):
    design = _design(layout, "bangron-1x8")
    scene, spec = design.scene, load_layout(layout)
    gap = spec.gap * min(scene.safe.width, scene.safe.height)
    others = [g.region.width + gap for g in scene.blocks if not any(isinstance(e, TextBlock) for e in g.elements)]
    usable = scene.safe.width - sum(others)
    texts = [t.ink for g in scene.blocks for t in g.elements if isinstance(t, TextBlock)]
    span = max(t.right for t in texts) - min(t.x for t in texts)
    assert span >= MIN_STRIP_SPAN * usable


@pytest.mark.parametrize("layout, shape", list(itertools.product(LAYOUTS, SHAPES)))
def test_the_main_text_is_the_largest_and_signatures_the_smallest(layout, shape):
    scene = _design(layout, SIZES[shape]).scene
    ranks = {b.name: b.rank for b in load_layout(layout).blocks}
    caps = {g.name: t.cap_height for g in scene.blocks if (t := text_of(scene, g.name)) and g.name in ranks
            and g.name != "qr"}
    for name, cap in caps.items():
        higher = [caps[other] for other in caps if ranks[other] < ranks[name]]
        assert not higher or cap <= min(higher) * 1.001, (name, caps)


def test_nhiet_liet_chao_mung_is_the_headline_of_a_congress_banner():
    scene = _design("congress", "bangron-1x8").scene
    assert text_of(scene, "headline").cap_height > 1.2 * text_of(scene, "event").cap_height


@pytest.mark.parametrize("layout, shape", list(itertools.product(LAYOUTS, SHAPES)))
def test_a_qr_code_takes_a_band_without_shrinking_the_main_text_much(layout, shape):
    plain = _design(layout, SIZES[shape])
    job = Job(**{**load_layout(layout).example, "qr": QR})
    try:
        with_qr = _design(layout, SIZES[shape], job)
    except QRError:
        pytest.skip("no room for a code that scans from where people stand at this size (the user is told)")
    before, after = _main_text(layout, plain.scene).cap_height, _main_text(layout, with_qr.scene).cap_height
    assert after >= (1 - MAX_QR_SHRINK) * before


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_story_keeps_its_interface_zones_free_of_text(layout):
    design = _design(layout, "social-1080x1920")
    for group in design.scene.blocks:
        for text in (e for e in group.elements if isinstance(e, TextBlock)):
            assert text.ink.y >= 0.14 * design.scene.height and text.ink.bottom <= 0.8 * design.scene.height


@pytest.mark.parametrize("size", ["phuon-0.8x2.5", "phuon-0.6x2"])
def test_a_pennant_keeps_its_pole_sleeve_free_and_has_its_emblem_at_the_top(size):
    design = _design("classic", size, Job(slogan=5))
    top = min(g.extent.y for g in design.scene.blocks if g.extent is not None)
    assert top >= design.preset.clear_top * design.scene.height
    assert design.scene.blocks[0].name == "flags" and not any(isinstance(e, TextBlock)
                                                               for e in design.scene.blocks[0].elements)
