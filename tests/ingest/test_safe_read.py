"""Reading uploads safely: every hostile kind is refused with its own message, good files read right."""

from __future__ import annotations

import datetime as dt
import io
import os
import pickle
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import psutil
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.core.config import DEFAULT_LIMITS, PROJECT_ROOT, ImportLimits
from lib.core.errors import FileRefused
from lib.core.i18n import TEXTS as ALL_TEXTS
from lib.core.translations.safe_read import TEXTS
from lib.ingest import parse_worker, sheet_xml_scan
from lib.ingest.parse_child import _RestrictedUnpickler
from lib.ingest.safe_read import (
    RawWorkbook,
    _limits_dict,
    cfb_stream_names,
    detect_text_encoding,
    file_extension,
    inspect_bytes,
    read_in_background,
    read_upload,
    run_worker,
    xml_prolog_verdict,
)
from lib.ingest.sheet_rows import answer_rows
from tests import hostile_files as hostile
from tests.sheets import xlsx

#: The modules safe_read's checks and its parse child live in, besides safe_read itself.
CHECK_MODULES = (
    "ingest/parse_child.py",
    "ingest/text_encoding.py",
    "ingest/sheet_rows.py",
    "ingest/sheet_xml_scan.py",
    "ingest/parent_scan.py",
    "ingest/parse_csv.py",
)

SMALL = ImportLimits(max_rows_per_sheet=1000, max_columns=50)


def refusal(file_name: str, data: bytes, limits: ImportLimits = DEFAULT_LIMITS) -> FileRefused:
    """The FileRefused raised for this upload, after checking its messages read as real sentences."""
    with pytest.raises(FileRefused) as caught:
        read_upload(file_name, data, limits)
    error = caught.value
    danish, english = error.message("da"), error.message("en")
    assert error.key in TEXTS, error.key
    assert danish and danish != error.key and "{" not in danish
    assert english and english != error.key and "{" not in english
    assert danish != english
    return error


def notice_keys(workbook: RawWorkbook) -> list[str]:
    return [key for key, _ in workbook.notices]


def no_children_left() -> bool:
    """No parse worker is still running (other children, e.g. kaleido's browser, are not ours)."""

    def is_parse_worker(process: psutil.Process) -> bool:
        try:
            return any("parse_worker" in part for part in process.cmdline())
        except psutil.Error:
            return False

    return not [p for p in psutil.Process().children(recursive=True) if is_parse_worker(p)]


# --- a read started early (python -m lib import starts it before loading its modules) --------------


def test_a_read_in_the_background_gives_the_same_workbook_as_reading_at_once() -> None:
    data = xlsx({"Kontakter": [["Navn", "E-mail"], ["Anne Holm", "anne@example.org"]]})
    waiting = read_in_background("kontakter.xlsx", data)
    workbook = waiting()
    assert workbook.sheets[0].rows == read_upload("kontakter.xlsx", data).sheets[0].rows
    assert workbook.sheets[0].rows[1] == ["Anne Holm", "anne@example.org"]


def test_a_read_in_the_background_hands_its_refusal_to_whoever_waits() -> None:
    waiting = read_in_background("kontakter.xlsx", b"PK\x03\x04 not really a zip archive")
    with pytest.raises(FileRefused) as caught:
        waiting()
    assert caught.value.key.startswith("read.")
    assert no_children_left()


# --- refused before any parser ---------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \r\n\t ", b"\xef\xbb\xbf", b"\xff\xfe"])
def test_empty_file_is_refused(data: bytes) -> None:
    assert refusal("kontakter.csv", data).key == "read.empty"


def test_empty_xlsx_name_is_refused_as_empty() -> None:
    assert refusal("kontakter.xlsx", hostile.empty()).key == "read.empty"


@pytest.mark.parametrize("name", ["kontakter.xlsx", "kontakter.csv", "kontakter.xls", "kontakter"])
def test_random_bytes_are_not_a_spreadsheet(name: str) -> None:
    assert refusal(name, hostile.random_bytes()).key == "read.not_spreadsheet"


def test_unsupported_extension_is_refused_with_the_extension() -> None:
    error = refusal("referat.PDF", b"%PDF-1.7 ...")
    assert error.key == "read.unsupported_extension"
    assert error.params == {"extension": "pdf"}
    assert ".pdf" in error.message("da")


def test_file_larger_than_the_limit_is_refused_before_anything_else() -> None:
    error = refusal("stor.xlsx", hostile.random_bytes(5000), ImportLimits(max_file_bytes=4096))
    assert error.key == "read.too_large"
    assert error.params["limit_mb"] == 0.0
    assert "MB" in error.message("da")


