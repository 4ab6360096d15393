"""One mapped row's values by field, and the problems found in it (what every importer's rows share).

:class:`RowValues` hands a row's cells to the readers typed (text, parsed, several values), checks
that text fits its column (``lib.db.text_limits``) and collects :class:`Problem` s: an error rejects
the row, a warning leaves one value out. Values quoted in problem messages are :func:`shortened`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lib.core import normalize
from lib.core.errors import ValidationFailed
from lib.core.i18n import Quote, quoted, t
from lib.core.text import CACHED_TEXT_LENGTH
from lib.db.text_limits import too_long

#: Longest text a problem message quotes from a cell (long enough for a list of column names).
QUOTED_LENGTH = 200


def shortened(value: Any, length: int = QUOTED_LENGTH) -> Any:
    """``value`` cut to ``length`` characters (ending in "…") when it is longer text."""
    if isinstance(value, str) and len(value) > length:
        return value[: length - 1] + "…"
    return value


@dataclass
class Problem:
    """Something wrong with one cell or row, shown to the user before anything is stored."""

    file_name: str
    sheet_name: str
    row: int
    column: str
    key: str
    params: dict[str, Any] = field(default_factory=dict)
    severity: str = "error"  # "error": the row is rejected; "warning": the value is left out

    def __post_init__(self) -> None:
        # A cell can hold megabytes; the message only needs to say which value it was.
        self.params = {name: shortened(value) for name, value in self.params.items()}

    def message(self, lang: str = "da", quote: Quote | None = None) -> str:
        """The problem in ``lang``; ``quote`` marks up the cell values and names in it."""

        return t(self.key, lang, **quoted(self.params, quote))


@dataclass
class RowValues:
    """The values of one row, by field, with the column each came from (for problem messages)."""

    file_name: str
    sheet_name: str
    row: int
    cells: dict[str, list[tuple[str, Any]]]  # field -> [(column name, raw value), …]
    problems: list[Problem] = field(default_factory=list)

    def raw(self, name: str) -> list[tuple[str, Any]]:
        return self.cells.get(name, [])

    def column(self, name: str) -> str:
        entries = self.cells.get(name)
        return entries[0][0] if entries else ""

    def problem(self, column: str, error: ValidationFailed, severity: str = "error") -> None:
        self.problems.append(
            Problem(self.file_name, self.sheet_name, self.row, column, error.key, dict(error.params), severity)
        )

    def reject(self, column: str, key: str, **params: Any) -> str:
        self.problems.append(Problem(self.file_name, self.sheet_name, self.row, column, key, params))
        return "rejected"

    def warn(self, column: str, key: str, **params: Any) -> None:
        self.problems.append(Problem(self.file_name, self.sheet_name, self.row, column, key, params, "warning"))

    @property
    def has_errors(self) -> bool:
        return bool(self.problems) and any(p.severity == "error" for p in self.problems)

    # --- text that must fit its column (lib.db.text_limits) -----------------------------------------

    def fits(self, model: type, name: str, value: Any, column: str) -> bool:
        """Whether ``value`` fits ``model.name``; if not, the row is rejected with a problem in the
        sheet's ``column``. For what a record is recognised by (names, e-mails, titles): cutting it
        would store, and match on, something the file does not say."""
        limit = too_long(model, name, value)
        if limit is None:
            return True
        self.reject(column, "limits.too_long_rejected", length=len(value), max=limit)
        return False

    def name_fits(self, model: type, name: str, column: str) -> bool:
        """:meth:`fits` for a record's name and its folded key (folding can make text longer)."""
        if len(name) <= CACHED_TEXT_LENGTH and _name_fits(model, name):
            return True  # the usual case, known from an earlier row with the same name
        return self.fits(model, "name", name, column) and self.fits(model, "name_key", normalize.name_key(name), column)

    def fitting(self, model: type, name: str, value: Any, column: str) -> Any:
        """``value``, or None with a warning in the sheet's ``column`` when it does not fit ``model.name``."""
        limit = too_long(model, name, value)
        if limit is None:
            return value
        self.warn(column, "limits.too_long_dropped", length=len(value), max=limit)
        return None

    def notes(self, model: type) -> str | None:
        """The row's notes for ``model``, or None with a warning when they are longer than it takes."""
        return self.fitting(model, "notes", self.text("notes"), self.column("notes"))

    # --- typed access ----------------------------------------------------------------------------

    def text(self, name: str) -> str | None:
        """The first non-empty text of field ``name``."""
        entries = self.cells.get(name)
        if not entries:
            return None
        for _column, raw in entries:
            value = normalize.clean_text(raw)
            if value:
                return value
        return None

    def parsed(self, name: str, parser: Callable[[Any], Any], severity: str = "warning") -> Any:
        """The first non-empty value of ``name`` through ``parser``; a bad value becomes a problem."""
        for column, raw in self.raw(name):
            try:
                value = parser(raw)
            except ValidationFailed as error:
                self.problem(column, error, severity)
                continue
            if value is not None:
                return value
        return None

    def many(self, name: str, parser: Callable[[Any], Any], severity: str) -> list[Any]:
        """Every value of ``name`` (several columns, several values per cell), parsed, in order."""
        values: list[Any] = []
        for column, raw in self.raw(name):
            for part in normalize.split_multi(raw, name):
                try:
                    value = parser(part)
                except ValidationFailed as error:
                    self.problem(column, error, severity)
                    continue
                if value is not None and value not in values:
                    values.append(value)
        return values


@functools.lru_cache(maxsize=16_384)
def _name_fits(model: type, name: str) -> bool:
    """Whether ``name`` and its folded key fit ``model``'s columns: a register repeats its names and
    organisations on thousands of rows. (A name that does not fit goes the way that tells the user.)"""
    return too_long(model, "name", name) is None and too_long(model, "name_key", normalize.name_key(name)) is None
