"""Bulk load from an Excel template: download the template, upload it filled in, see a preview, load,
and undo the load. One component for goals, partnerships, assessments and evaluation answers.

The file is read once per upload (the preview is kept under the page's own session-state key, so it
survives reruns); nothing is stored until the user presses "Load", and the load goes through the
same safe import path and accounting as the preview (``lib.ingest.planning_tables``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import pandas as pd
import streamlit as st

from components.context import actor, lang, show_error, tr
from components.downloads import download_naming_nobody
from components.import_views import counts_row
from components.importer import UNDO_TABLE_LOAD, UploadKeys, told_when_waiting, undo_flow
from components.progress import progress_bar
from components.safe_markdown import tr_md
from lib.core.config import DEFAULT_LIMITS
from lib.core.errors import UserFacingError
from lib.ingest.import_page import file_digest
from lib.ingest.planning_tables import OUTCOMES, TableImportResult, for_session
from lib.planning.templates import template_file_name, template_xlsx

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: What the load created, in the order it is told; organisation links are bookkeeping, not news.
_TOLD_TABLES = (
    "goals",
    "goal_measurements",
    "partnerships",
    "organisations",
    "assessments",
    "evaluation_rounds",
    "evaluation_responses",
)

RunImport = Callable[..., TableImportResult]
"""``run_import(file_name, data, *, commit, actor, progress)``: preview (commit False) or load the file."""


def _keys(key: str) -> UploadKeys:
    """The section's session-state keys: ``<key>_import_preview``, ``<key>_import_last``,
    ``<key>_import_flash`` and the uploader ``<key>_uploader_<n>``."""
    return UploadKeys(f"{key}_import", uploader=key, page=key)


def _clear_upload(keys: UploadKeys) -> None:
    st.session_state.pop(keys.preview_key, None)
    keys.new_uploader()


def _forget_last(keys: UploadKeys) -> None:
    st.session_state.pop(keys.last_key, None)


def created_md(result: TableImportResult) -> str:
    """What a load created, e.g. "3 mål, 12 målinger", in the user's language."""
    parts = [
        tr_md(f"template_import.created.{table}", count=result.created[table])
        for table in _TOLD_TABLES
        if result.created.get(table)
    ]
    return ", ".join(parts) if parts else tr("template_import.created.nothing")


def _commit(keys: UploadKeys, run_import: RunImport) -> None:
    preview = st.session_state.get(keys.preview_key)
    if not preview:
        return
    _digest_value, name, data, _result = preview
    try:
        result = run_import(name, data, commit=True, actor=actor())
    except UserFacingError as error:
        keys.messages.flash("import", "error", error=error)
        return
    st.session_state[keys.last_key] = for_session(result)
    _clear_upload(keys)


def _problems(result: TableImportResult, key: str) -> None:
    if result.problems:
        st.markdown("**" + tr_md("template_import.problems", count=result.problem_total or len(result.problems)) + "**")
        st.dataframe(
            pd.DataFrame(result.problem_rows(lang())), hide_index=True, width="stretch", key=key, placeholder=""
        )
        if result.problem_total and result.problem_total > len(result.problems):
            st.caption(tr_md("limits.template_problems_shown", shown=len(result.problems), total=result.problem_total))


def _read_upload(keys: UploadKeys, run_import: RunImport) -> None:
    """Preview the uploaded file once per file; forget the preview when the file is removed."""
    upload = st.file_uploader(
        tr("template_import.upload"),
        type=["xlsx", "xlsm", "xls", "csv"],
        help=tr("widget.upload_help", megabytes=DEFAULT_LIMITS.max_file_bytes // 2**20),
        key=keys.uploader(),
    )
    if upload is None:
        st.session_state.pop(keys.preview_key, None)
        return
    data = upload.getvalue()
    digest = file_digest(upload.name, data)
    preview = st.session_state.get(keys.preview_key)
    if preview is not None and preview[0] == digest:
        return
    waiting = st.empty()
    try:
        with told_when_waiting(waiting), progress_bar() as progress:
            result = run_import(upload.name, data, commit=False, progress=progress)
    except UserFacingError as error:
        show_error(error)
        st.session_state.pop(keys.preview_key, None)
        return
    st.session_state[keys.preview_key] = (digest, upload.name, data, for_session(result))


def _show_preview(keys: UploadKeys, run_import: RunImport) -> None:
    preview = st.session_state.get(keys.preview_key)
    if preview is None:
        return
    result: TableImportResult = preview[3]
    st.caption(tr("template_import.preview_caption"))
    counts_row(result.counts, OUTCOMES)
    _problems(result, f"{keys.key}_import_preview_problems")
    left, right, _space = st.columns([1, 1, 3])
    if result.counts.get("inserted", 0):
        left.button(
            tr("template_import.button"),
            type="primary",
            on_click=_commit,
            args=(keys, run_import),
            key=f"{keys.key}_import_commit",
        )
    else:
        st.info(tr("template_import.nothing_to_import"))
    right.button(tr("template_import.clear"), on_click=_clear_upload, args=(keys,), key=f"{keys.key}_import_clear")


def _show_last(keys: UploadKeys) -> None:
    last: TableImportResult | None = st.session_state.get(keys.last_key)
    if last is None:
        return
    if last.batch_id is None:
        st.info(tr("template_import.nothing_to_import"))
        return
    st.success(tr("template_import.done", created=created_md(last), batch=int(last.batch_id)))
    counts_row(last.counts, OUTCOMES)
    _problems(last, f"{keys.key}_import_last_problems")
    undo_flow(
        int(last.batch_id),
        wording=UNDO_TABLE_LOAD,
        messages=keys.messages,
        slot="import",
        key=f"{keys.key}_import_undo",
        forget=functools.partial(_forget_last, keys),
    )


def template_import_section(kind: str, run_import: RunImport, *, key: str) -> None:
    """Template download, upload with preview, load, and undo of the last load.

    ``kind`` is one of ``lib.planning.templates.TEMPLATES``; ``run_import(file_name, data, *, commit, actor)``
    previews or loads a file; ``key`` prefixes every widget and session-state key of the section, so
    several sections can live on one page (widget keys: ``<key>_template``, ``<key>_uploader_<n>``,
    ``<key>_import_commit``, ``<key>_import_clear``, ``<key>_import_undo``).
    """
    keys = _keys(key)
    st.markdown(tr(f"template_import.intro.{kind}") + " " + tr("template_import.how"))
    keys.messages.show("import")
    download_naming_nobody(
        tr("template_import.template"),
        template_xlsx(kind, lang()),
        file_name=template_file_name(kind, lang()),
        mime=XLSX_MIME,
        key=f"{key}_template",
        icon=":material/download:",
    )
    _read_upload(keys, run_import)
    _show_preview(keys, run_import)
    _show_last(keys)
