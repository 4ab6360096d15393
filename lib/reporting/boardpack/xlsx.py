"""The board pack's Excel appendix: one sheet per section with the numbers behind every chart.

A section's tables are stacked on its sheet: the first table's header is the sheet's (bold, frozen)
header row (a column only a later table has is named after that table's header; no header cell is
blank); each further table follows after an empty row, with its title on a row of its own and
its column headers as the next row. Numbers stay numbers and dates real dates, so a reader can
recalculate; every text goes through :func:`lib.core.spreadsheets.xlsx_bytes`, which writes text as text and
neutralises anything a spreadsheet would run as a formula.
"""

from __future__ import annotations

import io
from typing import Any

import pandas as pd

from lib.core.i18n import t
from lib.core.spreadsheets import valid_sheet_names
from lib.core.spreadsheets import xlsx_bytes as write_xlsx_bytes
from lib.reporting.boardpack.model import BoardPack, Section


def sheet_names(pack: BoardPack) -> dict[str, str]:
    """``{section key: sheet name}``: a short name per section ("Mål", "Netværk") in the pack's language."""
    names = valid_sheet_names([t(f"board.sheet.{key}", pack.lang) for key in pack.keys])
    return dict(zip(pack.keys, names, strict=True))


def section_frame(section: Section) -> pd.DataFrame:
    """All tables of ``section`` stacked into one frame (see the module notes); empty without tables."""
    tables = [table for table in section.tables if len(table.frame.columns)]
    if not tables:
        return pd.DataFrame({section.title: []})
    width = max(len(table.frame.columns) for table in tables)
    first = tables[0].frame
    header = [str(column) for column in first.columns]
    for position in range(len(header), width):
        # A column only a later table has: named after that table's header there.
        header.append(
            next(str(table.frame.columns[position]) for table in tables if len(table.frame.columns) > position)
        )
    rows: list[list[Any]] = [_padded(row, width) for row in first.itertuples(index=False, name=None)]
    for table in tables[1:]:
        rows.append([None] * width)
        rows.append(_padded((table.title,), width))
        rows.append(_padded([str(column) for column in table.frame.columns], width))
        rows.extend(_padded(row, width) for row in table.frame.itertuples(index=False, name=None))
    # Positions, not names, keep the columns apart: two tables may share a header.
    frame = pd.DataFrame(rows, columns=range(width), dtype=object)
    frame.columns = _unique_headers(header)
    return frame


def _padded(values: Any, width: int) -> list[Any]:
    cells = [None if _missing(value) else value for value in values]
    return cells + [None] * (width - len(cells))


def _missing(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _unique_headers(header: list[str]) -> list[str]:
    """Header cells as column names, never blank: an empty one is its column's number, and a repeated
    one is numbered ("Værdi (2)")."""
    seen: set[str] = set()
    result = []
    for position, name in enumerate(header, start=1):
        base = name.strip() or f"({position})"
        candidate, number = base, 1
        while candidate in seen:
            number += 1
            candidate = f"{base} ({number})"
        seen.add(candidate)
        result.append(candidate)
    return result


#: Excel's number format for a key figure with decimals (the cell keeps the unrounded number).
DECIMAL_FORMAT = "0.0"


def _number_formats(data: bytes, sheet: str) -> bytes:
    """``data`` with every number that is not whole on ``sheet`` shown with one decimal."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data))
    for row in workbook[sheet].iter_rows():
        for cell in row:
            if isinstance(cell.value, float) and not cell.value.is_integer():
                cell.number_format = DECIMAL_FORMAT
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(pack: BoardPack) -> bytes:
    """The Excel appendix of ``pack``: a sheet per section, in the pack's order."""
    names = sheet_names(pack)
    data = write_xlsx_bytes({names[section.key]: section_frame(section) for section in pack.sections})
    return _number_formats(data, names["key_figures"]) if "key_figures" in names else data
