"""The child process that parses one upload, under limits it sets on itself before reading the file.

Run by :func:`lib.ingest.parse_child.run_worker` as ``python -m lib.ingest.parse_worker MEMORY_BYTES CPU_SECONDS``.
The request (a pickle from our own parent) arrives on stdin; the answer goes to stdout as a pickle of
builtins and dates only: ``{"status": "ok", "sheets": [...], "notices": [...]}``,
``{"status": "refused", "key": ..., "params": {...}}`` or ``{"status": "crashed"}``.

Two modes:

``fast``
    python-calamine (Rust) for xlsx/xlsm/xls. A sheet whose declared dimension is enormous goes
    to the streaming reader instead; a Rust abort kills this child and the parent retries in
    ``stream`` mode.
``stream``
    openpyxl's sheet parser for xlsx/xlsm, row by row, keeping only cells that exist and stopping at
    the row cap; xlrd for xls. Slower, but memory stays proportional to the rows kept.

The sheet XML of an xlsx is also scanned once, as bytes, for facts the parsers do not report:
formula cells without a cached value, merged ranges, the declared dimension and the last row.

Nothing here imports streamlit or pandas, and the heavy parsers are imported only when needed, to
keep the child's start-up short. The module is light enough for the parent to import too (it shares
the text decoding), which also leaves its compiled bytecode for the child, which never writes files.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import pickle
import posixpath
import re
import sys
import traceback
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from lib.core.errors import FileRefused

Row = list[Any]

MAX_FORMULA_POSITIONS = 1000
MAX_MERGED_RANGES = 10_000
CELL_BUDGET = 50_000_000
"""Cells (kept rows x width) above which a sheet is read by the streaming reader, not calamine."""

HUGE_DIMENSION_CELLS = 100_000_000
"""A declared dimension above this goes straight to the streaming reader (calamine would abort)."""

XML_PART_CAP_BYTES = 64 * 1024 * 1024
SCAN_CHUNK_BYTES = 4 * 1024 * 1024
SCAN_OVERLAP_BYTES = 256 * 1024
"""Longer than any formula cell can be (8k formula + 32k text, escaped), so none is cut in two."""
SCAN_LOOKBACK_BYTES = 4096
DIMENSION_SEARCH_BYTES = 64 * 1024
"""``<dimension>`` comes right after the sheet properties, well within this."""

SNIFF_CHARS = 64 * 1024
SNIFF_RECORDS = 50
DELIMITERS = ("\t", ";", ",", "|")
"""Candidates in order of preference when equally consistent: tab and ; rarely occur inside values."""


def main(argv: list[str]) -> int:
    """Entry point: set limits, read the request, answer on stdout."""
    memory_bytes, cpu_seconds = int(argv[1]), int(argv[2])
    apply_limits(memory_bytes, cpu_seconds)
    out = sys.stdout.buffer
    # Anything a library prints must not corrupt the pickled answer.
    sys.stdout = sys.stderr
    request = pickle.load(sys.stdin.buffer)
    try:
        answer = handle(request)
    except MemoryError:
        answer = {"status": "crashed"}
    out.write(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
    out.flush()
    return 0


def apply_limits(memory_bytes: int, cpu_seconds: int) -> None:
    """Cap this process's address space, CPU time and file writes; no core dumps on abort."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 2))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


