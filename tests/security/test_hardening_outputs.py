"""Security hardening of what the product writes and draws (issue 10, findings 5, 7 and 12).

* Finding 5: the workbooks inside the board pack's PowerPoint charts hold no live formula or link,
  whatever a goal or partnership is called, and the chart still shows the name as typed.
* Finding 7: names are never markup in a plotly chart: every figure the product draws shows
  ``<a href>`` and ``<span style>`` as text, while the PowerPoint's native charts show them as typed.
* Finding 12: text beginning with a full-width ``＝ ＋ － ＠`` (or a sign after spaces) is neutralised
  in every file, and a workspace export still imports back unchanged.
"""

from __future__ import annotations

import ast
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from openpyxl import load_workbook
from pptx import Presentation
from sqlalchemy import select

from lib.core.formulas import runs_as_formula
from lib.core.normalize import clean_text
from lib.core.spreadsheets import csv_bytes, neutralise, xlsx_bytes
from lib.db import (
    CompetenceAssessment,
    EvaluationRound,
    Goal,
    Organisation,
    Partnership,
    Person,
    forget_database,
    open_database,
)
from lib.demo.workspace import create_demo_workspace
from lib.ingest.contact_lists import prepare_file, run_import
from lib.library import staff as org
from lib.library import strengths
from lib.network import graph as netgraph
from lib.network import plotting
from lib.planning import candidates, partnerships
from lib.planning import evaluations as ev
from lib.planning import goals as strategy
from lib.reporting import checklist
from lib.reporting.boardpack import build, render
from lib.reporting.boardpack.figures import section_figures
from lib.reporting.workspace_export import export_workspace
from tests.reporting.test_roundtrip import workspace

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 1)
START = dt.date(2025, 11, 1)

#: Texts a spreadsheet would run, ASCII and full-width, and two that only xlsxwriter would turn into
#: a formula ("{=…}") or a link ("http://…").
FORMULAS = (
    '=HYPERLINK("http://x","klik")',
    "{=1+1}",
    "http://x.example/",
    "\uff1d1+1 bred",
    "+1+1 plus",
    "@SUM(A1)",
    "-1+1 minus",
    "\uff0b1 bred",
    "\uff0d1 bred",
    "\uff20SUM(A1) bred",
    " =1+1 mellemrum",
)
HTML_LINK = '<a href="http://x">klik</a>'
HTML_SPAN = '<span style="color:red">x</span>'
#: How plotly gets them: escaped, shown as the characters they are.
SHOWN_LINK = '&lt;a href="http://x"&gt;klik&lt;/a&gt;'
SHOWN_SPAN = '&lt;span style="color:red"&gt;x'
RAW_MARKUP = re.compile(r"<\s*/?\s*(a|span)\b", re.IGNORECASE)


def hostile(index: int, texts: tuple[str, ...]) -> str:
    """The ``index``-th hostile text, numbered so that titles stay distinct."""
    return f"{texts[index % len(texts)]} {index}"


def make_hostile(db_url: str, texts: tuple[str, ...]) -> None:
    """The demo library with ``texts`` at the start of every name a chart or a file shows."""
    db = open_database(db_url)
    create_demo_workspace(db, today=TODAY)
    with db.write() as session:
        # The goals take the texts in order: the goals chart shows every goal, whatever the period.
        for index, goal in enumerate(session.scalars(select(Goal).order_by(Goal.id))):
            goal.title = hostile(index, texts)
            goal.theme = hostile(index + 1, texts)
        for index, partnership in enumerate(session.scalars(select(Partnership).order_by(Partnership.id))):
            partnership.title = hostile(index + 6, texts)
        for index, organisation in enumerate(session.scalars(select(Organisation).order_by(Organisation.id))):
            organisation.name = hostile(index, texts)
            if index % 3 == 0:
                organisation.org_type = texts[index % len(texts)][:40]
        for index, person in enumerate(session.scalars(select(Person).order_by(Person.id))):
            person.name = hostile(index, texts)
            person.title = hostile(index + 1, texts)
            person.team = texts[index % len(texts)] if person.is_staff else None
        for index, evaluation_round in enumerate(session.scalars(select(EvaluationRound))):
            evaluation_round.title = hostile(index, texts)


@pytest.fixture(scope="module")
def formula_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('formulas') / 'workspace.sqlite'}"
    make_hostile(url, FORMULAS)
    yield url
    forget_database(url)


@pytest.fixture(scope="module")
def markup_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('markup') / 'workspace.sqlite'}"
    make_hostile(url, (HTML_LINK, HTML_SPAN))
    yield url
    forget_database(url)


@pytest.fixture(autouse=True)
def _no_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    # The network slide's picture needs Chromium; its figure is checked as a figure below.
    from lib.reporting.boardpack import images

    def unavailable(*_args: Any, **_kwargs: Any) -> bytes:
        raise images.ImageExportUnavailable("not in these tests")

    monkeypatch.setattr(images, "png", unavailable)


