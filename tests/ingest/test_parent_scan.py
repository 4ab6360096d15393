"""The parent's byte scan gives the same answer as the child scanning itself (lib.ingest.parent_scan).

For every workbook below, the child's answer when it scans the sheets itself must equal the answer
made from the child reading only the declared dimensions plus the parent's scan: the same rows,
merged ranges, formula positions, row counts and notices (a formula without a value, rows or
columns beyond the caps). And through ``read_upload`` a user sees those facts as before.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from openpyxl import Workbook

from lib.core.config import ImportLimits
from lib.core.errors import FileRefused
from lib.ingest import parse_worker
from lib.ingest.parent_scan import apply_parent_scans, scan_sheets
from lib.ingest.safe_read import _limits_dict, read_upload
from tests import hostile_files as hostile

SMALL = ImportLimits(max_rows_per_sheet=40, max_columns=5)


def merged_and_formulas_xlsx() -> bytes:
    """Two sheets written as Excel users do: a merged title, formulas without cached values, a hidden sheet."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Kontakter"
    sheet.append(["Kontaktliste 2026"])
    sheet.merge_cells("A1:D1")
    sheet.append(["Navn", "Organisation", "Antal", "I alt"])
    for index in range(60):
        sheet.append([f"Person {index}", "Kulturhuset", index, f"=C{index + 3}*2"])
    sheet.merge_cells("B10:B12")
    hidden = book.create_sheet("Skjult")
    hidden.sheet_state = "hidden"
    hidden.append(["a", "b", "c", "d", "e", "f", "g", "h"])
    hidden.append(["=SUM(1,2)"])
    return hostile._openpyxl_bytes(book)


WORKBOOKS = {
    "merged and formulas": merged_and_formulas_xlsx,
    "formulas without values": hostile.formulas_without_values_xlsx,
    "hidden sheets": hostile.hidden_sheets_xlsx,
    "huge dimension": hostile.huge_dimension_xlsx,
    "wide row": hostile.wide_row_xlsx,
    "many rows": lambda: hostile.many_rows_xlsx(120, columns=7),
    "empty sheet": hostile.workbook_with_empty_sheet,
}


def child_answer(data: bytes, limits: ImportLimits, scanned_by_parent: bool) -> dict[str, Any]:
    request = {"kind": "xlsx", "data": data, "limits": _limits_dict(limits), "scanned_by_parent": scanned_by_parent}
    return parse_worker.handle(request)


@pytest.mark.parametrize("limits", [ImportLimits(), SMALL], ids=["default limits", "small caps"])
@pytest.mark.parametrize("name", sorted(WORKBOOKS))
def test_the_parents_scan_makes_the_childs_own_answer(name: str, limits: ImportLimits) -> None:
    data = WORKBOOKS[name]()
    own = child_answer(data, limits, scanned_by_parent=False)
    assert own["status"] == "ok"
    read = child_answer(data, limits, scanned_by_parent=True)
    assert all("part" in sheet for sheet in read["sheets"])
    assert apply_parent_scans(copy.deepcopy(read), scan_sheets(data), _limits_dict(limits)) == own


def test_the_comparison_sees_the_scans_facts() -> None:
    """Without the parent's scan the child's answer lacks what only the scan finds (so the test above can fail)."""
    data = merged_and_formulas_xlsx()
    own = child_answer(data, SMALL, scanned_by_parent=False)
    read = child_answer(data, SMALL, scanned_by_parent=True)
    assert own["sheets"][0]["merged"] and own["sheets"][0]["formulas_without_value"]
    assert ("read.notice.formulas_without_values", {"sheet": "Kontakter", "count": 60}) in own["notices"]
    assert not read["sheets"][0]["merged"] and not read["notices"]


def test_a_user_still_hears_of_formulas_merged_titles_and_cut_sheets() -> None:
    workbook = read_upload("kontakter.xlsx", merged_and_formulas_xlsx(), SMALL)
    contacts = workbook.sheets[0]
    assert (0, 0, 0, 3) in contacts.merged and (9, 1, 11, 1) in contacts.merged
    assert (2, 3) in contacts.formulas_without_value
    assert contacts.truncated and contacts.total_rows == 62
    keys = [key for key, _ in workbook.notices]
    assert "read.notice.formulas_without_values" in keys
    assert "read.notice.rows_capped" in keys
    assert "read.notice.columns_capped" in keys


@pytest.mark.parametrize(
    "tampered",
    [
        lambda sheet: sheet.update(part="xl/worksheets/nowhere.xml"),
        lambda sheet: sheet.update(part=["xl/worksheets/sheet1.xml"]),
        lambda sheet: sheet.pop("part"),
        lambda sheet: sheet.update(widest="wide"),
    ],
    ids=["unknown part", "part not text", "no part", "width not a number"],
)
def test_an_answer_that_names_no_scanned_sheet_is_refused_as_damaged(tampered: Any) -> None:
    data = merged_and_formulas_xlsx()
    read = child_answer(data, ImportLimits(), scanned_by_parent=True)
    tampered(read["sheets"][0])
    with pytest.raises(FileRefused) as refused:
        apply_parent_scans(read, scan_sheets(data), _limits_dict(ImportLimits()))
    assert refused.value.key == "read.damaged"


def test_a_workbook_the_parent_cannot_scan_is_refused_as_damaged() -> None:
    assert scan_sheets(hostile.corrupt_entry_xlsx()) is None
    assert scan_sheets(b"not a zip") is None
    with pytest.raises(FileRefused) as refused:
        apply_parent_scans({"status": "ok", "sheets": [], "notices": []}, None, _limits_dict(ImportLimits()))
    assert refused.value.key == "read.damaged"
