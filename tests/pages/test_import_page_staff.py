"""The import page points out a column of staff names it does not use, and the mapping grid names the
field that makes the ties (the newcomer's "Kontakter 2026.xlsx", with a header the page does not know)."""

from __future__ import annotations

from functools import partial

from streamlit.testing.v1 import AppTest

from lib.db import Database
from tests import apptest_support
from tests.ingest.test_walk_import import contacts_file

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
page = partial(apptest_support.run_page, "../pages/importer.py")


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_an_unused_column_of_staff_names_is_asked_about_and_mapping_it_gives_the_ties(db: Database) -> None:
    at = page()
    at.file_uploader[0].set_value(("Kontakter 2026.xlsx", contacts_file("Kollega"), XLSX_MIME))
    at.run()
    assert not at.exception
    assert metric(at, "Relationer") == "0"
    asked = [w.value for w in at.warning if "Kollega" in w.value]
    assert asked and "ligner bibliotekets medarbejdere" in asked[0] and "Ansvarlig medarbejder" in asked[0]
    # With no staff column, the contact dates have no tie to belong to: the page says they are not stored.
    assert [w for w in at.warning if "Datoerne i kolonnen »Sidst kontaktet«" in w.value and "gemmes ikke" in w.value]

    editors = [df for df in at.dataframe if df.editing_mode != "read_only"]
    editor = next(df for df in editors if "Kollega" in list(df.value.iloc[:, 0]))
    column = list(editor.value.iloc[:, 0]).index("Kollega")
    at.session_state[editor.key] = {
        "edited_rows": {column: {"Gemmes som": "Ansvarlig medarbejder (kollegaen, der kender kontakten)"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception
    assert metric(at, "Relationer") == "7"
    assert not [w for w in at.warning if "Kollega" in w.value or "gemmes ikke" in w.value]
