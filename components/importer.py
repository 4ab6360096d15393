"""The importer: the session state of the import page, its sections, and the one undo flow of every import.

``ImportPageState`` owns every session-state key of the import page (the files read, the preview, the
last result, the uploader's generation, the example files, the chosen words and the kept message);
``UploadKeys`` is the part it shares with the planning tables' bulk load (``components.template_import``).
``undo_flow`` is the one way an import is undone, on the import page (the last import and a chosen
earlier one) and on the planning pages alike: a button that opens the same confirmation, the undo
through ``lib.ingest.contact_lists.undo_import`` (which hands planning batches on), and the outcome as
a kept message shown on the next draw.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

import streamlit as st

from components.context import actor, database, show_error, tr
from components.feedback import Messages
from components.import_examples import example_section
from components.import_views import (
    batch_table,
    counts_row,
    created_section,
    result_details,
    sheet_settings,
    show_notices,
    show_refused,
    staff_column_notices,
    update_choice,
    word_picker,
)
from components.progress import progress_bar
from components.safe_markdown import escape_markdown, tr_md
from lib.core.config import DEFAULT_LIMITS
from lib.core.errors import UserFacingError
from lib.ingest.contact_lists import (
    ImportResult,
    PreparedFile,
    PreparedSheet,
    for_session,
    prepare_file,
    run_import,
    undo_import,
)
from lib.ingest.import_page import ImportPageData, batch_label, file_digest, preview_fingerprint
from lib.ingest.safe_read import notify_when_waiting

if TYPE_CHECKING:
    from streamlit.delta_generator import DeltaGenerator
    from streamlit.runtime.uploaded_file_manager import UploadedFile

    from lib.db import Database

ACCEPTED_TYPES = ["xlsx", "xlsm", "xls", "csv", "txt"]
#: What the uploader's own (English) "… MB per file" says, in the user's language (.streamlit/config.toml).
UPLOAD_MEGABYTES = DEFAULT_LIMITS.max_file_bytes // 2**20
#: Where the import page's kept messages are shown (under the intro).
SLOT = "import"


class UploadKeys:
    """The session-state keys of one upload → preview → load → undo section.

    ``prefix`` names the kept preview, last result and message (``<prefix>_preview``, ``<prefix>_last``,
    ``<prefix>_flash``); ``uploader`` names the uploader widget (``<uploader>_uploader_<n>``), whose
    generation goes up to empty it after a load: Streamlit offers no other way to clear it.
    """

    def __init__(self, prefix: str, *, uploader: str, page: str) -> None:
        self.preview_key = f"{prefix}_preview"
        self.last_key = f"{prefix}_last"
        self.generation_key = f"{uploader}_uploader_generation"
        #: The prefix of the section's widget keys.
        self.key = uploader
        self.messages = Messages(f"{prefix}_flash", page)

    def uploader(self) -> str:
        """The uploader widget's key of this draw."""
        return f"{self.key}_uploader_{st.session_state.setdefault(self.generation_key, 0)}"

    def new_uploader(self) -> None:
        """An empty uploader on the next draw."""
        st.session_state[self.generation_key] = st.session_state.get(self.generation_key, 0) + 1


class ImportPageState(UploadKeys):
    """Every session-state key of the import page, and the changes the page makes to them.

    The files read stay on disk (spooled) until the page lets go of them: ``clear_files``,
    ``drop_preview`` and ``set_last`` discard what they forget.
    """

    def __init__(self) -> None:
        super().__init__("imp", uploader="imp", page="import")
        self.files_key = "imp_files"
        self.examples_key = "imp_example_files"
        #: The codes chosen in the preview for words no built-in word fits: {vocabulary: {word key: code}}.
        self.words_key = "imp_word_choices"
        #: The earlier import chosen in the history for undoing.
        self.undo_choice_key = "imp_undo_choice"
        st.session_state.setdefault(self.files_key, {})
        st.session_state.setdefault(self.examples_key, set())
        st.session_state.setdefault(self.words_key, {})

    @property
    def files(self) -> dict[str, PreparedFile]:
        """The files read, by :func:`lib.ingest.import_page.file_digest`."""
        files: dict[str, PreparedFile] = st.session_state[self.files_key]
        return files

    @property
    def examples(self) -> set[str]:
        """The digests of the files loaded from "Prøv med et eksempel": not in the uploader, yet kept."""
        examples: set[str] = st.session_state[self.examples_key]
        return examples

    @property
    def words(self) -> dict[str, dict[str, str | None]]:
        words: dict[str, dict[str, str | None]] = st.session_state[self.words_key]
        return words

    @property
    def last(self) -> ImportResult | None:
        """The result of the last import stored from this page, until it is undone or replaced."""
        result: ImportResult | None = st.session_state.get(self.last_key)
        return result

    def preview(self, fingerprint: str) -> ImportResult | None:
        """The kept preview, when it was made for the choices ``fingerprint`` stands for."""
        kept = st.session_state.get(self.preview_key)
        return kept[1] if kept is not None and kept[0] == fingerprint else None

    def keep_preview(self, fingerprint: str, result: ImportResult) -> None:
        st.session_state[self.preview_key] = (fingerprint, result)

    def drop_preview(self) -> None:
        preview = st.session_state.pop(self.preview_key, None)
        if preview is not None:
            preview[1].discard()

    def set_last(self, result: ImportResult | None) -> None:
        previous = st.session_state.pop(self.last_key, None)
        if previous is not None:
            previous.discard()
        if result is not None:
            st.session_state[self.last_key] = result

    def forget_undone(self) -> None:
        """After an undo: neither the last result nor a preview made before it still holds."""
        self.set_last(None)
        self.drop_preview()

    def add_file(self, digest: str, prepared: PreparedFile, *, example: bool = False) -> None:
        self.files[digest] = prepared
        if example:
            self.examples.add(digest)
        self.drop_preview()

    def keep_only(self, digests: set[str]) -> None:
        """Let go of every file read that is neither among ``digests`` (the uploads) nor an example."""
        for digest in [d for d in self.files if d not in digests | self.examples]:
            self.files.pop(digest).discard()
            self.drop_preview()

    def clear_files(self) -> None:
        # The files' rows and the preview's problems wait on disk; nothing is left of them afterwards.
        for prepared in self.files.values():
            prepared.discard()
        st.session_state[self.files_key] = {}
        st.session_state[self.examples_key] = set()
        st.session_state[self.words_key] = {}
        self.drop_preview()
        self.new_uploader()


