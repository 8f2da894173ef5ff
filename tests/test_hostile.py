"""Faulty and hostile inputs, class by class: each gets one line saying what is wrong and exit
code 1 (never an internal error, exit 70), and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import invoke

NOT_A_NUMBER = {"zero": "0", "nan": "nan", "infinite": "inf", "negative": "-5"}
LAYOUT = 'description = "x"\n[[block]]\nkind = "text"\ntext = "{{{{ slogan }}}}"\n{extra}\n'


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def _one_line_user_error(result) -> str:
    assert result.exit_code == 1, (result.exit_code, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "internal error" not in lines[0], result.stderr
    return lines[0]


@pytest.mark.parametrize("field", ["width_mm", "height_mm", "viewing_distance_m"])
@pytest.mark.parametrize("value", NOT_A_NUMBER)
def test_a_sizes_file_with_a_value_that_is_no_size(tmp_path, field, value):
    fields = {"width_mm": "6000", "height_mm": "3000", "viewing_distance_m": "8", field: NOT_A_NUMBER[value]}
    sizes = _write(tmp_path, "tinh.toml", "[tam]\nkind = \"pano\"\n" + "".join(f"{k} = {v}\n" for k, v in fields.items()))
    line = _one_line_user_error(invoke("render", "-s", "5", "--size", "tam", "--sizes-file", str(sizes),
                                       "--out-dir", str(tmp_path / "out")))
    assert f"{field} = " in line and "not a positive number" in line
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("size, message", [
    ("led:P0:5x3m", "the pitch and both sides must be more than zero"),
    ("led:P10:0x3m", "the pitch and both sides must be more than zero"),
    ("0.1x0.1mm", "less than a pixel high"),
    ("1x1px", "too long for this size"),
])
def test_sizes_with_no_room_for_a_pixel_of_text(tmp_path, size, message):
    assert message in _one_line_user_error(invoke("render", "-s", "5", "--size", size, "--format", "png",
                                                  "--out-dir", str(tmp_path / "out")))


@pytest.mark.parametrize("name, content, message", [
    ("nan.toml", LAYOUT.format(extra="share = nan"), "'share': nan should be a finite number"),
    ("inf.toml", LAYOUT.format(extra="line_height = inf"), "'line_height': inf should be a finite number"),
    ("latin1.toml", "description = \"Mẫu\"\n".encode("cp1258", errors="replace") + b"\xff\xfe", "is not UTF-8 text; save it as UTF-8"),
    ("font.toml", LAYOUT.format(extra='font = "fake.ttf"'), "is not a font bannerkit can use"),
    ("link.toml", LAYOUT.format(extra='font = "link.ttf"'), "outside the folder"),
    ("svg.toml", 'description = "x"\n[[block]]\nkind = "asset"\nasset = "flat.svg"\n', "needs a viewBox of four numbers"),
])
def test_a_broken_layout_folder_is_named_in_one_line(tmp_path, name, content, message):
    layouts = tmp_path / "layouts"
    layouts.mkdir()
    _write(layouts, name, content)
    _write(layouts, "fake.ttf", "not a font at all")
    (layouts / "link.ttf").symlink_to("/etc/hostname")
    _write(layouts, "flat.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 0 -5">'
                                '<polygon points="0,0 1,1 0,1" fill="#DA251D"/></svg>')
    line = _one_line_user_error(invoke("render", "-s", "5", "--layout", Path(name).stem, "--layouts-dir", str(layouts),
                                       "--size", "a4", "--dpi", "20", "--out-dir", str(tmp_path / "out")))
    assert message in line


@pytest.mark.parametrize("content, message", [
    ("defaults: [1, 2]\nunits:\n  - unit: A\n    slogans: 5\n", "'defaults' must be a table"),
    ("a: &x [lol, lol]\nb: &y [*x, *x, *x]\nunits: [*y]\n", "anchors and aliases"),
    ("units: !!python/object/apply:os.system [\"echo owned\"]\n", "could not determine a constructor"),
    ("units:\n  - unit: [\n", "units.yaml: while parsing"),
])
def test_a_yaml_spec_is_plain_data_read_safely(tmp_path, content, message):
    spec = _write(tmp_path, "units.yaml", content)
    assert message in _one_line_user_error(invoke("batch", str(spec), "--check"))


@pytest.mark.parametrize("args, message", [
    (("render", "-s", "5", "--dpi", "nan"), "--dpi nan is out of range"),
    (("render", "-s", "5", "--dpi", "inf"), "--dpi inf is out of range"),
    (("render", "-s", "5", "--qr", "https://user:pass@tuyengiao.example.vn/"), "user name or password"),
    (("render", "-s", "5", "--size", "640x320px", "--format", "png", "-o", "/dev/null"), "is in /dev"),
])
def test_values_that_are_no_values(tmp_path, args, message):
    assert message in _one_line_user_error(invoke(*args, "--out-dir", str(tmp_path / "out")))


def test_an_optional_block_with_a_missing_glyph_is_an_error_not_left_out(tmp_path):
    line = _one_line_user_error(invoke("render", "--layout", "poster", "-s", "24", "--unit", "Quận ủy 中",
                                       "--size", "a4", "--dpi", "20", "--out-dir", str(tmp_path)))
    assert "has no glyph for '中'" in line and not any(tmp_path.iterdir())


def test_blocks_that_give_way_for_room_are_named_in_a_note(tmp_path):
    result = invoke("render", "--layout", "poster", "-s", "24", "--unit", "Quận ủy Ninh Kiều", "--headline",
                    "Kỷ nguyên mới", "--size", "led-p10-192x96", "--format", "png", "--out-dir", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip() == ("note: slogan-24 at led-p10-192x96: left out headline, unit, date, for want "
                                     "of room at this size")


@pytest.mark.slow
def test_a_batch_records_what_gave_way_in_its_manifest(tmp_path):
    import json
    spec = _write(tmp_path, "units.csv", "unit,slogans,sizes,formats,layout,headline\n"
                                         "Quận ủy Ninh Kiều,24,\"led-p10-192x96, a4\",png,poster,Kỷ nguyên mới\n")
    result = invoke("batch", str(spec), "--out-dir", str(tmp_path / "out"), "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert "note: 1 designs left out an optional block for want of room" in result.stderr
    entries = {e["size"]: e for e in json.loads((tmp_path / "out" / "manifest.json").read_text())["files"]}
    assert entries["led-p10-192x96"]["left_out"] == ["headline", "unit", "date"] and entries["a4"]["left_out"] == []


@pytest.mark.parametrize("pattern", [r"re:(\w+\s?)*!", r"re:(a+)+", r"re:(\w+) \1", "re:" + "a" * 201])
def test_a_phrase_pattern_that_could_run_for_ever_is_refused(tmp_path, pattern):
    phrases = _write(tmp_path, "cum-tu.txt", f"hồ chí minh\n{pattern}\n")
    line = _one_line_user_error(invoke("render", "-s", "5", "--phrases-file", str(phrases), "--out-dir", str(tmp_path)))
    assert "cum-tu.txt, line 2: a pattern may have at most 200 characters" in line


@pytest.mark.parametrize("option, name", [("--sizes-file", "tinh.toml"), ("--phrases-file", "cum-tu.txt"),
                                          ("--layouts-dir", "classic.toml")])
def test_data_files_larger_than_bannerkit_reads_are_refused(tmp_path, option, name):
    big = tmp_path / name
    big.write_bytes(b"# " + b"x" * (3 * 1024 * 1024) + b"\n")
    value = str(tmp_path) if option == "--layouts-dir" else str(big)
    line = _one_line_user_error(invoke("render", "-s", "5", option, value, "--out-dir", str(tmp_path / "out")))
    assert "larger than 2 MB" in line


def test_a_pipe_as_a_data_file_is_refused_not_waited_on(tmp_path):
    import os
    fifo = tmp_path / "cum-tu.txt"
    os.mkfifo(fifo)
    assert "not a regular file" in _one_line_user_error(invoke("render", "-s", "5", "--phrases-file", str(fifo),
                                                                "--out-dir", str(tmp_path / "out")))


EVIL_TEMPLATES = {
    "nested loops": "{% for a in range(5000) %}{% for b in range(5000) %}{% if a < 0 %}y{% endif %}"
                    "{% endfor %}{% endfor %}{{ slogan }}",
    "exponent base": "{{ (10 ** 9) ** 9 }}",
    "exponent power": "{{ 2 ** 100000 }}",
    "filter width": "{{ slogan | center(1000000000) }}",
    "method width": "{{ slogan.ljust(100000000) }}",
    "percent padding": "{{ '%100000000s' % slogan }}",
    "format padding": "{{ '{:>100000000}'.format(slogan) }}",
    "repetition": "{{ slogan * 100000 }}",
    "output size": "{% for a in range(4000) %}{{ slogan }}{% endfor %}",
}


@pytest.mark.parametrize("case", EVIL_TEMPLATES)
def test_a_layout_template_runs_under_a_budget_and_its_file_is_named(tmp_path, case):
    layouts = tmp_path / "layouts"
    layouts.mkdir()
    _write(layouts, "evil.toml", 'description = "x"\n[[block]]\nkind = "text"\ntext = """'
           + EVIL_TEMPLATES[case] + '"""\n')
    line = _one_line_user_error(invoke("render", "-s", "5", "--layout", "evil", "--layouts-dir", str(layouts),
                                       "--size", "a4", "--dpi", "10", "--out-dir", str(tmp_path / "out")))
    assert str(layouts / "evil.toml") in line


