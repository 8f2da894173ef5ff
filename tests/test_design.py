"""The design system: artwork drawn from geometry, themes that never touch the flags, image slots
with clear errors, text effects and artwork that stay vector, CMYK and searchable in the PDF."""

from __future__ import annotations

import io
import math
import re

import pypdf
import pytest
from conftest import invoke, stand_in_portrait
from PIL import Image

from bannerkit import artwork, emblems
from bannerkit.assets import load_asset
from bannerkit.design import lay_out, paint
from bannerkit.errors import ImageError, LayoutError
from bannerkit.job import Job, prepare
from bannerkit.layout import build_scene, load_layout
from bannerkit.model import Art, Picture, Polygon, TextBlock
from bannerkit.options import RenderOptions
from bannerkit.palette import load_palette
from bannerkit.resources import data_folder
from bannerkit.sizes import find_size
from bannerkit.themes import load_theme, theme_files

DESIGNED = ("congress-panel", "anniversary-panel", "slogan-panel")
THEMES = sorted(theme_files())


def test_committed_artwork_is_what_the_geometry_draws():
    for name, draw in artwork.ASSETS.items():
        assert (data_folder("assets") / name).read_text(encoding="utf-8") == artwork.document(draw()), (
            f"assets/{name} is stale: run tools/draw_emblems.py")


def test_every_artwork_is_documented_in_the_assets_readme():
    readme = (data_folder("assets") / "README.md").read_text(encoding="utf-8")
    for name in [*artwork.ASSETS, *emblems.ASSETS]:
        assert name in readme, f"assets/README.md does not describe {name}"


def _polygons(markup: str) -> list[list[tuple[float, float]]]:
    shapes = []
    for points in re.findall(r'<polygon[^>]*transform="[^"]*"[^>]*points="([^"]+)"', markup):
        values = [float(v) for v in points.replace(",", " ").split()]
        shapes.append(list(zip(values[0::2], values[1::2])))
    return shapes


@pytest.mark.parametrize("kind", ["party", "national"])
def test_waving_flags_keep_the_official_emblem_unstretched_in_the_official_colours(kind):
    markup = artwork.waving_flag(kind)[0]
    flat = emblems.party_flag()[1:] if kind == "party" else emblems.national_flag()[1:]
    moved = _polygons(markup)
    assert len(moved) == len(flat)
    for (_token, original), placed in zip(flat, moved):
        # moved and turned with the cloth, never stretched: every distance within a shape is kept
        for (a, b), (c, d) in zip(zip(original, original[1:]), zip(placed, placed[1:])):
            assert math.dist(a, b) == pytest.approx(math.dist(c, d), abs=0.01)
    asset = load_asset(f"{'co-dang' if kind == 'party' else 'co-to-quoc'}-bay.svg")
    assert asset.tokens[:2] == ("red", "yellow")


def test_centrepiece_draws_the_official_hammer_and_sickle():
    shapes = load_asset("sao-bua-liem.svg").shapes
    official = emblems.hammer_and_sickle_unit()
    assert {token for token, _points in shapes} == {"gold"} and len(shapes) == 1 + len(official)
    for (_token, points), unit in zip(shapes[1:], official):
        assert len(points) == len(unit)  # the emblem's own outline, scaled


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("layout", ["classic", "congress-panel", "slogan-panel"])
def test_every_theme_keeps_the_flags_official_colours(layout, theme):
    official = {load_palette()[t].rgb for t in ("red", "yellow")}
    scene = build_scene(load_layout(layout), find_size("a3"), prepare(Job(**load_layout(layout).example)).content,
                        theme=theme)
    flags = [e for g in scene.groups if g.name == "flags" for e in g.elements]
    colours = {e.fill.rgb for e in flags if isinstance(e, Polygon) and e.fill.rgb in official | {"#DA251D"}}
    colours |= {c.rgb for e in flags if isinstance(e, Art) for c in e.colors[:2]}
    assert flags and colours == official


