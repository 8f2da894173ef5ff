"""Batch production: specs from Excel, CSV, YAML and TOML; a safe output tree; manifest, contact
sheets and books; per-row errors; resuming after a kill gives the same files as one clean run."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import openpyxl
import pypdf
import pytest
from conftest import ROOT, run_cli
from PIL import Image

from bannerkit.batch import Settings, check, read_spec, run_batch, safe_segment
from bannerkit.batch.spec import parse_ids
from bannerkit.errors import CatalogueError
from bannerkit.resources import data_folder

HEADER = ["unit", "qr_url", "slogans", "sizes", "formats", "layout"]
ROWS = [
    ["Quận ủy Ninh Kiều", "https://example.vn/van-ban/ke-hoach?don-vi=ninh-kieu", "1-2, 28", "1600x900px", "png", "classic"],
    ["Huyện ủy Cờ Đỏ", "", "5 8", "640x320px, 320x480px", "png, pdf", "led"],
]


def _csv(path: Path, header=HEADER, rows=ROWS, delimiter=",", bom=False) -> Path:
    lines = [delimiter.join(f'"{v}"' for v in row) for row in [header, *rows]]
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + ("\n".join(lines) + "\n").encode("utf-8"))
    return path


def _tree(folder: Path) -> dict[str, str]:
    """Every visible file under the folder with its SHA-256 (the manifest aside)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not any(part.startswith(".") for part in
                                                                           p.relative_to(folder).parts)
            and p.name != "manifest.json"}


@pytest.mark.parametrize("text, ids", [("1-5, 8, 28", [1, 2, 3, 4, 5, 8, 28]), ("1-3 8", [1, 2, 3, 8]),
                                       ("1 – 3; 2", [1, 2, 3]), ("tất cả", list(range(1, 31))), ("all", list(range(1, 31)))])
def test_ids_and_ranges(text, ids):
    assert parse_ids(text, list(range(1, 31))) == ids


@pytest.mark.parametrize("text", ["1-x", "5-3", "một"])
def test_malformed_ranges_are_refused(text):
    with pytest.raises(ValueError):
        parse_ids(text, list(range(1, 31)))


def test_the_same_rows_from_excel_csv_yaml_and_toml(tmp_path):
    expected = [dict(zip(HEADER, row)) for row in ROWS]
    expected = [{k: v for k, v in row.items() if v} for row in expected]
    semicolon = _csv(tmp_path / "vn.csv", delimiter=";", bom=True)  # Excel with Vietnamese regional settings
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Đơn vị", "Mã QR", "Khẩu hiệu", "Kích thước", "Định dạng", "Mẫu"])
    for row in ROWS:
        sheet.append([int(row[2]) if row[2].isdigit() else row[2], *row[3:]] if False else row)
    book.save(tmp_path / "units.xlsx")
    (tmp_path / "units.yaml").write_text(
        "defaults:\n  formats: png\n  layout: classic\n  sizes: 1600x900px\nunits:\n"
        "  - unit: Quận ủy Ninh Kiều\n    qr_url: https://example.vn/van-ban/ke-hoach?don-vi=ninh-kieu\n    slogans: 1-2, 28\n"
        "  - unit: Huyện ủy Cờ Đỏ\n    slogans: [5, 8]\n    sizes: [640x320px, 320x480px]\n    formats: [png, pdf]\n"
        "    layout: led\n", encoding="utf-8")
    (tmp_path / "units.toml").write_text(
        '[defaults]\nformats = "png"\nlayout = "classic"\nsizes = "1600x900px"\n\n[[units]]\nunit = "Quận ủy Ninh Kiều"\n'
        'qr_url = "https://example.vn/van-ban/ke-hoach?don-vi=ninh-kieu"\nslogans = "1-2, 28"\n\n[[units]]\n'
        'unit = "Huyện ủy Cờ Đỏ"\nslogans = [5, 8]\nsizes = ["640x320px", "320x480px"]\nformats = ["png", "pdf"]\n'
        'layout = "led"\n', encoding="utf-8")
    for spec in (semicolon, tmp_path / "units.xlsx", tmp_path / "units.yaml", tmp_path / "units.toml"):
        rows, problems = read_spec(spec)
        assert not problems
        tasks, problems = check(spec, Settings())
        assert not problems, problems
        assert sorted((t.unit, t.job.slogan, t.size, t.layout, tuple(f for f, _ in t.outputs)) for t in tasks) == sorted(
            [("Quận ủy Ninh Kiều", s, "1600x900px", "classic", ("png",)) for s in (1, 2, 28)]
            + [("Huyện ủy Cờ Đỏ", s, z, "led", ("png", "pdf")) for s in (5, 8) for z in ("640x320px", "320x480px")]), spec