def board_pack(url: str, lang: str = "da"):
    with open_database(url).read() as session:
        return build(session, START, None, lang, today=TODAY)


# --- finding 5: no live formula in the PowerPoint's chart workbooks ----------------------------------


def embedded_workbooks(pptx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(pptx)) as archive:
        return {
            name: archive.read(name)
            for name in archive.namelist()
            if name.startswith("ppt/embeddings/") and name.endswith(".xlsx")
        }


def workbook_parts(xlsx: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(xlsx)) as archive:
        return {
            name: archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith((".xml", ".rels"))
        }


def workbook_texts(xlsx: bytes) -> list[str]:
    """Every text cell of every sheet, as a spreadsheet program reads it."""
    workbook = load_workbook(io.BytesIO(xlsx))
    return [
        cell.value
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    ]


def assert_no_live_cells(xlsx: bytes, where: str) -> None:
    parts = workbook_parts(xlsx)
    for name, xml in parts.items():
        if name.startswith("xl/worksheets/"):
            assert not re.search(r"<f[\s>/]", xml), f"a formula in {where} {name}"
            assert "<hyperlink" not in xml, f"a link in {where} {name}"
    assert not any("hyperlink" in xml for name, xml in parts.items() if name.endswith(".rels")), where
    live = [text for text in workbook_texts(xlsx) if runs_as_formula(text)]
    assert live == [], f"text that would run in {where}: {live}"


@pytest.mark.slow
def test_finding_5_pptx_chart_workbooks_hold_no_formula(formula_url: str) -> None:
    pack = board_pack(formula_url)
    pptx = render(pack, "pptx")
    workbooks = embedded_workbooks(pptx)
    assert len(workbooks) >= 5  # goals, stages, types, evaluations (two), radar, risks
    texts: list[str] = []
    for name, data in workbooks.items():
        assert_no_live_cells(data, name)
        texts += workbook_texts(data)
    # The goal and partnership names are in the workbooks, neutralised as in every other file.
    assert any(text.startswith('\'=HYPERLINK("http://x","klik")') for text in texts)
    assert any(text.startswith("'\uff1d1+1 bred") for text in texts)
    assert any(text.startswith("{=1+1}") for text in texts)
    assert any(text.startswith("http://x.example/") for text in texts)
    # On the slide the chart reads as the goals are called, with no apostrophe in front.
    names = [
        series.name
        for slide in Presentation(io.BytesIO(pptx)).slides
        for shape in slide.shapes
        if shape.has_chart
        for plot in shape.chart.plots
        for series in plot.series
    ]
    assert any(name.startswith('=HYPERLINK("http://x","klik")') for name in names)
    assert not any(name.startswith("'") for name in names)


@pytest.mark.slow
def test_finding_5_board_excel_appendix_holds_no_formula(formula_url: str) -> None:
    data = render(board_pack(formula_url), "xlsx")
    assert_no_live_cells(data, "the Excel appendix")
    texts = workbook_texts(data)
    assert any(text.startswith('\'=HYPERLINK("http://x","klik")') for text in texts)
    assert any(text.startswith("'\uff20SUM(A1) bred") for text in texts)


# --- finding 7: names are text in every plotly chart -------------------------------------------------


