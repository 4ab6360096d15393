"""The tab "Overdragelse" of the page "Organisation": hand a leaving colleague's ties, partnerships, goals and
offers to one or more colleagues, previewed, confirmed, and undone if need be.

The preview and the change are :mod:`lib.planning.handover`'s; the tables come from
:mod:`lib.planning.handover_page`. The handover and its undo run in button callbacks through
``Messages.change``, before the page is drawn, so what the page shows afterwards is what is stored;
the outcome is kept as a message (and, after a handover, its undo button) for the next draw.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from components import clock
from components.context import actor, database, lang, principal, show_error, tr
from components.feedback import Messages
from components.safe_markdown import escape_markdown, tr_md
from components.tables import Col, show_table
from lib.core.access import can
from lib.core.errors import UserFacingError
from lib.planning import handover
from lib.planning import handover_page as page

PREFIX = "org_handover_"
FLASH_KEY = PREFIX + "flash"
FROM, TO, MODE, END_STAFF = PREFIX + "from", PREFIX + "to", PREFIX + "mode", PREFIX + "end_staff"
CONFIRM = PREFIX + "confirm"
#: The main receiver the choices per partnership were last drawn with.
MAIN = PREFIX + "main"
UNDO = PREFIX + "undo"
#: The handover just made (its event id and the leaving colleague's name), while it can be undone here.
DONE = PREFIX + "done"
MODES = ("all", "per_partnership")
SLOT = "handover"

TIE_COLUMNS = (
    Col("party", "handover.col.party"),
    Col("party_kind_label", "handover.col.party_kind"),
    Col("relation_kind_label", "handover.col.relation_kind"),
    Col("strength", "handover.col.strength", "number"),
    Col("last_contact", "handover.col.last_contact", "date"),
    Col("to", "handover.col.to"),
    Col("merged", "handover.col.merged", "bool"),
    Col(page.REASON_COLUMN, "handover.col.reason"),
)
OWNED_COLUMNS = (
    Col("title", "handover.col.title"),
    Col("to", "handover.col.to"),
    Col(page.REASON_COLUMN, "handover.col.reason"),
)
TASK_COLUMNS = (Col("task", "handover.col.task"), Col("due", "handover.col.due", "date"), Col("to", "handover.col.to"))

MESSAGES = Messages(FLASH_KEY, "organisation")


def partnership_key(partnership_id: int) -> str:
    """The widget key of the colleague chosen for one partnership."""
    return f"{PREFIX}p{partnership_id}"


def _pick(label_key: str, names: Mapping[int, str], key: str) -> int | None:
    """A selectbox of staff members (``names``) with nothing chosen at first; the chosen id or None."""
    if st.session_state.get(key) not in (None, *names):
        st.session_state[key] = None  # the colleague chosen before is no longer on the list
    chosen: int | None = st.selectbox(
        tr(label_key),
        options=list(names),
        index=None,
        format_func=lambda person_id: names[person_id],
        placeholder=tr("widget.choose_one"),
        key=key,
    )
    return chosen


def _per_partnership(from_id: int, to_id: int, names: Mapping[int, str]) -> dict[int, int]:
    """A colleague for each of the leaving colleague's partnerships (the main receiver unless changed)."""
    owned = page.owned_partnerships(database(), from_id)
    if not owned:
        return {}
    st.markdown("**" + tr_md("handover.per_partnership") + "**")
    chosen: dict[int, int] = {}
    options = list(names)
    # A partnership left to the main receiver follows them when another main receiver is chosen.
    earlier = st.session_state.get(MAIN)
    st.session_state[MAIN] = to_id
    for partnership_id, title in owned:
        key = partnership_key(partnership_id)
        if st.session_state.get(key) not in names or st.session_state.get(key) == earlier:
            st.session_state[key] = to_id
        chosen[partnership_id] = st.selectbox(
            escape_markdown(title),
            options=options,
            format_func=lambda person_id: names[person_id],
            placeholder=tr("widget.choose_one"),
            key=key,
        )
    return {pid: receiver for pid, receiver in chosen.items() if receiver != to_id}


def _preview(plan: handover.HandoverPlan) -> None:
    st.markdown("**" + tr_md("handover.preview") + "**")
    if plan.empty:
        st.info(tr_md("handover.nothing_to_move", name=plan.from_name))
        return
    counts = plan.counts()
    st.markdown(tr_md("handover.summary", **counts))
    if plan.colleague_ties:
        st.caption(tr_md("handover.colleague_ties", n=plan.colleague_ties))
    language = lang()
    if plan.chosen:
        st.caption(tr_md("handover.routes_note", name=plan.name(plan.to_id)))
        for line in page.by_receiver_lines(plan, language):
            st.markdown("- " + escape_markdown(line))
    sections: tuple[tuple[str, Any, tuple[Col, ...]], ...] = (
        ("ties", page.ties_table(plan, language), TIE_COLUMNS),
        ("partnerships", page.owned_table(plan, plan.partnerships), OWNED_COLUMNS),
        ("goals", page.owned_table(plan, plan.goals, language), OWNED_COLUMNS),
        ("offers", page.owned_table(plan, plan.offers, language), OWNED_COLUMNS),
        ("tasks", page.tasks_table(plan, language), TASK_COLUMNS),
    )
    for name, frame, columns in sections:
        if frame.empty:
            continue
        st.markdown("**" + tr_md(f"handover.section.{name}") + "**")
        shown = tuple(column for column in columns if column.name in frame.columns)
        show_table(frame, shown, key=f"{PREFIX}{name}_table")


