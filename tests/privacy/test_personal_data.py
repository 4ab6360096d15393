"""Personal data (GDPR) as an administrator and the person asking meet it: everything held about a
person handed over, an erasure that leaves nothing behind but a one-way marker, an import that does
not bring them back, the retention list, the event log, and ``python -m lib person``."""

from __future__ import annotations

import builtins
import datetime as dt
import hashlib
import io
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import JSON, String, Text, event, select

from lib import contacts
from lib.cli.main import main
from lib.core.access import AccessDenied, Principal
from lib.core.errors import ValidationFailed
from lib.core.i18n import TEXTS, t
from lib.db import (
    Affiliation,
    Agreement,
    Assessment,
    Base,
    ChecklistAssessment,
    CompetenceAssessment,
    ContactLogEntry,
    Database,
    DuplicateCandidate,
    ErasureMarker,
    Event,
    Goal,
    ImportBatch,
    ImportChange,
    NodePosition,
    Organisation,
    Partnership,
    PartnershipOrganisation,
    Person,
    Relation,
    StrengthOffer,
    get_setting,
    log_event,
    open_database,
)
from lib.ingest.contact_lists import prepare_file, run_import
from lib.network.graph import build_graph, graph_signature
from lib.privacy import personal_data as pdata
from lib.workspace import events as eventlog
from tests.pg import older_workspace
from tests.sheets import xlsx

ROOT = Path(__file__).resolve().parents[2]
NAME = "Gunhild Østergaard"
EMAIL = "gunhild@eksempel.dk"
OLD_NAME, OLD_EMAIL = "G. Østergaard", "gunhild.gammel@eksempel.dk"
#: A different person with a similar name: must come through every erasure untouched.
NAMESAKE = "Gunhild Østergård"
HEADER = ["Navn", "E-mail", "Organisation", "Stilling"]
EDITOR = Principal(email="e@bib.dk", role="editor")


@dataclass
class Built:
    person: int
    merged: int
    bent: int
    namesake: int
    organisation: int
    held_relation: int
    partnership: int


def import_rows(
    db: Database, name: str, rows: list[list[Any]], *, commit: bool = True, update_mode: str = "fill-empty"
):
    prepared = prepare_file(db, name, xlsx({"Kontakter": [HEADER, *rows]}))
    assert prepared.error is None
    for sheet in prepared.sheets:
        sheet.update_mode = update_mode
    return run_import(db, prepared.sheets, commit=commit)


