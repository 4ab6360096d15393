"""Pieces of the import page: a sheet's settings, the mapping editor, the preview and the history."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

import pandas as pd
import streamlit as st

from components.context import lang, tr
from components.downloads import export_download
from components.safe_markdown import escape_markdown, message_md, tr_md
from components.widgets import BLANK, shown_as
from lib.contacts.word_choices import unknown
from lib.core.i18n import format_number, label
from lib.core.vocabulary import CODES, VOCABULARIES
from lib.ingest.contact_lists import (
    OUTCOMES,
    ImportResult,
    PreparedFile,
    PreparedSheet,
    change_rows,
    problem_rows,
    referenced_rows,
    report_people,
)
from lib.ingest.fields import ROLES
from lib.ingest.import_page import (
    CREATED_SHOWN,
    ImportPageData,
    batch_rows,
    column_examples,
    import_report_xlsx,
    named_words,
    outcome_rows,
    referenced_summary,
)
from lib.ingest.rows import UPDATE_MODES

#: Roles whose rows can name staff, people or organisations that do not exist yet.
ROLES_THAT_NAME_OTHERS = frozenset(
    {"contacts", "staff", "kumu_elements", "affiliations", "relations", "kumu_connections"}
)

#: The translation prefix of each vocabulary's labels.
LABEL_PREFIX = {"org_type": "orgtype", "sector": "sector", "relation_kind": "relkind"}


def show_refused(prepared: PreparedFile) -> None:
    st.error(f"**{escape_markdown(prepared.file_name)}**: {message_md(prepared.error)}" if prepared.error else "")


def show_notices(prepared: PreparedFile) -> None:
    for key, params in prepared.notices:
        st.info(f"**{escape_markdown(prepared.file_name)}**: {tr_md(key, **params)}")


def sheet_settings(sheet: PreparedSheet, widget_key: str) -> None:
    """Include or leave out a sheet, choose its role and correct its column mapping."""
    title = tr_md("importpage.sheet_title", sheet=sheet.sheet_name, rows=sheet.row_count)
    if sheet.hidden:
        title += " · " + tr("importpage.hidden_sheet")
    with st.expander(title, expanded=sheet.include):
        if sheet.hidden:
            st.warning(tr("importpage.hidden_sheet_help"))
        if sheet.truncated:
            st.warning(tr_md("importpage.truncated", kept=sheet.row_count, total=sheet.total_rows))
        if sheet.formulas_without_value:
            st.warning(tr_md("importpage.formulas_without_value", count=sheet.formulas_without_value))
        if sheet.table.title:
            st.caption(tr_md("importpage.title_rows", title=sheet.table.title))
        sheet.include = st.checkbox(tr("importpage.include_sheet"), value=sheet.include, key=f"{widget_key}_inc")
        role = st.selectbox(
            tr("importpage.role"),
            options=list(ROLES),
            index=list(ROLES).index(sheet.role) if sheet.role in ROLES else len(ROLES) - 1,
            format_func=shown_as({code: tr(f"role.{code}") for code in ROLES}),
            placeholder=tr("widget.choose_one"),
            key=f"{widget_key}_role",
            help=tr("importpage.role_help"),
        )
        sheet.set_role(role)
        if sheet.role in ROLES_THAT_NAME_OTHERS:
            sheet.create_referenced = st.checkbox(
                tr("importrefs.create_referenced"),
                value=sheet.create_referenced,
                key=f"{widget_key}_refs",
                help=tr("importrefs.create_referenced_help"),
            )
        if sheet.mapping_source == "saved":
            st.success(tr("importpage.mapping_remembered"))
        mapping_editor(sheet, widget_key)


def mapping_editor(sheet: PreparedSheet, widget_key: str) -> None:
    """A table of the sheet's columns, an example of each, and the field it goes to (editable)."""
    from lib.ingest.contact_lists import valid_fields

    ignore = tr("importpage.ignore_column")
    labels = {field: tr(f"field.{field}") for field in valid_fields(sheet.role)}
    by_label = {label: field for field, label in labels.items()}
    examples = column_examples(sheet)
    frame = pd.DataFrame(
        {
            tr("importpage.col_column"): sheet.columns,
            tr("importpage.col_example"): examples,
            tr("importpage.col_field"): [labels.get(f, ignore) if f else ignore for f in sheet.mapping],
        }
    )
    edited = st.data_editor(
        frame,
        hide_index=True,
        width="stretch",
        disabled=[tr("importpage.col_column"), tr("importpage.col_example")],
        column_config={
            tr("importpage.col_field"): st.column_config.SelectboxColumn(
                options=[ignore, *labels.values()], required=True, help=tr("importpage.col_field_help")
            ),
        },
        key=f"{widget_key}_map_{sheet.role}",
        placeholder="",
    )
    sheet.mapping = [by_label.get(value) for value in edited[tr("importpage.col_field")].tolist()]
    unmapped = [c for c, f in zip(sheet.columns, sheet.mapping, strict=False) if f is None]
    if unmapped:
        st.caption(tr_md("importpage.unmapped", count=len(unmapped), columns=", ".join(unmapped[:12])))


