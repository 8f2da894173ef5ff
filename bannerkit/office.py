"""Start an office's working folder (`bannerkit init`): its settings, an example spreadsheet of
its units with Vietnamese headers, and copies of the shipped layouts and themes to edit.

Nothing already there is overwritten: a second `init` only adds what is missing.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .config import CONFIG_FILE, PAPERS
from .errors import OptionError
from .i18n import _
from .options import DEFAULT_FORMATS, DEFAULT_LAYOUT, DEFAULT_SIZE
from .output import prepare_folder, write_atomic
from .resources import MB, data_folder, package_data, read_limited

SPEC_NAME = "don-vi"  # "units": the example spreadsheet, as .xlsx and .csv
SPEC_HEADERS = ("Đơn vị", "Khẩu hiệu", "Kích thước", "Định dạng", "Mẫu", "Bộ màu", "Mã QR")
MAX_UNITS = 5000


@dataclass(frozen=True)
class Office:
    """What `bannerkit init` writes into the new folder's settings and spreadsheet."""

    unit: str = "Ban Tuyên giáo"
    campaign: str = "Tuyên truyền Đại hội Đảng bộ các cấp, nhiệm kỳ 2025 - 2030"
    units: tuple[str, ...] = ()
    sizes: tuple[str, ...] = (DEFAULT_SIZE, "led-1920x1080")
    formats: tuple[str, ...] = DEFAULT_FORMATS
    layout: str = DEFAULT_LAYOUT
    theme: str = ""  # none: each layout's own colours
    base_url: str = ""
    paper: str = "a4"


def init_folder(folder: Path, office: Office) -> tuple[list[Path], list[Path]]:
    """Create `folder`'s files; returns (written, kept because they were already there)."""
    _check(office)
    folder = prepare_folder(folder)
    units = office.units or example_units()
    files = {CONFIG_FILE: _settings(office).encode("utf-8"),
             f"{SPEC_NAME}.xlsx": _xlsx(office, units), f"{SPEC_NAME}.csv": _csv(office, units)}
    written: list[Path] = []
    kept: list[Path] = []
    for name, data in files.items():
        target = folder / name
        if target.exists():
            kept.append(target)
        else:
            written.append(write_atomic(target, data))
    for kind, target in (("layouts", folder / "layouts"), ("themes", folder / "layouts" / "themes")):
        prepare_folder(target)
        for source in sorted(data_folder(kind).glob("*.toml")):
            copy = target / source.name
            if copy.exists():
                kept.append(copy)
            else:
                written.append(write_atomic(copy, read_limited(source)))
    return written, kept


def parse_units(value: str) -> tuple[str, ...]:
    """--units: a text file with one unit a line, or names separated by ';' (or ',' when no ';')."""
    path = Path(value)
    if path.suffix.lower() in (".txt", ".csv") or path.is_file():
        if not path.is_file():
            raise OptionError(_("units file {path} does not exist; give a text file with one unit a line, or "
                                "the names separated by ';'").format(path=value))
        lines = read_limited(path, 2 * MB).decode("utf-8-sig").splitlines()
    else:
        lines = value.split(";" if ";" in value else ",")
    units = tuple(dict.fromkeys(u.strip() for u in lines if u.strip() and not u.strip().startswith("#")))
    if not units or len(units) > MAX_UNITS:
        raise OptionError(_("--units: give 1 to {limit} unit names, like \"Phường An Hòa; Phường Cái Khế\"").format(
            limit=MAX_UNITS))
    return units


def example_units() -> tuple[str, ...]:
    text = read_limited(package_data("office/example-units.txt")).decode("utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _check(office: Office) -> None:
    from .layout import load_layout
    from .sizes import find_size
    from .themes import load_theme

    for size in office.sizes:
        find_size(size)
    load_layout(office.layout)
    if office.theme:
        load_theme(office.theme)
    if office.paper not in PAPERS:
        raise OptionError(_("paper {value!r}: use a4 or a3").format(value=office.paper))
    if office.base_url and not office.base_url.startswith(("https://", "http://")):
        raise OptionError(_("--doc-url {value!r}: give the web address of your documents, starting with https://")
                          .format(value=office.base_url))


def _settings(office: Office) -> str:
    environment = jinja2.Environment(autoescape=False, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    environment.filters["toml"] = lambda value: json.dumps(list(value) if isinstance(value, tuple) else value,
                                                           ensure_ascii=False)
    template = environment.from_string(read_limited(package_data("office/bannerkit.toml.j2")).decode("utf-8"))
    return template.render(unit=office.unit, campaign=office.campaign, sizes=office.sizes, formats=office.formats,
                           layout=office.layout, theme=office.theme, base_url=office.base_url, paper=office.paper)


def _rows(office: Office, units: tuple[str, ...]) -> list[list[str]]:
    qr = "doc" if office.base_url else ""
    return [[unit, "1-5", ", ".join(office.sizes), ", ".join(office.formats), office.layout, office.theme, qr]
            for unit in units]


def _xlsx(office: Office, units: tuple[str, ...]) -> bytes:
    """A title above the header, as offices lay their lists out; bannerkit skips it when reading."""
    import openpyxl
    from openpyxl.styles import Font, PatternFill

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Don vi"
    sheet.append([f"DANH SÁCH ĐƠN VỊ - {office.campaign.upper()}"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(SPEC_HEADERS))
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(list(SPEC_HEADERS))
    for cell in sheet[2]:
        cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor="FFE599")
    for row in _rows(office, units):
        sheet.append(row)
    for column, width in zip("ABCDEFG", (34, 12, 28, 12, 16, 12, 10)):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _csv(office: Office, units: tuple[str, ...]) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel opens the Vietnamese right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(SPEC_HEADERS)
    writer.writerows(_rows(office, units))
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")
