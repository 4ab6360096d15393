"""The page "Partnere" driven like a user would, with AppTest, on the demo library and on an empty workspace."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from lib.core.i18n import t
from lib.core.spreadsheets import xlsx_bytes
from lib.db import Assessment, Database, Organisation, Partnership, Person
from lib.network import graph as netgraph
from lib.network import metrics as netmetrics
from lib.planning import candidates as partners
from lib.planning import goals as strategy
from lib.planning import partnerships as ps
from lib.planning.templates import template_frames
from tests import apptest_support
from tests.apptest_support import figure, rerun, shown_texts, values

PAGE = "../pages/partners.py"
ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 1)
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TAB = "partners_active_tab"
PICK = "partners_pick_widget"


def run_page(lang: str | None = None, tab: str | None = None) -> AppTest:
    """The page run once, in ``lang`` and on the tab ``tab`` (by default the first)."""
    return apptest_support.run_page(PAGE, lang, state={TAB: tab} if tab else None)


def open_tab(at: AppTest, tab: str) -> AppTest:
    at.session_state[TAB] = tab
    return rerun(at)


def points_trace(spec: dict) -> dict:
    traces = [trace for trace in spec["data"] if trace.get("meta") == "points"]
    assert len(traces) == 1
    return traces[0]


def org_id(db: Database, name: str) -> int:
    with db.read() as session:
        return int(session.scalar(select(Organisation.id).where(Organisation.name == name)))


def staff_id(db: Database, other_than: int | None = None) -> int:
    """A staff member of the library (not ``other_than``)."""
    with db.read() as session:
        return int(
            session.scalars(
                select(Person.id).where(Person.is_staff.is_(True), Person.id != (other_than or 0)).order_by(Person.name)
            ).first()
        )


def assessments_of(db: Database, organisation_id: int) -> list[Assessment]:
    with db.read() as session:
        found = session.scalars(
            select(Assessment).where(Assessment.organisation_id == organisation_id).order_by(Assessment.id)
        ).all()
        for record in found:
            session.expunge(record)
        return list(found)


def latest_with(db: Database, *fields: str) -> dict[int, Assessment]:
    """The newest assessment of each organisation, kept when it rates every one of ``fields``."""
    with db.read() as session:
        rows = session.scalars(select(Assessment).order_by(Assessment.assessed_on, Assessment.id)).all()
        latest = {a.organisation_id: a for a in rows}
        for record in latest.values():
            session.expunge(record)
    return {oid: a for oid, a in latest.items() if all(getattr(a, f) is not None for f in fields)}


def choose(at: AppTest, organisation_id: int) -> AppTest:
    at.session_state[TAB] = "assess"
    at.run()
    at.selectbox(key=PICK).set_value(organisation_id)
    return rerun(at)


# --- the empty workspace ---------------------------------------------------------------------------


def test_empty_workspace_points_to_import_and_contacts(db: Database) -> None:
    at = run_page()
    assert at.title[0].value == "Vælg partnere med omhu"
    expected = t(
        "partners_page.empty",
        "da",
        import_page="Importér",
        contacts_page="Kontakter og organisationer",
        import_tab="Indlæs fra Excel",
    )
    assert at.info[0].value == expected
    assert "»Importér«" in expected and "»Kontakter og organisationer«" in expected
    for tab in ("assess", "stakeholders", "value_effort", "import"):
        at = open_tab(at, tab)
        assert not at.get("plotly_chart")
    assert at.get("download_button")  # assessments can still be loaded from a template


# --- the ranked list -------------------------------------------------------------------------------


def test_ranked_list_has_every_organisation_once_with_words_not_codes(demo: Database) -> None:
    at = run_page()
    with demo.read() as session:
        names = sorted(session.scalars(select(Organisation.name)).all())
        decisions = {a.organisation_id: a.decision for a in latest_with(demo).values()}
    table = at.dataframe[0].value
    assert len(names) == 80 and sorted(table["Organisation"]) == names
    assessed = table[table["Beslutning"] != "Ikke vurderet endnu"]
    assert len(assessed) == len(decisions) == 11
    # Assessed first, best first; the unassessed below them, without a rank.
    assert table["Nr."].head(8).tolist() == list(range(1, 9))
    assert table["Nr."].iloc[11:].isna().all()
    assert table["Organisation"].iloc[0] == "Lyngfonden for Læsning"
    scores = [float(s.replace(",", ".")) for s in assessed["Vurdering (1-5)"]]
    assert scores == sorted(scores, reverse=True)
    # Declined candidates stay on the list with their decision in words.
    assert (assessed["Beslutning"] == "Afvis").sum() == list(decisions.values()).count("decline") == 2
    assert set(table["Type"]) >= {"Fond", "Virksomhed"} and "foundation" not in set(table["Type"])
    assert set(assessed["Interessentgruppe"]) <= {t(f"partners.quadrant.{q}", "da") for q in partners.QUADRANTS}
    assert at.markdown[0].value == t("partners_page.ranking.summary", "da", total=80, assessed=11, declined=2)


# --- the charts ------------------------------------------------------------------------------------


def test_matrix_has_one_point_per_organisation_with_influence_and_interest(demo: Database) -> None:
    expected = latest_with(demo, "influence", "interest")
    with demo.write() as session:  # one assessed organisation without interest: no dot for it
        last = session.get(Assessment, max(a.id for a in expected.values()))
        last.interest = None
    expected = latest_with(demo, "influence", "interest")
    at = run_page(tab="stakeholders")
    spec = figure(at, "partners_matrix")
    trace = points_trace(spec)
    assert len(values(trace["x"])) == len(expected) == 10
    assert sorted(trace["customdata"]) == sorted(expected)
    # A dot sits in the square of its interest (across) and influence (up), even when moved aside.
    for x, y, oid in zip(values(trace["x"]), values(trace["y"]), trace["customdata"], strict=True):
        assert abs(x - expected[oid].interest) < 0.5 and abs(y - expected[oid].influence) < 0.5
    assert len(spec["layout"]["shapes"]) == 4
    split = partners.HIGH_AT - 0.5
    assert {s["x0"] for s in spec["layout"]["shapes"]} | {s["x1"] for s in spec["layout"]["shapes"]} >= {split}
    labels = {a["text"] for a in spec["layout"]["annotations"]}
    assert labels == {f"<b>{t(f'partners.quadrant.{q}', 'da')}</b>" for q in partners.QUADRANTS}
    assert at.caption[-1].value.startswith("10 af 11 vurderede organisationer")


def test_bubble_chart_sizes_by_network_reach(demo: Database) -> None:
    expected = latest_with(demo, "value", "effort")
    at = run_page(tab="value_effort")
    spec = figure(at, "partners_value_effort")
    trace = points_trace(spec)
    assert len(values(trace["x"])) == len(expected) == 11
    with demo.read() as session:
        reach = netmetrics.node_metrics(netgraph.build_graph(session))["reach"]
    sizes = dict(zip(trace["customdata"], values(trace["marker"]["size"]), strict=True))
    widest = max(expected, key=lambda oid: reach[f"O{oid}"])
    narrowest = min(expected, key=lambda oid: reach[f"O{oid}"])
    assert reach[f"O{widest}"] > reach[f"O{narrowest}"]
    assert sizes[widest] == 40.0 and sizes[narrowest] < sizes[widest]
    for oid, size in sizes.items():
        assert size == pytest.approx(8 + 32 * reach[f"O{oid}"] / reach[f"O{widest}"])
    labels = {a["text"] for a in spec["layout"]["annotations"]}
    assert labels == {f"<b>{t(f'partners.value_effort.{g}', 'da')}</b>" for g in partners.VALUE_EFFORT_GROUPS}


def test_names_from_the_data_stay_plain_text_in_the_chart_and_the_next_step(demo: Database) -> None:
    hostile = "<b>Fed</b> & *Co*"
    with demo.write() as session:
        org = Organisation(name=hostile, name_key="fed co")
        session.add(org)
        session.flush()
        partners.create_assessment(
            session,
            {
                "organisation_id": org.id,
                "assessed_on": TODAY,
                "influence": 1,
                "interest": 1,
                "decision": "go_ahead",
                "decided_on": TODAY,
            },
        )
        hostile_id = org.id
    at = run_page(tab="stakeholders")
    trace = points_trace(figure(at, "partners_matrix"))
    assert "&lt;b&gt;Fed&lt;/b&gt; &amp; *Co*" in trace["text"]
    at = choose(at, hostile_id)
    # Escaped for Markdown: the reader sees the name as typed, not bold text or an HTML tag.
    assert any(r"\<b\>Fed\</b\> & \*Co\*" in s.value for s in at.success)


def test_dots_on_the_same_spot_are_spread_with_their_names_outside() -> None:
    from lib.planning.figures import spread

    xs, ys, places = spread([3, 3, 4], [2, 2, 5])
    assert (xs[2], ys[2], places[2]) == (4, 5, "top center")  # alone: where it is
    assert len({(xs[0], ys[0]), (xs[1], ys[1])}) == 2  # together: apart, but still in their square
    assert all(abs(x - 3) < 0.5 and abs(y - 2) < 0.5 for x, y in zip(xs[:2], ys[:2], strict=True))
    assert places[:2] == ["middle right", "middle left"]


# --- assessing -------------------------------------------------------------------------------------


def test_new_assessment_with_dont_know_is_scored_on_the_answers_only(demo: Database) -> None:
    oid = org_id(demo, "Makerspace Solbakke")
    assert assessments_of(demo, oid) == []
    at = choose(run_page(), oid)
    prefix = f"partners_new{oid}_"
    assert at.selectbox(key=f"partners_which_{oid}").value == 0  # a new assessment: none stored yet
    at.button_group(key=prefix + "score_track_record").set_value(5)
    at.button_group(key=prefix + "score_standing").set_value(4)
    at.button_group(key=prefix + "score_resources").set_value(2)
    at.button_group(key=prefix + "score_stable_staff").set_value(1)
    rerun(at)
    assert [m.value for m in at.metric] == ["3 af 5", "4 af 11 kriterier"]  # (5 + 4 + 2 + 1) / 4
    at.button_group(key=prefix + "score_stable_staff").set_value("dont_know")
    at.button_group(key=prefix + "influence").set_value(4)
    at.text_area(key=prefix + "risks").set_value("Få frivillige om sommeren")
    rerun(at)
    assert [m.value for m in at.metric] == ["3,7 af 5", "3 af 11 kriterier"]  # "don't know" left out
    at.button(key=prefix + "save").click()
    rerun(at)
    stored = assessments_of(demo, oid)
    assert len(stored) == 1
    record = stored[0]
    assert record.scores == dict.fromkeys(partners.CRITERIA) | {"track_record": 5, "standing": 4, "resources": 2}
    assert (record.influence, record.interest, record.risks) == (4, None, "Få frivillige om sommeren")
    assert record.assessed_on == apptest_support.workspace_today()
    assert partners.weighted_score(record.scores, record.weights).score == pytest.approx(11 / 3)
    assert t("partners_page.assess.created", "da", name="Makerspace Solbakke") in [s.value for s in at.success]
    assert at.selectbox(key=f"partners_which_{oid}").value == record.id  # the new assessment is open
    table = open_tab(at, "ranking").dataframe[0].value.set_index("Organisation")
    assert table.loc["Makerspace Solbakke", "Vurdering (1-5)"] == "3,7"


def test_editing_weights_changes_the_stored_score(demo: Database) -> None:
    oid = org_id(demo, "Radio Solbakke")
    before = assessments_of(demo, oid)[-1]
    answered = {c: s for c, s in before.scores.items() if s is not None}
    stored_weights = before.weights or {}
    assert stored_weights  # the demo weighs some criteria already: the page must keep those

    def score_with(weights: dict[str, float]) -> float:
        # The rule written out: sum(w * s) / sum(w) over the answered criteria, missing weights 1.
        used = {c: weights.get(c, 1.0) for c in answered}
        return sum(used[c] * answered[c] for c in answered) / sum(used.values())

    old = score_with(stored_weights)
    heavy = max(answered, key=lambda c: abs(answered[c] - old))  # moves the score most when it counts more
    dropped = next(c for c in answered if c != heavy and stored_weights.get(c, 1.0) > 0)
    at = choose(run_page(), oid)
    prefix = f"partners_a{before.id}_"
    at.number_input(key=prefix + f"weight_{heavy}").set_value(3.0)
    at.number_input(key=prefix + f"weight_{dropped}").set_value(0.0)
    at.button(key=prefix + "save").click()
    rerun(at)
    after = assessments_of(demo, oid)[-1]
    new_weights = {**stored_weights, heavy: 3.0, dropped: 0.0}
    assert after.id == before.id and after.weights == {c: w for c, w in new_weights.items() if w != 1.0}
    assert partners.weighted_score(after.scores, after.weights).score == pytest.approx(score_with(new_weights))
    assert score_with(new_weights) != pytest.approx(old)
    assert t("partners_page.assess.saved", "da") in [s.value for s in at.success]


def test_an_assessment_without_a_date_is_refused_and_nothing_stored(demo: Database) -> None:
    oid = org_id(demo, "Makerspace Solbakke")
    at = choose(run_page(), oid)
    prefix = f"partners_new{oid}_"
    at.button_group(key=prefix + "score_track_record").set_value(4)
    at.date_input(key=prefix + "assessed_on").set_value(None)
    at.button(key=prefix + "save").click()
    rerun(at)
    assert [e.value for e in at.error] == ["Angiv datoen for vurderingen."]
    assert assessments_of(demo, oid) == []


def test_earlier_assessments_are_listed_and_deleted_only_when_confirmed(demo: Database) -> None:
    with demo.read() as session:
        oid = session.scalar(
            select(Assessment.organisation_id)
            .group_by(Assessment.organisation_id)
            .having(func.count(Assessment.id) == 2)
        )
    stored = assessments_of(demo, oid)
    assert len(stored) == 2
    older = min(stored, key=lambda a: a.assessed_on)
    at = choose(run_page(), oid)
    history = at.dataframe[0].value
    assert len(history) == 2 and list(history["Vurderet den"]) == sorted(history["Vurderet den"], reverse=True)
    at.selectbox(key=f"partners_which_{oid}").set_value(older.id)
    rerun(at)
    at.button(key=f"partners_del{older.id}_button").click()
    rerun(at)
    assert "Sæt flueben for at bekræfte, at vurderingen skal slettes." in [w.value for w in at.warning]
    assert len(assessments_of(demo, oid)) == 2
    at.checkbox(key=f"partners_del{older.id}_confirm").check()
    at.button(key=f"partners_del{older.id}_button").click()
    rerun(at)
    assert [a.id for a in assessments_of(demo, oid)] == [a.id for a in stored if a.id != older.id]
    assert at.dataframe[0].value.shape[0] == 1


# --- deciding --------------------------------------------------------------------------------------


def navigation_app(tmp_path: Path) -> AppTest:
    """The page inside a navigation with the partnerships page, so its link to that page can be drawn."""
    (tmp_path / "pages").symlink_to(ROOT / "pages")
    entry = tmp_path / "app.py"
    entry.write_text(
        "import streamlit as st\n"
        "st.navigation([st.Page('pages/partners.py', default=True),\n"
        "               st.Page('pages/partnerships.py')]).run()\n",
        encoding="utf-8",
    )
    return AppTest.from_file(str(entry), default_timeout=60)


def test_go_ahead_is_stored_with_date_and_who_and_leads_to_partnerships(demo: Database, tmp_path: Path) -> None:
    oid = org_id(demo, "Radio Solbakke")
    record = assessments_of(demo, oid)[-1]
    assert record.decision == "explore"
    person = staff_id(demo, other_than=record.decided_by_id)
    at = navigation_app(tmp_path)
    at.session_state[TAB] = "assess"
    at.run()
    at.selectbox(key=PICK).set_value(oid)
    rerun(at)
    assert not at.get("page_link")  # "keep exploring" has no next step yet
    prefix = f"partners_d{record.id}_"
    at.button_group(key=prefix + "decision").set_value("go_ahead")
    at.date_input(key=prefix + "decided_on").set_value(dt.date(2026, 11, 20))
    at.selectbox(key=prefix + "decided_by").set_value(person)
    at.button(key=prefix + "save").click()
    rerun(at)
    stored = assessments_of(demo, oid)[-1]
    assert (stored.decision, stored.decided_on, stored.decided_by_id) == ("go_ahead", dt.date(2026, 11, 20), person)
    assert t("partners_page.decision.saved", "da", decision="Gå videre") in [s.value for s in at.success]
    assert t("partners_page.decision.next_step", "da", name="Radio Solbakke", page="Partnerskaber") in [
        s.value for s in at.success
    ]
    assert at.button(key=f"partners_go_{record.id}").proto.label == "Registrér partnerskabet"


def test_finding_3_go_ahead_leads_to_the_partnership_form_filled_with_organisation_and_goals(
    demo: Database, tmp_path: Path
) -> None:
    oid = org_id(demo, "Radio Solbakke")
    record = assessments_of(demo, oid)[-1]
    with demo.read() as session:
        goals = [goal_id for goal_id, _ in strategy.goal_choices(session)][:3]
    with demo.write() as session:
        # Fits the first goal clearly, the third a little, the second not at all.
        partners.update_assessment(
            session, record.id, {"goal_fit": {str(goals[0]): 2, str(goals[1]): 0, str(goals[2]): 1}}
        )
        partners.record_decision(session, record.id, "go_ahead", TODAY, None)
    at = navigation_app(tmp_path)
    at.session_state[TAB] = "assess"
    at.run()
    at.selectbox(key=PICK).set_value(oid)
    rerun(at)
    at.button(key=f"partners_go_{record.id}").click()
    rerun(at)
    # The partnerships page, its form open and filled in from the assessment.
    assert at.title[0].value == "Partnerskaber"
    assert at.multiselect(key="pships_new_organisations").value == [oid]
    assert at.multiselect(key="pships_new_goals").value == [goals[0], goals[2]]
    assert at.text_input(key="pships_new_title").value == "Radio Solbakke"
    assert t("partnerships_page.new.drafted", "da") in [i.value for i in at.info]
    at.button(key="pships_new_submit").click()
    rerun(at)
    with demo.read() as session:
        new_id = session.scalar(select(func.max(Partnership.id)))
        assert [o for o, _ in ps.organisations_of(session, [new_id])[new_id]] == [oid]
        assert sorted(g for g, _ in ps.goals_of(session, [new_id])[new_id]) == sorted([goals[0], goals[2]])


def test_a_decision_without_a_date_is_refused_and_nothing_stored(demo: Database) -> None:
    oid = org_id(demo, "Makerspace Solbakke")
    with demo.write() as session:
        partners.create_assessment(session, {"organisation_id": oid, "assessed_on": TODAY})
    record = assessments_of(demo, oid)[-1]
    at = choose(run_page(), oid)
    prefix = f"partners_d{record.id}_"
    at.button_group(key=prefix + "decision").set_value("decline")
    at.date_input(key=prefix + "decided_on").set_value(None)
    at.button(key=prefix + "save").click()
    rerun(at)
    assert [e.value for e in at.error] == ["Angiv datoen for beslutningen."]
    stored = assessments_of(demo, oid)[-1]
    assert (stored.decision, stored.decided_on) == (None, None)


# --- bulk load -------------------------------------------------------------------------------------


def filled_template() -> bytes:
    frames = template_frames("assessments", "da")
    sheet = next(iter(frames))
    columns = list(frames[sheet].columns)
    row = dict.fromkeys(columns, "")
    row.update(
        {
            "Organisation": "Makerspace Solbakke",
            "Vurderet den": "01-10-2026",
            "Resultater hidtil": 4,
            "Omdømme": "ved ikke",
            "Værdi for os (1-5)": 4,
            "Indsats (1-5)": 2,
        }
    )
    frames[sheet] = pd.DataFrame([row, {**row, "Organisation": "", "Vurderet den": "02-10-2026"}], columns=columns)
    return xlsx_bytes(frames)


def test_template_upload_previews_loads_and_undoes(demo: Database) -> None:
    oid = org_id(demo, "Makerspace Solbakke")
    at = run_page(tab="import")
    assert at.get("download_button")[0].proto.label == "Hent Excel-skabelon"
    at.file_uploader(key="partners_bulk_uploader_0").set_value(("vurderinger.xlsx", filled_template(), XLSX_MIME))
    rerun(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Rækker læst": "2", "Nye": "1", "Afvist": "1", "Sprunget over": "0"}
    assert assessments_of(demo, oid) == []  # a preview stores nothing
    at.button(key="partners_bulk_import_commit").click()
    rerun(at)
    stored = assessments_of(demo, oid)
    assert len(stored) == 1 and (stored[0].value, stored[0].effort) == (4, 2)
    assert stored[0].scores["track_record"] == 4 and stored[0].scores["standing"] is None
    at.button(key="partners_bulk_import_undo").click()
    rerun(at)
    assert assessments_of(demo, oid) == []


# --- languages -------------------------------------------------------------------------------------


def test_the_page_speaks_english_without_a_missing_text(demo: Database) -> None:
    at = run_page("en")
    assert at.title[0].value == "Choose partners with care"
    assert [tab.label for tab in at.tabs] == [
        "All candidates",
        "Assess and decide",
        "Influence and interest",
        "Value and effort",
        "Load from Excel",
    ]
    assert "Stakeholder group" in at.dataframe[0].value.columns
    shown = shown_texts(at)
    at = choose(at, org_id(demo, "Lyngfonden for Læsning"))
    shown += shown_texts(at)
    assert "Overall score" in shown and "Decision" in shown
    for tab in ("stakeholders", "value_effort", "import"):
        shown += shown_texts(open_tab(at, tab))
    assert "Manage closely" in " ".join(shown) and "Quick win" in " ".join(shown)
    assert figure(open_tab(at, "value_effort"), "partners_value_effort")["layout"]["separators"] == ".,"
    raw_keys = [s for s in shown if re.search(r"\b(partners_page|partners|nav|common)\.[a-z_]+", s)]
    assert raw_keys == []
    assert len(shown) > 60


def test_every_text_of_the_page_exists_in_both_languages() -> None:
    from lib.core.translations.partners_page import TEXTS

    assert all(entry["da"].strip() and entry["en"].strip() for entry in TEXTS.values())
    used: set[str] = set()
    for name in (
        "pages/partners.py",
        "components/partners_views.py",
        "lib/planning/candidates_page.py",
        "lib/planning/figures.py",
    ):
        # Every key written out in the code, whether passed to tr() or t() or handed on to a helper.
        used |= set(
            re.findall(
                r'"((?:partners_page|partners|nav|common)\.[a-z_.]+)"', (ROOT / name).read_text(encoding="utf-8")
            )
        )
    assert "partners_page.title" in used and len(used) > 50
    from lib.core.i18n import TEXTS as ALL

    prefixes = {key for key in used if any(other.startswith(key + ".") for other in ALL)}  # "partners.quadrant"
    for key in used - prefixes:
        assert t(key, "da") != key and t(key, "en") != key, key
    assert t("nav.partners", "en") == "Partners"
