"""The duty to inform (GDPR art. 14, issue 10 item 13) as an administrator meets it: contacts taken from
staff's lists are listed until they have been told, with a deadline one month after the library got
their data; marking them informed (several at once, or one on the person view); the notice to send;
the informed date in the person export and the retention list; imports and merges that keep it; the
schema upgrade; and ``python -m lib person inform|uninformed``."""

from __future__ import annotations

import datetime as dt
import io
import json
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.exc import IntegrityError
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from components import admin_views, informing_views
from components.safe_markdown import escape_markdown
from lib import contacts as records
from lib.cli.main import main
from lib.core.access import AccessDenied, Principal
from lib.core.errors import ValidationFailed
from lib.core.i18n import TEXTS
from lib.db import (
    Affiliation,
    Base,
    CompetenceAssessment,
    Database,
    Event,
    ImportBatch,
    Organisation,
    Partnership,
    Person,
    Relation,
    engine_url,
    head_revision,
    open_database,
    schema_version,
    set_setting,
    upgrade_schema,
)
from lib.ingest.contact_lists import prepare_file, run_import
from lib.privacy import informing
from lib.privacy import personal_data as pdata
from tests import apptest_support
from tests.apptest_support import rerun
from tests.sheets import xlsx

TODAY = dt.date(2026, 11, 25)
PAGE = "../pages/admin.py"
run_page = partial(apptest_support.run_page, PAGE)
EDITOR = Principal(email="e@bib.dk", role="editor")
#: A name as someone might type it into a spreadsheet: Markdown and HTML that must stay plain text.
ODD_NAME = "**Fed** <b>Hanne</b> [Klik](http://eksempel.dk) _Ærø_"


def add_contact(
    session: Any,
    name: str,
    created: dt.datetime,
    *,
    staff: bool = False,
    informed: dt.date | None = None,
    batch: int | None = None,
) -> Person:
    person = Person(
        name=name,
        name_key=name.casefold(),
        email=f"{name.split()[0].casefold()}@eksempel.dk",
        is_staff=staff,
        created_at=created,
        updated_at=created,
        informed_on=informed,
        informed_how="email" if informed else None,
        batch_id=batch,
    )
    session.add(person)
    session.flush()
    return person


@pytest.fixture
def contacts(db: Database) -> dict[str, int]:
    """Contacts obtained at known times, one informed already, and a staff member (never listed)."""
    with db.write() as session:
        batch = ImportBatch(file_name="kontakter.xlsx", created_at=dt.datetime(2026, 10, 1, 8, 0))
        session.add(batch)
        session.flush()
        people = {
            "gustav": add_contact(session, "Gustav Månedsslut", dt.datetime(2026, 1, 31, 12, 0)),
            "aase": add_contact(session, "Åse Overskredet", dt.datetime(2026, 9, 10, 10, 0)),
            # Created after its first import (e.g. restored): the import is when we got the data.
            "dorte": add_contact(session, "Dorte Importeret", dt.datetime(2026, 11, 1, 9, 0), batch=batch.id),
            # 23:30 UTC on 24 October is 01:30 on 25 October in Denmark.
            "bo": add_contact(session, "Bo Sidstioktober", dt.datetime(2026, 10, 24, 23, 30)),
            "cecilie": add_contact(session, "Cecilie Ny", dt.datetime(2026, 11, 20, 9, 0)),
            "erik": add_contact(session, "Erik Oplyst", dt.datetime(2026, 9, 1, 9, 0), informed=dt.date(2026, 9, 15)),
            "frida": add_contact(session, "Frida Medarbejder", dt.datetime(2026, 1, 1, 9, 0), staff=True),
        }
        current = Organisation(name="Kulturhuset Nord", name_key="kulturhuset nord")
        former = Organisation(name="Gammel Forening", name_key="gammel forening")
        session.add_all([current, former])
        session.flush()
        session.add_all(
            [
                Affiliation(person_id=people["aase"].id, organisation_id=current.id),
                Affiliation(person_id=people["aase"].id, organisation_id=former.id, end_date=dt.date(2025, 1, 1)),
            ]
        )
        return {key: person.id for key, person in people.items()}


