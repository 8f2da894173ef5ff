"""Honest caches: each module-level cache is keyed by what it depends on or registered with the
one registry the preview clears; image caches stay within their stated memory bounds."""

from __future__ import annotations

import importlib
import pkgutil

from PIL import Image

import bannerkit
from bannerkit import caches
from bannerkit.caches import BoundedCache
from bannerkit.palette import load_palette

# Caches that need not be cleared when files change, and why.
KEYED_BY_WHAT_THEY_DEPEND_ON = {
    "bannerkit.resources.data_folder": "the package's own folders, fixed for the process",
    "bannerkit.book._template": "the package's own page template",
    "bannerkit.usage._pattern": "keyed by the message id",
    "bannerkit.emblems.hammer_and_sickle_unit": "pure geometry, no input",
    "bannerkit.layout.slots._environment": "the sandbox itself, no input",
    "bannerkit.layout.slots._template": "keyed by the template's source text",
    "bannerkit.layout.spec._load": "keyed by the layout file's path and modification time",
    "bannerkit.qr._matrix": "keyed by the address",
    "bannerkit.paint.raster._gradient": "keyed by its two colours",
    "bannerkit.paint.raster._blend_palette": "keyed by the scene's colours",
    "bannerkit.paint.pdf._template": "the package's own page template",
    "bannerkit.preview.app._template": "the package's own page template",
    "bannerkit.preview.app._static": "the package's own script",
    "bannerkit.sheet._label_font": "the package's own label font",
    "bannerkit.sheet._label": "keyed by its text, in the package's own label font",
    "bannerkit.paint.pdf._page_css": "the package's own stylesheet",
    "bannerkit.paint.pdf._page_size": "keyed by the page's size",
    "bannerkit.paint.indexed._blend_lut": "keyed by the palette and the two colours",
    "bannerkit.paint.indexed._palette_image": "keyed by the palette",
}


def _module_caches() -> dict[str, object]:
    found = {}
    for info in pkgutil.walk_packages(bannerkit.__path__, "bannerkit."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, type) or not hasattr(value, "cache_clear"):
                continue
            if callable(value) and value.__module__ != module.__name__:
                continue  # a cached function imported from another module is counted there
            found[f"{info.name}.{name}"] = value
    return found


def test_every_module_level_cache_is_registered_or_keyed_by_its_inputs():
    found = _module_caches()  # imports every module, so every cache is registered by now
    registered = {id(c) for c in caches._REGISTRY}
    unaccounted = [name for name, cache in found.items()
                   if id(cache) not in registered and name not in KEYED_BY_WHAT_THEY_DEPEND_ON]
    assert not unaccounted
    assert "bannerkit.paint.raster._BASES" in found  # the full-page cache is seen, and bounded


def test_forget_all_reads_an_edited_file_afresh(tmp_path):
    palette = tmp_path / "palette.toml"
    palette.write_text('[red]\nrgb = "#DA251D"\n', encoding="utf-8")
    assert load_palette(tmp_path)["red"].rgb == "#DA251D"
    palette.write_text('[red]\nrgb = "#C00000"\n', encoding="utf-8")
    assert load_palette(tmp_path)["red"].rgb == "#DA251D"  # still cached, as a batch wants
    caches.forget_all()
    assert load_palette(tmp_path)["red"].rgb == "#C00000"


def test_an_image_cache_never_holds_more_than_its_budget():
    budget = 4 * 100 * 100 * 3
    cache: BoundedCache[Image.Image] = BoundedCache(budget, lambda im: im.width * im.height * 3, max_entry=budget)
    for n in range(20):
        cache.put(n, Image.new("RGB", (100, 100)))
        assert cache.used <= budget
    assert list(cache.entries) == [16, 17, 18, 19]  # the least recently used went first
    cache.put("huge", Image.new("RGB", (300, 300)))
    assert "huge" not in cache.entries
