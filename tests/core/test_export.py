"""The export writers: nothing a user typed can become a live formula, and the workspace export
carries the canonical field names so that it imports back."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from sqlalchemy import select

from lib.core import spreadsheets
from lib.core.errors import UserFacingError
from lib.core.i18n import TEXTS, t
from lib.core.normalize import name_key
from lib.db import Affiliation, Database, Event, Organisation, OrganisationAlias, Person, Relation, workspace_counts
from lib.demo.workspace import create_demo_workspace
from lib.ingest.fields import FIELDS
from lib.reporting import workspace_export

EVIL = '=HYPERLINK("http://evil","x")'
TODAY = dt.date(2026, 3, 1)


def formula_cells(source: Path | bytes) -> list[str]:
    """Every cell of an xlsx file that Excel would run as a formula, as "sheet!A1"."""
    handle = io.BytesIO(source) if isinstance(source, bytes) else source
    workbook = openpyxl.load_workbook(handle)
    return [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in workbook
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]


def sheet_rows(workbook: openpyxl.Workbook, name: str) -> list[dict[str, object]]:
    rows = list(workbook[name].iter_rows(values_only=True))
    header = rows[0]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


@pytest.fixture
def tricky_db(db: Database) -> Database:
    """A small workspace whose values try every formula trigger, plus æøå and several e-mails."""
    with db.write() as session:
        evil = Person(
            name=EVIL,
            name_key=name_key(EVIL),
            email="evil@example.dk",
            other_emails=["ond@example.dk"],
            phone="+4512345678",
            other_phones=["+4587654321"],
            title="@home",
            notes="+45 call",
            is_staff=False,
            source="-5",
        )
        staff = Person(
            name="Søren Ærø Ågaard",
            name_key=name_key("Søren Ærø Ågaard"),
            email="soeren@solbakkebib.dk",
            title="Bibliotekar",
            notes="\tindented",
            is_staff=True,
            source="\rreturn",
            team="=Børn",
            staff_role="network_lead",
        )
        club = Organisation(
            name="Æblehaven Forening",
            name_key=name_key("Æblehaven Forening"),
            org_type="association",
            sector="civil",
            website="https://www.aeblehaven.dk",
            area="Østerhøj",
            notes="@home",
            source="Medlemsliste",
            cvr="12345678",
            email="info@aeblehaven.dk",
        )
        fund = Organisation(name="Lyngfonden", name_key="lyngfonden", org_type="foundation")
        session.add_all([evil, staff, club, fund])
        session.flush()
        session.add_all(
            [
                OrganisationAlias(organisation_id=club.id, name="-Æblehaven", name_key=name_key("-Æblehaven")),
                OrganisationAlias(organisation_id=club.id, name="Aeblehaven", name_key=name_key("Aeblehaven")),
            ]
        )
        session.add_all(
            [
                Affiliation(
                    person_id=evil.id,
                    organisation_id=club.id,
                    role="=1+1",
                    start_date=dt.date(2024, 2, 29),
                    end_date=dt.date(2025, 12, 31),
                ),
                Relation(
                    kind="knows",
                    from_person_id=staff.id,
                    to_person_id=evil.id,
                    strength=4,
                    weight=4.0,
                    first_contact=dt.date(2023, 5, 17),
                    last_contact=dt.date(2026, 1, 2),
                    owner_id=staff.id,
                    notes="-ring igen",
                ),
                Relation(kind="funds", from_organisation_id=fund.id, to_organisation_id=club.id, weight=2.5),
            ]
        )
    return db


# --- neutralise ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        EVIL,
        "=1+1",
        "+45 12 34 56 78",
        "-5",
        "@SUM(A1)",
        "\tx",
        "\rx",
        "=",
        "-",
        " =1+1",
        "\n=1+1",
        "\uff1d1+1",
        "\uff0b1",
        "\uff0d1",
        "\uff20SUM(A1)",
    ],
)
def test_neutralise_prefixes_every_formula_trigger(value: str) -> None:
    assert spreadsheets.neutralise(value) == "'" + value


@pytest.mark.parametrize(
    "value",
    [
        "Søren",
        "",
        "   ",
        " Søren",
        "'=already quoted",
        "a=b",
        "mail@example.dk",
        5,
        -5,
        1.5,
        None,
        True,
        dt.date(2026, 1, 1),
    ],
)
def test_neutralise_leaves_other_values_alone(value: object) -> None:
    assert spreadsheets.neutralise(value) == value


def test_neutralise_frame_covers_cells_and_headers() -> None:
    frame = pd.DataFrame({"=kolonne": ["=1+1", "ok"], "tal": [-5, 3]})
    result = spreadsheets.neutralise_frame(frame)
    assert list(result.columns) == ["'=kolonne", "tal"]
    assert result.iloc[0, 0] == "'=1+1"
    assert result.iloc[1, 0] == "ok"
    assert result.iloc[0, 1] == -5  # a negative number is not text and stays a number
    assert frame.iloc[0, 0] == "=1+1"  # the original is untouched


# --- Excel -----------------------------------------------------------------------------------------


def test_the_formula_check_catches_what_to_excel_writes(tmp_path: Path) -> None:
    # The bug this module exists to prevent: pandas writes such text as a live formula. If the check
    # below did not see it, the "no formula" assertions in this file would prove nothing.
    path = tmp_path / "pandas.xlsx"
    pd.DataFrame({"name": [EVIL]}).to_excel(path, index=False)
    assert formula_cells(path) == ["Sheet1!A2"]


def test_write_xlsx_writes_text_as_text_and_dates_as_dates(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "name": [EVIL, "#N/A", "bad\x01char", "Ærø"],
            "number": [-5, 2.5, None, float("nan")],
            "when": [dt.date(2026, 3, 1), pd.Timestamp("2025-12-24"), pd.NaT, None],
            "at": [dt.datetime(2026, 3, 1, 14, 30), None, None, None],
            "many": [["a@x.dk", "b@x.dk"], None, pd.NA, "x"],
        }
    )
    path = tmp_path / "out.xlsx"
    spreadsheets.write_xlsx({"Kontakter": frame}, path)
    assert formula_cells(path) == []
    sheet = openpyxl.load_workbook(path)["Kontakter"]
    assert [cell.value for cell in sheet[1]] == ["name", "number", "when", "at", "many"]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert [sheet.cell(row, 1).value for row in range(2, 6)] == [f"'{EVIL}", "#N/A", "badchar", "Ærø"]
    assert sheet["A3"].data_type == "s"  # "#N/A" is text, not Excel's error value
    assert sheet["B2"].value == -5 and sheet["B2"].data_type == "n"
    assert sheet["B4"].value is None and sheet["B5"].value is None
    assert sheet["C2"].value == dt.datetime(2026, 3, 1) and sheet["C2"].number_format == "dd-mm-yyyy"
    # pandas' midnight timestamp is a date and is shown as one, without "00:00".
    assert sheet["C3"].value == dt.datetime(2025, 12, 24) and sheet["C3"].number_format == "dd-mm-yyyy"
    assert sheet["C4"].value is None
    assert sheet["D2"].value == dt.datetime(2026, 3, 1, 14, 30)
    assert sheet["D2"].number_format == "dd-mm-yyyy hh:mm"
    assert sheet["E2"].value == "a@x.dk; b@x.dk"
    assert sheet["E4"].value is None
    assert 8 <= sheet.column_dimensions["A"].width <= 62
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind


def test_sheet_names_are_made_valid_and_unique() -> None:
    long = "Kontakter fra Kulturhusets nyhedsbrev"
    names = spreadsheets.valid_sheet_names([long, long, "a/b:c", "A_B_C", "", "History", "'citat'"])
    assert names == [
        long[:31],
        long[:27] + " (2)",
        "a_b_c",
        "A_B_C (2)",
        "Sheet",
        "History_",
        "citat",
    ]
    assert all(len(name) <= 31 for name in names)


def test_xlsx_bytes_holds_every_sheet_in_order() -> None:
    frames = {"b": pd.DataFrame({"x": [1]}), "a" * 40: pd.DataFrame({"y": ["=2"]})}
    data = spreadsheets.xlsx_bytes(frames)
    assert data[:2] == b"PK"
    assert openpyxl.load_workbook(io.BytesIO(data)).sheetnames == ["b", "a" * 31]
    assert formula_cells(data) == []


def test_write_xlsx_to_a_stream_and_with_no_sheets() -> None:
    buffer = io.BytesIO()
    spreadsheets.write_xlsx({}, buffer)
    assert openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).sheetnames == ["Sheet1"]


# --- CSV -------------------------------------------------------------------------------------------


def test_csv_bytes_has_bom_neutralised_text_and_danish_dates() -> None:
    frame = pd.DataFrame(
        {
            "name": [EVIL, "Åse Ærø"],
            "when": [dt.date(2026, 3, 1), None],
            "n": [3, None],
            "at": [pd.Timestamp("2026-03-01 09:05"), pd.Timestamp("2026-03-02")],
        }
    )
    data = spreadsheets.csv_bytes(frame)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [
        ["name", "when", "n", "at"],
        [f"'{EVIL}", "01-03-2026", "3", "01-03-2026 09:05"],
        ["Åse Ærø", "", "", "02-03-2026"],
    ]


def test_csv_separator_and_write_csv(tmp_path: Path) -> None:
    frame = pd.DataFrame({"a": ["x;y", "+45"], "b": [1, 2]})
    path = tmp_path / "semi.csv"
    spreadsheets.write_csv(frame, path, sep=";")
    text = path.read_bytes().decode("utf-8-sig")
    assert text == 'a;b\r\n"x;y";1\r\n\'+45;2\r\n'


# --- the workspace export --------------------------------------------------------------------------


def test_workspace_columns_are_canonical_import_fields() -> None:
    for table, columns in workspace_export.WORKSPACE_COLUMNS.items():
        role_fields = FIELDS[workspace_export.WORKSPACE_ROLES[table]]
        assert set(columns) <= set(role_fields), table


def test_export_workspace_xlsx(tricky_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "eksport" / "arbejdsomraade.xlsx"
    counts = workspace_export.export_workspace(tricky_db, "xlsx", path)
    assert counts == {"people": 2, "organisations": 2, "affiliations": 1, "relations": 2}
    assert formula_cells(path) == []
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["people", "organisations", "affiliations", "relations"]
    for table, columns in workspace_export.WORKSPACE_COLUMNS.items():
        assert [cell.value for cell in workbook[table][1]] == list(columns)

    evil, staff = sheet_rows(workbook, "people")
    assert evil == {
        "ref": "P1",
        "name": f"'{EVIL}",
        "email": "evil@example.dk; ond@example.dk",
        "phone": "'+4512345678; +4587654321",
        "title": "'@home",
        "notes": "'+45 call",
        "is_staff": "nej",
        "team": None,
        "staff_role": None,
        "source": "'-5",
    }
    assert staff["name"] == "Søren Ærø Ågaard"
    assert staff["notes"] == "'\tindented" and staff["source"] == "'\rreturn"
    assert staff["is_staff"] == "ja" and staff["phone"] is None
    assert (staff["team"], staff["staff_role"]) == ("'=Børn", "network_lead")

    club, fund = sheet_rows(workbook, "organisations")
    assert club == {
        "ref": "O1",
        "organisation": "Æblehaven Forening",
        "cvr": "12345678",
        "aliases": "'-Æblehaven; Aeblehaven",
        "org_type": "association",
        "sector": "civil",
        "website": "https://www.aeblehaven.dk",
        "email": "info@aeblehaven.dk",
        "area": "Østerhøj",
        "notes": "'@home",
        "source": "Medlemsliste",
    }
    # A type without a sector: "ingen", so that the import does not give it the type's usual sector.
    assert fund["ref"] == "O2" and fund["org_type"] == "foundation" and fund["sector"] == "ingen"
    assert fund["aliases"] is None and fund["cvr"] is None

    (link,) = sheet_rows(workbook, "affiliations")
    assert link == {
        "person": "P1",
        "organisation": "O1",
        "role": "'=1+1",
        "start_date": dt.datetime(2024, 2, 29),
        "end_date": dt.datetime(2025, 12, 31),
    }
    assert workbook["affiliations"]["D2"].number_format == "dd-mm-yyyy"

    knows, funds = sheet_rows(workbook, "relations")
    assert knows == {
        "from": "P2",
        "to": "P1",
        "relation_kind": "knows",
        "strength": 4,
        "weight": 4,
        "first_contact": dt.datetime(2023, 5, 17),
        "last_contact": dt.datetime(2026, 1, 2),
        "owner": "P2",
        "notes": "'-ring igen",
    }
    assert (funds["from"], funds["to"], funds["relation_kind"]) == ("O2", "O1", "funds")
    assert funds["strength"] is None and funds["owner"] is None and funds["weight"] == 2.5


def test_export_workspace_csv_folder(tricky_db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    counts = workspace_export.export_workspace(tricky_db, "csv", folder)
    assert counts == {"people": 2, "organisations": 2, "affiliations": 1, "relations": 2}
    assert sorted(p.name for p in folder.iterdir()) == [
        "affiliations.csv",
        "organisations.csv",
        "people.csv",
        "relations.csv",
    ]
    raw = (folder / "people.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    people = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert people[0]["name"] == f"'{EVIL}"
    assert people[1]["name"] == "Søren Ærø Ågaard"
    relations = list(csv.DictReader(io.StringIO((folder / "relations.csv").read_text("utf-8-sig"))))
    assert relations[0]["first_contact"] == "17-05-2023"
    assert relations[0]["strength"] == "4" and relations[0]["weight"] == "4"
    assert relations[1]["strength"] == "" and relations[1]["weight"] == "2.5"
    organisations = list(csv.DictReader(io.StringIO((folder / "organisations.csv").read_text("utf-8-sig"))))
    assert organisations[0]["aliases"] == "'-Æblehaven; Aeblehaven" and organisations[0]["cvr"] == "12345678"


@pytest.mark.slow
def test_export_records_an_event(tricky_db: Database, tmp_path: Path) -> None:
    workspace_export.export_workspace(tricky_db, "csv", tmp_path / "out", actor="mette@solbakkebib.dk")
    with tricky_db.read() as session:
        events = session.scalars(select(Event).where(Event.action == "workspace_exported")).all()
        assert len(events) == 1
        assert events[0].actor == "mette@solbakkebib.dk"
        assert events[0].details["counts"]["people"] == 2


def test_unknown_format_is_refused_in_words(db: Database, tmp_path: Path) -> None:
    with pytest.raises(UserFacingError) as caught:
        workspace_export.export_workspace(db, "pdf", tmp_path / "x.pdf")
    assert caught.value.key == "export.unknown_format"
    assert "pdf" in caught.value.message("da") and "xlsx" in caught.value.message("en")
    assert not (tmp_path / "x.pdf").exists()


def test_empty_workspace_exports_headers_only(db: Database, tmp_path: Path) -> None:
    counts = workspace_export.export_workspace(db, "xlsx", tmp_path / "tom.xlsx")
    assert counts == {"people": 0, "organisations": 0, "affiliations": 0, "relations": 0}
    workbook = openpyxl.load_workbook(tmp_path / "tom.xlsx")
    assert [cell.value for cell in workbook["relations"][1]] == list(workspace_export.WORKSPACE_COLUMNS["relations"])
    assert workbook["relations"].max_row == 1


@pytest.mark.slow
def test_demo_workspace_export_is_self_contained(db: Database) -> None:
    # Every reference in affiliations and relations points at a row of the same export, so the
    # file can be imported into an empty workspace without anything else.
    create_demo_workspace(db, today=TODAY)
    with db.read() as session:
        frames = workspace_export.export_workspace_frames(session)
        counts = workspace_counts(session)
    people_refs = set(frames["people"]["ref"])
    org_refs = set(frames["organisations"]["ref"])
    assert len(people_refs) == counts["people"] and len(org_refs) == counts["organisations"]
    assert len(frames["relations"]) == counts["relations"]
    assert set(frames["affiliations"]["person"]) <= people_refs
    assert set(frames["affiliations"]["organisation"]) <= org_refs
    ends = set(frames["relations"]["from"]) | set(frames["relations"]["to"])
    assert ends <= people_refs | org_refs
    assert set(frames["relations"]["owner"].dropna()) <= people_refs
    assert set(frames["people"]["is_staff"]) == {"ja", "nej"}
    assert frames["people"]["email"].str.contains("; ", regex=False).any()
    assert formula_cells(spreadsheets.xlsx_bytes(frames)) == []


def test_export_texts_exist_in_both_languages() -> None:
    keys = [key for key in TEXTS if key.startswith("export.")]
    assert "export.unknown_format" in keys and "export.done" in keys
    for key in keys:
        assert TEXTS[key]["da"] and TEXTS[key]["en"] and TEXTS[key]["da"] != TEXTS[key]["en"], key
    assert t("export.done", "da", people=2, organisations=1, affiliations=0, relations=3).startswith(
        "Eksporteret: 2 personer"
    )