def uninformed(db: Database, as_of: dt.date = TODAY) -> Any:
    with db.read() as session:
        return informing.uninformed_contacts(session, as_of)


# --- the list ----------------------------------------------------------------------------------------


def test_finding_13_contacts_not_yet_informed_are_listed_with_deadline(db: Database, contacts: dict[str, int]) -> None:
    frame = uninformed(db)
    # Staff and the one informed already are not listed; the earliest deadline (overdue) comes first.
    assert frame["name"].tolist() == [
        "Gustav Månedsslut",
        "Åse Overskredet",
        "Dorte Importeret",
        "Bo Sidstioktober",
        "Cecilie Ny",
    ]
    rows = {row["name"].split()[0]: row for row in frame.to_dict("records")}
    # One calendar month after obtaining; 31 January has its deadline on the last day of February.
    assert (rows["Gustav"]["obtained_on"], rows["Gustav"]["deadline"]) == (dt.date(2026, 1, 31), dt.date(2026, 2, 28))
    assert (rows["Åse"]["deadline"], rows["Åse"]["days_left"]) == (dt.date(2026, 10, 10), -46)
    assert rows["Åse"]["organisations"] == "Kulturhuset Nord"  # the ended affiliation is not shown
    assert rows["Åse"]["email"] == "åse@eksempel.dk"
    assert rows["Dorte"]["obtained_on"] == dt.date(2026, 10, 1)  # the first import, before the record's date
    assert rows["Bo"]["obtained_on"] == dt.date(2026, 10, 25)  # the day in Denmark
    assert (rows["Bo"]["deadline"], rows["Bo"]["days_left"]) == (TODAY, 0)
    assert frame["overdue"].tolist() == [True, True, True, False, False]
    # Another "today": the same contacts, other deadlines passed.
    earlier = uninformed(db, dt.date(2026, 10, 5))
    assert earlier["overdue"].tolist() == [True, False, False, False, False]
    assert earlier["days_left"].tolist()[1] == 5


def test_the_list_and_marking_are_for_administrators_only(db: Database, contacts: dict[str, int]) -> None:
    with pytest.raises(AccessDenied), db.read() as session:
        session.info["principal"] = EDITOR
        informing.uninformed_contacts(session, TODAY)
    with pytest.raises(AccessDenied), db.write() as session:
        session.info["principal"] = EDITOR
        informing.mark_informed(session, [contacts["aase"]], today=TODAY)
    assert len(uninformed(db)) == 5


# --- marking -----------------------------------------------------------------------------------------


def test_marking_several_as_informed_is_logged_with_counts_only(db: Database, contacts: dict[str, int]) -> None:
    with db.read() as session:
        used_before = pdata.last_used(session)
    with db.write() as session:
        report = informing.mark_informed(
            session,
            [contacts["aase"], contacts["gustav"]],
            on=dt.date(2026, 11, 20),
            how="letter",
            note="Standardbrev nr. 3",
            actor="chef@bib.dk",
            today=TODAY,
        )
    assert (report.marked, report.already) == (2, 0)
    assert uninformed(db)["name"].tolist() == ["Dorte Importeret", "Bo Sidstioktober", "Cecilie Ny"]
    with db.read() as session:
        aase = session.get(Person, contacts["aase"])
        assert (aase.informed_on, aase.informed_how, aase.informed_note) == (
            dt.date(2026, 11, 20),
            "letter",
            "Standardbrev nr. 3",
        )
        event = session.scalars(select(Event).where(Event.action == "contacts_informed")).one()
        # Telling someone we hold their data is not using it: the retention list's "last used" stays.
        assert pdata.last_used(session) == used_before
    assert (event.actor, event.entity, event.entity_id) == ("chef@bib.dk", "people", None)
    assert event.details == {"informed_on": "2026-11-20", "how": "letter", "marked": 2, "already": 0}

    # Someone informed meanwhile keeps their earlier date; the default date is today.
    with db.write() as session:
        again = informing.mark_informed(session, [contacts["aase"], contacts["bo"]], how="email", today=TODAY)
    assert (again.marked, again.already) == (1, 1)
    with db.read() as session:
        assert session.get(Person, contacts["aase"]).informed_on == dt.date(2026, 11, 20)
        assert session.get(Person, contacts["bo"]).informed_on == TODAY
        logged = json.dumps([e.details for e in session.scalars(select(Event))], ensure_ascii=False)
    for name in ("Åse", "Gustav", "Bo", "eksempel.dk"):
        assert name not in logged


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"on": dt.date(2026, 11, 26)}, "informing.date_in_future"),
        ({"how": "fax"}, "informing.how_invalid"),
        ({"note": "x" * 501}, "informing.note_too_long"),
        ({"staff": True}, "informing.staff"),
        ({"on": "31-02-2026"}, "value.date_invalid"),
    ],
)
def test_a_bad_marking_changes_nothing(
    db: Database, contacts: dict[str, int], change: dict[str, Any], key: str
) -> None:
    ids = [contacts["aase"], contacts["frida"]] if change.pop("staff", False) else [contacts["aase"]]
    with pytest.raises(ValidationFailed) as refused, db.write() as session:
        informing.mark_informed(session, ids, today=TODAY, **change)
    assert refused.value.key == key
    assert len(uninformed(db)) == 5
    with db.read() as session:
        assert not session.scalars(select(Event).where(Event.action == "contacts_informed")).all()


