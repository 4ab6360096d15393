"""The example files of the import page: they exist, are what the script writes, hold only made-up
people, read without errors with the sheets and roles a user expects, and one click on the empty
import page previews one exactly as an upload would be."""

from __future__ import annotations

import csv
import importlib.util
import io
import re
from functools import partial
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from components.import_examples import EXAMPLES, example_key
from lib.db import Database, ImportBatch, Person
from lib.ingest.contact_lists import prepare_file, run_import
from tests import apptest_support
from tests.apptest_support import rerun

EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "data" / "examples"
run_import_page = partial(apptest_support.run_page, "../pages/importer.py")
#: What a user sees for each file: its sheets and the role the importer gives each.
EXPECTED = {
    "kontaktliste.xlsx": [("Kontakter", "contacts"), ("Organisationer", "organisations")],
    "outlook-kontakter.csv": [("outlook-kontakter", "contacts")],
    "medarbejdere.xlsx": [("Medarbejdere", "staff")],  # the library's own staff, not contacts
    "relationer.xlsx": [("Relationer", "relations")],
}
EMAIL = re.compile(r"[\w.+-]+@[\w.-]+", re.UNICODE)


def make_examples():
    spec = importlib.util.spec_from_file_location("make_examples", EXAMPLES_DIR / "make_examples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cells(name: str) -> list[str]:
    """Every non-empty cell of an example file as text."""
    data = (EXAMPLES_DIR / name).read_bytes()
    if name.endswith(".csv"):
        return [c for row in csv.reader(io.StringIO(data.decode("cp1252")), delimiter=";") for c in row if c]
    workbook = load_workbook(io.BytesIO(data))
    return [str(c) for sheet in workbook for row in sheet.iter_rows(values_only=True) for c in row if c is not None]


def test_every_example_the_page_offers_is_there_and_is_what_the_script_writes(tmp_path: Path) -> None:
    assert [name for name, _key, _icon in EXAMPLES] == list(EXPECTED)
    written = make_examples().write_all(tmp_path)
    for path in written:
        committed = EXAMPLES_DIR / path.name
        assert committed.is_file(), path.name
        assert path.read_bytes() == committed.read_bytes(), f"{path.name}: run data/examples/make_examples.py"


def test_the_examples_hold_only_made_up_addresses_and_the_mess_of_a_real_list() -> None:
    for name in EXPECTED:
        addresses = EMAIL.findall(" ".join(cells(name)))
        assert addresses or name == "relationer.xlsx", name
        assert all(a.strip().lower().endswith(".example.dk") for a in addresses), name
    contact_list = cells("kontaktliste.xlsx")
    assert contact_list[0] == "Kontakter – Biblioteket, opdateret marts 2026"
    assert "I alt: 14 kontakter" in contact_list
    assert {"Ålykke Kommune", "Aalykke Kommune"} <= set(contact_list)
    assert "info@frivilligcenter-aalykke.example.dk" in contact_list
    assert cells("outlook-kontakter.csv")[:3] == ["Fornavn", "Mellemnavn", "Efternavn"]


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_example_is_read_with_the_expected_sheets_and_roles(db: Database, name: str) -> None:
    prepared = prepare_file(db, name, (EXAMPLES_DIR / name).read_bytes())
    assert prepared.error is None
    assert [(s.sheet_name, s.role) for s in prepared.sheets] == EXPECTED[name]
    assert all(s.include for s in prepared.sheets)
    preview = run_import(db, prepared.sheets, commit=False)
    assert preview.balanced and preview.counts["rows"] > 0
    if name == "kontaktliste.xlsx":
        assert prepared.sheets[0].table.title == "Kontakter – Biblioteket, opdateret marts 2026"
        assert prepared.sheets[0].table.columns[:4] == ["Navn", "Organisation", "Stilling", "E-mail"]


@pytest.mark.slow
def test_the_empty_import_page_offers_the_examples_and_a_click_previews_one(db: Database) -> None:
    at = run_import_page()
    offered = [b.key for b in at.button if b.key and b.key.startswith("imp_example_")]
    assert offered == [example_key(name) for name in EXPECTED]
    assert "Prøv med et eksempel" in [e.label for e in at.expander]
    assert any("Outlook" in m.value for m in at.markdown)
    at.button(key=example_key("kontaktliste.xlsx")).click()
    rerun(at)
    with db.read() as session:
        expected = run_import(
            db,
            prepare_file(db, "kontaktliste.xlsx", (EXAMPLES_DIR / "kontaktliste.xlsx").read_bytes()).sheets,
            commit=False,
        ).counts
        assert session.scalar(select(func.count(Person.id))) == 0  # a preview stores nothing
    shown = {m.label: m.value for m in at.metric}
    assert shown["Rækker læst"] == str(expected["rows"]) and shown["Nye"] == str(expected["inserted"])
    assert [s.value for s in at.subheader][:1] == ["kontaktliste.xlsx"]
    assert not [b for b in at.button if b.key and b.key.startswith("imp_example_")]  # a file is loaded now
    at.button(key="imp_commit").click()
    rerun(at)
    with db.read() as session:
        assert session.scalars(select(ImportBatch.file_name)).all() == ["kontaktliste.xlsx"]


@pytest.mark.slow
def test_the_guide_is_linked_from_the_empty_start_page_and_reads_in_both_languages(db: Database) -> None:
    start = apptest_support.run_page("../dashboard.py")
    links = [(link.proto.label, link.proto.page) for link in start.get("page_link")]
    assert ("Kom godt i gang – en kort vejledning", "kom-godt-i-gang") in links
    for lang, heading, examples_heading in (
        ("da", "# Kom godt i gang", "Prøv med et eksempel"),
        ("en", "# Getting started", "Try with an example"),
    ):
        guide = apptest_support.run_page("../pages/guide.py", lang if lang == "en" else None)
        text = guide.markdown[0].value
        assert text.startswith(heading) and examples_heading in text
        # The page opens with the guide itself, not with where its file lies in the repository.
        assert not any("docs/" in caption.value for caption in guide.caption), lang
        assert all(name in text for name in EXPECTED), lang  # the guide names the files the page offers
