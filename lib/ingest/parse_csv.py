"""CSV and text uploads in the parse child: decoding with the encoding the parent chose, the separator.

The separator is sniffed from a sample (Excel's ``sep=;`` first line wins and is not a row); the
encoding comes from :func:`lib.ingest.text_encoding.detect_text_encoding`.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable
from typing import Any

from lib.ingest.sheet_rows import Row, SheetResult, _answer, _fill_rows

SNIFF_CHARS = 64 * 1024

SNIFF_RECORDS = 50

DELIMITERS = ("\t", ";", ",", "|")


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