def test_truncated_xlsx_is_damaged() -> None:
    assert refusal("kontakter.xlsx", hostile.truncated_xlsx()).key == "read.damaged"


def test_xlsx_with_garbled_sheet_data_is_damaged() -> None:
    assert refusal("kontakter.xlsx", hostile.corrupt_entry_xlsx()).key == "read.damaged"


@pytest.mark.parametrize("make", [hostile.html_as_xls, hostile.mhtml_as_xls])
def test_web_page_with_an_excel_name_is_refused_clearly(make) -> None:
    error = refusal("udtraek.xls", make())
    assert error.key == "read.html_as_excel"
    assert "webside" in error.message("da")


def test_excel_2003_xml_is_refused_with_save_as_advice() -> None:
    error = refusal("udtraek.xls", hostile.xml_spreadsheet_2003())
    assert error.key == "read.xml_spreadsheet"
    assert ".xlsx" in error.message("da")


@pytest.mark.parametrize("name", ["kontakter.xlsx", "kontakter.xls"])
def test_password_protected_workbook_is_refused(name: str) -> None:
    error = refusal(name, hostile.password_protected_xlsx())
    assert error.key == "read.password_protected"
    assert "adgangskode" in error.message("da")


def test_encrypted_workbook_is_recognised_from_the_compound_file_directory() -> None:
    names = cfb_stream_names(hostile.password_protected_xlsx())
    assert {"EncryptionInfo", "EncryptedPackage"} <= names
    assert "Workbook" in cfb_stream_names(hostile.danish_xls())


def test_word_document_with_xls_name_is_not_a_spreadsheet() -> None:
    assert refusal("kontakter.xls", hostile.word_document_as_xls()).key == "read.not_spreadsheet"


def test_compound_file_with_broken_directory_is_damaged() -> None:
    assert refusal("kontakter.xls", hostile.damaged_compound_file()).key == "read.damaged"


@pytest.mark.parametrize(
    "make",
    [hostile.compound_file_with_directory_loop, hostile.compound_file_with_sibling_loop],
    ids=lambda f: f.__name__,
)
def test_compound_file_with_a_loop_in_its_directory_is_damaged(make) -> None:
    assert refusal("kontakter.xls", make()).key == "read.damaged"


def test_compound_file_claiming_a_huge_fat_is_refused_before_olefile_spends_time_on_it() -> None:
    # Unguarded, olefile takes about 13 s on this 10 kB file (its FAT grows by copying, once per sector).
    data = hostile.compound_file_claiming_huge_fat()
    started = time.monotonic()
    with pytest.raises(FileRefused) as refused:
        cfb_stream_names(data)
    assert refused.value.key == "read.damaged"
    assert time.monotonic() - started < 2


def test_compound_file_with_a_fat_the_size_of_the_file_is_still_read() -> None:
    # The guard lets through as many FAT sectors as the file's size needs (and one more).
    data = hostile.compound_file_claiming_huge_fat(fat_sectors=1)
    assert {"EncryptionInfo", "EncryptedPackage"} <= cfb_stream_names(data)


def test_word_docx_with_xlsx_name_is_not_a_spreadsheet() -> None:
    assert refusal("kontakter.xlsx", hostile.docx_as_xlsx()).key == "read.not_spreadsheet"


def test_ods_and_xlsb_are_refused_with_their_own_advice() -> None:
    assert refusal("kontakter.ods", hostile.ods_file()).key == "read.unsupported_extension"
    assert refusal("kontakter.xlsx", hostile.ods_file()).key == "read.ods_not_supported"
    assert refusal("kontakter.xlsx", hostile.xlsb_file()).key == "read.xlsb_not_supported"


@pytest.mark.slow
def test_zip_bomb_is_refused_from_the_directory_alone() -> None:
    bomb = hostile.zip_bomb(64)
    assert len(bomb) < 1024 * 1024
    started = time.monotonic()
    assert refusal("kontakter.xlsx", bomb).key == "read.zip_bomb"
    assert time.monotonic() - started < 10  # refused, not hanging (generous: the machine may be busy)


def test_zip_with_too_many_entries_is_refused() -> None:
    limits = ImportLimits(max_zip_entries=100)
    assert refusal("kontakter.xlsx", hostile.too_many_entries_zip(300), limits).key == "read.zip_bomb"


