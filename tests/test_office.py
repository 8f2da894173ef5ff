"""An office's tool: a starter folder whose settings commands pick up, a doctor that says what to
install, a book a leader signs, spreadsheets as offices type them, and the conventions of a CLI."""

from __future__ import annotations

import json
import re
import sys
import zipfile
from pathlib import Path

import openpyxl
import pypdf
import pytest
from conftest import ROOT, invoke, run_cli

from bannerkit.batch.spec import read_spec
from bannerkit.config import load_config

SPECS = ROOT / "tests" / "data" / "specs"


# --- bannerkit init and the settings it writes -------------------------------------------------

def test_init_starts_a_folder_whose_settings_and_spreadsheet_commands_use(tmp_path, monkeypatch):
    folder = tmp_path / "ninh-kieu"
    result = invoke("init", str(folder), "--unit", "Ban Tuyên giáo Quận ủy Ninh Kiều",
                    "--units", "Phường Cái Khế; Phường An Hòa", "--doc-url", "https://tuyengiao.example.vn/vb/",
                    "--sizes", "a3, led-1920x1080", "--theme", "red-gold")
    assert result.exit_code == 0, result.output
    config = load_config(folder)
    assert (config.unit, config.sizes, config.theme) == ("Ban Tuyên giáo Quận ủy Ninh Kiều", ("a3", "led-1920x1080"),
                                                          "red-gold")
    assert config.layouts_dir == folder / "layouts" and (folder / "layouts" / "classic.toml").is_file()
    assert (folder / "layouts" / "themes" / "light.toml").is_file()
    sheet = openpyxl.load_workbook(folder / "don-vi.xlsx").active
    assert sheet["A2"].value == "Đơn vị" and sheet["A3"].value == "Phường Cái Khế"  # a title row above
    assert (folder / "don-vi.csv").read_bytes().startswith(b"\xef\xbb\xbf\xc4\x90\xc6\xa1n v\xe1\xbb\x8b")
    rows, problems = read_spec(folder / "don-vi.xlsx")
    assert not problems and [r.fields["unit"] for r in rows] == ["Phường Cái Khế", "Phường An Hòa"]
    assert rows[0].fields["theme"] == "red-gold" and rows[0].fields["qr_url"] == "doc"

    monkeypatch.chdir(folder)
    rendered = invoke("render", "--slogan", "5", "--json")  # size, theme, formats from bannerkit.toml
    assert rendered.exit_code == 0, rendered.output
    paths = [f["path"] for f in json.loads(rendered.stdout)["files"]]
    assert paths == ["output/slogan-05_a3_classic-red-gold.png", "output/slogan-05_a3_classic-red-gold.pdf"]
    typed = invoke("render", "--slogan", "5", "--size", "a4", "--theme", "light", "--format", "png", "-q")
    assert typed.exit_code == 0 and typed.stdout == "" and Path("output/slogan-05_a4_classic-light.png").is_file()

    again = invoke("init", str(folder))
    assert again.exit_code == 0 and "kept 15 files" in again.stdout  # nothing overwritten
    assert load_config(folder).unit == "Ban Tuyên giáo Quận ủy Ninh Kiều"


def test_a_spec_row_takes_what_it_leaves_empty_from_the_settings(tmp_path):
    (tmp_path / "bannerkit.toml").write_text('[defaults]\nsizes = ["a4"]\nformats = ["pdf"]\ntheme = "light"\n',
                                             encoding="utf-8")
    spec = tmp_path / "units.csv"
    spec.write_text("Đơn vị,Khẩu hiệu,Kích thước\nPhường A,5,\nPhường B,6,a3\n", encoding="utf-8")
    from bannerkit.batch import Settings, check

    tasks, problems = check(spec, Settings())
    assert not problems
    assert [(t.unit, t.size, t.options.formats, t.options.theme) for t in tasks] == [
        ("Phường A", "a4", ("pdf",), "light"), ("Phường B", "a3", ("pdf",), "light")]


