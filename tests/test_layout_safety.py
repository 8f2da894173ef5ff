"""Layouts and texts from anyone cannot read files, reach the network or inject markup."""

from __future__ import annotations

import http.server
import io
import json
import threading

import pypdf
import pytest

from bannerkit import BannerkitError, LayoutError
from bannerkit.job import Job, prepare
from bannerkit.layout import build_scene, load_layout
from bannerkit.paint.pdf import paint_pdf
from bannerkit.sizes import find_size


@pytest.fixture
def local_server():
    """A real HTTP server on loopback that records every request it gets."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requests
    server.shutdown()


def _write_layout(folder, **fields) -> None:
    lines = ['description = "test"', "[[block]]", 'kind = "text"']
    lines += [f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
    (folder / "evil.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_html_and_urls_in_a_slogan_are_printed_as_text_and_never_fetched(local_server):
    base, requests = local_server
    evil = (f'<script>alert(1)</script><img src="{base}/img.png"> <link rel="stylesheet" href="{base}/x.css"> '
            '<img src="file:///etc/passwd"> <style>@import url(../../etc/passwd);</style>')
    scene = build_scene(load_layout("classic"), find_size("a4"), prepare(Job(text=evil)).content, upper_case=False)
    text = pypdf.PdfReader(io.BytesIO(paint_pdf(scene))).pages[0].extract_text()
    assert "<script>alert(1)</script>" in "".join(text.split())
    assert requests == []


@pytest.mark.parametrize("template", [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ slogan.__class__.__init__.__globals__ }}",
    "{% for x in range(10**9) %}x{% endfor %}",
])
def test_a_template_cannot_reach_python_internals(tmp_path, template):
    _write_layout(tmp_path, text=template)
    with pytest.raises(BannerkitError):
        build_scene(load_layout("evil", tmp_path), find_size("a4"), prepare(Job(slogan=28)).content)


@pytest.mark.parametrize("field, value", [
    ("font", "../../../../etc/passwd"), ("font", "/etc/passwd"), ("font", "file:///etc/passwd"),
    ("font", "http://127.0.0.1/x.ttf"), ("color", "url(file:///etc/passwd)"),
])
def test_a_layout_cannot_name_files_outside_its_folders(tmp_path, field, value):
    _write_layout(tmp_path, text="{{ slogan }}", **{field: value})
    with pytest.raises(LayoutError):
        build_scene(load_layout("evil", tmp_path), find_size("a4"), prepare(Job(slogan=28)).content)


def test_an_asset_outside_the_folders_is_refused(tmp_path):
    (tmp_path / "evil.toml").write_text('description = "x"\n[[block]]\nkind = "asset"\nasset = "../../etc/passwd"\n',
                                        encoding="utf-8")
    with pytest.raises(LayoutError, match="not a plain file name"):
        build_scene(load_layout("evil", tmp_path), find_size("a4"), prepare(Job(slogan=28)).content)


def test_a_template_cannot_make_an_endless_text(tmp_path):
    _write_layout(tmp_path, text="{{ slogan * 100000 }}")
    with pytest.raises(LayoutError, match="not allowed"):
        build_scene(load_layout("evil", tmp_path), find_size("a4"), prepare(Job(slogan=28)).content)


@pytest.mark.parametrize("template", ["{{ 'x' * 10**9 }}", "{{ 2**100000000 }}"])
def test_a_template_cannot_exhaust_memory(tmp_path, template):
    _write_layout(tmp_path, text=template)
    with pytest.raises(LayoutError, match="not allowed"):
        build_scene(load_layout("evil", tmp_path), find_size("a4"), prepare(Job(slogan=28)).content)
