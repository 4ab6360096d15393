"""Charts a board can read (issue 12, item 5): every chart of every page and of the board pack, on
the demo and on generated data, keeps the rules of ``lib.core.charts``.

* Tick labels, resolved from the figure (its tick values and texts, or its range, step and format),
  are never written twice.
* Every point lies inside an axis whose range is fixed.
* Within a chart distinct categories have distinct colours (or, past the palette, dashes); across a
  page and the board pack a category keeps its colour.
* The colours are the Okabe-Ito set (and neutral greys); a light colour never draws a thin line and
  has a dark outline as a marker or bar.
* Hover texts name the unit and, in Danish, hold no English; axis titles are in the reader's language;
  Danish figures write "1.234,5".
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import math
import re
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from lib.core import charts
from lib.core.i18n import TEXTS
from lib.db import Goal, Partnership, Person, forget_database, open_database
from lib.demo.workspace import create_demo_workspace
from lib.library import staff as org
from lib.library import strengths
from lib.network.graph import build_graph, rings
from lib.network.plotting import network_figure, rings_figure
from lib.planning import candidates, evaluations
from lib.planning import goals as strategy
from lib.planning import partnerships as ps
from lib.reporting import checklist
from lib.reporting.boardpack import build
from lib.reporting.boardpack.figures import chart_figure
from lib.reporting.boardpack.model import Chart, Section, Table

#: Slow as a whole: every chart of every page and of the board pack drawn on the demo and on generated data.
pytestmark = pytest.mark.slow

TODAY = dt.date(2026, 11, 1)
OKABE_ITO = {"#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}


# --- the figures ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('charts') / 'demo.sqlite'}"
    create_demo_workspace(open_database(url), today=TODAY)
    yield url
    forget_database(url)


def page_figures(url: str, lang: str) -> dict[str, list[tuple[str, go.Figure]]]:
    """Every chart each page draws on the demo, built by the page's own builders, by page."""
    from lib.library import figures as library_figures
    from lib.planning import figures as planning_figures

    db = open_database(url)
    pages: dict[str, list[tuple[str, go.Figure]]] = {}
    with db.read() as session:
        statuses = strategy.goal_statuses(session, as_of=TODAY)
        order = [goal_id for goal_id, _ in strategy.goal_choices(session)]
        series = strategy.fulfilment_series(session, order)
        pages["goals"] = [
            ("goals.overview", planning_figures.overview_figure(statuses, lang)),
            ("goals.series", planning_figures.series_figure(series, lang, order)),
        ]
        evaluation = []
        for partnership_id in session.scalars(select(Partnership.id).order_by(Partnership.id)):
            scores = evaluations.scores_over_time(session, partnership_id)
            if scores.empty or len(evaluation) >= 12:  # two partnerships' charts are plenty
                continue
            for side in ("all", *evaluations.SIDES):
                evaluation.append(
                    (f"evaluations.scores.{partnership_id}.{side}", planning_figures.scores_figure(scores, side, lang))
                )
            rounds = evaluations.rounds_frame(session, partnership_id)
            answered = rounds[rounds["responses"] > 0]
            round_id = int(answered["round_id"].iloc[0])
            items = evaluations.item_table(session, round_id, lang)
            evaluation.append((f"evaluations.items.{partnership_id}", planning_figures.items_figure(items, lang)))
            gaps = evaluations.side_gaps(session, round_id)
            for level in ("dimension", "item"):
                evaluation.append(
                    (
                        f"evaluations.gaps.{partnership_id}.{level}",
                        planning_figures.gaps_figure(planning_figures.gap_rows(gaps, level, lang), lang),
                    )
                )
        pages["evaluations"] = evaluation
        frame = checklist.radar_frame(session, TODAY)
        pages["radar"] = [
            ("radar.radar", checklist.radar_figure(frame, lang)),
            ("radar.history", checklist.history_figure(checklist.radar_history(session), lang)),
        ]
        pages["overview"] = [("overview.radar", checklist.radar_figure(frame, lang))]
        reach = {node: 0.2 for node in range(10_000)}
        pages["partners"] = [
            (
                "partners.stakeholders",
                planning_figures.stakeholder_figure(candidates.stakeholder_points(session), lang),
            ),
            (
                "partners.value_effort",
                planning_figures.value_effort_figure(candidates.value_effort_points(session, pd.Series(reach)), lang),
            ),
        ]
        staff = list(session.scalars(select(Person.id).where(Person.is_staff.is_(True)).order_by(Person.id)))
        histories = [org.competence_history(session, person_id) for person_id in staff]
        pages["organisation"] = [
            ("organisation.heatmap", library_figures.team_heatmap_figure(org.team_heatmap(session), lang))
        ]
        pages["organisation"] += [
            (f"organisation.history.{i}", library_figures.competence_history_figure(h, lang))
            for i, h in enumerate(histories)
            if not h.empty
        ]
        pages["partnerships"] = [
            ("partnerships.stages", planning_figures.stage_chart(ps.pipeline_counts(session), lang))
        ]
        pages["strengths"] = [
            ("strengths.matrix", library_figures.strengths_matrix_figure(strengths.partner_type_matrix(session), lang))
        ]
        G = build_graph(session, None, today=TODAY)  # as the network page: today's network
        pos = nx.spring_layout(G, seed=1)
        pages["network"] = [("network.rings", rings_figure(G, rings(G), lang))]
        pages["network"] += [
            (f"network.{by}", network_figure(G, pos, color_by=by, lang=lang))
            for by in ("kind", "sector", "community", "owner")
        ]
        pack = build(session, TODAY.replace(year=TODAY.year - 1), None, lang, today=TODAY)
    pages["board"] = [
        (f"board.{chart.key}", chart_figure(section, chart, lang))
        for section in pack.sections
        for chart in section.charts
    ]
    return pages


