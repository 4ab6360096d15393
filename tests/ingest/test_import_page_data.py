"""The import page's read and tables (lib.ingest.import_page), without Streamlit."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from lib.core.access import AccessDenied, Principal
from lib.core.config import DEFAULT_LIMITS
from lib.core.errors import UserFacingError
from lib.db import Database
from lib.ingest.contact_lists import error_report_xlsx, for_session, prepare_file, run_import, undo_import
from lib.ingest.import_page import (
    BatchSummary,
    batch_label,
    batch_rows,
    column_examples,
    import_page_data,
    import_report_xlsx,
    listing,
    named_words,
    outcome_rows,
    preview_fingerprint,
    referenced_summary,
)
from tests.sheets import xlsx

CONTACTS = [
    ["Navn", "E-mail", "Organisation"],
    ["Jens Hansen", "jens@x.dk", "Aarhus Kommune"],
    ["Mette Holm", "mette@x.dk", "Aarhus Kommune"],
    ["", "ikke-en-email", ""],
]
COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def sheets(db: Database, name: str = "kontakter.xlsx", rows: list[list[str]] | None = None) -> list:
    prepared = prepare_file(db, name, xlsx({"Kontakter": rows or CONTACTS}))
    assert prepared.error is None
    return prepared.sheets


def test_an_empty_workspace_has_no_history_and_opens_the_examples(db: Database) -> None:
    data = import_page_data(db)
    assert data.workspace_empty is True
    assert data.batches == () and data.undoable == ()
    assert data.zone == COPENHAGEN


def test_the_history_lists_imports_newest_first_and_only_stored_ones_can_be_undone(db: Database) -> None:
    first = run_import(db, sheets(db), commit=True)
    second = run_import(db, sheets(db, "flere.xlsx", [["Navn", "E-mail"], ["Lone Bech", "lone@x.dk"]]), commit=True)
    undo_import(db, second.batch_id)

    data = import_page_data(db)
    assert data.workspace_empty is False
    assert [(b.id, b.file_name, b.status) for b in data.batches] == [
        (second.batch_id, "flere.xlsx", "undone"),
        (first.batch_id, "kontakter.xlsx", "committed"),
    ]
    assert [b.id for b in data.undoable] == [first.batch_id]
    assert (data.batches[1].counts["rows"], data.batches[1].counts["inserted"]) == (3, 2)


def test_a_viewer_may_not_read_the_import_history(db: Database) -> None:
    with pytest.raises(AccessDenied):
        import_page_data(db.acting_as(Principal(email="udvalg@kommune.dk", role="viewer")))


def test_the_history_table_shows_local_time_status_and_counts_in_the_users_language() -> None:
    batch = BatchSummary(
        id=3,
        created_at=dt.datetime(2026, 6, 1, 18, 44),  # stored in UTC: 20:44 in Copenhagen in summer
        file_name="kontakter.xlsx",
        status="undone",
        counts={"rows": 7, "inserted": 5, "updated": 0, "unchanged": 0, "rejected": 1, "skipped": 1},
    )
    [danish] = batch_rows([batch], "da", COPENHAGEN)
    assert danish == {
        "#": 3,
        "Tidspunkt": "01-06-2026 20:44",
        "Fil": "kontakter.xlsx",
        "Status": "Fortrudt",
        "Rækker læst": 7,
        "Nye": 5,
        "Opdateret": 0,
        "Uændret": 0,
        "Afvist": 1,
        "Sprunget over": 1,
    }
    [english] = batch_rows([batch], "en", COPENHAGEN)
    assert english["When"] == "2026-06-01 20:44" and english["Status"] == "Undone"
    assert batch_label(batch) == "#3 · kontakter.xlsx"


def test_the_rows_table_shows_only_the_chosen_outcomes(db: Database) -> None:
    preview = run_import(db, sheets(db), commit=False)
    every = outcome_rows(preview, "da", ["inserted", "rejected"])
    assert [(row["Række"], row["Resultat"]) for row in every] == [(2, "Nye"), (3, "Nye"), (4, "Afvist")]
    assert [row["Post"] for row in outcome_rows(preview, "da", ["inserted"])] == ["Jens Hansen", "Mette Holm"]
    assert outcome_rows(preview, "da", []) == []


def test_the_mapping_editor_shows_the_first_values_of_each_column_shortened(db: Database) -> None:
    long_name = "Et meget langt navn på en organisation, der bliver ved og ved"
    rows = [["Navn", "Organisation", "Noter"]] + [[f"Person {n}", long_name if n == 1 else "", ""] for n in range(5)]
    [sheet] = sheets(db, rows=rows)
    examples = column_examples(sheet)
    assert examples[0] == "Person 0 · Person 1 · Person 2"  # three values, no more
    assert examples[1] == long_name[:40]
    assert examples[2] == ""


def test_a_listing_reads_as_a_sentence() -> None:
    assert listing([], "da") == ""
    assert listing(["2 personer"], "da") == "2 personer"
    assert listing(["2 personer", "1 organisation"], "da") == "2 personer og 1 organisation"
    assert listing(["a", "b", "c"], "en") == "a, b and c"


def test_the_preview_is_made_again_exactly_when_a_choice_changes(db: Database) -> None:
    chosen = sheets(db)
    before = preview_fingerprint(chosen, {})
    assert preview_fingerprint(chosen, {}) == before
    chosen[0].mapping = [chosen[0].mapping[0], None, *chosen[0].mapping[2:]]
    changed_mapping = preview_fingerprint(chosen, {})
    assert changed_mapping != before
    assert preview_fingerprint(chosen, {"sector": {"kultur": "culture"}}) != changed_mapping


def test_what_rows_name_is_told_in_one_sentence_leaving_out_what_is_not_created() -> None:
    assert referenced_summary({"staff": 2, "people": 0, "organisations": 1}, "da") == "2 medarbejdere og 1 organisation"
    assert referenced_summary({"people": 1}, "en") == "1 person"
    assert referenced_summary({"people": 0}, "da") == referenced_summary(None, "da") == ""


def test_the_preview_names_the_first_eight_unknown_words_and_says_there_are_more() -> None:
    words = [f"ord{n}" for n in range(1, 11)]
    assert named_words(words[:8], "da") == "ord1, ord2, ord3, ord4, ord5, ord6, ord7, ord8"
    assert named_words(words, "da") == "ord1, ord2, ord3, ord4, ord5, ord6, ord7, ord8, …"


def test_the_report_still_lists_the_problems_the_page_holds_when_the_full_list_expired(db: Database) -> None:
    rows = [*CONTACTS, ["", "heller-ikke-en-email", ""]]
    limits = dataclasses.replace(DEFAULT_LIMITS, preview_rows=1)  # the page holds one problem, the disk both
    kept = for_session(run_import(db, sheets(db, rows=rows), commit=False), limits)
    assert "heller-ikke-en-email" in all_sheets(import_report_xlsx(kept, "da"))
    kept.discard()  # the full list on disk is gone, as after a long pause
    with pytest.raises(UserFacingError):
        error_report_xlsx(kept, "da")
    shown = all_sheets(import_report_xlsx(kept, "da"))
    assert "ikke-en-email" in shown and "heller-ikke-en-email" not in shown


def all_sheets(workbook: bytes) -> str:
    frames = pd.read_excel(io.BytesIO(workbook), sheet_name=None, engine="openpyxl")
    return " ".join(frame.to_string() for frame in frames.values())
