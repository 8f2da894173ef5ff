"""Turn a batch spec (Excel, CSV, YAML or TOML) into validated rows, or problems with their line.

Office staff make these in Excel: one row per unit, with the slogans ("1-5, 8, 28"), sizes,
formats and layout it needs. Column headers may be English or Vietnamese ("đơn vị", "khẩu
hiệu", "kích thước", ...). Several values in one cell are separated by commas or spaces.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import tomllib
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import yaml

from ..errors import CatalogueError, SpecError
from ..i18n import _
from ..resources import MB, read_limited
from ..text.normalise import fold

# Column name (folded: no diacritics, lower case) -> field.
COLUMNS = {
    "unit": "unit", "don vi": "unit", "ten don vi": "unit",
    "slogans": "slogans", "slogan": "slogans", "khau hieu": "slogans",
    "sizes": "sizes", "size": "sizes", "kich thuoc": "sizes", "kich co": "sizes",
    "formats": "formats", "format": "formats", "dinh dang": "formats",
    "layout": "layout", "mau": "layout", "mau thiet ke": "layout",
    "qr_url": "qr_url", "qr": "qr_url", "ma qr": "qr_url", "link qr": "qr_url",
    "qr_track": "qr_track", "headline": "headline", "tieu de": "headline",
    "event": "event", "su kien": "event", "dai hoi": "event",
    "anniversary": "anniversary", "ngay ky niem": "anniversary", "date": "date", "ngay": "date",
    # render options (options.NAMES)
    "dpi": "dpi", "do phan giai": "dpi", "upper": "upper", "chu hoa": "upper",
    "led_colors": "led_colors", "led colors": "led_colors", "mau led": "led_colors",
    "phrases": "phrases", "cum tu": "phrases",
    "theme": "theme", "phong cach": "theme", "chu de mau": "theme", "bo mau": "theme",
    "images": "images", "image": "images", "hinh anh": "images", "anh": "images",
    "bleed": "bleed", "tran le": "bleed", "marks": "marks", "dau cat": "marks", "user_unit": "user_unit",
    "outline": "outline", "chuyen curves": "outline", "chu cong": "outline", "scale": "scale", "ti le": "scale",
    "tile": "tile", "kho cuon": "tile", "overlap": "overlap", "chong mi": "overlap",
    "finish": "finish", "gia cong": "finish",
}
# A province has a few thousand communes and wards: a spec is at most this large.
MAX_SPEC_BYTES = 20 * MB
MAX_ROWS = 50_000
MAX_COLUMNS = 60
HEADER_SEARCH_ROWS = 10  # a title, a subtitle, a date and blank lines may stand above the header
LIST_SPLIT = re.compile(r"[,;\s]+")
RANGE = re.compile(r"^(\d{1,12})(?:-(\d{1,12}))?$")  # longer is no number anyone means
ALL = {"all", "tat ca"}
XLSX = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@dataclass(frozen=True)
class Row:
    """One unit's request, as written; `where` says where it stands in the spec."""

    where: str
    fields: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def read_spec(path: Path) -> tuple[list[Row], list[Problem]]:
    """Rows (defaults applied) and the rows that could not even be read."""
    if not path.is_file():
        raise SpecError(_("batch spec {path} does not exist").format(path=str(path)))
    suffix = path.suffix.lower()
    readers = {".xlsx": _read_workbook, ".xlsm": _read_workbook, ".xls": _read_workbook, ".ods": _read_workbook,
               ".csv": _read_csv, ".txt": _read_csv, ".yaml": _read_mapping, ".yml": _read_mapping,
               ".toml": _read_mapping}
    if suffix not in readers:
        raise SpecError(_("batch spec {path}: use an Excel (.xlsx, .xls), LibreOffice (.ods), CSV, YAML or TOML "
                          "file").format(path=str(path)))
    try:
        rows, problems = readers[suffix](path)
    except OSError as exc:
        raise SpecError(_("cannot read batch spec {path}: {reason}").format(
            path=str(path), reason=exc.strerror or exc)) from None
    if len(rows) > MAX_ROWS:
        raise SpecError(_("batch spec {path} has {count} rows; bannerkit takes at most {limit} in one spec, "
                          "split it").format(path=str(path), count=len(rows), limit=MAX_ROWS))
    return rows, problems