@pytest.fixture(scope="module")
def demo_pages(demo_url: str) -> dict[str, dict[str, list[tuple[str, go.Figure]]]]:
    return {lang: page_figures(demo_url, lang) for lang in ("da", "en")}


def every_figure(pages: dict[str, list[tuple[str, go.Figure]]]) -> list[tuple[str, go.Figure]]:
    return [item for figures in pages.values() for item in figures]


# --- reading a figure ----------------------------------------------------------------------------------


def _plain(value: object) -> object:
    """A figure's JSON with plotly's typed arrays (``{"dtype", "bdata"}``) as plain lists."""
    if isinstance(value, dict):
        if "bdata" in value and "dtype" in value:
            return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def figure_json(fig: go.Figure) -> dict:
    return _plain(fig.to_plotly_json())


def axes(fig: go.Figure) -> dict[str, dict]:
    """``{"xaxis": {...}, "yaxis2": {...}}``: every cartesian axis of the figure as a plain dict."""
    layout = figure_json(fig)["layout"]
    return {name: value for name, value in layout.items() if re.fullmatch(r"[xy]axis\d*", name)}


def _ref(trace: dict, letter: str) -> str:
    ref = trace.get(f"{letter}axis", letter)
    return f"{letter}axis{ref[1:]}"


def trace_values(fig: go.Figure, axis_name: str) -> list:
    """Every value drawn on ``axis_name`` (bars: where they end, base + length)."""
    letter = axis_name[0]
    found = []
    for trace in figure_json(fig)["data"]:
        if trace.get("type") not in ("scatter", "scattergl", "bar") or _ref(trace, letter) != axis_name:
            continue
        values = list(trace.get(letter) if trace.get(letter) is not None else [])
        base = trace.get("base")
        if base is not None and trace.get("orientation", "v") == ("h" if letter == "x" else "v"):
            values = [None if v is None else float(v) + float(base) for v in values]
        found += values
    return found


def _number(value: object) -> float | None:
    if value is None or isinstance(value, (str, bool)):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _is_date(value: object) -> bool:
    return isinstance(value, (dt.date, pd.Timestamp)) or (
        isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d.*", value) is not None
    )


def _format_number(value: float, tickformat: str | None) -> str:
    match = re.fullmatch(r"\.?(\d+)f", tickformat or "")
    if match:
        return f"{value:.{match.group(1)}f}"
    return f"{value:g}"


def tick_labels(fig: go.Figure, axis_name: str) -> list[str] | None:
    """The labels plotly writes on ``axis_name``, worked out from the figure; None for an axis plotly
    ticks by itself with its own (never repeating) numbers. Raises AssertionError where labels could
    repeat and the figure does not say which (a date axis without explicit ticks)."""
    axis = axes(fig)[axis_name]
    values = [v for v in trace_values(fig, axis_name) if v is not None]
    if axis.get("visible") is False or axis.get("showticklabels") is False:
        return None
    if axis.get("tickvals") is not None:
        texts = axis.get("ticktext")
        if texts is not None:
            return [str(t) for t in texts]
        return [_format_number(float(v), axis.get("tickformat")) for v in axis["tickvals"]]
    is_date = (
        axis.get("type") == "date"
        or str(axis.get("dtick", "")).startswith("M")
        or (values and all(_is_date(v) for v in values))
    )
    if is_date:
        dtick, tickformat = axis.get("dtick"), axis.get("tickformat")
        # Whole years written as years: one label a year.
        assert dtick == "M12" and tickformat == "%Y", (
            f"{axis_name}: a date axis needs explicit ticks (dtick {dtick!r}, format {tickformat!r} can repeat a day)"
        )
        return None
    if axis.get("type") == "category" or (values and all(isinstance(v, str) for v in values)):
        return [str(v) for v in dict.fromkeys(values)]
    if axis.get("dtick") is not None and axis.get("range") is not None:
        low, high = sorted(float(v) for v in axis["range"])
        step = float(axis["dtick"])
        start = math.ceil(low / step - 1e-9) * step
        count = int(math.floor((high - start) / step + 1e-9)) + 1
        return [
            _format_number(start + i * step, axis.get("tickformat")) + axis.get("ticksuffix", "") for i in range(count)
        ]
    assert not axis.get("tickformat"), (
        f"{axis_name}: a tick format without explicit ticks or a step can write one label twice"
    )
    return None


