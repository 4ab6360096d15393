"""Tables the way every page shows them: translated headers, the reader's date format, no index.

A page describes its columns once (:class:`Col`) and :func:`show_table` turns that into
``st.column_config`` in the user's language. Cells are always shown as plain text by ``st.dataframe``,
so names such as ``<script>`` from an imported file stay harmless text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd
import streamlit as st

from components.context import lang, tr

# Its old home: code written before the helper moved still imports it from here.
from components.safe_markdown import (
    escape_markdown,  # noqa: F401
    tr_md,
)
from lib.core.i18n import label

ColumnKind = Literal["text", "number", "date", "datetime", "bool", "phone"]

#: Times are stored in UTC without a zone (lib.db.utcnow); people read them in the workspace's
#: time zone (lib.workspace.clock; Europe/Copenhagen unless the library set-up says otherwise).
DISPLAY_TIMEZONE = "Europe/Copenhagen"


@dataclass(frozen=True)
class Col:
    """One shown column: the DataFrame column, the translation key of its header, and how to show it."""

    name: str
    label_key: str
    kind: ColumnKind = "text"


def date_format(language: str | None = None) -> str:
    """Display format of dates for st.column_config: dd-mm-yyyy in Danish, ISO in English."""
    return "DD-MM-YYYY" if (language or lang()) == "da" else "YYYY-MM-DD"


def datetime_format(language: str | None = None) -> str:
    """Display format of date and time: dd-mm-yyyy hh:mm in Danish, ISO in English."""
    return "DD-MM-YYYY HH:mm" if (language or lang()) == "da" else "YYYY-MM-DD HH:mm"


def date_input_format(language: str | None = None) -> Literal["DD-MM-YYYY", "YYYY-MM-DD"]:
    """Format for st.date_input, matching how dates are shown in tables."""
    return "DD-MM-YYYY" if (language or lang()) == "da" else "YYYY-MM-DD"


def column_config(columns: Sequence[Col]) -> dict[str, Any]:
    """st.column_config for ``columns`` with headers in the user's language."""
    config: dict[str, Any] = {}
    for column in columns:
        label = tr(column.label_key)
        if column.kind == "date":
            config[column.name] = st.column_config.DateColumn(label, format=date_format())
        elif column.kind == "datetime":
            config[column.name] = st.column_config.DatetimeColumn(label, format=datetime_format())
        elif column.kind == "bool":
            config[column.name] = st.column_config.CheckboxColumn(label)
        elif column.kind == "number":
            config[column.name] = st.column_config.NumberColumn(label)
        else:
            config[column.name] = st.column_config.TextColumn(label)
    return config


#: How many rows a long table shows (issue 16: a list of 100,000 contacts is not read, and drawing it is slow).
FIRST_ROWS = 500


def first_rows(data: pd.DataFrame, limit: int | None = None) -> pd.DataFrame:
    """The first ``limit`` (:data:`FIRST_ROWS`) rows of ``data``; when there are more, a caption says
    how many of how many are shown."""
    limit = limit or FIRST_ROWS
    if len(data) <= limit:
        return data
    st.caption(tr_md("big_lists.first_rows", shown=limit, total=len(data)))
    return data.head(limit)


def show_table(
    data: pd.DataFrame,
    columns: Sequence[Col],
    *,
    key: str | None = None,
    selectable: bool = False,
    empty_key: str | None = None,
) -> tuple[int, ...]:
    """Show ``data`` with only ``columns``, in their order; returns the positions of the selected rows.

    With ``selectable`` one row can be selected and selecting reruns the page. An empty table is
    replaced by the text of ``empty_key`` when given, which reads better than an empty grid.
    """
    if data.empty and empty_key:
        st.caption(tr(empty_key))
        return ()
    data = _with_phones_grouped(_with_local_times(data, columns), columns)
    options: dict[str, Any] = {}
    if selectable:
        options = {"on_select": "rerun", "selection_mode": "single-row"}
    event = st.dataframe(
        data,
        hide_index=True,
        column_order=[c.name for c in columns],
        column_config=column_config(columns),
        key=key,
        placeholder="",  # an empty cell, not the word "None"
        **options,
    )
    if not selectable:
        return ()
    return tuple(event.selection.rows)


def code_label(prefix: str, code: str | None) -> str:
    """The translation of ``prefix.code``, or the code itself for a code without one; nothing for no
    code (None, or pandas' NaN read back from a frame)."""
    return label(prefix, code, lang())


def labelled_frame(rows: Sequence[Mapping[str, Any]], labels: Mapping[str, tuple[str, str]]) -> pd.DataFrame:
    """``rows`` as a DataFrame plus, for each ``{label_column: (code_column, prefix)}``, the codes' words."""
    frame = pd.DataFrame(rows)
    if not frame.empty:
        for label_column, (code_column, prefix) in labels.items():
            frame[label_column] = [code_label(prefix, code) for code in frame[code_column]]
    return frame


def titled_table(heading_key: str, data: pd.DataFrame, columns: Sequence[Col], empty_key: str) -> None:
    """A bold heading over :func:`show_table`; the heading stays when the table is empty, so a reader
    sees that the section exists and has nothing in it."""
    st.markdown(f"**{tr(heading_key)}**")
    show_table(data, columns, empty_key=empty_key)


def _with_phones_grouped(data: pd.DataFrame, columns: Sequence[Col]) -> pd.DataFrame:
    """A copy of ``data`` whose phone columns show the numbers as people write them (+45 87 15 00 00)."""
    names = [c.name for c in columns if c.kind == "phone" and c.name in data.columns]
    if not names:
        return data
    from lib.core.normalize import display_phone

    shown = data.copy()
    for name in names:
        shown[name] = [display_phone(value) for value in shown[name]]
    return shown


def _with_local_times(data: pd.DataFrame, columns: Sequence[Col]) -> pd.DataFrame:
    """A copy of ``data`` whose datetime columns show local time instead of the stored UTC."""
    names = [c.name for c in columns if c.kind == "datetime" and c.name in data.columns]
    if not names:
        return data
    from components.clock import workspace_zone
    from lib.workspace.clock import local_series

    shown, zone = data.copy(), workspace_zone()
    for name in names:
        shown[name] = local_series(shown[name], zone)
    return shown


def newly_selected(rows: tuple[int, ...], ids: Sequence[int], seen_key: str) -> int | None:
    """The id of a row the user has just selected, or None when the selection did not change.

    The positions last seen are kept under ``seen_key``, so a selection that merely survives a rerun
    does not reopen its record after the user opened another one some other way.
    """
    if rows == st.session_state.get(seen_key, ()):
        return None
    st.session_state[seen_key] = rows
    if rows and rows[0] < len(ids):
        return ids[rows[0]]
    return None
