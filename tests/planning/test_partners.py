"""Choosing partners: weighted scores with "don't know", quadrants, the ranked list of everyone,
value for effort, decisions, the assessment import, and the demo's assessments."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from sqlalchemy import select

from lib.core.errors import UndoNotPossible, ValidationFailed
from lib.core.i18n import TEXTS, t
from lib.db import Assessment, Database, Organisation
from lib.demo.workspace import create_demo_workspace
from lib.ingest.contact_lists import prepare_file, run_import, undo_import
from lib.ingest.planning_tables import undo_table_import
from lib.planning import candidates as partners
from tests.planning_builders import add_org, add_staff, problem_keys
from tests.sheets import xlsx

D = dt.date


def values(column: pd.Series) -> list[object]:
    """A column's values with every kind of missing value as None (pandas turns None into NaN)."""
    return [None if pd.isna(v) else v for v in column.tolist()]


# --- scores ----------------------------------------------------------------------------------------


def test_dont_know_is_left_out_and_the_weights_renormalised() -> None:
    score = partners.weighted_score({"track_record": 5, "standing": None, "stable_staff": 3})
    assert score == partners.Score(4.0, 75.0, 2 / 11, 2, 11)
    # Not knowing the standing neither lifts nor lowers the candidate: same as leaving it out.
    assert partners.weighted_score({"track_record": 5, "stable_staff": 3}).score == 4.0


def test_weights_count_and_zero_leaves_a_criterion_out() -> None:
    weighted = partners.weighted_score({"track_record": 5, "standing": 2}, {"track_record": 3})
    assert weighted.score == pytest.approx(17 / 4) and weighted.answered == 2
    only_two = {code: 0 for code in partners.CRITERIA if code not in ("goal_fit", "resources")}
    narrowed = partners.weighted_score({"goal_fit": 4, "standing": 1}, only_two)
    assert (narrowed.score, narrowed.completeness, narrowed.total) == (4.0, 0.5, 2)


def test_nothing_answered_gives_no_score() -> None:
    empty = partners.weighted_score({code: None for code in partners.CRITERIA})
    assert (empty.score, empty.score_pct, empty.completeness) == (None, None, 0.0)
    full = partners.weighted_score({code: 1 for code in partners.CRITERIA})
    assert (full.score, full.score_pct, full.completeness) == (1.0, 0.0, 1.0)


@pytest.mark.parametrize(
    ("influence", "interest", "group"),
    [
        (3, 3, "manage_closely"),
        (5, 5, "manage_closely"),
        (5, 2, "keep_satisfied"),
        (2, 3, "keep_informed"),
        (2, 2, "monitor"),
        (1, 1, "monitor"),
        (None, 4, None),
        (4, None, None),
    ],
)
def test_stakeholder_quadrants(influence: int | None, interest: int | None, group: str | None) -> None:
    assert partners.quadrant(influence, interest) == group


@pytest.mark.parametrize(
    ("value", "effort", "group"),
    [
        (5, 1, "quick_win"),
        (3, 3, "major_project"),
        (2, 2, "fill_in"),
        (1, 5, "questionable"),
        (None, 2, None),
    ],
)
def test_value_for_effort_groups(value: int | None, effort: int | None, group: str | None) -> None:
    assert partners.value_effort_group(value, effort) == group


def test_every_criterion_and_group_has_words_in_both_languages() -> None:
    assert len(partners.CRITERIA) == 11
    keys = (
        [f"partners.criterion.{c}" for c in partners.CRITERIA]
        + [f"partners.criterion.{c}.help" for c in partners.CRITERIA]
        + [f"partners.quadrant.{q}" for q in partners.QUADRANTS]
        + [f"partners.value_effort.{g}" for g in partners.VALUE_EFFORT_GROUPS]
        + [f"partners.decision.{d}" for d in partners.DECISIONS]
    )
    for key in keys + [k for k in TEXTS if k.startswith("partners.")]:
        assert (
            TEXTS[key]["da"].strip()
            and TEXTS[key]["en"].strip()
            and TEXTS[key]["da"] != TEXTS[key]["en"]
            or key in ("partners.col.organisation",)
        ), key
    assert partners.criterion_label("goal_fit", "da") == "Passer til bibliotekets mål og værdier"


# --- the ranked list -------------------------------------------------------------------------------