def build_person(db: Database) -> Built:
    """A person with one (or a known few) of everything the workspace can hold about someone."""
    import_rows(db, "kontakter.xlsx", [[NAME, EMAIL, "Kulturhuset Nord", "Formidler"]])
    import_rows(db, "opdatering.xlsx", [[NAME, EMAIL, "Kulturhuset Nord", "Leder"]], update_mode="overwrite")
    with db.write() as session:
        person = session.scalars(select(Person).where(Person.email == EMAIL)).one()
        org = session.scalars(select(Organisation).where(Organisation.name == "Kulturhuset Nord")).one()
        org.notes = f"Kontakt: {NAME}, {EMAIL.upper()}"
        bent = Person(name="Bent Frandsen", name_key="bent frandsen", email="bent@bib.dk", is_staff=True)
        namesake = Person(name=NAMESAKE, name_key="gunhild ostergard")
        session.add_all([bent, namesake])
        session.flush()
        contacts.update_person(session, person.id, {"phone": "+45 11 22 33 44", "notes": "Ring om formiddagen"})
        old_id = contacts.create_person(session, {"name": OLD_NAME, "email": OLD_EMAIL})
        contacts.merge_people(session, person.id, old_id)
        person.purpose = "Samarbejdspartner – legitim interesse"
        session.add_all(
            [
                Relation(
                    kind="knows",
                    from_person_id=bent.id,
                    to_person_id=person.id,
                    owner_id=bent.id,
                    strength=4,
                    last_contact=dt.date(2026, 5, 1),
                ),
                Relation(kind="works_with", from_person_id=person.id, to_organisation_id=org.id),
            ]
        )
        held = Relation(
            kind="partner",
            from_person_id=bent.id,
            to_organisation_id=org.id,
            owner_id=person.id,
            notes=f"{NAME} holder kontakten",
        )
        partnership = Partnership(title="Læseklub i Nord", owner_id=person.id, stage="scoping_building")
        goal = Goal(
            title="Flere unge læsere",
            owner_id=person.id,
            baseline=10,
            target=20,
            baseline_date=dt.date(2026, 1, 1),
            target_date=dt.date(2027, 1, 1),
        )
        session.add_all([held, partnership, goal])
        session.flush()
        session.add_all(
            [
                PartnershipOrganisation(partnership_id=partnership.id, organisation_id=org.id),
                Agreement(partnership_id=partnership.id, contact_persons=f"{NAME} ({EMAIL})"),
                ContactLogEntry(
                    partnership_id=partnership.id,
                    contacted_on=dt.date(2026, 6, 1),
                    staff_id=person.id,
                    channel="meeting",
                    note="Første møde",
                ),
                Assessment(
                    organisation_id=org.id,
                    assessed_on=dt.date(2026, 2, 1),
                    assessor_id=person.id,
                    decided_by_id=person.id,
                    decision="go_ahead",
                    decided_on=dt.date(2026, 2, 2),
                    scores={},
                ),
                ChecklistAssessment(assessed_on=dt.date(2026, 3, 1), assessor_id=person.id, scores={}),
                CompetenceAssessment(
                    person_id=person.id,
                    assessed_on=dt.date(2026, 4, 1),
                    scores={"network": 4},
                    development_needs="Forhandling",
                ),
                StrengthOffer(
                    category="rooms", title="Mødelokaler", updated_on=dt.date(2026, 4, 1), contact_person_id=person.id
                ),
                DuplicateCandidate(person_a_id=person.id, person_b_id=namesake.id, rule="similar_name", score=94.0),
                NodePosition(view="whole", node_key=f"P{person.id}", x=1.0, y=2.0),
                NodePosition(view="staff", node_key=f"P{person.id}", x=1.0, y=2.0),
                NodePosition(view="whole", node_key=f"P{old_id}", x=3.0, y=4.0),
                NodePosition(view="whole", node_key=f"P{bent.id}", x=5.0, y=6.0),
            ]
        )
        log_event(session, "goal_created", entity="goal", entity_id=goal.id, actor=EMAIL, title=goal.title)
        log_event(
            session,
            "partnership_updated",
            entity="partnership",
            entity_id=partnership.id,
            actor="bent@bib.dk",
            changes={"owner_id": [bent.id, person.id]},
            note=f"Overdraget til {NAME}",
        )
        return Built(person.id, old_id, bent.id, namesake.id, org.id, held.id, partnership.id)


@pytest.fixture
def built(db: Database) -> Built:
    return build_person(db)


# --- what is held, and handing it over -------------------------------------------------------------


@pytest.mark.slow
def test_a_person_is_found_by_any_of_their_emails_in_any_case(db: Database, built: Built) -> None:
    with db.read() as session:
        assert pdata.find_person(session, " GUNHILD@Eksempel.dk ").id == built.person
        assert pdata.find_person(session, OLD_EMAIL.upper()).id == built.person
        assert pdata.find_person(session, "nobody@eksempel.dk") is None
        assert pdata.find_person(session, "") is None


@pytest.mark.slow
def test_the_export_holds_every_part_with_its_details(db: Database, built: Built) -> None:
    with db.write() as session:
        data = pdata.person_export(session, built.person, actor="admin@bib.dk")
    assert pdata.part_counts(data) == {
        "person": 1,
        "affiliations": 1,
        "relations": 2,
        "relations_held": 1,
        "partnerships": 1,
        "goals": 1,
        "contact_log": 1,
        "evaluation_links": 0,
        "staff_survey": 0,
        "assessments": 3,
        "competence_assessments": 1,
        "strength_offers": 1,
        "duplicate_reviews": 1,
        "imports": 2,
        "import_changes": 1,
        "events": 5,
    }
    record = data["person"]
    assert (record["name"], record["email"], record["other_emails"]) == (NAME, EMAIL, [OLD_EMAIL])
    assert (record["title"], record["phone"], record["purpose"]) == (
        "Leder",
        "+4511223344",
        "Samarbejdspartner – legitim interesse",
    )
    assert record["import_file"] == "kontakter.xlsx" and record["imported_at"] is not None
    assert data["affiliations"][0]["organisation"] == "Kulturhuset Nord"
    assert {(r["direction"], r["other"]) for r in data["relations"]} == {
        ("incoming", "Bent Frandsen"),
        ("outgoing", "Kulturhuset Nord"),
    }
    assert data["relations_held"][0] == {
        "from": "Bent Frandsen",
        "to": "Kulturhuset Nord",
        "kind": "partner",
        "strength": None,
        "first_contact": None,
        "last_contact": None,
    }
    assert {(a["assessment_kind"], a["assessment_role"]) for a in data["assessments"]} == {
        ("partner", "assessor"),
        ("partner", "decided_by"),
        ("checklist", "assessor"),
    }
    assert data["duplicate_reviews"][0]["other"] == NAMESAKE
    assert [i["file_name"] for i in data["imports"]] == ["kontakter.xlsx", "opdatering.xlsx"]
    assert data["import_changes"][0]["before"]["title"] == "Formidler"
    # About them (edits, the merge of their older record, even that record's creation) and done by them.
    assert sorted(e["action"] for e in data["events"]) == [
        "goal_created",
        "people_merged",
        "person_created",
        "person_merged_into",
        "person_updated",
    ]
    with db.read() as session:
        logged = session.scalars(select(Event).where(Event.action == "person_exported")).one()
    assert (logged.actor, logged.entity_id) == ("admin@bib.dk", built.person)
    assert logged.details["parts"]["relations"] == 2
    assert EMAIL not in json.dumps(logged.details) and NAME not in json.dumps(logged.details, ensure_ascii=False)


