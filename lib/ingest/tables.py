"""Finding the table in a raw sheet, recognising what it holds, and suggesting a column mapping.

A sheet as people save it is rarely a clean table: a title and a blank row above the header, a
LinkedIn "Notes:" preamble, a header spread over two rows under merged group labels, empty columns
at the side. :func:`locate_table` finds the header and the data below it; :func:`detect_role` says
what one row describes (``lib.ingest.fields.ROLES``); :func:`suggest_mapping` proposes a field
(``lib.ingest.fields.FIELDS``) for every column, recognising Danish and English words and the real headers
of Outlook, Google Contacts, LinkedIn and Kumu exports as well as the workspace's own export.

The suggestions are only suggestions: the user confirms or corrects the mapping before anything is
imported, and :func:`column_signature` lets a confirmed mapping be remembered for the next file
with the same columns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from lib.core.normalize import clean_text
from lib.ingest.column_mapping import (
    _ALL_KNOWN_KEYS,
    _GOOGLE_NUMBERED,
    GROUP_SEPARATOR,
    REPEATABLE_FIELDS,
    _fold,
    column_signature,
    field_label_key,
    header_key,
    role_label_key,
    suggest_mapping,
)
from lib.ingest.header_words import IGNORED_HEADERS, ROLE_SYNONYMS, ROLE_WEAK_SYNONYMS, STRONG_SYNONYMS, WEAK_SYNONYMS
from lib.ingest.sheet_roles import detect_role

__all__ = [
    "SheetLike",
    "SheetTable",
    "locate_table",
    "detect_role",
    "suggest_mapping",
    "column_signature",
    "header_key",
    "field_label_key",
    "role_label_key",
    "GROUP_SEPARATOR",
    "REPEATABLE_FIELDS",
    "STRONG_SYNONYMS",
    "WEAK_SYNONYMS",
    "ROLE_SYNONYMS",
    "ROLE_WEAK_SYNONYMS",
    "IGNORED_HEADERS",
]


class SheetLike(Protocol):
    """What :func:`locate_table` needs of ``lib.ingest.safe_read.RawSheet``."""

    name: str
    rows: list[list[object]]
    merged: list[tuple[int, int, int, int]]


@dataclass
class SheetTable:
    """The table found in a sheet.

    Attributes
    ----------
    header_row : int
        0-based index of the last header row (a two-row header ends on its lower row); -1 when the
        sheet has no table at all.
    columns : list of str
        One unique, non-empty name per kept column. Columns with neither a header nor any data are
        dropped. A column with data but no header is called "Kolonne C" after its spreadsheet
        letter; a repeated name gets " (2)", " (3)" …. A two-row header under a merged group label
        gives "Group – Sub" (see :data:`GROUP_SEPARATOR`).
    rows : list of list
        The non-blank data rows below the header, each padded or cut to ``len(columns)``. Cell
        values are left as the reader produced them; the importer normalises them per field.
    row_numbers : list of int
        The 1-based spreadsheet row number of each entry of ``rows``, for problem messages.
    title : str or None
        The text of the rows above the header (a title, a LinkedIn "Notes:" preamble), one line per
        row; ``None`` when the header is the first non-blank row.
    blank_rows : int
        Blank rows *between* the header and the last non-blank data row. A row is blank when every
        cell is empty or only whitespace. Blank rows after the last data row are not counted: a
        sheet formatted down to row 1000 has not "skipped" 900 rows.

    Notes
    -----
    The rows the importer has *read* are ``rows_read = len(rows) + blank_rows``, so its accounting
    ``rows_read == inserted + updated + unchanged + rejected + skipped`` holds when it reports the
    ``blank_rows`` as skipped.
    """

    header_row: int
    columns: list[str]
    rows: list[list[object]]
    row_numbers: list[int]
    title: str | None = None
    blank_rows: int = 0
    #: 0-based sheet column index of each entry of ``columns``.
    source_columns: list[int] = field(default_factory=list)

    @property
    def rows_read(self) -> int:
        """Data rows below the header, blank ones included (see the class notes)."""
        return len(self.rows) + self.blank_rows


#: How many rows from the top are considered as the header.
HEADER_SCAN_ROWS = 30


def _is_blank(value: object) -> bool:
    return (
        value is None
        or (isinstance(value, str) and not value.strip())
        or (
            isinstance(value, float) and value != value  # NaN from pandas
        )
    )


def _cell(rows: list[list[object]], row: int, col: int) -> object:
    if 0 <= row < len(rows) and col < len(rows[row]):
        return rows[row][col]
    return None


def _filled_columns(row: Sequence[object]) -> list[int]:
    # _is_blank inlined: this runs on every cell of a sheet that may have a million of them.
    return [
        index
        for index, value in enumerate(row)
        if value is not None and value == value and not (type(value) is str and not value.strip())
    ]  # noqa: E721


def _is_filled(value: object) -> bool:
    return value is not None and value == value and not (type(value) is str and not value.strip())  # noqa: E721


def _filled_rows(data: list[list[object]], unlabelled: list[int]) -> tuple[list[bool], set[int]]:
    """Whether each row has a filled cell, and which of the ``unlabelled`` columns any row fills.

    What ``_filled_columns`` of every row tells, without listing every row's filled cells: a row is
    filled once one cell is (its last, mostly: the reader trims empty cells off a row's end), and an
    unlabelled column needs looking at only until a row fills it.
    """
    unseen = set(unlabelled)
    filled_rows = []
    for row in data:
        filled_rows.append(bool(row) and (_is_filled(row[-1]) or any(map(_is_filled, row))))
        if unseen:
            unseen.difference_update([col for col in unseen if col < len(row) and _is_filled(row[col])])
    return filled_rows, set(unlabelled) - unseen


def _row_taker(kept: list[int]) -> Callable[[list[object]], list[object]]:
    """A row's cells in the ``kept`` columns, as a new list (``None`` past the row's end)."""
    if kept == list(range(len(kept))):  # the first columns (a sheet whose every column is kept)
        size = len(kept)
        return lambda row: row[:size] if len(row) >= size else row + [None] * (size - len(row))
    return lambda row: [row[col] if col < len(row) else None for col in kept]


def _is_text(value: object) -> bool:
    return isinstance(value, str) and clean_text(value) is not None


def _is_known_header(value: object) -> bool:
    if not isinstance(value, str):
        return False
    return header_key(value) in _ALL_KNOWN_KEYS or bool(_GOOGLE_NUMBERED.match(_fold(value)))


def _header_score(rows: list[list[object]], index: int) -> float | None:
    """How much row ``index`` looks like the header row; ``None`` for a blank row.

    Counts distinct text cells and, double, cells that are known header words; subtracts numbers
    and dates (data, not labels) and, heavily, each row above with at least half as many filled
    cells (a header comes before the data, so a row with table-like rows above it is data).
    """
    filled = _filled_columns(rows[index])
    if not filled:
        return None
    values = [rows[index][col] for col in filled]
    texts = [value for value in values if _is_text(value)]
    distinct = len({_fold(text) for text in texts})
    known = sum(1 for value in values if _is_known_header(value))
    wide = max(2, (len(filled) + 1) // 2)
    wide_rows_above = sum(1 for above in rows[:index] if len(_filled_columns(above)) >= wide)
    has_rows_below = any(_filled_columns(below) for below in rows[index + 1 : index + 4])
    return distinct + 2 * known - (len(values) - len(texts)) - 3 * wide_rows_above + (0.5 if has_rows_below else 0)


def _find_header_row(rows: list[list[object]]) -> int | None:
    window = rows[:HEADER_SCAN_ROWS]
    best: tuple[float, int] | None = None
    for index in range(len(window)):
        score = _header_score(window, index)
        if score is not None and (best is None or score > best[0]):
            best = (score, index)
    return None if best is None else best[1]


@dataclass(frozen=True)
class _Span:
    first_col: int
    last_col: int
    value: object


def _merged_spans(sheet: SheetLike, row: int) -> list[_Span]:
    """Ranges merged across several columns that cover ``row``, with their top-left value."""
    spans = []
    for first_row, first_col, last_row, last_col in sheet.merged:
        if first_row <= row <= last_row and last_col > first_col:
            spans.append(_Span(first_col, last_col, _cell(sheet.rows, first_row, first_col)))
    return spans


def _filled_right_spans(rows: list[list[object]], row: int, width: int) -> list[_Span]:
    """Without merge information (CSV), a label is taken to cover the blank cells to its right."""
    filled = _filled_columns(_cell_row(rows, row))
    ends = filled[1:] + [width]
    return [_Span(start, max(start, end - 1), rows[row][start]) for start, end in zip(filled, ends)]


def _cell_row(rows: list[list[object]], row: int) -> list[object]:
    return rows[row] if 0 <= row < len(rows) else []


def _span_at(spans: list[_Span], col: int) -> _Span | None:
    return next((span for span in spans if span.first_col <= col <= span.last_col), None)


def _group_spans(sheet: SheetLike, upper: int, lower: int, width: int) -> list[_Span] | None:
    """The group labels of ``upper`` over the sub-labels of ``lower``, or ``None`` if not a pair.

    ``upper`` and ``lower`` form a two-row header when every label in ``lower`` sits under a blank
    cell or under a label spanning several columns, and at least one sits under such a span. A
    single label starting in the first column is a title, not a group. Without merge information
    the labels must be known header words on both rows, so that a data row is never taken for a
    sub-header.
    """
    lower_filled = _filled_columns(_cell_row(sheet.rows, lower))
    upper_filled = _filled_columns(_cell_row(sheet.rows, upper))
    if not lower_filled or not upper_filled or upper < 0:
        return None
    if not all(_is_text(sheet.rows[lower][col]) for col in lower_filled):
        return None
    if len(upper_filled) == 1 and upper_filled[0] == min(upper_filled + lower_filled):
        return None
    spans = _merged_spans(sheet, upper)
    if not spans:
        if len(upper_filled) < 2 or not all(_is_known_header(sheet.rows[upper][c]) for c in upper_filled):
            return None
        if not all(_is_known_header(sheet.rows[lower][col]) for col in lower_filled):
            return None
        spans = _filled_right_spans(sheet.rows, upper, width)
    grouped = 0
    for col in lower_filled:
        span = _span_at(spans, col)
        if span is not None and span.last_col > span.first_col:
            grouped += 1
        elif not _is_blank(_cell(sheet.rows, upper, col)):
            return None
    return spans if grouped else None


def _header_labels(sheet: SheetLike, upper: int, lower: int, width: int) -> list[str | None]:
    """Column labels of a header on rows ``upper``..``lower`` (equal for a one-row header)."""
    labels: list[str | None] = []
    spans = _group_spans(sheet, upper, lower, width) if upper != lower else None
    for col in range(width):
        below = clean_text(_cell(sheet.rows, lower, col))
        if spans is None:
            labels.append(below)
            continue
        span = _span_at(spans, col)
        group = clean_text(span.value) if span and span.last_col > span.first_col else None
        above = group or clean_text(_cell(sheet.rows, upper, col))
        if below and group:
            labels.append(f"{group}{GROUP_SEPARATOR}{below}")
        else:
            labels.append(below or above)
    return labels


def _header_rows(sheet: SheetLike, found: int, width: int) -> tuple[int, int]:
    """(first, last) header row around the row that scored best: a group row above or below it."""
    if found > 0 and _group_spans(sheet, found - 1, found, width) is not None:
        return found - 1, found
    if _group_spans(sheet, found, found + 1, width) is not None:
        return found, found + 1
    return found, found


def _last_header_row(sheet: SheetLike, first: int, last: int) -> int:
    """The header's last row, extended over header cells merged downwards (A1:A2)."""
    extended = last
    for first_row, _c1, last_row, _c2 in sheet.merged:
        if first <= first_row <= last and last_row > extended:
            extended = min(last_row, last + 2)
    return extended


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def _unique_names(labels: list[str | None], source_columns: list[int]) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    for label, col in zip(labels, source_columns):
        base = label or f"Kolonne {_column_letter(col)}"
        name, counter = base, 1
        while _fold(name) in seen:
            counter += 1
            name = f"{base} ({counter})"
        seen.add(_fold(name))
        names.append(name)
    return names


