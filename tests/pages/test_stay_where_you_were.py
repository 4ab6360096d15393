"""Issue 12, item 3: after a save the page stays on the tab the user was on, and the confirmation is
shown there, once.

A user opens a tab (here: the tab's name is put where the tab's ``on_change`` keeps it, as a click
does), saves, and the page reruns. The browser shows the tab whose label the tab widget's session
state holds; the confirmation must be inside that tab. ``tests/browser/test_browser_stay.py`` watches the
same in a real browser for one page.
"""

from __future__ import annotations

import datetime as dt
from datetime import date

from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from components.widgets import tab_keys
from lib.core.i18n import format_date, t
from lib.db import Database, Partnership, Person
from tests import apptest_support
from tests.apptest_support import rerun

DEMO_TODAY = date(2026, 11, 1)


def open_on(page: str, prefix: str, tab: str, **state: object) -> AppTest:
    """``page`` opened with the user on its tab ``tab`` (by name)."""
    return apptest_support.run_page(page, state={tab_keys(prefix)[1]: tab, **state})


def save(at: AppTest, button_key: str) -> AppTest:
    at.button(key=button_key).click()
    return rerun(at)


def assert_still_on(at: AppTest, prefix: str, label: str, message: str) -> None:
    """The page shows the tab ``label`` and the confirmation ``message`` in it, and only once."""
    assert at.session_state[tab_keys(prefix)[0]] == label
    tab = next(tab for tab in at.tabs if tab.label == label)
    assert message in [s.value for s in tab.success]
    assert [s.value for s in at.success].count(message) == 1
    rerun(at)  # shown once: the next run does not repeat it
    assert at.session_state[tab_keys(prefix)[0]] == label
    assert message not in [s.value for s in at.success]


def running_partnership(db: Database) -> int:
    with db.read() as session:
        return int(
            session.scalars(
                select(Partnership.id)
                .where(Partnership.closed.is_(False), Partnership.stage != "idea")
                .order_by(Partnership.id)
            ).first()
        )


def test_finding_3_saving_an_agreement_stays_on_the_agreement_tab(demo: Database) -> None:
    pid = running_partnership(demo)
    at = open_on("../pages/partnerships.py", "pships_", "agreement", pships_open=pid)
    at.text_area(key=f"pships_agreement_{pid}_purpose").set_value("Læselyst hos de 10-14-årige")
    at = save(at, f"pships_agreement_{pid}_save")
    assert_still_on(
        at, "pships_", t("partnerships_page.tab.agreement", "da"), t("partnerships_page.agreement.saved", "da")
    )


def test_finding_3_registering_a_contact_stays_on_the_contact_log(demo: Database) -> None:
    pid = running_partnership(demo)
    at = open_on("../pages/partnerships.py", "pships_", "contacts", pships_open=pid)
    at.text_area(key=f"pships_contact_{pid}_note").set_value("Ringede om efterårets program")
    at = save(at, f"pships_contact_{pid}_add")
    assert_still_on(
        at, "pships_", t("partnerships_page.tab.contacts", "da"), t("partnerships_page.contacts.added", "da")
    )


def test_finding_3_creating_a_goal_stays_on_create_and_edit(demo: Database) -> None:
    at = open_on("../pages/goals.py", "goals_", "edit")
    at.text_input(key="goals_new_title").input("Flere sprogcaféer")
    at.text_input(key="goals_new_unit").input("arrangementer")
    at.number_input(key="goals_new_baseline").set_value(10)
    at.number_input(key="goals_new_target").set_value(30)
    at.date_input(key="goals_new_baseline_date").set_value(dt.date(2026, 1, 1))
    at.date_input(key="goals_new_target_date").set_value(dt.date(2027, 12, 31))
    at = save(at, "goals_new_submit")
    assert_still_on(
        at, "goals_", t("goalspage.tab.edit", "da"), t("goalspage.edit.created", "da", title="Flere sprogcaféer")
    )


def test_finding_3_a_self_assessment_stays_on_its_tab(demo: Database) -> None:
    from components import radar_views
    from lib.reporting import checklist

    at = open_on("../pages/radar.py", "radar_", "assess")
    for heading in checklist.HEADINGS:
        at.selectbox(key=radar_views.FORM_PREFIX + "score_" + heading).set_value(3)
    at = save(at, radar_views.FORM_PREFIX + "submit")
    today = apptest_support.workspace_today()
    assert_still_on(
        at, "radar_", t("radar_page.tab.assess", "da"), t("radar_page.form.saved", "da", date=format_date(today, "da"))
    )


def test_finding_3_a_new_offer_stays_on_create_and_edit(demo: Database) -> None:
    at = open_on("../pages/strengths.py", "strengths_", "edit")
    at.selectbox(key="strengths_new_team").set_value("Ledelse")
    at.selectbox(key="strengths_new_category").set_value("outreach_events")
    at.text_input(key="strengths_new_title").input("Bibliotekets fødselsdag")
    at.text_area(key="strengths_new_description").input("En fest for hele byen hvert år i maj.")
    at = save(at, "strengths_new_submit")
    assert_still_on(
        at,
        "strengths_",
        t("strengths_page.tab.edit", "da"),
        t("strengths_page.edit.created", "da", title="Bibliotekets fødselsdag"),
    )


def test_finding_3_a_competence_assessment_stays_on_its_tab(demo: Database) -> None:
    with demo.read() as session:
        person = session.scalars(select(Person).where(Person.is_staff.is_(True)).order_by(Person.id)).first()
        pid, name = person.id, person.name
    at = open_on("../pages/organisation.py", "org_", "assessment")
    at.selectbox(key="org_assess_person_widget").set_value(pid)
    at = rerun(at)
    prefix = f"org_assess_{pid}_"
    at.date_input(key=prefix + "date").set_value(dt.date(2026, 10, 15))
    at.radio(key=prefix + "communication").set_value(4)
    at = save(at, prefix + "submit")
    saved = [s.value for s in at.success if name in s.value and "15-10-2026" in s.value]
    assert len(saved) == 1
    assert_still_on(at, "org_", t("organisation.tab.assessment", "da"), saved[0])


def test_finding_3_a_new_evaluation_round_stays_on_rounds(demo: Database) -> None:
    pid = running_partnership(demo)
    at = open_on("../pages/evaluations.py", "evals_", "rounds")
    at.selectbox(key="evals_pick_widget").set_value(pid)
    at = rerun(at)
    prefix = f"evals_new_round_{pid}_"
    at.date_input(key=prefix + "held_on").set_value(DEMO_TODAY)
    at.text_input(key=prefix + "title").input("Efterårsevaluering")
    at = save(at, prefix + "submit")
    assert_still_on(
        at,
        "evals_",
        t("evaluations_page.tab.rounds", "da"),
        t("evaluations_page.new_round.done", "da", date=DEMO_TODAY),
    )


def test_finding_3_every_page_draws_its_tabs_remembered() -> None:
    """No page or component calls ``st.tabs`` itself: the tabs of every page remember the open one."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    offenders = []
    for path in [*root.glob("pages/*.py"), *root.glob("components/*.py")]:
        if path.name == "widgets.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tabs":
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []
