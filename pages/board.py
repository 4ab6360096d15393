"""Bestyrelse: the board report, presented one section per screen and downloaded as PowerPoint, PDF or Excel.

Widgets only: the pieces are in ``components.board_views``; everything that reads the data and
writes the files is in ``lib.reporting.boardpack``.
"""

from __future__ import annotations

import streamlit as st

from components import board_views as views
from components.context import require_page, show_error, tr
from lib.core.errors import UserFacingError


def _render_page() -> None:
    st.title(tr("board.page.title"))
    st.caption(tr("board.page.intro"))
    start, end, sections = views.choices()
    if not sections:
        st.info(tr("board.page.no_sections"))
        return
    try:
        pack, key = views.load_pack(start, end, sections)
    except UserFacingError as error:
        show_error(error)
        return
    views.presentation(pack)
    st.divider()
    views.downloads(key)


require_page("view_board")
_render_page()