@pytest.mark.slow
def test_json_and_excel_files_hold_the_same_parts(db: Database, built: Built) -> None:
    with db.write() as session:
        as_json = json.loads(pdata.person_export_json(session, built.person).decode("utf-8"))
        workbook = load_workbook(io.BytesIO(pdata.person_export_xlsx(session, built.person, lang="en")))
    assert set(pdata.PARTS) <= set(as_json)
    assert as_json["person"]["name"] == NAME
    assert as_json["contact_log"][0]["contacted_on"] == "2026-06-01"
    assert workbook.sheetnames == [t(f"personal_data.part.{part}", "en")[:31] for part in pdata.PARTS]
    record = {row[0]: row[1] for row in workbook["Person"].iter_rows(min_row=2, values_only=True)}
    assert record["E-mail"] == EMAIL and record["Purpose and lawful basis"].startswith("Samarbejdspartner")
    relations = list(workbook["Relations"].iter_rows(values_only=True))
    assert relations[0][:2] == ("Direction", "Other party")
    assert {row[1] for row in relations[1:]} == {"Bent Frandsen", "Kulturhuset Nord"}
    with db.read() as session:
        assert [
            e.details["format"]
            for e in session.scalars(select(Event).where(Event.action == "person_exported").order_by(Event.id))
        ] == ["json", "xlsx"]


def test_every_export_column_has_words_in_both_languages() -> None:
    keys = [f"personal_data.col.{c}" for columns in pdata.PART_COLUMNS.values() for c in columns]
    keys += [f"personal_data.field.{f}" for f in pdata.PERSON_FIELDS]
    keys += [f"personal_data.part.{p}" for p in pdata.PARTS]
    for key in keys:
        assert TEXTS[key]["da"].strip() and TEXTS[key]["en"].strip(), key


# --- erasure ---------------------------------------------------------------------------------------


def stored_texts(db: Database) -> list[tuple[str, str, str]]:
    """Every text and JSON value in every table, as (table, column, text)."""
    found = []
    with db.read() as session:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, (String, Text, JSON))]
            for row in session.execute(select(*columns)) if columns else ():
                for column, value in zip(columns, row, strict=True):
                    if isinstance(value, str):
                        found.append((table.name, column.name, value))
                    elif value is not None:
                        found.append((table.name, column.name, json.dumps(value, ensure_ascii=False)))
    return found


def person_references(db: Database, ids: set[int]) -> list[tuple[str, str, Any]]:
    """Foreign keys to people, and person-reference keys in JSON payloads, that hold one of ``ids``."""
    found = []

    def walk(table: str, column: str, value: Any, key: str | None = None) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(table, column, v, k)
        elif isinstance(value, list):
            for v in value:
                walk(table, column, v, key)
        elif key in pdata.PERSON_REFERENCE_KEYS and value in ids:
            found.append((table, f"{column}.{key}", value))

    with db.read() as session:
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                if any(fk.column.table.name == "people" for fk in column.foreign_keys):
                    for value in session.scalars(select(column).where(column.in_(ids))):
                        found.append((table.name, column.name, value))
                elif isinstance(column.type, JSON):
                    for value in session.scalars(select(column)):
                        walk(table.name, column.name, value)
    return found


