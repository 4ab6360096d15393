"""Oversigt: the start page. Key figures of the workspace and, when it is empty, a way in."""

from __future__ import annotations

import streamlit as st

from components.context import database, show_error, tr
from lib.errors import UserFacingError
from lib.storage import get_setting, workspace_counts

db = database()
with db.read() as session:
    counts = workspace_counts(session)
    library_name = get_setting(session, "library_name")
    is_demo = get_setting(session, "demo") == "1"

st.title(library_name or tr("app.title"))
st.caption(tr("app.tagline"))
if is_demo:
    st.info(tr("overview.demo_notice"))

if counts["people"] == 0 and counts["organisations"] == 0:
    st.subheader(tr("overview.empty_heading"))
    st.markdown(tr("overview.empty_text"))
    left, right = st.columns(2)
    if left.button(tr("overview.create_demo"), type="primary", key="overview_demo"):
        from lib.demo import create_demo_workspace

        try:
            with st.spinner(tr("overview.creating_demo")):
                create_demo_workspace(db, if_empty=True)
        except UserFacingError as error:
            show_error(error)
        else:
            st.rerun()
    right.page_link("pages/importer.py", label=tr("overview.go_import"), icon=":material/upload_file:")
else:
    columns = st.columns(4)
    columns[0].metric(tr("overview.staff"), counts["staff"])
    columns[1].metric(tr("overview.contacts"), counts["people"] - counts["staff"])
    columns[2].metric(tr("overview.organisations"), counts["organisations"])
    columns[3].metric(tr("overview.relations"), counts["relations"])
    st.page_link("pages/network.py", label=tr("overview.go_network"), icon=":material/hub:")
    st.page_link("pages/contacts.py", label=tr("overview.go_contacts"), icon=":material/groups:")
    st.page_link("pages/importer.py", label=tr("overview.go_import"), icon=":material/upload_file:")