def handle(request: dict[str, Any]) -> dict[str, Any]:
    """Parse the request's bytes; map every failure to an answer rather than an exception."""
    kind, mode, limits = request["kind"], request.get("mode", "fast"), request["limits"]
    try:
        if kind in ("xlsx", "xlsm"):
            sheets, notices = parse_ooxml(request["data"], limits, mode)
        elif kind == "xls":
            sheets, notices = parse_xls(request["data"], limits, mode)
        else:
            sheets, notices = parse_csv(
                request["data"], request["encoding"], limits, request.get("sheet_name") or "CSV"
            )
    except FileRefused as refusal:
        return {"status": "refused", "key": refusal.key, "params": refusal.params}
    except _ParserDied:
        return {"status": "crashed"}
    except MemoryError:
        raise
    except ImportError:
        # A parser that cannot even be loaded (out of address space, say) says nothing about the file.
        traceback.print_exc()
        return {"status": "crashed"}
    except Exception as error:  # noqa: BLE001 - a parser choking on a damaged file is the expected failure here
        traceback.print_exc()
        # defusedxml (under openpyxl, or patched into the stdlib) refused a DTD or an entity.
        key = "read.xml_entities" if _caused_by_defusedxml(error) else "read.damaged"
        return {"status": "refused", "key": key, "params": {}}
    return {"status": "ok", "sheets": sheets, "notices": notices}


def _caused_by_defusedxml(error: BaseException) -> bool:
    """True when defusedxml refused a DTD or entity somewhere down the chain (openpyxl wraps it)."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if type(current).__module__.startswith("defusedxml"):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


class _ParserDied(Exception):
    """The fast parser panicked; the parent should retry with the streaming parser."""


# --- values and rows -----------------------------------------------------------------------------


def clean_value(value: Any) -> Any:
    """A cell value as the contract promises: "" → None, whole floats → int, durations → time/str."""
    kind = type(value)
    if kind is str:
        return value if value else None
    if kind is float:
        return int(value) if value.is_integer() and -(2**53) < value < 2**53 else value
    if kind is dt.timedelta:
        return _duration(value)
    return value


def clean_row(raw: Iterable[Any]) -> Row:
    """:func:`clean_value` for a whole row, with text and integers (most cells) handled inline."""
    return [
        (value or None) if value.__class__ is str else (value if value.__class__ is int else clean_value(value))
        for value in raw
    ]


def _duration(value: dt.timedelta) -> dt.time | str:
    """A duration below a day is a time of day; longer ones read as "h:mm:ss" text."""
    seconds = value.total_seconds()
    if 0 <= seconds < 86400:
        return (dt.datetime.min + value).time()
    whole = int(round(seconds))
    sign = "-" if whole < 0 else ""
    hours, rest = divmod(abs(whole), 3600)
    return f"{sign}{hours}:{rest // 60:02d}:{rest % 60:02d}"


def finish_row(values: Row, max_columns: int) -> tuple[Row, int]:
    """Trim trailing empty cells, then cut at ``max_columns``; return the row and its full width."""
    end = len(values)
    while end and values[end - 1] is None:
        end -= 1
    width = end
    if end > max_columns:
        end = max_columns
        while end and values[end - 1] is None:
            end -= 1
    del values[end:]
    return values, width


def trim_rows(rows: list[Row]) -> list[Row]:
    """Drop trailing empty rows (in place) and return the list."""
    while rows and not rows[-1]:
        rows.pop()
    return rows


@dataclass
class SheetResult:
    """What the child reports for one sheet, plus the notices it gives rise to."""

    name: str
    hidden: bool
    rows: list[Row] = field(default_factory=list)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    total_rows: int = 0
    truncated: bool = False
    widest: int = 0
    formulas_without_value: list[tuple[int, int]] = field(default_factory=list)
    formulas_without_value_count: int = 0

    def as_answer(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "hidden": self.hidden,
            "rows": self.rows,
            "merged": self.merged,
            "total_rows": self.total_rows,
            "truncated": self.truncated,
            "formulas_without_value": self.formulas_without_value,
        }

    def notices(self, limits: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
        found: list[tuple[str, dict[str, Any]]] = []
        if self.truncated:
            found.append(
                (
                    "read.notice.rows_capped",
                    {"sheet": self.name, "kept": limits["max_rows_per_sheet"], "total": self.total_rows},
                )
            )
        if self.widest > limits["max_columns"]:
            found.append(
                (
                    "read.notice.columns_capped",
                    {"sheet": self.name, "kept": limits["max_columns"], "total": self.widest},
                )
            )
        if self.formulas_without_value_count:
            found.append(
                (
                    "read.notice.formulas_without_values",
                    {"sheet": self.name, "count": self.formulas_without_value_count},
                )
            )
        return found


def _answer(
    results: list[SheetResult], limits: dict[str, Any]
) -> tuple[list[dict[str, Any]], list[tuple[str, dict[str, Any]]]]:
    notices = [notice for result in results for notice in result.notices(limits)]
    return [result.as_answer() for result in results], notices


def _fill_rows(result: SheetResult, numbered_rows: Iterable[tuple[int, Row]], limits: dict[str, Any]) -> None:
    """Place (0-based index, raw values) rows into ``result``, padding gaps, up to the row cap."""
    cap, max_columns = limits["max_rows_per_sheet"], limits["max_columns"]
    rows = result.rows
    last_filled = -1
    for index, raw in numbered_rows:
        values, width = finish_row(clean_row(raw), max_columns)
        if width == 0:
            continue
        if index >= cap:
            result.truncated = True
            last_filled = max(last_filled, index)
            continue
        result.widest = max(result.widest, width)
        if index >= len(rows):
            rows.extend([] for _ in range(index - len(rows)))
            rows.append(values)
        else:
            rows[index] = values
        last_filled = max(last_filled, index)
    trim_rows(rows)
    result.total_rows = max(result.total_rows, last_filled + 1)


# --- xlsx / xlsm ---------------------------------------------------------------------------------


@dataclass
class SheetEntry:
    """A worksheet listed in workbook.xml: its name, visibility and the zip path of its XML."""

    name: str
    hidden: bool
    path: str


@dataclass
class SheetScan:
    """Facts from one pass over a sheet's XML bytes."""

    dimension: tuple[int, int] | None = None
    last_row: int = 0
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    formulas_without_value: list[tuple[int, int]] = field(default_factory=list)
    formulas_without_value_count: int = 0


