"""The byte scan of an xlsx's sheets, made by the parent while the parse child reads the file.

The scan (formula cells without a cached value, merged ranges, the last row:
:mod:`lib.ingest.sheet_xml_scan`) is plain byte work on the sheet's XML, and the child used to make it
before calamine, which holds the child's interpreter for the whole parse: a sixth of the child's time
before it could answer. The parent waits for that answer anyway, so it makes the scan meanwhile on the
machine's other core. The child then reads only each sheet's declared dimension (it needs that before
calamine) and names each sheet's part; :func:`apply_parent_scans` puts the scan's facts and the
notices into the answer exactly as the child would have (``tests/ingest/test_parent_scan.py``
compares the two).
"""

from __future__ import annotations

import io
import logging
import zipfile
from typing import Any, BinaryIO, cast

from lib.core.errors import FileRefused
from lib.ingest.parse_worker import apply_scan, sheet_plan
from lib.ingest.sheet_rows import SheetResult
from lib.ingest.sheet_xml_scan import SheetScan, scan_sheet_xml

log = logging.getLogger(__name__)


def scan_sheets(data: bytes) -> dict[str, SheetScan] | None:
    """Each worksheet part's scan, by the part's path in the zip; None when the workbook cannot be
    scanned (the child, reading the same bytes, meets the same damage, or the answer is refused)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        return {entry.path: scan_sheet_xml(cast(BinaryIO, archive.open(entry.path))) for entry in sheet_plan(archive)}
    except FileRefused:
        return None
    except Exception:  # noqa: BLE001 - as in the child: whatever a damaged part raises means "damaged"
        log.info("the byte scan of an upload failed", exc_info=True)
        return None


def apply_parent_scans(
    answer: dict[str, Any], scans: dict[str, SheetScan] | None, limits: dict[str, Any]
) -> dict[str, Any]:
    """The child's ``ok`` answer with each sheet's merged ranges, formula facts and row count from
    ``scans`` and the sheets' notices, as :func:`lib.ingest.parse_worker.parse_ooxml` gives them when it
    scans itself.

    Raises
    ------
    FileRefused
        ``read.damaged`` when the workbook could not be scanned or the answer names no scanned part.
    """
    if scans is None:
        raise FileRefused("read.damaged")
    notices: list[tuple[str, dict[str, Any]]] = []
    try:
        for sheet in answer["sheets"]:
            part = sheet.pop("part")
            if not isinstance(part, str) or part not in scans:
                raise FileRefused("read.damaged")
            result = SheetResult(
                name=str(sheet["name"]),
                hidden=bool(sheet["hidden"]),
                total_rows=int(sheet["total_rows"]),
                truncated=bool(sheet["truncated"]),
                widest=int(sheet["widest"]),
            )
            apply_scan(result, scans[part], limits)
            sheet["merged"] = result.merged
            sheet["total_rows"] = result.total_rows
            sheet["formulas_without_value"] = result.formulas_without_value
            notices.extend(result.notices(limits))
    except (KeyError, TypeError, ValueError, AttributeError):
        raise FileRefused("read.damaged") from None
    answer["notices"] = notices
    return answer