def test_one_persons_entry_is_corrected_and_cleared(db: Database, contacts: dict[str, int]) -> None:
    erik = contacts["erik"]
    with db.write() as session:
        assert informing.set_informed(
            session, erik, "10-09-2026", "in_person", "Ved mødet om læseklubben", actor="chef@bib.dk", today=TODAY
        )
        assert not informing.set_informed(
            session, erik, dt.date(2026, 9, 10), "in_person", " Ved mødet om  læseklubben ", today=TODAY
        )
    with db.read() as session:
        status = informing.informed_status(session, erik, TODAY)
        event = session.scalars(select(Event).where(Event.action == "person_informed_set")).one()
    assert (status.informed_on, status.informed_how, status.overdue) == (dt.date(2026, 9, 10), "in_person", False)
    assert (event.entity, event.entity_id) == ("person", erik)
    assert event.details == {
        "changes": {"informed_on": ["2026-09-15", "2026-09-10"], "informed_how": ["email", "in_person"]},
        "note_changed": True,
    }
    with db.write() as session:
        assert informing.set_informed(session, erik, None, today=TODAY)
    assert "Erik Oplyst" in uninformed(db)["name"].tolist()
    with db.read() as session:
        assert informing.informed_status(session, erik, TODAY).overdue
    with pytest.raises(ValidationFailed), db.write() as session:
        informing.set_informed(session, contacts["frida"], TODAY, today=TODAY)


# --- imports and merges ------------------------------------------------------------------------------


def import_rows(db: Database, name: str, rows: list[list[Any]], update_mode: str = "fill-empty") -> Any:
    prepared = prepare_file(db, name, xlsx({"Kontakter": [["Navn", "E-mail", "Stilling"], *rows]}))
    assert prepared.error is None
    for sheet in prepared.sheets:
        sheet.update_mode = update_mode
    return run_import(db, prepared.sheets, commit=True)


def test_an_import_does_not_reset_the_informed_date(db: Database) -> None:
    import_rows(db, "kontakter.xlsx", [["Gunhild Østergaard", "gunhild@eksempel.dk", "Formidler"]])
    with db.write() as session:
        gunhild = pdata.find_person(session, "gunhild@eksempel.dk")
        informing.mark_informed(session, [gunhild.id], on=dt.date(2026, 11, 2), how="letter", today=TODAY)
    result = import_rows(
        db, "opdatering.xlsx", [["Gunhild Østergaard", "GUNHILD@eksempel.dk", "Leder"]], update_mode="overwrite"
    )  # the file wins: the title changes, the informed date stays
    assert result.counts["updated"] == 1
    with db.read() as session:
        gunhild = pdata.find_person(session, "gunhild@eksempel.dk")
        assert (gunhild.title, gunhild.informed_on, gunhild.informed_how) == ("Leder", dt.date(2026, 11, 2), "letter")


