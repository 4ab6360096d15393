"""The pieces of the page "Mine opgaver": whose tasks, which period, and each task with the one
click that registers it. Everything that reads or changes data is in ``lib.planning.tasks``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import streamlit as st

from components.context import actor, database, lang, principal, tr
from components.downloads import export_download
from components.feedback import Messages
from components.overview_views import link
from components.safe_markdown import message_md, tr_md
from lib.core.access import can
from lib.core.config import calendar_feed_url
from lib.core.i18n import format_date
from lib.planning import calendar_feed as feed
from lib.planning import goals
from lib.planning import tasks as tk

PREFIX = "tasks"
MESSAGES = Messages("tasks_message", "tasks")
#: "Everyone" in the holder picker.
EVERYONE = -1
#: Where a task that is not registered here is dealt with.
TASK_PAGES = {"agreement_end": "pages/partnerships.py", "evaluation": "pages/evaluations.py"}
#: How many tasks of a kind each group shows, the earliest first (a big workspace holds tens of
#: thousands of ties going cold, and each task is a box with its own button).
SHOWN_WORK = 50
SHOWN_COLD_TIES = 25


def holder_picker(staff: Sequence[tuple[int, str]], me: int | None) -> int | None:
    """Whose tasks to show: the signed-in staff member's to begin with, else everyone's."""
    names = {EVERYONE: tr("tasks.everyone"), **dict(staff)}
    key = f"{PREFIX}_holder"
    if st.session_state.get(key) not in names:
        st.session_state[key] = me if me in names else EVERYONE
    chosen = st.selectbox(
        tr("tasks.holder"), options=list(names), format_func=names.get, placeholder=tr("widget.choose_one"), key=key
    )
    who = principal()
    if me is None and who is not None and not who.local:  # signed in, but not on the staff list
        st.caption(tr("tasks.not_on_staff"))
    return None if chosen == EVERYONE else chosen


def period_picker() -> str:
    labels = {period: tr(f"tasks.period.{period}") for period in tk.PERIODS}
    chosen = st.radio(
        tr("tasks.period"), options=list(labels), format_func=labels.get, horizontal=True, key=f"{PREFIX}_period"
    )
    return str(chosen)


def task_list(found: Sequence[tk.Task], today: dt.date, names: Mapping[int, str], show_holder: bool) -> None:
    """The tasks in three groups (overdue, this week, later this month), each with the partnership
    work first and its ties going cold folded away below it."""
    MESSAGES.show("list")
    if not found:
        st.info(tr("tasks.none"))
        return
    for group in tk.task_groups(found, today):
        st.subheader(tr_md(f"tasks.group.{group.name}", n=group.count))
        _task_boxes(group.work, SHOWN_WORK, today, names, show_holder)
        if group.cold_ties:
            with st.expander(tr("tasks.cold_ties", n=len(group.cold_ties)), icon=":material/ac_unit:"):
                _task_boxes(group.cold_ties, SHOWN_COLD_TIES, today, names, show_holder)


def _task_boxes(
    tasks: Sequence[tk.Task], shown: int, today: dt.date, names: Mapping[int, str], show_holder: bool
) -> None:
    """The first ``shown`` of ``tasks``, and how many more there are: registering one brings the next."""
    for task in tasks[:shown]:
        _task_box(task, today, names, show_holder)
    if len(tasks) > shown:
        more = "tasks.more_everyone" if show_holder else "big_lists.first_rows"
        st.caption(tr_md(more, shown=shown, total=len(tasks)))


def _task_box(task: tk.Task, today: dt.date, names: Mapping[int, str], show_holder: bool) -> None:
    with st.container(border=True, key=f"{PREFIX}_task_{task.uid}"):
        text, action = st.columns([3, 2], vertical_alignment="center")
        text.markdown(message_md(task))
        when = format_date(task.due, lang())
        if task.overdue(today):
            caption = tr_md("tasks.due.overdue", date=when, days=(today - task.due).days)
        else:
            caption = tr_md("tasks.due.by", date=when)
        if show_holder:
            holder = names.get(task.holder_id) if task.holder_id is not None else None
            caption += " · " + (tr_md("tasks.holder_is", name=holder) if holder else tr("tasks.no_holder"))
        text.caption(caption)
        with action:
            _action(task, today)


def _action(task: tk.Task, today: dt.date) -> None:
    key = f"{PREFIX}_do_{task.uid}"
    if task.kind in ("contact", "cold_tie"):
        st.button(
            tr("tasks.do.contact"), key=key, icon=":material/done:", on_click=_register_contact, args=(task, today)
        )
    elif task.kind == "review":
        st.button(tr("tasks.do.review"), key=key, icon=":material/done:", on_click=_register_review, args=(task, today))
    elif task.kind == "measurement":
        value, button = st.columns([3, 2], vertical_alignment="bottom")
        value.number_input(tr("tasks.measured_value"), value=None, key=f"{key}_value", step=1.0)
        button.button(
            tr("tasks.do.measure"), key=key, on_click=_register_measurement, args=(task, today, f"{key}_value")
        )
    elif task.kind in TASK_PAGES:
        link(TASK_PAGES[task.kind], tr(f"tasks.open.{task.kind}"), ":material/arrow_forward:")


def _register_contact(task: tk.Task, today: dt.date) -> None:
    ok, _ = MESSAGES.change("list", lambda session: tk.register_contact(session, task, today, actor=actor()))
    if ok:
        MESSAGES.flash("list", "success", "tasks.done.contact", title=task.title)


def _register_review(task: tk.Task, today: dt.date) -> None:
    assert task.partnership_id is not None  # a review task is about a partnership
    partnership_id = task.partnership_id
    ok, next_review = MESSAGES.change(
        "list", lambda session: tk.register_review(session, partnership_id, today, actor=actor())
    )
    if ok:
        MESSAGES.flash("list", "success", "tasks.done.review", title=task.title, date=format_date(next_review, lang()))


def _register_measurement(task: tk.Task, today: dt.date, value_key: str) -> None:
    value = st.session_state.get(value_key)
    if value is None:
        MESSAGES.flash("list", "warning", "tasks.value_first")
        return
    assert task.goal_id is not None  # a measurement task is about a goal
    goal_id = task.goal_id
    values = {"measured_on": today, "value": value}
    ok, _ = MESSAGES.change("list", lambda session: goals.add_measurement(session, goal_id, values, actor=actor()))
    if ok:
        st.session_state.pop(value_key, None)
        MESSAGES.flash("list", "success", "tasks.done.measurement", title=task.title)


# --- the calendar ----------------------------------------------------------------------------------


def calendar_section(holder: int | None, me: int | None, today: dt.date) -> None:
    """The tasks shown as a calendar file, and the signed-in staff member's subscription address."""
    st.subheader(tr("calendar.section"))
    language = lang()  # now: the click's file is made outside the page run, where it is not known
    export_download(
        tr("calendar.download"),
        lambda session: feed.export_tasks_calendar(session, today, language, holder),
        kind="calendar",
        people=None,  # logged by export_tasks_calendar, which knows whom the file names
        file_name="opgaver.ics",
        mime="text/calendar",
        key=f"{PREFIX}_ics",
        help=tr("calendar.download_help"),
        icon=":material/calendar_month:",
    )
    public = calendar_feed_url()
    if public is None:
        st.caption(tr("calendar.no_public_address"))
        who = principal()
        if who is not None and can(who, "view_events"):  # the administrator: the setting's technical name
            st.caption(tr("calendar.no_public_address_admin"))
        return
    if me is None or holder != me:
        st.caption(tr("calendar.own_only"))
        return
    st.caption(tr("calendar.subscribe_intro"))
    MESSAGES.show("calendar")
    address = st.session_state.pop(f"{PREFIX}_new_address", None)
    if address:
        st.code(address, language=None, wrap_lines=True)
    live = feed.has_live_token(database(), me)
    make, end = st.columns(2)
    make.button(
        tr("calendar.new_address" if live else "calendar.make_address"),
        key=f"{PREFIX}_make_address",
        on_click=_make_address,
        args=(me, public),
    )
    if live:
        end.button(tr("calendar.end_address"), key=f"{PREFIX}_end_address", on_click=_end_address, args=(me,))


def _make_address(me: int, public: str) -> None:
    ok, token = MESSAGES.change("calendar", lambda session: feed.issue_token(session, me, actor=actor()))
    if ok:
        st.session_state[f"{PREFIX}_new_address"] = public + feed.feed_path(token)
        MESSAGES.flash("calendar", "success", "calendar.address_made")


def _end_address(me: int) -> None:
    ok, _ = MESSAGES.change("calendar", lambda session: feed.revoke_token(session, me, actor=actor()))
    if ok:
        MESSAGES.flash("calendar", "success", "calendar.address_ended")