@pytest.mark.parametrize("name, slug", [("Cờ Đỏ", "co-do"), ("../../etc", "etc"), ("/etc/passwd", "etc-passwd"),
                                        ("CON", "con-unit"), ("..", "text"), ("Phường Tân An (khu 3)", "phuong-tan-an-khu-3")])
def test_names_become_safe_folder_names(name, slug):
    assert safe_segment(name) == slug


@pytest.mark.slow
def test_a_full_run_writes_a_readable_tree_manifest_sheets_and_books(tmp_path):
    rows = [["../../../tmp/escape", "", "28", "640x320px", "png", "classic"], *ROWS]
    spec = _csv(tmp_path / "units.csv", rows=rows)
    out = tmp_path / "out"
    report = run_batch(spec, out, settings=Settings(book=True), workers=2)
    assert report.rendered == 8 and not report.problems
    assert (out / "quan-uy-ninh-kieu" / "1600x900px" / "slogan-01_classic.png").is_file()
    assert (out / "huyen-uy-co-do" / "320x480px" / "slogan-08_led.pdf").is_file()
    written = [p.resolve() for p in out.rglob("*")]
    assert all(str(p).startswith(str(out.resolve())) for p in written)
    assert not (tmp_path / "escape").exists() and (out / "tmp-escape").is_dir()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["files"]) == 1 + 3 + 8
    for entry in manifest["files"]:
        data = (out / entry["path"]).read_bytes()
        assert entry["bytes"] == len(data) and entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert {"unit", "slogan", "size", "layout", "format", "fingerprint"} <= set(entry)
    assert sorted(manifest["contact_sheets"]) == [f"{unit}/contact-sheet.{fmt}" for unit in (
        "huyen-uy-co-do", "quan-uy-ninh-kieu", "tmp-escape") for fmt in ("pdf", "png")]
    with Image.open(out / "huyen-uy-co-do" / "contact-sheet.png") as sheet:
        assert sheet.width > 600
    assert len(pypdf.PdfReader(out / "huyen-uy-co-do" / "contact-sheet.pdf").pages) == 1
    book = pypdf.PdfReader(out / "quan-uy-ninh-kieu" / "quan-uy-ninh-kieu-book.pdf")
    assert len(book.pages) == 1 + 3  # the cover, then one design a page


@pytest.mark.slow
def test_a_second_run_renders_only_what_changed(tmp_path):
    spec = _csv(tmp_path / "units.csv")
    out = tmp_path / "out"
    first = run_batch(spec, out, workers=2)
    before = _tree(out)
    assert (first.rendered, first.skipped) == (7, 0)
    again = run_batch(spec, out, workers=2)
    assert (again.rendered, again.skipped) == (0, 7) and _tree(out) == before
    changed = [ROWS[0][:2] + ["1-2, 27"] + ROWS[0][3:], ROWS[1]]
    third = run_batch(_csv(spec, rows=changed), out, workers=2)
    assert (third.rendered, third.skipped) == (1, 6)
    assert "quan-uy-ninh-kieu/1600x900px/slogan-28_classic.png" not in json.dumps(
        json.loads((out / "manifest.json").read_text())["files"])