def strings(value: Any) -> Iterator[str]:
    """Every string anywhere in a figure's JSON (dicts, lists, tuples and object arrays)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from strings(item)
    elif isinstance(value, np.ndarray) and value.dtype == object:
        for item in value.ravel():
            yield from strings(item)


def assert_text_only(fig: go.Figure | dict, where: str, *, carries_names: bool = True) -> None:
    spec = fig.to_plotly_json() if isinstance(fig, go.Figure) else fig
    found = list(strings(spec))
    raw = [text for text in found if RAW_MARKUP.search(text)]
    assert raw == [], f"markup in {where}: {raw[:3]}"
    if carries_names:
        joined = "\n".join(found)
        assert SHOWN_LINK in joined or SHOWN_SPAN in joined, f"no name shown in {where}"


def product_figures(url: str) -> dict[str, tuple[go.Figure | dict, bool]]:
    """Every figure the product draws, from the workspace at ``url``, as the pages draw them:
    ``{builder: (figure, whether it shows names from the data)}``."""
    from lib.library import figures as library_figures
    from lib.planning import figures as planning_figures

    db = open_database(url)
    figures: dict[str, tuple[go.Figure | dict, bool]] = {}
    with db.read() as session:
        statuses = strategy.goal_statuses(session, as_of=TODAY)
        figures["lib.planning.figures.overview_figure"] = (planning_figures.overview_figure(statuses, "da"), True)
        figures["lib.planning.figures.series_figure"] = (
            planning_figures.series_figure(strategy.fulfilment_series(session), "da"),
            True,
        )
        partnership_id, round_id = session.execute(
            select(EvaluationRound.partnership_id, EvaluationRound.id).order_by(EvaluationRound.id)
        ).first()
        scores = ev.scores_over_time(session, partnership_id)
        figures["lib.planning.figures.scores_figure"] = (
            planning_figures.scores_figure(scores, "all", "da"),
            True,
        )
        figures["lib.planning.figures.items_figure"] = (
            planning_figures.items_figure(ev.item_table(session, round_id, "da"), "da"),
            False,
        )
        gaps = ev.side_gaps(session, round_id)
        for level in ("dimension", "item"):
            figures[f"lib.planning.figures.gaps_figure[{level}]"] = (
                planning_figures.gaps_figure(planning_figures.gap_rows(gaps, level, "da"), "da"),
                False,
            )
        person_id = session.scalar(select(CompetenceAssessment.person_id).limit(1))
        figures["lib.library.figures.competence_history_figure"] = (
            library_figures.competence_history_figure(org.competence_history(session, person_id), "da"),
            False,
        )
        figures["lib.library.figures.team_heatmap_figure"] = (
            library_figures.team_heatmap_figure(org.team_heatmap(session), "da"),
            True,
        )
        figures["lib.planning.figures.stakeholder_figure"] = (
            planning_figures.stakeholder_figure(candidates.stakeholder_points(session), "da"),
            True,
        )
        G = netgraph.build_graph(session, today=TODAY)
        reach = {node: 0.5 for node in G}
        figures["lib.planning.figures.value_effort_figure"] = (
            planning_figures.value_effort_figure(candidates.value_effort_points(session, reach), "da"),
            True,
        )
        figures["lib.planning.figures.stage_chart"] = (
            planning_figures.stage_chart(partnerships.pipeline_counts(session), "da"),
            False,
        )
        figures["lib.library.figures.strengths_matrix_figure"] = (
            library_figures.strengths_matrix_figure(strengths.partner_type_matrix(session), "da"),
            False,
        )
        figures["lib.reporting.checklist.radar_figure"] = (
            checklist.radar_figure(checklist.radar_frame(session, TODAY), "da"),
            False,
        )
        figures["lib.reporting.checklist.history_figure"] = (
            checklist.history_figure(checklist.radar_history(session), "da"),
            False,
        )
    positions = {node: (float(index % 17), float(index // 17)) for index, node in enumerate(G)}
    for color_by in plotting.COLOR_BY:
        figures[f"lib.network.plotting.network_figure[{color_by}]"] = (
            plotting.network_figure(G, positions, color_by=color_by, labels=True, lang="da", highlight=list(G)[:3]),
            True,
        )
    figures["lib.network.plotting.rings_figure"] = (
        plotting.rings_figure(netgraph.organisation_view(G), netgraph.rings(G), "da"),
        True,
    )
    pack = board_pack(url)
    for section in pack.sections:
        for chart, fig in zip(section.charts, section_figures(section, "da"), strict=True):
            figures[f"lib.reporting.boardpack.figures.chart_figure[{chart.key}]"] = (
                fig,
                chart.key in ("goals.fulfilment", "evaluations.latest", "network.picture", "network.types"),
            )
    return figures


#: Figure builders the test above does not call itself, and why they need not be.
DRAWN_THROUGH_OTHERS = {
    "lib.network.figures.view_figure": "draws lib.network.plotting's figures",
    "lib.network.figures.ego_figure": "draws lib.network.plotting's network_figure",
    "lib.network.figures.finished": "reorders traces and sets a hover colour, adds no text",
    "lib.core.charts.style": "sets the template, adds no text",
    "lib.reporting.boardpack.figures.section_figures": "chart_figure of each chart",
}


def figure_builders() -> set[str]:
    """Every public function of lib/ and components/ that returns a plotly figure."""
    found = set()
    for path in [*ROOT.glob("components/*.py"), *ROOT.glob("lib/**/*.py")]:
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.FunctionDef)
                and not node.name.startswith("_")
                and node.returns is not None
                and re.search(r"\bgo\.Figure\b", ast.unparse(node.returns))
            ):
                found.add(f"{module}.{node.name}")
    return found


@pytest.fixture(scope="module")
def figures(markup_url: str) -> dict[str, tuple[go.Figure | dict, bool]]:
    return product_figures(markup_url)


@pytest.mark.slow
def test_finding_7_plotly_charts_show_names_as_text(figures: dict[str, tuple[go.Figure | dict, bool]]) -> None:
    for where, (fig, carries_names) in figures.items():
        assert_text_only(fig, where, carries_names=carries_names)
    covered = {where.split("[")[0] for where in figures} | set(DRAWN_THROUGH_OTHERS)
    assert figure_builders() - covered == set(), "a figure builder this test does not draw"


@pytest.mark.slow
def test_finding_7_hover_templates_fill_in_escaped_data_and_keep_their_markup(
    figures: dict[str, tuple[go.Figure | dict, bool]],
) -> None:
    scores, _ = figures["lib.planning.figures.scores_figure"]
    trace = scores.data[0]
    assert "<br>" in trace.hovertemplate and "%{customdata[0]}" in trace.hovertemplate
    assert any(SHOWN_LINK in str(row[0]) or SHOWN_SPAN in str(row[0]) for row in trace.customdata)
    series, _ = figures["lib.planning.figures.series_figure"]
    template = series.data[0].hovertemplate
    assert template.count("<br>") == 1 and (SHOWN_LINK in template or SHOWN_SPAN in template)


def test_finding_7_a_percent_brace_in_a_name_is_no_template(markup_url: str) -> None:
    from lib.planning import figures as planning_figures

    with open_database(markup_url).read() as session:
        series = strategy.fulfilment_series(session)
    series = series.assign(title="Mål %{y} <b>")
    fig = planning_figures.series_figure(series, "da")
    assert "%{y} " not in fig.data[0].hovertemplate.split("<br>")[0]
    assert fig.data[0].hovertemplate.startswith("Mål %&#123;y} &lt;b&gt;<br>")


@pytest.mark.slow
def test_finding_7_powerpoint_native_charts_show_names_as_typed(markup_url: str) -> None:
    pptx = render(board_pack(markup_url), "pptx")
    names = [
        series.name
        for slide in Presentation(io.BytesIO(pptx)).slides
        for shape in slide.shapes
        if shape.has_chart
        for plot in shape.chart.plots
        for series in plot.series
    ]
    names += [
        str(category)
        for slide in Presentation(io.BytesIO(pptx)).slides
        for shape in slide.shapes
        if shape.has_chart
        for plot in shape.chart.plots
        for category in plot.categories
    ]
    assert any(name.startswith(HTML_LINK) or name.startswith(HTML_SPAN) for name in names)
    assert not any("&lt;" in name or "&amp;" in name for name in names)


# --- finding 12: full-width formula signs, and signs after spaces ------------------------------------


@pytest.mark.parametrize(
    "value",
    ["\uff1d1+1", "\uff0b45 12 34 56 78", "\uff0d5", "\uff20SUM(A1)", " =1+1", "\u3000=1+1", "\n=1+1", "  @SUM(A1)"],
)
def test_finding_12_full_width_and_spaced_signs_are_neutralised_and_import_back(value: str) -> None:
    assert neutralise(value) == "'" + value
    # Every writer: the xlsx and csv downloads.
    frame = pd.DataFrame({"tekst": [value]})
    assert load_workbook(io.BytesIO(xlsx_bytes({"Ark": frame}))).active["A2"].value == "'" + value
    assert csv_bytes(frame).decode("utf-8-sig").splitlines()[1].lstrip('"').startswith("'")
    # The importer takes the apostrophe away again and reads the text as it reads it unguarded.
    assert clean_text("'" + value) == clean_text(value)


@pytest.mark.slow
def test_finding_12_workspace_export_neutralises_full_width_and_imports_back_unchanged(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'source.sqlite'}")
    create_demo_workspace(db, today=TODAY)
    signs = ("\uff1d1+1", "\uff0b45 Kulturhus", "\uff0d Nord", "\uff20Kulturhuset")
    with db.write() as session:
        for index, person in enumerate(session.scalars(select(Person).order_by(Person.id).limit(8))):
            person.title = signs[index % len(signs)]
            person.notes = signs[(index + 1) % len(signs)]
        for index, organisation in enumerate(session.scalars(select(Organisation).order_by(Organisation.id).limit(4))):
            organisation.notes = signs[index % len(signs)]
    for fmt in ("xlsx", "csv"):
        out = tmp_path / ("workspace.xlsx" if fmt == "xlsx" else "csv")
        export_workspace(db, fmt, out)
        files = [out] if fmt == "xlsx" else sorted(out.glob("*.csv"))
        written = "\n".join(
            "\n".join(workbook_texts(path.read_bytes())) if fmt == "xlsx" else path.read_text(encoding="utf-8-sig")
            for path in files
        )
        for sign in signs:
            assert "'" + sign in written, (fmt, sign)
        target = open_database(f"sqlite:///{tmp_path / f'target-{fmt}.sqlite'}")
        sheets = []
        for path in files:
            prepared = prepare_file(target, path.name, path.read_bytes())
            assert prepared.error is None
            sheets.extend(prepared.sheets)
        result = run_import(target, sheets, commit=True)
        assert result.counts["rejected"] == 0 and result.problems == []
        assert workspace(target) == workspace(db), fmt
        forget_database(target.url)
    forget_database(db.url)
