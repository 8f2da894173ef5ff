from __future__ import annotations

import pytest

from bannerkit import SizeError, find_size, load_presets
from bannerkit.sizes import check_raster_limits, default_dpi

REQUIRED_MM = {
    "pano-3x6": (6000, 3000), "pano-4x8": (8000, 4000), "pano-5x10": (10000, 5000),
    "tranh-2x3": (3000, 2000), "tranh-1.4x2.4": (2400, 1400),
    "bangron-1x6": (6000, 1000), "bangron-1x8": (8000, 1000),
    "phuon-0.6x2": (600, 2000), "phuon-0.8x2.5": (800, 2500), "phuon-1x3": (1000, 3000),
    "phuon-dang-80x200": (800, 2000), "phuon-dang-80x240": (800, 2400),
    "a0": (841, 1189), "a1": (594, 841), "a2": (420, 594), "a3": (297, 420), "a4": (210, 297),
    "poster-60x90": (600, 900),
}
REQUIRED_PX = {
    "led-1920x1080": (1920, 1080), "led-1280x720": (1280, 720), "led-3840x2160": (3840, 2160),
    "led-1080x1920": (1080, 1920), "social-1200x630": (1200, 630), "social-1080x1080": (1080, 1080),
    "social-1080x1920": (1080, 1920),
}


def test_physical_presets_store_width_and_height_explicitly():
    presets = load_presets()
    for name, (w, h) in REQUIRED_MM.items():
        assert (presets[name].width_mm, presets[name].height_mm) == (w, h), name


def test_pixel_presets_have_their_exact_pixel_size():
    presets = load_presets()
    for name, size in REQUIRED_PX.items():
        assert (presets[name].width_px, presets[name].height_px) == size, name
        assert presets[name].pixel_native


def test_density_follows_viewing_distance():
    presets = load_presets()
    assert 10 <= presets["pano-3x6"].dpi <= 50  # tens of ppi for a panel seen from metres away
    assert presets["a4"].dpi == 300
    assert presets["pano-5x10"].dpi < presets["pano-3x6"].dpi < presets["a0"].dpi < presets["a3"].dpi
    assert default_dpi(0.1) == 300 and default_dpi(1000) == 10


def test_dpi_override_changes_pixels_not_millimetres():
    preset = find_size("pano-3x6", dpi=10)
    assert (preset.width_mm, preset.width_px, preset.height_px) == (6000, 2362, 1181)


def test_dpi_does_not_apply_to_pixel_presets():
    with pytest.raises(SizeError, match="defined in pixels"):
        find_size("led-1920x1080", dpi=300)


@pytest.mark.parametrize("spec, mm", [("2500x1200mm", (2500, 1200)), ("250x120cm", (2500, 1200)),
                                      ("2,5x1,2m", (2500, 1200)), ("2500 × 1200 mm", (2500, 1200))])
def test_custom_sizes_in_physical_units(spec, mm):
    preset = find_size(spec)
    assert (preset.width_mm, preset.height_mm) == mm
    assert preset.kind == "custom" and not preset.pixel_native


def test_custom_size_in_pixels():
    preset = find_size("640x320px")
    assert (preset.width_px, preset.height_px) == (640, 320) and preset.pixel_native


def test_unknown_size_lists_nearest_names():
    with pytest.raises(SizeError) as err:
        find_size("pano-3x7")
    assert "'pano-3x7'" in str(err.value) and "pano-3x6" in str(err.value)


def test_user_presets_file_adds_sizes(tmp_path, monkeypatch):
    own = tmp_path / "tinh.toml"
    own.write_text('["pano-2.4x4.8"]\nkind = "pano"\nwidth_mm = 4800\nheight_mm = 2400\nviewing_distance_m = 6\n',
                   encoding="utf-8")
    assert find_size("pano-2.4x4.8", user_file=own).width_mm == 4800
    monkeypatch.setenv("BANNERKIT_SIZES", str(own))
    assert "pano-2.4x4.8" in load_presets() and "pano-3x6" in load_presets()


def test_user_presets_file_with_a_mistake_names_file_and_preset(tmp_path):
    own = tmp_path / "tinh.toml"
    own.write_text('[pano-x]\nkind = "pano"\nwidth_mm = 4800\n', encoding="utf-8")
    with pytest.raises(SizeError, match=r"'pano-x' in .*tinh.toml.*viewing_distance_m"):
        find_size("pano-x", user_file=own)


def test_too_large_raster_is_refused_with_the_largest_usable_dpi():
    with pytest.raises(SizeError, match=r"use --dpi \d+ or less"):
        check_raster_limits(find_size("pano-5x10", dpi=300))


@pytest.mark.parametrize("typed", ["pano 3×6", "Pano 3 x 6", "PANO-3X6", " pano-3*6 "])
def test_preset_names_as_offices_type_them(typed):
    assert find_size(typed).name == "pano-3x6"
