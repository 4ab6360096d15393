"""The tab "Hvem kender du?" on the Organisation page, and the Netværk page's caption, driven like a user
would with AppTest: start a survey, copy a link and its e-mail, see "svar fra X af Y medarbejdere",
preview a staff member's answers, store them in the network, undo that, and reject."""

from __future__ import annotations

import re
from functools import partial

from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from lib.db import Database, Person, Relation
from lib.planning import staff_survey as survey
from tests import apptest_support
from tests.apptest_support import rerun
from tests.planning_builders import survey_people

run_page = partial(apptest_support.run_page, "../pages/organisation.py")
TOKEN = re.compile(r"/svar/netvaerk/([A-Za-z0-9_-]{43})")


def button(at: AppTest, label: str):  # type: ignore[no-untyped-def]
    found = [b for b in at.button if b.label == label]
    assert len(found) == 1, [b.label for b in at.button]
    return found[0]


def codes(at: AppTest) -> list[str]:
    return [c.value for c in at.code]


def ties(db: Database) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count(Relation.id))) or 0)


def test_a_survey_is_started_answered_previewed_committed_undone_and_rejected(db: Database) -> None:
    with db.write() as session:
        ids = survey_people(session)
    at = run_page()
    assert "Der er ingen rundspørge endnu." in [c.value for c in at.caption]
    button(at, "Lav links").click()
    at = rerun(at)
    assert "Rundspørgen er startet med 2 links. Kopiér dem nu – de vises kun denne ene gang." in [
        s.value for s in at.success
    ]
    shown = codes(at)
    mails = [text for text in shown if text.startswith("Emne: Hvem kender du?")]
    assert len(mails) == 2 and "Hej Anna Berg" in mails[0]
    urls = [text for text in shown if TOKEN.search(text) and "\n" not in text]
    assert len(urls) == 2
    anna_token = TOKEN.search(urls[0]).group(1)  # type: ignore[union-attr]
    assert any("Svar fra 0 af 2 medarbejdere" in m.value for m in at.markdown)
    with db.write() as session:
        fields = {
            "r0_ref": [f"p{ids['carl']}"],
            "r0_keep": ["1"],
            "r0_strength": ["5"],
            "r1_ref": ["new"],
            "r1_name": ["Eva Sørensen"],
            "r1_org": ["Aftenskolen Nord"],
        }
        assert survey.submit(session, anna_token, fields) == "saved"
    at = rerun(at)
    assert any("Svar fra 1 af 2 medarbejdere" in m.value for m in at.markdown)
    tables = [df.value for df in at.dataframe]
    assert any("Eva Sørensen" in df.to_string() and "Aftenskolen Nord" in df.to_string() for df in tables)
    before = ties(db)
    button(at, "Gem i netværket").click()
    at = rerun(at)
    assert "Anna Bergs svar er gemt i netværket." in [s.value for s in at.success]
    assert ties(db) == before + 1  # Anna → Eva (the tie to Carl changed strength)
    with db.read() as session:
        assert session.scalar(select(func.count(Person.id)).where(Person.name == "Eva Sørensen")) == 1
    button(at, "Fortryd").click()
    at = rerun(at)
    assert ties(db) == before
    with db.read() as session:
        assert session.scalar(select(func.count(Person.id)).where(Person.name == "Eva Sørensen")) == 0
        carl = session.scalars(select(Relation).where(Relation.to_person_id == ids["carl"])).one()
        assert carl.strength == 2
    button(at, "Afvis").click()
    at = rerun(at)
    assert "Svarene er afvist; intet er gemt." in [s.value for s in at.success]
    assert ties(db) == before


def test_the_network_page_shows_the_answer_count_when_a_survey_exists(db: Database) -> None:
    with db.write() as session:
        survey_people(session)
    network = partial(apptest_support.run_page, "../pages/network.py")
    assert not any(c.value.startswith("Svar fra") for c in network().caption)
    with db.write() as session:
        survey.start_survey(session)
    assert "Svar fra 0 af 2 medarbejdere" in [c.value for c in network().caption]


def test_every_text_of_the_survey_exists_in_both_languages() -> None:
    from pathlib import Path

    from lib.core.translations.staff_survey import TEXTS

    assert all(entry["da"].strip() and entry["en"].strip() for entry in TEXTS.values())
    root = Path(__file__).resolve().parents[2]
    used: set[str] = set()
    for name in (
        "components/staff_survey_views.py",
        "components/staff_survey_route.py",
        "lib/planning/staff_survey.py",
        "lib/planning/staff_survey_batch.py",
    ):
        used |= set(re.findall(r'"(staff_survey\.[a-z_.]+)"', (root / name).read_text(encoding="utf-8")))
    used |= {f"staff_survey.preview.{name}" for name in ("new_people", "new_organisations", "duplicates", "left_out")}
    used |= {f"staff_survey.state.{s}" for s in ("waiting", "ended", "pending", "committed", "rejected")}
    assert used and used <= set(TEXTS), used - set(TEXTS)
