"""What the network page lets staff act on right there (issue 17): register a contact on a tie going
cold, which takes it off the list, and find the way in to an organisation or person.

UI only: registering is :func:`lib.planning.tie_contacts.register_tie_contact`, the way in
``lib.network.way_in``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable

import networkx as nx
import pandas as pd
import streamlit as st

from components.context import actor, lang, principal, tr
from components.feedback import Messages
from components.way_in_views import show_way_in
from lib.core.access import can
from lib.core.i18n import format_date
from lib.network.way_in import TARGET_KINDS
from lib.planning.tie_contacts import register_tie_contact

MESSAGES = Messages("net_message", "network")
COLD_PICK_KEY = "net_cold_pick"


def register_cold_contact(shown: pd.DataFrame, day: dt.date) -> None:
    """Below the ties going cold: choose one of the rows ``shown`` (the table's first rows, never every
    cold tie of a big workspace) and register that the contact was made today."""
    who = principal()
    if who is None or not can(who, "edit") or shown.empty:
        return
    MESSAGES.show("cold")
    choices: dict[str, str] = {}
    others: dict[str, str] = {}
    for row in shown.itertuples(index=False):
        key = f"{row.source}|{row.target}"
        others[key] = str(row.other_label)
        choices[key] = tr(
            "netpage.cold.choice",
            other=row.other_label,
            owner=row.owner_label or "",
            date=format_date(row.contact_date, lang()),
        )
    if st.session_state.get(COLD_PICK_KEY) not in (None, *choices):
        st.session_state[COLD_PICK_KEY] = None  # registered meanwhile, or the months changed
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    left.selectbox(
        tr("netpage.cold.register"),
        options=list(choices),
        format_func=choices.get,
        index=None,
        placeholder=tr("widget.choose_one"),
        key=COLD_PICK_KEY,
    )
    right.button(
        tr("tasks.do.contact"), key="net_cold_register", icon=":material/done:", on_click=_register, args=(others, day)
    )


def _register(others: dict[str, str], day: dt.date) -> None:
    picked = st.session_state.get(COLD_PICK_KEY)
    if picked not in others:
        MESSAGES.flash("cold", "warning", "common.choose_entry_first")
        return
    ends = tuple(picked.split("|", 1))
    ok, _ = MESSAGES.change("cold", lambda session: register_tie_contact(session, ends, day, actor=actor()))
    if ok:
        st.session_state[COLD_PICK_KEY] = None
        MESSAGES.flash("cold", "success", "tasks.done.contact", title=others[picked])


def node_way_in(graph: nx.Graph, node: Hashable) -> None:
    """The way in to an opened organisation or contact (nothing for staff or the library)."""
    if node not in graph or graph.nodes[node].get("kind") not in TARGET_KINDS:
        return
    st.markdown(f"**{tr('wayin.title')}**")
    show_way_in(str(node))
