"""The import page driven like a user would: upload, read the preview, import, undo, bad files."""

from __future__ import annotations

from functools import partial

from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from lib.db import Database, ImportBatch, Person
from tests import apptest_support
from tests.hostile_files import random_bytes, zip_bomb
from tests.sheets import MESSY_DANISH, STAFF, csv_text, outlook_da_rows, xlsx

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
page = partial(apptest_support.run_page, "../pages/importer.py")


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def people(db: Database) -> list[str]:
    with db.read() as session:
        return sorted(p.name for p in session.scalars(select(Person)))


def test_upload_preview_commit_and_undo(db: Database) -> None:
    at = page()
    at.file_uploader[0].set_value(
        [
            ("staff.xlsx", xlsx({"Personale": STAFF}), XLSX_MIME),
            ("kontakter.xlsx", xlsx({"Kontakter": MESSY_DANISH}), XLSX_MIME),
        ]
    )
    at.run()
    assert not at.exception
    assert metric(at, "Rækker læst") == "7"
    assert metric(at, "Nye") == "6"  # "Ukendt Person" is kept; only the unreadable e-mail is left out
    assert metric(at, "Afvist") == "0"
    assert metric(at, "Sprunget over") == "1"
    assert people(db) == []  # the preview stores nothing
    problems = [df.value for df in at.dataframe if "Besked" in df.value.columns]
    assert problems and "ikke-en-email" in " ".join(problems[0]["Besked"])

    at.button(key="imp_commit").click()
    at.run()
    assert not at.exception
    assert any("import nr. 1" in s.value for s in at.success)
    assert people(db) == [
        "Anne Møller",
        "Jens Hansen",
        "Kirsten Hansen",
        "Mette Bibliotekar",
        "Søren Ærø",
        "Ukendt Person",
    ]

    at.button(key="imp_undo_last").click()
    at.run()
    assert not at.exception
    assert people(db) == []
    with db.read() as session:
        assert session.scalars(select(ImportBatch)).one().status == "undone"


def test_outlook_export_through_the_page(db: Database) -> None:
    at = page()
    at.file_uploader[0].set_value(("contacts.csv", csv_text(outlook_da_rows()).encode("cp1252"), "text/csv"))
    at.run()
    assert metric(at, "Nye") == "2"
    at.button(key="imp_commit").click()
    at.run()
    assert people(db) == ["Bo Kim Jørgensen", "Lise Østergård"]


def test_hostile_files_are_refused_with_a_message_and_nothing_stored(db: Database) -> None:
    at = page()
    at.file_uploader[0].set_value([("bomb.xlsx", zip_bomb(), XLSX_MIME), ("junk.xlsx", random_bytes(), XLSX_MIME)])
    at.run()
    assert not at.exception
    messages = " ".join(e.value for e in at.error)
    assert "bomb.xlsx" in messages and "junk.xlsx" in messages
    assert not [b for b in at.button if b.key == "imp_commit"]
    assert people(db) == []


def test_correcting_a_mapping_on_the_page_is_used_and_remembered(db: Database) -> None:
    at = page()
    data = xlsx({"K": [["Navn", "E-mail", "Kaldenavn"], ["Jens Hansen", "jens@x.dk", "Formand"]]})
    at.file_uploader[0].set_value(("k.xlsx", data, XLSX_MIME))
    at.run()
    editor = next(df for df in at.dataframe if df.editing_mode != "read_only")
    at.session_state[editor.key] = {
        "edited_rows": {2: {"Gemmes som": "Stilling"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    at.button(key="imp_commit").click()
    at.run()
    with db.read() as session:
        assert session.scalars(select(Person)).one().title == "Formand"


def test_the_page_speaks_english(db: Database) -> None:
    at = page("en")
    assert at.title[0].value == "Import contact lists"


def test_after_a_file_that_kills_a_parser_the_page_still_imports(db: Database) -> None:
    from tests.hostile_files import billion_laughs_xlsx, huge_dimension_xlsx

    at = page()
    at.file_uploader[0].set_value(
        [("huge.xlsx", huge_dimension_xlsx(), XLSX_MIME), ("laughs.xlsx", billion_laughs_xlsx(), XLSX_MIME)]
    )
    at.run()
    assert not at.exception
    assert any("laughs.xlsx" in e.value for e in at.error)
    at.file_uploader[0].set_value(
        ("k.xlsx", xlsx({"K": [["Navn", "E-mail"], ["Jens Hansen", "jens@x.dk"]]}), XLSX_MIME)
    )
    at.run()
    at.button(key="imp_commit").click()
    at.run()
    assert not at.exception
    assert people(db) == ["Jens Hansen"]
