"""Tilgængelighedserklæring: the accessibility statement the product ships (``docs/accessibility.md``),
the Danish or the English half in the reader's language. Every role may read it; the link to it (or to
the municipality's own statement, when its address is set) is in the sidebar (``components.statement``).
"""

from __future__ import annotations

import streamlit as st

from components.context import lang, require_page, tr
from lib.library.accessibility import accessibility_statement

require_page("view_board")
# The statement is the product's own text (a file in the repository), not data: it is Markdown on purpose.
st.caption(tr("accessibility.page_caption"))
st.markdown(accessibility_statement(lang()))
