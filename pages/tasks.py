"""Mine opgaver: what is due this week and this month for the partnerships, goals and ties a staff
member holds, each registered with one click right here.

Widgets only: the pieces are in ``components.tasks_views``; what is due, and registering it, is in
``lib.planning.tasks``.
"""

from __future__ import annotations

import streamlit as st

from components import clock
from components import tasks_views as views
from components.context import database, require_page, tr
from lib.planning import tasks as tk


def _render_page() -> None:
    st.title(tr("tasks.title"))
    st.markdown(tr("tasks.intro"))
    today = clock.today()
    data = tk.tasks_page_data(database(), today)
    me = tk.my_staff_id(database())
    holder = views.holder_picker(data.staff, me)
    period = views.period_picker()
    found = data.of(holder, tk.period_end(period, today))
    views.task_list(found, today, dict(data.staff), show_holder=holder is None)
    views.calendar_section(holder, me, today)


require_page("edit")
_render_page()