@pytest.mark.slow
def test_bad_rows_are_reported_by_line_and_the_rest_completes(tmp_path):
    rows = [ROWS[0],
            ["Xã A", "", "31", "640x320px", "png", "classic"],
            ["Xã B", "", "1-x", "640x320px", "png", "classic"],
            ["Xã C", "", "2", "pano-3x7", "png", "classic"],
            ["Xã D", "ftp://x.vn/a", "2", "640x320px", "png", "classic"],
            ROWS[1]]
    spec = _csv(tmp_path / "units.csv", rows=rows)
    raw = spec.read_bytes().replace("Xã B".encode(), "X\xe3 B".encode("latin-1"))  # one line not UTF-8
    spec.write_bytes(raw)
    checked = run_cli("batch", str(spec), "--check")
    assert checked.returncode == 1
    problems = checked.stderr.strip().splitlines()
    assert [p.split(":")[0] for p in problems] == ["units.csv, line 4", "units.csv, line 3", "units.csv, line 5",
                                                   "units.csv, line 6"]
    assert "not UTF-8" in problems[0] and "slogan 31 does not exist" in problems[1]
    assert "unknown size 'pano-3x7'" in problems[2] and "not a web address" in problems[3]
    assert not (tmp_path / "output").exists()
    result = run_cli("batch", str(spec), "--out-dir", str(tmp_path / "out"), "--jobs", "2")
    assert result.returncode == 1
    assert len(json.loads((tmp_path / "out" / "manifest.json").read_text())["files"]) == 3 + 8
    strict = run_cli("batch", str(spec), "--out-dir", str(tmp_path / "strict"), "--strict")
    assert strict.returncode == 1 and "stopped at the first problem (--strict): units.csv, line 4" in strict.stderr
    assert not (tmp_path / "strict").exists()


@pytest.mark.slow
def test_a_killed_batch_resumes_to_the_same_files_as_a_clean_run(tmp_path):
    rows = [[f"Phường {n}", "", "1-30", "640x320px", "png", "classic"] for n in range(1, 4)]
    spec = _csv(tmp_path / "units.csv", rows=rows)
    clean, resumed = tmp_path / "clean", tmp_path / "resumed"
    assert run_batch(spec, clean, workers=2).rendered == 90
    command = [sys.executable, "-m", "bannerkit", "batch", str(spec), "--out-dir", str(resumed), "--jobs", "2"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while len(list(resumed.rglob("slogan-*.png"))) < 20 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)  # the whole process group: main process and workers
    process.wait()
    made = list(resumed.rglob("slogan-*.png"))
    assert 20 <= len(made) < 90, "the kill should land mid-run"
    for png in made:  # every visible file is whole
        with Image.open(png) as image:
            image.verify()
    report = run_batch(spec, resumed, workers=2)
    assert report.rendered + report.skipped == 90 and report.skipped > 0
    assert _tree(resumed) == _tree(clean)
    assert not list(resumed.rglob(".*.part"))
    clean_files = json.loads((clean / "manifest.json").read_text())["files"]
    assert json.loads((resumed / "manifest.json").read_text())["files"] == clean_files


def test_the_shipped_example_spec_is_valid():
    tasks, problems = check(ROOT / "examples" / "cantho-quan-huyen-uy.csv", Settings())
    assert not problems
    assert len({t.unit for t in tasks}) == 9 and len(tasks) == 9 * 30 * 2
    assert all(t.job.qr == "doc" for t in tasks)


