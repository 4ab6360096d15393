"""Find vejen ind on a page: the introduction paths to an organisation or person, as a list of sentences.

UI only: the paths, their ranking and their sentences come from ``lib.network.way_in``
(docs/way_in.md). Plain text, no chart: a numbered list a screen reader reads as a list.

* :func:`show_way_in` -- the paths to one node (an organisation's or a person's node id); for the
  Netværk page's node details and beside a candidate on Partnere;
* :func:`organisation_way_in` -- a switch that shows the paths to an organisation when turned on
  (beside a candidate on Partnere; nothing is worked out until it is asked for);
* :func:`way_in_section` -- a name to search, the matches to choose from, and the paths: for a tab.

Both name people, so a user who may not see contacts (the board) is told so and shown nothing else.
"""

from __future__ import annotations

import streamlit as st

from components import clock
from components.context import database, lang, principal, tr
from components.safe_markdown import escape_markdown, tr_md
from lib.core.access import can
from lib.network import way_in as wayin
from lib.network.nodes import organisation_node

#: Paths shown at most.
SHOWN = 5
SEARCH_KEY = "wayin_search"
CHOICE_KEY = "wayin_choice"


def _may_see() -> bool:
    who = principal()
    if who is None or not can(who, "view_contacts"):
        st.info(tr("wayin.not_allowed"))
        return False
    return True


def show_way_in(target: str, *, limit: int = SHOWN) -> None:
    """The best paths to ``target`` (a node id such as ``"O12"``), one sentence each, or what is missing;
    nothing for the library's or a staff member's node."""
    if not _may_see():
        return
    today = clock.today()
    answer = wayin.way_in_answer(database(), target, today, limit=limit)
    if answer.kind not in wayin.TARGET_KINDS:
        return  # the library, a staff member or a node that is gone: nobody needs a way in there
    sentences = wayin.answer_sentences(answer, today, lang())
    if answer.paths:
        st.markdown("\n".join(f"{number}. {escape_markdown(s)}" for number, s in enumerate(sentences, start=1)))
        st.caption(tr("wayin.score_help"))
    else:
        st.markdown(escape_markdown(sentences[0]))


def way_in_section() -> None:
    """Search an organisation or person by name (case and accents do not matter) and show the way in."""
    st.caption(tr("wayin.intro"))
    if not _may_see():
        return
    name = st.text_input(tr("wayin.choose"), key=SEARCH_KEY)
    if not name.strip():
        return
    targets = wayin.search_targets(database(), name, clock.today())
    if not targets:
        st.info(tr_md("wayin.cli.unknown", name=name))
        return
    if len(targets) == 1:
        st.caption(tr_md("wayin.cli.heading", name=targets[0].name))
        show_way_in(targets[0].node)
        return
    labels = dict(zip((t.node for t in targets), wayin.target_lines(targets, lang()), strict=True))
    chosen = st.selectbox(
        tr("wayin.choose"),
        list(labels),
        format_func=labels.__getitem__,
        index=None,
        placeholder=tr("widget.choose_one"),
        key=CHOICE_KEY,
        label_visibility="collapsed",
    )
    if chosen is not None:
        show_way_in(chosen)


def organisation_way_in(organisation_id: int) -> None:
    """A switch "Find vejen ind" that shows the paths to the organisation while it is on."""
    if st.toggle(tr("wayin.title"), key=f"wayin_org_{organisation_id}", help=tr("wayin.intro")):
        show_way_in(organisation_node(organisation_id))