def test_workbook_unpacking_to_more_than_the_limit_is_refused() -> None:
    data = hostile.many_rows_xlsx(20_000, 5)
    error = refusal("kontakter.xlsx", data, ImportLimits(max_uncompressed_bytes=1024 * 1024))
    assert error.key == "read.too_much_data"
    assert error.params["limit_mb"] == 1.0
    assert error.params["size_mb"] > 1.0


def test_zip_with_duplicate_entry_names_is_refused() -> None:
    assert refusal("kontakter.xlsx", hostile.duplicate_entry_xlsx()).key == "read.damaged"


@pytest.mark.slow
@pytest.mark.parametrize(
    "make",
    [hostile.billion_laughs_xlsx, hostile.billion_laughs_in_sheet_xlsx, hostile.doctype_after_comment_xlsx],
)
def test_entity_declarations_are_refused(make) -> None:
    started = time.monotonic()
    assert refusal("kontakter.xlsx", make()).key == "read.xml_entities"
    assert time.monotonic() - started < 10  # refused, not hanging (generous: the machine may be busy)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_external_entity_is_refused_and_never_read(encoding: str) -> None:
    error = refusal("kontakter.xlsx", hostile.xxe_xlsx(encoding))
    assert error.key == "read.xml_entities"
    assert hostile.PASSWD_MARKER not in repr(error.params) + error.message("da") + error.message("en")


@pytest.mark.parametrize("make", [hostile.billion_laughs_xlsx, hostile.billion_laughs_in_sheet_xlsx, hostile.xxe_xlsx])
def test_parent_check_alone_refuses_entities(make) -> None:
    # No child involved: the prolog scan by itself catches every DTD.
    with pytest.raises(FileRefused) as caught:
        inspect_bytes(make(), "xlsx")
    assert caught.value.key == "read.xml_entities"


@pytest.mark.parametrize("mode", ["fast", "stream"])
@pytest.mark.parametrize("make", [hostile.billion_laughs_xlsx, hostile.billion_laughs_in_sheet_xlsx, hostile.xxe_xlsx])
@pytest.mark.slow
def test_child_refuses_entities_even_without_the_parent_check(make, mode: str) -> None:
    # Second line of defence: hand the hostile bytes straight to the parse child.
    request = {"kind": "xlsx", "data": make(), "encoding": None, "limits": _limits_dict(DEFAULT_LIMITS)}
    with pytest.raises(FileRefused) as caught:
        run_worker({**request, "mode": mode}, DEFAULT_LIMITS)
    assert caught.value.key == "read.xml_entities"
    assert hostile.PASSWD_MARKER not in repr(caught.value.params)


def test_workbook_xml_is_parsed_with_dtds_forbidden() -> None:
    archive = zipfile.ZipFile(io.BytesIO(hostile.billion_laughs_xlsx()))
    with pytest.raises(FileRefused) as caught:
        parse_worker.sheet_plan(archive)
    assert caught.value.key == "read.xml_entities"


@pytest.mark.parametrize(
    ("head", "verdict"),
    [
        (b'<?xml version="1.0"?>\n<worksheet>', "ok"),
        (b"\xef\xbb\xbf<worksheet/>", "ok"),
        (b'<?xml version="1.0"?><!-- note --><sst>', "ok"),
        (b'<?xml version="1.0"?><!DOCTYPE x []><x/>', "declaration"),
        (b"<!-- a --><!ENTITY x 'y'>", "declaration"),
        ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x><x/>'.encode("utf-16"), "declaration"),
        (b'<?xml version="1.0"?><!-', "unfinished"),
        (b"<?xml version", "unfinished"),
        (b"\x89PNG\r\n", "not_xml"),
    ],
)
def test_xml_prolog_verdict(head: bytes, verdict: str) -> None:
    assert xml_prolog_verdict(head) == verdict


def test_chart_only_workbook_has_no_sheets() -> None:
    assert refusal("diagram.xlsx", hostile.chart_only_xlsx()).key == "read.no_sheets"


def test_workbook_without_any_cells_is_empty() -> None:
    assert refusal("tom.xlsx", hostile.workbook_with_empty_sheet()).key == "read.empty"


def test_binary_junk_in_a_csv_is_refused() -> None:
    assert refusal("kontakter.csv", hostile.binary_junk_csv()).key == "read.not_spreadsheet"


# --- the child process: crashes, hangs, huge sheets ------------------------------------------------


@pytest.mark.slow
def test_huge_declared_dimension_gives_data_not_a_crash() -> None:
    workbook = read_upload("kaempe.xlsx", hostile.huge_dimension_xlsx())
    sheet = workbook.sheets[0]
    assert sheet.rows == [["Navn"]]
    assert sheet.truncated is True
    assert sheet.total_rows == 1_048_576
    assert (
        "read.notice.rows_capped",
        {"sheet": "Ark1", "kept": 200_000, "total": 1_048_576},
    ) in workbook.notices