def trace_colours(trace: dict) -> list[str]:
    """The colours a trace paints marks in (markers, bars, lines), as given."""
    found = []
    for part in ("marker", "line"):
        colour = (trace.get(part) or {}).get("color")
        if isinstance(colour, str):
            found.append(colour)
        elif isinstance(colour, (list, tuple)):
            found += [c for c in colour if isinstance(c, str)]
    return found


def is_neutral(colour: str) -> bool:
    """A grey (or white): a background, edge or "unknown" colour, no category's."""
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", colour):
        return colour in ("white", "black")
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return max(channels) - min(channels) <= 0x20 and colour.upper() != "#000000"


def category_traces(fig: go.Figure) -> list[dict]:
    """Traces that stand for a category in the legend: named, shown in the legend, one colour."""
    found = []
    for trace in figure_json(fig)["data"]:
        if trace.get("showlegend") is False or not trace.get("name") or trace.get("hoverinfo") == "skip":
            continue
        colours = trace_colours(trace)
        if len(set(colours)) == 1:
            found.append(trace)
    return found


def style_of(trace: dict) -> tuple[str, str]:
    colour = trace_colours(trace)[0].upper()
    return colour, (trace.get("line") or {}).get("dash") or "solid"


def hover_texts(fig: go.Figure) -> list[str]:
    return [trace["hovertemplate"] for trace in figure_json(fig)["data"] if trace.get("hovertemplate")]


def axis_titles(fig: go.Figure) -> list[str]:
    titles = []
    for axis in axes(fig).values():
        title = axis.get("title")
        text = title.get("text") if isinstance(title, dict) else title
        if text:
            titles.append(str(text))
    return titles


@functools.cache
def english_only() -> re.Pattern[str]:
    """Every English text of the translation table that differs from its Danish one: words a Danish
    chart must not show (short ones and texts with placeholders left out)."""
    found = set()
    for entry in TEXTS.values():
        english, danish = entry.get("en", ""), entry.get("da", "")
        if english != danish and "{" not in english and 4 <= len(english) <= 40:
            found.add(english)
    return re.compile("|".join(rf"(?<!\w){re.escape(e)}(?!\w)" for e in sorted(found, key=len, reverse=True)))


ENGLISH_WORDS = {
    "mean",
    "score",
    "scores",
    "date",
    "value",
    "count",
    "people",
    "responses",
    "expected",
    "of",
    "the",
    "and",
    "goal",
    "partnerships",
    "offers",
    "round",
}


def plain_words(text: str) -> set[str]:
    text = re.sub(r"%\{[^}]*\}", " ", text)
    text = re.sub(r"<[^>]+>", " ", text)
    return {w.casefold() for w in re.findall(r"[A-Za-zÆØÅæøå]+", text)}


# --- the rules -----------------------------------------------------------------------------------------


def check_ticks(name: str, fig: go.Figure) -> None:
    for axis_name in axes(fig):
        labels = tick_labels(fig, axis_name)
        if labels is not None:
            repeated = {label for label in labels if labels.count(label) > 1}
            assert not repeated, f"{name} {axis_name}: ticks written twice: {sorted(repeated)}"


def check_ranges(name: str, fig: go.Figure) -> None:
    for axis_name, axis in axes(fig).items():
        if axis.get("range") is None or axis.get("type") == "category":
            continue
        low, high = axis["range"]
        if _is_date(low):
            continue
        low, high = sorted((float(low), float(high)))
        numbers = [n for n in map(_number, trace_values(fig, axis_name)) if n is not None]
        outside = [n for n in numbers if not low - 1e-9 <= n <= high + 1e-9]
        assert not outside, f"{name} {axis_name}: {outside} outside the axis range {axis['range']}"


def check_colours(name: str, fig: go.Figure) -> None:
    data = figure_json(fig)["data"]
    for trace in data:
        for colour in trace_colours(trace):
            assert colour.upper() in OKABE_ITO or is_neutral(colour), f"{name}: {colour} is no Okabe-Ito colour"
        line = trace.get("line") or {}
        if "lines" in str(trace.get("mode", "")) and isinstance(line.get("color"), str):
            assert charts.contrast(line["color"]) >= 1.5, f"{name}: a line in {line['color']} is all but invisible"
        marker = trace.get("marker") or {}
        colours = marker.get("color")
        if (
            trace.get("type") in ("scatter", "bar")
            and "markers" in str(trace.get("mode", "markers"))
            or trace.get("type") == "bar"
        ):
            shown = [colours] if isinstance(colours, str) else list(colours or [])
            outlines = (marker.get("line") or {}).get("color")
            outlines = [outlines] * len(shown) if isinstance(outlines, str) or outlines is None else list(outlines)
            for colour, rim in zip(shown, outlines, strict=False):
                if isinstance(colour, str) and colour.startswith("#") and charts.contrast(colour) < 3:
                    assert rim is not None and charts.contrast(rim) >= 3, (
                        f"{name}: a {colour} mark needs a dark outline, has {rim}"
                    )
    styles: dict[str, tuple[str, str]] = {}
    for trace in category_traces(fig):
        styles.setdefault(trace["name"], style_of(trace))
    looks = list(styles.values())
    twice = {look for look in looks if looks.count(look) > 1 and not is_neutral(look[0])}
    assert not twice, f"{name}: different categories drawn alike: {twice} in {styles}"


