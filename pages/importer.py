"""Importér: bring contact lists in, see exactly what will happen, commit, and undo.

The page draws its widgets in order and calls ``components.importer``, whose ``ImportPageState`` owns
every session-state key of the page and whose ``undo_flow`` undoes an import here as on every page.
"""

from __future__ import annotations

import streamlit as st

from components.calendar_import import calendar_import_section
from components.context import database, require_page, tr
from components.importer import (
    ACCEPTED_TYPES,
    SLOT,
    UPLOAD_MEGABYTES,
    ImportPageState,
    examples,
    history_section,
    last_section,
    preview_section,
    read_uploads,
    sheets_section,
)
from components.safe_markdown import tr_md
from lib.ingest.import_page import import_page_data

require_page("import")

db = database()
state = ImportPageState()

st.title(tr("importpage.title"))
st.markdown(tr("importpage.intro"))
state.messages.show(SLOT)

uploads = st.file_uploader(
    tr("importpage.upload_label"),
    type=ACCEPTED_TYPES,
    accept_multiple_files=True,
    help=tr_md("importpage.upload_help") + " " + tr_md("widget.upload_help", megabytes=UPLOAD_MEGABYTES),
    key=state.uploader(),
)
waiting = st.empty()
read_uploads(state, db, uploads or [], waiting)
data = import_page_data(db)
examples(state, db, data, waiting)

sheets = sheets_section(state)
if sheets is not None:
    preview_section(state, db, sheets)
last_section(state)
history_section(state, data)
st.divider()
calendar_import_section()