@pytest.mark.slow
def test_far_away_cell_that_kills_calamine_falls_back_to_streaming() -> None:
    cores_before = set(PROJECT_ROOT.glob("core*"))
    workbook = read_upload("kaempe.xlsx", hostile.far_cell_xlsx())
    sheet = workbook.sheets[0]
    assert sheet.rows == [["Navn", "Email"], ["Søren", "s@example.dk"]]
    assert sheet.truncated is True and sheet.total_rows == 1_048_576
    assert set(PROJECT_ROOT.glob("core*")) == cores_before
    assert no_children_left()


def test_very_wide_row_is_cut_at_the_column_limit() -> None:
    workbook = read_upload("bred.xlsx", hostile.wide_row_xlsx(), SMALL)
    assert workbook.sheets[0].rows == [["Navn"]]
    assert ("read.notice.columns_capped", {"sheet": "Ark1", "kept": 50, "total": 16_384}) in workbook.notices


def test_parse_that_takes_too_long_is_stopped_with_a_timeout() -> None:
    error = refusal("kontakter.xlsx", hostile.title_rows_xlsx(), ImportLimits(parse_seconds=0.01))
    assert error.key == "read.timeout"
    assert no_children_left()


def test_child_out_of_memory_is_a_clear_refusal_not_a_crash() -> None:
    limits = ImportLimits(parse_memory_bytes=16 * 1024 * 1024)
    assert refusal("kontakter.xlsx", hostile.title_rows_xlsx(), limits).key == "read.crashed"
    assert no_children_left()


def test_child_answer_cannot_smuggle_code() -> None:
    class Evil:
        def __reduce__(self):
            return (os.system, ("echo pwned",))

    with pytest.raises(pickle.UnpicklingError):
        _RestrictedUnpickler(io.BytesIO(pickle.dumps({"status": "ok", "x": Evil()}))).load()
    moments = [dt.datetime(2024, 1, 2, 3, 4), dt.date(2024, 1, 2), dt.time(13, 30)]
    assert _RestrictedUnpickler(io.BytesIO(pickle.dumps(moments))).load() == moments


def test_reading_works_from_another_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PYTHONPATH", raising=False)
    workbook = read_upload("kontakter.csv", hostile.danish_cp1252_csv())
    assert workbook.sheets[0].rows[1][0] == "Søren Ærø"