HOSTILE_COMMANDS = {
    "yaml aliases": ("batch", "{dir}/bomb.yaml", "--check"),
    "huge slogan range": ("batch", "{dir}/range.csv", "--check"),
    "huge raster": ("render", "-s", "5", "--size", "pano-5x10", "--dpi", "1200", "--format", "png"),
    "long marquee": ("led-scroll", "--text", "Việt Nam " * 300, "--size", "led:P10:16x2mod", "--speed", "1"),
    "endless playlist": ("led-playlist", "--slogans", "1-30", "--seconds", "1e9"),
    "nested template": ("render", "-s", "5", "--layout", "evil", "--layouts-dir", "{dir}", "--size", "a4"),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", HOSTILE_COMMANDS)
def test_no_hostile_input_takes_a_gigabyte_or_a_minute(tmp_path, case):
    import os
    import resource
    import subprocess
    import sys
    import time
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n" for p, c in zip("abcdefgh", "bcdefghi")) + "units: [*i]\n"
    _write(tmp_path, "bomb.yaml", bomb)
    _write(tmp_path, "range.csv", "unit,slogans,sizes\nXã A,1-1000000000,640x320px\n")
    _write(tmp_path, "evil.toml", 'description = "x"\n[[block]]\nkind = "text"\ntext = """'
           + EVIL_TEMPLATES["nested loops"] + '"""\n')
    args = [a.format(dir=tmp_path) for a in HOSTILE_COMMANDS[case]]
    started = time.monotonic()
    command = [sys.executable, "-m", "bannerkit", *args] + ([] if "--check" in args else ["--out-dir", str(tmp_path / "out")])

    def limited() -> None:  # a real limit: the process cannot map more than 2 GiB, nor run over two minutes
        resource.setrlimit(resource.RLIMIT_AS, (2 * 1024 ** 3, 2 * 1024 ** 3))
        resource.setrlimit(resource.RLIMIT_CPU, (120, 120))

    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=limited)
    _pid, status, usage = os.wait4(process.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 1, process.stderr.read()
    assert time.monotonic() - started < 60
    assert usage.ru_maxrss < 1024 * 1024  # kB: under a gigabyte
    lines = process.stderr.read().decode().strip().splitlines()
    assert len(lines) == 1 and (lines[0].startswith("error: ") or "does not exist" in lines[0])  # or a batch row's


@pytest.mark.parametrize("extra, message", [("margin = -0.5", "'margin': -0.5 is outside 0 to 0.4"),
                                            ("gap = 3", "'gap': 3 is outside 0 to 0.5")])
def test_layout_shares_outside_their_range_are_refused(tmp_path, extra, message):
    layouts = tmp_path / "layouts"
    layouts.mkdir()
    _write(layouts, "wide.toml", 'description = "x"\n' + extra + '\n[[block]]\nkind = "text"\ntext = "{{ slogan }}"\n')
    assert message in _one_line_user_error(invoke("render", "-s", "5", "--layout", "wide", "--layouts-dir",
                                                  str(layouts), "--out-dir", str(tmp_path / "out")))


def test_a_flood_of_combining_marks_is_refused_by_name(tmp_path):
    line = _one_line_user_error(invoke("render", "--text", "Việt" + "\u0301" * 400 + " Nam", "--out-dir", str(tmp_path)))
    assert "more than 3 accent marks" in line


@pytest.mark.parametrize("size", ["100000x100000m", "101x1m"])
def test_an_absurd_physical_size_gets_a_sensible_message(tmp_path, size):
    assert "larger than any panel or banner" in _one_line_user_error(invoke("render", "-s", "5", "--size", size,
                                                                            "--out-dir", str(tmp_path)))


def test_led_pitch_sizes_work_in_a_batch_spec(tmp_path):
    from bannerkit.batch import Settings, check
    spec = _write(tmp_path, "units.csv", "unit,slogans,sizes,formats,layout\nPhường Tân An,28,led:P10:16x2mod,png,led\n")
    tasks, problems = check(spec, Settings(), layouts=True)
    assert not problems and tasks[0].outputs == (("png", "phuong-tan-an/led-p10-512x32/slogan-28_led.png"),)