def test_a_merge_keeps_the_earliest_informed_date_and_obtained_date(db: Database) -> None:
    with db.write() as session:
        newer = add_contact(session, "Ny Post", dt.datetime(2026, 6, 1, 9, 0), informed=dt.date(2026, 6, 10))
        newer.informed_how = "letter"
        older = add_contact(session, "Gammel Post", dt.datetime(2026, 2, 1, 9, 0), informed=dt.date(2026, 2, 20))
        older.informed_note = "Sendt med nyhedsbrevet"
        plain = add_contact(session, "Uoplyst Post", dt.datetime(2026, 3, 1, 9, 0))
        records.merge_people(session, newer.id, older.id)
        records.merge_people(session, newer.id, plain.id)
    with db.read() as session:
        kept = session.get(Person, newer.id)
        assert (kept.informed_on, kept.informed_how, kept.informed_note) == (
            dt.date(2026, 2, 20),
            "email",
            "Sendt med nyhedsbrevet",
        )
        assert kept.created_at == dt.datetime(2026, 2, 1, 9, 0)
    # The other way round: an informed record merged into one not informed yet.
    with db.write() as session:
        waiting = add_contact(session, "Venter Post", dt.datetime(2026, 11, 1, 9, 0))
        told = add_contact(session, "Oplyst Post", dt.datetime(2026, 11, 2, 9, 0), informed=dt.date(2026, 11, 3))
        records.merge_people(session, waiting.id, told.id)
    with db.read() as session:
        assert session.get(Person, waiting.id).informed_on == dt.date(2026, 11, 3)


# --- the person export and the retention list --------------------------------------------------------


def test_the_person_export_holds_the_informed_fields(db: Database, contacts: dict[str, int]) -> None:
    with db.write() as session:
        informing.set_informed(
            session, contacts["aase"], dt.date(2026, 11, 20), "agreement", "Står i aftalen", today=TODAY
        )
    with db.write() as session:
        as_json = json.loads(pdata.person_export_json(session, contacts["aase"]).decode("utf-8"))
        workbook = load_workbook(io.BytesIO(pdata.person_export_xlsx(session, contacts["aase"], lang="en")))
        danish = load_workbook(io.BytesIO(pdata.person_export_xlsx(session, contacts["aase"], lang="da")))
    assert {k: as_json["person"][k] for k in ("informed_on", "informed_how", "informed_note")} == {
        "informed_on": "2026-11-20",
        "informed_how": "agreement",
        "informed_note": "Står i aftalen",
    }
    record = {row[0]: row[1] for row in workbook["Person"].iter_rows(min_row=2, values_only=True)}
    assert record["Informed on"].date() == dt.date(2026, 11, 20)
    assert record["How they were informed"] == "In the agreement or at the meeting"
    assert record["Note on informing"] == "Står i aftalen"
    record = {row[0]: row[1] for row in danish["Person"].iter_rows(min_row=2, values_only=True)}
    assert record["Hvordan de blev oplyst"] == "I aftalen eller på mødet"
    for field in ("informed_on", "informed_how", "informed_note"):
        assert TEXTS[f"personal_data.field.{field}"]["da"] and TEXTS[f"personal_data.field.{field}"]["en"]


def test_the_retention_list_shows_the_informed_date(db: Database) -> None:
    with db.write() as session:
        old = add_contact(session, "Gammel Kontakt", dt.datetime(2022, 1, 10, 12, 0), informed=dt.date(2022, 1, 20))
        add_contact(session, "Glemt Kontakt", dt.datetime(2022, 1, 10, 12, 0))
    with db.read() as session:
        frame = pdata.retention_candidates(session, TODAY)
    assert "informed_on" in frame.columns
    assert dict(zip(frame["name"], frame["informed_on"], strict=True)) == {
        "Gammel Kontakt": dt.date(2022, 1, 20),
        "Glemt Kontakt": None,
    }
    with db.read() as session:
        assert session.get(Person, old.id).informed_on == dt.date(2022, 1, 20)


