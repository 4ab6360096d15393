"""Evaluations: the item bank, means per dimension and side, reading bands, gaps, scores over time,
the health score's parts, the survey import with its accounting and undo, and the demo's rounds."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from lib.core.errors import UndoNotPossible, ValidationFailed
from lib.core.i18n import TEXTS
from lib.db import Database, EvaluationResponse, EvaluationRound, ImportBatch
from lib.demo.workspace import create_demo_workspace
from lib.ingest.contact_lists import list_batches, undo_import
from lib.planning import evaluations as ev
from lib.planning import partnerships as ps
from lib.planning.goals import add_measurement, create_goal
from tests.planning_builders import add_staff, problem_keys
from tests.sheets import xlsx

D = dt.date
TODAY = D(2026, 3, 1)
SAM = ev.items_of("samarbejde")
FREM = ev.items_of("fremdrift")
RES = ev.items_of("resultater")


# --- the item bank ---------------------------------------------------------------------------------


def test_item_bank_has_our_own_items_in_both_languages() -> None:
    assert ev.DIMENSIONS == ("samarbejde", "fremdrift", "resultater")
    assert (SAM, FREM, RES) == (
        ["sam1", "sam2", "sam3", "sam4", "sam5"],
        ["frem1", "frem2", "frem3", "frem4"],
        ["res1", "res2", "res3", "res4"],
    )
    texts = [TEXTS[f"evaluations.item.{code}"] for code in ev.ITEM_CODES]
    assert all(text["da"].strip() and text["en"].strip() and text["da"] != text["en"] for text in texts)
    assert len({text["da"] for text in texts}) == len(texts)
    assert ev.item_text("sam1", "da") == "Vi har tillid til hinanden." and ev.dimension_of("frem3") == "fremdrift"
    for key in [k for k in TEXTS if k.startswith("evaluations.")]:
        assert TEXTS[key]["da"].strip() and TEXTS[key]["en"].strip(), key


@pytest.mark.parametrize(
    ("mean", "band"),
    [
        (5.0, "strength"),
        (4.0, "strength"),
        (3.99, "discuss"),
        (3.95, "discuss"),
        (3.0, "discuss"),
        (2.99, "concern"),
        (1.0, "concern"),
        (None, None),
    ],
)
def test_reading_bands(mean: float | None, band: str | None) -> None:
    assert ev.band(mean) == band


# --- means, gaps and time --------------------------------------------------------------------------


@pytest.fixture
def partnership(db: Database) -> int:
    with db.write() as session:
        return ps.create_partnership(
            session, {"title": "Sprogcafé", "stage": "managing_maintaining", "contact_rhythm_days": 30}
        )


def answers(sam: int, frem: int | None, res: int | None) -> dict[str, int | None]:
    return {**{c: sam for c in SAM}, **{c: frem for c in FREM}, **{c: res for c in RES}}


def add_round(
    db: Database, partnership_id: int, held_on: dt.date, responses: list[tuple[str, dict[str, int | None]]]
) -> int:
    with db.write() as session:
        round_id = ev.create_round(session, partnership_id, held_on, "Runde")
        for side, given in responses:
            ev.add_response(session, round_id, side, given)
    return round_id


def test_dimension_means_per_side_with_bands(db: Database, partnership: int) -> None:
    round_id = add_round(
        db,
        partnership,
        D(2025, 6, 1),
        [("library", answers(4, 4, 5)), ("library", answers(5, 3, None)), ("partner", answers(3, 2, 4))],
    )
    with db.read() as session:
        means = ev.dimension_means(session, round_id)
    table = {(r.dimension, r.side): (r.mean, r.answers, r.respondents, r.band) for r in means.itertuples()}
    assert table == {
        ("samarbejde", "library"): (4.5, 10, 2, "strength"),
        ("samarbejde", "partner"): (3.0, 5, 1, "discuss"),
        ("samarbejde", "all"): (4.0, 15, 3, "strength"),
        ("fremdrift", "library"): (3.5, 8, 2, "discuss"),
        ("fremdrift", "partner"): (2.0, 4, 1, "concern"),
        ("fremdrift", "all"): (3.0, 12, 3, "discuss"),
        ("resultater", "library"): (5.0, 4, 1, "strength"),  # the second respondent left results out
        ("resultater", "partner"): (4.0, 4, 1, "strength"),
        ("resultater", "all"): (4.5, 8, 2, "strength"),
    }
    assert means["dimension"].tolist()[::3] == list(ev.DIMENSIONS)
    assert means["side"].tolist()[:3] == ["library", "partner", "all"]


def test_library_partner_gap_per_item_and_dimension(db: Database, partnership: int) -> None:
    round_id = add_round(
        db,
        partnership,
        D(2025, 6, 1),
        [("library", {**answers(4, 4, 4), "sam1": 5}), ("partner", {**answers(3, 4, 4), "sam1": 2, "res4": None})],
    )
    with db.read() as session:
        gaps = ev.side_gaps(session, round_id)
        items = ev.item_table(session, round_id, "en")
    first = gaps.items.iloc[0]
    assert (first["item"], first["library"], first["partner"], first["gap"], first["flagged"]) == (
        "sam1",
        5.0,
        2.0,
        3.0,
        True,
    )
    assert (
        gaps.items.set_index("item").loc["sam2", "gap"] == 1.0 and gaps.items.set_index("item").loc["sam2", "flagged"]
    )
    assert gaps.items.set_index("item").loc["frem1", "gap"] == 0.0
    res4 = gaps.items.set_index("item").loc["res4"]
    assert res4["partner"] is None or res4["partner"] != res4["partner"]  # nobody on the partner side answered
    assert not res4["flagged"]
    dims = gaps.dimensions.set_index("dimension")
    assert dims.loc["samarbejde", "library"] == pytest.approx(4.2)
    assert dims.loc["samarbejde", "partner"] == pytest.approx(2.8)
    assert dims.loc["samarbejde", "gap"] == pytest.approx(1.4) and dims.loc["samarbejde", "flagged"]
    assert dims.loc["fremdrift", "gap"] == 0.0 and not dims.loc["fremdrift", "flagged"]
    assert items.iloc[0]["text"] == "We trust each other." and items.iloc[0]["band"] == "discuss"  # 3.5


def test_scores_over_time_and_the_latest_round(db: Database, partnership: int) -> None:
    first = add_round(db, partnership, D(2024, 6, 1), [("library", answers(2, 3, 3)), ("partner", answers(2, 3, 3))])
    second = add_round(db, partnership, D(2025, 6, 1), [("library", answers(4, 4, 4)), ("partner", answers(5, 3, 4))])
    with db.write() as session:
        ev.create_round(session, partnership, D(2025, 9, 1), "Ikke besvaret endnu")
    with db.read() as session:
        over_time = ev.scores_over_time(session, partnership)
        latest = ev.latest_round_items(session, partnership)
        assert ev.latest_round(session, partnership).id == second
        assert ev.latest_round(session, partnership, on=D(2025, 1, 1)).id == first
    both = over_time[over_time["side"] == "all"]
    assert both[both["dimension"] == "samarbejde"][["held_on", "mean", "band"]].values.tolist() == [
        [D(2024, 6, 1), 2.0, "concern"],
        [D(2025, 6, 1), 4.5, "strength"],
    ]
    assert len(over_time) == 2 * 3 * 3
    assert latest.attrs["round_id"] == second and latest.attrs["held_on"] == D(2025, 6, 1)
    assert latest.set_index("item").loc["sam1", ["library", "partner", "all", "band"]].tolist() == [
        4.0,
        5.0,
        4.5,
        "strength",
    ]


def test_responses_are_checked(db: Database, partnership: int) -> None:
    with db.write() as session:
        round_id = ev.create_round(session, partnership, D(2025, 1, 1))
        with pytest.raises(ValidationFailed) as score:
            ev.add_response(session, round_id, "library", {"sam1": 6})
        with pytest.raises(ValidationFailed) as side:
            ev.add_response(session, round_id, "board", {"sam1": 3})
        with pytest.raises(ValidationFailed) as empty:
            ev.add_response(session, round_id, "library", {"sam1": None})
        with pytest.raises(ValidationFailed) as date:
            ev.create_round(session, partnership, None)
        with pytest.raises(ValueError):
            ev.add_response(session, round_id, "library", {"xyz9": 3})
    assert [e.value.key for e in (score, side, empty, date)] == [
        "evaluations.score_invalid",
        "editing.unknown_code",
        "evaluations.import.no_answers",
        "evaluations.held_on_required",
    ]


# --- health ----------------------------------------------------------------------------------------


def test_health_score_parts_and_weights(db: Database, partnership: int) -> None:
    add_round(db, partnership, D(2026, 1, 1), [("library", answers(4, 4, 4)), ("partner", answers(4, 4, 4))])
    with db.write() as session:
        staff = add_staff(session, "Anna Andersen")
        ps.add_contact(session, partnership, {"contacted_on": D(2026, 1, 15), "staff_id": staff})  # due 14-02
        goal = create_goal(
            session,
            {
                "title": "Flere lånere",
                "baseline": 100,
                "target": 200,
                "baseline_date": D(2025, 1, 1),
                "target_date": D(2027, 1, 1),
            },
        )
        add_measurement(session, goal, {"measured_on": D(2026, 1, 1), "value": 160})
        ps.set_goals(session, partnership, [goal])
    with db.read() as session:
        health = ev.partnership_health(session, partnership, TODAY)
    # Evaluation mean 4.0 → 75; contact 15 days overdue of a 30-day rhythm → 50; goal at 60 %.
    assert [(p.name, p.value, p.weight, p.share) for p in health.parts] == [
        ("evaluation", 75.0, 0.5, 0.5),
        ("contact", 50.0, 0.25, 0.25),
        ("goals", pytest.approx(60.0), 0.25, 0.25),
    ]
    assert health.score == pytest.approx(0.5 * 75 + 0.25 * 50 + 0.25 * 60)  # 65.0
    with db.write() as session:
        ps.update_partnership(session, partnership, {"contact_rhythm_days": None})
    with db.read() as session:
        without_rhythm = ev.partnership_health(session, partnership, TODAY)
        overview = ev.health_overview(session, TODAY)
    assert without_rhythm.part("contact").value is None and without_rhythm.part("contact").share == 0.0
    assert without_rhythm.part("evaluation").share == pytest.approx(2 / 3)
    assert without_rhythm.score == pytest.approx((0.5 * 75 + 0.25 * 60) / 0.75)  # 70.0
    assert overview[["title", "score"]].values.tolist() == [["Sprogcafé", pytest.approx(70.0)]]


def test_health_contact_part_reaches_zero_after_a_whole_rhythm() -> None:
    from lib.db import Partnership

    p = Partnership(title="x", contact_rhythm_days=30, start_date=None)
    assert ev.contact_part(p, D(2026, 1, 1), D(2026, 1, 31)) == 100.0
    assert ev.contact_part(p, D(2026, 1, 1), D(2026, 2, 15)) == 50.0
    assert ev.contact_part(p, D(2026, 1, 1), D(2026, 3, 2)) == 0.0
    assert ev.contact_part(p, D(2026, 1, 1), D(2026, 6, 1)) == 0.0
    assert ev.combine_health({"evaluation": None, "contact": None, "goals": None}).score is None


# --- survey import ---------------------------------------------------------------------------------


def survey_file() -> bytes:
    header = [
        "Side",
        "Respondent",
        "sam1",
        "Begge parter ved, hvem der gør hvad.",
        "sam3 – Vi taler åbent sammen, også når noget går skævt.",
        "We keep to the plan we agreed.",
        "res4",
        "Refleksioner",
        "Uvedkommende",
    ]
    return xlsx(
        {
            "Svar": [
                ["Evaluering af sprogcaféen, forår 2026"],
                header,
                ["bibliotek", "B1", 5, 4, 4, 3, 5, "Godt", "x"],
                ["Partneren", "P1", 3, "ved ikke", 2, 7, "4", None, None],
                ["library", "B2", 4, 4, None, 4, 4, None, None],
                [None] * 9,
                ["kommunen", "K1", 3, 3, 3, 3, 3, None, None],
                ["partner", "P2", "ved ikke", None, "?", 0, None, "Intet at sige", None],
                [None, "Uden side", 4, 4, 4, 4, 4, None, None],
            ]
        }
    )


@pytest.mark.slow
def test_survey_import_accounts_for_every_row_and_undoes(db: Database, partnership: int) -> None:
    preview = ev.import_survey(db, partnership, "svar.xlsx", survey_file(), commit=False, held_on="01-03-2026")
    assert preview.balanced and preview.details["round_id"] is None
    with db.read() as session:
        assert session.scalars(select(EvaluationRound)).all() == []
    result = ev.import_survey(
        db, partnership, "svar.xlsx", survey_file(), commit=True, held_on="01-03-2026", title="Forår 2026", actor="anna"
    )
    assert result.balanced
    assert result.counts == {"rows": 7, "inserted": 3, "rejected": 3, "skipped": 1}
    assert result.created == {"evaluation_rounds": 1, "evaluation_responses": 3}
    assert result.per_sheet[0]["columns"] == {
        "Side": "side",
        "Respondent": "respondent",
        "sam1": "sam1",
        "Begge parter ved, hvem der gør hvad.": "sam2",
        "sam3 – Vi taler åbent sammen, også når noget går skævt.": "sam3",
        "We keep to the plan we agreed.": "frem1",
        "res4": "res4",
        "Refleksioner": "reflections",
    }
    assert problem_keys(result) == [
        (4, "evaluations.import.score_outside", "warning"),
        (7, "table_import.unknown_value", "error"),
        (8, "evaluations.import.score_outside", "warning"),
        (8, "evaluations.import.no_answers", "error"),
        (9, "evaluations.import.side_missing", "error"),
    ]
    assert result.problems[0].column == "We keep to the plan we agreed."
    assert result.problems[0].message("da") == "»7« er ikke et svar fra 1 til 5; netop dette svar er udeladt."
    round_id = result.details["round_id"]
    with db.read() as session:
        record = session.get(EvaluationRound, round_id)
        assert (record.held_on, record.title, record.partnership_id, record.batch_id) == (
            D(2026, 3, 1),
            "Forår 2026",
            partnership,
            result.batch_id,
        )
        stored = [
            (r.respondent_side, r.respondent, r.answers, r.reflections)
            for r in session.scalars(select(EvaluationResponse).order_by(EvaluationResponse.id))
        ]
        batch = session.get(ImportBatch, result.batch_id)
        assert batch.mapping["kind"] == "evaluations" and batch.mapping["round_id"] == round_id
    assert stored == [
        ("library", "B1", {"sam1": 5, "sam2": 4, "sam3": 4, "frem1": 3, "res4": 5}, "Godt"),
        ("partner", "P1", {"sam1": 3, "sam3": 2, "res4": 4}, None),
        ("library", "B2", {"sam1": 4, "sam2": 4, "frem1": 4, "res4": 4}, None),
    ]
    again = ev.import_survey(db, partnership, "svar.xlsx", survey_file(), commit=True, round_id=round_id)
    assert again.counts == {"rows": 7, "inserted": 0, "rejected": 3, "skipped": 4} and again.batch_id is None

    with db.read() as session:
        assert list_batches(session)[0].id == result.batch_id
    assert undo_import(db, result.batch_id, actor="anna") == {"evaluation_responses": 3, "evaluation_rounds": 1}
    with db.read() as session:
        assert session.scalars(select(EvaluationResponse)).all() == []
        assert session.scalars(select(EvaluationRound)).all() == []
        assert session.get(ImportBatch, result.batch_id).status == "undone"
    with pytest.raises(UndoNotPossible):
        undo_import(db, result.batch_id)


def test_survey_into_an_existing_round_keeps_the_round_on_undo(db: Database, partnership: int) -> None:
    round_id = add_round(db, partnership, D(2026, 2, 1), [("library", answers(4, 4, 4))])
    data = xlsx({"Ark1": [["Part", "sam1", "frem1"], ["partner", 2, 3]]})
    result = ev.import_survey(db, partnership, "svar.csv.xlsx", data, commit=True, round_id=round_id)
    assert result.counts == {"rows": 1, "inserted": 1, "rejected": 0, "skipped": 0}
    assert result.created == {"evaluation_rounds": 0, "evaluation_responses": 1}
    from lib.ingest.planning_tables import undo_table_import

    assert undo_table_import(db, result.batch_id) == {"evaluation_responses": 1}
    with db.read() as session:
        assert len(session.scalars(select(EvaluationResponse)).all()) == 1
        assert session.get(EvaluationRound, round_id) is not None


def test_survey_import_needs_a_round_and_item_columns(db: Database, partnership: int) -> None:
    data = xlsx({"Ark1": [["Side", "sam1"], ["partner", 2]]})
    with pytest.raises(ValidationFailed) as no_date:
        ev.import_survey(db, partnership, "s.xlsx", data, commit=False)
    assert no_date.value.key == "evaluations.held_on_required"
    with pytest.raises(ValidationFailed) as other_round:
        ev.import_survey(db, partnership, "s.xlsx", data, commit=False, round_id=999)
    assert other_round.value.key == "evaluations.no_such_round"
    no_items = ev.import_survey(
        db, partnership, "s.xlsx", xlsx({"Ark1": [["Side", "Navn"], ["partner", "P"]]}), commit=False, held_on=TODAY
    )
    assert [p.key for p in no_items.problems] == ["table_import.missing_columns"]
    assert "udsagnene" in no_items.problems[0].message("da")


# --- the demo --------------------------------------------------------------------------------------


@pytest.mark.slow
def test_demo_evaluations_drift_over_time(db: Database) -> None:
    create_demo_workspace(db, today=TODAY)
    with db.read() as session:
        rounds = session.scalars(select(EvaluationRound)).all()
        by_partnership: dict[int, int] = {}
        for record in rounds:
            by_partnership[record.partnership_id] = by_partnership.get(record.partnership_id, 0) + 1
        frame = ps.partnerships_frame(session, TODAY).set_index("title")
        sommerbog = int(frame.loc["Sommerbogen i skolerne", "id"])
        sprogcafe = int(frame.loc["Sprogcafé på biblioteket", "id"])
        kulturnat = int(frame.loc["Kulturnat i Kildebro", "id"])
        improving = ev.scores_over_time(session, sommerbog)
        declining = ev.scores_over_time(session, sprogcafe)
        gaps = ev.side_gaps(session, ev.latest_round(session, kulturnat).id)
        sides = {r.respondent_side for r in session.scalars(select(EvaluationResponse))}
    assert len(rounds) == 19 and sum(1 for n in by_partnership.values() if n >= 4) == 4
    assert sides == {"library", "partner"}

    def all_sides(frame, dimension):  # type: ignore[no-untyped-def]
        return frame[(frame["side"] == "all") & (frame["dimension"] == dimension)]["mean"].tolist()

    assert all_sides(improving, "resultater")[-1] - all_sides(improving, "resultater")[0] >= 1.0
    assert all_sides(declining, "samarbejde")[0] - all_sides(declining, "samarbejde")[-1] >= 1.0
    assert gaps.dimensions["flagged"].any()


def test_rounds_and_responses_as_tables(db: Database, partnership: int) -> None:
    with db.write() as session:
        other = ps.create_partnership(session, {"title": "Uden runder", "stage": "idea"})
    old = add_round(
        db,
        partnership,
        D(2024, 6, 1),
        [("library", answers(4, 4, 4)), ("library", answers(3, 3, 3)), ("partner", answers(2, None, None))],
    )
    with db.write() as session:
        new = ev.create_round(session, partnership, D(2025, 6, 1), "Ikke besvaret endnu")
        ev.add_response(session, old, "partner", {"sam1": 5}, respondent="P", reflections="  Godt møde.\n ")
    with db.read() as session:
        counts = ev.round_counts(session)
        rounds = ev.rounds_frame(session, partnership)
        responses = ev.responses_frame(session, old)
        assert ev.rounds_frame(session, other).empty and ev.responses_frame(session, new).empty
    assert counts == {partnership: 2}
    assert rounds[["round_id", "held_on", "title", "library", "partner", "responses", "imported"]].values.tolist() == [
        [new, D(2025, 6, 1), "Ikke besvaret endnu", 0, 0, 0, False],
        [old, D(2024, 6, 1), "Runde", 2, 2, 4, False],
    ]
    assert responses["side"].tolist() == ["library", "library", "partner", "partner"]
    assert responses["answered"].tolist() == [13, 13, 5, 1]
    assert [text if isinstance(text, str) else None for text in responses["reflections"]] == [
        None,
        None,
        None,
        "Godt møde.",
    ]  # blank reflections are missing values, not empty texts
    assert responses["respondent"].iloc[-1] == "P"


def test_every_item_bar_carries_its_bands_word_not_only_its_colour() -> None:
    import pandas as pd

    from lib.planning import figures as planning_figures

    items = pd.DataFrame(
        {"text": ["Vi stoler på hinanden", "Tempoet passer", "Vi når vores mål"], "all": [4.4, 3.5, 2.2]}
    )
    items["band"] = [ev.band(mean) for mean in items["all"]]
    fig = planning_figures.items_figure(items, "da")
    bars = [trace for trace in fig.data if trace.type == "bar"]
    texts = {y: text for trace in bars for y, text in zip(trace.y, trace.text, strict=True)}
    assert texts == {
        "Vi stoler på hinanden": "4,4 · Styrke",
        "Tempoet passer": "3,5 · Tal om det",
        "Vi når vores mål": "2,2 · Bekymring",
    }
    assert fig.layout.xaxis.tickvals == (1, 2, 3, 4, 5)
