"""Writing spreadsheets and CSV files people download, with every text made harmless first.

Every cell of text goes through :func:`neutralise` first. A spreadsheet program treats a cell that
begins with ``=``, ``+``, ``-`` or ``@`` (also full-width, or after leading spaces, and in some
programs a tab or carriage return: the rule is :mod:`lib.core.formulas`) as a formula, so a contact named
``=HYPERLINK("http://evil", "x")`` would otherwise become a live link the moment a colleague opens
the file. Following OWASP's advice on CSV injection, such a value gets a leading apostrophe; the
importer removes exactly that one apostrophe again, so an export imports back unchanged.

The Excel writer builds cells itself instead of using ``DataFrame.to_excel``: pandas writes a text
value that begins with ``=`` as a live formula, and openpyxl turns a text such as ``#N/A`` into an
error cell. Here every text is written as a text cell, whatever it looks like.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

# FORMULA_TRIGGERS stays importable from here: callers and tests know the rule by this name.
from lib.core.formulas import FORMULA_TRIGGERS as FORMULA_TRIGGERS
from lib.core.formulas import GUARD, runs_as_formula
from lib.core.frames import is_missing

#: Excel's limits: 31 characters per sheet name, 32,767 characters per cell.
MAX_SHEET_NAME = 31
MAX_CELL_CHARS = 32_767
_INVALID_SHEET_CHARS = re.compile(r"[\\/?*\[\]:]")
#: Excel reserves this sheet name for its change history.
_RESERVED_SHEET_NAMES = frozenset({"history"})

DATE_FORMAT = "dd-mm-yyyy"
DATETIME_FORMAT = "dd-mm-yyyy hh:mm"
TIME_FORMAT = "hh:mm"
#: How several e-mails or phone numbers share one cell; the importer splits such a cell again.
MULTI_VALUE_SEPARATOR = "; "
CSV_DATE = "%d-%m-%Y"
CSV_DATETIME = "%d-%m-%Y %H:%M"

Target = str | os.PathLike[str] | IO[bytes]


# --- neutralising values ---------------------------------------------------------------------------


def neutralise(value: Any) -> Any:
    """``value`` with a leading apostrophe if it is text a spreadsheet would run as a formula.

    Anything that is not text (numbers, dates, None) is returned unchanged: a negative *number* is
    not a formula, only the text ``"-5"`` could start one.
    """
    if isinstance(value, str) and runs_as_formula(value):
        return GUARD + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell and every column header neutralised."""
    result = frame.astype(object).map(neutralise)
    result.columns = [neutralise(str(column)) for column in frame.columns]
    return result


# --- plain cell values -----------------------------------------------------------------------------


#: True for every way pandas and Python say "no value" (None, NaN, NaT, pd.NA): the one test, lib.core.frames'.
_is_missing = is_missing


def _clean_text(text: str) -> str:
    """Text without the control characters an xlsx file cannot hold, cut to Excel's cell limit.

    Cleaning comes before neutralising, so a value hiding ``=`` behind a control character is still
    caught.
    """
    return ILLEGAL_CHARACTERS_RE.sub("", text)[:MAX_CELL_CHARS]