# --- the notice --------------------------------------------------------------------------------------


def test_the_notice_names_the_library_the_period_and_the_rights(db: Database) -> None:
    with db.read() as session:
        unnamed = informing.notice_text(session, "da")
    assert "[UDFYLD: bibliotekets navn]" in unnamed and "24 måneder" in unnamed
    with db.write() as session:
        set_setting(session, "library_name", "  Solbakke   Bibliotekerne ")
        pdata.set_retention_months(session, 1)
    with db.read() as session:
        danish, english = informing.notice_text(session, "da"), informing.notice_text(session, "en")
    assert danish.count("Solbakke Bibliotekerne") >= 2 and "i 1 måned," in danish
    for words in (
        "navn",
        "e-mailadresse",
        "telefonnummer",
        "organisation",
        "stilling",
        "kontakthistorik",
        "partnerskabsarbejde",
        "Retsgrundlag\n[UDFYLD",
        "medarbejderes kontaktlister",
        "indsigt",
        "rettet",
        "slettet",
        "indsigelse",
        "Datatilsynet",
        "databeskyttelsesrådgiveren (DPO)",
    ):
        assert words in danish, words
    for words in (
        "Solbakke Bibliotekerne",
        "for 1 month",
        "Lawful basis\n[FILL IN",
        "staff's contact lists",
        "access",
        "rectified",
        "erased",
        "object",
        "Datatilsynet",
        "data protection officer (DPO)",
    ):
        assert words in english, words


# --- the page ----------------------------------------------------------------------------------------


@pytest.fixture(autouse=False)
def page_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("components.clock.today", lambda: TODAY)


