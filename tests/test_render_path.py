"""One render path: the same job and options give the same PNG bytes whether `render`, a batch or
the preview's HTTP route asked, and every option has one name in each of them."""

from __future__ import annotations

import csv
import dataclasses
import json
from pathlib import Path

import pytest
from conftest import invoke
from starlette.testclient import TestClient

from bannerkit import Job, RenderOptions
from bannerkit.batch import Settings, run_batch
from bannerkit.batch.spec import COLUMNS
from bannerkit.design import lay_out, produce
from bannerkit.formats import FORMATS
from bannerkit.model import TextBlock
from bannerkit.options import NAMES, STRING_FIELDS
from bannerkit.preview.app import create_app

# slogan, size, layout, then the option that case is about
CASES = {
    "dpi": (28, "a4", "classic", {"dpi": "30"}),
    "led-colors": (28, "led:P10:16x6mod", "led", {"led_colors": "red"}),
    "phrases-file": (6, "phuon-0.8x2.5", "classic", {"dpi": "10", "phrases": "cum-tu.txt"}),
}
PHRASE = "đại hội đại biểu toàn quốc"


def _lines(slogan: int, options: RenderOptions) -> list[str]:
    design = lay_out(Job(slogan=slogan), options)
    return [line.text for e in design.scene.elements if isinstance(e, TextBlock) for line in e.lines]


def _via_render(tmp_path: Path, slogan: int, size: str, layout: str, extra: dict[str, str]) -> bytes:
    flags = {"dpi": "--dpi", "led_colors": "--led-colors", "phrases": "--phrases-file"}
    args = [arg for key, value in extra.items()
            for arg in (flags[key], str(tmp_path / value) if key == "phrases" else value)]
    result = invoke("render", "--slogan", str(slogan), "--size", size, "--layout", layout, "--format", "png",
                    "--out-dir", str(tmp_path / "render"), *args)
    assert result.exit_code == 0, result.stderr
    return Path(result.stdout.strip()).read_bytes()


def _via_batch(tmp_path: Path, slogan: int, size: str, layout: str, extra: dict[str, str]) -> bytes:
    spec = tmp_path / "units.csv"
    row = {"unit": "Phường Tân An", "slogans": str(slogan), "sizes": size, "formats": "png", "layout": layout, **extra}
    with spec.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(row))
        writer.writeheader()
        writer.writerow(row)
    report = run_batch(spec, tmp_path / "batch", settings=Settings(), workers=1)
    assert not report.problems, report.problems
    entry, = json.loads((tmp_path / "batch" / "manifest.json").read_text(encoding="utf-8"))["files"]
    return (tmp_path / "batch" / entry["path"]).read_bytes()


def _via_preview(tmp_path: Path, slogan: int, size: str, layout: str, extra: dict[str, str]) -> bytes:
    phrases = tmp_path / extra["phrases"] if "phrases" in extra else None
    query = {"slogan": str(slogan), **{k: v for k, v in extra.items() if k in STRING_FIELDS}}
    app = create_app(RenderOptions(phrases_file=phrases), watch=False)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        reply = client.get(f"/render/{layout}/{size}.png", params=query)
    assert reply.status_code == 200, reply.text
    assert reply.headers["content-type"] == FORMATS["png"].media_type
    return reply.content


@pytest.mark.slow  # the batch starts a worker process
@pytest.mark.parametrize("case", CASES)
def test_render_batch_and_preview_give_identical_png_bytes(tmp_path, case):
    slogan, size, layout, extra = CASES[case]
    (tmp_path / "cum-tu.txt").write_text(PHRASE + "\n", encoding="utf-8")
    if "phrases" in extra:  # the phrases file must matter, or this case would prove nothing
        plain = RenderOptions(size=size, layout=layout, dpi=float(extra["dpi"]), formats=("png",))
        kept = dataclasses.replace(plain, phrases_file=tmp_path / "cum-tu.txt")
        assert _lines(slogan, plain) != _lines(slogan, kept)
        assert any(PHRASE.upper() in line for line in _lines(slogan, kept))
    rendered = _via_render(tmp_path, slogan, size, layout, extra)
    assert _via_batch(tmp_path, slogan, size, layout, extra) == rendered
    assert _via_preview(tmp_path, slogan, size, layout, extra) == rendered


def test_every_option_has_a_name_on_the_command_line_in_a_spec_and_in_the_preview():
    fields = [f.name for f in dataclasses.fields(RenderOptions)]
    assert sorted(NAMES) == sorted(fields)
    help_text = invoke("render", "--help").stdout
    for field, (option, column, _address) in NAMES.items():
        if option.startswith("--"):
            assert option.split("/")[0] in help_text, field
        if not column.startswith(("(", "-", "batch ")):
            assert column in COLUMNS.values(), field


def test_formats_come_from_one_table():
    help_text = " ".join(invoke("render", "--help").stdout.split())
    assert ", ".join(FORMATS) in help_text
    with pytest.raises(Exception, match="choose one of: " + ", ".join(FORMATS)):
        RenderOptions(formats=("psd",))


def test_png_and_jpeg_of_one_design_are_painted_once_and_encoded_twice():
    png, jpg, pdf = produce(Job(slogan=28), RenderOptions(size="a4", dpi=20, formats=("png", "jpg", "pdf")))
    assert png.image is jpg.image and pdf.image is None
    assert png.data[:4] == b"\x89PNG" and jpg.data[:2] == b"\xff\xd8" and pdf.data[:5] == b"%PDF-"