def test_a_theme_may_not_recolour_the_flags(tmp_path):
    (tmp_path / "themes").mkdir()
    (tmp_path / "themes" / "mine.toml").write_text('description = "x"\n[colors]\nred = { rgb = "#FF0000" }\n')
    with pytest.raises(LayoutError, match="official flag colour"):
        load_theme("mine", tmp_path)


def test_themes_are_listed_and_an_unknown_theme_is_named():
    result = invoke("themes")
    assert result.exit_code == 0 and {"classic", "red-gold", "light"} <= set(result.output.split())
    result = invoke("render", "--slogan", "5", "--theme", "neon", "--format", "png")
    assert result.exit_code == 1 and "unknown theme 'neon'" in result.output and "red-gold" in result.output


def test_a_copied_theme_in_the_users_folder_is_used(tmp_path):
    (tmp_path / "themes").mkdir()
    text = (data_folder("themes") / "light.toml").read_text(encoding="utf-8").replace("#FFF8E7", "#EEEEFF")
    (tmp_path / "themes" / "light.toml").write_text(text, encoding="utf-8")
    assert load_palette(tmp_path, load_theme("light", tmp_path))["field"].rgb == "#EEEEFF"


def test_artwork_that_could_run_or_fetch_is_refused(tmp_path):
    for body in ('<script>alert(1)</script>', '<image href="file:///etc/passwd" width="1" height="1"/>',
                 '<use href="http://example.com/x.svg#a"/>', '<rect width="1" height="1" onload="x()"/>'):
        (tmp_path / "bad.svg").write_text(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">{body}</svg>')
        with pytest.raises(LayoutError, match="not allowed"):
            load_asset("bad.svg", tmp_path)


@pytest.fixture()
def anniversary(portrait):
    return Job(anniversary="dang-95", unit="Quận ủy Ninh Kiều", images=(("portrait", portrait),))


def test_a_portrait_fills_its_slot_and_an_empty_slot_gives_way(anniversary):
    options = RenderOptions(size="pano-3x6", layout="anniversary-panel", formats=("png",))
    with_portrait = lay_out(anniversary, options).scene
    pictures = [e for e in with_portrait.elements if isinstance(e, Picture)]
    assert len(pictures) == 1 and pictures[0].shape == "rounded"
    without = lay_out(Job(anniversary="dang-95", unit="Quận ủy Ninh Kiều"), options).scene
    assert not any(isinstance(e, Picture) for e in without.elements) and not without.left_out
    numerals = [max(e.cap_height for e in s.elements if isinstance(e, TextBlock)) for s in (with_portrait, without)]
    assert numerals[1] > numerals[0]  # the text takes the room the portrait would have had


def test_the_pdf_embeds_the_picture_at_its_own_resolution_in_cmyk(anniversary):
    pdf = paint(lay_out(anniversary, RenderOptions(size="a3", layout="anniversary-panel", formats=("pdf",))))[0].data
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]
    images = [x.get_object() for x in page["/Resources"]["/XObject"].values() if x.get_object()["/Subtype"] == "/Image"]
    assert [(i["/Width"], i["/Height"], i["/ColorSpace"]) for i in images] == [(1200, 1500, "/DeviceCMYK")]


@pytest.mark.parametrize("args, message", [
    (["--image", "portrait=missing.jpg"], "not found"),
    (["--image", "portrait"], "write SLOT=FILE"),
    (["--image", "logo=PORTRAIT"], "has no 'logo' slot"),
    (["--image", "portrait=PORTRAIT", "--image", "portrait=PORTRAIT"], "two images"),
    (["--image", "portrait=NOTANIMAGE"], "cannot be read"),
    (["--image", "portrait=SMALL"], "too small for the portrait slot"),
])
def test_image_mistakes_are_one_clear_line(tmp_path, portrait, args, message):
    small = stand_in_portrait(tmp_path / "small.jpg", (60, 75))
    (tmp_path / "note.jpg").write_text("not an image")
    args = [a.replace("PORTRAIT", str(portrait)).replace("SMALL", str(small)).replace("NOTANIMAGE", str(tmp_path / "note.jpg"))
            for a in args]
    result = invoke("render", "--layout", "anniversary-panel", "--anniversary", "dang-95", "--size", "pano-3x6",
                    "--out-dir", str(tmp_path / "out"), *args)
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_huge_image_is_refused_before_it_is_decoded(tmp_path, monkeypatch):
    from bannerkit import images

    monkeypatch.setattr(images, "MAX_PIXELS", 1000)  # the real limit is 120 MP; a file that large takes a while to write
    path = stand_in_portrait(tmp_path / "big.png", (40, 40))
    with pytest.raises(ImageError, match="more than bannerkit decodes"):
        prepare(Job(anniversary="dang-95", images=(("portrait", path),)))