def whole_database(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    with db.read() as session:
        return {
            table.name: sorted(map(tuple, session.execute(select(table)).all()), key=repr)
            for table in Base.metadata.sorted_tables
        }


@pytest.mark.slow
def test_erasure_leaves_no_trace_of_the_person_anywhere(any_db_url: str) -> None:
    db = open_database(any_db_url)
    built = build_person(db)
    with db.write() as session:
        pdata.person_export(session, built.person)  # the export event is about them too
    needles = [EMAIL, OLD_EMAIL, NAME, OLD_NAME]
    assert all(any(n.casefold() in text.casefold() for _, _, text in stored_texts(db)) for n in needles)

    with db.write() as session:
        report = pdata.erase_person(session, built.person, actor="admin@bib.dk")

    assert report.as_dict() == {
        "people": 1,
        "affiliations": 1,
        "relations": 2,
        "competence_assessments": 1,
        "node_positions": 3,
        "import_changes": 1,
        "duplicate_candidates": 1,
        "evaluation_answers": 0,
        "survey_answers": 0,
        "events_erased": 5,
        "rows_redacted": 5,
        "markers": 2,
    }
    leftovers = [
        (table, column, text)
        for table, column, text in stored_texts(db)
        if any(n.casefold() in text.casefold() for n in needles)
    ]
    assert leftovers == []
    assert person_references(db, {built.person, built.merged}) == []
    with db.read() as session:
        assert session.get(Person, built.person) is None
        erased = [e for e in session.scalars(select(Event)) if e.details == {"erased": True}]
        assert sorted(e.action for e in erased) == [
            "people_merged",
            "person_created",
            "person_exported",
            "person_merged_into",
            "person_updated",
        ]
        assert all(e.entity_id is None for e in erased)
        assert session.scalars(select(NodePosition.node_key)).all() == [f"P{built.bent}"]
        # What belongs to others stays, without her in it.
        assert session.get(Person, built.namesake).name == NAMESAKE
        held = session.get(Relation, built.held_relation)
        assert (held.owner_id, held.notes) == (None, f"{pdata.REDACTED} holder kontakten")
        assert session.get(Partnership, built.partnership).owner_id is None
        assert session.get(Organisation, built.organisation).notes == f"Kontakt: {pdata.REDACTED}, {pdata.REDACTED}"
        handover = session.scalars(select(Event).where(Event.action == "partnership_updated")).one()
        assert handover.details == {
            "changes": {"owner_id": [built.bent, None]},
            "note": f"Overdraget til {pdata.REDACTED}",
        }
        assert session.scalars(select(Event.actor).where(Event.action == "goal_created")).one() == pdata.REDACTED
        log = session.scalars(select(Event).where(Event.action == "person_erased")).one()
        assert (log.actor, log.entity_id, log.details) == ("admin@bib.dk", None, report.as_dict())


@pytest.mark.slow
def test_events_about_the_person_keep_only_action_and_time(db: Database, built: Built) -> None:
    with db.read() as session:
        before = {
            e.id: (e.action, e.at)
            for e in session.scalars(
                select(Event).where(Event.entity == "person", Event.entity_id.in_([built.person, built.merged]))
            )
        }
    with db.write() as session:
        pdata.erase_person(session, built.person)
    with db.read() as session:
        after = {e.id: e for e in session.scalars(select(Event).where(Event.id.in_(before)))}
    assert sorted(before) == sorted(after) and len(before) == 4
    for event_id, (action, at) in before.items():
        event = after[event_id]
        assert (event.action, event.at, event.entity_id, event.details) == (action, at, None, {"erased": True})


@pytest.mark.slow
def test_markers_are_one_way_and_keyed_by_the_workspace(db_url: str) -> None:
    db = open_database(db_url)

    # Many SQLite builds overwrite deleted content anyway; this one must not be relied on.
    @event.listens_for(db.engine, "connect")
    def _without_secure_delete(connection: Any, _record: Any) -> None:
        connection.execute("PRAGMA secure_delete = OFF")

    db.engine.dispose()
    built = build_person(db)
    with db.write() as session:
        pdata.erase_person(session, built.person)
    with db.read() as session:
        key = bytes.fromhex(get_setting(session, pdata.KEY_SETTING))
        hashes = set(session.scalars(select(ErasureMarker.email_hash)))
        assert pdata.was_erased(session, "Gunhild@EKSEMPEL.dk") and pdata.was_erased(session, OLD_EMAIL)
        assert not pdata.was_erased(session, "bent@bib.dk")
    assert len(key) == 32
    assert hashes == {pdata.email_hash(key, EMAIL), pdata.email_hash(key, OLD_EMAIL)}
    # Not a plain hash anyone could compute from a list of e-mails.
    assert hashlib.sha256(EMAIL.encode()).hexdigest() not in hashes
    # Nor is the e-mail left in the file: deleted rows are overwritten, not just unlinked.
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = Path(db_url.split("///", 1)[1]).read_bytes()
    assert EMAIL.encode() not in raw and NAME.encode() not in raw


def test_erasure_as_an_editor_is_refused_and_changes_nothing(db: Database, built: Built) -> None:
    before = whole_database(db)
    with pytest.raises(AccessDenied) as refused, db.write() as session:
        session.info["principal"] = EDITOR
        pdata.erase_person(session, built.person)
    assert refused.value.permission == "erase"
    assert "redaktør" in refused.value.message("da")
    assert whole_database(db) == before
    with pytest.raises(AccessDenied), db.write() as session:
        session.info["principal"] = EDITOR
        pdata.person_export(session, built.person)
    assert whole_database(db) == before


@pytest.mark.slow
def test_erasing_someone_who_is_gone_is_refused_before_anything_changes(db: Database, built: Built) -> None:
    before = whole_database(db)
    with pytest.raises(ValidationFailed) as refused, db.write() as session:
        pdata.erase_people(session, [built.namesake, 999_999])
    assert refused.value.key == "personal_data.person_not_found"
    assert whole_database(db) == before


@pytest.mark.slow
def test_the_network_built_after_erasure_has_no_node_for_them(db: Database, built: Built) -> None:
    with db.read() as session:
        before = build_graph(session)
    assert f"P{built.person}" in before
    with db.write() as session:
        pdata.erase_person(session, built.person)
    with db.read() as session:
        after = build_graph(session)
    assert f"P{built.person}" not in after and f"P{built.bent}" in after
    assert graph_signature(after) != graph_signature(before)
    assert all(NAME not in str(data.get("label")) for _, data in after.nodes(data=True))


@pytest.mark.slow
def test_an_import_skips_rows_of_erased_people_with_a_warning(db: Database, built: Built) -> None:
    with db.write() as session:
        pdata.erase_person(session, built.person)
    rows = [
        [NAME, EMAIL.upper(), "Kulturhuset Nord", "Leder"],
        ["Gunhild Ø.", OLD_EMAIL, None, None],
        ["Ny Kontakt", "ny@eksempel.dk", "Kulturhuset Nord", None],
    ]
    for commit in (False, True):
        result = import_rows(db, "gammel-liste.xlsx", rows, commit=commit)
        assert result.counts == {"rows": 3, "inserted": 1, "updated": 0, "unchanged": 0, "rejected": 0, "skipped": 2}
        assert result.balanced
        warnings = [(p.row, p.column, p.key, p.severity) for p in result.problems]
        assert warnings == [
            (2, "E-mail", "personal_data.previously_erased", "warning"),
            (3, "E-mail", "personal_data.previously_erased", "warning"),
        ]
        assert result.problems[0].message("da") == t("personal_data.previously_erased", "da")
    with db.read() as session:
        assert pdata.find_person(session, EMAIL) is None and pdata.find_person(session, OLD_EMAIL) is None
        assert pdata.find_person(session, "ny@eksempel.dk") is not None


@pytest.mark.slow
def test_a_person_created_again_with_consent_is_updated_by_imports(db: Database, built: Built) -> None:
    with db.write() as session:
        pdata.erase_person(session, built.person)
    with db.write() as session:
        again = contacts.create_person(session, {"name": NAME, "email": EMAIL})
    result = import_rows(db, "liste.xlsx", [[NAME, EMAIL, None, "Leder"]])
    assert (result.counts["updated"], result.counts["skipped"]) == (1, 0)
    assert result.problems == []
    with db.read() as session:
        assert session.get(Person, again).title == "Leder"


@pytest.mark.slow
def test_erasing_several_people_at_once(db: Database, built: Built) -> None:
    with db.write() as session:
        report = pdata.erase_people(session, [built.person, built.namesake], actor="admin@bib.dk")
    assert (report.people, report.duplicate_candidates, report.markers) == (2, 1, 2)
    with db.read() as session:
        assert session.scalars(select(Person.name)).all() == ["Bent Frandsen"]
        assert len(session.scalars(select(Event).where(Event.action == "person_erased")).all()) == 1
    leftovers = [text for _, _, text in stored_texts(db) if "gunhild" in text.casefold()]
    assert leftovers == []


def test_a_shared_name_is_not_removed_from_other_records(db: Database) -> None:
    with db.write() as session:
        first = Person(name="Ann Berg", name_key="ann berg", email="ann1@eksempel.dk")
        second = Person(name="Ann Berg", name_key="ann berg", email="ann2@eksempel.dk")
        org = Organisation(name="Kulturhuset", name_key="kulturhuset", notes="Spørg Ann Berg (ann1@eksempel.dk)")
        session.add_all([first, second, org])
    with db.write() as session:
        pdata.erase_person(session, first.id)
    with db.read() as session:
        # Which Ann Berg the note means cannot be told: the e-mail goes, the name stays.
        assert session.get(Organisation, org.id).notes == f"Spørg Ann Berg ({pdata.REDACTED})"
        assert session.get(Person, second.id).name == "Ann Berg"


# --- purpose ---------------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_purpose_is_stored_and_logged(db: Database, built: Built) -> None:
    with db.write() as session:
        assert pdata.set_purpose(session, built.bent, "  Medarbejder – ansættelsesforhold \r\n", "admin@bib.dk")
        assert not pdata.set_purpose(session, built.bent, "Medarbejder – ansættelsesforhold")
    with db.read() as session:
        assert session.get(Person, built.bent).purpose == "Medarbejder – ansættelsesforhold"
        event = session.scalars(select(Event).where(Event.action == "person_purpose_set")).one()
    assert event.details == {"changes": {"purpose": [None, "Medarbejder – ansættelsesforhold"]}}
    with pytest.raises(ValidationFailed), db.write() as session:
        pdata.set_purpose(session, built.bent, "x" * 2001)


# --- retention -------------------------------------------------------------------------------------

TODAY = dt.date(2026, 11, 25)
LONG_AGO = dt.datetime(2022, 1, 10, 12, 0)


def add_aged(session: Any, name: str, *, staff: bool = False) -> Person:
    person = Person(
        name=name,
        name_key=name.lower(),
        email=f"{name.split()[0].lower()}@eksempel.dk",
        is_staff=staff,
        created_at=LONG_AGO,
        updated_at=LONG_AGO,
    )
    session.add(person)
    session.flush()
    return person


@pytest.fixture
def aged(db: Database) -> dict[str, int]:
    """Contacts last used at known dates (and an old staff member, never listed)."""
    with db.write() as session:
        old = add_aged(session, "Gammel Kontakt")
        tied = add_aged(session, "Relation Kontakt")
        partner = add_aged(session, "Partner Kontakt")
        imported = add_aged(session, "Importeret Kontakt")
        staff = add_aged(session, "Bibliotekar Bo", staff=True)
        session.add(
            Relation(
                from_person_id=staff.id,
                to_person_id=tied.id,
                last_contact=dt.date(2025, 6, 1),
                created_at=LONG_AGO,
                updated_at=LONG_AGO,
            )
        )
        org = Organisation(name="Partnerforeningen", name_key="partnerforeningen")
        partnership = Partnership(title="Fælles arrangementer", stage="managing_maintaining")
        session.add_all([org, partnership])
        session.flush()
        session.add_all(
            [
                Affiliation(person_id=partner.id, organisation_id=org.id),
                PartnershipOrganisation(partnership_id=partnership.id, organisation_id=org.id),
                ContactLogEntry(partnership_id=partnership.id, contacted_on=dt.date(2026, 3, 1), channel="meeting"),
            ]
        )
        batch = ImportBatch(file_name="opdatering.xlsx", created_at=dt.datetime(2025, 12, 1, 9, 0))
        session.add(batch)
        session.flush()
        session.add(
            ImportChange(
                batch_id=batch.id, table_name="people", record_id=imported.id, action="update", before={"title": None}
            )
        )
        return {
            "old": old.id,
            "tied": tied.id,
            "partner": partner.id,
            "imported": imported.id,
            "staff": staff.id,
            "batch": batch.id,
        }


def candidates(db: Database, months: int | None = None) -> list[str]:
    with db.read() as session:
        return pdata.retention_candidates(session, TODAY, months)["name"].tolist()


def test_last_use_is_the_latest_of_every_kind_of_use(db: Database, aged: dict[str, int]) -> None:
    with db.read() as session:
        used = pdata.last_used(session)
    assert used[aged["old"]] == dt.date(2022, 1, 10)
    assert used[aged["tied"]] == dt.date(2025, 6, 1)
    assert used[aged["partner"]] == dt.date(2026, 3, 1)
    assert used[aged["imported"]] == dt.date(2025, 12, 1)


def test_the_retention_list_follows_the_period(db: Database, aged: dict[str, int]) -> None:
    assert candidates(db) == ["Gammel Kontakt"]  # 24 months by default
    assert candidates(db, 12) == ["Gammel Kontakt", "Relation Kontakt"]
    assert candidates(db, 6) == ["Gammel Kontakt", "Relation Kontakt", "Importeret Kontakt", "Partner Kontakt"]
    with db.write() as session:
        assert pdata.set_retention_months(session, "12", actor="admin@bib.dk") == 12
    assert candidates(db) == ["Gammel Kontakt", "Relation Kontakt"]
    with db.write() as session:
        session.get(ImportBatch, aged["batch"]).status = "undone"
    assert candidates(db, 6)[:3] == ["Gammel Kontakt", "Importeret Kontakt", "Relation Kontakt"]


@pytest.mark.parametrize("months", [0, 241, "tolv", "1.5", None])
def test_a_retention_period_outside_1_to_240_months_is_refused(db: Database, months: object) -> None:
    with pytest.raises(ValidationFailed) as refused, db.write() as session:
        pdata.set_retention_months(session, months)
    assert refused.value.key == "personal_data.retention_invalid"
    with db.read() as session:
        assert pdata.retention_months(session) == pdata.DEFAULT_RETENTION_MONTHS


def test_months_before_keeps_the_day_or_takes_the_months_last() -> None:
    assert pdata.months_before(dt.date(2026, 11, 25), 24) == dt.date(2024, 11, 25)
    assert pdata.months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert pdata.months_before(dt.date(2024, 3, 31), 1) == dt.date(2024, 2, 29)
    assert pdata.months_before(dt.date(2026, 1, 15), 13) == dt.date(2024, 12, 15)


# --- the event log ---------------------------------------------------------------------------------


@pytest.fixture
def logged(db: Database) -> None:
    with db.write() as session:
        for day, who, action in (
            (1, "anna@bib.dk", "person_created"),
            (2, "bo@bib.dk", "import_committed"),
            (3, "anna@bib.dk", "goal_updated"),
            (4, None, "workspace_exported"),
        ):
            event = log_event(session, action, actor=who, files="liste.xlsx")
            event.at = dt.datetime(2026, 10, day, 12, 0)


def test_the_event_log_is_filtered_and_labelled(db: Database, logged: None) -> None:
    with db.read() as session:
        everything = eventlog.events_frame(session)
        anna = eventlog.events_frame(session, actor="ANNA", lang="en")
        imports = eventlog.events_frame(session, action="import_committed")
        period = eventlog.events_frame(session, since=dt.date(2026, 10, 2), until=dt.date(2026, 10, 3))
        actions = eventlog.event_actions(session)
    assert everything["action"].tolist() == ["workspace_exported", "goal_updated", "import_committed", "person_created"]
    assert everything["action_label"].tolist()[:2] == ["Arbejdsområdet eksporteret", "Mål rettet"]
    assert anna["action_label"].tolist() == ["Goal edited", "Person created"]
    assert imports["actor"].tolist() == ["bo@bib.dk"]
    assert period["action"].tolist() == ["goal_updated", "import_committed"]
    assert everything["details"].iloc[0] == "Filer: liste.xlsx"  # in words, not JSON (issue 12)
    assert actions == ["goal_updated", "import_committed", "person_created", "workspace_exported"]


def test_the_event_log_is_for_administrators_only(db: Database, logged: None) -> None:
    with pytest.raises(AccessDenied) as refused, db.read() as session:
        session.info["principal"] = EDITOR
        eventlog.events_frame(session)
    assert refused.value.permission == "view_events"


def test_saving_the_event_log_is_itself_logged(db: Database, logged: None) -> None:
    with db.write() as session:
        data = eventlog.events_xlsx(session, lang="en", exported_by="admin@bib.dk", actor="anna")
    rows = list(load_workbook(io.BytesIO(data))["Events"].iter_rows(values_only=True))
    assert rows[0] == ("Time", "Done by", "Action", "Kind of record", "Id", "Details")
    assert [row[2] for row in rows[1:]] == ["Goal edited", "Person created"]
    with db.read() as session:
        event = session.scalars(select(Event).where(Event.action == "events_exported")).one()
    # One person is named in the file as the one who acted: anna.
    assert (event.actor, event.details) == ("admin@bib.dk", {"people": 1, "rows": 2, "filters": {"actor": "anna"}})


def test_every_action_the_product_logs_has_words_in_both_languages() -> None:
    source = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "lib").rglob("*.py"))
    literal = (
        r"(?:log_event\(\s*session,|_add_record\([^)]*?|_store_changes\([^)]*?|"
        r'log_organisation_use\([^)]*?)\s*"([a-z_]+)"'
    )
    actions = set(re.findall(literal, source))
    actions |= set(re.findall(r'log_event\(\s*session,\s*"([a-z_]+)"', source))
    # lib.workspace.events.log_export(session, kind, ...) logs "<kind>_exported".
    actions |= {f"{kind}_exported" for kind in re.findall(r'log_export\(\s*session,\s*"([a-z_]+)"', source)}
    assert {"person_erased", "person_exported", "import_committed", "organisation_assessed"} <= actions
    for action in actions:
        key = f"admin.action.{action}"
        assert key in TEXTS and TEXTS[key]["da"] and TEXTS[key]["en"], action