def _apply(from_id: int, to_id: int, per_partnership: dict[int, int], end_staff: bool) -> None:
    ok, plan = MESSAGES.change(
        SLOT,
        lambda session: handover.apply_handover(
            session,
            from_id,
            to_id,
            per_partnership=per_partnership,
            end_staff=end_staff,
            today=clock.today(),
            actor=actor(),
        ),
    )
    if not ok:
        return
    st.session_state[DONE] = {"event_id": plan.event_id, "name": plan.from_name}
    for key in [key for key in st.session_state if str(key).startswith(PREFIX + "p")]:
        del st.session_state[key]
    st.session_state[FROM] = None
    st.session_state[TO] = None
    st.session_state[END_STAFF] = False
    counts = plan.counts()
    MESSAGES.flash(
        SLOT,
        "success",
        "handover.done",
        name=plan.from_name,
        ties=counts["ties"],
        partnerships=counts["partnerships"],
        goals=counts["goals"],
        offers=counts["offers"],
    )


def _undo(event_id: int) -> None:
    ok, _ = MESSAGES.change(SLOT, lambda session: handover.undo_handover(session, event_id, actor=actor()))
    if ok:
        if (st.session_state.get(DONE) or {}).get("event_id") == event_id:
            del st.session_state[DONE]
        MESSAGES.flash(SLOT, "success", "handover.undo.done")


def _undo_offer() -> None:
    """After a handover: the button that undoes it, in the same manner as undoing an import."""
    done = st.session_state.get(DONE)
    if not done:
        return
    with st.popover(tr("handover.undo.open"), icon=":material/undo:"):
        st.caption(tr("handover.undo.note"))
        st.button(tr("handover.undo.confirm"), type="primary", key=UNDO, on_click=_undo, args=(done["event_id"],))


def past_key(event_id: int) -> str:
    """The key of the button that undoes an earlier handover."""
    return f"{PREFIX}undo_{event_id}"


def _past_section() -> None:
    """The latest handovers not undone, each with its undo button."""
    past = page.undoable_handovers(database())
    if not past:
        return
    with st.expander(tr("handover.past.heading"), icon=":material/history:"):
        st.caption(tr("handover.past.help"))
        for earlier in past:
            left, right = st.columns([3, 1], vertical_alignment="center")
            left.markdown(escape_markdown(earlier.line(lang())))
            with right.popover(tr("handover.undo.open"), icon=":material/undo:"):
                st.caption(tr("handover.undo.note"))
                st.button(
                    tr("handover.undo.confirm"),
                    type="primary",
                    key=past_key(earlier.event_id),
                    on_click=_undo,
                    args=(earlier.event_id,),
                )


def handover_section(names: Mapping[int, str]) -> None:
    """Pick the leaving colleague and who takes over (all to one, or per partnership), see what moves,
    hand over; then the success message with its undo button."""
    st.subheader(tr("handover.heading"))
    st.caption(tr("handover.help"))
    MESSAGES.show(SLOT)
    _undo_offer()
    who = principal()
    if who is None or not can(who, "edit"):
        return
    _past_section()
    if len(names) < 2:
        st.info(tr("handover.need_two"))
        return
    from_id = _pick("handover.from", names, FROM)
    if from_id is None:
        return
    others = {person_id: name for person_id, name in names.items() if person_id != from_id}
    modes = {code: tr(f"handover.mode.{code}") for code in MODES}
    mode = st.radio(
        tr("handover.mode"),
        options=list(MODES),
        format_func=modes.__getitem__,
        horizontal=True,
        key=MODE,
    )
    to_id = _pick("handover.to" if mode == "all" else "handover.to_rest", others, TO)
    if to_id is None:
        return
    per_partnership = _per_partnership(from_id, to_id, others) if mode == "per_partnership" else {}
    end_staff = st.checkbox(tr("handover.end_staff"), key=END_STAFF)
    try:
        plan = page.preview_handover(
            database(), from_id, to_id, per_partnership=per_partnership, end_staff=end_staff, today=clock.today()
        )
    except UserFacingError as error:
        show_error(error)
        return
    _preview(plan)
    if not plan.empty:
        st.button(
            tr("handover.confirm"),
            type="primary",
            key=CONFIRM,
            on_click=_apply,
            args=(from_id, to_id, per_partnership, end_staff),
        )
