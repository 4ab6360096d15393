"""``python -m lib handover``: handing a colleague's work to another from the command line, as a script sees it."""

from __future__ import annotations

import json

from sqlalchemy import select

from lib.db import Database, Event, Partnership, Person
from tests.cli.test_cli import run_cli
from tests.library.test_organisation import Workspace, build_workspace

ANNA, BO, EVA, XENIA = "anna@bib.dk", "bo@bib.dk", "eva@bib.dk", "xenia@skolen.dk"


def workspace_with_emails(db: Database) -> Workspace:
    ws = build_workspace(db)
    with db.write() as session:
        for key, email in (("anna", ANNA), ("bo", BO), ("eva", EVA), ("xenia", XENIA)):
            person = session.get(Person, ws.people[key])
            assert person is not None
            person.email = email
    return ws


def owners(db: Database) -> dict[str, int | None]:
    with db.read() as session:
        return {p.title: p.owner_id for p in session.scalars(select(Partnership))}


def test_dry_run_stores_nothing_then_the_handover_is_stored_with_json_keys(db: Database, db_url: str) -> None:
    ws = workspace_with_emails(db)
    before = owners(db)
    dry = run_cli("handover", ANNA, BO, "--dry-run", "--json", "--db", db_url)
    assert dry.returncode == 0, dry.stderr
    shown = json.loads(dry.stdout)
    assert {"from", "to", "ties", "partnerships", "goals", "tasks", "dry_run"} <= set(shown)
    assert (shown["from"], shown["to"], shown["dry_run"]) == (ANNA, [BO], True)
    assert shown["by_receiver"] == {
        BO: {"ties": 3, "partnerships": 1, "goals": 0, "strength_offers": 0, "tasks": len(shown["tasks"])}
    }
    assert [(p["title"], p["to"]) for p in shown["partnerships"]] == [("Læseklub", BO)]
    assert sorted(tie["party"] for tie in shown["ties"]) == ["Museet", "Xenia Xu", "Xenia Xu – Willy Winther"]
    assert owners(db) == before
    with db.read() as session:
        assert session.scalar(select(Event.id).where(Event.action == "handover_applied")) is None

    done = run_cli("handover", ANNA, BO, "--end-staff", "--json", "--db", db_url, "--actor", "lead@bib.dk")
    assert done.returncode == 0, done.stderr
    stored = json.loads(done.stdout)
    assert stored["dry_run"] is False and isinstance(stored["handover"], int)
    assert owners(db)["Læseklub"] == ws.people["bo"]
    with db.read() as session:
        anna = session.get(Person, ws.people["anna"])
        assert anna is not None and not anna.is_staff


def test_per_partnership_choice_and_text_summary(db: Database, db_url: str) -> None:
    ws = workspace_with_emails(db)
    with db.write() as session:
        cille = session.get(Person, ws.people["cille"])
        assert cille is not None
        cille.email = "cille@bib.dk"
    udstilling = ws.partnerships["udstilling"]
    result = run_cli(
        "handover", "cille@bib.dk", BO, "--partnership", f"{udstilling}={EVA}", "--lang", "en", "--db", db_url
    )
    assert result.returncode == 0, result.stderr
    assert "Handed over from Cille Carlsen" in result.stdout
    assert "Udstilling → Eva Eriksen" in result.stdout and "Fondsansøgning → Bo Berg" in result.stdout
    assert "Eva Eriksen: 1 tie, 1 partnership, 0 goals, 0 offers and " in result.stdout
    assert owners(db)["Udstilling"] == ws.people["eva"]


def test_per_partnership_json_counts_per_receiver_and_says_why(db: Database, db_url: str) -> None:
    ws = workspace_with_emails(db)
    with db.write() as session:
        cille = session.get(Person, ws.people["cille"])
        assert cille is not None
        cille.email = "cille@bib.dk"
    udstilling = ws.partnerships["udstilling"]
    result = run_cli(
        "handover", "cille@bib.dk", BO, "--partnership", f"{udstilling}={EVA}", "--dry-run", "--json", "--db", db_url
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["to"] == [BO, EVA]
    # Yrsa works at Museet, the Udstilling's partner; Zakarias at Foreningen, in none of Cille's partnerships.
    assert {tie["party"]: (tie["to"], tie["reason"], tie["because_of"]) for tie in shown["ties"]} == {
        "Yrsa Yde": (EVA, "partnership", ["Udstilling"]),
        "Zakarias Zink": (BO, "none", []),
    }
    counts = {email: {k: v for k, v in c.items() if k != "tasks"} for email, c in shown["by_receiver"].items()}
    assert counts == {
        BO: {"ties": 1, "partnerships": 1, "goals": 0, "strength_offers": 0},
        EVA: {"ties": 1, "partnerships": 1, "goals": 0, "strength_offers": 0},
    }
    assert sum(c["tasks"] for c in shown["by_receiver"].values()) == len(shown["tasks"])


def test_refusals_are_messages_not_tracebacks(db: Database, db_url: str) -> None:
    workspace_with_emails(db)
    same = run_cli("handover", ANNA, ANNA, "--db", db_url)
    assert same.returncode == 2 and "kan ikke overdrage til sig selv" in same.stderr
    not_staff = run_cli("handover", ANNA, XENIA, "--lang", "en", "--db", db_url)
    assert not_staff.returncode == 2 and "Xenia Xu is not on the staff list" in not_staff.stderr
    unknown = run_cli("handover", "nobody@bib.dk", BO, "--db", db_url)
    assert unknown.returncode == 2 and "nobody@bib.dk" in unknown.stderr
    bad = run_cli("handover", ANNA, BO, "--partnership", "Læseklub", "--db", db_url)
    assert bad.returncode == 2 and "ID=E-MAIL" in bad.stderr
    assert "Traceback" not in same.stderr + not_staff.stderr + unknown.stderr + bad.stderr