def parse_ooxml(
    data: bytes, limits: dict[str, Any], mode: str
) -> tuple[list[dict[str, Any]], list[tuple[str, dict[str, Any]]]]:
    """Read every worksheet of an xlsx/xlsm; see the module docstring for the two modes."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    plan = sheet_plan(archive)
    scans = {entry.path: scan_sheet_xml(_open_part(archive, entry.path)) for entry in plan}
    results: list[SheetResult] | None = None
    if mode == "fast":
        results = _calamine_ooxml(data, plan, scans, limits)
    if results is None:
        streamer = _OpenpyxlStreamer(data)
        results = [streamer.read(entry, scans[entry.path], limits) for entry in plan]
    for entry, result in zip(plan, results, strict=True):
        _apply_scan(result, scans[entry.path], limits)
    return _answer(results, limits)


def _calamine_ooxml(
    data: bytes, plan: list[SheetEntry], scans: dict[str, SheetScan], limits: dict[str, Any]
) -> list[SheetResult] | None:
    """Read with calamine; None when calamine reports an error (the streaming reader then tries)."""
    import python_calamine

    results: list[SheetResult | None] = []
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        for entry in plan:
            if _dimension_is_huge(scans[entry.path]):
                results.append(None)
            else:
                results.append(_calamine_sheet(book.get_sheet_by_name(entry.name), entry.name, entry.hidden, limits))
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - calamine's errors on damaged input vary; openpyxl gets a try
        traceback.print_exc()
        return None
    except BaseException as panic:  # pyo3 turns a Rust panic into a BaseException
        raise _ParserDied() from panic
    if all(result is not None for result in results):
        return results  # type: ignore[return-value]
    streamer = _OpenpyxlStreamer(data)
    return [
        result if result is not None else streamer.read(entry, scans[entry.path], limits)
        for entry, result in zip(plan, results, strict=True)
    ]


def _dimension_is_huge(scan: SheetScan) -> bool:
    return scan.dimension is not None and scan.dimension[0] * scan.dimension[1] > HUGE_DIMENSION_CELLS


def _calamine_sheet(sheet: Any, name: str, hidden: bool, limits: dict[str, Any]) -> SheetResult | None:
    """Rows of a calamine sheet, or None when the kept area would be too many cells to convert."""
    result = SheetResult(name=name, hidden=hidden)
    end = sheet.end
    if end is None:
        return result
    total, width = end[0] + 1, end[1] + 1
    keep = min(total, limits["max_rows_per_sheet"])
    if keep * width > CELL_BUDGET:
        return None
    raw_rows = sheet.to_python(skip_empty_area=False, nrows=keep)
    _fill_rows(result, enumerate(raw_rows), limits)
    if total > limits["max_rows_per_sheet"]:
        result.truncated = True
        result.total_rows = total
    return result


def _apply_scan(result: SheetResult, scan: SheetScan, limits: dict[str, Any]) -> None:
    """Merged ranges and formula facts come from the byte scan, the same for both readers."""
    result.merged = scan.merged
    result.formulas_without_value = [
        (row, col)
        for row, col in scan.formulas_without_value
        if row < limits["max_rows_per_sheet"] and col < limits["max_columns"]
    ]
    result.formulas_without_value_count = scan.formulas_without_value_count
    if result.truncated:
        result.total_rows = max(result.total_rows, scan.last_row)


class _OpenpyxlStreamer:
    """openpyxl in read-only mode, used row by row through its sheet parser.

    Going below ``ReadOnlyWorksheet.iter_rows`` matters: iter_rows pads every row to the declared
    width and yields every missing row, which for a sheet declaring A1:XFD1048576 means billions of
    empty cells. The parser yields only rows that exist, with only the cells that exist.
    """

    def __init__(self, data: bytes) -> None:
        import warnings

        import defusedxml

        defusedxml.defuse_stdlib()
        import openpyxl

        warnings.simplefilter("ignore")
        self.book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)

    def read(self, entry: SheetEntry, scan: SheetScan, limits: dict[str, Any]) -> SheetResult:
        from openpyxl.worksheet._reader import WorkSheetParser

        result = SheetResult(name=entry.name, hidden=entry.hidden)
        sheet = self.book[entry.name]
        with sheet._get_source() as source:
            parser = WorkSheetParser(
                source,
                sheet._shared_strings,
                data_only=True,
                epoch=self.book.epoch,
                date_formats=self.book._date_formats,
                timedelta_formats=self.book._timedelta_formats,
            )
            _fill_rows(result, self._rows(parser, limits["max_rows_per_sheet"]), limits)
        return result

    @staticmethod
    def _rows(parser: Any, cap: int) -> Iterable[tuple[int, Row]]:
        for number, cells in parser.parse():
            index = number - 1
            if index >= cap:
                # One filled row past the cap shows the sheet was cut; the byte scan knows the rest.
                if any(cell["value"] not in (None, "") for cell in cells):
                    yield index, [True]
                    return
                continue
            width = max((cell["column"] for cell in cells), default=0)
            values: Row = [None] * width
            for cell in cells:
                values[cell["column"] - 1] = cell["value"]
            yield index, values


def sheet_plan(archive: zipfile.ZipFile) -> list[SheetEntry]:
    """The worksheets of workbook.xml in order, with visibility and part path; chart sheets skipped.

    Parsed with defusedxml and DTDs forbidden, a second line of defence behind the parent's prolog
    check.
    """
    workbook = _safe_xml(_read_part(archive, "xl/workbook.xml"))
    relations_xml = _read_part(archive, "xl/_rels/workbook.xml.rels")
    targets: dict[str, tuple[str, str]] = {}
    if relations_xml:
        for relation in _safe_xml(relations_xml).iter():
            if _local(relation.tag) == "Relationship" and relation.get("TargetMode") != "External":
                targets[relation.get("Id", "")] = (relation.get("Type", ""), relation.get("Target", ""))
    names = {info.filename.lower(): info.filename for info in archive.infolist()}
    plan: list[SheetEntry] = []
    for element in workbook.iter():
        if _local(element.tag) != "sheet":
            continue
        relation_id = next((value for key, value in element.attrib.items() if key.endswith("}id")), "")
        kind, target = targets.get(relation_id, ("", ""))
        path = names.get(_resolve_target(target).lower())
        if kind.endswith("/worksheet") and path:
            hidden = element.get("state", "visible") in ("hidden", "veryHidden")
            plan.append(SheetEntry(name=element.get("name", ""), hidden=hidden, path=path))
    return plan


def _safe_xml(data: bytes) -> Any:
    from defusedxml import DefusedXmlException
    from defusedxml import ElementTree as SafeElementTree

    try:
        return SafeElementTree.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise FileRefused("read.xml_entities") from None
    except SafeElementTree.ParseError:
        raise FileRefused("read.damaged") from None


def _read_part(archive: zipfile.ZipFile, name: str) -> bytes:
    for info in archive.infolist():
        if info.filename.lower() == name.lower():
            with archive.open(info) as handle:
                return handle.read(XML_PART_CAP_BYTES)
    return b""


def _open_part(archive: zipfile.ZipFile, path: str) -> BinaryIO:
    return archive.open(path)  # type: ignore[return-value]


def _resolve_target(target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join("xl", target))


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


# --- the byte scan of sheet XML ----------------------------------------------------------------------

_PREFIX = rb"(?:[A-Za-z_][\w.\-]*:)?"
_F_OPEN = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:f|f)[\s/>]")
_C_OPEN = re.compile(rb"<" + _PREFIX + rb"c[\s/>]")
_C_CLOSE = re.compile(rb"</" + _PREFIX + rb"c\s*>")
_V_OPEN = re.compile(rb"<" + _PREFIX + rb"v(?:\s[^>]*?)?(/?)>")
_R_ATTR = re.compile(rb"\sr\s*=\s*[\"']\$?([A-Za-z]{1,3})\$?([0-9]{1,7})[\"']")
_T_ATTR = re.compile(rb"\st\s*=\s*[\"']([A-Za-z]+)[\"']")
_ROW_OPEN = re.compile(rb"<" + _PREFIX + rb"row\b[^>]*?\sr\s*=\s*[\"']([0-9]{1,7})[\"']")
_MERGE = re.compile(
    rb"<" + _PREFIX + rb"mergeCell\s[^>]*?ref\s*=\s*[\"']([A-Za-z]{1,3}[0-9]{1,7})(?::([A-Za-z]{1,3}[0-9]{1,7}))?[\"']"
)
_DIMENSION = re.compile(
    rb"<" + _PREFIX + rb"dimension\s[^>]*?ref\s*=\s*[\"']([A-Za-z]{1,3}[0-9]{1,7})(?::([A-Za-z]{1,3}[0-9]{1,7}))?[\"']"
)
_REFERENCE = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")


def scan_sheet_xml(source: BinaryIO, max_positions: int = MAX_FORMULA_POSITIONS) -> SheetScan:
    """One streaming pass over a sheet's XML bytes.

    Finds formula cells that have no cached value (``<f>`` without a non-empty ``<v>``; an empty
    ``<v>`` counts as a value only for text results, ``t="str"``), merged ranges, the declared
    ``<dimension>`` and the number of the last ``<row>``. Works on chunks, so memory stays small;
    chunks overlap by more than any cell can be long, and each formula is looked at exactly once.

    Parameters
    ----------
    source : binary file
        The sheet part, opened from the zip.
    max_positions : int
        How many formula positions to record; all of them are counted.
    """
    scan = SheetScan()
    head = b""
    buffer = b""
    skip = 0
    with source:
        while True:
            chunk = source.read(SCAN_CHUNK_BYTES)
            if len(head) < DIMENSION_SEARCH_BYTES:
                head += chunk[: DIMENSION_SEARCH_BYTES - len(head)]
            buffer += chunk
            final = not chunk
            limit = len(buffer) if final else len(buffer) - SCAN_OVERLAP_BYTES
            if limit > skip:
                _scan_region(scan, buffer, skip, limit, max_positions)
            if final:
                scan.dimension = _declared_dimension(head)
                return scan
            if limit > skip:
                keep_from = max(0, limit - SCAN_LOOKBACK_BYTES)
                buffer, skip = buffer[keep_from:], limit - keep_from


def _scan_region(scan: SheetScan, buffer: bytes, start: int, end: int, max_positions: int) -> None:
    """Look at the formulas, merged ranges and rows that begin in ``buffer[start:end]``."""
    for match in _F_OPEN.finditer(buffer, start, min(len(buffer), end + 64)):
        if match.start() >= end:
            break
        cell = _formula_cell(buffer, match.start())
        if cell is None:
            continue
        scan.formulas_without_value_count += 1
        if len(scan.formulas_without_value) < max_positions and cell != (-1, -1):
            scan.formulas_without_value.append(cell)
    if buffer.find(b"mergeCell", start, end) >= 0:
        for match in _MERGE.finditer(buffer, start, min(len(buffer), end + 256)):
            if match.start() >= end or len(scan.merged) >= MAX_MERGED_RANGES:
                break
            scan.merged.append(_merged_range(match.group(1), match.group(2) or match.group(1)))
    last = _last_row_number(buffer, start, end)
    if last:
        scan.last_row = max(scan.last_row, last)


def _formula_cell(buffer: bytes, formula_at: int) -> tuple[int, int] | None:
    """(row, col) of the cell whose ``<f`` starts at ``formula_at`` if it lacks a cached value.

    None when the cell has a value (or is not a cell); (-1, -1) when it has no ``r`` attribute.
    """
    # <f> is the first child of <c>, so the nearest "<" before it opens the cell.
    cell_start = buffer.rfind(b"<", max(0, formula_at - 4096), formula_at)
    if cell_start < 0 or not _C_OPEN.match(buffer, cell_start):
        return None
    close = _C_CLOSE.search(buffer, formula_at)
    if close is None:
        return None
    body = buffer[formula_at : close.start()]
    value = _V_OPEN.search(body)
    if value is not None and not value.group(1):
        tag = buffer[cell_start:formula_at]
        text_result = (_T_ATTR.search(tag) or _NO_MATCH).group(1) == b"str"
        if text_result or body[value.end() : value.end() + 1] != b"<":
            return None
    reference = _R_ATTR.search(buffer, cell_start, formula_at)
    if reference is None:
        return (-1, -1)
    return int(reference.group(2)) - 1, column_index(reference.group(1).decode("ascii"))


class _NoMatch:
    @staticmethod
    def group(_index: int) -> bytes:
        return b""


_NO_MATCH = _NoMatch()


def _last_row_number(buffer: bytes, start: int, end: int) -> int:
    """The ``r`` of the last ``<row>`` opening tag in ``buffer[start:end]``, or 0."""
    position = end
    for _ in range(64):
        found = buffer.rfind(b"row", start, position)
        if found < 0:
            return 0
        tag_start = buffer.rfind(b"<", max(start, found - 64), found)
        if tag_start >= 0:
            match = _ROW_OPEN.match(buffer, tag_start)
            if match:
                return int(match.group(1))
        position = found
    return 0


def _declared_dimension(head: bytes) -> tuple[int, int] | None:
    """(rows, columns) the sheet's ``<dimension ref="A1:XFD1048576">`` claims, or None."""
    match = _DIMENSION.search(head)
    if match is None:
        return None
    last = (match.group(2) or match.group(1)).decode("ascii")
    row, col = cell_position(last)
    return row + 1, col + 1


