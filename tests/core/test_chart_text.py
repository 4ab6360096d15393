"""A chart in words (issue 15): the sentence under every chart and the table of its numbers, read off
the figure (``lib.core.chart_text``), and the component that shows both (``components.charts``).

Every chart of every page on the demo is checked in ``tests/core/test_chart_rules.py``; here are the
rules on small figures, so a failure says which rule broke."""

from __future__ import annotations

import base64
import datetime as dt

import numpy as np
import plotly.graph_objects as go
from streamlit.testing.v1 import AppTest

from components.safe_markdown import escape_markdown
from lib.core import charts
from lib.core.chart_text import figure_summary, figure_table

DAYS = [dt.date(2026, 2, 3), dt.date(2026, 6, 1), dt.date(2026, 11, 2)]


def line(name: str, values: list[float]) -> go.Scatter:
    return go.Scatter(name=charts.escape(name), x=DAYS, y=np.array(values), mode="lines+markers")


def test_a_line_over_dates_says_where_each_series_went_in_the_readers_language() -> None:
    fig = go.Figure([line("Samarbejde", [3.3, 3.5, 3.94]), line("Fremdrift", [4.0, 3.0, 2.5])])
    assert figure_summary(fig, "da") == (
        "Samarbejde steg fra 3,3 til 3,9 (feb. 2026 – nov. 2026); "
        "Fremdrift faldt fra 4 til 2,5 (feb. 2026 – nov. 2026)."
    )
    assert figure_summary(fig, "en").startswith("Samarbejde rose from 3.3 to 3.9 (Feb 2026 – Nov 2026)")


def test_a_summary_names_three_series_and_counts_the_rest() -> None:
    fig = go.Figure([line(f"Mål {i}", [1, 2, 3]) for i in range(5)])
    summary = figure_summary(fig, "da")
    assert summary.count("steg fra") == 3 and summary.endswith("og 2 serier mere.")
    assert figure_summary(go.Figure([line(f"Mål {i}", [1, 2, 3]) for i in range(4)]), "en").endswith(
        "and 1 more series."
    )


def test_labels_are_plain_text_again_and_typed_arrays_are_read() -> None:
    # A name plotly shows literally is stored escaped; the summary and table show it as typed.
    typed = {"dtype": "f8", "bdata": base64.b64encode(np.array([2.0, 7.5]).tobytes()).decode()}
    fig = go.Figure(go.Bar(name=charts.escape("Ja & <b>nej</b>"), x=charts.escape_all(["A <i>", "B"]), y=typed))
    assert isinstance(fig.data[0].y, dict)  # as plotly keeps some arrays of the product's figures
    assert figure_summary(fig, "da") == "Højest: B (7,5). Lavest: A <i> (2)."
    table = figure_table(fig, "da")
    assert table.to_dict("records") == [
        {"Serie": "Ja & <b>nej</b>", "X": "A <i>", "Y": 2.0},
        {"Serie": "Ja & <b>nej</b>", "X": "B", "Y": 7.5},
    ]


def test_horizontal_bars_name_their_category_and_the_axis_titles_name_the_columns() -> None:
    fig = go.Figure(go.Bar(x=[40.0, 90.0], y=["Læsning", "Mødested"], orientation="h"))
    fig.update_layout(xaxis={"title": "Målopfyldelse", "ticksuffix": " %"})
    assert figure_summary(fig, "da") == "Højest: Mødested (90 %). Lavest: Læsning (40 %)."
    assert list(figure_table(fig, "da").columns) == ["Serie", "Målopfyldelse", "Y"]


def test_a_polar_chart_names_its_highest_and_lowest_dimension_once() -> None:
    fig = go.Figure(go.Scatterpolar(name="Selv", theta=["A", "B", "C", "A"], r=[3, 5, 1, 3]))
    assert figure_summary(fig, "da") == "Selv: højest på B (5), lavest på C (1)."
    assert len(figure_table(fig, "en")) == 3  # the closing point is the first one again


