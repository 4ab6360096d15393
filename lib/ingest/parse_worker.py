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

import io
import pickle
import posixpath
import sys
import traceback
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, BinaryIO

from lib.core.errors import FileRefused
from lib.core.gc_pause import gc_paused
from lib.ingest.parse_csv import decode_errors, decode_with, parse_csv, sniff_delimiter
from lib.ingest.sheet_rows import (
    Row,
    SheetResult,
    _answer,
    _fill_rows,
    _ParserDied,
    clean_row,
    fill_packed,
    finish_row,
    trim_rows,
)
from lib.ingest.sheet_xml_scan import (
    MAX_MERGED_RANGES,
    SheetScan,
    cell_position,
    column_index,
    scan_declared_dimension,
    scan_sheet_xml,
)

__all__ = [
    "apply_limits",
    "apply_scan",
    "cell_position",
    "clean_row",
    "column_index",
    "decode_errors",
    "decode_with",
    "finish_row",
    "handle",
    "main",
    "parse_ooxml",
    "parse_xls",
    "scan_sheet_xml",
    "sheet_plan",
    "sniff_delimiter",
    "trim_rows",
]

CELL_BUDGET = 50_000_000
"""Cells (kept rows x width) above which a sheet is read by the streaming reader, not calamine."""

HUGE_DIMENSION_CELLS = 100_000_000
"""A declared dimension above this goes straight to the streaming reader (calamine would abort)."""

XML_PART_CAP_BYTES = 64 * 1024 * 1024
"""Longer than any formula cell can be (8k formula + 32k text, escaped), so none is cut in two."""
"""``<dimension>`` comes right after the sheet properties, well within this."""
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
            sheets, notices = parse_ooxml(request["data"], limits, mode, request.get("scanned_by_parent", False))
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


@dataclass
class SheetEntry:
    """A worksheet listed in workbook.xml: its name, visibility and the zip path of its XML."""

    name: str
    hidden: bool
    path: str


def parse_ooxml(
    data: bytes, limits: dict[str, Any], mode: str, scanned_by_parent: bool = False
) -> tuple[list[dict[str, Any]], list[tuple[str, dict[str, Any]]]]:
    """Read every worksheet of an xlsx/xlsm; see the module docstring for the two modes.

    With ``scanned_by_parent`` the parent makes the byte scan while this child parses
    (:mod:`lib.ingest.parent_scan` applies it and gives the notices): only each sheet's declared
    dimension is read here, and each answer names its sheet's part (``"part"``).
    """
    archive = zipfile.ZipFile(io.BytesIO(data))
    plan = sheet_plan(archive)
    scan = scan_declared_dimension if scanned_by_parent else scan_sheet_xml
    scans = {entry.path: scan(_open_part(archive, entry.path)) for entry in plan}
    results: list[SheetResult] | None = None
    if mode == "fast":
        results = _calamine_ooxml(data, plan, scans, limits)
    if results is None:
        streamer = _OpenpyxlStreamer(data)
        results = [streamer.read(entry, scans[entry.path], limits) for entry in plan]
    if scanned_by_parent:
        answers = [result.as_answer() | {"part": entry.path} for entry, result in zip(plan, results, strict=True)]
        return answers, []
    for entry, result in zip(plan, results, strict=True):
        apply_scan(result, scans[entry.path], limits)
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
    with gc_paused():
        fill_packed(result, sheet.to_python(skip_empty_area=False, nrows=keep), limits)
    if total > limits["max_rows_per_sheet"]:
        result.truncated = True
        result.total_rows = total
    return result


def apply_scan(result: SheetResult, scan: SheetScan, limits: dict[str, Any]) -> None:
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


if __name__ == "__main__":
    sys.exit(main(sys.argv))