def _read_csv(path: Path) -> tuple[list[Row], list[Problem]]:
    raw = read_limited(path, MAX_SPEC_BYTES).removeprefix(b"\xef\xbb\xbf")
    text, problems = _decode(path, raw)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    lines = [(reader.line_num, values) for values in reader]
    start = _header_index([values for _number, values in lines])
    header, rows = (lines[start][1] if lines else []), []
    for number, values in lines[start + 1:]:
        if any(v.strip() for v in values):
            rows.append(_row(path, number, header, values))
    return rows, problems


def _decode(path: Path, raw: bytes) -> tuple[str, list[Problem]]:
    """UTF-8 (with or without BOM), else Windows-1258, as Excel saves "CSV (Comma delimited)" on a
    Vietnamese Windows: its tones are combining marks, composed here (NFC). Lines in neither are
    reported by number."""
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    try:
        return unicodedata.normalize("NFC", raw.decode("cp1258")), []
    except UnicodeDecodeError:
        pass
    lines, problems = [], []
    for number, line in enumerate(raw.split(b"\n"), 1):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            problems.append(Problem(_line(path, number), _("not UTF-8 text; in Excel choose Save As "
                                                           "\"CSV UTF-8 (Comma delimited)\"")))
            lines.append("")
    return "\n".join(lines), problems


def _header_index(rows: list[list[str]]) -> int:
    """The header row: the first of the first rows naming the unit column and one more known
    column. Offices put a title (and a date) above the table; without such a row, the first."""
    for index, values in enumerate(rows[:HEADER_SEARCH_ROWS]):
        known = {COLUMNS.get(fold(v).replace("_", " ").strip()) for v in values if v.strip()} - {None}
        if "unit" in known and len(known) >= 2:
            return index
    return 0


def _read_workbook(path: Path) -> tuple[list[Row], list[Problem]]:
    """The first sheet of an Excel (.xlsx, .xls) or LibreOffice (.ods) file, with the values its
    formulas had when it was last saved (python-calamine reads all three)."""
    from python_calamine import CalamineWorkbook

    read_limited(path, MAX_SPEC_BYTES)  # a regular file of a sensible size, before it is unpacked
    try:
        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
        first_row, first_column = sheet.start or (0, 0)
        cells = [[""] * first_column + [_cell(v) for v in row][:MAX_COLUMNS - first_column]
                 for row in itertools.islice(sheet.iter_rows(), MAX_ROWS + 2 + HEADER_SEARCH_ROWS)]
    except Exception as exc:  # calamine raises its own kinds for a damaged or protected file
        raise SpecError(_("batch spec {path} is not a readable spreadsheet: {err}").format(
            path=str(path), err=exc)) from None
    start = _header_index(cells)
    header, rows = (cells[start] if cells else []), []
    for number, values in enumerate(cells[start + 1:], first_row + start + 2):
        if any(v.strip() for v in values):
            rows.append(_row(path, number, header, values))
    unsaved = [Problem(_line(path, row), _("cell {cell} is a formula with no saved value (the file was made by a "
                                           "program that does not calculate); open it in Excel or LibreOffice, save "
                                           "it, and run again").format(cell=cell))
               for row, cell in uncalculated_formulas(path) if row > first_row + start + 1]
    return rows, unsaved


