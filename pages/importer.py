"""Importér: bring contact lists in, see exactly what will happen, commit, and undo."""

from __future__ import annotations

import hashlib
import json

import streamlit as st

from components.context import actor, database, require_page, show_error, tr
from components.import_examples import example_section
from components.import_views import (
    batch_table,
    counts_row,
    created_section,
    file_digest,
    result_details,
    sheet_settings,
    show_notices,
    show_refused,
    update_choice,
    word_picker,
)
from components.safe_markdown import escape_markdown, tr_md
from lib.core.config import DEFAULT_LIMITS
from lib.core.errors import UserFacingError
from lib.ingest.contact_lists import (
    ImportResult,
    PreparedFile,
    for_session,
    list_batches,
    prepare_file,
    run_import,
    undo_import,
)
from lib.ingest.safe_read import notify_when_waiting
from lib.library.setup import is_empty_workspace

require_page("import")

FILES_KEY = "imp_files"
PREVIEW_KEY = "imp_preview"
LAST_KEY = "imp_last"
UPLOADER_GENERATION = "imp_uploader_generation"
EXAMPLES_KEY = "imp_example_files"
#: The codes chosen in the preview for words no built-in word fits: {vocabulary: {word key: code}}.
WORDS_KEY = "imp_word_choices"
ACCEPTED_TYPES = ["xlsx", "xlsm", "xls", "csv", "txt"]

db = database()
st.session_state.setdefault(FILES_KEY, {})
st.session_state.setdefault(UPLOADER_GENERATION, 0)
word_choices: dict[str, dict[str, str | None]] = st.session_state.setdefault(WORDS_KEY, {})
prepared_files: dict[str, PreparedFile] = st.session_state[FILES_KEY]

st.title(tr("importpage.title"))
st.markdown(tr("importpage.intro"))
flash = st.session_state.pop("imp_flash", None)
if flash:
    st.success(escape_markdown(flash))

#: What the uploader's own (English) "… MB per file" says, in the user's language (.streamlit/config.toml).
UPLOAD_MEGABYTES = DEFAULT_LIMITS.max_file_bytes // 2**20
uploads = st.file_uploader(
    tr("importpage.upload_label"),
    type=ACCEPTED_TYPES,
    accept_multiple_files=True,
    help=tr("importpage.upload_help") + " " + tr("widget.upload_help", megabytes=UPLOAD_MEGABYTES),
    key=f"imp_uploader_{st.session_state[UPLOADER_GENERATION]}",
)


def _drop_preview() -> None:
    preview = st.session_state.pop(PREVIEW_KEY, None)
    if preview is not None:
        preview[1].discard()


def _set_last(result: ImportResult | None) -> None:
    previous = st.session_state.pop(LAST_KEY, None)
    if previous is not None:
        previous.discard()
    if result is not None:
        st.session_state[LAST_KEY] = result


def _clear_files() -> None:
    # The files' rows and the preview's problems wait on disk; nothing is left of them afterwards.
    for prepared in st.session_state.get(FILES_KEY, {}).values():
        prepared.discard()
    st.session_state[FILES_KEY] = {}
    st.session_state[EXAMPLES_KEY] = set()
    st.session_state[WORDS_KEY] = {}
    _drop_preview()
    st.session_state[UPLOADER_GENERATION] += 1


waiting = st.empty()
for upload in uploads or []:
    data = upload.getvalue()
    digest = file_digest(upload.name, data)
    if digest not in prepared_files:
        with (
            st.spinner(tr_md("importpage.reading", file=upload.name)),
            notify_when_waiting(lambda: waiting.info(tr("limits.parse_waiting"))),
        ):
            prepared_files[digest] = prepare_file(db, upload.name, data, spool=True)
        waiting.empty()
        _drop_preview()

# Files loaded from "Prøv med et eksempel" are not in the uploader, yet stay until cleared.
examples: set[str] = st.session_state.setdefault(EXAMPLES_KEY, set())
current = {file_digest(u.name, u.getvalue()) for u in uploads or []} | examples
for digest in [d for d in prepared_files if d not in current]:
    prepared_files.pop(digest).discard()
    _drop_preview()


def _load_example(file_name: str, data: bytes) -> None:
    """An example file, read exactly as an upload is (``prepare_file``), then previewed."""
    digest = file_digest(file_name, data)
    with (
        st.spinner(tr_md("importpage.reading", file=file_name)),
        notify_when_waiting(lambda: waiting.info(tr("limits.parse_waiting"))),
    ):
        prepared_files[digest] = prepare_file(db, file_name, data, spool=True)
    waiting.empty()
    examples.add(digest)
    _drop_preview()


