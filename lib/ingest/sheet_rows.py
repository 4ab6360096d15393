"""What every parser of the parse child hands back: clean values, ragged rows, one sheet's result.

Values are as stored (text not stripped, an empty text is ``None``, whole numbers ``int``, dates stay
dates, a duration of a day or more becomes "h:mm:ss" text); each row ends at its last non-empty cell
and trailing empty rows are dropped. Light: no parser is imported here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

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