def test_a_polar_chart_with_one_point_of_data_says_so_instead_of_highest_and_lowest() -> None:
    # The radar's evidence before the workspace has data on more than one heading.
    theta = ["Professionalisér!", "Forbered organisationen!", "Vær strategisk!", "Professionalisér!"]
    fig = go.Figure(go.Scatterpolar(name="Data fra arbejdsområdet", theta=theta, r=[None, 1, None, None]))
    assert figure_summary(fig, "da") == "Data fra arbejdsområdet: kun data for Forbered organisationen! (1)."
    assert figure_summary(fig, "en") == "Data fra arbejdsområdet: data only for Forbered organisationen! (1)."


def test_a_polar_chart_level_on_every_point_names_no_lowest() -> None:
    fig = go.Figure(go.Scatterpolar(name="Selv", theta=["A", "B", "C"], r=[3, 3, 3]))
    assert figure_summary(fig, "da") == "Selv: 3 på alle 3 punkter."
    assert figure_summary(fig, "en") == "Selv: 3 on all 3 points."


def test_a_heatmap_names_its_highest_cell_and_leaves_empty_cells_out() -> None:
    fig = go.Figure(go.Heatmap(x=["Forening", "Skole"], y=["Lokaler", "Viden"], z=[[3, None], [1, 2]]))
    assert figure_summary(fig, "da") == "Højeste felt: Lokaler / Forening (3)."
    assert figure_table(fig, "en").to_dict("records") == [
        {"Row": "Lokaler", "Column": "Forening", "Value": 3.0},
        {"Row": "Viden", "Column": "Forening", "Value": 1.0},
        {"Row": "Viden", "Column": "Skole", "Value": 2.0},
    ]


def test_markers_count_their_points_and_name_the_highest() -> None:
    fig = go.Figure(go.Scatter(x=[1, 4], y=[2, 5], text=["Skolen", "Fonden"], mode="markers+text"))
    assert figure_summary(fig, "en") == "The chart shows 2 points; the highest is Fonden (5)."
    assert figure_table(fig, "da")["Navn"].tolist() == ["Skolen", "Fonden"]


def test_an_empty_chart_and_a_guide_line_say_there_is_no_data() -> None:
    guide = go.Figure(go.Scatter(x=[1, 2], y=[1, 2], mode="lines", hoverinfo="skip"))
    for fig in (go.Figure(), guide, go.Figure(go.Scatter(x=[], y=[]))):
        assert figure_summary(fig, "da") == "Diagrammet har ingen data endnu."
        assert figure_table(fig, "da").empty


# --- the component -------------------------------------------------------------------------------------


def _chart_page() -> None:
    import datetime as dt

    import plotly.graph_objects as go
    import streamlit as st

    from components.charts import show_chart

    st.session_state.setdefault("lang", "da")
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=i) for i in range(250)]
    fig = go.Figure(go.Scatter(name="**Fed**", x=days, y=[i / 10 for i in range(250)], mode="lines"))
    st.session_state["event"] = show_chart(fig, key="many", title="Mange punkter")
    show_chart(go.Figure(go.Bar(x=["a"], y=[1])), key="map", summary="Viser 1 punkt.", numbers=False)


def test_the_component_writes_the_summary_and_the_table_under_the_chart() -> None:
    at = AppTest.from_function(_chart_page, default_timeout=30).run()
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert captions[0] == escape_markdown("**Fed** steg fra 0 til 24,9 (jan. 2026 – sep. 2026).")
    assert "Tabellen viser de første 200 af 250 rækker." in captions
    assert captions[-1] == "Viser 1 punkt."
    # One table (the map asked for none), behind "Se tallene som tabel", in Danish numbers and dates.
    assert [e.label for e in at.expander] == ["Se tallene som tabel"]
    assert len(at.table) == 1
    shown = at.table[0].value
    assert len(shown) == 200 and shown.iloc[1].tolist() == [escape_markdown("**Fed**"), "02-01-2026", "0,10"]
    assert at.session_state["event"] is not None
