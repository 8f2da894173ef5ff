"""The live preview, driven in a real headless Chromium (Debian's, through Playwright): pick a
slogan and a layout, see every size load at its pixel size, edit a layout and see it change.
Plus what a server must refuse, and the static contact sheet."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import ROOT, run_cli
from PIL import Image

from bannerkit.resources import data_folder

pytestmark = pytest.mark.slow  # a server process and a browser
CHROMIUM = "/usr/bin/chromium"
# The flags a sandboxed root session needs, and none that reach out to the network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SIZES = "a3,led-1920x1080,bangron-1x6"


def _start_preview(*args: str) -> tuple[subprocess.Popen, str]:
    """`bannerkit preview` on a free port, once it accepts requests."""
    process = subprocess.Popen([sys.executable, "-m", "bannerkit", "preview", "--port", "0", *args],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    address = re.search(r"http://127\.0\.0\.1:\d+/", process.stdout.readline()).group(0)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # the address is printed before the server accepts
        try:
            urllib.request.urlopen(address, timeout=5).close()
            break
        except OSError:
            time.sleep(0.1)
    return process, address


@pytest.fixture
def server(tmp_path):
    """`bannerkit preview` on a free port, with a layouts folder the test may edit."""
    layouts = tmp_path / "layouts"
    layouts.mkdir()
    shutil.copy(data_folder("layouts") / "classic.toml", layouts / "classic.toml")
    process, address = _start_preview("--layouts-dir", str(layouts))
    yield address, layouts
    process.terminate()
    process.wait(timeout=30)


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as reply:
            return reply.status, reply.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def test_it_listens_on_loopback_only(server):
    address, _ = server
    assert address.startswith("http://127.0.0.1:")


@pytest.mark.parametrize("path", ["../../../../etc/passwd", "%2e%2e/%2e%2e/etc/passwd", "/etc/passwd", "render/../../x",
                                  "render/classic/..%2F..%2Fetc%2Fpasswd.png", "layouts/classic.toml",
                                  "preview/app.py", "fonts/BeVietnamPro-Bold.ttf"])
def test_only_its_own_renders_and_script_are_served(server, path):
    address, _ = server
    host = address.rstrip("/")
    # http.client sends the path as given, so no client-side normalising hides a traversal.
    import http.client
    connection = http.client.HTTPConnection(host.split("//")[1], timeout=30)
    connection.request("GET", "/" + path.lstrip("/") if not path.startswith("/") else "/" + path)
    reply = connection.getresponse()
    body = reply.read()
    assert reply.status == 404 or b"root:" not in body and reply.status >= 400, (path, reply.status)


def test_an_oversized_request_is_refused_with_a_message(server):
    address, _ = server
    status, body = _get(address + "render/classic/10000x10000px.png?slogan=5")
    assert status == 413 and b"more than the preview renders" in body


def test_pick_slogan_and_layout_see_sizes_and_see_an_edit_live(server):
    from playwright.sync_api import sync_playwright

    address, layouts = server
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.goto(f"{address}?layout=classic&slogan=5&sizes={SIZES}")
        page.select_option("#slogan", "28")  # the page reloads with the choice in its address
        page.wait_for_url(re.compile(r"slogan=28"))
        page.select_option("#layout", "classic")
        tiles = page.locator(".tile")
        page.wait_for_function("[...document.querySelectorAll('.tile')].every(t => t.dataset.state === 'loaded')",
                               timeout=60_000)
        assert tiles.count() == 3
        for i in range(3):
            tile = tiles.nth(i)
            natural = tile.locator("img").evaluate("img => [img.naturalWidth, img.naturalHeight]")
            assert natural == [int(tile.get_attribute("data-preview-width")), int(tile.get_attribute("data-preview-height"))]
        led = page.locator('.tile[data-size="led-1920x1080"]')
        assert led.locator(".dims").inner_text().endswith("1920 × 1080 px")
        png = _get(address.rstrip("/") + led.locator("a.png").get_attribute("href"))[1]
        assert Image.open(__import__("io").BytesIO(png)).size == (1920, 1080)

        corner = "img => { const c = document.createElement('canvas'); c.width = img.naturalWidth; " \
                 "c.height = img.naturalHeight; const x = c.getContext('2d'); x.drawImage(img, 0, 0); " \
                 "return Array.from(x.getImageData(2, 2, 1, 1).data.slice(0, 3)); }"
        assert led.locator("img").evaluate(corner) == [0xDA, 0x25, 0x1D]
        before = int(led.get_attribute("data-version"))
        layout = layouts / "classic.toml"
        layout.write_text(layout.read_text(encoding="utf-8").replace('background = "field"', 'background = "#003399"'),
                          encoding="utf-8")
        page.wait_for_function(f"document.querySelector('.tile[data-size=\"led-1920x1080\"]').dataset.version > {before}"
                               " && document.querySelector('.tile[data-size=\"led-1920x1080\"]').dataset.state === 'loaded'",
                               timeout=10_000)
        assert led.locator("img").evaluate(corner) == [0x00, 0x33, 0x99]
        page.screenshot(path=str(layouts.parent / "preview.png"))
        if os.environ.get("BANNERKIT_UPDATE_DOCS"):  # the README's picture, regenerated only on purpose
            shutil.copy(layouts.parent / "preview.png", ROOT / "docs" / "preview.png")

        layout.write_text('description = "broken\n[[block]]\n', encoding="utf-8")  # a designer's typo
        page.wait_for_function("document.querySelector('.tile .error') && !document.querySelector('.tile .error').hidden",
                               timeout=10_000)
        assert "classic.toml" in page.locator(".tile .error").first.inner_text()
        browser.close()


def test_static_sheet_png_and_one_page_pdf(tmp_path):
    result = run_cli("sheet", "--slogan", "28", "--sizes", "a3,led-1920x1080", "--out-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    png, pdf = (Path(p) for p in result.stdout.split())
    with Image.open(png) as sheet:
        assert sheet.width > 700
    import pypdf
    assert len(pypdf.PdfReader(pdf).pages) == 1


def _request(address: str, path: str, headers: dict[str, str]) -> tuple[int, bytes]:
    import http.client
    connection = http.client.HTTPConnection(address.split("//")[1].rstrip("/"), timeout=60)
    connection.request("GET", path, headers=headers)
    reply = connection.getresponse()
    return reply.status, reply.read()


@pytest.mark.parametrize("headers", [
    {"Host": "evil.example:8765"},  # DNS rebinding: a foreign name resolving to 127.0.0.1
    {"Host": "127.0.0.1:1"},  # another port
    {"Sec-Fetch-Site": "cross-site"},
    {"Origin": "https://evil.example"},
])
def test_requests_from_elsewhere_are_refused(server, headers):
    address, _ = server
    status, body = _request(address, "/render/classic/640x320px.png?slogan=5", headers)
    assert status == 403 and b"root" not in body


def test_the_page_itself_still_opens_from_a_link(server):
    address, _ = server
    assert _request(address, "/", {"Sec-Fetch-Site": "cross-site"})[0] == 200


@pytest.mark.parametrize("query", ["dpi=abc", "dpi=nan", "upper=maybe", "led_colors=blue", "slogan=31"])
def test_bad_query_values_get_400_with_a_message(server, query):
    address, _ = server
    status, body = _get(f"{address}render/classic/a4.png?{query}")
    assert status == 400 and json.loads(body)["error"]


def test_a_burst_of_large_renders_does_not_starve_the_page(server):
    address, _ = server
    with ThreadPoolExecutor(8) as pool:
        renders = [pool.submit(_get, f"{address}render/classic/7900x4400px.png?slogan={n}") for n in range(1, 9)]
        time.sleep(0.5)
        started = time.monotonic()
        assert _get(address)[0] == 200
        assert time.monotonic() - started < 5
        assert all(r.result()[0] in (200, 503) for r in renders), [(r.result()[0], r.result()[1][:300])
                                                                   for r in renders if r.result()[0] not in (200, 503)]


def test_sigterm_stops_the_server_promptly_even_with_an_open_event_stream(tmp_path):
    process, address = _start_preview()
    stream = urllib.request.urlopen(address + "events", timeout=30)  # held open, as the page does
    stream.readline()
    process.send_signal(signal.SIGTERM)
    started = time.monotonic()
    process.wait(timeout=15)
    assert time.monotonic() - started < 5
    stream.close()


def test_the_preview_takes_a_theme_and_fills_image_slots(tmp_path, portrait):
    process, address = _start_preview("--image", f"portrait={portrait}")
    try:
        page = _get(address)[1].decode("utf-8")
        assert all(f'<option value="{theme}"' in page for theme in ("classic", "light", "red-gold"))
        tiles = {}
        for theme in ("light", "red-gold"):
            status, body = _get(f"{address}render/anniversary-panel/a4.png?theme={theme}&preview=1")
            assert status == 200
            tiles[theme] = Image.open(io.BytesIO(body)).convert("RGB")
        assert tiles["light"].getpixel((5, tiles["light"].height // 2)) != tiles["red-gold"].getpixel(
            (5, tiles["red-gold"].height // 2))
        # the stand-in portrait's grey stands in the upper part of the page in both
        assert any(abs(r - 138) < 12 and abs(g - 143) < 12 for r, g, _b in tiles["light"].get_flattened_data())
        status, body = _get(f"{address}render/anniversary-panel/a4.png?theme=neon")
        assert status == 400 and b"unknown theme" in body
    finally:
        process.terminate()
        process.wait(timeout=30)