@pytest.mark.slow
def test_ctrl_c_stops_cleanly_with_one_line(tmp_path):
    rows = [[f"Xã {n}", "", "1-30", "640x320px", "png", "led"] for n in range(1, 4)]
    spec = _csv(tmp_path / "units.csv", rows=rows)
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "bannerkit", "batch", str(spec), "--out-dir", str(out)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    while len(list(out.rglob("slogan-*.png"))) < 10 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C sends to the terminal's foreground group
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1] == ("interrupted; no half-written file was left. "
                                               "Run the same command again to finish.")
    assert not list(out.rglob(".*.part"))
    assert run_batch(spec, out).rendered < 90


def test_the_shipped_excel_example_says_what_the_csv_says():
    csv_tasks, _ = check(ROOT / "examples" / "cantho-quan-huyen-uy.csv", Settings())
    xlsx_tasks, problems = check(ROOT / "examples" / "cantho-quan-huyen-uy.xlsx", Settings())
    assert not problems
    assert [(t.unit, t.job, t.size, t.outputs) for t in xlsx_tasks] == [(t.unit, t.job, t.size, t.outputs) for t in csv_tasks]


def test_the_readme_commune_and_ward_example_is_valid(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("directly, for example (`phuong-xa.csv`):\n\n```csv\n", 1)[1].split("```", 1)[0]
    (tmp_path / "phuong-xa.csv").write_text(example, encoding="utf-8")
    tasks, problems = check(tmp_path / "phuong-xa.csv", Settings(), layouts=True)
    assert not problems and len({t.unit for t in tasks}) == 3 and len(tasks) == 7


COLLIDING = [  # unit, event: every pair below would fold to the same folder or file name
    ("Đảng ủy xã Tân Phú", ""), ("Đảng ủy xã Tấn Phú", ""),
    ("Đảng ủy A", ""), ("DANG-UY-A", ""),
    ("Ban Thường vụ Đảng ủy phường Ninh Kiều, thành phố Cần Thơ, khóa I", ""),
    ("Ban Thường vụ Đảng ủy phường Ninh Kiều, thành phố Cần Thơ, khóa II", ""),
    ("Phường Tân An", "Đại hội đại biểu Đảng bộ phường Tân An lần thứ I, nhiệm kỳ 2025 - 2030"),
    ("Phường Tân An", "Đại hội đại biểu Đảng bộ phường Tân An lần thứ II, nhiệm kỳ 2030 - 2035"),
]


def _colliding_spec(tmp_path: Path) -> Path:
    rows = [[unit, "", "" if event else "28", "640x320px", "png", "congress" if event else "classic"]
            for unit, event in COLLIDING]
    spec = _csv(tmp_path / "units.csv", header=HEADER + ["event"], rows=[r + [e] for r, (_u, e) in zip(rows, COLLIDING)])
    return spec


def test_names_that_fold_alike_still_get_files_of_their_own(tmp_path, caplog):
    with caplog.at_level("WARNING", logger="bannerkit"):
        tasks, problems = check(_colliding_spec(tmp_path), Settings())
    assert not problems
    paths = [path for task in tasks for _fmt, path in task.outputs]
    assert len(paths) == len(set(paths)) == len(COLLIDING)
    folders = {task.unit_slug for task in tasks}
    assert "dang-uy-xa-tan-phu" not in folders and all(f.startswith("dang-uy-xa-tan-phu-") for f in folders
                                                        if "tan-phu" in f)
    assert "units 'DANG-UY-A' and 'Đảng ủy A' would share the folder 'dang-uy-a'" in caplog.text
    assert "2 designs of 'Phường Tân An' would share the file name" in caplog.text


def test_a_design_listed_twice_is_made_once(tmp_path):
    spec = _csv(tmp_path / "units.csv", rows=[ROWS[0], ROWS[0]])
    tasks, problems = check(spec, Settings())
    assert not problems and len(tasks) == 3


@pytest.mark.slow
def test_after_a_batch_of_colliding_names_every_design_has_a_file_and_a_manifest_entry(tmp_path):
    out = tmp_path / "out"
    report = run_batch(_colliding_spec(tmp_path), out, workers=2)
    assert not report.problems and report.rendered == len(COLLIDING)
    files = [p for p in out.rglob("*.png") if ".bannerkit" not in p.parts and p.name != "contact-sheet.png"]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"]
    assert len(files) == len(manifest) == len(COLLIDING)
    checked = run_cli("batch", str(tmp_path / "units.csv"), "--check")
    assert checked.returncode == 0
    assert checked.stderr.count("note: ") == 4  # three pairs of units, one pair of events


@pytest.mark.slow
def test_a_unit_folder_that_links_outside_is_refused_and_nothing_is_written_there(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "quan-uy-ninh-kieu").symlink_to(elsewhere)
    report = run_batch(_csv(tmp_path / "units.csv"), out, workers=2)
    assert report.rendered == 4 and len(report.problems) == 3  # Cờ Đỏ's designs are made, Ninh Kiều's refused
    assert all("leads outside the output folder" in str(p) for p in report.problems)
    assert not any(elsewhere.iterdir())


@pytest.mark.parametrize("text, wrong", [("1-1000000000", 1000000000), ("0-5", 0), ("5, 31", 31)])
def test_numbers_outside_the_catalogue_are_refused_before_any_range_is_expanded(text, wrong):
    with pytest.raises(CatalogueError, match=f"slogan {wrong} does not exist; slogans are numbered 1 to 30"):
        parse_ids(text, list(range(1, 31)))


@pytest.mark.slow
def test_a_rerun_remakes_files_whose_content_changed_even_at_the_same_size(tmp_path):
    spec, out = _csv(tmp_path / "units.csv"), tmp_path / "out"
    run_batch(spec, out, workers=2)
    before = _tree(out)
    victim = out / "quan-uy-ninh-kieu" / "1600x900px" / "slogan-01_classic.png"
    data = bytearray(victim.read_bytes())
    data[-20] ^= 0xFF  # same size, different content
    victim.write_bytes(bytes(data))
    again = run_batch(spec, out, workers=2)
    assert again.rendered == 1 and _tree(out) == before


@pytest.mark.slow
@pytest.mark.parametrize("damage", [
    lambda m: m["files"][0].pop("fingerprint"),
    lambda m: m["files"][1].update(bytes="many"),
    lambda m: m.update(files={"not": "a list"}),
    lambda m: m["files"].append(["nonsense"]),
])
def test_a_damaged_manifest_is_repaired_with_a_note_never_a_crash(tmp_path, caplog, damage):
    spec, out = _csv(tmp_path / "units.csv"), tmp_path / "out"
    run_batch(spec, out, workers=2)
    before = _tree(out)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    damage(manifest)
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with caplog.at_level("WARNING", logger="bannerkit"):
        again = run_batch(spec, out, workers=2)
    assert not again.problems and "were damaged and are ignored" in caplog.text
    assert _tree(out) == before
    assert len(json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"]) == 11


def test_fingerprints_follow_the_content_of_fonts_and_artwork_not_their_paths(tmp_path):
    spec = _csv(tmp_path / "units.csv", rows=[ROWS[0]])
    layouts = tmp_path / "layouts"
    layouts.mkdir()
    shutil.copy(data_folder("layouts") / "classic.toml", layouts / "classic.toml")
    first = [t.fingerprint for t in check(spec, Settings(layouts_dir=layouts))[0]]
    moved = tmp_path / "moved"
    shutil.copytree(layouts, moved)
    assert [t.fingerprint for t in check(spec, Settings(layouts_dir=moved))[0]] == first
    shutil.copy(data_folder("assets") / "co-dang.svg", moved / "co-dang.svg")
    (moved / "co-dang.svg").write_text((moved / "co-dang.svg").read_text(encoding="utf-8") + "\n<!-- redrawn -->\n",
                                       encoding="utf-8")
    assert [t.fingerprint for t in check(spec, Settings(layouts_dir=moved))[0]] != first


@pytest.mark.slow
def test_a_row_names_its_theme_and_its_images_and_a_changed_image_is_rendered_again(tmp_path, portrait):
    shutil.copy(portrait, tmp_path / "chan-dung.jpg")
    header = ["unit", "anniversary", "sizes", "formats", "layout", "theme", "images"]
    rows = [["Quận ủy Ninh Kiều", "bac-ho-135", "640x360px", "png", "anniversary-panel", "light", "portrait=chan-dung.jpg"],
            ["Huyện ủy Cờ Đỏ", "bac-ho-135", "640x360px", "png", "anniversary-panel", "", ""],
            ["Huyện ủy Phong Điền", "bac-ho-135", "640x360px", "png", "anniversary-panel", "", "portrait=khong-co.jpg"]]
    spec = _csv(tmp_path / "units.csv", header=header, rows=rows)
    out = tmp_path / "out"
    report = run_batch(spec, out, workers=1)
    assert report.rendered == 2 and len(report.problems) == 1 and "khong-co.jpg" in str(report.problems[0])
    light = out / "quan-uy-ninh-kieu" / "640x360px" / "anniversary-bac-ho-135_anniversary-panel-light.png"
    plain = out / "huyen-uy-co-do" / "640x360px" / "anniversary-bac-ho-135_anniversary-panel.png"
    assert light.is_file() and plain.is_file()
    before = light.read_bytes()
    Image.open(portrait).transpose(Image.Transpose.FLIP_TOP_BOTTOM).save(tmp_path / "chan-dung.jpg")
    again = run_batch(spec, out, workers=1)
    assert again.rendered == 1 and light.read_bytes() != before  # the image's content is part of the fingerprint


def test_title_rows_above_the_header_are_skipped_in_csv_and_excel(tmp_path):
    title = ["KẾ HOẠCH TRANG TRÍ KHẨU HIỆU NĂM 2025", "", "", "", "", ""]
    csv_spec = _csv(tmp_path / "units.csv", rows=ROWS)
    text = csv_spec.read_text(encoding="utf-8")
    csv_spec.write_text('"' + title[0] + '",,,,,\n"(kèm theo Kế hoạch số 12-KH/QU)",,,,,\n\n' + text, encoding="utf-8")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(title)
    sheet.merge_cells("A1:F1")  # a merged title, as offices type them
    sheet.append([])
    for row in [HEADER, *ROWS]:
        sheet.append(row)
    book.save(tmp_path / "units.xlsx")
    for spec in (csv_spec, tmp_path / "units.xlsx"):
        rows, problems = read_spec(spec)
        assert not problems and [r.fields["unit"] for r in rows] == ["Quận ủy Ninh Kiều", "Huyện ủy Cờ Đỏ"], spec
        assert rows[0].where.endswith(("line 5", "line 4"))  # each problem still names its own line


def _windows_1258(text: str) -> bytes:
    """As Windows writes Vietnamese in code page 1258: letters with hats, horns and breves
    precomposed, the five tones as combining marks after them."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


def test_a_csv_saved_as_windows_1258_reads_as_its_unicode(tmp_path):
    spec = tmp_path / "units.csv"
    text = "\n".join(",".join(f'"{v}"' for v in row) for row in [HEADER, *ROWS]) + "\n"
    spec.write_bytes(_windows_1258(text))
    rows, problems = read_spec(spec)
    assert not problems and [r.fields["unit"] for r in rows] == ["Quận ủy Ninh Kiều", "Huyện ủy Cờ Đỏ"]


def test_sizes_are_read_as_offices_type_them(tmp_path):
    from bannerkit.batch.plan import _sizes

    assert _sizes("pano 3×6; Pano 4 x 8", Settings()) == ["pano 3×6", "Pano 4 x 8"]
    assert _sizes("pano-3x6 a3, led-1920x1080", Settings()) == ["pano-3x6", "a3", "led-1920x1080"]
