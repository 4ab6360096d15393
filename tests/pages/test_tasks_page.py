"""The page "Mine opgaver" driven like a user would, with AppTest: whose tasks it opens on, the groups,
and one click that registers a contact or a measurement and takes the task off the list."""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest
from icalendar import Calendar
from sqlalchemy import select
from sqlalchemy.orm import Session
from streamlit.testing.v1 import AppTest

from components import tasks_views as views
from components.safe_markdown import escape_markdown
from lib.core.i18n import format_date
from lib.db import Agreement, ContactLogEntry, Database, EvaluationRound, Event, GoalMeasurement, Partnership, Relation
from lib.planning import calendar_feed as feed
from lib.planning import tasks as tk
from tests import apptest_support
from tests.apptest_support import deferred_downloads, rerun, workspace_today
from tests.pages.test_roles import SECRETS
from tests.planning_builders import add_contact, task_workspace

PAGE = "../pages/tasks.py"
run_page = partial(apptest_support.run_page, PAGE)


def tasks_shown(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith(("Tag kontakt", "Mål: ", "Hold kontakten", "Get in"))]


def add_cold_ties(session: Session, holder_id: int, today: dt.date, count: int, name: str = "Kontakt {number}") -> None:
    """``count`` contacts whose ties ``holder_id`` holds went cold long ago, number 0 the most recently."""
    for number in range(count):
        contact = add_contact(session, name.format(number=number))
        session.add(
            Relation(
                from_person_id=holder_id,
                to_person_id=contact,
                owner_id=holder_id,
                last_contact=today - dt.timedelta(days=800 + number),
            )
        )


def holder(at: AppTest) -> str:
    return at.selectbox(key=f"{views.PREFIX}_holder").format_func(at.selectbox(key=f"{views.PREFIX}_holder").value)


def test_an_empty_workspace_has_nothing_to_do_in_either_language(db: Database) -> None:
    at = run_page()
    assert at.title[0].value == "Mine opgaver"
    assert "Ingen opgaver i perioden." in [i.value for i in at.info]
    at = run_page("en")
    assert "No tasks in this period." in [i.value for i in at.info]


def test_everyone_s_overdue_tasks_show_with_who_holds_them(db: Database) -> None:
    with db.write() as session:
        task_workspace(session, workspace_today())
    at = run_page()
    # Run locally nobody is signed in: everyone's tasks, and no talk of "your e-mail".
    assert holder(at) == "Alle medarbejdere"
    assert not any("medarbejderlisten" in c.value for c in at.caption)
    assert [h.value for h in at.subheader][0] == "Forsinket (2)"
    # Earliest first: the goal was due four days ago, the contact yesterday.
    assert tasks_shown(at)[:2] == [
        "Mål: Flere unge lånere – registrér en måling",
        "Tag kontakt til partnerne i Læseklub",
    ]
    captions = " ".join(c.value for c in at.caption)
    assert "Ansvarlig: Anna Andersen" in captions and "Ansvarlig: Bo Berg" in captions
    assert "Skulle have været gjort" in captions


def test_a_signed_in_staff_member_opens_on_their_own_tasks(db: Database) -> None:
    with db.write() as session:
        task_workspace(session, workspace_today())
    secrets = {**SECRETS, "roles": {**SECRETS["roles"], "editors": ["anna@bib.dk"]}}
    at = run_page(secrets=secrets, user={"is_logged_in": True, "email": "anna@bib.dk", "name": "Anna"})
    assert holder(at) == "Anna Andersen"
    assert "Mål: Flere unge lånere – registrér en måling" not in tasks_shown(at)  # Bo's
    assert "Tag kontakt til partnerne i Læseklub" in tasks_shown(at)


def test_someone_signed_in_but_not_on_the_staff_list_is_told_why_they_see_everyone(db: Database) -> None:
    with db.write() as session:
        task_workspace(session, workspace_today())
    secrets = {**SECRETS, "roles": {**SECRETS["roles"], "editors": ["gaest@bib.dk"]}}
    at = run_page(secrets=secrets, user={"is_logged_in": True, "email": "gaest@bib.dk", "name": "Gæst"})
    assert holder(at) == "Alle medarbejdere"
    assert any("Din e-mail står ikke på medarbejderlisten" in c.value for c in at.caption)


