"""The page "Organisation" driven like a user would, with AppTest, on the hand-built library and the demo."""

from __future__ import annotations

import datetime as dt
import re
from functools import partial
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from lib.core.i18n import t
from lib.db import CompetenceAssessment, Database, Person
from lib.demo.workspace import create_demo_workspace
from lib.library import staff as org
from tests import apptest_support
from tests.apptest_support import figure, matrix, rerun
from tests.library.test_organisation import Workspace, add_assessments, build_workspace

PAGE = "../pages/organisation.py"
EDITOR = "org_staff_editor_0"
run_page = partial(apptest_support.run_page, PAGE)


def table_with(at: AppTest, *columns: str) -> pd.DataFrame:
    """The one table on the page that has all ``columns``."""
    found = [df.value for df in at.dataframe if set(columns) <= set(df.value.columns)]
    assert len(found) == 1, [list(df.value.columns) for df in at.dataframe]
    return found[0]


def staff_of(db: Database) -> dict[str, tuple[str | None, str | None]]:
    with db.read() as session:
        return {p.name: (p.staff_role, p.team) for p in session.scalars(select(Person).where(Person.is_staff))}


def edit_staff_table(at: AppTest, edits: dict[int, dict[str, object]]) -> AppTest:
    """Change cells of the staff table (row position → column → value), then press save."""
    at.session_state[EDITOR] = {"edited_rows": edits, "added_rows": [], "deleted_rows": []}
    at.button(key="org_staff_save").click()
    return rerun(at)


@pytest.fixture
def ws(db: Database) -> Workspace:
    workspace = build_workspace(db)
    add_assessments(db, workspace)
    return workspace


def test_empty_workspace_explains_where_staff_come_from(db: Database) -> None:
    at = run_page()
    assert at.title[0].value == "Forbered organisationen"
    assert at.info[0].value == t(
        "organisation.empty", "da", contacts="Kontakter og organisationer", import_page="Importér"
    )
    assert not at.tabs


def test_staff_table_shows_translated_roles_and_saves_a_role(db: Database, ws: Workspace) -> None:
    at = run_page()
    editor = at.data_editor(key=EDITOR)
    assert editor.value["name"].tolist() == ["Anna Andersen", "Bo Berg", "Cille Carlsen", "Dan Dahl", "Eva Eriksen"]
    assert "1 netværksansvarlig · 1 partnerskabsansvarlig · 1 medarbejder · 2 uden rolle" in [
        c.value for c in at.caption
    ]
    at = edit_staff_table(at, {1: {"staff_role": "partnership_owner"}, 4: {"team": "Voksne "}})
    assert staff_of(db)["Bo Berg"] == ("partnership_owner", "Børn")
    assert staff_of(db)["Eva Eriksen"] == (None, "Voksne")
    assert "Gemt: 2 medarbejdere ændret." in [s.value for s in at.success]
    assert "1 netværksansvarlig · 2 partnerskabsansvarlige · 1 medarbejder · 1 uden rolle" in [
        c.value for c in at.caption
    ]
    assert at.data_editor(key="org_staff_editor_1").value["team"].tolist()[4] == "Voksne"


def test_an_unknown_role_is_refused_with_a_message_and_nothing_is_saved(db: Database, ws: Workspace) -> None:
    at = run_page()
    before = staff_of(db)
    at = edit_staff_table(at, {2: {"team": "Ny afdeling"}, 3: {"staff_role": "chef"}})
    assert [e.value for e in at.error] == [
        "»chef« er ikke en rolle, Dan Dahl kan have. Vælg netværksansvarlig, partnerskabsansvarlig eller medarbejder."
    ]
    assert staff_of(db) == before
    assert at.data_editor(key=EDITOR)  # the edits stay in the table, to be corrected


def test_pressing_save_without_changes_says_so(db: Database, ws: Workspace) -> None:
    at = run_page()
    at.button(key="org_staff_save").click()
    at = rerun(at)
    assert [i.value for i in at.info] == ["Intet at gemme – tabellen er som før."]