def plain_value(value: Any) -> Any:
    """``value`` as one of: None, bool, int, float, Decimal, date, datetime, time, or str.

    numpy and pandas scalars become their Python equivalents, lists become "a; b" text, and anything
    else becomes its text. Time zones are dropped (Excel has none); the time stays as written.
    """
    if _is_missing(value):
        return None
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
    elif isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, (dt.datetime, dt.time)) and value.tzinfo is not None:
        value = value.replace(tzinfo=None)
    if isinstance(value, (bool, int, Decimal, dt.date, dt.time)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return MULTI_VALUE_SEPARATOR.join(str(item) for item in items if not _is_missing(item))
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def safe_text(value: Any) -> Any:
    """A plain value, with text cleaned and neutralised: what every writer puts in a cell."""
    value = plain_value(value)
    if isinstance(value, str):
        return neutralise(_clean_text(value))
    return value


# --- Excel -----------------------------------------------------------------------------------------


def valid_sheet_names(names: Iterable[str]) -> list[str]:
    """Sheet names Excel accepts, in order: no forbidden characters, at most 31 characters, unique.

    Excel compares sheet names without regard to case, so "Kontakter" and "kontakter" clash and the
    second becomes "kontakter (2)".
    """
    taken: set[str] = set()
    result: list[str] = []
    for raw in names:
        base = _INVALID_SHEET_CHARS.sub("_", str(raw)).strip().strip("'").strip() or "Sheet"
        if base.casefold() in _RESERVED_SHEET_NAMES:
            base += "_"
        candidate = base[:MAX_SHEET_NAME]
        number = 2
        while candidate.casefold() in taken:
            suffix = f" ({number})"
            candidate = base[: MAX_SHEET_NAME - len(suffix)] + suffix
            number += 1
        taken.add(candidate.casefold())
        result.append(candidate)
    return result


def _display_length(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    text = str(value)
    return max((len(line) for line in text.splitlines()), default=0)


def _column_widths(header: list[str], rows: list[list[Any]], sample: int = 2000) -> list[float]:
    """A width per column that fits its header and most of its values, between 8 and 60."""
    widths = []
    for index, name in enumerate(header):
        longest = max((_display_length(row[index]) for row in rows[:sample]), default=0)
        widths.append(float(min(max(longest, len(name), 6) + 2, 60)))
    return widths


def _is_midnight(value: dt.datetime) -> bool:
    """A datetime that is really a date: pandas turns date columns into midnight timestamps."""
    return value.time() == dt.time(0, 0)


def _excel_cell(sheet: WriteOnlyWorksheet, value: Any, *, bold: bool = False) -> Any:
    """One cell: text always as text (never a formula or error), dates with a dd-mm-yyyy format."""
    if value is None and not bold:
        return None
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        # openpyxl would read "=…" as a formula and "#N/A" as an error; text stays text.
        cell.data_type = "s"
    elif isinstance(value, dt.datetime):
        cell.number_format = DATE_FORMAT if _is_midnight(value) else DATETIME_FORMAT
    elif isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    elif isinstance(value, dt.time):
        cell.number_format = TIME_FORMAT
    if bold:
        cell.font = Font(bold=True)
    return cell


def _frame_rows(frame: pd.DataFrame) -> tuple[list[str], list[list[Any]]]:
    """The neutralised header and rows of ``frame`` as plain Python values."""
    header = [safe_text(str(column)) for column in frame.columns]
    rows = [[safe_text(value) for value in row] for row in frame.itertuples(index=False, name=None)]
    return header, rows


def _write_sheet(sheet: WriteOnlyWorksheet, frame: pd.DataFrame) -> None:
    header, rows = _frame_rows(frame)
    # In a write-only sheet, widths and frozen panes must be set before the first row is added.
    for index, width in enumerate(_column_widths(header, rows), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    if header:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    sheet.append([_excel_cell(sheet, name, bold=True) for name in header])
    for row in rows:
        sheet.append([_excel_cell(sheet, value) for value in row])


def _save_to(target: Target, write: Callable[[IO[bytes]], object]) -> None:
    """Hand ``write`` a binary stream for ``target``; a path is replaced only once writing succeeded.

    Writing to a temporary file next to the target first means a failed export never leaves half a
    file where the previous good one was.
    """
    if not isinstance(target, (str, os.PathLike)):
        write(target)
        return
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_xlsx(sheets: Mapping[str, pd.DataFrame], target: Target) -> None:
    """Write each frame to its own sheet of one xlsx file at ``target`` (a path or a binary stream).

    Text is neutralised and written as text cells, so no cell of the file is ever a formula. Dates
    are real Excel dates shown as dd-mm-yyyy; the header row is bold, frozen and filterable.
    """
    workbook = Workbook(write_only=True)
    frames = dict(sheets) or {"Sheet1": pd.DataFrame()}
    for name, frame in zip(valid_sheet_names(frames), frames.values(), strict=True):
        _write_sheet(workbook.create_sheet(title=name), frame)
    _save_to(target, workbook.save)


def xlsx_bytes(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """The xlsx file :func:`write_xlsx` would write, as bytes for a download button."""
    buffer = io.BytesIO()
    write_xlsx(sheets, buffer)
    return buffer.getvalue()


class TextOnlySheet:
    """An xlsxwriter worksheet whose ``write`` puts every text in as a neutralised text cell.

    For workbooks another library fills through xlsxwriter (python-pptx writes a chart's data this
    way): its ``write`` would make a formula of "=…" or "{=…}" and a link of "http://…". Numbers and
    every other method go to the worksheet unchanged.
    """

    def __init__(self, sheet: Any) -> None:
        self._sheet = sheet

    def write(self, row: int, col: int, value: Any, *style: Any) -> Any:
        if isinstance(value, str):
            return self._sheet.write_string(row, col, safe_text(value), *style)
        return self._sheet.write(row, col, value, *style)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sheet, name)


@contextmanager
def text_only_worksheet(target: Target) -> Iterator[tuple[Any, TextOnlySheet]]:
    """An in-memory xlsxwriter workbook with one :class:`TextOnlySheet`, written to ``target`` on exit.

    The workbook's own options turn text into formulas or links nowhere either, in case a caller
    reaches the raw sheet.
    """
    from xlsxwriter import Workbook as XlsxWriterWorkbook

    workbook = XlsxWriterWorkbook(target, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    yield workbook, TextOnlySheet(workbook.add_worksheet())
    workbook.close()


# --- CSV -------------------------------------------------------------------------------------------


def _csv_text(value: Any) -> str:
    """A cell as CSV text: dates day-first like the rest of the product, missing values empty."""
    value = safe_text(value)
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime(CSV_DATE if _is_midnight(value) else CSV_DATETIME)
    if isinstance(value, dt.date):
        return value.strftime(CSV_DATE)
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, float) and value.is_integer():
        # pandas turns a whole-number column with a gap into floats; 3 should not come out as "3.0".
        return str(int(value))
    return str(value)


def csv_bytes(frame: pd.DataFrame, *, sep: str = ",") -> bytes:
    """``frame`` as CSV: UTF-8 with a byte-order mark (so Excel reads æøå right), neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([_csv_text(str(column)) for column in frame.columns])
    for row in frame.itertuples(index=False, name=None):
        writer.writerow([_csv_text(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def write_csv(frame: pd.DataFrame, target: Target, *, sep: str = ",") -> None:
    """Write ``frame`` as CSV (see :func:`csv_bytes`) to a path or a binary stream."""
    data = csv_bytes(frame, sep=sep)
    _save_to(target, lambda stream: stream.write(data))