def test_a_late_review_is_not_buried_under_ties_going_cold(db: Database) -> None:
    today = workspace_today()
    with db.write() as session:
        ids = task_workspace(session, today)
        # The review is a day late; ten ties went cold long before it.
        agreement = session.scalars(select(Agreement).where(Agreement.partnership_id == ids["club"])).one()
        agreement.review_date = today - dt.timedelta(days=1)
        add_cold_ties(session, ids["anna"], today, 10)
    at = run_page()
    assert [h.value for h in at.subheader][0] == "Forsinket (13)"
    shown = [m.value for m in at.markdown if m.value.startswith(("Evaluér", "Hold kontakten", "Tag kontakt", "Mål: "))]
    # The partnership work first, the ties going cold after it, folded away under one heading.
    assert shown.index("Evaluér samarbejdsaftalen for Læseklub") < shown.index(
        "Hold kontakten med Kontakt 9 varm (sidst i kontakt " + format_date(today - dt.timedelta(days=809), "da") + ")"
    )
    folded = [e for e in at.expander if e.label.startswith("Hold kontakten varm")][0]  # the overdue group's
    assert folded.label == "Hold kontakten varm (10)"
    inside = [m.value for m in folded.markdown]
    assert len(inside) == 10 and all(text.startswith("Hold kontakten med Kontakt") for text in inside)
    assert not any(text.startswith("Evaluér") for text in inside)


def test_a_long_list_shows_its_first_tasks_and_says_how_many_there_are(db: Database) -> None:
    """A big workspace has thousands of ties going cold: the page shows the earliest, says how many
    there are, and a click brings the next one up."""
    today = workspace_today()
    extra = views.SHOWN_COLD_TIES + 5
    with db.write() as session:
        ids = task_workspace(session, today)
        add_cold_ties(session, ids["anna"], today, extra, name="Kontakt {number:02d}")
    at = run_page()
    folded = [e for e in at.expander if e.label.startswith("Hold kontakten varm")][0]
    assert folded.label == f"Hold kontakten varm ({extra})"
    inside = [m.value for m in folded.markdown]
    assert len(inside) == views.SHOWN_COLD_TIES
    assert inside[0].startswith("Hold kontakten med Kontakt 29")  # the longest gone cold first
    more = f"Viser de første {views.SHOWN_COLD_TIES} af {extra}."
    assert [c.value for c in folded.caption if c.value.startswith(more)] == [
        more + " Vælg en medarbejder ovenfor for kun at se vedkommendes opgaver."
    ]
    assert folded.button[0].label == "Kontakt registreret i dag"
    folded.button[0].click()  # Kontakt 29's
    rerun(at)
    folded = [e for e in at.expander if e.label.startswith("Hold kontakten varm")][0]
    inside = [m.value for m in folded.markdown]
    assert len(inside) == views.SHOWN_COLD_TIES and not inside[0].startswith("Hold kontakten med Kontakt 29")
    assert any(
        c.value
        == f"Viser de første {views.SHOWN_COLD_TIES} af {extra - 1}."
        + " Vælg en medarbejder ovenfor for kun at se vedkommendes opgaver."
        for c in folded.caption
    )
    at.selectbox(key=f"{views.PREFIX}_holder").set_value(ids["anna"])
    rerun(at)
    folded = [e for e in at.expander if e.label.startswith("Hold kontakten varm")][0]
    assert [c.value for c in folded.caption if c.value.startswith("Viser")] == [
        f"Viser de første {views.SHOWN_COLD_TIES} af {extra - 1}."
    ]


def test_one_click_registers_the_contact_and_the_task_leaves_the_list(db: Database) -> None:
    with db.write() as session:
        task_workspace(session, workspace_today())
    at = run_page()
    (club,) = [b for b in at.button if b.label == "Kontakt registreret i dag" and "contact-p" in b.key]
    club.click()
    rerun(at)
    assert "Kontakten med Læseklub er registreret, og opgaven er fjernet fra listen." in [s.value for s in at.success]
    assert "Tag kontakt til partnerne i Læseklub" not in tasks_shown(at)
    with db.read() as session:
        logged = session.scalars(select(ContactLogEntry.contacted_on).order_by(ContactLogEntry.contacted_on)).all()
    assert logged[-1] == workspace_today()


def test_a_measurement_needs_its_value_and_is_then_saved(db: Database) -> None:
    with db.write() as session:
        ids = task_workspace(session, workspace_today())
    at = run_page()
    key = f"{views.PREFIX}_do_measurement-g{ids['goal']}"
    at.button(key=key).click()
    rerun(at)
    assert "Skriv den målte værdi først." in [w.value for w in at.warning]
    at.number_input(key=f"{key}_value").set_value(130)
    at.button(key=key).click()
    rerun(at)
    assert "Mål: Flere unge lånere – registrér en måling" not in tasks_shown(at)
    with db.read() as session:
        assert session.scalars(select(GoalMeasurement.value)).all() == [130]


def test_titles_are_shown_as_written_not_as_markdown(db: Database) -> None:
    with db.write() as session:
        ids = task_workspace(session, workspace_today())
        session.get_one(Partnership, ids["club"]).title = "*Læs* [mere](http://x.dk)"
    at = run_page()
    title = "*Læs* [mere](http://x.dk)"
    assert f"Tag kontakt til partnerne i {escape_markdown(title)}" in tasks_shown(at)
    assert f"Tag kontakt til partnerne i {title}" not in tasks_shown(at)


def test_the_month_adds_later_tasks_with_the_way_to_their_page(db: Database) -> None:
    today = workspace_today()
    with db.write() as session:
        ids = task_workspace(session, today)
        # A round held today, with no owner: on the list this week and this month.
        session.add(EvaluationRound(partnership_id=ids["club"], held_on=today, title="I dag"))
    at = run_page()
    assert "Evalueringsrunde i Læseklub" in [m.value for m in at.markdown]
    assert len(tasks_shown(at)) == 2 + (tk.went_cold_on(today - dt.timedelta(days=364)) <= tk.period_end("week", today))
    at.radio(key=f"{views.PREFIX}_period").set_value("month")
    rerun(at)
    month_end = tk.period_end("month", today)
    expected_later = sum(
        day <= month_end
        for day in (today + dt.timedelta(days=16), today + dt.timedelta(days=21))  # the review and the planned round
    )
    assert sum(m.value.startswith(("Evaluér", "Evalueringsrunde")) for m in at.markdown) == 1 + expected_later


# --- the calendar ----------------------------------------------------------------------------------

ANNA = {"is_logged_in": True, "email": "anna@bib.dk", "name": "Anna"}
ANNA_EDITS = {**SECRETS, "roles": {**SECRETS["roles"], "editors": ["anna@bib.dk"]}}


def test_the_tasks_download_as_a_calendar_and_the_download_is_logged(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = deferred_downloads(monkeypatch)
    with db.write() as session:
        task_workspace(session, workspace_today())
    run_page(secrets=ANNA_EDITS, user=ANNA)
    calendar = Calendar.from_ical(made["opgaver.ics"]())
    assert "Tag kontakt til partnerne i Læseklub" in {str(e["summary"]) for e in calendar.walk("VEVENT")}
    with db.read() as session:
        (event,) = session.scalars(select(Event).where(Event.action == "calendar_exported")).all()
    assert event.actor == "anna@bib.dk"


def test_an_english_reader_downloads_an_english_calendar(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    # The file is made when the button is clicked, outside the page run: the language must be the page's.
    made = deferred_downloads(monkeypatch)
    with db.write() as session:
        task_workspace(session, workspace_today())
    run_page("en")
    summaries = {str(e["summary"]) for e in Calendar.from_ical(made["opgaver.ics"]()).walk("VEVENT")}
    assert any(summary.startswith("Get in touch") for summary in summaries), summaries
    assert not any(summary.startswith("Tag kontakt") for summary in summaries)


def test_without_a_public_address_no_subscription_is_offered(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PARTNERSKABSRADAR_CALENDAR_URL", raising=False)
    with db.write() as session:
        task_workspace(session, workspace_today())
    at = run_page(secrets=ANNA_EDITS, user=ANNA)
    captions = " ".join(c.value for c in at.caption)
    assert "Abonnement kræver, at it-afdelingen har sat en offentlig adresse til kalenderen op" in captions
    # A coordinator is spared the setting's technical name; the administrator (here: local mode) sees it.
    assert "PARTNERSKABSRADAR_CALENDAR_URL" not in captions
    assert not [b for b in at.button if b.key == f"{views.PREFIX}_make_address"]
    at = run_page()
    assert any("PARTNERSKABSRADAR_CALENDAR_URL" in c.value for c in at.caption)


def test_a_staff_member_makes_sees_once_and_ends_their_subscription(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PARTNERSKABSRADAR_CALENDAR_URL", "https://kalender.bib.dk")
    with db.write() as session:
        ids = task_workspace(session, workspace_today())
    at = run_page(secrets=ANNA_EDITS, user=ANNA)
    at.button(key=f"{views.PREFIX}_make_address").click()
    rerun(at)
    (address,) = [c.value for c in at.code]
    assert address.startswith("https://kalender.bib.dk/kalender/") and address.endswith(".ics")
    token = address.removeprefix("https://kalender.bib.dk/kalender/").removesuffix(".ics")
    with db.read() as session:
        assert feed.holder_of_token(session, token) == ids["anna"]
    rerun(at)
    assert not at.code  # shown once
    at.button(key=f"{views.PREFIX}_end_address").click()
    rerun(at)
    assert "Abonnementet er lukket. Adressen virker ikke længere." in [s.value for s in at.success]
    with db.read() as session:
        assert feed.holder_of_token(session, token) is None
    # Someone else's tasks: no subscription for them from here.
    at.selectbox(key=f"{views.PREFIX}_holder").set_value(ids["bo"])
    rerun(at)
    assert not [b for b in at.button if b.key == f"{views.PREFIX}_make_address"]
