"""The parse child sends calamine's grid column by column; the parent gets back exactly the old rows."""

from __future__ import annotations

import datetime as dt
import io
import pickle
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib.core.config import DEFAULT_LIMITS, ImportLimits
from lib.core.errors import FileRefused
from lib.ingest.parse_child import _RestrictedUnpickler
from lib.ingest.safe_read import UploadJob, _assemble, _limits_dict, read_upload, run_worker
from lib.ingest.sheet_rows import PACK_SEPARATOR, SheetResult, _fill_rows, answer_rows, fill_packed
from tests import hostile_files as hostile

TEXT = st.one_of(
    st.sampled_from(["", "", "", " ", "  Åse ", "\x00", "a\x00b", "_x0000_", "None", "nan", "0"]),
    st.text(max_size=6),
)
OTHER = st.one_of(
    st.none(),
    st.integers(min_value=-(2**60), max_value=2**60),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(2**54), max_value=2**54).map(float),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.timedeltas(min_value=dt.timedelta(days=-3), max_value=dt.timedelta(days=3)),
)


@st.composite
def grids(draw: st.DrawFn) -> list[list[Any]]:
    """A rectangular grid like calamine's: text columns ("" for empty) and mixed ones, blank rows and tails."""
    height = draw(st.integers(min_value=0, max_value=12))
    width = draw(st.integers(min_value=0, max_value=7))
    columns = []
    for _ in range(width):
        cell = TEXT if draw(st.booleans()) else st.one_of(TEXT, OTHER)
        columns.append(draw(st.lists(cell, min_size=height, max_size=height)))
    rows = [list(row) for row in zip(*columns, strict=True)] if width else [[] for _ in range(height)]
    for index in draw(st.sets(st.integers(min_value=0, max_value=max(height - 1, 0)))):
        if index < height:
            rows[index] = [""] * width
    blank_tail = draw(st.integers(min_value=0, max_value=3))
    return rows + [[""] * width for _ in range(blank_tail)]


def old_path(grid: list[list[Any]], limits: dict[str, Any]) -> SheetResult:
    result = SheetResult(name="Ark1", hidden=False)
    _fill_rows(result, enumerate(grid), limits)
    return result


def sent_and_received(result: SheetResult) -> list[list[Any]]:
    """The rows the parent holds after the answer went through pickle and the restricted unpickler."""
    answer = _RestrictedUnpickler(io.BytesIO(pickle.dumps(result.as_answer(), protocol=5))).load()
    return answer_rows(answer)


def facts(result: SheetResult) -> tuple[int, int, bool]:
    return result.widest, result.total_rows, result.truncated


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    grid=grids(),
    max_columns=st.integers(min_value=1, max_value=6),
    cap=st.integers(min_value=1, max_value=14),
)
def test_packed_rows_are_the_rows_the_old_path_gave(grid: list[list[Any]], max_columns: int, cap: int) -> None:
    limits = {"max_rows_per_sheet": cap, "max_columns": max_columns}
    old = old_path(grid, limits)
    new = SheetResult(name="Ark1", hidden=False)
    fill_packed(new, grid, limits)
    assert new.packed is not None and new.rows == []
    rows = sent_and_received(new)
    # repr tells 1 from 1.0 and True, and a NaN from another NaN's absence
    assert repr(rows) == repr(old.rows)
    assert facts(new) == facts(old)


def test_text_columns_travel_as_one_string_and_others_as_lists() -> None:
    grid = [["Navn", "Født", "Note"], ["Åse", dt.date(1970, 1, 2), ""], ["", 3.0, ""], ["", "", ""]]
    result = SheetResult(name="Ark1", hidden=False)
    fill_packed(result, grid, {"max_rows_per_sheet": 100, "max_columns": 50})
    columns = ["Navn\x00Åse\x00", ["Født", dt.date(1970, 1, 2), 3], "Note\x00\x00"]
    assert result.packed == {"widths": bytes([3, 2, 2]), "columns": columns}
    assert answer_rows(result.as_answer()) == [["Navn", "Født", "Note"], ["Åse", dt.date(1970, 1, 2)], [None, 3]]


