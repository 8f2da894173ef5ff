"""Write examples/cantho-quan-huyen-uy.xlsx from the CSV beside it, as office staff would keep it.

Run after changing the CSV: .venv/bin/python tools/make_example_xlsx.py
"""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def main() -> None:
    with (EXAMPLES / "cantho-quan-huyen-uy.csv").open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Đơn vị"
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDEFG", (26, 8, 9, 10, 28, 12, 10)):
        sheet.column_dimensions[column].width = width
    book.save(EXAMPLES / "cantho-quan-huyen-uy.xlsx")
    print(EXAMPLES / "cantho-quan-huyen-uy.xlsx")


if __name__ == "__main__":
    main()