def _cell(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _row(path: Path, number: int, header: list[str], values: list[str]) -> Row:
    fields = {}
    for name, value in zip(header, values):
        key = COLUMNS.get(fold(name).replace("_", " ").strip()) or COLUMNS.get(fold(name).strip())
        if key and value.strip():
            fields[key] = value.strip()
    return Row(_line(path, number), fields)


def _line(path: Path, number: int) -> str:
    return _("{file}, line {number}").format(file=path.name, number=number)


def _read_mapping(path: Path) -> tuple[list[Row], list[Problem]]:
    """A YAML or TOML spec."""
    load = tomllib.loads if path.suffix.lower() == ".toml" else _load_yaml
    try:
        data = load(read_limited(path, MAX_SPEC_BYTES).decode("utf-8-sig"))
    except (yaml.YAMLError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SpecError(_("batch spec {path}: {err}").format(path=str(path), err=" ".join(str(exc).split()))) from None
    return _from_mapping(path, data)


def _load_yaml(text: str) -> Any:
    """Plain YAML data: safe types only, and no anchors and aliases, whose expansion could make a
    small file fill the memory (a spreadsheet has no use for them)."""
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise SpecError(_("YAML anchors and aliases (& and *) are not allowed in a batch spec; write each "
                              "value out, or use 'defaults'"))
    return yaml.safe_load(text)


def _from_mapping(path: Path, data: Any) -> tuple[list[Row], list[Problem]]:
    """{defaults: {...}, units: [{unit: ..., ...}, ...]}: each unit over the defaults."""
    if not isinstance(data, dict) or not isinstance(data.get("units"), list):
        raise SpecError(_("batch spec {path} needs a list 'units' (and optionally 'defaults')").format(path=str(path)))
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, dict):
        raise SpecError(_("batch spec {path}: 'defaults' must be a table of column: value").format(path=str(path)))
    rows = []
    for number, entry in enumerate(data["units"], 1):
        merged = {**defaults, **(entry if isinstance(entry, dict) else {})}
        fields = {COLUMNS.get(fold(k), k): _joined(v) for k, v in merged.items() if _joined(v)}
        name = fields.get("unit", "?")
        rows.append(Row(_("{file}, unit {number} ({name})").format(file=path.name, number=number, name=name), fields))
    return rows, []


def _joined(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_joined(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else ""
    return "" if value is None else str(value).strip()


def split_list(text: str) -> list[str]:
    return [part for part in LIST_SPLIT.split(text.strip()) if part]


def parse_ids(text: str, valid: list[int]) -> list[int]:
    """'1-5, 8, 28' (or 'all') -> [1, 2, 3, 4, 5, 8, 28], each once, in the order given.

    ValueError names a malformed part; a number outside `valid` is a CatalogueError, found
    before any range is expanded (the catalogue has 30 slogans, not 1-1000000000)."""
    if fold(text) in ALL:
        return list(valid)
    known = set(valid)
    ids: dict[int, None] = {}
    for part in split_list(re.sub(r"\s*[-–]\s*", "-", text)):
        match = RANGE.match(part)
        if not match:
            raise ValueError(part)
        first, last = int(match.group(1)), int(match.group(2) or match.group(1))
        if last < first:
            raise ValueError(part)
        unknown = next((n for n in (first, last) if n not in known), None)
        if unknown is not None:
            raise CatalogueError(_("slogan {id} does not exist; slogans are numbered {first} to {last}").format(
                id=unknown, first=min(valid), last=max(valid)))
        ids.update(dict.fromkeys(n for n in range(first, last + 1) if n in known))
    return list(ids)


def uncalculated_formulas(path: Path) -> list[tuple[int, str]]:
    """(row number, cell) of the first sheet's formulas saved without their value: an .xlsx that a
    program wrote without calculating (a script, a web export). Excel and LibreOffice always save
    the value; an .xls or .ods has its values, or its author's program made them."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return []
    try:
        with zipfile.ZipFile(path) as archive:
            sheet = _first_sheet_part(archive)
            found = []
            with archive.open(sheet) as part:
                for _event, element in ElementTree.iterparse(part):
                    if element.tag == f"{{{XLSX}}}c":
                        formula, value = element.find(f"{{{XLSX}}}f"), element.find(f"{{{XLSX}}}v")
                        if formula is not None and (value is None or not (value.text or "").strip()):
                            cell = element.get("r", "")
                            found.append((int(re.sub(r"\D", "", cell) or 0), cell))
                        element.clear()
            return found
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, ValueError):
        return []  # calamine has read the values; a part it did without is no formula to report


def _first_sheet_part(archive: zipfile.ZipFile) -> str:
    """The part of the workbook's first sheet, as calamine reads it."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    first = workbook.find(f"{{{XLSX}}}sheets/{{{XLSX}}}sheet")
    if first is None:
        raise KeyError("no sheet")
    rid = first.get(f"{{{RELATIONSHIPS}}}id")
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    for rel in rels:
        if rel.get("Id") == rid:
            target = rel.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    raise KeyError(rid)