def test_child_fast_path_loads_no_heavy_modules() -> None:
    # The fast path must start quickly: no pandas, streamlit, numpy, or even openpyxl (the fallback).
    requests = [
        {"kind": "xlsx", "data": hostile.title_rows_xlsx(), "encoding": None},
        {"kind": "csv", "data": hostile.utf8_bom_csv(), "encoding": "utf-8-sig"},
        {"kind": "xls", "data": hostile.danish_xls(), "encoding": None},
    ]
    code = (
        "import sys, pickle\n"
        "from lib.ingest import parse_worker\n"
        "for request in pickle.load(sys.stdin.buffer):\n"
        "    assert parse_worker.handle(request)['status'] == 'ok'\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    limits = _limits_dict(DEFAULT_LIMITS)
    payload = pickle.dumps([{**request, "mode": "fast", "limits": limits} for request in requests])
    out = subprocess.run([sys.executable, "-c", code], input=payload, cwd=PROJECT_ROOT, capture_output=True, timeout=60)
    assert out.returncode == 0, out.stderr.decode()
    loaded = set(out.stdout.decode().split())
    assert "python_calamine" in loaded
    assert not loaded & {"pandas", "streamlit", "numpy", "openpyxl"}


def test_lib_never_imports_streamlit() -> None:
    for name in ("ingest/safe_read.py", *CHECK_MODULES, "ingest/parse_worker.py", "core/translations/safe_read.py"):
        source = (PROJECT_ROOT / "lib" / name).read_text(encoding="utf-8")
        assert not re.search(r"^\s*(import|from)\s+(streamlit|pandas)\b", source, re.MULTILINE), name


# --- rows, caps, formulas, macros, hidden sheets ---------------------------------------------------


def test_row_cap_keeps_the_first_rows_and_reports_the_total() -> None:
    workbook = read_upload("mange.xlsx", hostile.many_rows_xlsx(5000, 3), SMALL)
    sheet = workbook.sheets[0]
    assert len(sheet.rows) == 1000
    assert sheet.rows[0] == ["Kolonne A", "Kolonne B", "Kolonne C"]
    assert sheet.rows[999] == [999, "v1000B", "v1000C"]
    assert sheet.truncated is True and sheet.total_rows == 5001
    assert ("read.notice.rows_capped", {"sheet": "Data", "kept": 1000, "total": 5001}) in workbook.notices


def test_sheet_within_the_cap_is_not_truncated() -> None:
    sheet = read_upload("faa.xlsx", hostile.many_rows_xlsx(999, 2), SMALL).sheets[0]
    assert len(sheet.rows) == 1000 and sheet.total_rows == 1000 and sheet.truncated is False


@pytest.mark.parametrize("mode", ["fast", "stream"])
@pytest.mark.parametrize(
    ("kind", "make", "total"), [("xlsx", hostile.title_rows_xlsx, 8), ("xls", hostile.danish_xls, 5)]
)
def test_both_parsers_cap_rows_alike(mode: str, kind: str, make, total: int) -> None:
    limits = ImportLimits(max_rows_per_sheet=2)
    request = {"kind": kind, "data": make(), "encoding": None, "limits": _limits_dict(limits), "mode": mode}
    first = run_worker(request, limits)["sheets"][0]
    rows = answer_rows(first)
    assert len(rows) == 1 and rows[0][0].startswith("Partner")
    assert first["truncated"] is True and first["total_rows"] == total


def test_csv_with_too_many_columns_is_cut() -> None:
    text = ";".join(f"k{i}" for i in range(80)) + "\n" + ";".join(str(i) for i in range(80)) + "\n"
    workbook = read_upload("bred.csv", text.encode(), SMALL)
    assert workbook.sheets[0].rows[1] == [str(i) for i in range(50)]
    assert ("read.notice.columns_capped", {"sheet": "bred", "kept": 50, "total": 80}) in workbook.notices


@pytest.mark.slow
def test_million_row_sheet_is_capped_at_the_default_limit() -> None:
    data = hostile.many_rows_xlsx(1_000_000, 2)
    workbook = read_upload("million.xlsx", data)
    sheet = workbook.sheets[0]
    assert len(sheet.rows) == DEFAULT_LIMITS.max_rows_per_sheet
    assert sheet.rows[-1] == [199_999, "v200000B"]
    assert sheet.total_rows == 1_000_001 and sheet.truncated is True
    assert "read.notice.rows_capped" in notice_keys(workbook)


def test_formulas_without_cached_values_are_located() -> None:
    workbook = read_upload("budget.xlsx", hostile.formulas_without_values_xlsx())
    sheet = workbook.sheets[0]
    assert sheet.formulas_without_value == [(1, 2), (2, 2), (3, 2), (5, 1)]
    assert sheet.rows[1] == ["Leje", 1200]
    assert ("read.notice.formulas_without_values", {"sheet": "Budget", "count": 4}) in workbook.notices


def test_xlsm_macros_are_flagged_and_ignored() -> None:
    workbook = read_upload("makro.xlsm", hostile.xlsm_with_macros())
    assert workbook.kind == "xlsm" and workbook.has_macros is True
    assert workbook.sheets[0].rows == [["Navn", "Telefon"], ["Åse", 12345678]]
    assert "read.notice.macros_ignored" in notice_keys(workbook)


def test_xlsx_carrying_a_vba_project_is_flagged_too() -> None:
    workbook = read_upload("uskyldig.xlsx", hostile.xlsx_with_vba_part())
    assert workbook.has_macros is True and workbook.kind == "xlsm"


def test_hidden_sheets_are_kept_and_marked() -> None:
    workbook = read_upload("kontakter.xlsx", hostile.hidden_sheets_xlsx())
    assert [(s.name, s.hidden) for s in workbook.sheets] == [
        ("Kontakter", False),
        ("Opslag", True),
        ("Intern", True),
    ]
    assert workbook.sheets[1].rows == [["kode", "betydning"]]


def test_title_rows_merged_header_and_values_are_faithful() -> None:
    workbook = read_upload("partnere.xlsx", hostile.title_rows_xlsx())
    assert workbook.kind == "xlsx" and workbook.notices == []
    sheet = workbook.sheets[0]
    assert sheet.rows[0] == ["Partnerliste – Kulturhuset 2024"]
    assert sheet.rows[1] == []
    assert sheet.rows[2] == ["Kontakt", None, "Organisation"]
    assert sheet.rows[3] == ["Navn", "E-mail", "Navn", "Type", "Siden"]
    assert sheet.rows[4] == [
        "Søren Ærø",
        "soren@example.dk",
        "Kulturhuset Ågade",
        "Kultur",
        dt.date(2021, 5, 3),
    ]
    assert sheet.rows[5][0] == "  Åse Øberg "
    assert sheet.rows[5][4] == dt.datetime(2023, 1, 9, 14, 30)
    assert sheet.rows[6] == []
    assert sheet.rows[7] == ["Bo", 12345678, None, True, 2.5]
    assert len(sheet.rows) == 8 and sheet.total_rows == 8
    assert sorted(sheet.merged) == [(0, 0, 0, 3), (2, 0, 2, 1), (2, 2, 2, 3)]


@pytest.mark.parametrize("mode", ["fast", "stream"])
def test_both_parsers_read_the_same_values(mode: str) -> None:
    request = {
        "kind": "xlsx",
        "data": hostile.title_rows_xlsx(),
        "encoding": None,
        "limits": _limits_dict(DEFAULT_LIMITS),
    }
    answer = run_worker({**request, "mode": mode}, DEFAULT_LIMITS)
    rows = answer_rows(answer["sheets"][0])
    assert rows[4][:4] == ["Søren Ærø", "soren@example.dk", "Kulturhuset Ågade", "Kultur"]
    assert rows[7] == ["Bo", 12345678, None, True, 2.5]
    assert sorted(answer["sheets"][0]["merged"]) == [(0, 0, 0, 3), (2, 0, 2, 1), (2, 2, 2, 3)]


@pytest.mark.parametrize("mode", ["fast", "stream"])
def test_old_xls_is_read_with_merges_dates_and_hidden_sheets(mode: str) -> None:
    request = {
        "kind": "xls",
        "data": hostile.danish_xls(),
        "encoding": None,
        "limits": _limits_dict(DEFAULT_LIMITS),
    }
    answer = run_worker({**request, "mode": mode}, DEFAULT_LIMITS)
    first, second = answer["sheets"]
    rows = answer_rows(first)
    assert rows[0] == ["Partnere 2024"]
    assert rows[3] == ["Søren Ærø", dt.date(2024, 3, 1), 7]
    assert rows[4] == ["Åse Øberg", dt.date(2023, 12, 24), 2.5]
    assert first["merged"] == [(0, 0, 0, 2)]
    assert (first["hidden"], second["hidden"]) == (False, True)


def test_xls_upload_reports_kind() -> None:
    workbook = read_upload("partnere.xls", hostile.danish_xls())
    assert workbook.kind == "xls" and workbook.notices == []
    assert [s.name for s in workbook.sheets] == ["Kontakter", "Noter"]


# --- mislabelled files -----------------------------------------------------------------------------


def test_csv_saved_as_xlsx_is_read_as_csv_with_a_notice() -> None:
    workbook = read_upload("kontakter.xlsx", hostile.csv_as_xlsx())
    assert workbook.kind == "csv"
    assert workbook.sheets[0].rows[1] == ["Søren Ærø", "soren@example.dk", "12 34 56 78"]
    assert ("read.notice.read_as_csv", {"extension": "xlsx"}) in workbook.notices


def test_old_xls_named_xlsx_is_read_as_xls_with_a_notice() -> None:
    workbook = read_upload("kontakter.xlsx", hostile.xls_as_xlsx())
    assert workbook.kind == "xls"
    assert workbook.sheets[0].rows[3][0] == "Søren Ærø"
    assert ("read.notice.read_as_xls", {"extension": "xlsx"}) in workbook.notices


def test_xlsx_named_csv_is_read_as_xlsx_with_a_notice() -> None:
    workbook = read_upload("kontakter.csv", hostile.title_rows_xlsx())
    assert workbook.kind == "xlsx"
    assert ("read.notice.read_as_xlsx", {"extension": "csv"}) in workbook.notices


# --- CSV and text ----------------------------------------------------------------------------------


def test_danish_cp1252_semicolon_csv() -> None:
    workbook = read_upload("kontakter.csv", hostile.danish_cp1252_csv())
    sheet = workbook.sheets[0]
    assert sheet.name == "kontakter" and workbook.kind == "csv"
    assert sheet.rows == [
        ["Navn", "Organisation", "E-mail", "Beløb"],
        ["Søren Ærø", "Kulturhuset Ågade", "soren@example.dk", "1.234,50"],
        ["Hansen; Åse", 'Fritidsklubben "Øen"', "ase@example.dk", "12,5"],
        [],
        ["Bjørn"],
    ]
    assert ("read.notice.encoding", {"encoding": "Windows-1252"}) in workbook.notices


@pytest.mark.parametrize("with_bom", [True, False])
def test_outlook_utf16_tab_export(with_bom: bool) -> None:
    workbook = read_upload("outlook.txt", hostile.outlook_utf16_tab_csv(with_bom))
    assert workbook.sheets[0].rows == [
        ["Fornavn", "Efternavn", "Firma", "Mailadresse"],
        ["Åse", "Østergård", "Bibliotekernes Hus", "ase@example.dk"],
        ["Jens", "Krøyer", None, "jens@example.dk"],
    ]
    assert "read.notice.encoding" not in notice_keys(workbook)


def test_utf8_bom_csv_with_a_multiline_field() -> None:
    sheet = read_upload("noter.csv", hostile.utf8_bom_csv()).sheets[0]
    assert sheet.rows[0] == ["Navn", "Noter", "By"]
    assert sheet.rows[1] == ["Mette Ørsted", "Første møde, april\nOpfølgning i maj", "Århus"]
    assert sheet.rows[2] == ["Per", None, "Ålborg"]


def test_excel_separator_line_sets_the_delimiter_and_is_dropped() -> None:
    assert read_upload("by.csv", hostile.excel_separator_line_csv()).sheets[0].rows == [
        ["Navn", "By"],
        ["Karin", "Køge"],
    ]


def test_csv_row_cap() -> None:
    text = "Navn;Nr\n" + "".join(f"Person {i};{i}\n" for i in range(2500))
    workbook = read_upload("mange.csv", text.encode(), SMALL)
    sheet = workbook.sheets[0]
    assert len(sheet.rows) == 1000 and sheet.rows[999] == ["Person 998", "998"]
    assert sheet.truncated and sheet.total_rows == 2501


@pytest.mark.parametrize(
    ("sample", "delimiter"),
    [
        ("Navn;Beløb\nSøren;1,5\nÅse;2,75\n", ";"),
        ("name,amount\nann,1.5\nbo,2\n", ","),
        ("a\tb\tc\n1\t2\t3\n", "\t"),
        ('"x;y",b\n"1;2",c\n', ","),
        ("kun én kolonne\nanden linje\n", ","),
        ('Navn;Noter\nA;"linje 1\nlinje, 2, 3"\nB;kort\n', ";"),
    ],
)
def test_delimiter_sniffing(sample: str, delimiter: str) -> None:
    assert parse_worker.sniff_delimiter(sample, complete=True) == delimiter


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("Søren".encode(), "Søren", "utf-8"),
        ("Søren".encode("cp1252"), "Søren", "cp1252"),
        ("Søren;Ærø".encode("utf-16"), "Søren;Ærø", "utf-16-le"),
        ("Søren;Ærø".encode("utf-16-be"), "Søren;Ærø", "utf-16-be"),
        (b"\xef\xbb\xbfS\xc3\xb8ren", "Søren", "utf-8-sig"),
        (b"caf\x81 \xe6", "caf\x81 æ", "latin-1"),
    ],
)
def test_text_decoding(data: bytes, text: str, encoding: str) -> None:
    assert detect_text_encoding(data) == encoding
    assert parse_worker.decode_with(data, encoding) == text