@pytest.fixture
def candidates(db: Database) -> dict[str, int]:
    with db.write() as session:
        ids = {name: add_org(session, name) for name in ("Alfa", "Beta", "Gamma", "Delta", "Epsilon")}
        staff = add_staff(session, "Mette Sørensen")
        assessments = [
            ("Alfa", D(2025, 1, 1), {"track_record": 5, "standing": 4}, 4, 4, 5, 2, None),
            ("Beta", D(2024, 1, 1), {"track_record": 5}, None, None, None, None, None),  # older, higher
            ("Beta", D(2025, 2, 1), {"track_record": 3, "standing": 3, "resources": None}, 2, 2, 2, 4, "decline"),
            ("Gamma", D(2025, 3, 1), {"track_record": None}, 1, 5, 4, 4, None),
            (
                "Epsilon",
                D(2025, 3, 1),
                {"track_record": 3, "standing": 3, "stable_staff": 3},
                None,
                None,
                3,
                1,
                "explore",
            ),
        ]
        for name, on, scores, influence, interest, value, effort, decision in assessments:
            partners.create_assessment(
                session,
                {
                    "organisation_id": ids[name],
                    "assessed_on": on,
                    "assessor_id": staff,
                    "scores": scores,
                    "influence": influence,
                    "interest": interest,
                    "value": value,
                    "effort": effort,
                    "decision": decision,
                    "decided_on": on if decision else None,
                },
            )
    return ids


def test_everyone_is_ranked_and_nobody_dropped(db: Database, candidates: dict[str, int]) -> None:
    with db.read() as session:
        ranked = partners.ranked_candidates(session, partner_ids={candidates["Delta"]})
    assert ranked["name"].tolist() == ["Alfa", "Epsilon", "Beta", "Gamma", "Delta"]
    assert values(ranked["rank"]) == [1, 2, 3, None, None]
    assert ranked["assessed"].tolist() == [True, True, True, True, False]
    assert ranked["score"].tolist()[:3] == [4.5, 3.0, 3.0]
    # Epsilon and Beta tie on 3.0 (Beta's "don't know" does not pull it down); Epsilon's score rests
    # on more answers, so it comes first. Beta's older, better assessment does not count.
    assert ranked["completeness"].tolist()[:3] == pytest.approx([2 / 11, 3 / 11, 2 / 11])
    assert values(ranked["decision"])[:3] == [None, "explore", "decline"]  # declined, still listed
    assert values(ranked["quadrant"])[:4] == ["manage_closely", None, "monitor", "keep_informed"]
    assert values(ranked["value_effort"])[:4] == ["quick_win", "quick_win", "questionable", "major_project"]
    assert ranked["is_partner"].tolist() == [False, False, False, False, True]


def test_the_partner_flag_comes_from_the_network_rule_by_default(db: Database, candidates: dict[str, int]) -> None:
    from lib.planning import partnerships

    with db.write() as session:
        partnerships.create_partnership(
            session, {"title": "Fælles", "stage": "managing_maintaining"}, organisation_ids=[candidates["Gamma"]]
        )
    with db.read() as session:
        ranked = partners.ranked_candidates(session).set_index("name")
    assert ranked["is_partner"].to_dict() == {
        "Alfa": False,
        "Beta": False,
        "Epsilon": False,
        "Gamma": True,
        "Delta": False,
    }


def test_value_effort_points_take_the_network_reach(db: Database, candidates: dict[str, int]) -> None:
    reach = {f"O{candidates['Alfa']}": 0.5, candidates["Beta"]: 0.25}
    with db.read() as session:
        points = partners.value_effort_points(session, reach)
        stakeholders = partners.stakeholder_points(session)
    assert points["name"].tolist() == ["Alfa", "Beta", "Epsilon", "Gamma"]
    assert points["reach"].tolist() == [0.5, 0.25, 0.0, 0.0]
    assert points["size"].tolist() == [40.0, 24.0, 8.0, 8.0]
    assert points["group"].tolist() == ["quick_win", "questionable", "quick_win", "major_project"]
    assert values(stakeholders["quadrant"]) == ["manage_closely", "monitor", "keep_informed"]


