"""One definition per key figure (issue 12, item 1): ``python -m lib figures --json`` (run as a
separate process: black-box), the start page, the pages that show a figure and the board pack in all
three formats say the same numbers, on the demo and on randomly generated workspaces."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pptx import Presentation

from lib.db import (
    Agreement,
    Database,
    EvaluationResponse,
    EvaluationRound,
    Goal,
    GoalMeasurement,
    Organisation,
    Partnership,
    PartnershipOrganisation,
    Person,
    Relation,
    forget_database,
    open_database,
)
from lib.demo.workspace import create_demo_workspace
from lib.planning.evaluations import ITEM_CODES
from lib.reporting import figures
from lib.reporting.boardpack import render
from lib.reporting.boardpack.content import build
from tests import apptest_support
from tests.apptest_support import workspace_today
from tests.conftest import DEMO_TODAY

#: Slow as a whole: ``python -m lib figures`` in a new process, and every page that shows a figure.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
run_start_page = partial(apptest_support.run_page, "../dashboard.py")
#: The figures the start page shows as metrics (its six, and the staff of its network section).
START_PAGE = (
    "active_partnerships",
    "written_agreements",
    "goals_on_track",
    "evaluation_score",
    "organisations",
    "contacts",
    "staff",
)


def figures_cli(url: str, *args: str) -> dict[str, dict[str, Any]]:
    """``python -m lib figures --json`` in a process of its own."""
    result = subprocess.run(
        [sys.executable, "-m", "lib", "figures", "--json", "--db", url, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def appendix_values(data: bytes) -> dict[str, Any]:
    """``{key: value cell}`` of the key-figures sheet of a board pack's Excel appendix (and its header)."""
    sheet = load_workbook(io.BytesIO(data))["Nøgletal"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert all(isinstance(cell, str) and cell.strip() for cell in header), header
    assert header[:4] == ("Nøgle", "Nøgletal", "Værdi", "Definition")
    found = {}
    for row in rows[1:]:
        if row[0] in figures.KEYS:
            found[row[0]] = row[2]
    return found


def pptx_tiles(data: bytes) -> list[str]:
    prs = Presentation(io.BytesIO(data))
    return [shape.text_frame.text for slide in prs.slides for shape in slide.shapes if shape.has_text_frame]


def pdf_text(data: bytes) -> str:
    document = pdfium.PdfDocument(data)
    text = " ".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    document.close()
    return re.sub(r"\s+", " ", text)


def start_page_metrics(lang: str | None = None) -> dict[str, tuple[str, str]]:
    """``{label: (value, help)}`` of every metric on the start page."""
    at = run_start_page(lang)
    return {m.label: (m.value, m.proto.help) for m in at.metric}


def assert_all_agree(db: Database, payload: dict[str, dict[str, Any]], *, pdf: bool = True) -> None:
    """The board pack (xlsx cells, pptx and pdf text) and the start page say what ``payload`` says."""
    today = workspace_today()
    assert list(payload) == list(figures.KEYS)
    values = {key: entry["value"] for key, entry in payload.items()}
    with db.read() as session:
        pack = build(session, None, None, "da", ["title", "key_figures"], today)
    # Excel: the same number in the cell (no rounding but the number format), "< 5" where suppressed.
    # An xlsx file writes a number with 16 significant digits (Excel itself keeps 15): the last bit of
    # a double may go, nothing a number format could show.
    cells = appendix_values(render(pack, "xlsx"))
    assert cells == {
        key: pytest.approx(value, rel=1e-15) if isinstance(value, float) else value for key, value in values.items()
    }
    # PowerPoint and PDF: each big number as the reader writes it, beside its label.
    tiles = pptx_tiles(render(pack, "pptx"))
    text = pdf_text(render(pack, "pdf")) if pdf else ""
    for figure in pack.section("key_figures").figures:
        shown = figures.shown(figure.key, values[figure.key], "da")
        assert figure.label == payload[figure.key]["label"]
        assert f"{shown}\n{figure.label}" in tiles
        if pdf:
            assert f"{shown} {figure.label}" in text
    # The start page: label, value and the definition as help, for each figure it shows.
    metrics = start_page_metrics()
    for key in START_PAGE:
        value, help_text = metrics[payload[key]["label"]]
        expected = values[key]
        if expected == figures.SMALL_GROUP:
            # The start page shows an editor the number; the board (and --json) sees "< 5".
            assert int(value) < figures.MIN_GROUP
        else:
            assert value == figures.shown(key, expected, "da"), key
        assert help_text.replace("\\", "") == payload[key]["definition"]


# --- the demo --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('figures') / 'demo.sqlite'}"
    create_demo_workspace(open_database(url), today=workspace_today())
    yield url
    forget_database(url)


@pytest.fixture(scope="module")
def demo_payload(demo_url: str) -> dict[str, dict[str, Any]]:
    return figures_cli(demo_url)


@pytest.fixture
def demo(demo_url: str, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setenv("DATABASE_URL", demo_url)
    return open_database(demo_url)


def test_finding_1_figures_json_has_a_label_value_and_definition_for_every_key(demo_payload: dict) -> None:
    assert list(demo_payload) == list(figures.KEYS)
    for key, entry in demo_payload.items():
        assert set(entry) == {"label", "value", "definition"}
        assert entry["label"] and entry["definition"] and entry["definition"] != entry["label"], key
    # The demo's numbers (a made-up library): partnerships, goals, what hangs on one person.
    values = {key: entry["value"] for key, entry in demo_payload.items()}
    assert values["active_partnerships"] == 9 and values["goals"] == 6
    assert (
        values["goals_on_track"] + values["goals_at_risk"] + values["goals_off_track"] + values["goals_not_measured"]
        == values["goals"]
    )
    assert values["single_person_partnerships"] == 1 and values["single_person_organisations"] == 5
    assert isinstance(values["evaluation_score"], float) and 1 <= values["evaluation_score"] <= 5
    assert round(values["evaluation_score"], 1) != values["evaluation_score"]  # unrounded


def test_finding_1_the_board_pack_and_the_start_page_agree_with_figures_json_on_the_demo(
    demo: Database, demo_payload: dict
) -> None:
    assert_all_agree(demo, demo_payload)


def test_finding_1_the_appendix_keeps_the_unrounded_score_with_a_decimal_format(
    demo: Database, demo_payload: dict
) -> None:
    with demo.read() as session:
        pack = build(session, None, None, "da", ["key_figures"], workspace_today())
    sheet = load_workbook(io.BytesIO(render(pack, "xlsx")))["Nøgletal"]
    (cell,) = [row[2] for row in sheet.iter_rows(min_row=2) if row[0].value == "evaluation_score"]
    assert cell.value == demo_payload["evaluation_score"]["value"] and cell.number_format == "0.0"


def test_finding_1_a_past_day_agrees_with_the_board_period_ending_then(demo: Database, demo_url: str) -> None:
    day = workspace_today() - dt.timedelta(days=200)
    payload = figures_cli(demo_url, "--as-of", day.strftime("%d-%m-%Y"))
    with demo.read() as session:
        pack = build(session, day - dt.timedelta(days=365), day, "en", ["key_figures"], workspace_today())
    table = pack.section("key_figures").table("key_figures.figures").frame
    assert dict(zip(table["Key"], table["Value"], strict=True)) == {k: e["value"] for k, e in payload.items()}
    assert payload != figures_cli(demo_url)  # the day counts: the demo changed since


def test_finding_1_every_page_names_what_hangs_on_one_person_as_the_start_page_does(
    demo: Database, demo_payload: dict
) -> None:
    partnerships = demo_payload["single_person_partnerships"]
    organisations = demo_payload["single_person_organisations"]
    # The organisation page's library-wide list, and the network's health tab: both units, one rule.
    for at in (
        apptest_support.run_page("../pages/organisation.py"),
        apptest_support.run_page("../pages/network.py", state={"net_active_tab": "health"}),
    ):
        shown = {m.label: (m.value, m.proto.help.replace("\\", "")) for m in at.metric}
        assert shown[partnerships["label"]] == (str(partnerships["value"]), partnerships["definition"])
        assert shown[organisations["label"]] == (str(organisations["value"]), organisations["definition"])
    frame = next(d.value for d in at.dataframe if {"kind_label", "detail"} <= set(d.value.columns))
    assert sorted(frame["kind_label"]) == sorted(
        ["Partnerskab"] * partnerships["value"] + ["Organisation"] * organisations["value"]
    )
    # The start page's alerts: one per partnership that hangs on one person.
    at = run_start_page()
    text = "\n".join(m.value.replace("\\", "") for m in at.markdown)
    assert text.count("hænger på én person") == partnerships["value"]
    # The checklist evidence: "n af m aktive partnerskaber hænger ikke på én person".
    from lib.reporting import checklist as radar

    with demo.read() as session:
        evidence = radar.evidence(session, workspace_today())
    parts = dict((name, (n, d)) for name, n, d in evidence["prepare_organisation"].parts)
    independent, active = parts["prepare_organisation.partnerships"]
    assert active == demo_payload["active_partnerships"]["value"]
    assert active - independent == partnerships["value"]
    assert evidence["focus_library"].numerator == demo_payload["goals_on_track"]["value"]
    assert evidence["professionalise"].numerator == demo_payload["written_agreements"]["value"]


def test_finding_1_the_goals_page_shows_the_goal_figures_with_their_definitions(
    demo: Database, demo_payload: dict
) -> None:
    at = apptest_support.run_page("../pages/goals.py")
    shown = {m.label: (m.value, m.proto.help.replace("\\", "")) for m in at.metric}
    for key in ("goals_on_track", "goals_at_risk", "goals_off_track", "goals_not_measured"):
        entry = demo_payload[key]
        assert shown[entry["label"]] == (str(entry["value"]), entry["definition"]), key
    assert "None" not in apptest_support.shown_texts(at)


def test_finding_1_a_goal_without_measurements_is_not_yet_measured_on_the_goals_page(db: Database) -> None:
    today = workspace_today()
    with db.write() as session:
        session.add(
            Goal(
                title="Flere læsere",
                baseline=0.0,
                target=100.0,
                baseline_date=today - dt.timedelta(days=700),
                target_date=today + dt.timedelta(days=300),
            )
        )
    at = apptest_support.run_page("../pages/goals.py")
    shown = {m.label: m.value for m in at.metric}
    assert shown["Mål, der endnu ikke er målt"] == "1"
    assert not any("Ikke målt i over" in c.value for c in at.caption)  # never "not measured for long"
    table = next(d.value for d in at.dataframe if "Aktualitet" in d.value.columns)
    assert not any("None" in str(cell) for cell in table.to_numpy().ravel())
    assert "None" not in apptest_support.shown_texts(at)


# --- random workspaces ------------------------------------------------------------------------------

STAGES = ("idea", "scoping_building", "managing_maintaining", "reviewing_revising", "sustaining_ending")
days = st.integers(min_value=-800, max_value=120)


@st.composite
def workspaces(draw: st.DrawFn) -> dict[str, Any]:
    """A small workspace: staff, contacts, organisations, ties, partnerships with agreements, goals with
    or without measurements, and evaluation rounds; dates relative to today (negative: in the past)."""
    staff = draw(st.integers(1, 7))  # someone, so the start page shows its figures
    contacts = draw(st.integers(0, 8))
    organisations = draw(st.integers(0, 4))
    ties = draw(
        st.lists(
            st.tuples(
                st.integers(0, 20),
                st.integers(0, 20),
                st.one_of(st.none(), st.integers(1, 5)),
                st.one_of(st.none(), days),
            ),
            max_size=12,
        )
    )
    partnerships = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "stage": st.sampled_from(STAGES),
                    "closed": st.booleans(),
                    "ended": st.one_of(st.none(), days),
                    "start": st.one_of(st.none(), days),
                    "owner": st.integers(0, 20),
                    "orgs": st.sets(st.integers(0, 20), max_size=2),
                    "formalisation": st.sampled_from(["informal", "oral", "written", "contract"]),
                    "agreement": st.one_of(
                        st.none(),
                        st.fixed_dictionaries(
                            {
                                "filled": st.integers(0, 9),
                                "signed": st.one_of(st.none(), days),
                                "review": st.one_of(st.none(), days),
                                "end": st.one_of(st.none(), days),
                            }
                        ),
                    ),
                    "rounds": st.lists(
                        st.tuples(days, st.lists(st.integers(1, 5), min_size=1, max_size=4)), max_size=2
                    ),
                }
            ),
            max_size=5,
        )
    )
    goals = draw(st.lists(st.lists(st.tuples(days, st.floats(0, 200, allow_nan=False)), max_size=2), max_size=4))
    return {
        "staff": staff,
        "contacts": contacts,
        "organisations": organisations,
        "ties": ties,
        "partnerships": partnerships,
        "goals": goals,
    }