def test_encoding_is_judged_on_the_whole_file_not_its_start() -> None:
    # One æ in Windows-1252 after two megabytes of ASCII still makes the file cp1252.
    data = b"navn;by\r\n" * 200_000 + "Søren;Ærø\r\n".encode("cp1252")
    assert detect_text_encoding(data) == "cp1252"
    assert parse_worker.decode_with(data, "cp1252").endswith("Søren;Ærø\r\n")


@pytest.mark.parametrize(
    ("name", "extension"),
    [
        ("a.XLSX", "xlsx"),
        ("C:\\Users\\x\\liste.csv", "csv"),
        ("README", ""),
        (".bashrc", ""),
        ("a.tar.gz", "gz"),
    ],
)
def test_file_extension(name: str, extension: str) -> None:
    assert file_extension(name) == extension


def test_cell_values_follow_the_contract() -> None:
    assert parse_worker.clean_row(
        ["", "x ", 3.0, 2.5, True, dt.timedelta(hours=1, minutes=30), dt.timedelta(hours=30)]
    ) == [
        None,
        "x ",
        3,
        2.5,
        True,
        dt.time(1, 30),
        "30:00:00",
    ]


# --- the byte scan of sheet XML --------------------------------------------------------------------


def _scan_fixture(cells: list[tuple[int, bool, bool]], prefix: str) -> tuple[bytes, list[tuple[int, int]]]:
    """Sheet XML with one formula cell per row; (padding, has_value, text_result) per row."""
    p = f"{prefix}:" if prefix else ""
    ns = f' xmlns:{prefix}="{hostile.MAIN_NS}"' if prefix else f' xmlns="{hostile.MAIN_NS}"'
    rows, expected = [], []
    for index, (padding, has_value, text_result) in enumerate(cells):
        t = ' t="str"' if text_result else ""
        value = f"<{p}v>{index}</{p}v>" if has_value else (f"<{p}v></{p}v>" if index % 2 else "")
        filler = f'<{p}c r="A{index + 1}" t="inlineStr"><{p}is><{p}t>{"x" * padding}</{p}t></{p}is></{p}c>'
        formula = f'<{p}c r="C{index + 1}"{t}><{p}f>A1&amp;"&lt;f&gt;"</{p}f>{value}</{p}c>'
        rows.append(f'<{p}row r="{index + 1}">{filler}{formula}</{p}row>')
        if not has_value and not (text_result and index % 2):
            expected.append((index, 2))
    xml = f'<?xml version="1.0"?><{p}worksheet{ns}><{p}dimension ref="A1:C{len(cells)}"/>'
    xml += f"<{p}sheetData>{''.join(rows)}</{p}sheetData>"
    xml += f'<{p}mergeCells><{p}mergeCell ref="A1:B2"/></{p}mergeCells></{p}worksheet>'
    return xml.encode(), expected