def check_words(name: str, fig: go.Figure, lang: str) -> None:
    assert fig.layout.separators == charts.separators(lang) == (",." if lang == "da" else ".,"), name
    assert set(fig.layout.template.layout.colorway) == OKABE_ITO, name
    if lang != "da":
        return
    english = english_only()
    for text in [*hover_texts(fig), *axis_titles(fig)]:
        words = plain_words(text) & ENGLISH_WORDS
        assert not words, f"{name}: English in a Danish chart: {words} in {text!r}"
        phrases = english.findall(text)
        assert not phrases, f"{name}: English in a Danish chart: {phrases} in {text!r}"


#: The unit each chart's hover names (Danish), by the start of its name.
UNITS = {
    "goals.": "%",
    "evaluations.": "af 5",
    "radar.": "af 5",
    "overview.radar": "af 5",
    "partners.": "af 5",
    "organisation.history": "af 5",
    "organisation.heatmap": "af 5",
    "partnerships.stages": "partnerskaber",
    "strengths.matrix": "tilbud",
    "board.goals": "%",
    "board.evaluations": "af 5",
}


def check_units(name: str, fig: go.Figure) -> None:
    unit = next((u for prefix, u in UNITS.items() if name.startswith(prefix)), None)
    if unit is None:
        return
    texts = []
    for trace in figure_json(fig)["data"]:
        template = trace.get("hovertemplate")
        if template and "%{hovertext}" in template:
            texts += [str(text) for text in trace.get("hovertext") or []]
        elif template:
            texts.append(template)
    assert texts, f"{name}: no hover text"
    for text in texts:
        assert unit in text, f"{name}: the hover {text!r} does not name the unit {unit!r}"


def check_all(name: str, fig: go.Figure, lang: str) -> None:
    check_ticks(name, fig)
    check_ranges(name, fig)
    check_colours(name, fig)
    check_words(name, fig, lang)
    if lang == "da":
        check_units(name, fig)


# --- on the demo ---------------------------------------------------------------------------------------


@pytest.mark.slow
def test_finding_5_every_chart_on_the_demo_keeps_the_rules(demo_pages) -> None:
    for lang, pages in demo_pages.items():
        figures = every_figure(pages)
        assert len(figures) >= 25, [name for name, _ in figures]
        for name, fig in figures:
            check_all(name, fig, lang)


def test_finding_5_the_palette_is_okabe_ito_and_yellow_draws_no_line() -> None:
    assert set(charts.COLORWAY) == OKABE_ITO == set(charts.OKABE_ITO.values())
    assert charts.YELLOW not in charts.LINE_COLOURS
    assert charts.contrast(charts.YELLOW) < 1.5
    assert charts.outline(charts.YELLOW)["color"] == charts.OUTLINE and charts.contrast(charts.OUTLINE) > 10
    for vocabulary, colours in charts.CATEGORY_COLOURS.items():
        coloured = [c for c in colours.values() if c != charts.GREY]
        assert set(coloured) <= OKABE_ITO, vocabulary
        assert len(set(coloured)) == len(coloured), f"{vocabulary}: two categories share a colour"


def page_colours(figures: list[tuple[str, go.Figure]]) -> dict[str, set[str]]:
    """``{category: colours}`` over a page's charts, a category being a trace's ``meta`` code."""
    found: dict[str, set[str]] = {}
    for _, fig in figures:
        for trace in category_traces(fig):
            meta = trace.get("meta")
            if isinstance(meta, (str, int)) and not isinstance(meta, bool):
                found.setdefault(str(meta), set()).add(style_of(trace)[0])
    return found


def test_finding_5_a_category_keeps_its_colour_across_a_page(demo_pages) -> None:
    for page, figures in demo_pages["da"].items():
        for category, colours in page_colours(figures).items():
            assert len(colours) == 1, f"{page}: {category} drawn in {colours}"
    evaluation = page_colours(demo_pages["da"]["evaluations"])
    wanted = {
        **charts.CATEGORY_COLOURS["dimension"],
        **charts.CATEGORY_COLOURS["side"],
        **charts.CATEGORY_COLOURS["band"],
    }
    assert {k: v.pop() for k, v in evaluation.items() if k in wanted} == wanted
    # On the evaluation page no two categories share a colour: three bands, three dimensions, two sides.
    assert len(set(wanted.values())) == len(wanted) == 8


def _board(pages, key: str) -> go.Figure:
    return next(fig for name, fig in pages["board"] if name == f"board.{key}")


def test_finding_5_the_board_pack_draws_goals_and_dimensions_in_the_pages_colours(demo_pages) -> None:
    pages = demo_pages["da"]
    series = dict(pages["goals"])["goals.series"]
    on_page = {trace.name: trace.line.color for trace in series.data if trace.showlegend is not False}
    board = _board(pages, "goals.fulfilment")
    in_board = {trace.name: trace.line.color for trace in board.data}
    shared = set(on_page) & set(in_board)
    assert len(shared) >= 2, (on_page, in_board)
    assert {name: on_page[name] for name in shared} == {name: in_board[name] for name in shared}
    for key in ("evaluations.over_time", "evaluations.latest"):
        fig = _board(pages, key)
        colours = {
            trace.name: (trace.line.color if trace.type == "scatter" else trace.marker.color) for trace in fig.data
        }
        assert colours == {"Samarbejde": charts.BLUE, "Fremdrift": charts.SKY_BLUE, "Resultater": charts.PURPLE}


def test_finding_5_the_rings_give_every_organisation_type_its_own_colour(demo_pages) -> None:
    for name in ("network.rings", "board.network.picture"):
        fig = dict(every_figure(demo_pages["da"]))[name]
        types = {trace.name: trace.marker.color for trace in fig.data if trace.customdata is not None}
        colours = [c for c in types.values() if not is_neutral(c)]
        assert len(colours) >= 5 and len(set(colours)) == len(colours), types
    page = {t.name: t.marker.color for t in dict(demo_pages["da"]["network"])["network.rings"].data}
    board = {t.name: t.marker.color for t in _board(demo_pages["da"], "network.picture").data}
    assert {k: page[k] for k in set(page) & set(board)} == {k: board[k] for k in set(page) & set(board)}


def test_finding_5_the_board_goal_chart_holds_every_point(demo_url: str) -> None:
    # A goal that fell below its baseline: fulfilment under 0 % must still be on the chart, and a
    # goal far past its target above the top.
    db = open_database(demo_url)
    with db.write() as session:
        goal = session.query(Goal).order_by(Goal.id).first()
        goal_id = goal.id
    with db.read() as session:
        pack = build(session, dt.date(2025, 11, 1), None, "da", today=TODAY)
    section = next(s for s in pack.sections if s.key == "goals")
    chart = section.charts[0]
    assert chart.y_range is not None and chart.y_range[0] <= 0 and chart.y_range[1] >= 100
    fig = chart_figure(section, chart, "da")
    check_ranges("board.goals", fig)
    assert goal_id


# --- readable by everyone (issue 15: WCAG 1.1.1, 1.4.1, 1.4.11) ------------------------------------------

#: Charts whose colours are a grouping the user picks on the network map (sector, community, owner) on top
#: of the node kind, which the symbols show: the group is named in every point's hover and the people and
#: ties have tables of their own, so colour there adds to what is readable without it.
COLOUR_ONLY_GROUPS = ("network.sector", "network.community", "network.owner")


def _numbers(values: object) -> list[float]:
    if not isinstance(values, list):
        return []
    flat = [v for row in values for v in (row if isinstance(row, list) else [row])]
    return [n for n in map(_number, flat) if n is not None]


def figure_numbers(fig: go.Figure) -> set[float]:
    """Every number the figure's data traces draw (x and y, r, z), read from its JSON, rounded."""
    found: set[float] = set()
    for trace in figure_json(fig)["data"]:
        if trace.get("hoverinfo") == "skip" or trace.get("visible") is False:
            continue
        base = _number(trace.get("base"))
        for part in ("x", "y", "r", "z"):
            numbers = _numbers(trace.get(part))
            if base is not None and part == ("x" if trace.get("orientation") == "h" else "y"):
                numbers = [n + base for n in numbers]  # a bar from its base ends at base + length
            found |= {round(n, 6) for n in numbers}
    return found


def table_numbers(table: pd.DataFrame) -> set[float]:
    return {round(n, 6) for column in table.columns for n in map(_number, table[column].tolist()) if n is not None}


@pytest.mark.slow
def test_every_chart_has_a_title_a_summary_and_a_table_of_its_numbers(demo_pages) -> None:
    from lib.core.chart_text import figure_summary, figure_table
    from lib.core.i18n import t

    for lang, pages in demo_pages.items():
        for name, fig in every_figure(pages):
            assert str(fig.layout.title.text or "").strip(), f"{name} ({lang}) has no title"
            summary = figure_summary(fig, lang)
            assert summary and summary != t("chart_text.empty", lang), f"{name} ({lang}): {summary!r}"
            table = figure_table(fig, lang)
            assert not table.empty, name
            assert table_numbers(table) == figure_numbers(fig), f"{name} ({lang}): the table's numbers differ"
            if lang == "da":
                assert not re.search(r"\d\.\d", summary), f"{name}: a Danish summary writes a decimal point: {summary}"