# --- the one undo flow ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class UndoWording:
    """The words of an undo: the import page says "import", the planning pages "indlæsning".

    ``open`` labels the button that opens the confirmation, ``confirm`` the button in it that undoes,
    ``done`` is the message afterwards (with ``{batch}``); every key is in the translation table.
    """

    open: str
    confirm: str
    done: str


#: The last import of contact lists, and a chosen earlier import of any kind.
UNDO_LAST_IMPORT = UndoWording("importpage.undo_this", "importpage.undo_confirm", "importpage.undone")
UNDO_CHOSEN_IMPORT = UndoWording("importpage.undo_button", "importpage.undo_confirm", "importpage.undone")
#: The last load of a planning table (goals, partnerships, assessments, survey answers).
UNDO_TABLE_LOAD = UndoWording("template_import.undo", "import_undo.confirm_table", "template_import.undone")


def undo_flow(
    batch_id: int,
    *,
    wording: UndoWording,
    messages: Messages,
    slot: str,
    key: str,
    forget: Callable[[], None],
) -> None:
    """A button that opens the confirmation of undoing import ``batch_id``; its confirm button (widget key
    ``key``) undoes it, calls ``forget`` (the section lets go of what the import showed) and keeps the
    outcome, done or refused, as the message of ``slot`` in ``messages`` for the next draw."""
    with st.popover(tr(wording.open), icon=":material/undo:"):
        st.caption(tr("import_undo.note"))
        st.button(
            tr(wording.confirm),
            type="primary",
            key=key,
            on_click=_undo,
            args=(batch_id, wording, messages, slot, forget),
        )


def _undo(batch_id: int, wording: UndoWording, messages: Messages, slot: str, forget: Callable[[], None]) -> None:
    try:
        undo_import(database(), batch_id, actor=actor())
    except UserFacingError as error:
        messages.flash(slot, "error", error=error)
        return
    forget()
    messages.flash(slot, "success", wording.done, batch=batch_id)


# --- the import page's sections ------------------------------------------------------------------------


@contextmanager
def told_when_waiting(waiting: DeltaGenerator) -> Iterator[None]:
    """While a file waits for a free parser, ``waiting`` says so; it is emptied afterwards."""

    def tell() -> None:
        waiting.info(tr("limits.parse_waiting"))

    try:
        with notify_when_waiting(tell):
            yield
    finally:
        waiting.empty()


def _read(db: Database, file_name: str, data: bytes, waiting: DeltaGenerator) -> PreparedFile:
    """``file_name`` read as every upload is, with a spinner and the line that says it waits for others."""
    spinner = st.spinner(tr_md("importpage.reading", file=file_name))
    with spinner, told_when_waiting(waiting), progress_bar() as progress:
        return prepare_file(db, file_name, data, spool=True, progress=progress)


def read_uploads(state: ImportPageState, db: Database, uploads: list[UploadedFile], waiting: DeltaGenerator) -> None:
    """Read each new upload once; let go of the files no longer uploaded (the examples stay)."""
    digests = set()
    for upload in uploads:
        data = upload.getvalue()
        digest = file_digest(upload.name, data)
        digests.add(digest)
        if digest not in state.files:
            state.add_file(digest, _read(db, upload.name, data, waiting))
    state.keep_only(digests)