def test_a_cell_holding_the_separator_sends_its_column_as_a_list() -> None:
    grid = [["a", f"x{PACK_SEPARATOR}y"], ["b", ""]]
    result = SheetResult(name="Ark1", hidden=False)
    fill_packed(result, grid, {"max_rows_per_sheet": 100, "max_columns": 50})
    assert result.packed is not None and result.packed["columns"] == ["a\x00b", ["x\x00y", None]]
    assert answer_rows(result.as_answer()) == [["a", "x\x00y"], ["b"]]


def test_a_ragged_grid_is_read_the_old_way() -> None:
    result = SheetResult(name="Ark1", hidden=False)
    fill_packed(result, [["a", ""], ["b"], [], ["", 2.0]], {"max_rows_per_sheet": 100, "max_columns": 50})
    assert result.packed is None
    assert answer_rows(result.as_answer()) == [["a"], ["b"], [], [None, 2]]


def test_rows_wider_than_a_byte_get_their_widths_as_a_list() -> None:
    grid = [[f"k{i}" for i in range(300)], ["v"] + [""] * 299]
    result = SheetResult(name="Ark1", hidden=False)
    fill_packed(result, grid, {"max_rows_per_sheet": 100, "max_columns": 280})
    assert result.packed is not None and result.packed["widths"] == [280, 1]
    assert answer_rows(result.as_answer()) == [[f"k{i}" for i in range(280)], ["v"]]
    assert result.widest == 300


def test_escaped_nul_characters_in_a_workbook_are_kept_as_text() -> None:
    sheet = hostile.sheet_xml([["Navn", "Note"], ["a_x0000_b", "_x0000_"], [None, "c"], ["Bo", None]])
    data = hostile.workbook_package([("Ark1", sheet, "visible")])
    workbook = read_upload("nul.xlsx", data)
    assert workbook.sheets[0].rows == [["Navn", "Note"], ["a\x00b", "\x00"], [None, "c"], ["Bo"]]


@pytest.mark.parametrize("mode", ["fast", "stream"])
def test_both_parsers_give_the_same_rows_for_a_sheet_with_gaps(mode: str) -> None:
    sheet = hostile.sheet_xml([["Navn", None, "Tlf"], [None, None, None], ["Åse", 2.5, None], [None, True, None]])
    request = {
        "kind": "xlsx",
        "data": hostile.workbook_package([("Ark1", sheet, "visible")]),
        "encoding": None,
        "limits": _limits_dict(DEFAULT_LIMITS),
        "mode": mode,
    }
    first = run_worker(request, DEFAULT_LIMITS)["sheets"][0]
    assert answer_rows(first) == [["Navn", None, "Tlf"], [], ["Åse", 2.5], [None, True]]
    assert (first["total_rows"], first["truncated"]) == (4, False)


@pytest.mark.parametrize(
    "packed",
    [
        {"widths": b"\x01\x01", "columns": ["a"]},
        {"widths": b"\x01", "columns": [["a", "b"]]},
        {"widths": b"\x01", "columns": [("a",)]},
        {"widths": b"\x01", "columns": []},
        {"widths": "a", "columns": ["a"]},
    ],
)
def test_a_malformed_packed_answer_is_refused_as_damaged(packed: dict[str, Any]) -> None:
    sheet = {
        "name": "Ark1",
        "hidden": False,
        "rows": [],
        "packed": packed,
        "merged": [],
        "total_rows": 1,
        "truncated": False,
        "formulas_without_value": [],
    }
    with pytest.raises(FileRefused) as caught:
        _assemble("x.xlsx", UploadJob(kind="xlsx"), {"sheets": [sheet], "notices": []})
    assert caught.value.key == "read.damaged"


def test_limits_still_cut_a_packed_sheet() -> None:
    limits = ImportLimits(max_rows_per_sheet=3, max_columns=2)
    data = hostile.many_rows_xlsx(10, 4)
    workbook = read_upload("cut.xlsx", data, limits)
    assert workbook.sheets[0].rows == [["Kolonne A", "Kolonne B"], [1, "v2B"], [2, "v3B"]]
    assert workbook.sheets[0].truncated is True and workbook.sheets[0].total_rows == 11