def _merged_range(first: bytes, last: bytes) -> tuple[int, int, int, int]:
    top, left = cell_position(first.decode("ascii"))
    bottom, right = cell_position(last.decode("ascii"))
    return min(top, bottom), min(left, right), max(top, bottom), max(left, right)


def cell_position(reference: str) -> tuple[int, int]:
    """0-based (row, col) of an A1 reference: ``cell_position("B3") == (2, 1)``."""
    match = _REFERENCE.fullmatch(reference)
    if match is None:
        raise ValueError(f"not a cell reference: {reference!r}")
    return int(match.group(2)) - 1, column_index(match.group(1))


def column_index(letters: str) -> int:
    """0-based column of column letters: A → 0, Z → 25, AA → 26, XFD → 16383."""
    index = 0
    for letter in letters.upper():
        index = index * 26 + (ord(letter) - 64)
    return index - 1


# --- xls ----------------------------------------------------------------------------------------


def parse_xls(
    data: bytes, limits: dict[str, Any], mode: str
) -> tuple[list[dict[str, Any]], list[tuple[str, dict[str, Any]]]]:
    """Read an old Excel workbook: calamine in fast mode (xlrd when calamine errors), else xlrd."""
    results = _calamine_xls(data, limits) if mode == "fast" else None
    if results is None:
        results = _xlrd_xls(data, limits)
    return _answer(results, limits)


