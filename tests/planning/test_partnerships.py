"""Partnerships: editing with validation, the pipeline, contact rhythm, agreement completeness and
alerts at a fixed day, the one-page summary, the network's partner rule, the import and the demo."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from lib.core.errors import UndoNotPossible, ValidationFailed
from lib.core.i18n import TEXTS
from lib.db import (
    Agreement,
    ContactLogEntry,
    Database,
    Organisation,
    Partnership,
    PartnershipGoal,
    PartnershipOrganisation,
    Relation,
)
from lib.demo.workspace import create_demo_workspace
from lib.ingest.planning_tables import undo_table_import
from lib.network.graph import LIBRARY, build_graph, partner_organisations
from lib.planning import partnerships as ps
from tests.planning_builders import add_contact, add_org, add_staff, problem_keys
from tests.sheets import xlsx

D = dt.date
TODAY = D(2026, 3, 1)


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    with db.write() as session:
        return {
            "anna": add_staff(session, "Anna Andersen", "anna@bib.dk"),
            "bo": add_staff(session, "Bo Berg"),
            "carl": add_contact(session, "Carl Carlsen"),
            "museum": add_org(session, "Byens Museum"),
            "skole": add_org(session, "Byskolen"),
            "avis": add_org(session, "Lokalavisen"),
        }


def create(db: Database, values: dict[str, Any], **links: Any) -> int:
    with db.write() as session:
        return ps.create_partnership(session, values, **links)


# --- editing ---------------------------------------------------------------------------------------


def test_create_with_organisations_and_goals(db: Database, people: dict[str, int]) -> None:
    from lib.planning.goals import create_goal

    with db.write() as session:
        goal = create_goal(
            session,
            {"title": "Mål", "baseline": 0, "target": 1, "baseline_date": D(2025, 1, 1), "target_date": D(2026, 1, 1)},
        )
    pid = create(
        db,
        {
            "title": "Fortællinger",
            "owner_id": people["anna"],
            "stage": "scoping_building",
            "depth": "cooperating",
            "formalisation": "oral",
            "start_date": "01-02-2025",
            "contact_rhythm_days": "30",
        },
        organisation_ids=[people["museum"], people["skole"]],
        goal_ids=[goal],
    )
    with db.write() as session:
        ps.set_organisations(session, pid, [people["skole"], people["avis"]])
        assert ps.update_partnership(session, pid, {"stage": "managing_maintaining", "depth": "cooperating"}) == [
            "stage"
        ]
    with db.read() as session:
        p = session.get(Partnership, pid)
        assert (p.stage, p.start_date, p.contact_rhythm_days, p.closed) == (
            "managing_maintaining",
            D(2025, 2, 1),
            30,
            False,
        )
        assert [name for _, name in ps.organisations_of(session)[pid]] == ["Byskolen", "Lokalavisen"]
        assert [title for _, title in ps.goals_of(session)[pid]] == ["Mål"]


@pytest.mark.parametrize(
    ("values", "key"),
    [
        ({"title": ""}, "partnerships.title_required"),
        ({"title": "Ny", "stage": "dreaming"}, "editing.unknown_code"),
        ({"title": "Ny", "depth": "deep"}, "editing.unknown_code"),
        ({"title": "Ny", "contact_rhythm_days": 0}, "partnerships.rhythm_invalid"),
        ({"title": "Ny", "contact_rhythm_days": "2,5"}, "partnerships.rhythm_invalid"),
        ({"title": "Ny", "start_date": D(2025, 5, 1), "end_date": D(2025, 4, 1)}, "partnerships.dates_order"),
        ({"title": " læseklub "}, "partnerships.title_taken"),
    ],
)
def test_partnership_validation(db: Database, people: dict[str, int], values: dict[str, Any], key: str) -> None:
    create(db, {"title": "Læseklub"})
    with pytest.raises(ValidationFailed) as caught:
        create(db, values)
    assert caught.value.key == key and key in TEXTS


def test_owner_must_be_staff_and_an_ended_title_can_be_reused(db: Database, people: dict[str, int]) -> None:
    with pytest.raises(ValidationFailed) as caught:
        create(db, {"title": "X", "owner_id": people["carl"]})
    assert caught.value.key == "editing.not_staff"
    old = create(db, {"title": "Læseklub"})
    with db.write() as session:
        ps.close_partnership(session, old, D(2025, 6, 30))
    again = create(db, {"title": "Læseklub", "stage": "idea"})
    with db.read() as session:
        first = session.get(Partnership, old)
        assert (first.closed, first.ended_on, first.stage) == (True, D(2025, 6, 30), "idea")
    with db.write() as session, pytest.raises(ValidationFailed):
        ps.reopen_partnership(session, old)  # two open partnerships of the same name
    with db.write() as session:
        ps.delete_partnership(session, again)
        ps.reopen_partnership(session, old)
    with db.read() as session:
        assert session.get(Partnership, old).ended_on is None


# --- pipeline --------------------------------------------------------------------------------------


def test_pipeline_counts_every_stage_and_the_ended(db: Database, people: dict[str, int]) -> None:
    for title, stage, closed in (
        ("A", "idea", False),
        ("B", "idea", False),
        ("C", "managing_maintaining", False),
        ("D", "sustaining_ending", True),
        ("E", "idea", True),
    ):
        create(
            db,
            {"title": title, "stage": stage, "closed": closed, "owner_id": people["bo"]},
            organisation_ids=[people["museum"]],
        )
    with db.read() as session:
        columns = ps.pipeline(session)
        counts = ps.pipeline_counts(session)
    assert [c.stage for c in columns] == list(ps.PIPELINE_COLUMNS)
    assert counts == {
        "idea": 2,
        "scoping_building": 0,
        "managing_maintaining": 1,
        "reviewing_revising": 0,
        "sustaining_ending": 0,
        "ended": 2,
    }
    assert columns[0].partnerships[0] == {
        "id": 1,
        "title": "A",
        "owner": "Bo Berg",
        "organisations": ["Byens Museum"],
        "depth": None,
        "formalisation": None,
        "written_agreement": False,
        "start_date": None,
        "end_date": None,
    }


# --- contact rhythm --------------------------------------------------------------------------------


def test_next_contact_due_and_overdue() -> None:
    due = ps.next_contact_due(D(2026, 1, 1), 30, D(2026, 2, 10))
    assert due == ps.ContactDue(D(2026, 1, 1), 30, D(2026, 1, 31), True, 10)
    on_time = ps.next_contact_due(D(2026, 1, 1), 30, D(2026, 1, 31))
    assert (on_time.due, on_time.overdue, on_time.days_overdue) == (D(2026, 1, 31), False, 0)
    from_start = ps.next_contact_due(None, 14, D(2026, 3, 1), start_date=D(2026, 2, 1))
    assert (from_start.due, from_start.days_overdue) == (D(2026, 2, 15), 14)
    assert ps.next_contact_due(D(2026, 1, 1), None, TODAY).due is None
    assert ps.next_contact_due(None, 30, TODAY).due is None


def test_contact_log_sets_the_next_contact(db: Database, people: dict[str, int]) -> None:
    pid = create(
        db,
        {"title": "Sprogcafé", "stage": "managing_maintaining", "contact_rhythm_days": 30, "start_date": D(2025, 1, 1)},
    )
    with db.write() as session:
        ps.add_contact(session, pid, {"contacted_on": "05-01-2026", "staff_id": people["anna"], "channel": "phone"})
        ps.add_contact(session, pid, {"contacted_on": D(2025, 12, 1), "note": "Møde om foråret"})
        with pytest.raises(ValidationFailed) as caught:
            ps.add_contact(session, pid, {"contacted_on": D(2026, 1, 6), "channel": "pigeon"})
    assert caught.value.key == "editing.unknown_code"
    with db.read() as session:
        log = ps.contact_log(session, pid)
        frame = ps.partnerships_frame(session, TODAY)
    assert [(e["contacted_on"], e["staff"], e["channel"]) for e in log] == [
        (D(2026, 1, 5), "Anna Andersen", "phone"),
        (D(2025, 12, 1), None, "meeting"),
    ]
    row = frame.iloc[0]
    assert (row["last_contact"], row["next_contact"], row["contact_overdue"], row["days_overdue"]) == (
        D(2026, 1, 5),
        D(2026, 2, 4),
        True,
        25,
    )


# --- agreements ------------------------------------------------------------------------------------


def test_agreement_fields_are_the_fifteen_of_the_domain() -> None:
    assert ps.AGREEMENT_FIELDS == (
        "parties",
        "purpose",
        "target_group",
        "contributions_library",
        "contributions_partner",
        "roles",
        "contact_persons",
        "communication",
        "start_date",
        "end_date",
        "review_date",
        "economy",
        "rights_branding",
        "evaluation_method",
        "termination",
    )
    for name in (*ps.AGREEMENT_FIELDS, "signed_on", "document_ref"):
        assert TEXTS[f"partnerships.agreement.{name}"]["da"] != TEXTS[f"partnerships.agreement.{name}"]["en"]


def test_agreement_completeness_and_the_written_rule(db: Database, people: dict[str, int]) -> None:
    pid = create(db, {"title": "Aftale", "stage": "managing_maintaining", "formalisation": "written"})
    with db.write() as session:
        ps.save_agreement(
            session,
            pid,
            {
                "parties": "Biblioteket og Museet",
                "purpose": "Formidling",
                "target_group": "  ",
                "roles": "Vi gør det sammen",
                "review_date": "01-04-2026",
                "start_date": D(2025, 1, 1),
                "document_ref": "Sag 12",
            },
        )
    with db.read() as session:
        agreement = ps.get_agreement(session, pid)
        partnership = session.get(Partnership, pid)
        assert partnership.start_date == D(2025, 1, 1)  # the agreement's start date is the partnership's
        assert ps.agreement_completeness(agreement, partnership) == pytest.approx(5 / 15)  # signing not counted
        missing = ps.missing_agreement_fields(agreement, partnership)
        assert "target_group" in missing and len(missing) == 10
        # Filled in, but not signed: a draft, no written agreement, whatever the mark says.
        assert not ps.has_written_agreement(partnership, agreement)
        assert ps.formalisation_of(partnership, agreement) == "draft"
    with db.write() as session:
        ps.save_agreement(session, pid, {"signed_on": D(2025, 1, 10)})
        with pytest.raises(ValidationFailed) as caught:
            ps.save_agreement(session, pid, {"end_date": D(2024, 1, 1)})
    assert caught.value.key == "partnerships.dates_order"
    with db.write() as session, pytest.raises(ValidationFailed) as caught:
        ps.save_agreement(session, pid, {"signed_on": dt.date.today() + dt.timedelta(days=2)})
    assert caught.value.key == "agreement.signed_in_future"
    with db.read() as session:
        agreement = ps.get_agreement(session, pid)
        partnership = session.get(Partnership, pid)
        assert agreement.signed_on == D(2025, 1, 10)  # the day to come was not stored
        assert partnership.end_date is None  # the refused end date reached neither
        assert ps.agreement_completeness(agreement, partnership) == pytest.approx(5 / 15)  # a third: still written
        assert ps.has_written_agreement(partnership, agreement)
        assert ps.formalisation_of(partnership, agreement) == "written"
        assert not ps.has_written_agreement(partnership, agreement, on=D(2025, 1, 9))  # not signed yet then
        assert ps.has_written_agreement(partnership, agreement, on=D(2025, 1, 10))
        assert not ps.has_written_agreement(partnership, None)
        assert ps.agreement_completeness(None) == 0.0
        with pytest.raises(TypeError):
            ps.agreement_completeness(agreement)  # its dates and resources are the partnership's
        assert len(session.scalars(select(Agreement)).all()) == 1


def test_finding_2_a_signed_agreement_73_percent_complete_counts_as_written(
    db: Database, people: dict[str, int]
) -> None:
    pid = create(
        db,
        {"title": "Læseklub", "stage": "managing_maintaining", "formalisation": "oral"},
        organisation_ids=[people["museum"]],
    )
    eleven = {name: "udfyldt" for name in ps.AGREEMENT_FIELDS if name not in ps.AGREEMENT_DATE_FIELDS}
    for name in ("economy", "rights_branding", "termination"):
        del eleven[name]
    eleven |= {"start_date": D(2025, 1, 1), "end_date": D(2026, 12, 31), "signed_on": D(2025, 1, 2)}
    with db.write() as session:
        ps.save_agreement(session, pid, eleven)
    with db.read() as session:
        frame = ps.partnerships_frame(session, TODAY)
        summary = ps.agreement_summary(session, pid, "da")
        found = {a.kind for a in ps.alerts(session, TODAY)}
        partnership = session.get(Partnership, pid)
    row = frame.iloc[0]
    assert round(row["agreement_completeness"] * 100) == 73  # 11 of 15
    assert bool(row["written_agreement"]) and row["formalisation"] == "written"
    # Signing made the mark written: the stored mark never says oral beside a signed agreement.
    assert partnership.formalisation == "written"
    assert summary["written_agreement"] and summary["formalisation_label"] == "Skriftlig aftale"
    assert "no_written_agreement" not in found


def test_finding_2_formalisation_follows_the_signed_agreement(db: Database, people: dict[str, int]) -> None:
    pid = create(db, {"title": "Kulturnat", "stage": "managing_maintaining", "formalisation": "contract"})
    with db.read() as session:
        p = session.get(Partnership, pid)
        assert ps.formalisation_of(p, None) == "draft"  # a contract mark without a signed contract
        assert ps.formalisation_choices(p, None) == ("", "informal", "oral", "draft")
    with db.write() as session:
        ps.save_agreement(session, pid, {"purpose": "Kultur", "signed_on": D(2025, 5, 1)})
    with db.write() as session:
        p, agreement = session.get(Partnership, pid), ps.get_agreement(session, pid)
        assert ps.formalisation_of(p, agreement) == "contract"  # a signed contract stays a contract
        assert ps.formalisation_choices(p, agreement) == ("written", "contract")
        with pytest.raises(ValidationFailed) as caught:
            ps.update_partnership(session, pid, {"formalisation": "oral"})
        assert caught.value.key == "agreement.formalisation_follows"
        assert "01-05-2025" in caught.value.message("da")
        ps.update_partnership(session, pid, {"formalisation": "written"})
    with db.write() as session:
        ps.save_agreement(session, pid, {"signed_on": None})  # the signature was recorded by mistake
    with db.write() as session:
        p, agreement = session.get(Partnership, pid), ps.get_agreement(session, pid)
        assert ps.formalisation_of(p, agreement) == "draft" and not ps.has_written_agreement(p, agreement)
        ps.update_partnership(session, pid, {"formalisation": "oral"})
        assert ps.formalisation_of(p, agreement) == "oral"
        ps.update_partnership(session, pid, {"formalisation": "draft"})  # the form's word for written, unsigned
        assert p.formalisation == "written"


def test_finding_2_dates_and_resources_are_one_set(db: Database, people: dict[str, int]) -> None:
    pid = create(db, {"title": "Sprogcafé", "stage": "managing_maintaining", "start_date": D(2025, 2, 1)})
    with db.write() as session:
        ps.save_agreement(
            session,
            pid,
            {"end_date": D(2026, 4, 15), "contributions_library": "Lokaler", "contributions_partner": "Frivillige"},
        )
    with db.write() as session:
        p = session.get(Partnership, pid)
        assert (p.start_date, p.end_date, p.library_resources, p.partner_resources) == (
            D(2025, 2, 1),
            D(2026, 4, 15),
            "Lokaler",
            "Frivillige",
        )
        # ... and the other way round: the partnership's change is the agreement's.
        ps.update_partnership(session, pid, {"start_date": D(2025, 3, 1), "partner_resources": "Frivillige og rum"})
    with db.read() as session:
        form = ps.agreement_form(session, pid)
        found = [(a.kind, a.date) for a in ps.alerts(session, TODAY)]
    assert form["values"]["start_date"] == D(2025, 3, 1)
    assert form["values"]["contributions_partner"] == "Frivillige og rum"
    assert form["values"]["end_date"] == D(2026, 4, 15)
    assert ("ending_soon", D(2026, 4, 15)) in found  # the agreement's end date reaches the alerts
    with db.read() as session:
        found = [(a.kind, a.date) for a in ps.alerts(session, D(2026, 5, 1))]
    assert ("end_passed", D(2026, 4, 15)) in found


# --- alerts ----------------------------------------------------------------------------------------


def full_agreement(**dates: Any) -> dict[str, Any]:
    return (
        {name: "udfyldt" for name in ps.AGREEMENT_FIELDS if name not in ("start_date", "end_date", "review_date")}
        | {"start_date": D(2025, 1, 1), "end_date": None, "review_date": None, "signed_on": D(2025, 1, 1)}
        | dates
    )


def test_alerts_at_a_fixed_day(db: Database, people: dict[str, int]) -> None:
    specs = {
        # title: (partnership values, agreement or None, contact dates)
        "Opfølgning overskredet": ({"formalisation": "written"}, full_agreement(review_date=D(2026, 2, 19)), []),
        "Opfølgning snart": ({"formalisation": "contract"}, full_agreement(review_date=D(2026, 3, 31)), []),
        "Opfølgning senere": ({"formalisation": "contract"}, full_agreement(review_date=D(2026, 4, 1)), []),
        "Slutter snart": ({"formalisation": "written"}, full_agreement(end_date=D(2026, 4, 30)), []),
        "Slutter senere": ({"formalisation": "written"}, full_agreement(end_date=D(2026, 5, 1)), []),
        "Slut passeret": (
            {"formalisation": "written", "end_date": D(2026, 2, 1), "start_date": D(2025, 1, 1)},
            None,
            [],
        ),
        "Ingen aftale": ({"formalisation": "oral", "stage": "reviewing_revising"}, None, []),
        "Kontakt over tid": (
            {"formalisation": "contract", "contact_rhythm_days": 30},
            full_agreement(),
            [D(2026, 1, 20)],
        ),
        "Kontakt i tide": (
            {"formalisation": "contract", "contact_rhythm_days": 30},
            full_agreement(),
            [D(2026, 1, 30)],
        ),
        "Idé": ({"stage": "idea", "contact_rhythm_days": 7, "start_date": D(2025, 1, 1)}, None, []),
        "Afsluttet": ({"closed": True, "formalisation": "oral"}, full_agreement(review_date=D(2025, 1, 1)), []),
    }
    for title, (values, agreement, contacts) in specs.items():
        pid = create(db, {"title": title, "stage": "managing_maintaining", **values})
        with db.write() as session:
            if agreement:
                ps.save_agreement(session, pid, agreement)
            for on in contacts:
                ps.add_contact(session, pid, {"contacted_on": on})
    with db.read() as session:
        found = ps.alerts(session, TODAY)
    assert [(a.title, a.kind, a.severity, a.date, a.days) for a in found] == [
        ("Slut passeret", "end_passed", "high", D(2026, 2, 1), -28),
        ("Opfølgning overskredet", "review_overdue", "high", D(2026, 2, 19), -10),
        ("Ingen aftale", "no_written_agreement", "high", None, None),
        ("Slut passeret", "no_written_agreement", "high", None, None),
        ("Kontakt over tid", "contact_overdue", "medium", D(2026, 2, 19), -10),
        ("Opfølgning snart", "review_soon", "medium", D(2026, 3, 31), 30),
        ("Slutter snart", "ending_soon", "medium", D(2026, 4, 30), 60),
    ]
    assert found[1].message("da") == (
        "»Opfølgning overskredet«: aftalen skulle have været fulgt op 19-02-2026 (10 dage siden)."
    )
    assert found[-1].message("en") == (
        '"Slutter snart": the partnership ends on 2026-04-30 (in 60 days). Extend it or close it?'
    )
    for kind in ps.ALERT_KINDS:
        assert TEXTS[f"partnerships.alert.{kind}"]["da"] and TEXTS[f"partnerships.alert.{kind}"]["en"]


# --- summary ---------------------------------------------------------------------------------------


def test_agreement_summary_as_data_and_as_a_safe_workbook(db: Database, people: dict[str, int]) -> None:
    pid = create(
        db,
        {
            "title": '=HYPERLINK("http://x")',
            "owner_id": people["anna"],
            "stage": "reviewing_revising",
            "depth": "collaborating",
            "formalisation": "contract",
        },
        organisation_ids=[people["skole"], people["museum"]],
    )
    with db.write() as session:
        ps.save_agreement(
            session,
            pid,
            {
                "purpose": "Læselyst",
                "review_date": D(2026, 6, 1),
                "document_ref": "Sag 2026-17",
                "signed_on": D(2026, 1, 15),
            },
        )
    with db.read() as session:
        summary = ps.agreement_summary(session, pid, "da")
        data = ps.agreement_summary_xlsx(session, pid, "en")
    assert summary["organisations"] == ["Byens Museum", "Byskolen"] and summary["owner"] == "Anna Andersen"
    assert (summary["stage_label"], summary["depth_label"], summary["formalisation_label"]) == (
        "Evaluering og justering",
        "Samskabelse",
        "Kontrakt",
    )
    # Signed: a written agreement however little is filled in; the contract mark stays a contract.
    assert summary["completeness"] == pytest.approx(2 / 15) and summary["written_agreement"]
    assert [f["field"] for f in summary["fields"]] == list(ps.AGREEMENT_FIELDS)
    assert summary["fields"][1] == {"field": "purpose", "label": "Formål", "value": "Læselyst", "filled": True}
    assert len(summary["missing"]) == 13 and summary["signed_on"] == D(2026, 1, 15)
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Agreement"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Item", "Contents"]
    assert rows[1] == ["Partnership", '\'=HYPERLINK("http://x")']  # neutralised, never a formula
    assert rows[2] == ["Partners", "Byens Museum; Byskolen"]
    assert ["Review date", dt.datetime(2026, 6, 1)] in rows
    assert ["Formalisation", "Contract"] in rows and ["Written agreement", "Yes"] in rows
    assert rows[-1] == ["Agreement filled in", "13%"]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


# --- the network's partner rule ---------------------------------------------------------------------


def test_partner_organisations_count_partnerships_under_way(db: Database, people: dict[str, int]) -> None:
    with db.write() as session:
        session.add(
            Relation(
                kind="partner",
                from_person_id=people["bo"],
                to_organisation_id=people["avis"],
                first_contact=D(2020, 1, 1),
                last_contact=D(2025, 1, 1),
            )
        )
    running = create(
        db,
        {"title": "Kører", "stage": "reviewing_revising", "owner_id": people["anna"], "start_date": D(2024, 1, 1)},
        organisation_ids=[people["museum"], people["avis"]],
    )
    create(db, {"title": "Idé", "stage": "idea", "owner_id": people["anna"]}, organisation_ids=[people["skole"]])
    ended = create(
        db,
        {
            "title": "Slut",
            "stage": "sustaining_ending",
            "closed": True,
            "ended_on": D(2025, 6, 1),
            "start_date": D(2023, 1, 1),
        },
        organisation_ids=[people["skole"]],
    )
    with db.write() as session:
        ps.add_contact(session, running, {"contacted_on": D(2026, 2, 1), "staff_id": people["bo"]})
    museum, skole, avis = people["museum"], people["skole"], people["avis"]
    with db.read() as session:
        now = partner_organisations(session)
        in_2025 = partner_organisations(session, as_of=D(2025, 3, 1))
        in_2023 = partner_organisations(session, as_of=D(2023, 6, 1))
        G = build_graph(session, today=TODAY)
    assert set(now) == {museum, avis}
    assert now[museum]["partnership_ids"] == (running,) and now[museum]["stage"] == "reviewing_revising"
    assert now[museum]["holders"] == {f"P{people['anna']}", f"P{people['bo']}"}
    assert now[museum]["owner"] == f"P{people['bo']}"  # the most recent contact
    assert (now[museum]["since"], now[museum]["last_contact"]) == (D(2024, 1, 1), D(2026, 2, 1))
    assert now[avis]["relation_ids"] and now[avis]["partnership_ids"] == (running,)
    assert now[avis]["since"] == D(2020, 1, 1) and now[avis]["stages"] == ("reviewing_revising",)
    assert set(in_2025) == {museum, skole, avis}  # the ended one was still running
    assert in_2025[skole]["partnership_ids"] == (ended,) and in_2025[museum]["last_contact"] is None
    assert set(in_2023) == {skole, avis}  # "Kører" had not started
    assert G.edges[LIBRARY, f"O{museum}"]["kind"] == "partnership"
    assert not G.has_edge(LIBRARY, f"O{skole}")


# --- import ----------------------------------------------------------------------------------------


def test_partnership_import_links_organisations_and_goals_and_undoes(db: Database, people: dict[str, int]) -> None:
    from lib.planning.goals import create_goal

    with db.write() as session:
        goal = create_goal(
            session,
            {
                "title": "Flere læsere",
                "baseline": 0,
                "target": 1,
                "baseline_date": D(2025, 1, 1),
                "target_date": D(2026, 1, 1),
            },
        )
    header = [
        "Partnerskab",
        "Ansvarlig",
        "Fase",
        "Dybde",
        "Formalisering",
        "Partnere",
        "Mål",
        "Startdato",
        "Slutdato",
        "Kontaktrytme (dage)",
    ]
    data = xlsx(
        {
            "Partnerskaber": [
                header,
                [
                    "Læseklub",
                    "anna@bib.dk",
                    "Styring og vedligehold",
                    "samarbejde",
                    "skriftlig",
                    "Byskolen; Nyt Værksted",
                    "Flere læsere; Ukendt mål",
                    "01-01-2025",
                    "31-12-2026",
                    "30 dage",
                ],
                ["Gammel café", "Ukendt", "afsluttet", "dyb", None, "Byens Museum\nByskolen", None, None, None, None],
                ["Baglæns", None, None, None, None, None, None, "01-01-2025", "01-01-2024", None],
                [None] * 10,
                ["Skæv rytme", None, "drømmefase", None, None, None, None, None, None, "ofte"],
            ]
        }
    )
    result = ps.import_partnerships(db, "partnerskaber.xlsx", data, commit=True)
    assert result.balanced and result.counts == {"rows": 5, "inserted": 3, "rejected": 1, "skipped": 1}
    assert result.created == {"partnerships": 3, "organisations": 1, "partnership_organisations": 4}
    assert problem_keys(result) == [
        (2, "partners.import.organisation_created", "warning"),
        (2, "partnerships.import.unknown_goal", "warning"),
        (3, "table_import.unknown_value", "warning"),
        (3, "strategy.import.unknown_owner", "warning"),
        (4, "partnerships.dates_order", "error"),
        (6, "table_import.unknown_value", "warning"),
        (6, "value.number_invalid", "warning"),
    ]
    with db.read() as session:
        records = {p.title: p for p in session.scalars(select(Partnership))}
        club = records["Læseklub"]
        assert (club.stage, club.depth, club.formalisation, club.contact_rhythm_days, club.end_date) == (
            "managing_maintaining",
            "cooperating",
            "written",
            30,
            D(2026, 12, 31),
        )
        assert club.owner_id == people["anna"]
        assert [n for _, n in ps.organisations_of(session)[club.id]] == ["Byskolen", "Nyt Værksted"]
        assert session.scalars(select(PartnershipGoal.goal_id)).all() == [goal]
        cafe = records["Gammel café"]
        assert (cafe.closed, cafe.stage, cafe.depth) == (True, "sustaining_ending", None)
        assert [n for _, n in ps.organisations_of(session)[cafe.id]] == ["Byens Museum", "Byskolen"]
        assert records["Skæv rytme"].stage == "idea" and records["Skæv rytme"].contact_rhythm_days is None
    again = ps.import_partnerships(db, "partnerskaber.xlsx", data, commit=False)
    assert again.counts == {"rows": 5, "inserted": 1, "rejected": 1, "skipped": 3}  # the ended café may recur

    assert undo_table_import(db, result.batch_id) == {"partnerships": 3, "organisations": 1}
    with db.read() as session:
        assert session.scalars(select(Partnership)).all() == []
        assert session.scalars(select(PartnershipOrganisation)).all() == []
        assert "Nyt Værksted" not in set(session.scalars(select(Organisation.name)))


def test_undo_refuses_once_a_contact_was_logged(db: Database, people: dict[str, int]) -> None:
    data = xlsx({"Ark": [["Partnerskab", "Fase"], ["Læseklub", "idé"]]})
    result = ps.import_partnerships(db, "p.xlsx", data, commit=True)
    with db.write() as session:
        pid = session.scalar(select(Partnership.id))
        ps.add_contact(session, pid, {"contacted_on": D(2026, 1, 1)})
    with pytest.raises(UndoNotPossible) as refused:
        undo_table_import(db, result.batch_id)
    assert refused.value.key == "table_import.used_since"


def test_list_cells_and_free_text_cells() -> None:
    from lib.ingest.planning_tables import TableRow, cell_text, split_list

    assert split_list("Byskolen; Museet\r\nByskolen;  ; Avisen ") == ["Byskolen", "Museet", "Avisen"]
    assert split_list(None) == []
    row = TableRow("f.xlsx", "Ark", 2, {"notes": [("Noter", "'=Linje 1\r\nLinje 2  ")]})
    assert cell_text(row, "notes") == "=Linje 1\nLinje 2" and cell_text(row, "other") is None


# --- the demo --------------------------------------------------------------------------------------


@pytest.mark.slow
def test_demo_partnerships_fill_every_stage_and_raise_alerts(db: Database) -> None:
    create_demo_workspace(db, today=TODAY)
    with db.read() as session:
        counts = ps.pipeline_counts(session)
        found = ps.alerts(session, TODAY)
        frame = ps.partnerships_frame(session, TODAY)
        agreements = len(session.scalars(select(Agreement)).all())
        contacts = len(session.scalars(select(ContactLogEntry)).all())
        partners_now = partner_organisations(session)
    assert counts == {
        "idea": 2,
        "scoping_building": 2,
        "managing_maintaining": 4,
        "reviewing_revising": 2,
        "sustaining_ending": 1,
        "ended": 1,
    }
    assert sorted((a.kind, a.title) for a in found) == [
        ("contact_overdue", "Job og læsning"),
        ("contact_overdue", "Kulturnat i Kildebro"),
        ("contact_overdue", "Læseklubber på plejecentre"),
        ("ending_soon", "Lokalhistoriske fortællinger"),
        ("no_written_agreement", "IT-hjælp for seniorer"),
        ("no_written_agreement", "Læseklubber på plejecentre"),
        ("review_overdue", "Sprogcafé på biblioteket"),
        ("review_soon", "Sommerbogen i skolerne"),
    ]
    assert agreements == 7 and contacts > 100
    assert frame["written_agreement"].sum() == 6
    # Organisations of the ten partnerships beyond an idea and not ended are partners of the network.
    assert {"reviewing_revising", "managing_maintaining", "scoping_building", "sustaining_ending"} == {
        entry["stage"] for entry in partners_now.values() if entry["stage"]
    }