def assessments_of(db: Database, person_id: int) -> list[tuple[dt.date, dict, str | None]]:
    with db.read() as session:
        return [
            (a.assessed_on, a.scores, a.development_needs)
            for a in session.scalars(
                select(CompetenceAssessment)
                .where(CompetenceAssessment.person_id == person_id)
                .order_by(CompetenceAssessment.assessed_on)
            )
        ]


def test_saving_a_self_assessment_adds_it_to_the_history(db: Database, ws: Workspace) -> None:
    at = run_page()
    dan = ws.people["dan"]
    at.selectbox(key="org_assess_person_widget").set_value(dan)
    at = rerun(at)
    assert "Dan Dahl har ikke lavet en selvvurdering endnu." in [c.value for c in at.caption]
    prefix = f"org_assess_{dan}_"
    assert at.radio(key=prefix + "communication").value is None  # nothing filled in for a first assessment
    at.date_input(key=prefix + "date").set_value(dt.date(2026, 9, 15))
    at.radio(key=prefix + "communication").set_value(4)
    at.radio(key=prefix + "openness").set_value(2)
    at.text_area(key=prefix + "needs").input("Vil lære at skrive aftaler")
    at.button(key=prefix + "submit").click()
    at = rerun(at)
    assert assessments_of(db, dan) == [
        (dt.date(2026, 9, 15), {"communication": 4, "openness": 2}, "Vil lære at skrive aftaler")
    ]
    assert "Selvvurderingen for Dan Dahl den 15-09-2026 er gemt." in [s.value for s in at.success]
    history = table_with(at, "Dato", "Udviklingsbehov", "Kommunikation")
    assert history["Kommunikation"].tolist() == [4]
    assert history["Åben for samarbejde"].tolist() == [2]
    # The next assessment starts from these answers.
    assert at.radio(key=prefix + "communication").value == 4


def test_an_assessment_without_any_rating_is_refused(db: Database, ws: Workspace) -> None:
    at = run_page()
    dan = ws.people["dan"]
    at.selectbox(key="org_assess_person_widget").set_value(dan)
    at = rerun(at)
    at.button(key=f"org_assess_{dan}_submit").click()
    at = rerun(at)
    assert [e.value for e in at.error] == ["Vurdér mindst én kompetence, før du gemmer."]
    assert assessments_of(db, dan) == []


def test_heat_map_has_a_cell_per_team_and_item(db: Database, ws: Workspace) -> None:
    at = run_page()
    spec = figure(at, "org_heatmap")
    (trace,) = spec["data"]
    assert trace["type"] == "heatmap"
    assert trace["y"] == ["Børn", "Digitalt", "Voksne", "(uden team)"]
    assert trace["x"] == [t(f"organisation.item.{code}", "da") for code in org.COMPETENCE_ITEMS]
    z = matrix(trace["z"])
    assert len(z) == 4 and all(len(row) == 13 for row in z)
    communication = org.COMPETENCE_ITEMS.index("communication")
    assert [row[communication] for row in z] == [3.5, None, 3.0, None]
    assert z[1] == [None] * 13  # Digitalt: nobody assessed, empty rather than zero
    assert trace["text"][0][communication] == "3,5" and trace["text"][1][communication] == ""
    assert spec["layout"]["separators"] == ",."
    assert (
        "Børn: 2 af 2 har lavet en selvvurdering · Digitalt: 0 af 1 har lavet en selvvurdering · "
        "Voksne: 1 af 1 har lavet en selvvurdering · (uden team): 1 af 1 har lavet en selvvurdering"
    ) in [c.value for c in at.caption]
    needs = table_with(at, "development_needs")
    assert needs["name"].tolist() == ["Bo Berg", "Eva Eriksen"]


