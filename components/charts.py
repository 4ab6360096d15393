"""Every chart of the product on screen, with its text alternative (WCAG 1.1.1, issue 15).

:func:`show_chart` is the one place that calls ``st.plotly_chart`` (a contract test holds every other
file to it). Under the chart it writes one sentence that says what the chart shows and, one click away,
the chart's numbers as a real table a screen reader can walk (``st.table``, not the canvas of
``st.dataframe``). Both come from ``lib.core.chart_text``, read off the figure itself.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.context import lang, tr
from components.safe_markdown import escape_markdown, table_md
from lib.core.chart_text import figure_summary, figure_table
from lib.core.charts import escape
from lib.core.i18n import format_date, format_number

#: The table under a chart shows at most this many rows (a network of thousands of ties is no table to read).
MAX_ROWS = 200


def shown_cell(value: object, language: str) -> object:
    """A table cell written as the reader writes it: numbers with their separators, dates dd-mm-yyyy."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return format_number(value, language, None if float(value).is_integer() else 2)
    if isinstance(value, (dt.date, pd.Timestamp)):
        return format_date(value, language)
    return value


def show_chart(
    fig: go.Figure,
    *,
    key: str,
    title: str | None = None,
    summary: str | None = None,
    numbers: bool = True,
    **plotly_options: Any,
) -> Any:
    """Draw ``fig`` (Streamlit's theme off: the product's own template) and its text alternative.

    ``title`` (plain text) is put on the figure when given; ``summary`` replaces the sentence read
    off the figure (Markdown-safe text, e.g. from ``tr_md``); ``numbers=False`` leaves the table out
    (the network map, whose people and ties have tables of their own). ``plotly_options`` go to
    ``st.plotly_chart`` (``on_select``, ``selection_mode``, ``config``); its result is returned, so a
    chart that selects keeps working.
    """
    language = lang()
    if title:
        fig.update_layout(title={"text": escape(title)})
    event = st.plotly_chart(fig, theme=None, key=key, **plotly_options)
    st.caption(summary if summary is not None else escape_markdown(figure_summary(fig, language)))
    if numbers:
        table = figure_table(fig, language)
        if not table.empty:
            with st.expander(tr("chart.numbers"), icon=":material/table:"):
                if len(table) > MAX_ROWS:
                    st.caption(tr("chart.capped", shown=MAX_ROWS, total=len(table)))
                shown = table.head(MAX_ROWS).map(lambda value: shown_cell(value, language))
                st.table(table_md(shown))
    return event