TEXT_FIELDS = (
    "parties",
    "purpose",
    "target_group",
    "roles",
    "contact_persons",
    "communication",
    "economy",
    "rights_branding",
    "evaluation_method",
)


def fill(db: Database, spec: dict[str, Any]) -> None:
    today = workspace_today()

    def day(offset: int | None) -> dt.date | None:
        return None if offset is None else today + dt.timedelta(days=offset)

    with db.write() as session:
        staff = [
            Person(name=f"Medarbejder {i}", name_key=f"medarbejder {i}", is_staff=True) for i in range(spec["staff"])
        ]
        contacts = [Person(name=f"Kontakt {i}", name_key=f"kontakt {i}") for i in range(spec["contacts"])]
        orgs = [Organisation(name=f"Forening {i}", name_key=f"forening {i}") for i in range(spec["organisations"])]
        session.add_all([*staff, *contacts, *orgs])
        session.flush()
        others = [*contacts, *orgs]
        for a, b, strength, last in spec["ties"]:
            if not staff or not others:
                break
            member, other = staff[a % len(staff)], others[b % len(others)]
            session.add(
                Relation(
                    kind="knows",
                    from_person_id=member.id,
                    owner_id=member.id,
                    strength=strength,
                    last_contact=day(last),
                    to_person_id=other.id if isinstance(other, Person) else None,
                    to_organisation_id=other.id if isinstance(other, Organisation) else None,
                )
            )
        for index, p in enumerate(spec["partnerships"]):
            closed = p["closed"]
            record = Partnership(
                title=f"Partnerskab {index}",
                stage=p["stage"],
                closed=closed,
                ended_on=day(p["ended"]) if closed else None,
                start_date=day(p["start"]),
                formalisation=p["formalisation"],
                # The agreement's end is its partnership's (issue 12, item 2).
                end_date=day(p["agreement"]["end"]) if p["agreement"] is not None else None,
                owner_id=staff[p["owner"] % len(staff)].id if staff else None,
            )
            session.add(record)
            session.flush()
            for org in {o % len(orgs) for o in p["orgs"]} if orgs else ():
                session.add(PartnershipOrganisation(partnership_id=record.id, organisation_id=orgs[org].id))
            if p["agreement"] is not None:
                a = p["agreement"]
                session.add(
                    Agreement(
                        partnership_id=record.id,
                        signed_on=day(a["signed"]),
                        review_date=day(a["review"]),
                        **{name: "Ja" for name in TEXT_FIELDS[: a["filled"]]},
                    )
                )
            for held, scores in p["rounds"]:
                round_ = EvaluationRound(partnership_id=record.id, held_on=day(held))
                session.add(round_)
                session.flush()
                session.add(
                    EvaluationResponse(
                        round_id=round_.id, respondent_side="library", answers=dict(zip(ITEM_CODES, scores))
                    )
                )
        for index, measurements in enumerate(spec["goals"]):
            goal = Goal(
                title=f"Mål {index}",
                baseline=0.0,
                target=100.0,
                baseline_date=today - dt.timedelta(days=900),
                target_date=today + dt.timedelta(days=400),
            )
            session.add(goal)
            session.flush()
            for offset, value in measurements:
                session.add(GoalMeasurement(goal_id=goal.id, measured_on=day(offset), value=value))


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(spec=workspaces())
def test_finding_1_random_workspaces_agree_everywhere(spec: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'random.sqlite'}"
        monkeypatch.setenv("DATABASE_URL", url)
        db = open_database(url)
        try:
            fill(db, spec)
            payload = figures_cli(url)
            assert_all_agree(db, payload)
            values = {key: entry["value"] for key, entry in payload.items()}
            assert values["goals_not_measured"] == sum(
                1 for measurements in spec["goals"] if not any(offset <= 0 for offset, _ in measurements)
            )
            if spec["staff"] < figures.MIN_GROUP:
                assert values["staff"] == "< 5"
        finally:
            forget_database(url)


def test_the_ties_going_cold_on_mine_opgaver_are_the_ones_oversigt_counts(demo: Database) -> None:
    # One figure, one set of ties: a colleague holding a tie between two others keeps it warm too.
    from lib.planning.tasks import tasks

    with demo.read() as session:
        counted = figures.figure_values(session, DEMO_TODAY, ["cold_ties"], today=DEMO_TODAY)["cold_ties"]
        listed = [task for task in tasks(session, DEMO_TODAY, until=DEMO_TODAY) if task.kind == "cold_tie"]
    assert counted and len(listed) == counted
    assert any(" – " in task.title for task in listed)  # such a tie is named by both its ends