def examples(state: ImportPageState, db: Database, data: ImportPageData, waiting: DeltaGenerator) -> None:
    """The examples (»Prøv med et eksempel«) while no file is read: open by itself in an empty workspace. An example is
    read exactly as an upload is (``prepare_file``), then previewed."""
    if state.files:
        return

    def load(file_name: str, content: bytes) -> None:
        state.add_file(file_digest(file_name, content), _read(db, file_name, content, waiting), example=True)

    example_section(load, expanded=data.workspace_empty)


def sheets_section(state: ImportPageState) -> list[PreparedSheet] | None:
    """The refused files' messages, then each readable file's notices and sheets with their settings.
    Returns every sheet of the readable files; None when no file is readable."""
    readable = [(digest, f) for digest, f in state.files.items() if f.error is None]
    for prepared in state.files.values():
        if prepared.error is not None:
            show_refused(prepared)
    if not readable:
        return None
    st.header(tr("importpage.step_sheets"))
    for digest, prepared in readable:
        st.subheader(escape_markdown(prepared.file_name))
        show_notices(prepared)
        if not prepared.sheets:
            st.warning(tr("importpage.no_sheets"))
            continue
        update_choice(prepared, widget_key=f"imp_{digest}")
        for index, sheet in enumerate(prepared.sheets):
            sheet_settings(sheet, widget_key=f"imp_{digest}_{index}")
    return [sheet for _digest, prepared in readable for sheet in prepared.sheets]


def preview_section(state: ImportPageState, db: Database, sheets: list[PreparedSheet]) -> None:
    """The preview of the chosen sheets (made again when a choice changes), and the buttons that store
    the import or clear the files."""
    st.header(tr("importpage.step_preview"))
    if not any(s.include for s in sheets):
        st.info(tr("importpage.choose_a_sheet"))
        return
    fingerprint = preview_fingerprint(sheets, state.words)
    result = state.preview(fingerprint)
    if result is None:
        state.drop_preview()
        try:
            with st.spinner(tr("importpage.previewing")), progress_bar() as progress:
                result = for_session(run_import(db, sheets, commit=False, words=state.words, progress=progress))
        except UserFacingError as error:  # the rows on disk are gone: the file must be chosen again
            show_error(error)
            state.clear_files()
            return
        state.keep_preview(fingerprint, result)
    st.caption(tr("importpage.preview_caption"))
    counts_row(result.counts)
    staff_column_notices(result)
    created_section(result, key="imp_preview")
    word_picker(result, state.words)
    result_details(result, key="imp_preview")

    st.header(tr("importpage.step_commit"))
    left, right, _space = st.columns([1, 1, 4])
    if left.button(tr("importpage.commit_button"), type="primary", key="imp_commit"):
        try:
            with progress_bar() as progress:
                committed = run_import(db, sheets, commit=True, actor=actor(), words=state.words, progress=progress)
        except UserFacingError as error:
            show_error(error)
        else:
            state.set_last(for_session(committed))
            state.clear_files()
            st.rerun()
    right.button(tr("importpage.clear_button"), on_click=state.clear_files, key="imp_clear")


def last_section(state: ImportPageState) -> None:
    """What the last import from this page stored, and its undo."""
    last = state.last
    if last is None:
        return
    if last.batch_id is None:
        st.info(tr_md("importpage.nothing_changed", rows=last.counts["rows"]))
    else:
        st.success(tr_md("importpage.committed", batch=last.batch_id, **last.counts))
    counts_row(last.counts)
    if last.batch_id is not None:
        created_section(last, key="imp_last")
    if last.problems:
        result_details(last, key="imp_last")
    if last.batch_id is not None:
        undo_flow(
            last.batch_id,
            wording=UNDO_LAST_IMPORT,
            messages=state.messages,
            slot=SLOT,
            key="imp_undo_last",
            forget=state.forget_undone,
        )


def history_section(state: ImportPageState, data: ImportPageData) -> None:
    """Every earlier import, and the undo of a chosen one that can still be undone."""
    st.header(tr("importpage.history"))
    if not data.batches:
        st.caption(tr("importpage.no_history"))
        return
    st.dataframe(batch_table(data), hide_index=True, width="stretch", placeholder="")
    undoable = {batch.id: batch_label(batch) for batch in data.undoable}
    if not undoable:
        return
    if st.session_state.get(state.undo_choice_key) not in undoable:
        st.session_state.pop(state.undo_choice_key, None)  # the chosen import was undone meanwhile
    chosen = st.selectbox(
        tr("importpage.undo_choose"),
        options=list(undoable),
        format_func=undoable.__getitem__,
        placeholder=tr("widget.choose_one"),
        key=state.undo_choice_key,
    )
    if chosen is not None:
        undo_flow(
            int(chosen),
            wording=UNDO_CHOSEN_IMPORT,
            messages=state.messages,
            slot=SLOT,
            key="imp_undo_chosen",
            forget=state.forget_undone,
        )