def _title_text(rows: list[list[object]], first_header_row: int) -> str | None:
    lines = []
    for row in rows[:first_header_row]:
        parts = [clean_text(value) for value in row if not _is_blank(value)]
        line = " ".join(part for part in parts if part)
        if line:
            lines.append(line)
    return "\n".join(lines) or None


def locate_table(sheet: SheetLike) -> SheetTable:
    """Find the header and the data rows of the table in ``sheet``.

    The header is the row among the first :data:`HEADER_SCAN_ROWS` that looks most like one: many
    distinct text cells, known header words, no table-like rows above it. Title rows and a
    LinkedIn "Notes:" preamble above it become :attr:`SheetTable.title`. A row of merged group
    labels over a row of sub-labels ("Kontaktperson" over "Fornavn", "Efternavn") is read as one
    header with columns "Kontaktperson – Fornavn", "Kontaktperson – Efternavn"; a header cell
    merged downwards keeps the data from starting inside the header.

    See :class:`SheetTable` for what is returned, in particular how blank rows are counted. A sheet
    with no non-blank cell gives an empty table with ``header_row == -1``.
    """
    rows = sheet.rows
    found = _find_header_row(rows)
    if found is None:
        return SheetTable(header_row=-1, columns=[], rows=[], row_numbers=[])
    width = max(map(len, rows), default=0)
    first, last = _header_rows(sheet, found, width)
    labels = _header_labels(sheet, first, last, width)
    data_start = _last_header_row(sheet, first, last) + 1
    data = rows[data_start:]
    filled_rows, unlabelled_used = _filled_rows(data, [col for col in range(width) if not labels[col]])
    kept = [col for col in range(width) if labels[col] or col in unlabelled_used]
    table_rows, row_numbers, blank_rows, pending_blank = [], [], 0, 0
    take = _row_taker(kept)
    for offset, (row, filled) in enumerate(zip(data, filled_rows)):
        if not filled:
            pending_blank += 1
            continue
        blank_rows += pending_blank  # blank rows count only once a data row follows them
        pending_blank = 0
        table_rows.append(take(row))
        row_numbers.append(data_start + offset + 1)
    return SheetTable(
        header_row=data_start - 1,
        columns=_unique_names([labels[col] for col in kept], kept),
        rows=table_rows,
        row_numbers=row_numbers,
        title=_title_text(rows, first),
        blank_rows=blank_rows,
        source_columns=kept,
    )