def test_personal_data_texts_exist_in_both_languages() -> None:
    keys = [key for key in TEXTS if key.startswith(("personal_data.", "admin."))]
    assert len(keys) > 150
    for key in keys:
        assert TEXTS[key]["da"].strip() and TEXTS[key]["en"].strip(), key


# --- the command line ------------------------------------------------------------------------------


@pytest.mark.slow
def test_cli_exports_a_person_to_json_and_excel(
    db_url: str, built: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "gunhild.json"
    assert main(["person", "export", EMAIL.upper(), str(out), "--db", db_url, "--actor", "admin@bib.dk"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["person"]["email"] == EMAIL
    assert capsys.readouterr().out.strip() == t("personal_data.cli.exported", "da", name=NAME, out=str(out))
    excel = tmp_path / "gunhild.xlsx"
    assert main(["person", "export", OLD_EMAIL, str(excel), "--db", db_url, "--lang", "en"]) == 0
    assert "Relations" in load_workbook(excel).sheetnames
    assert main(["person", "export", EMAIL, str(tmp_path / "gunhild.txt"), "--db", db_url]) == 2
    assert "json" in capsys.readouterr().err
    assert main(["person", "export", "ingen@eksempel.dk", str(out), "--db", db_url]) == 2
    assert capsys.readouterr().err.strip() == "Ingen person har e-mailen ingen@eksempel.dk."


@pytest.mark.slow
def test_cli_erases_only_after_confirmation(
    db_url: str, built: Built, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(db_url)
    # Not a terminal and no --yes: nobody can confirm, so nothing happens.
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["person", "erase", EMAIL, "--db", db_url]) == 2
    assert capsys.readouterr().err.strip() == t("personal_data.cli.needs_yes", "da")
    # A terminal where the user types something else.
    monkeypatch.setattr(sys, "stdin", _Terminal())
    monkeypatch.setattr(builtins, "input", lambda prompt: "bent@bib.dk")
    assert main(["person", "erase", EMAIL, "--db", db_url]) == 1
    with db.read() as session:
        assert pdata.find_person(session, EMAIL) is not None
    # … and the e-mail again.
    monkeypatch.setattr(builtins, "input", lambda prompt: " Gunhild@Eksempel.dk ")
    assert main(["person", "erase", EMAIL, "--db", db_url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["people"] == 1
    with db.read() as session:
        assert pdata.find_person(session, EMAIL) is None
    assert main(["person", "erase", EMAIL, "--db", db_url, "--yes"]) == 2
    assert capsys.readouterr().err.strip() == f"Ingen person har e-mailen {EMAIL}."


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.slow
def test_cli_erase_with_yes_from_a_script(db_url: str, built: Built) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "lib", "person", "erase", OLD_EMAIL, "--yes", "--db", db_url, "--lang", "en"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("The person was erased: 1 affiliation, 2 relations")
    with open_database(db_url).read() as session:
        assert session.get(Person, built.person) is None


# --- the schema ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_schema_upgrade_keeps_people_and_matches_the_models(any_db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from lib.db import head_revision, schema_version

    older_workspace(any_db_url, "0005", person_id=3)
    db = open_database(any_db_url, cached=False)
    try:
        assert schema_version(db.engine) == head_revision()
        with db.read() as session:
            person = session.get(Person, 3)
            assert (person.name, person.purpose) == ("Søren Ærø", None)
        with db.engine.connect() as connection:
            assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
        with db.write() as session:
            pdata.erase_person(session, 3)
        with db.read() as session:
            assert session.scalar(select(ErasureMarker.erased_on)) == dt.date.today()
    finally:
        db.dispose()