def non_colour_look(trace: dict) -> tuple | None:
    """What tells ``trace`` apart from the others of its chart without colour: its kind, dash and marker
    symbol (lines, markers) or fill pattern (bars); None when it is labelled directly (words at its
    points, or numbers on its bars next to their category), which says it without colour."""
    kind = trace.get("type", "scatter")
    if kind in ("bar", "barpolar"):
        pattern = ((trace.get("marker") or {}).get("pattern") or {}).get("shape") or ""
        return (kind, pattern)
    mode = str(trace.get("mode", "markers"))
    if "text" in mode and trace.get("text") is not None:
        return None
    look: list[object] = [kind, trace.get("xaxis"), trace.get("yaxis")]
    if "lines" in mode:
        look.append(("dash", (trace.get("line") or {}).get("dash") or "solid"))
    if "markers" in mode:
        symbol = (trace.get("marker") or {}).get("symbol") or "circle"
        look.append(("symbol", tuple(symbol) if isinstance(symbol, list) else symbol))
    return tuple(look)


def check_not_colour_alone(name: str, fig: go.Figure) -> None:
    """Within a chart, series in different colours differ in something else too (WCAG 1.4.1)."""
    by_look: dict[tuple, dict[str, str]] = {}
    for trace in category_traces(fig):
        look = non_colour_look(trace)
        if look is not None:
            by_look.setdefault(look, {})[style_of(trace)[0]] = trace["name"]
    alike = {look: names for look, names in by_look.items() if len(names) > 1}
    assert not alike, f"{name}: told apart by colour alone: {list(alike.values())}"


@pytest.mark.slow
def test_every_chart_tells_its_series_apart_without_colour(demo_pages) -> None:
    checked = 0
    for lang, pages in demo_pages.items():
        for name, fig in every_figure(pages):
            if name not in COLOUR_ONLY_GROUPS:
                check_not_colour_alone(f"{name} ({lang})", fig)
                checked += 1
    assert checked >= 50


def test_the_colour_check_sees_lines_told_apart_by_colour_alone() -> None:
    days = [dt.date(2026, 1, 1), dt.date(2026, 2, 1)]
    fig = go.Figure(
        [
            go.Scatter(name="A", x=days, y=[1, 2], mode="lines+markers", line={"color": charts.BLUE}),
            go.Scatter(name="B", x=days, y=[2, 1], mode="lines+markers", line={"color": charts.ORANGE}),
        ]
    )
    with pytest.raises(AssertionError, match="colour alone"):
        check_not_colour_alone("two lines", fig)
    fig.data[1].marker.symbol = charts.series_symbol(1)
    check_not_colour_alone("two lines", fig)
    bars = go.Figure(
        [go.Bar(name=n, x=["a"], y=[1], marker={"color": c}) for n, c in (("A", charts.BLUE), ("B", charts.GREEN))]
    )
    with pytest.raises(AssertionError, match="colour alone"):
        check_not_colour_alone("two bars", bars)


#: Machado, Oliveira & Fernandes (2009): simulated dichromacy, severity 1.0, on linear RGB.
MACHADO = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}
#: The smallest CIE76 colour difference two chart colours keep under every simulation: about five times
#: a just noticeable difference (2.3), so marks read as different colours at a glance.
MIN_DELTA_E = 15.0