def update_choice(prepared: PreparedFile, widget_key: str) -> None:
    """Per file: fill only the empty fields of records that exist (the default), or let the file win."""
    current = prepared.sheets[0].update_mode if prepared.sheets else UPDATE_MODES[0]
    mode = st.radio(
        tr("importrefs.update_label"),
        options=list(UPDATE_MODES),
        index=list(UPDATE_MODES).index(current) if current in UPDATE_MODES else 0,
        format_func=shown_as({code: tr(f"importrefs.update.{code}") for code in UPDATE_MODES}),
        horizontal=True,
        help=tr("importrefs.update_help"),
        key=f"{widget_key}_update",
    )
    for sheet in prepared.sheets:
        sheet.update_mode = mode


def created_section(result: ImportResult, key: str) -> None:
    """What the import creates (every kind, also what no row counts as new), what it creates because
    the files name it, and every field it changes in records that exist, old and new."""
    created = result.created or {}
    st.markdown("**" + tr("importrefs.created_heading") + "**")
    for column, kind in zip(st.columns(len(CREATED_SHOWN)), CREATED_SHOWN, strict=True):
        column.metric(tr(f"importrefs.created.{kind}"), escape_markdown(format_number(created.get(kind, 0), lang())))
    what = referenced_summary(result.referenced_counts, lang())
    if what:
        with st.expander(tr("importrefs.referenced_heading"), expanded=True):
            st.markdown(tr_md("importrefs.referenced_intro", what=what))
            st.dataframe(
                pd.DataFrame(referenced_rows(result, lang())),
                hide_index=True,
                width="stretch",
                key=f"{key}_referenced",
                placeholder="",
            )
            if result.referenced_total and result.referenced_total > len(result.referenced):
                st.caption(
                    tr_md("importrefs.referenced_shown", shown=len(result.referenced), total=result.referenced_total)
                )
    total = result.change_total or len(result.changes)
    if total:
        with st.expander(tr_md("importrefs.changes_heading", count=total)):
            st.dataframe(
                pd.DataFrame(change_rows(result, lang())),
                hide_index=True,
                width="stretch",
                key=f"{key}_changes",
                placeholder="",
            )
            if total > len(result.changes):
                st.caption(tr_md("importrefs.changes_shown", shown=len(result.changes), total=total))
    kept = result.kept_total or len(result.kept)
    if kept:
        with st.expander(tr_md("importrefs.kept_heading", count=kept)):
            st.caption(tr("importrefs.kept_intro"))
            st.dataframe(
                pd.DataFrame(change_rows(result, lang(), kept=True)),
                hide_index=True,
                width="stretch",
                key=f"{key}_kept",
                placeholder="",
            )
            if kept > len(result.kept):
                st.caption(tr_md("importrefs.changes_shown", shown=len(result.kept), total=kept))


def staff_column_notices(result: ImportResult) -> None:
    """Ask about each unused column whose values are the library's staff: the ties it would give are
    missing from the preview's count of relations; and say which contact dates are not stored for want
    of a staff column."""
    for sheet, column in result.staff_like_columns:
        st.warning(tr_md("importpage.staff_like_column", column=column, sheet=sheet))
    for sheet, column in result.unkept_tie_dates:
        st.warning(tr_md("importpage.unkept_tie_dates", column=column, sheet=sheet))


def counts_row(counts: Mapping[str, int], outcomes: Sequence[str] = OUTCOMES) -> None:
    """The accounting of an import as metrics: rows read = the sum of ``outcomes`` (a contact list's:
    new + updated + unchanged + rejected + skipped; a planning table's: new + rejected + skipped)."""
    columns = st.columns(len(outcomes) + 1)
    reader = lang()
    columns[0].metric(tr("import.count.rows"), escape_markdown(format_number(counts.get("rows", 0), reader)))
    for column, name in zip(columns[1:], outcomes, strict=True):
        column.metric(tr(f"import.count.{name}"), escape_markdown(format_number(counts.get(name, 0), reader)))