@settings(max_examples=40, deadline=None)
@given(
    cells=st.lists(st.tuples(st.integers(0, 300), st.booleans(), st.booleans()), min_size=1, max_size=60),
    chunk=st.integers(1, 3000),
    prefix=st.sampled_from(["", "x"]),
)
@pytest.mark.slow
def test_formula_scan_is_exact_across_chunk_boundaries(cells, chunk: int, prefix: str) -> None:
    xml, expected = _scan_fixture(cells, prefix)
    original = (
        sheet_xml_scan.SCAN_CHUNK_BYTES,
        sheet_xml_scan.SCAN_OVERLAP_BYTES,
        sheet_xml_scan.SCAN_LOOKBACK_BYTES,
    )
    sheet_xml_scan.SCAN_CHUNK_BYTES, sheet_xml_scan.SCAN_OVERLAP_BYTES, sheet_xml_scan.SCAN_LOOKBACK_BYTES = (
        chunk,
        700,
        400,
    )
    try:
        scan = sheet_xml_scan.scan_sheet_xml(io.BytesIO(xml))
    finally:
        sheet_xml_scan.SCAN_CHUNK_BYTES, sheet_xml_scan.SCAN_OVERLAP_BYTES, sheet_xml_scan.SCAN_LOOKBACK_BYTES = (
            original
        )
    assert scan.formulas_without_value == expected
    assert scan.formulas_without_value_count == len(expected)
    assert scan.merged == [(0, 0, 1, 1)]
    assert scan.dimension == (len(cells), 3)
    assert scan.last_row == len(cells)