def _calamine_xls(data: bytes, limits: dict[str, Any]) -> list[SheetResult] | None:
    import python_calamine

    results: list[SheetResult] = []
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        for meta in book.sheets_metadata:
            if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
                continue
            sheet = book.get_sheet_by_name(meta.name)
            hidden = meta.visible != python_calamine.SheetVisibleEnum.Visible
            result = _calamine_sheet(sheet, meta.name, hidden, limits)
            if result is None:
                return None
            result.merged = [(a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or [])][:MAX_MERGED_RANGES]
            results.append(result)
    except python_calamine.PasswordError:
        raise FileRefused("read.password_protected") from None
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - calamine's errors on damaged input vary; xlrd gets a try
        traceback.print_exc()
        return None
    except BaseException as panic:  # pyo3 turns a Rust panic into a BaseException
        raise _ParserDied() from panic
    return results


def _xlrd_xls(data: bytes, limits: dict[str, Any]) -> list[SheetResult]:
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True, logfile=sys.stderr)
    except xlrd.XLRDError as error:
        if "encrypt" in str(error).lower():
            raise FileRefused("read.password_protected") from None
        raise FileRefused("read.damaged") from None
    results = []
    for index in range(book.nsheets):
        sheet = book.sheet_by_index(index)
        result = SheetResult(name=sheet.name, hidden=sheet.visibility != 0)
        _fill_rows(result, _xlrd_rows(sheet, book.datemode, limits["max_rows_per_sheet"]), limits)
        result.merged = [(top, left, bottom - 1, right - 1) for top, bottom, left, right in sheet.merged_cells]
        results.append(result)
        book.unload_sheet(index)
    return results


