"""Pieces of the import page: a sheet's settings, the mapping editor, the preview and the history."""

from __future__ import annotations

import hashlib
from typing import Any

import pandas as pd
import streamlit as st

from components.context import lang, tr
from lib.fields import ROLES
from lib.clock import format_local
from lib.importer import OUTCOMES, ImportResult, PreparedFile, PreparedSheet, batch_counts, problem_rows

SAMPLE_VALUES = 3


def file_digest(name: str, data: bytes) -> str:
    return hashlib.sha256(name.encode() + b"\0" + data).hexdigest()[:16]


def show_refused(prepared: PreparedFile) -> None:
    st.error(f"**{prepared.file_name}**: {prepared.error.message(lang())}" if prepared.error else "")


def show_notices(prepared: PreparedFile) -> None:
    for key, params in prepared.notices:
        st.info(f"**{prepared.file_name}**: {tr(key, **params)}")


def sheet_settings(sheet: PreparedSheet, widget_key: str) -> None:
    """Include or leave out a sheet, choose its role and correct its column mapping."""
    title = tr("importpage.sheet_title", sheet=sheet.sheet_name, rows=len(sheet.table.rows))
    if sheet.hidden:
        title += " · " + tr("importpage.hidden_sheet")
    with st.expander(title, expanded=sheet.include):
        if sheet.hidden:
            st.warning(tr("importpage.hidden_sheet_help"))
        if sheet.truncated:
            st.warning(tr("importpage.truncated", kept=len(sheet.table.rows), total=sheet.total_rows))
        if sheet.formulas_without_value:
            st.warning(tr("importpage.formulas_without_value", count=sheet.formulas_without_value))
        if sheet.table.title:
            st.caption(tr("importpage.title_rows", title=sheet.table.title))
        sheet.include = st.checkbox(tr("importpage.include_sheet"), value=sheet.include, key=f"{widget_key}_inc")
        role = st.selectbox(
            tr("importpage.role"),
            options=list(ROLES),
            index=list(ROLES).index(sheet.role) if sheet.role in ROLES else len(ROLES) - 1,
            format_func=lambda code: tr(f"role.{code}"),
            key=f"{widget_key}_role",
            help=tr("importpage.role_help"),
        )
        sheet.set_role(role)
        if sheet.mapping_source == "saved":
            st.success(tr("importpage.mapping_remembered"))
        mapping_editor(sheet, widget_key)


def mapping_editor(sheet: PreparedSheet, widget_key: str) -> None:
    """A table of the sheet's columns, an example of each, and the field it goes to (editable)."""
    from lib.importer import valid_fields

    ignore = tr("importpage.ignore_column")
    labels = {field: tr(f"field.{field}") for field in valid_fields(sheet.role)}
    by_label = {label: field for field, label in labels.items()}
    examples = _examples(sheet)
    frame = pd.DataFrame({
        tr("importpage.col_column"): sheet.columns,
        tr("importpage.col_example"): examples,
        tr("importpage.col_field"): [labels.get(f, ignore) if f else ignore for f in sheet.mapping],
    })
    edited = st.data_editor(
        frame,
        hide_index=True,
        width="stretch",
        disabled=[tr("importpage.col_column"), tr("importpage.col_example")],
        column_config={
            tr("importpage.col_field"): st.column_config.SelectboxColumn(
                options=[ignore, *labels.values()], required=True),
        },
        key=f"{widget_key}_map_{sheet.role}",
    )
    sheet.mapping = [by_label.get(value) for value in edited[tr("importpage.col_field")].tolist()]
    unmapped = [c for c, f in zip(sheet.columns, sheet.mapping, strict=False) if f is None]
    if unmapped:
        st.caption(tr("importpage.unmapped", count=len(unmapped), columns=", ".join(unmapped[:12])))


def _examples(sheet: PreparedSheet) -> list[str]:
    examples = []
    for index in range(len(sheet.columns)):
        values = []
        for row in sheet.table.rows:
            value = row[index] if index < len(row) else None
            if value not in (None, ""):
                values.append(str(value)[:40])
            if len(values) == SAMPLE_VALUES:
                break
        examples.append(" · ".join(values))
    return examples


def counts_row(counts: dict[str, int]) -> None:
    """The accounting of an import as metrics: rows read = new + updated + unchanged + rejected + skipped."""
    columns = st.columns(len(OUTCOMES) + 1)
    columns[0].metric(tr("import.count.rows"), counts.get("rows", 0))
    for column, name in zip(columns[1:], OUTCOMES, strict=True):
        column.metric(tr(f"import.count.{name}"), counts.get(name, 0))


def result_details(result: ImportResult, key: str) -> None:
    """What happened to each row, and every problem, with a downloadable Excel report."""
    from lib.importer import error_report_xlsx

    if result.review_pairs:
        st.info(tr("importpage.review_pairs", count=result.review_pairs))
    problems = pd.DataFrame(problem_rows(result, lang()))
    if not problems.empty:
        st.subheader(tr("importpage.problems_heading", count=len(problems)))
        st.dataframe(problems, hide_index=True, width="stretch")
    st.download_button(
        tr("importpage.download_report"),
        data=error_report_xlsx(result, lang()),
        file_name=tr("importpage.report_file_name") + ".xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}_report",
    )
    with st.expander(tr("importpage.rows_heading")):
        outcome_filter = st.multiselect(
            tr("import.col.outcome"), options=list(OUTCOMES), default=list(OUTCOMES),
            format_func=lambda name: tr(f"import.count.{name}"), key=f"{key}_filter")
        rows = [
            {tr("import.col.file"): o.file_name, tr("import.col.sheet"): o.sheet_name,
             tr("import.col.row"): o.row, tr("import.col.outcome"): tr(f"import.count.{o.outcome}"),
             tr("import.col.record"): o.label}
            for o in result.outcomes if o.outcome in outcome_filter
        ]
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def batch_table(batches: list[Any]) -> pd.DataFrame:
    """Earlier imports as a table, newest first."""
    from components.clock import workspace_zone

    rows, zone = [], workspace_zone()
    for batch in batches:
        counts = batch_counts(batch)
        rows.append({
            "#": batch.id,
            tr("importpage.col_when"): format_local(batch.created_at, lang(), zone),
            tr("import.col.file"): batch.file_name,
            tr("importpage.col_status"): tr(f"importpage.status_{batch.status}"),
            **{tr(f"import.count.{name}"): counts[name] for name in ("rows", *OUTCOMES)},
        })
    return pd.DataFrame(rows)