@pytest.fixture
def files(monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """The files behind the page's (immediate) download buttons, by file name."""
    made: dict[str, bytes] = {}
    original = MediaFileManager.add

    def remember(
        self: MediaFileManager,
        data: Any,
        mimetype: str,
        coordinates: str,
        file_name: str | None = None,
        is_for_static_download: bool = False,
    ) -> str:
        if file_name:
            made[file_name] = data
        return original(self, data, mimetype, coordinates, file_name, is_for_static_download)

    monkeypatch.setattr(MediaFileManager, "add", remember)
    return made


def informing_table(at: AppTest) -> Any:
    tables = [d.value for d in at.dataframe if "deadline" in d.value.columns]
    return tables[0] if tables else None


@pytest.mark.slow
def test_the_administration_tab_lists_marks_and_offers_the_notice(
    db: Database, contacts: dict[str, int], page_today: None, files: dict[str, bytes]
) -> None:
    with db.write() as session:
        set_setting(session, "library_name", "Solbakke Bibliotekerne")
    at = run_page()
    assert "Oplysningspligt" in [tab.label for tab in at.tabs]
    table = informing_table(at)
    assert table["name"].tolist()[:2] == ["Gustav Månedsslut", "Åse Overskredet"]
    assert table["status"].tolist() == ["Frist overskredet"] * 3 + ["Frist i dag", "25 dage tilbage"]
    markdown = [m.value for m in at.markdown]
    assert "**5 kontakter er ikke oplyst endnu. For 3 af dem er fristen overskredet.**" in markdown
    # The notice in both languages, ready to copy, and as a file.
    notices = [c.value for c in at.code]
    assert any(n.startswith("Emne: Vi har registreret dine kontaktoplysninger") for n in notices)
    assert any(n.startswith("Subject: We have recorded your contact details") for n in notices)
    assert all("Solbakke Bibliotekerne" in n for n in notices) and len(notices) == 2
    assert files["oplysningspligt-da.txt"].decode("utf-8").strip() == notices[0]
    assert files["privacy-notice-en.txt"].decode("utf-8").strip() == notices[1]

    # Nothing chosen: a warning, nothing marked.
    at.button(key="informing_mark").click()
    rerun(at)
    assert at.warning[0].value == "Vælg mindst én kontakt først."

    at.multiselect(key=informing_views.PICK).set_value([contacts["gustav"], contacts["aase"]])
    at.selectbox(key=informing_views.HOW).set_value("letter")
    at.date_input(key=informing_views.ON).set_value(dt.date(2026, 11, 24))
    at.button(key="informing_mark").click()
    rerun(at)
    assert at.success[0].value == "2 kontakter er markeret som oplyst."
    assert informing_table(at)["name"].tolist() == ["Dorte Importeret", "Bo Sidstioktober", "Cecilie Ny"]
    assert at.multiselect(key=informing_views.PICK).value == []
    with db.read() as session:
        assert session.get(Person, contacts["gustav"]).informed_on == dt.date(2026, 11, 24)
        event = session.scalars(select(Event).where(Event.action == "contacts_informed")).one()
    assert event.details == {"informed_on": "2026-11-24", "how": "letter", "marked": 2, "already": 0}

    # "Choose everyone", then mark: the list is empty and says so.
    at.button(key="informing_all").click()
    rerun(at)
    at.button(key="informing_mark").click()
    rerun(at)
    assert at.success[0].value == "3 kontakter er markeret som oplyst."
    assert informing_table(at) is None
    assert "Alle kontakter er oplyst." in [s.value for s in at.success]


@pytest.mark.slow
def test_names_from_contact_lists_stay_plain_text(db: Database, page_today: None) -> None:
    with db.write() as session:
        odd = Person(
            name=ODD_NAME,
            name_key=ODD_NAME.casefold(),
            email="hanne@eksempel.dk",
            created_at=dt.datetime(2026, 11, 1, 9, 0),
            updated_at=dt.datetime(2026, 11, 1, 9, 0),
        )
        session.add(odd)
    at = run_page()
    assert informing_table(at)["name"].tolist() == [ODD_NAME]
    assert at.multiselect(key=informing_views.PICK).options == [f"{ODD_NAME} (hanne@eksempel.dk)"]
    # Nowhere read as Markdown unescaped.
    for element in (*at.markdown, *at.caption, *at.success, *at.warning, *at.info, *at.subheader):
        assert "**Fed**" not in element.value and "<b>" not in element.value
    # The person view names them escaped, and their entry can be saved there.
    at.text_input(key=admin_views.PERSON_EMAIL).set_value("hanne@eksempel.dk")
    rerun(at)
    assert at.subheader[0].value == f"Det har vi registreret om {escape_markdown(ODD_NAME)}"
    assert "Ikke oplyst endnu. Registreret 01-11-2026, frist 01-12-2026." in [c.value for c in at.caption]
    keys = {name: f"informing_person_{odd.id}_{name}" for name in ("on", "how", "note", "save")}
    at.date_input(key=keys["on"]).set_value(dt.date(2026, 11, 10))
    at.selectbox(key=keys["how"]).set_value("in_person")
    at.button(key=keys["save"]).click()
    rerun(at)
    assert "Oplysningen er gemt." in [s.value for s in at.success]
    assert "Oplyst 10-11-2026 (Personligt)." in [c.value for c in at.caption]
    assert informing_table(at) is None


@pytest.mark.slow
def test_an_overdue_person_is_flagged_on_the_person_view_and_staff_are_not_asked(
    db: Database, contacts: dict[str, int], page_today: None
) -> None:
    at = run_page()
    at.text_input(key=admin_views.PERSON_EMAIL).set_value("åse@eksempel.dk")
    rerun(at)
    assert "Ikke oplyst endnu, og fristen 10-10-2026 er overskredet (registreret 10-09-2026)." in [
        w.value for w in at.warning
    ]
    at.text_input(key=admin_views.PERSON_EMAIL).set_value("frida@eksempel.dk")
    rerun(at)
    assert "Medarbejdere på biblioteket skal ikke oplyses her." in [c.value for c in at.caption]
    assert not [d for d in at.date_input if d.key and d.key.startswith("informing_person_")]


def test_the_retention_tab_shows_the_informed_date(db: Database, page_today: None) -> None:
    with db.write() as session:
        add_contact(session, "Gammel Kontakt", dt.datetime(2022, 1, 10, 12, 0), informed=dt.date(2022, 1, 20))
    at = run_page()
    tables = [d for d in at.dataframe if "last_used" in d.value.columns]
    assert tables[0].value["informed_on"].tolist() == [dt.date(2022, 1, 20)]
    assert "informed_on" in tables[0].proto.column_order


def test_english(db: Database, contacts: dict[str, int], page_today: None) -> None:
    at = run_page("en")
    assert "Duty to inform" in [tab.label for tab in at.tabs]
    assert informing_table(at)["status"].tolist() == ["Deadline passed"] * 3 + ["Due today", "25 days left"]
    assert "**5 contacts have not been informed yet. 3 of them are past the deadline.**" in [
        m.value for m in at.markdown
    ]
    assert at.selectbox(key=informing_views.HOW).options == [
        "E-mail",
        "Letter",
        "In person",
        "In the agreement or at the meeting",
        "Other",
    ]


def test_every_informing_text_exists_in_both_languages() -> None:
    import re

    root = Path(__file__).resolve().parents[2]
    source = "".join(
        (root / name).read_text(encoding="utf-8")
        for name in ("components/informing_views.py", "lib/privacy/informing.py", "lib/cli/informing.py")
    )
    used = set(re.findall(r'"(informing\.[a-z_.]+)"', source))
    used |= {f"informing.how.{code}" for code in informing.HOW_CODES}
    used |= {"admin.action.contacts_informed", "admin.action.person_informed_set"}
    assert len(used) > 30
    for key in used:
        if key.endswith("."):
            continue  # a prefix, completed in the code
        assert TEXTS[key]["da"].strip() and TEXTS[key]["en"].strip(), key


# --- the command line --------------------------------------------------------------------------------


@pytest.mark.slow
def test_cli_lists_the_uninformed_and_records_informing(
    db_url: str, contacts: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["person", "uninformed", "--db", db_url, "--as-of", "25-11-2026", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [row["name"] for row in rows][:2] == ["Gustav Månedsslut", "Åse Overskredet"]
    assert rows[1] == {
        "id": contacts["aase"],
        "name": "Åse Overskredet",
        "email": "åse@eksempel.dk",
        "organisations": "Kulturhuset Nord",
        "obtained_on": "2026-09-10",
        "deadline": "2026-10-10",
        "overdue": True,
        "days_left": -46,
    }

    assert main(["person", "uninformed", "--db", db_url, "--as-of", "2026-11-25"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "5 kontakter er ikke oplyst endnu. For 3 af dem er fristen overskredet."
    assert lines[2].split() == [
        "10-10-2026",
        "FRIST",
        "OVERSKREDET",
        "Åse",
        "Overskredet",
        "<åse@eksempel.dk>",
        "(Kulturhuset",
        "Nord)",
    ]
    assert "FRIST" not in lines[5]

    assert (
        main(
            [
                "person",
                "inform",
                "ÅSE@eksempel.dk",
                "--on",
                "20-11-2026",
                "--how",
                "letter",
                "--db",
                db_url,
                "--actor",
                "chef@bib.dk",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.strip() == "Åse Overskredet er registreret som oplyst den 20-11-2026 (brev)."
    assert main(["person", "inform", "bo@eksempel.dk", "--db", db_url, "--json", "--lang", "en"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert (done["informed_on"], done["informed_how"], done["changed"]) == (dt.date.today().isoformat(), "email", True)
    assert main(["person", "uninformed", "--db", db_url, "--json"]) == 0
    assert "Åse Overskredet" not in [row["name"] for row in json.loads(capsys.readouterr().out)]
    with open_database(db_url).read() as session:
        assert session.get(Person, contacts["aase"]).informed_how == "letter"


def exit_code(argv: list[str]) -> int:
    """What ``python -m lib`` exits with: main's return value, or a SystemExit's code."""
    try:
        return main(argv)
    except SystemExit as stopped:
        return int(stopped.code or 0)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["person", "inform", "frida@eksempel.dk"], "Frida Medarbejder er medarbejder på biblioteket"),
        (["person", "inform", "ingen@eksempel.dk"], "Ingen person har e-mailen ingen@eksempel.dk."),
        (["person", "inform", "bo@eksempel.dk", "--on", "32-01-2026"], "Datoen »32-01-2026« kan ikke bruges"),
        (["person", "inform", "bo@eksempel.dk", "--on", "01-01-2100"], "ligger efter i dag"),
        (["person", "uninformed", "--as-of", "i morgen"], "Datoen »i morgen« kan ikke bruges"),
    ],
)
def test_cli_refuses_what_cannot_be_recorded(
    db_url: str, contacts: dict[str, int], argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert exit_code([*argv, "--db", db_url]) == 2
    assert message in capsys.readouterr().err
    with open_database(db_url).read() as session:
        assert session.get(Person, contacts["bo"]).informed_on is None


# --- the schema --------------------------------------------------------------------------------------


def test_the_schema_upgrade_from_0006_keeps_data_and_adds_the_columns(any_db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = create_engine(engine_url(any_db_url))
    try:
        upgrade_schema(engine, "0006")
        with engine.begin() as connection:
            run = connection.execute
            run(
                text(
                    "INSERT INTO people (id, name, name_key, email, is_staff, purpose, created_at, updated_at) "
                    "VALUES (3, 'Søren Ærø', 'søren ærø', 'soren@example.dk', :no, 'Partner', '2024-01-01', "
                    "'2024-01-01'), (4, 'Bo Bibliotekar', 'bo bibliotekar', 'bo@bib.dk', :yes, NULL, "
                    "'2024-01-01', '2024-01-01')"
                ),
                {"no": False, "yes": True},
            )
            run(
                text(
                    "INSERT INTO organisations (id, name, name_key, created_at, updated_at) "
                    "VALUES (1, 'Kulturhuset', 'kulturhuset', '2024-01-01', '2024-01-01')"
                )
            )
            run(text("INSERT INTO affiliations (person_id, organisation_id, role) VALUES (3, 1, 'Leder')"))
            run(
                text(
                    "INSERT INTO relations (kind, from_person_id, to_person_id, owner_id, strength, created_at, "
                    "updated_at) VALUES ('knows', 4, 3, 4, 4, '2024-01-01', '2024-01-01')"
                )
            )
            run(
                text(
                    "INSERT INTO partnerships (title, owner_id, stage, closed, created_at, updated_at) "
                    "VALUES ('Læseklub', 3, 'idea', :no, '2024-01-01', '2024-01-01')"
                ),
                {"no": False},
            )
            run(
                text(
                    "INSERT INTO competence_assessments (person_id, assessed_on, scores, created_at) "
                    "VALUES (4, '2024-02-01', '{}', '2024-02-01')"
                )
            )
    finally:
        engine.dispose()

    db = open_database(any_db_url, cached=False)
    try:
        assert schema_version(db.engine) == head_revision()
        columns = {c["name"] for c in inspect(db.engine).get_columns("people")}
        assert {"informed_on", "informed_how", "informed_note"} <= columns
        with db.engine.connect() as connection:
            assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
        with db.read() as session:
            soren = session.get(Person, 3)
            assert (soren.name, soren.purpose, soren.informed_on, soren.informed_how) == (
                "Søren Ærø",
                "Partner",
                None,
                None,
            )
            # Nothing pointing at people was lost or emptied on the way.
            assert session.scalars(select(Affiliation.role)).all() == ["Leder"]
            tie = session.scalars(select(Relation)).one()
            assert (tie.from_person_id, tie.to_person_id, tie.owner_id) == (4, 3, 4)
            assert session.scalars(select(Partnership.owner_id)).all() == [3]
            assert session.scalars(select(CompetenceAssessment.person_id)).all() == [4]
            assert informing.uninformed_contacts(session, TODAY)["name"].tolist() == ["Søren Ærø"]
        # The database itself refuses a way of informing that is not one of the codes.
        with pytest.raises(IntegrityError), db.engine.begin() as connection:
            connection.execute(text("UPDATE people SET informed_how = 'fax' WHERE id = 3"))
    finally:
        db.dispose()
