"""The link to the accessibility statement, in the sidebar of every page (issue 15).

The municipality publishes its own statement (Digitaliseringsstyrelsen's WAS tool) and sets its
address on the page "Biblioteket" (``lib.library.setup.accessibility_url``): the link then opens that
address. Until one is set, the link opens the page ``pages/accessibility.py``, which shows the
statement the product ships (``docs/accessibility.md``) in the reader's language.

The address is never put into Markdown: ``st.page_link`` takes it as the link's target, and the
label is our own translation.
"""

from __future__ import annotations

import streamlit as st
from streamlit.errors import StreamlitAPIException

from components.context import database, tr
from lib.library import pages as library_pages

STATEMENT_PAGE = "pages/accessibility.py"
ICON = ":material/accessibility_new:"


def statement_link() -> None:
    """In the sidebar: "Tilgængelighedserklæring" / "Accessibility statement", to the municipality's
    statement when its address is set, or else to the page with the shipped statement (no link when
    the user's navigation does not hold that page)."""
    url = library_pages.accessibility_url_of(database())
    with st.sidebar:
        if url:
            st.page_link(url, label=tr("nav.accessibility"), icon=ICON, help=tr("accessibility.link_help.external"))
            return
        try:
            st.page_link(
                STATEMENT_PAGE, label=tr("nav.accessibility"), icon=ICON, help=tr("accessibility.link_help.shipped")
            )
        except StreamlitAPIException:
            pass


__all__ = ["STATEMENT_PAGE", "statement_link"]