def test_value_effort_points_take_reach_as_the_network_metrics_give_it(
    db: Database, candidates: dict[str, int]
) -> None:
    # node_metrics(G)["reach"] is a pandas Series indexed by node id: it has no truth value.
    reach = pd.Series({f"O{candidates['Gamma']}": 0.2, "P1": 0.9}, name="reach")
    with db.read() as session:
        points = partners.value_effort_points(session, reach).set_index("name")
    assert points["reach"].to_dict() == {"Alfa": 0.0, "Beta": 0.0, "Epsilon": 0.0, "Gamma": 0.2}
    assert points.loc["Gamma", "size"] == 40.0


# --- editing and deciding --------------------------------------------------------------------------


def test_decisions_are_recorded_with_date_and_who(db: Database, candidates: dict[str, int]) -> None:
    with db.read() as session:
        alfa = session.scalar(select(Assessment.id).where(Assessment.organisation_id == candidates["Alfa"]))
    with db.write() as session:
        chief = add_staff(session, "Jørgen Bækgaard")
        partners.record_decision(session, alfa, "go_ahead", "15-01-2025", chief, actor="jb")
    with db.read() as session:
        record = session.get(Assessment, alfa)
        assert (record.decision, record.decided_on, record.decided_by_id) == ("go_ahead", D(2025, 1, 15), chief)
    with db.write() as session:
        with pytest.raises(ValidationFailed) as no_date:
            partners.record_decision(session, alfa, "explore", None)
        with pytest.raises(ValidationFailed) as unknown:
            partners.record_decision(session, alfa, "maybe", D(2025, 1, 1))
        partners.record_decision(session, alfa, None, None)
    assert no_date.value.key == "partners.decided_on_required"
    assert unknown.value.key == "editing.unknown_code"
    with db.read() as session:
        record = session.get(Assessment, alfa)
        assert (record.decision, record.decided_on, record.decided_by_id) == (None, None, None)


def test_a_deleted_goal_does_not_block_a_later_decision_or_edit(db: Database, candidates: dict[str, int]) -> None:
    from lib.planning import goals

    with db.write() as session:
        goal = goals.create_goal(
            session,
            {
                "title": "Læselyst",
                "baseline": 1,
                "target": 2,
                "baseline_date": D(2025, 1, 1),
                "target_date": D(2026, 1, 1),
            },
        )
        kept = goals.create_goal(
            session,
            {
                "title": "Fællesskab",
                "baseline": 1,
                "target": 2,
                "baseline_date": D(2025, 1, 1),
                "target_date": D(2026, 1, 1),
            },
        )
        assessment = partners.create_assessment(
            session,
            {"organisation_id": candidates["Delta"], "assessed_on": D(2025, 5, 1), "goal_fit": {goal: 3, kept: 1}},
        )
    with db.write() as session:
        goals.delete_goal(session, goal)
    with db.write() as session:
        partners.record_decision(session, assessment, "explore", D(2025, 6, 1))
        partners.update_assessment(session, assessment, {"risks": "Travl periode"})
    with db.read() as session:
        stored = session.get(Assessment, assessment)
        assert (stored.decision, stored.risks, stored.goal_fit) == ("explore", "Travl periode", {str(kept): 1})


def test_assessment_validation(db: Database, candidates: dict[str, int]) -> None:
    base = {"organisation_id": candidates["Delta"], "assessed_on": D(2025, 1, 1)}
    with db.write() as session:
        with pytest.raises(ValidationFailed) as score:
            partners.create_assessment(session, {**base, "scores": {"standing": 6}})
        with pytest.raises(ValidationFailed) as fit:
            partners.create_assessment(session, {**base, "goal_fit": {"1": 2}})
        with pytest.raises(ValidationFailed) as date:
            partners.create_assessment(session, {**base, "assessed_on": None})
        with pytest.raises(ValidationFailed) as weight:
            partners.create_assessment(session, {**base, "weights": {"standing": -1}})
        with pytest.raises(ValueError):
            partners.create_assessment(session, {**base, "scores": {"charm": 3}})
    assert [e.value.key for e in (score, fit, date, weight)] == [
        "partners.score_invalid",
        "strategy.no_such_goal",
        "partners.assessed_on_required",
        "partners.weight_invalid",
    ]
    assert score.value.message("da") == "Giv et helt tal fra 1 til 5, eller lad feltet stå tomt."


