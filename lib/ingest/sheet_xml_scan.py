"""The byte scan of an xlsx sheet's XML, for facts the parsers do not report.

Formula cells without a cached value, merged ranges, the declared dimension and the last row, read in
overlapping chunks so that the scan's memory stays bounded whatever the sheet's size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import BinaryIO

MAX_FORMULA_POSITIONS = 1000

MAX_MERGED_RANGES = 10_000

SCAN_CHUNK_BYTES = 4 * 1024 * 1024

SCAN_OVERLAP_BYTES = 256 * 1024

SCAN_LOOKBACK_BYTES = 4096

DIMENSION_SEARCH_BYTES = 64 * 1024


@dataclass
class SheetScan:
    """Facts from one pass over a sheet's XML bytes."""

    dimension: tuple[int, int] | None = None
    last_row: int = 0
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    formulas_without_value: list[tuple[int, int]] = field(default_factory=list)
    formulas_without_value_count: int = 0


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


def scan_declared_dimension(source: BinaryIO) -> SheetScan:
    """Only the ``<dimension>`` a sheet declares, from the head of its XML: what the parse child must
    know before calamine reads the sheet, when the parent makes the whole scan meanwhile
    (:mod:`lib.ingest.parent_scan`)."""
    with source:
        head = source.read(DIMENSION_SEARCH_BYTES)
    return SheetScan(dimension=_declared_dimension(head))


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