def test_cell_positions() -> None:
    assert parse_worker.cell_position("B3") == (2, 1)
    assert parse_worker.column_index("XFD") == 16383
    assert parse_worker.column_index("AA") == 26


# --- messages ----------------------------------------------------------------------------------------


def _keys_used_in_code() -> set[str]:
    source = "".join(
        (PROJECT_ROOT / "lib" / name).read_text(encoding="utf-8")
        for name in ("ingest/safe_read.py", *CHECK_MODULES, "ingest/parse_worker.py")
    )
    return set(re.findall(r"\"(read\.[a-z_.]+)\"", source))


def test_every_key_in_the_code_has_both_languages() -> None:
    used = _keys_used_in_code()
    assert len(used) > 20
    for key in used:
        assert key in ALL_TEXTS, key
        assert ALL_TEXTS[key]["da"].strip() and ALL_TEXTS[key]["en"].strip(), key


def test_placeholders_match_between_languages() -> None:
    for key, texts in TEXTS.items():
        assert key.startswith("read."), key
        assert set(texts) == {"da", "en"}, key
        assert set(re.findall(r"{(\w+)}", texts["da"])) == set(re.findall(r"{(\w+)}", texts["en"])), key


def test_notice_params_fill_every_placeholder() -> None:
    from lib.core.i18n import t

    workbook = read_upload("mange.xlsx", hostile.many_rows_xlsx(1500, 2), SMALL)
    for key, params in workbook.notices:
        for lang in ("da", "en"):
            assert "{" not in t(key, lang, **params)
    assert "1.000" in t(*workbook.notices[0][:1], "da", **workbook.notices[0][1])