def test_an_assessed_organisation_keeps_its_contact_import_from_being_undone(db: Database) -> None:
    prepared = prepare_file(
        db, "orgs.xlsx", xlsx({"Organisationer": [["Organisation", "Type"], ["Nyt Værksted", "forening"]]})
    )
    batch = run_import(db, prepared.sheets, commit=True).batch_id
    with db.write() as session:
        org_id = session.scalar(select(Organisation.id).where(Organisation.name == "Nyt Værksted"))
        partners.create_assessment(session, {"organisation_id": org_id, "assessed_on": D(2025, 1, 1)})
    with pytest.raises(UndoNotPossible) as caught:
        undo_import(db, batch)
    assert caught.value.key == "undo.edited_since"


# --- import ----------------------------------------------------------------------------------------


def test_assessment_import_reads_scores_dont_know_and_decisions(db: Database) -> None:
    with db.write() as session:
        add_staff(session, "Mette Sørensen")
        known = add_org(session, "Byens Museum")
    header = [
        "Organisation",
        "Vurderet den",
        "Vurderet af",
        "Resultater hidtil",
        "Omdømme",
        "Stabil medarbejderstab",
        "Indflydelse (1-5)",
        "interest",
        "Beslutning",
    ]
    data = xlsx(
        {
            "Vurderinger": [
                header,
                ["Byens Museum", "01-03-2025", "Mette Sørensen", 5, "ved ikke", 4, 4, 2, "Gå videre"],
                ["Ny Fond", "02-03-2025", None, 7, 3, "?", 9, 4, "måske"],
                ["Uden dato", None, None, 3, 3, 3, None, None, None],
            ]
        }
    )
    result = partners.import_assessments(db, "vurderinger.xlsx", data, commit=True)
    assert result.balanced and result.counts == {"rows": 3, "inserted": 2, "rejected": 1, "skipped": 0}
    assert result.created == {"assessments": 2, "organisations": 1}
    assert problem_keys(result) == [
        (3, "table_import.score_invalid", "warning"),
        (3, "table_import.score_invalid", "warning"),
        (3, "partners.import.organisation_created", "warning"),
        (4, "partners.assessed_on_required", "error"),
    ]
    with db.read() as session:
        stored = {a.organisation_id: a for a in session.scalars(select(Assessment))}
        fund = session.scalar(select(Organisation.id).where(Organisation.name == "Ny Fond"))
    museum = stored[known]
    assert museum.scores == dict.fromkeys(partners.CRITERIA) | {"track_record": 5, "stable_staff": 4}
    assert (museum.decision, museum.decided_on, museum.influence, museum.interest) == ("go_ahead", D(2025, 3, 1), 4, 2)
    assert museum.assessor_id is not None
    assert stored[fund].scores == dict.fromkeys(partners.CRITERIA) | {"standing": 3}
    assert (stored[fund].influence, stored[fund].decision) == (None, "explore")
    again = partners.import_assessments(db, "vurderinger.xlsx", data, commit=False)
    assert again.counts == {"rows": 3, "inserted": 0, "rejected": 1, "skipped": 2}

    assert undo_table_import(db, result.batch_id) == {"assessments": 2, "organisations": 1}
    with db.read() as session:
        assert session.scalars(select(Assessment)).all() == []
        assert [o.name for o in session.scalars(select(Organisation))] == ["Byens Museum"]
    with pytest.raises(UndoNotPossible) as twice:
        undo_table_import(db, result.batch_id)
    assert twice.value.key == "undo.already_undone"


# --- the demo --------------------------------------------------------------------------------------


@pytest.mark.slow
def test_demo_assessments_cover_every_decision_and_leave_candidates_open(db: Database) -> None:
    create_demo_workspace(db, today=D(2026, 3, 1))
    with db.read() as session:
        ranked = partners.ranked_candidates(session)
        count = len(session.scalars(select(Assessment)).all())
    assert count == 12 and len(ranked) == 80
    assessed = ranked[ranked["assessed"]]
    assert len(assessed) == 11
    assert sorted(values(assessed["decision"]), key=str) == [
        None,
        "decline",
        "decline",
        "explore",
        "explore",
        "explore",
        "go_ahead",
        "go_ahead",
        "go_ahead",
        "go_ahead",
        "go_ahead",
    ]
    assert assessed["score"].is_monotonic_decreasing
    assert ranked.iloc[0]["name"] == "Lyngfonden for Læsning"
    assert (ranked["completeness"][ranked["assessed"]] < 1).any()  # some answered "ved ikke"
    assert "Makerspace Solbakke" in set(ranked[~ranked["assessed"]]["name"])
    assert t("partners.decision.explore", "da") == "Undersøg videre"