def _linear(colour: str) -> np.ndarray:
    channels = np.array([int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    return np.where(channels <= 0.04045, channels / 12.92, ((channels + 0.055) / 1.055) ** 2.4)


def _lab(linear_rgb: np.ndarray) -> np.ndarray:
    """CIELAB (D65) of a linear sRGB colour."""
    to_xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    xyz = to_xyz @ linear_rgb / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 216 / 24389, np.cbrt(xyz), (24389 / 27 * xyz + 16) / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def seen_with(colour: str, deficiency: str | None) -> np.ndarray:
    """``colour`` in CIELAB as a reader with ``deficiency`` (None: normal vision) sees it."""
    linear = _linear(colour)
    if deficiency is not None:
        linear = np.clip(np.array(MACHADO[deficiency]) @ linear, 0, 1)
    return _lab(linear)


def delta_e(first: str, second: str, deficiency: str | None) -> float:
    return float(np.linalg.norm(seen_with(first, deficiency) - seen_with(second, deficiency)))


def test_the_simulation_loses_what_it_should() -> None:
    # Red and green, far apart for normal vision, all but merge for a protanope and a deuteranope.
    assert delta_e("#FF0000", "#00B000", None) > 80
    assert delta_e("#D00000", "#6B6B00", "deuteranopia") < MIN_DELTA_E
    assert delta_e("#000000", "#FFFFFF", "tritanopia") > 99


@pytest.mark.parametrize("deficiency", [None, *MACHADO])
def test_the_okabe_ito_colours_stay_apart_with_every_colour_vision_deficiency(deficiency: str | None) -> None:
    closest = min(
        (delta_e(a, b, deficiency), a, b)
        for index, a in enumerate(charts.COLORWAY)
        for b in charts.COLORWAY[index + 1 :]
    )
    assert closest[0] > MIN_DELTA_E, f"{deficiency}: {closest[1]} and {closest[2]} differ by ΔE {closest[0]:.1f}"


@pytest.mark.slow
def test_the_colours_drawn_together_stay_apart_with_every_colour_vision_deficiency(demo_pages) -> None:
    # Grey ("other", "unknown") included: it must not pass for a colour the same chart uses.
    for name, fig in every_figure(demo_pages["da"]):
        if name in COLOUR_ONLY_GROUPS:
            continue
        colours = sorted(
            {c.upper() for trace in figure_json(fig)["data"] for c in trace_colours(trace) if c.startswith("#")}
            & {*OKABE_ITO, charts.GREY.upper()}
        )
        for deficiency in MACHADO:
            for index, first in enumerate(colours):
                for second in colours[index + 1 :]:
                    difference = delta_e(first, second, deficiency)
                    assert difference > MIN_DELTA_E, f"{name}, {deficiency}: {first} ~ {second} (ΔE {difference:.1f})"


@pytest.mark.slow
def test_every_mark_stands_out_against_white_or_has_a_dark_outline(demo_pages) -> None:
    # WCAG 1.4.11: graphics need 3:1 against the page. A mark in a lighter colour has a dark outline
    # (checked in check_colours); a line in one carries outlined markers at its points.
    for name, fig in every_figure(demo_pages["da"]):
        for trace in figure_json(fig)["data"]:
            line, mode = trace.get("line") or {}, str(trace.get("mode", ""))
            colour = line.get("color")
            if "lines" not in mode or not isinstance(colour, str) or is_neutral(colour):
                continue
            if trace.get("hoverinfo") == "skip":
                continue  # the network's ties: context at half opacity, listed in the tables of the people
            if charts.contrast(colour) >= 3 or trace.get("showlegend") is False and line.get("dash") == "dot":
                continue  # a guide line (a goal's expected path) beside the outlined line it belongs to
            rim = ((trace.get("marker") or {}).get("line") or {}).get("color")
            assert "markers" in mode and isinstance(rim, str) and charts.contrast(rim) >= 3, (
                f"{name}: a {colour} line ({trace.get('name')}) needs outlined markers"
            )


# --- on generated data ---------------------------------------------------------------------------------

DAYS = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def score_rounds(draw) -> pd.DataFrame:
    """Rounds of an evaluation, often a day or two apart, with means on the 1-5 scale."""
    first = draw(DAYS)
    gaps = draw(st.lists(st.integers(min_value=1, max_value=400), min_size=0, max_size=14))
    days = [first]
    for gap in gaps:
        days.append(days[-1] + dt.timedelta(days=gap))
    rows = []
    for index, day in enumerate(days):
        for dimension in evaluations.DIMENSIONS:
            mean = draw(st.floats(min_value=1, max_value=5))
            rows.append(
                {
                    "round_id": index + 1,
                    "held_on": day,
                    "round_title": draw(st.sampled_from(["", "Runde <b>"])),
                    "side": "all",
                    "dimension": dimension,
                    "mean": mean,
                    "respondents": 2,
                    "band": evaluations.band(mean),
                }
            )
    return pd.DataFrame(rows)


@given(scores=score_rounds(), lang=st.sampled_from(["da", "en"]))
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@pytest.mark.slow
def test_finding_5_the_scores_chart_keeps_the_rules_on_any_rounds(scores: pd.DataFrame, lang: str) -> None:
    from lib.planning.figures import scores_figure

    fig = scores_figure(scores, "all", lang)
    check_all("evaluations.scores", fig, lang)
    labels = tick_labels(fig, "xaxis")
    assert labels and len(labels) <= 8


@st.composite
def goal_series(draw) -> tuple[pd.DataFrame, list[int]]:
    """Measurements of up to twelve goals; fulfilment from well below 0 % to far past 100 %."""
    count = draw(st.integers(min_value=1, max_value=12))
    rows = []
    for goal_id in range(1, count + 1):
        start = draw(DAYS)
        for step in range(draw(st.integers(min_value=1, max_value=6))):
            day = start + dt.timedelta(days=draw(st.integers(min_value=0, max_value=60)) * step)
            rows.append(
                {
                    "goal_id": goal_id,
                    "title": f"Mål {goal_id}",
                    "date": day,
                    "is_baseline": step == 0,
                    "fulfilment_raw": draw(st.floats(min_value=-80, max_value=260)),
                    "expected": draw(st.floats(min_value=0, max_value=100)),
                    "value": 1.0,
                }
            )
    return pd.DataFrame(rows), list(range(1, count + 1))


@given(data=goal_series(), lang=st.sampled_from(["da", "en"]))
@settings(max_examples=15, deadline=None)
@pytest.mark.slow
def test_finding_5_the_goal_charts_keep_the_rules_on_any_goals(data, lang: str) -> None:
    from lib.planning.figures import series_figure

    series, order = data
    fig = series_figure(series, lang, order)
    check_all("goals.series", fig, lang)
    # The same goals as the board pack draws them: a table of dates by goal, and the section's range.
    wide = series.pivot_table(index="date", columns="title", values="fulfilment_raw", aggfunc="last").reset_index()
    wide = wide.astype(object).where(wide.notna(), None)
    names = [f"Mål {goal_id}" for goal_id in order if f"Mål {goal_id}" in wide.columns]
    looks = charts.series_styles(f"Mål {goal_id}" for goal_id in order)
    values = [v for name in names for v in wide[name] if v is not None]
    chart = Chart(
        key="goals.fulfilment",
        kind="dates",
        title="Mål",
        table="t",
        category="date",
        series=tuple(names),
        y_suffix=" %",
        y_range=tuple(charts.value_range(values, 0, 110)),
        colours=tuple(looks[n]["color"] for n in names),
        dashes=tuple(looks[n]["dash"] for n in names),
    )
    board = chart_figure(Section(key="goals", title="Mål", tables=[Table("t", "t", wide)], charts=[chart]), chart, lang)
    check_all("board.goals", board, lang)


@given(
    counts=st.dictionaries(st.sampled_from(list(ps.PIPELINE_COLUMNS)), st.integers(min_value=0, max_value=400)),
    lang=st.sampled_from(["da", "en"]),
)
@settings(max_examples=10, deadline=None)
def test_finding_5_the_stage_chart_keeps_the_rules_on_any_counts(counts: dict[str, int], lang: str) -> None:
    from lib.planning.figures import stage_chart

    check_all("partnerships.stages", stage_chart(counts, lang), lang)


# --- date ticks ------------------------------------------------------------------------------------------


@given(days=st.lists(DAYS, min_size=1, max_size=60), lang=st.sampled_from(["da", "en"]))
@settings(max_examples=40, deadline=None)
def test_finding_5_date_ticks_never_repeat_and_stay_few(days: list[dt.date], lang: str) -> None:
    values, labels = charts.date_ticks(days, lang)
    assert len(set(labels)) == len(labels) == len(values) and 1 <= len(labels) <= 8
    assert values == sorted(values)
    if lang == "da":
        assert all(
            re.fullmatch(
                r"\d\d-\d\d-\d{4}|(jan\.|feb\.|mar\.|apr\.|maj|jun\.|jul\.|aug\.|sep\.|okt\.|nov\.|dec\.) "
                r"\d{4}|\d{4}",
                label,
            )
            for label in labels
        ), labels


def test_finding_5_a_few_dates_are_written_as_danish_days_and_many_as_months() -> None:
    assert charts.date_ticks([dt.date(2026, 3, 12), dt.date(2026, 3, 13)], "da")[1] == ["12-03-2026", "13-03-2026"]
    months = charts.date_ticks([dt.date(2025, 1, 1) + dt.timedelta(days=30 * i) for i in range(12)], "da")[1]
    assert months[:3] == ["jan. 2025", "mar. 2025", "maj 2025"]


@pytest.mark.slow
def test_finding_5_plotly_itself_would_write_a_day_twice_without_explicit_ticks() -> None:
    # Why date axes carry their own ticks: for two rounds a day apart plotly ticks every twelve hours,
    # and "dd-mm-åååå" then writes each day twice. Resolved by plotly in kaleido's browser.
    from lib.reporting.boardpack.images import available

    if not available():
        pytest.skip("no browser for plotly here")
    days = [dt.date(2026, 3, 12), dt.date(2026, 3, 13)]
    naive = go.Figure(go.Scatter(x=days, y=[3, 4]))
    naive.update_layout(xaxis={"tickformat": "%d-%m-%Y"})
    full = naive.full_figure_for_development(warn=False).layout.xaxis
    assert full.dtick < 24 * 3600 * 1000  # several ticks a day: the same label more than once

    from lib.planning.figures import scores_figure

    scores = pd.DataFrame(
        [
            {
                "round_id": i,
                "held_on": day,
                "round_title": "",
                "side": "all",
                "dimension": d,
                "mean": 3.0,
                "respondents": 1,
                "band": "discuss",
            }
            for i, day in enumerate(days)
            for d in evaluations.DIMENSIONS
        ]
    )
    fig = scores_figure(scores, "all", "da")
    resolved = fig.full_figure_for_development(warn=False).layout.xaxis
    assert list(resolved.ticktext) == ["12-03-2026", "13-03-2026"]


def test_the_chart_rules_are_written_down() -> None:
    readme = Path(__file__).resolve().parents[2].joinpath("README.md").read_text(encoding="utf-8")
    assert "Okabe-Ito" in readme and "lib/core/charts.py" in readme
