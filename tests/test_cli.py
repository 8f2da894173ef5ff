"""The command as a user runs it: exit codes, exact one-line errors, no traceback, no stray files.

Most tests run the command in this process (Typer's CliRunner, `invoke`); those marked slow start
it as its own process (`run_cli`), as a user does.
"""

from __future__ import annotations

import importlib
import json
import sys

import pytest
from conftest import invoke, run_cli

from bannerkit import __version__


def _one_line_error(result) -> str:
    exit_code = getattr(result, "returncode", None)
    assert (result.exit_code if exit_code is None else exit_code) == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.slow
def test_version_as_its_own_process():
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"bannerkit {__version__}"


@pytest.mark.parametrize("command", [(), ("render",), ("slogans",), ("sizes",), ("layouts",), ("batch",),
                                     ("preview",), ("sheet",), ("led-scroll",), ("led-playlist",), ("documents",)])
def test_every_command_explains_itself_with_an_example(command):
    result = invoke(*command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout and "bannerkit " in result.stdout


def test_importing_main_does_not_run_the_command(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["bannerkit", "render", "--slogan", "5"])
    sys.modules.pop("bannerkit.__main__", None)
    importlib.import_module("bannerkit.__main__")  # would render, or exit, if it ran the command


def test_a_bug_is_one_line_with_its_own_exit_code_and_debug_shows_it(monkeypatch):
    def broken():
        raise RuntimeError("catalogue index out of step")

    monkeypatch.setattr("bannerkit.catalogue.load_catalogue", broken)
    result = invoke("slogans")
    assert result.exit_code == 70 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        "internal error (RuntimeError: catalogue index out of step); this is a bug in bannerkit: run the same "
        "command with --debug first (bannerkit --debug COMMAND ...) to see the traceback, and report it")
    debug = invoke("--debug", "slogans")
    assert isinstance(debug.exception, RuntimeError)


def test_usage_errors_keep_clicks_exit_code_2():
    result = invoke("render", "--size")
    assert result.exit_code == 2 and "requires an argument" in result.stderr


def test_render_prints_the_files_it_wrote(tmp_path):
    result = invoke("render", "--slogan", "28", "--size", "a4", "--dpi", "30", "--out-dir", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    written = result.stdout.split()
    assert written == [str(tmp_path / "slogan-28_a4_classic.png"), str(tmp_path / "slogan-28_a4_classic.pdf")]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.rsplit("/", 1)[1] for p in written)


def test_format_comes_from_the_output_extension(tmp_path):
    result = invoke("render", "-s", "3", "--size", "640x320px", "--output", str(tmp_path / "x.jpg"))
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["x.jpg"]


@pytest.mark.parametrize("args, message", [
    (("-s", "31"), "error: unknown slogan 31; slogans are numbered 1 to 30. See 'bannerkit slogans'."),
    (("-s", "5", "--size", "pano-3x7"), "error: unknown size 'pano-3x7'; nearest: pano-3x6, pano-4x8, pano-5x10. "
                                        "See 'bannerkit sizes', or give a custom size such as 2500x1200mm or 640x320px."),
    (("-s", "5", "--layout", "fancy"), "error: unknown layout 'fancy'; available: anniversary, anniversary-panel, classic, congress, congress-panel, led, led-strip, poster, slogan-panel. "
                                       "See 'bannerkit layouts'."),
    (("-s", "5", "--format", "psd"), "error: unknown format 'psd'; choose one of: png, jpg, bmp, gif, tiff, pdf"),
    (("-s", "5", "--size", "led-1920x1080", "--dpi", "300"),
     "error: size 'led-1920x1080' is defined in pixels (1920 × 1080 px); --dpi does not apply to it"),
])
def test_bad_input_gets_one_clear_line_and_no_files(tmp_path, args, message):
    out = tmp_path / "out"
    assert _one_line_error(invoke("render", *args, "--out-dir", str(out))) == message
    assert not out.exists() or not any(out.iterdir())


def test_output_folder_that_cannot_be_written(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder")
    line = _one_line_error(invoke("render", "-s", "5", "--out-dir", str(blocker / "sub")))
    assert line.startswith(f"error: cannot create output folder {blocker / 'sub'}")
    assert line.endswith("choose another with --out-dir")


def test_slogans_json_and_search():
    rows = json.loads(invoke("slogans", "--json").stdout)
    assert len(rows) == 30 and rows[4]["id"] == 5 and rows[4]["text"].startswith("Nhiệt liệt chào mừng")
    found = invoke("slogans", "--search", "chuyen doi so")
    assert found.exit_code == 0 and found.stdout.split()[0] == "24"
    themes = json.loads(invoke("slogans", "--kind", "anniversary", "--json").stdout)
    assert {"id", "text", "start", "date", "years"} <= set(themes[0])


def test_sizes_json_has_the_documented_fields():
    rows = json.loads(invoke("sizes", "--json").stdout)
    pano = next(r for r in rows if r["name"] == "pano-3x6")
    assert {k: pano[k] for k in ("kind", "width_mm", "height_mm")} == {"kind": "pano", "width_mm": 6000, "height_mm": 3000}
    assert pano["width_px"] > pano["height_px"] > 0


def test_free_text_with_case_override_and_a_readable_file_name(tmp_path):
    result = invoke("render", "--text", "Chào mừng Đại hội Đảng bộ phường Tân An", "--size", "bangron-1x6",
                    "--dpi", "10", "--no-upper", "--format", "pdf", "--out-dir", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == str(tmp_path / "text-chao-mung-dai-hoi-dang-bo-phuong-tan-an_bangron-1x6_classic.pdf")
    import pypdf
    text = " ".join(pypdf.PdfReader(result.stdout.strip()).pages[0].extract_text().split())
    assert text == "Chào mừng Đại hội Đảng bộ phường Tân An"


@pytest.mark.slow
def test_legacy_text_is_converted_with_a_note_as_its_own_process(tmp_path):
    result = run_cli("render", "--text", "§¶ng Céng s¶n ViÖt Nam quang vinh mu«n n¨m!", "--size", "a4", "--dpi", "20",
                     "--format", "png", "--out-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "note: converted from TCVN3 (ABC) to Unicode: Đảng Cộng sản Việt Nam quang vinh muôn năm!"


@pytest.mark.parametrize("args, message", [
    (("--text", "Việt Nam 中国"), "error: the font BeVietnamPro-ExtraBold has no glyph for '中' (U+4E2D), '国' (U+56FD); "
                                  "remove or replace it, or choose a layout with another font"),
    (("--slogan", "5", "--text", "x"), "error: give either a slogan number (--slogan) or your own text (--text), not both"),
    ((), "error: nothing to print: give --slogan, --text, --anniversary or --event"),
    (("--text", "Toàn Đảng toàn dân " * 100, "--size", "led-1280x720"),
     "error: the slogan is too long for this size and layout: at the smallest legible letter size (42 mm) only "
     "about 1245 of its 1899 characters fit; shorten it by about 654 characters or choose a larger size"),
    (("--text", "Toàn Đảng toàn dân " * 400),
     "error: the text has 7599 characters; a banner or poster holds at most 3000, shorten it"),
])
def test_bad_text_gets_one_clear_line(tmp_path, args, message):
    assert _one_line_error(invoke("render", *args, "--out-dir", str(tmp_path))) == message
    assert not any(tmp_path.iterdir())