@pytest.mark.parametrize("layout", DESIGNED)
def test_designed_pdfs_stay_vector_cmyk_and_searchable(layout):
    design = lay_out(Job(**load_layout(layout).example), RenderOptions(size="a3", layout=layout, formats=("pdf",)))
    scene = design.scene
    assert any(isinstance(e, Art) for e in scene.elements)
    assert any(isinstance(e, TextBlock) and e.effects and e.effects.gradient for e in scene.elements)
    pdf = pypdf.PdfReader(io.BytesIO(paint(design)[0].data))
    page = pdf.pages[0]
    assert not page.images  # artwork, gradients and effects are vectors
    content = _all_content(page)
    assert "/DeviceCMYK cs" in content and not re.search(r"\b(rg|RG)\b|DeviceRGB", content)  # CMYK, no RGB
    text = " ".join(page.extract_text().split())
    words = [line.text for e in scene.elements if isinstance(e, TextBlock) for line in e.lines]
    assert all(word in text for word in words)


def _all_content(page) -> str:
    """The page's drawing operators and those of every form and pattern it draws."""
    streams, seen, todo = [page.get_contents().get_data()], set(), [page["/Resources"]]
    while todo:
        resources = todo.pop().get_object()
        for kind in ("/XObject", "/Pattern"):
            for ref in resources.get(kind, {}).values():
                obj = ref.get_object()
                if id(obj) in seen or obj.get("/Subtype") == "/Image":
                    continue
                seen.add(id(obj))
                if hasattr(obj, "get_data"):
                    streams.append(obj.get_data())
                if "/Resources" in obj:
                    todo.append(obj["/Resources"])
    return b"\n".join(streams).decode("latin-1")


def test_led_boards_show_no_decoration():
    design = lay_out(Job(slogan=5), RenderOptions(size="led-p10-192x96", layout="slogan-panel", led_colors="red",
                                                  formats=("png",)))
    image = paint(design)[0].image
    assert image is not None and len(image.convert("RGB").getcolors(1 << 16) or []) <= 2


def test_file_names_say_the_theme_so_two_themes_never_overwrite_each_other(tmp_path):
    for theme in ("light", "red-gold"):
        assert invoke("render", "--slogan", "5", "--size", "a4", "--layout", "slogan-panel", "--theme", theme,
                      "--format", "png", "--dpi", "20", "--out-dir", str(tmp_path)).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slogan-05_a4_slogan-panel-light.png",
                                                          "slogan-05_a4_slogan-panel-red-gold.png"]
    assert Image.open(tmp_path / "slogan-05_a4_slogan-panel-light.png").getpixel((40, 200)) != Image.open(
        tmp_path / "slogan-05_a4_slogan-panel-red-gold.png").getpixel((40, 200))


@pytest.mark.slow
def test_the_gallery_shows_every_layout_in_every_theme_at_every_shape(tmp_path):
    from bannerkit.gallery import gallery_tiles
    from bannerkit.layout import layout_files
    from bannerkit.layout.shapes import EXAMPLE_SIZES

    result = invoke("sheet", "--gallery", "--out-dir", str(tmp_path))
    assert result.exit_code == 0 and {p.name for p in tmp_path.iterdir()} == {"gallery.png", "gallery.pdf"}
    layouts = [name for name in layout_files() if not load_layout(name).strip]
    labels = [label for label, _image in gallery_tiles(RenderOptions())]
    assert len(labels) == len(layouts) * len(THEMES) * len(EXAMPLE_SIZES)
    assert {label.split("\n")[0] for label in labels} == {f"{name} · {theme}" for name in layouts for theme in THEMES}
