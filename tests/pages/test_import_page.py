"""The import page driven like a user would: upload, read the preview, import, undo, bad files."""

from __future__ import annotations

from functools import partial

from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from lib.db import Database, ImportBatch, Person
from lib.ingest.contact_lists import prepare_file, run_import
from tests import apptest_support
from tests.apptest_support import rerun
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
    # The skipped row is the blank one between the contacts: it has no line on the row list, so it is named.
    assert "1 tom række mellem kontakterne er talt med som sprunget over og står ikke på listen." in [
        c.value for c in at.caption
    ]
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


def download_labels(at: AppTest) -> list[str]:
    return [button.proto.label for button in at.get("download_button")]


def test_the_same_columns_again_are_set_up_as_last_time_and_a_clean_file_has_no_problem_report(
    db: Database,
) -> None:
    at = page()
    clean = xlsx({"K": [["Navn", "E-mail"], ["Jens Hansen", "jens@x.dk"]]})
    at.file_uploader[0].set_value(("k.xlsx", clean, XLSX_MIME))
    at.run()
    assert "Hent fejlrapport (Excel)" not in download_labels(at)  # no problems: no report to fetch
    at.button(key="imp_commit").click()
    at.run()
    again = xlsx({"K": [["Navn", "E-mail"], ["Karen Holm", "ikke-en-email"]]})
    at = page()
    at.file_uploader[0].set_value(("k2.xlsx", again, XLSX_MIME))
    at.run()
    assert "Kolonnerne er sat op som sidst, du importerede en fil med de samme kolonner." in [
        s.value for s in at.success
    ]
    assert "Hent fejlrapport (Excel)" in download_labels(at)  # the unreadable e-mail is a problem


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


# --- the one undo flow (components.importer.undo_flow) -------------------------------------------------

#: The note every undo's confirmation shows.
NOTE = "Fortrydelsen afvises, hvis nogen har ændret eller brugt posterne siden; så ændres intet."
CONFIRM = "Ja, fjern alt, hvad denne import tilføjede, og sæt ændrede poster tilbage"


def confirmation(at: AppTest, button_key: str) -> tuple[str, list[str], str]:
    """The undo's confirmation that holds the button ``button_key``: the label of the button that opens
    it, its captions and the label of the button that undoes."""
    for popover in at.get("popover"):
        buttons = [child for child in popover.children.values() if getattr(child, "key", None) == button_key]
        if buttons:
            captions = [child.value for child in popover.children.values() if child.type == "caption"]
            return popover.proto.popover.label, captions, buttons[0].label
    raise AssertionError(f"no confirmation holds {button_key}")


def import_file(db: Database, name: str, rows: list[list[str]], **settings: str) -> int:
    prepared = prepare_file(db, name, xlsx({"Ark": rows}))
    for sheet in prepared.sheets:
        for setting, value in settings.items():
            setattr(sheet, setting, value)
    batch_id = run_import(db, prepared.sheets, commit=True).batch_id
    assert batch_id is not None
    return batch_id


def test_the_last_import_and_a_chosen_one_are_undone_after_the_same_confirmation(db: Database) -> None:
    at = page()
    data = xlsx({"K": [["Navn", "E-mail"], ["Jens Hansen", "jens@x.dk"]]})
    at.file_uploader[0].set_value(("k.xlsx", data, XLSX_MIME))
    rerun(at)
    at.button(key="imp_commit").click()
    rerun(at)
    last = confirmation(at, "imp_undo_last")
    chosen = confirmation(at, "imp_undo_chosen")
    assert last[0] == "Fortryd denne import" and chosen[0] == "Fortryd import"
    assert last[1:] == chosen[1:] == ([NOTE], CONFIRM)
    assert people(db) == ["Jens Hansen"]  # opening the confirmation is not the undo

    at.button(key="imp_undo_chosen").click()
    rerun(at)
    assert people(db) == []
    assert [s.value for s in at.success] == ["Import nr. 1 er fortrudt."]
    assert not at.get("popover")  # the last result is gone, and nothing is left to undo
    rerun(at)
    assert not at.success  # the message is told once


def test_an_earlier_import_chosen_in_the_history_is_undone_and_the_later_one_stays(db: Database) -> None:
    first = import_file(db, "første.xlsx", [["Navn", "E-mail"], ["Jens Hansen", "jens@x.dk"]])
    second = import_file(db, "anden.xlsx", [["Navn", "E-mail"], ["Lone Bech", "lone@x.dk"]])
    at = page()
    picker = at.selectbox(key="imp_undo_choice")
    assert picker.options == [f"#{second} · anden.xlsx", f"#{first} · første.xlsx"]
    picker.set_value(first)
    rerun(at)
    at.button(key="imp_undo_chosen").click()
    rerun(at)
    assert people(db) == ["Lone Bech"]
    assert [s.value for s in at.success] == [f"Import nr. {first} er fortrudt."]
    assert at.selectbox(key="imp_undo_choice").options == [f"#{second} · anden.xlsx"]


def test_a_refused_undo_says_why_and_changes_nothing(db: Database) -> None:
    first = import_file(db, "første.xlsx", [["Navn", "E-mail", "Stilling"], ["Jens Hansen", "jens@x.dk", "Formand"]])
    second = import_file(
        db,
        "anden.xlsx",
        [["Navn", "E-mail", "Stilling"], ["Jens Hansen", "jens@x.dk", "Næstformand"]],
        update_mode="overwrite",
    )
    at = page()
    at.selectbox(key="imp_undo_choice").set_value(first)
    rerun(at)
    at.button(key="imp_undo_chosen").click()
    rerun(at)
    assert not at.success
    assert any(f"senere import (nr. {second}, anden.xlsx)" in e.value for e in at.error)
    assert people(db) == ["Jens Hansen"]
    with db.read() as session:
        assert session.get(ImportBatch, first).status == "committed"


def test_a_planning_load_is_undone_through_the_same_confirmation_and_message(db: Database) -> None:
    from tests.pages.test_goals_page import filled_template

    at = apptest_support.run_page("../pages/goals.py")
    at.file_uploader(key="goals_uploader_0").set_value(("mål.xlsx", filled_template(), XLSX_MIME))
    rerun(at)
    at.button(key="goals_import_commit").click()
    rerun(at)
    label, captions, confirm = confirmation(at, "goals_import_undo")
    assert label == "Fortryd denne indlæsning"
    assert captions == [NOTE]
    assert confirm == "Ja, fjern alt, hvad denne indlæsning tilføjede"
    with db.read() as session:
        assert session.scalars(select(ImportBatch)).one().status == "committed"

    at.button(key="goals_import_undo").click()
    rerun(at)
    assert "Indlæsning nr. 1 er fortrudt." in [s.value for s in at.success]
    with db.read() as session:
        assert session.scalars(select(ImportBatch)).one().status == "undone"
    assert not [p for p in at.get("popover") if p.proto.popover.label == "Fortryd denne indlæsning"]