def test_dependency_list_shows_the_partnership_that_hangs_on_one_person(db: Database, ws: Workspace) -> None:
    at = run_page()
    library = table_with(at, "person", "kind_label", "label")
    partnerships = library[library["kind"] == "partnership"]
    # Cille's Fondsansøgning is still an idea: only partnerships under way hang on someone (lib.reporting.figures).
    assert partnerships[["person", "label", "detail"]].values.tolist() == [["Anna Andersen", "Læseklub", "Skolen"]]
    assert library["kind_label"].tolist()[:2] == ["Partnerskab", "Organisation"]
    assert len(library) == 7
    shown = {m.label: m.value for m in at.metric}
    assert shown["Partnerskaber, der hænger på én person"] == "1"
    assert shown["Organisationer, der hænger på én person"] == str((library["kind"] == "organisation").sum())
    # Anna is chosen first: her Læseklub is named as what would be lost.
    assert [w.value for w in at.warning] == [
        "1 partnerskab, hvor ingen anden kollega har bånd til partneren: »Læseklub«"
    ]
    owned = table_with(at, "title", "single_person")
    assert owned[["title", "single_person"]].values.tolist() == [["Læseklub", True]]
    relations = table_with(at, "party", "party_kind_label")
    assert relations["party"].tolist() == ["Museet", "Xenia Xu", "Xenia Xu – Willy Winther"]

    at.multiselect(key="org_dep_kinds").set_value(["partnership"])
    at = rerun(at)
    assert table_with(at, "person", "kind_label", "label")["label"].tolist() == ["Læseklub"]


def test_a_person_with_nothing_hanging_on_them(db: Database, ws: Workspace) -> None:
    at = run_page()
    at.selectbox(key="org_dep_person_widget").set_value(ws.people["bo"])
    at = rerun(at)
    assert t("organisation.person.lost_nothing", "da", name="Bo Berg") in [s.value for s in at.success]
    assert "Medarbejderen er ikke ansvarlig for nogen partnerskaber." in [c.value for c in at.caption]


def test_the_demo_page_speaks_english(db: Database) -> None:
    create_demo_workspace(db, today=dt.date(2026, 11, 1))
    at = run_page("en")
    assert at.title[0].value == "Prepare the organisation"
    assert [tab.label for tab in at.tabs] == [
        "Staff",
        "Self-assessment",
        "Teams",
        "Relations and risk",
        "Handover",
        "Who do you know?",
    ]
    spec = figure(at, "org_heatmap")
    assert spec["layout"]["title"]["text"] == "Mean of the latest self-assessment (1–5)"
    assert spec["layout"]["separators"] == ".,"
    assert spec["data"][0]["y"] == ["Børn og unge", "Digitalt", "Ledelse", "Lokalbiblioteker", "Voksne og kultur"]
    library = table_with(at, "person", "kind_label", "label")
    assert set(library.loc[library["kind"] == "partnership", "label"]) == {"Skolebiblioteksnetværk"}
    assert "Partnership" in set(library["kind_label"])


def test_every_text_of_the_page_exists_in_both_languages() -> None:
    from lib.core.translations.organisation import TEXTS

    assert all(entry["da"].strip() and entry["en"].strip() for entry in TEXTS.values())
    root = Path(__file__).resolve().parents[2]
    used: set[str] = set()
    for name in (
        "pages/organisation.py",
        "components/organisation_views.py",
        "lib/library/pages.py",
        "lib/library/figures.py",
    ):
        used |= set(re.findall(r'"((?:organisation|nav)\.[a-z_.]+)"', (root / name).read_text(encoding="utf-8")))
    prefixes = {key for key in used if any(other.startswith(key + ".") for other in TEXTS)}  # code_label("x.y", …)
    used -= prefixes
    used |= {
        f"organisation.{kind}.{code}"
        for kind, codes in (
            ("role", ("network_lead", "partnership_owner", "staff")),
            ("group", tuple(org.COMPETENCE_GROUPS)),
            ("item", org.COMPETENCE_ITEMS),
            ("statement", org.COMPETENCE_ITEMS),
            ("kind", org.DEPENDENCY_KINDS),
            ("tab", ("staff", "assessment", "teams", "dependencies")),
            ("party", ("staff", "contact", "organisation", "tie")),
        )
        for code in codes
    }
    assert len(used) > 80
    for key in used:
        assert t(key, "da") != key and t(key, "en") != key, key
