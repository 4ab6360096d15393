"""``python -m lib survey link|status`` as a script meets them: a link that opens the form, an unknown
e-mail added as a respondent, and who has answered."""

from __future__ import annotations

import json

from lib.db import Database
from lib.planning import evaluation_links as links
from tests.cli.test_cli import run_cli
from tests.planning_builders import link_round


def test_a_link_for_an_unknown_e_mail_works_and_the_status_shows_who_answered(db: Database, db_url: str) -> None:
    with db.write() as session:
        ids = link_round(session)
    done = run_cli("survey", "link", "--round", "latest", "--email", "ny@laeselyst.dk", "--json", "--db", db_url)
    assert done.returncode == 0, done.stderr
    made = json.loads(done.stdout)
    assert made["round_id"] == ids["round"] and made["side"] == "partner" and made["created_person"] is True
    assert made["url"].startswith("http://localhost:8501/svar/")
    token = made["url"].rsplit("/", 1)[1]
    assert links.save_answer(db, token, {"sam1": "4"}, None) == "saved"

    staff = run_cli(
        "survey",
        "link",
        "--round",
        str(ids["round"]),
        "--email",
        "anna@bibliotek.dk",
        "--side",
        "library",
        "--db",
        db_url,
    )
    assert staff.returncode == 0, staff.stderr
    assert staff.stdout.startswith("Link til Anna Berg (Biblioteket)")
    assert "http://localhost:8501/svar/" in staff.stdout

    status = run_cli("survey", "status", "--round", "latest", "--json", "--db", db_url)
    assert status.returncode == 0, status.stderr
    shown = json.loads(status.stdout)
    assert shown["answered"] == 1
    assert {(r["email"], r["side"], r["answered"]) for r in shown["respondents"]} == {
        ("anna@bibliotek.dk", "library", False),
        ("ny@laeselyst.dk", "partner", True),
    }
    text = run_cli("survey", "status", "--round", "latest", "--lang", "en", "--db", db_url)
    assert text.stdout.startswith(f"Round {ids['round']}: 1 of 2 have answered.")


def test_a_missing_round_or_a_bad_e_mail_is_refused(db: Database, db_url: str) -> None:
    done = run_cli("survey", "link", "--round", "latest", "--email", "a@b.dk", "--db", db_url)
    assert (done.returncode, done.stderr.strip()) == (2, "Der er ingen evalueringsrunder endnu.")
    with db.write() as session:
        link_round(session)
    bad = run_cli("survey", "link", "--round", "latest", "--email", "ikke-en-adresse", "--db", db_url)
    assert bad.returncode == 2 and bad.stdout == ""


def test_staff_links_start_the_staff_survey_with_a_working_link_each(db: Database, db_url: str) -> None:
    from lib.planning import staff_survey as survey
    from tests.planning_builders import survey_people

    with db.write() as session:
        survey_people(session)
    done = run_cli("survey", "staff-links", "--json", "--db", db_url)
    assert done.returncode == 0, done.stderr
    made = json.loads(done.stdout)
    assert (made["answered"], made["invited"]) == (0, 2)
    assert [link["name"] for link in made["links"]] == ["Anna Berg", "Bo Lund"]
    token = made["links"][0]["url"].rsplit("/", 1)[1]
    assert made["links"][0]["url"].startswith("http://localhost:8501/svar/netvaerk/")
    form = survey.open_form(db, token)
    assert form is not None and form.staff_name == "Anna Berg"
    one = run_cli("survey", "staff-links", "--staff", "BO@bibliotek.dk", "--db", db_url)
    assert one.returncode == 0, one.stderr
    assert one.stdout.startswith("Svar fra 0 af 1 medarbejder\nLink til Bo Lund")
    unknown = run_cli("survey", "staff-links", "--staff", "nobody@bibliotek.dk", "--db", db_url)
    assert unknown.returncode != 0 and "nobody@bibliotek.dk" in unknown.stderr
