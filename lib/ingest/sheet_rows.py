"""What every parser of the parse child hands back: clean values, ragged rows, one sheet's result.

Values are as stored (text not stripped, an empty text is ``None``, whole numbers ``int``, dates stay
dates, a duration of a day or more becomes "h:mm:ss" text); each row ends at its last non-empty cell
and trailing empty rows are dropped. Light: no parser is imported here.

calamine's rectangular grid travels packed, column by column (:func:`fill_packed`): far fewer objects
to pickle in the child and unpickle in the parent, where :func:`answer_rows` gives back the same rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from lib.core.gc_pause import gc_paused

Row = list[Any]


class _ParserDied(Exception):
    """The fast parser panicked; the parent should retry with the streaming parser."""


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
    packed: dict[str, Any] | None = None
    """The rows column by column (see :func:`fill_packed`), when ``rows`` is left empty."""

    def as_answer(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "hidden": self.hidden,
            "rows": self.rows,
            "packed": self.packed,
            "merged": self.merged,
            "total_rows": self.total_rows,
            "truncated": self.truncated,
            "formulas_without_value": self.formulas_without_value,
            "widest": self.widest,
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


PACK_SEPARATOR = "\x00"
"""Joins the cells of an all-text column; a column where a cell holds it is sent as a list instead."""


def fill_packed(result: SheetResult, grid: list[Row], limits: dict[str, Any]) -> None:
    """The column-wise counterpart of ``_fill_rows(result, enumerate(grid), limits)`` for a grid.

    ``grid`` is rectangular, row i being sheet row i, with ``""`` for an empty cell (calamine's
    ``to_python``). The row facts (``widest``, ``total_rows``, ``truncated``) come out the same; the
    rows themselves go into ``result.packed`` rather than ``result.rows``, which is far cheaper to
    pickle and unpickle than one small object per cell:

    ``widths``
        Each kept row's width after trimming and the cut at ``max_columns`` (``bytes`` when every
        width fits in one, else a list), trailing blank rows left out.
    ``columns``
        As many columns as the widest kept row, each cut to the rows in ``widths``: an all-text
        column as ONE string, its cells joined by :data:`PACK_SEPARATOR` (``""`` standing for an
        empty cell); any other column as the list :func:`clean_row` gives.

    :func:`answer_rows` turns it back into rows. A ragged grid goes through ``_fill_rows``.
    """
    count = len(grid)
    lengths = set(map(len, grid))
    if len(lengths) > 1:
        _fill_rows(result, enumerate(grid), limits)
        return
    width = lengths.pop() if lengths else 0
    cap, max_columns = limits["max_rows_per_sheet"], limits["max_columns"]
    kept = min(count, cap)
    full: list[int] = [0] * count
    cut = full
    columns: list[str | Row] = []
    for index, column in enumerate(zip(*grid)):
        if index == max_columns:
            cut = full
        packed, filled = _pack_column(column, kept)
        if filled is None:
            full = [index + 1] * count
        elif any(filled):
            full = [index + 1 if cell else before for cell, before in zip(filled, full, strict=True)]
        if index < max_columns:
            columns.append(packed)
    if width <= max_columns:
        cut = full
    _finish_packed(result, columns, full, cut, kept)


def _pack_column(column: tuple[Any, ...], kept: int) -> tuple[str | Row, Any]:
    """The column's first ``kept`` cells packed, and per cell whether it is filled (None: all are).

    A text column comes back joined; another (or one where a cell holds the separator) cleaned.
    """
    head = column if kept == len(column) else column[:kept]
    try:
        joined: str | None = PACK_SEPARATOR.join(head)
    except TypeError:
        joined = None
    if joined is not None and head and joined.count(PACK_SEPARATOR) == len(head) - 1:
        if head is not column:
            # Rows past the cap only count as filled or not, whatever their cells are.
            filled = [cell is not None for cell in clean_row(column)]
            return joined, None if all(filled) else filled
        empty = not joined or joined[0] == PACK_SEPARATOR or joined[-1] == PACK_SEPARATOR
        return joined, column if empty or PACK_SEPARATOR * 2 in joined else None
    cells = clean_row(column)
    return cells, [cell is not None for cell in cells] if None in cells else None


def _finish_packed(result: SheetResult, columns: list[str | Row], full: list[int], cut: list[int], kept: int) -> None:
    result.widest = max(full[:kept], default=0)
    if any(full[kept:]):
        result.truncated = True
    last_filled = next((index for index in range(len(full) - 1, -1, -1) if full[index]), -1)
    result.total_rows = max(result.total_rows, last_filled + 1)
    rows = next((index + 1 for index in range(kept - 1, -1, -1) if cut[index]), 0)
    widths = cut[:rows]
    send = max(widths, default=0)
    blank_tail = kept - rows
    packed: list[str | Row] = []
    for column in columns[:send]:
        if isinstance(column, str):
            # Each blank row at the end added one separator and an empty cell.
            packed.append(column[: len(column) - blank_tail] if blank_tail else column)
        else:
            packed.append(column[:rows])
    result.packed = {"widths": bytes(widths) if send < 256 else widths, "columns": packed}


def answer_rows(sheet: dict[str, Any]) -> list[Row]:
    """The rows of one sheet of the child's answer, whether sent as rows or packed by :func:`fill_packed`.

    Raises
    ------
    ValueError
        When a packed sheet's columns do not have one cell per row.
    """
    packed = sheet.get("packed")
    if packed is None:
        rows: list[Row] = sheet["rows"]
        return rows
    widths = packed["widths"]
    if not isinstance(widths, bytes | list) or not isinstance(packed["columns"], list):
        raise ValueError("a packed sheet of the wrong shape")
    with gc_paused():
        columns = [_unpack_column(column, len(widths)) for column in packed["columns"]]
        if not columns:
            if any(widths):
                raise ValueError("packed rows without columns")
            return [[] for _ in widths]
        rows = list(map(list, zip(*columns)))
        count = len(columns)
        for index in [index for index, width in enumerate(widths) if width < count]:
            del rows[index][widths[index] :]
    return rows


def _unpack_column(column: str | Row, rows: int) -> Row:
    if isinstance(column, str):
        cells: Row = column.split(PACK_SEPARATOR)
        if "" in cells:
            cells = [cell or None for cell in cells]
    elif isinstance(column, list):
        cells = column
    else:
        raise ValueError("a packed column of the wrong kind")
    if len(cells) != rows:
        raise ValueError("a packed column without one cell per row")
    return cells