def _xlrd_rows(sheet: Any, datemode: int, cap: int) -> Iterable[tuple[int, Row]]:
    """Rows up to the cap with their values; beyond it only whether a row holds anything."""
    import xlrd

    empty = (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK)
    for index in range(sheet.nrows):
        if index < cap:
            yield index, [_xlrd_value(cell, datemode) for cell in sheet.row(index)]
        elif any(kind not in empty for kind in sheet.row_types(index)):
            yield index, [True]


def _xlrd_value(cell: Any, datemode: int) -> Any:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            moment = xlrd.xldate_as_datetime(cell.value, datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return cell.value
        if cell.value < 1:
            return moment.time()
        return moment.date() if float(cell.value).is_integer() else moment
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "#ERR")
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    return cell.value


# --- csv / txt ----------------------------------------------------------------------------------


def decode_with(data: bytes, encoding: str) -> str:
    """Decode with the encoding :func:`lib.ingest.text_encoding.detect_text_encoding` chose; drop any BOM.

    Guessed encodings were checked to decode strictly; Unicode ones announced by a BOM are decoded
    leniently, so one bad sequence does not cost the whole file.
    """
    return data.decode(encoding, decode_errors(encoding)).lstrip("\ufeff")


def decode_errors(encoding: str) -> str:
    """Strict for encodings we guessed (they were checked), lenient for those a BOM announced."""
    return "strict" if encoding in ("utf-8", "cp1252", "latin-1") else "replace"


