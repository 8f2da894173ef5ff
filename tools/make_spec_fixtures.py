"""Write the legacy Excel (.xls) and LibreOffice (.ods) batch specs the tests read.

bannerkit reads these formats (python-calamine) but never writes them, so the fixtures are made
once here with xlwt and odfpy, which only this script needs:

    python -m venv /tmp/fix && /tmp/fix/bin/pip install xlwt odfpy
    /tmp/fix/bin/python tools/make_spec_fixtures.py

Both hold what an office types: a title row above the header, Vietnamese headers, sizes written
"pano 3×6", and cells computed by formulas (the .ods saves their values; xlwt cannot, as a
program that does not calculate).
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "specs"
TITLE = "DANH SÁCH ĐƠN VỊ TREO PANO - ĐẠI HỘI ĐẢNG BỘ NHIỆM KỲ 2025 - 2030"
HEADER = ["STT", "Đơn vị", "Khẩu hiệu", "Kích thước", "Định dạng"]
ROWS = [["Phường Cái Khế", "1-2", "pano 3×6", "png"], ["Xã Mỹ Khánh", "5", "Pano 3 x 6, a3", "png"]]


def write_xls() -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Don vi")
    sheet.write_merge(0, 0, 0, len(HEADER) - 1, TITLE)
    for column, name in enumerate(HEADER):
        sheet.write(2, column, name)
    for index, row in enumerate(ROWS):
        # STT is a formula (the row above + 1), saved with its value as Excel does
        sheet.write(3 + index, 0, xlwt.Formula(f"A{3 + index}+1") if index else 1)
        for column, value in enumerate(row, 1):
            sheet.write(3 + index, column, value)
    book.save(str(OUT / "don-vi.xls"))


def write_ods() -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Don vi")

    def row(values: list, formulas: dict[int, str] | None = None) -> TableRow:
        element = TableRow()
        for column, value in enumerate(values):
            attrs = {"valuetype": "float", "value": value} if isinstance(value, int) else {"valuetype": "string"}
            if formulas and column in formulas:
                attrs["formula"] = formulas[column]
            cell = TableCell(**attrs)
            cell.addElement(P(text=str(value)))
            element.addElement(cell)
        return element

    table.addElement(row([TITLE]))
    table.addElement(row([]))
    table.addElement(row(HEADER))
    for index, values in enumerate(ROWS):
        # the second unit's sizes are "the same as above": a formula, saved with its value
        formulas = {0: f"of:=[.A{3 + index}]+1", 3: f"of:=[.D{3 + index}]"} if index else None
        values = [*values[:2], ROWS[0][2], *values[3:]] if index else values
        table.addElement(row([index + 1, *values], formulas))
    document.spreadsheet.addElement(table)
    document.save(str(OUT / "don-vi.ods"))


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    write_xls()
    write_ods()