@pytest.mark.parametrize(("text", "message"), [
    ("unit = [1", "is not valid TOML"),
    ("[defaults]\nsizes = 3\n", "sizes must be a list"),
    ("[defaults]\nbook_paper = \"letter\"\n", "book_paper 'letter': use a4 or a3"),
])
def test_a_broken_settings_file_is_one_line_naming_the_fix(tmp_path, monkeypatch, text, message):
    (tmp_path / "bannerkit.toml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke("render", "--slogan", "5")
    assert result.exit_code == 1 and message in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    doctor = invoke("doctor")
    assert doctor.exit_code == 1 and "✗ bannerkit.toml: " in doctor.stdout and message in doctor.stdout


# --- bannerkit doctor ---------------------------------------------------------------------------

def test_doctor_checks_the_machine_and_the_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("doctor")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert any(line.startswith("✓ fonts: ") and "every Vietnamese letter" in line for line in lines)
    assert any(line.startswith("✓ PDF (WeasyPrint): Pango 1.") for line in lines)
    assert "! bannerkit.toml: none in" in result.stdout and lines[-1] == "ready to work"


FAKE_PANGO = '''raise OSError("cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file")'''


@pytest.mark.slow
def test_a_missing_pango_is_one_line_never_a_traceback(tmp_path):
    """WeasyPrint without Pango fails to import with cffi's OSError: a stand-in package raises
    exactly that, first on the path, as a machine without libpango would."""
    (tmp_path / "weasyprint").mkdir()
    (tmp_path / "weasyprint" / "__init__.py").write_text(FAKE_PANGO, encoding="utf-8")
    env = {"PYTHONPATH": str(tmp_path)}
    render = run_cli("render", "--slogan", "5", "--size", "a4", "--format", "pdf", "--out-dir", str(tmp_path / "o"),
                     env=env)
    assert render.returncode == 1 and "Traceback" not in render.stderr
    assert render.stderr.count("\n") == 1 and "sudo apt-get install libpango-1.0-0" in render.stderr
    doctor = run_cli("doctor", cwd=tmp_path, env=env)
    assert doctor.returncode == 1 and "✗ PDF (WeasyPrint): weasyprint cannot load a system library" in doctor.stdout


@pytest.mark.slow
def test_a_missing_extra_says_which_to_install(tmp_path):
    code = ("import sys; sys.modules['av'] = None; sys.argv = ['bannerkit'] + sys.argv[1:]; "
            "from bannerkit.console import main; main()")
    import subprocess

    result = subprocess.run([sys.executable, "-c", code, "led-scroll", "--slogan", "5", "-f", "mp4", "--out-dir",
                             str(tmp_path)], capture_output=True, text=True, env={"BANNERKIT_LANG": "en",
                                                                                  "PATH": "/usr/bin:/bin"})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "MP4 video needs the optional part 'video': install it with pip install 'bannerkit[video]'" in result.stderr


# --- the approval book --------------------------------------------------------------------------

@pytest.mark.slow
def test_the_approval_book_has_a_cover_captions_and_a_sign_off(tmp_path):
    spec = tmp_path / "units.csv"
    spec.write_text("unit,slogans,sizes,formats\nPhường Cái Khế,\"5, 28\",\"pano-3x6, a3\",png\n", encoding="utf-8")
    (tmp_path / "bannerkit.toml").write_text('[office]\nunit = "Ban Tuyên giáo Quận ủy Ninh Kiều"\n'
                                             'campaign = "Đại hội Đảng bộ các cấp 2025 - 2030"\n', encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("batch", str(spec), "--out-dir", str(out), "--book", "--jobs", "1", "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["rendered"] == 4 and summary["books"] == [str(out / "phuong-cai-khe/phuong-cai-khe-book.pdf")]
    assert {Path(f["path"]).name for f in summary["files"]} >= {"slogan-05_classic.png", "slogan-28_classic.png"}
    book = pypdf.PdfReader(out / "phuong-cai-khe" / "phuong-cai-khe-book.pdf")
    assert len(book.pages) == 5
    assert all(round(float(p.mediabox.width)) == 842 and round(float(p.mediabox.height)) == 595 for p in book.pages)
    cover = book.pages[0].extract_text()
    for words in ("DESIGNS FOR APPROVAL", "Phường Cái Khế", "Đại hội Đảng bộ các cấp 2025 - 2030",
                  "Ban Tuyên giáo Quận ủy Ninh Kiều", "4 designs", "Pano 3 × 6 m"):
        assert words in cover, words
    page = book.pages[1].extract_text()
    for words in ("Slogan 5", "Pano 3 × 6 m (6000 × 3000 mm)", "slogan-05_classic.png", "APPROVED BY",
                  "Date approved", "(signature and full name)"):
        assert words in page, words
    # the design itself is in the page as vectors: its own words can be read back
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in page.upper() or "NHIỆT LIỆT" in page.upper()

    again = invoke("book", str(out), "--paper", "a3")  # from the folder, without rendering
    assert again.exit_code == 0, again.output
    target = out / "phuong-cai-khe" / "phuong-cai-khe-book.pdf"
    a3 = pypdf.PdfReader(target)
    assert round(float(a3.pages[2].mediabox.width)) == 1191 and "Slogan 5" in a3.pages[1].extract_text()
    first = target.read_bytes()
    assert invoke("book", str(out), "--paper", "a3").exit_code == 0 and target.read_bytes() == first  # reproducible


def test_book_needs_a_batch_folder(tmp_path):
    result = invoke("book", str(tmp_path))
    assert result.exit_code == 1 and "has no manifest.json" in result.stderr


# --- spreadsheets as offices write them -------------------------------------------------------

@pytest.mark.parametrize("name", ["don-vi.xls", "don-vi.ods"])
def test_legacy_excel_and_libreoffice_specs_are_read_below_their_title(name):
    rows, problems = read_spec(SPECS / name)
    assert not problems
    assert [(r.fields["unit"], r.fields["sizes"]) for r in rows] == [
        ("Phường Cái Khế", "pano 3×6"), ("Xã Mỹ Khánh", "Pano 3 x 6, a3" if name.endswith("xls") else "pano 3×6")]
    assert rows[0].where.endswith("line 4")  # the sheet's own row number, title and blank row counted


def _xlsx_with_formula(path: Path, saved_value: str | None) -> Path:
    """An .xlsx whose second unit's sizes are a formula; Excel saves its value, a script does not."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Danh sách đơn vị"])
    sheet.append(["Đơn vị", "Khẩu hiệu", "Kích thước"])
    sheet.append(["Phường A", "5", "pano 3×6"])
    sheet.append(["Phường B", "6", "=C3"])
    book.save(path)
    if saved_value is None:
        return path
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    saved = f'<c r="C4" t="str"><f>C3</f><v>{saved_value}</v></c>'
    sheet_xml = re.sub(r'<c r="C4"><f>C3</f><v ?/></c>', saved, parts["xl/worksheets/sheet1.xml"].decode())
    assert saved in sheet_xml
    parts["xl/worksheets/sheet1.xml"] = sheet_xml.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_formula_cells_give_their_saved_values(tmp_path):
    rows, problems = read_spec(_xlsx_with_formula(tmp_path / "saved.xlsx", "pano 3×6"))
    assert not problems and rows[1].fields["sizes"] == "pano 3×6"


def test_a_formula_with_no_saved_value_is_reported_with_its_row(tmp_path):
    rows, problems = read_spec(_xlsx_with_formula(tmp_path / "unsaved.xlsx", None))
    assert [str(p) for p in problems] == [
        "unsaved.xlsx, line 4: cell C4 is a formula with no saved value (the file was made by a program that does "
        "not calculate); open it in Excel or LibreOffice, save it, and run again"]


# --- CLI conventions ----------------------------------------------------------------------------

def test_short_help_and_version():
    assert invoke("-h").exit_code == 0 and "Usage: " in invoke("-h").stdout
    assert invoke("render", "-h").exit_code == 0
    assert invoke("-V").stdout.startswith("bannerkit 0.")


def test_render_to_standard_output_writes_only_the_file(tmp_path):
    import subprocess

    data = subprocess.run([sys.executable, "-m", "bannerkit", "render", "-s", "5", "--size", "a4", "-f", "png",
                           "-o", "-"], capture_output=True, check=True, cwd=tmp_path).stdout
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000 and not list(tmp_path.iterdir())
    piped = run_cli("render", "--slogan", "5", "--size", "a4", "-o", "-")
    assert piped.returncode == 1 and "give its --format" in piped.stderr


@pytest.mark.slow
def test_led_scroll_writes_exactly_the_file_given(tmp_path):
    target = tmp_path / "chay-chu.gif"
    result = invoke("led-scroll", "--slogan", "5", "--speed", "125", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(target) and target.read_bytes().startswith(b"GIF89a")
    wrong = invoke("led-scroll", "--slogan", "5", "-o", str(tmp_path / "x.gif"), "-f", "mp4")
    assert wrong.exit_code == 1 and "needs one format" in wrong.stderr


def test_shell_completion_offers_slogans_sizes_layouts_and_themes(tmp_path):
    def complete(*words: str) -> str:
        env = {"_BANNERKIT_COMPLETE": "complete_bash", "COMP_WORDS": " ".join(("bannerkit", *words)),
               "COMP_CWORD": str(len(words))}
        return run_cli(*words, env=env, cwd=tmp_path).stdout

    assert complete("render", "--size", "pano-").split() == ["pano-3x6", "pano-4x8", "pano-5x10"]
    assert "slogan-panel" in complete("render", "--layout", "slo").split()
    assert complete("render", "--theme", "re").split() == ["red-gold"]
    assert "28" in complete("render", "--slogan", "2").split()


# --- the library API and its documentation -----------------------------------------------------

def test_the_package_exports_its_entry_points_with_docstrings():
    import bannerkit
    import bannerkit.design  # a submodule imported first must not hide the function of the same name

    for name in ("produce", "render", "run_batch", "check_spec", "approval_book", "init_folder", "load_config"):
        value = getattr(bannerkit, name)
        assert callable(value) and not isinstance(value, type(bannerkit)), name
        assert (value.__doc__ or "").strip(), name
    for name in ("Job", "RenderOptions", "BatchSettings", "BatchReport", "Office", "OfficeConfig", "Cover", "BookPage"):
        assert (getattr(bannerkit, name).__doc__ or "").strip(), name


@pytest.mark.slow
def test_the_api_guide_runs_as_written(monkeypatch, capsys):
    """Every Python block of docs/api.md, in order, from the checkout (its examples read files there)."""
    monkeypatch.chdir(ROOT)
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "docs" / "api.md").read_text(encoding="utf-8"), re.DOTALL)
    assert len(blocks) == 4
    try:
        for block in blocks:
            exec(compile(block, "docs/api.md", "exec"), {})
    finally:
        from bannerkit.i18n import set_language

        set_language("en")
    printed = capsys.readouterr().out
    assert "unknown slogan 99" in printed and "rendered;" in printed


def test_the_guide_shows_real_pictures():
    guide = (ROOT / "docs" / "huong-dan.md").read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]+\]\(([^)]+)\)", guide)
    assert len(pictures) >= 5 and all((ROOT / "docs" / p).is_file() for p in pictures)
    assert "docs/huong-dan.md" in (ROOT / "README.md").read_text(encoding="utf-8")