def parse_csv(
    data: bytes, encoding: str, limits: dict[str, Any], sheet_name: str = "CSV"
) -> tuple[list[dict[str, Any]], list[tuple[str, dict[str, Any]]]]:
    """One sheet from a delimited text file; every value stays text ("" → None).

    A first line ``sep=;`` (Excel's own hint) sets the delimiter and is not part of the data;
    otherwise the delimiter is sniffed from the first records.
    """
    text = decode_with(data, encoding)
    text, delimiter = _separator_line(text)
    delimiter = delimiter or sniff_delimiter(text[:SNIFF_CHARS], complete=len(text) <= SNIFF_CHARS)
    csv.field_size_limit(max(len(text), 131072))
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', doublequote=True, strict=False
    )
    result = SheetResult(name=sheet_name, hidden=False)
    cap = limits["max_rows_per_sheet"]
    counted = ((index, row) for index, row in enumerate(reader))
    _fill_rows(result, _csv_rows(counted, cap), limits)
    return _answer([result], limits)


def _csv_rows(rows: Iterable[tuple[int, list[str]]], cap: int) -> Iterable[tuple[int, Row]]:
    """Rows up to the cap as they are, and beyond it only whether they hold anything."""
    for index, row in rows:
        if index < cap:
            yield index, row
        elif any(row):
            yield index, [True]


