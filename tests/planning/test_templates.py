"""Templates: each one's header row is what its importer recognises; filled with two rows, imported,
the workspace holds exactly those rows."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from sqlalchemy import select

from lib.core.i18n import t
from lib.db import (
    Assessment,
    Database,
    EvaluationResponse,
    Goal,
    GoalMeasurement,
    Organisation,
    Partnership,
    PartnershipGoal,
)
from lib.planning import candidates, evaluations, partnerships, templates
from lib.planning import goals as strategy
from tests.planning_builders import add_org, add_staff, fill_workbook

D = dt.date


def sheets_of(data: bytes) -> dict[str, list[list[object]]]:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    return {sheet.title: [[cell.value for cell in row] for row in sheet.iter_rows()] for sheet in workbook}


@pytest.mark.parametrize("kind", templates.TEMPLATES)
@pytest.mark.parametrize("lang", ["da", "en"])
def test_template_headers_and_guide(kind: str, lang: str) -> None:
    data = templates.template_xlsx(kind, lang)
    sheets = sheets_of(data)
    guide = "Vejledning" if lang == "da" else "Guide"
    assert list(sheets)[-1] == guide
    for name, spec in templates._specs(kind, lang):
        assert sheets[name] == [templates.headers(spec, lang)]
        assert spec.match(sheets[name][0]) == {i: c.field for i, c in enumerate(spec.columns)}
    columns = sum(len(spec.columns) for _, spec in templates._specs(kind, lang))
    assert len(sheets[guide]) == 1 + columns
    explanations = {row[1]: row[2] for row in sheets[guide][1:]}
    for _, spec in templates._specs(kind, lang):
        for column in spec.columns:
            if column.required:
                assert explanations[templates.header(column, lang)].startswith(t("table_import.guide.required", lang))
    if kind == "partnerships":
        stage = explanations[t("partnerships.col.stage", lang)]
        assert t("partnerships.stage.managing_maintaining", lang) in stage
        assert t("partnerships.stage.ended", lang) in stage
    assert templates.template_file_name(kind, lang).endswith(".xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert not any(cell.data_type == "f" for sheet in workbook for row in sheet.iter_rows() for cell in row)


def test_unknown_template_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        templates.template_xlsx("budget")


@pytest.fixture
def workspace(db: Database) -> dict[str, int]:
    with db.write() as session:
        return {"mette": add_staff(session, "Mette Sørensen", "mette@bib.dk"), "skole": add_org(session, "Byskolen")}


def test_goals_template_round_trip(db: Database, workspace: dict[str, int]) -> None:
    data = fill_workbook(
        templates.template_xlsx("goals"),
        {
            "Mål": [
                [
                    "Flere læsere",
                    "Flere børn læser",
                    "Læsning",
                    "Mette Sørensen",
                    "lånere",
                    100,
                    "01-01-2024",
                    200,
                    "31-12-2026",
                ],
                ["Færre tabte bøger", None, None, None, "bøger", 50, D(2024, 1, 1), 20, D(2026, 12, 31)],
            ],
            "Målinger": [
                ["Flere læsere", "01-01-2025", 150, "Årsopgørelse", "Statistik"],
                ["Færre tabte bøger", D(2025, 1, 1), 35, None, None],
            ],
        },
    )
    result = strategy.import_goals(db, templates.template_file_name("goals"), data, commit=True)
    assert result.counts == {"rows": 4, "inserted": 4, "rejected": 0, "skipped": 0} and result.problems == []
    assert result.ignored_sheets == ["Vejledning"]
    with db.read() as session:
        goals = {g.title: g for g in session.scalars(select(Goal))}
        measurements = {
            (m.goal_id, m.measured_on, m.value, m.note, m.source) for m in session.scalars(select(GoalMeasurement))
        }
    read = goals["Flere læsere"]
    assert (
        read.description,
        read.theme,
        read.owner_id,
        read.unit,
        read.baseline,
        read.target,
        read.baseline_date,
        read.target_date,
    ) == ("Flere børn læser", "Læsning", workspace["mette"], "lånere", 100.0, 200.0, D(2024, 1, 1), D(2026, 12, 31))
    assert goals["Færre tabte bøger"].target < goals["Færre tabte bøger"].baseline
    assert measurements == {
        (read.id, D(2025, 1, 1), 150.0, "Årsopgørelse", "Statistik"),
        (goals["Færre tabte bøger"].id, D(2025, 1, 1), 35.0, None, None),
    }


def test_partnerships_template_round_trip(db: Database, workspace: dict[str, int]) -> None:
    with db.write() as session:
        goal = strategy.create_goal(
            session,
            {
                "title": "Flere læsere",
                "baseline": 0,
                "target": 1,
                "baseline_date": D(2025, 1, 1),
                "target_date": D(2026, 1, 1),
            },
        )
    data = fill_workbook(
        templates.template_xlsx("partnerships"),
        {
            "Partnerskaber": [
                [
                    "Læseklub",
                    "mette@bib.dk",
                    "Styring og vedligehold",
                    "Samskabelse",
                    "Kontrakt",
                    "Byskolen; Museet",
                    "Flere læsere",
                    "01-02-2025",
                    "31-12-2026",
                    30,
                    "Lokaler",
                    "Frivillige",
                    "Noter her",
                    None,
                ],
                [
                    "Bogcafé",
                    "Mette Sørensen",
                    "Afsluttet",
                    "Netværk",
                    "Mundtlig aftale",
                    "Byskolen",
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    "30-06-2025",
                ],
            ]
        },
    )
    result = partnerships.import_partnerships(db, "p.xlsx", data, commit=True)
    assert result.counts == {"rows": 2, "inserted": 2, "rejected": 0, "skipped": 0}
    assert [p.key for p in result.problems] == ["partners.import.organisation_created"]
    with db.read() as session:
        records = {p.title: p for p in session.scalars(select(Partnership))}
        orgs = partnerships.organisations_of(session)
        links = session.scalars(select(PartnershipGoal.goal_id)).all()
    club, cafe = records["Læseklub"], records["Bogcafé"]
    assert (
        club.owner_id,
        club.stage,
        club.depth,
        club.formalisation,
        club.start_date,
        club.end_date,
        club.contact_rhythm_days,
        club.library_resources,
        club.partner_resources,
        club.notes,
        club.closed,
    ) == (
        workspace["mette"],
        "managing_maintaining",
        "collaborating",
        "contract",
        D(2025, 2, 1),
        D(2026, 12, 31),
        30,
        "Lokaler",
        "Frivillige",
        "Noter her",
        False,
    )
    assert (cafe.closed, cafe.ended_on, cafe.depth, cafe.formalisation) == (True, D(2025, 6, 30), "networking", "oral")
    assert [name for _, name in orgs[club.id]] == ["Byskolen", "Museet"] and links == [goal]


def test_assessments_template_round_trip(db: Database, workspace: dict[str, int]) -> None:
    criteria = [5, 4, "ved ikke", 3, 4, None, None, None, None, 2, 5]
    data = fill_workbook(
        templates.template_xlsx("assessments"),
        {
            "Vurderinger": [
                [
                    "Byskolen",
                    "01-03-2025",
                    "Mette Sørensen",
                    *criteria,
                    4,
                    2,
                    5,
                    2,
                    "Elever",
                    "Bøger",
                    "Travlhed",
                    "Gå videre",
                    "02-03-2025",
                    "mette@bib.dk",
                ],
                ["Ny Fond", "01-04-2025", None, *([3] * 11), 2, 2, None, None, None, None, None, "Afvis", None, None],
            ]
        },
    )
    result = candidates.import_assessments(db, "a.xlsx", data, commit=True)
    assert result.counts == {"rows": 2, "inserted": 2, "rejected": 0, "skipped": 0}
    assert [p.key for p in result.problems] == ["partners.import.organisation_created"]
    with db.read() as session:
        stored = {session.get(Organisation, a.organisation_id).name: a for a in session.scalars(select(Assessment))}
    school = stored["Byskolen"]
    assert school.scores == dict(
        zip(candidates.CRITERIA, [5, 4, None, 3, 4, None, None, None, None, 2, 5], strict=True)
    )
    assert (school.influence, school.interest, school.value, school.effort) == (4, 2, 5, 2)
    assert (school.contribution_to_us, school.contribution_from_us, school.risks) == ("Elever", "Bøger", "Travlhed")
    assert (school.decision, school.decided_on, school.decided_by_id, school.assessor_id) == (
        "go_ahead",
        D(2025, 3, 2),
        workspace["mette"],
        workspace["mette"],
    )
    assert candidates.weighted_score(school.scores).score == pytest.approx(23 / 6)
    fund = stored["Ny Fond"]
    assert (fund.decision, fund.decided_on, fund.influence) == ("decline", D(2025, 4, 1), 2)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_evaluation_template_round_trip(db: Database, workspace: dict[str, int], lang: str) -> None:
    with db.write() as session:
        pid = partnerships.create_partnership(session, {"title": "Sprogcafé", "stage": "managing_maintaining"})
    sheet = "Besvarelser" if lang == "da" else "Responses"
    side = ("bibliotek", "partner") if lang == "da" else ("library", "Partner")
    data = fill_workbook(
        templates.template_xlsx("evaluations", lang),
        {
            sheet: [
                [side[0], "B1", *range(1, 6), *range(1, 5), 5, 4, 3, 2, "Godt samarbejde"],
                [side[1], "P1", *([4] * 13), None],
            ]
        },
    )
    result = evaluations.import_survey(db, pid, "e.xlsx", data, commit=True, held_on=D(2026, 2, 1))
    assert result.counts == {"rows": 2, "inserted": 2, "rejected": 0, "skipped": 0} and result.problems == []
    with db.read() as session:
        stored = [
            (r.respondent_side, r.respondent, r.answers, r.reflections)
            for r in session.scalars(select(EvaluationResponse).order_by(EvaluationResponse.id))
        ]
        means = evaluations.dimension_means(session, result.details["round_id"])
    codes = evaluations.ITEM_CODES
    assert stored == [
        ("library", "B1", dict(zip(codes, [1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 4, 3, 2], strict=True)), "Godt samarbejde"),
        ("partner", "P1", dict.fromkeys(codes, 4), None),
    ]
    library = means[means["side"] == "library"].set_index("dimension")["mean"].to_dict()
    assert library == {"samarbejde": 3.0, "fremdrift": 2.5, "resultater": 3.5}