if not prepared_files:
    with db.read() as session:
        workspace_empty = is_empty_workspace(session)
    example_section(_load_example, expanded=workspace_empty)


readable = [f for f in prepared_files.values() if f.error is None]
for prepared in prepared_files.values():
    if prepared.error is not None:
        show_refused(prepared)

if readable:
    st.header(tr("importpage.step_sheets"))
    for prepared in readable:
        st.subheader(escape_markdown(prepared.file_name))
        show_notices(prepared)
        if not prepared.sheets:
            st.warning(tr("importpage.no_sheets"))
        digest = next(d for d, f in prepared_files.items() if f is prepared)
        if prepared.sheets:
            update_choice(prepared, widget_key=f"imp_{digest}")
        for index, sheet in enumerate(prepared.sheets):
            sheet_settings(sheet, widget_key=f"imp_{digest}_{index}")

    sheets = [sheet for prepared in readable for sheet in prepared.sheets]
    fingerprint = hashlib.sha256(
        json.dumps(
            [
                [(s.label, s.include, s.role, s.mapping, s.create_referenced, s.update_mode) for s in sheets],
                word_choices,
            ],
            sort_keys=True,
        ).encode()
    ).hexdigest()

    st.header(tr("importpage.step_preview"))
    if not any(s.include for s in sheets):
        st.info(tr("importpage.choose_a_sheet"))
    else:
        preview = st.session_state.get(PREVIEW_KEY)
        if preview is None or preview[0] != fingerprint:
            _drop_preview()
            try:
                with st.spinner(tr("importpage.previewing")):
                    preview = (fingerprint, for_session(run_import(db, sheets, commit=False, words=word_choices)))
            except UserFacingError as error:  # the rows on disk are gone: the file must be chosen again
                show_error(error)
                _clear_files()
                preview = None
            else:
                st.session_state[PREVIEW_KEY] = preview
        if preview is not None:
            result = preview[1]
            st.caption(tr("importpage.preview_caption"))
            counts_row(result.counts)
            created_section(result, key="imp_preview")
            word_picker(result, word_choices)
            result_details(result, key="imp_preview")

            st.header(tr("importpage.step_commit"))
            left, right, _space = st.columns([1, 1, 4])
            if left.button(tr("importpage.commit_button"), type="primary", key="imp_commit"):
                try:
                    committed = run_import(db, sheets, commit=True, actor=actor(), words=word_choices)
                except UserFacingError as error:
                    show_error(error)
                else:
                    _set_last(for_session(committed))
                    _clear_files()
                    st.rerun()
            right.button(tr("importpage.clear_button"), on_click=_clear_files, key="imp_clear")

last = st.session_state.get(LAST_KEY)
if last is not None:
    if last.batch_id is None:
        st.info(tr_md("importpage.nothing_changed", rows=last.counts["rows"]))
    else:
        st.success(tr_md("importpage.committed", batch=last.batch_id, **last.counts))
    counts_row(last.counts)
    if last.batch_id is not None:
        created_section(last, key="imp_last")
    if last.problems:
        result_details(last, key="imp_last")
    if last.batch_id is not None and st.button(tr("importpage.undo_this"), key="imp_undo_last"):
        try:
            undo_import(db, last.batch_id, actor=actor())
        except UserFacingError as error:
            show_error(error)
        else:
            st.session_state["imp_flash"] = tr("importpage.undone", batch=last.batch_id)
            _set_last(None)
            st.rerun()

st.header(tr("importpage.history"))
with db.read() as session:
    batches = list_batches(session)
if not batches:
    st.caption(tr("importpage.no_history"))
else:
    st.dataframe(batch_table(batches), hide_index=True, width="stretch", placeholder="")
    undoable = [b for b in batches if b.status == "committed"]
    if undoable:
        with st.form("imp_undo_form"):
            chosen = st.selectbox(
                tr("importpage.undo_choose"),
                options=[b.id for b in undoable],
                format_func=lambda batch_id: next(f"#{b.id} · {b.file_name}" for b in undoable if b.id == batch_id),
                placeholder=tr("widget.choose_one"),
            )
            confirmed = st.checkbox(tr("importpage.undo_confirm"))
            if st.form_submit_button(tr("importpage.undo_button")):
                if not confirmed:
                    st.warning(tr("importpage.undo_needs_confirm"))
                else:
                    try:
                        undo_import(db, int(chosen), actor=actor())
                    except UserFacingError as error:
                        show_error(error)
                    else:
                        _set_last(None)
                        _drop_preview()
                        st.session_state["imp_flash"] = tr("importpage.undone", batch=chosen)
                        st.rerun()