def _separator_line(text: str) -> tuple[str, str | None]:
    newline = text.find("\n")
    first = (text if newline < 0 else text[:newline]).strip().strip('"')
    if len(first) == 5 and first.lower().startswith("sep="):
        return ("" if newline < 0 else text[newline + 1 :]), first[4]
    return text, None


def sniff_delimiter(sample: str, complete: bool = False) -> str:
    """The delimiter that splits the first records most consistently.

    Counts each candidate outside double quotes per record (a quoted field may hold newlines and
    delimiters); the winner has the same non-zero count on the most records. Ties go to the earlier
    candidate in :data:`DELIMITERS`. A text without any candidate is one column: ``","``.

    Parameters
    ----------
    sample : str
        The start of the text.
    complete : bool
        True when ``sample`` is the whole text, so its last record is complete too.
    """
    records = _record_counts(sample, complete)
    if not records:
        return ","
    best, best_score = ",", (0.0, 0)
    for delimiter in DELIMITERS:
        counts = [record[delimiter] for record in records]
        nonzero = [count for count in counts if count]
        if not nonzero:
            continue
        mode, _ = Counter(nonzero).most_common(1)[0]
        score = (counts.count(mode) / len(counts), len(nonzero))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _record_counts(sample: str, complete: bool) -> list[Counter[str]]:
    records: list[Counter[str]] = []
    current: Counter[str] = Counter()
    content = False
    quoted = False
    for char in sample:
        if char == '"':
            quoted = not quoted
            content = True
        elif quoted:
            continue
        elif char in "\r\n":
            if content:
                records.append(current)
                if len(records) >= SNIFF_RECORDS:
                    return records
            current, content = Counter(), False
        else:
            if char in DELIMITERS:
                current[char] += 1
            content = True
    if complete and content:
        records.append(current)
    return records


if __name__ == "__main__":
    sys.exit(main(sys.argv))