def result_details(result: ImportResult, key: str) -> None:
    """What happened to each row, and every problem, with a downloadable Excel report when there is one.

    A result kept by ``lib.ingest.contact_lists.for_session`` holds the first rows and problems only; the page
    says so, and the report has every problem.
    """
    if result.review_pairs:
        st.info(tr_md("importpage.review_pairs", count=result.review_pairs))
    problems = pd.DataFrame(problem_rows(result, lang()))
    if not problems.empty:
        st.subheader(tr_md("importpage.problems_heading", count=result.problem_total or len(problems)))
        st.dataframe(problems, hide_index=True, width="stretch", placeholder="")
        if result.problem_total and result.problem_total > len(problems):
            st.caption(tr_md("limits.problems_shown", shown=len(problems), total=result.problem_total))
    if not problems.empty or result.problem_total:  # a problem report without problems: nothing to fetch
        language = lang()
        export_download(
            tr("importpage.download_report"),
            lambda _session: import_report_xlsx(result, language),
            kind="import_report",
            people=lambda _session: report_people(result),
            file_name=tr("importpage.report_file_name") + ".xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"{key}_report",
        )
    with st.expander(tr("importpage.rows_heading")):
        outcome_filter = st.multiselect(
            tr("import.col.outcome"),
            options=list(OUTCOMES),
            default=list(OUTCOMES),
            format_func=shown_as({name: tr(f"import.count.{name}") for name in OUTCOMES}),
            select_all=False,
            placeholder=tr("widget.choose_many"),
            key=f"{key}_filter",
        )
        rows = outcome_rows(result, lang(), outcome_filter)
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", placeholder="")
        if result.outcome_total and result.outcome_total > len(result.outcomes):
            st.caption(tr_md("limits.rows_shown", shown=len(result.outcomes), total=result.outcome_total))
        if result.blank_rows:
            st.caption(tr_md("importpage.blank_rows", n=result.blank_rows))


def word_picker(result: ImportResult, choices: dict[str, dict[str, str | None]]) -> None:
    """The words of the files that no built-in word fits, listed once per vocabulary, each with a
    choice of code for the whole file (issue 11).

    A choice goes into ``choices`` ({vocabulary: {word key: code or None}}), which the page passes to
    the preview and to the commit alike (``lib.ingest.contact_lists.run_import(words=…)``); a word someone chose
    before is listed too, with that choice, so it can be changed.
    """
    for vocabulary in VOCABULARIES:
        uses = result.unknown_words.get(vocabulary) or []
        if not uses:
            continue
        open_words = unknown(uses)
        if open_words:
            named = named_words([use.word for use in open_words], lang())
            st.warning(tr_md(f"vocab.unknown.{vocabulary}", count=len(open_words), words=named))
        with st.expander(tr(f"vocab.picker.{vocabulary}"), expanded=bool(open_words)):
            st.caption(tr("vocab.picker.help"))
            if not open_words:
                st.caption(tr(f"vocab.all_chosen.{vocabulary}"))
            labels = {
                BLANK: tr(f"vocab.keep.{vocabulary}"),
                **{code: label(LABEL_PREFIX[vocabulary], code, lang()) for code in CODES[vocabulary]},
            }
            options = list(labels)
            for use in uses:
                widget_key = f"imp_word_{vocabulary}_{hashlib.sha256(use.key.encode()).hexdigest()[:12]}"
                st.selectbox(
                    tr_md("vocab.picker.word", word=use.word, count=use.rows),
                    options=options,
                    index=options.index(use.code) if use.code in options else 0,
                    format_func=shown_as(labels),
                    placeholder=tr("widget.choose_one"),
                    key=widget_key,
                    on_change=_choose_word,
                    args=(choices, vocabulary, use.key, widget_key),
                )
                if use.source == "remembered":
                    st.caption(tr("vocab.remembered"))


def _choose_word(choices: dict[str, dict[str, str | None]], vocabulary: str, key: str, widget_key: str) -> None:
    chosen = st.session_state.get(widget_key)
    choices.setdefault(vocabulary, {})[key] = chosen if chosen not in (BLANK, None) else None


def batch_table(data: ImportPageData) -> pd.DataFrame:
    """Earlier imports as a table, newest first."""
    return pd.DataFrame(batch_rows(data.batches, lang(), data.zone))
