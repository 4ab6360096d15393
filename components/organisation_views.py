"""Pieces of the page "Organisation": roles and teams, the competence self-assessment, the team heat map
and development needs, and each person's relations with what hangs on them alone.

Everything that reads or changes data is in ``lib.library.staff``. Every change runs in a button
callback, before the page is drawn, so what is shown is what is stored; a callback's message is kept
in session state ("flash") and shown once where the user acted. The chosen staff members are kept in
their own session-state keys: Streamlit drops widget state on a page the user leaves. Form widgets
carry the person's id in their key, so choosing another person shows their own answers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from components import clock
from components import figures_views as figure_views
from components.charts import show_chart
from components.context import actor, database, lang, tr
from components.feedback import Messages, delete_one
from components.safe_markdown import escape_markdown, tr_md
from components.tables import Col, code_label, date_format, date_input_format, show_table
from components.widgets import remembered_selectbox
from lib.library import pages as library_pages
from lib.library import staff as org
from lib.library.figures import competence_history_figure, team_heatmap_figure
from lib.library.pages import STAFF_ROLES

PREFIX = "org_"
FLASH_KEY = PREFIX + "flash"
STAFF_IDS = PREFIX + "staff_ids"
STAFF_VERSION = PREFIX + "staff_version"
ASSESS_PICK, ASSESS_WIDGET = PREFIX + "assess_person", PREFIX + "assess_person_widget"
PERSON_PICK, PERSON_WIDGET = PREFIX + "dep_person", PREFIX + "dep_person_widget"
KINDS_WIDGET = PREFIX + "dep_kinds"
SCORES = (1, 2, 3, 4, 5)
EARLIEST_DATE = dt.date(1990, 1, 1)
#: The editable columns of the staff table (named like the fields they store).
EDITABLE = org.STAFF_FIELDS
RELATION_COLUMNS = (
    Col("party", "organisation.col.party"),
    Col("party_kind_label", "organisation.col.party_kind"),
    Col("organisation", "organisation.col.works_at"),
    Col("relation_kind_label", "organisation.col.relation_kind"),
    Col("strength", "organisation.col.strength", "number"),
    Col("last_contact", "organisation.col.last_contact", "date"),
)
PARTNERSHIP_COLUMNS = (
    Col("title", "organisation.col.partnership"),
    Col("stage_label", "organisation.col.stage"),
    Col("organisations", "organisation.col.partners"),
    Col("single_person", "organisation.col.single", "bool"),
)
NEEDS_COLUMNS = (
    Col("name", "organisation.col.name"),
    Col("team_label", "organisation.col.team"),
    Col("role_label", "organisation.col.role"),
    Col("assessed_on", "organisation.col.date", "date"),
    Col("development_needs", "organisation.col.needs"),
)
DEPENDENCY_COLUMNS = (
    Col("person", "organisation.col.person"),
    Col("kind_label", "organisation.col.kind"),
    Col("label", "organisation.col.label"),
    Col("detail", "organisation.col.detail"),
)

MESSAGES = Messages(FLASH_KEY, "organisation")
show_flash = MESSAGES.show


def role_label(code: str | None) -> str:
    return code_label("organisation.role", code)


def team_label(team: str | None) -> str:
    return team if team else tr("organisation.no_team")


def person_picker(names: Mapping[int, str], store_key: str, widget_key: str) -> int:
    """A selectbox of staff members that remembers the choice across pages; returns the chosen id."""
    return remembered_selectbox(
        tr("organisation.person.pick"), names, store_key=store_key, widget_key=widget_key, default=next(iter(names))
    )


# --- roles and teams --------------------------------------------------------------------------------


def staff_editor_key() -> str:
    """The editor's key; a new one after each save, so the saved table is drawn fresh."""
    return f"{PREFIX}staff_editor_{st.session_state.get(STAFF_VERSION, 0)}"


def role_counts_md(staff: pd.DataFrame) -> str:
    """How many staff have each role, in words."""
    return tr_md("organisation.staff.role_counts", **library_pages.role_counts(staff))


def staff_section(staff: pd.DataFrame) -> None:
    """The staff with role and team, editable in place, and the button that stores the changes."""
    st.subheader(tr("organisation.staff.heading"))
    st.caption(tr("organisation.staff.help"))
    show_flash("staff")
    st.caption(role_counts_md(staff))
    if not (staff["staff_role"] == "network_lead").any():
        st.info(tr("organisation.staff.no_lead"), icon=":material/info:")
    st.session_state[STAFF_IDS] = [int(i) for i in staff["person_id"]]
    shown = staff[["name", "title", "staff_role", "team", "assessed_on", "partnerships"]]
    st.data_editor(
        shown,
        key=staff_editor_key(),
        hide_index=True,
        num_rows="fixed",
        width="stretch",
        placeholder="",
        disabled=["name", "title", "assessed_on", "partnerships"],
        column_config={
            "name": st.column_config.TextColumn(tr("organisation.col.name")),
            "title": st.column_config.TextColumn(tr("organisation.col.title")),
            "staff_role": st.column_config.SelectboxColumn(
                tr("organisation.col.role"), options=list(STAFF_ROLES), format_func=role_label, width="medium"
            ),
            "team": st.column_config.TextColumn(tr("organisation.col.team"), max_chars=200, width="medium"),
            "assessed_on": st.column_config.DateColumn(tr("organisation.col.assessed_on"), format=date_format()),
            "partnerships": st.column_config.NumberColumn(tr("organisation.col.partnerships")),
        },
    )
    st.button(
        tr("organisation.staff.save"),
        type="primary",
        icon=":material/save:",
        on_click=_save_staff,
        key=PREFIX + "staff_save",
    )


def staff_changes(edits: Mapping[str, Any], person_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The editor's edited cells as ``{person id: {field: value}}`` (only the editable columns)."""
    changes: dict[int, dict[str, Any]] = {}
    for row, cells in (edits.get("edited_rows") or {}).items():
        position = int(row)
        if position >= len(person_ids):
            continue
        values = {column: value for column, value in cells.items() if column in EDITABLE}
        if values:
            changes[person_ids[position]] = values
    return changes


def _save_staff() -> None:
    edits = st.session_state.get(staff_editor_key()) or {}
    changes = staff_changes(edits, st.session_state.get(STAFF_IDS, []))
    if not changes:
        MESSAGES.flash("staff", "info", "organisation.staff.nothing_changed")
        return
    ok, changed = MESSAGES.change("staff", lambda session: org.update_staff(session, changes, actor=actor()))
    if not ok:
        return
    st.session_state[STAFF_VERSION] = st.session_state.get(STAFF_VERSION, 0) + 1
    if changed:
        MESSAGES.flash("staff", "success", "organisation.staff.saved", count=len(changed))
    else:
        MESSAGES.flash("staff", "info", "organisation.staff.nothing_changed")


# --- self-assessment --------------------------------------------------------------------------------


def _latest_score(latest: pd.Series | None, item: str) -> int | None:
    if latest is None or pd.isna(latest[item]):
        return None
    return int(latest[item])


def assessment_section(names: Mapping[int, str]) -> None:
    """Choose a staff member; their self-assessment form and their earlier assessments."""
    person_id = person_picker(names, ASSESS_PICK, ASSESS_WIDGET)
    name = names[person_id]
    history = library_pages.competence_history_of(database(), person_id)
    latest = history.iloc[0] if not history.empty else None
    st.subheader(tr_md("organisation.assessment.heading", name=name))
    show_flash("assessment")
    st.caption(tr("organisation.assessment.help"))
    prefix = f"{PREFIX}assess_{person_id}_"
    with st.form(prefix + "form"):
        st.date_input(
            tr("organisation.assessment.date"),
            value=clock.today(),
            key=prefix + "date",
            format=date_input_format(),
            min_value=EARLIEST_DATE,
            max_value=clock.today(),
        )
        for group, items in org.COMPETENCE_GROUPS.items():
            st.markdown(f"**{tr(f'organisation.group.{group}')}**")
            for item in items:
                current = _latest_score(latest, item)
                st.radio(
                    f"**{tr(f'organisation.item.{item}')}** – {tr(f'organisation.statement.{item}')}",
                    options=SCORES,
                    index=None if current is None else SCORES.index(current),
                    horizontal=True,
                    key=prefix + item,
                )
        needs = latest["development_needs"] if latest is not None else None
        st.text_area(
            tr("organisation.assessment.needs"),
            value=needs if isinstance(needs, str) else "",
            help=tr("organisation.assessment.needs_help"),
            key=prefix + "needs",
        )
        st.form_submit_button(
            tr("organisation.assessment.save"),
            type="primary",
            icon=":material/save:",
            on_click=_save_assessment,
            args=(person_id, name, prefix),
            key=prefix + "submit",
        )
    history_section(person_id, name, history)


def _save_assessment(person_id: int, name: str, prefix: str) -> None:
    state = st.session_state
    values = {
        "assessed_on": state.get(prefix + "date"),
        "scores": {item: state.get(prefix + item) for item in org.COMPETENCE_ITEMS},
        "development_needs": state.get(prefix + "needs"),
    }
    ok, result = MESSAGES.change(
        "assessment",
        lambda session: org.record_competence_assessment(
            session, person_id, values, actor=actor(), today=clock.today()
        ),
    )
    if ok:
        _assessment_id, created = result
        key = "organisation.assessment.created" if created else "organisation.assessment.replaced"
        MESSAGES.flash("assessment", "success", key, name=name, date=values["assessed_on"])


def history_frame(history: pd.DataFrame) -> pd.DataFrame:
    """A person's assessments with translated headers (:func:`lib.library.pages.history_table`)."""
    return library_pages.history_table(history, lang())


def history_section(person_id: int, name: str, history: pd.DataFrame) -> None:
    st.subheader(tr("organisation.history.heading"))
    show_flash("history")
    if history.empty:
        st.caption(tr_md("organisation.history.none", name=name))
        return
    show_chart(competence_history_figure(history, lang()), key=f"{PREFIX}history_chart")
    st.dataframe(
        history_frame(history),
        hide_index=True,
        width="stretch",
        key=f"{PREFIX}history_table",
        placeholder="",
        column_config={tr("organisation.col.date"): st.column_config.DateColumn(format=date_format())},
    )
    entries = library_pages.history_entries(history, lang())
    delete_one(
        MESSAGES,
        "history",
        label=tr("organisation.history.delete"),
        entries=entries,
        delete=lambda session, a_id: org.delete_competence_assessment(session, a_id, actor=actor()),
        key=f"{PREFIX}history_delete_{person_id}",
    )


# --- teams ------------------------------------------------------------------------------------------


def teams_section(assessment_tab: str) -> None:
    """The heat map with how many in each team are assessed, and the development needs."""
    heatmap, needs = library_pages.team_overview(database())
    st.subheader(tr("organisation.heatmap.heading"))
    if not any(heatmap.assessed.values()):
        st.info(tr_md("organisation.heatmap.none", tab=assessment_tab))
    else:
        show_chart(team_heatmap_figure(heatmap, lang()), key=f"{PREFIX}heatmap")
        st.caption(tr("organisation.heatmap.help"))
        st.caption(
            " · ".join(
                tr_md(
                    "organisation.heatmap.assessed",
                    team=team_label(team),
                    assessed=count,
                    members=heatmap.members[team],
                )
                for team, count in heatmap.assessed.items()
            )
        )
    st.subheader(tr("organisation.needs.heading"))
    st.caption(tr("organisation.needs.help"))
    needs = needs.assign(  # a table of its own: the service's answer is shared (lib.db.revision)
        team_label=[team_label(team) for team in needs["team"]],
        role_label=[role_label(role) for role in needs["staff_role"]],
    )
    show_table(needs, NEEDS_COLUMNS, key=f"{PREFIX}needs_table", empty_key="organisation.needs.none")


# --- relations and single-person dependencies -------------------------------------------------------


def relations_frame(relations: pd.DataFrame) -> pd.DataFrame:
    return library_pages.relations_table(relations, lang())


def partnerships_frame(partnerships: pd.DataFrame) -> pd.DataFrame:
    return library_pages.partnerships_table(partnerships, lang())


def lost_section(name: str, grouped: Mapping[str, list[org.Dependency]]) -> None:
    """What the library loses if the person leaves: partnerships by name, then organisations and contacts."""
    st.markdown("**" + tr_md("organisation.person.lost_heading", name=name) + "**")
    if not any(grouped.values()):
        st.success(tr_md("organisation.person.lost_nothing", name=name), icon=":material/verified:")
        return
    if grouped["partnership"]:
        titles = ", ".join(f"»{escape_markdown(d.label)}«" for d in grouped["partnership"])
        st.warning(
            tr("organisation.person.lost_partnerships", count=len(grouped["partnership"])) + ": " + titles,
            icon=":material/handshake:",
        )
    for kind, icon in (("organisation", ":material/apartment:"), ("contact", ":material/person:")):
        found = grouped[kind]
        if found:
            label = tr_md(f"organisation.person.lost_{kind}s", count=len(found), name=name)
            with st.expander(label, icon=icon):
                st.markdown(
                    "\n".join(
                        f"- {escape_markdown(d.label)}" + (f" ({escape_markdown(d.detail)})" if d.detail else "")
                        for d in found
                    )
                )
    st.caption(tr("organisation.person.lost_advice"))


def dependency_frame(
    dependencies: Sequence[org.Dependency], names: Mapping[int, str], kinds: Sequence[str]
) -> pd.DataFrame:
    """The library-wide list: partnerships first, then organisations, then contacts; by person within."""
    return library_pages.dependency_table(dependencies, names, kinds, lang())


def library_section(dependencies: Sequence[org.Dependency], names: Mapping[int, str]) -> None:
    st.subheader(tr("organisation.library.heading"))
    st.caption(tr("organisation.library.rule"))
    counts = library_pages.dependency_counts(dependencies)
    # The same two figures as the start page, the network and the board pack (lib.reporting.figures' one rule).
    left, right = st.columns(2)
    figure_views.show("single_person_partnerships", counts["partnership"], target=left)
    figure_views.show("single_person_organisations", counts["organisation"], target=right)
    if not dependencies:
        st.success(tr("organisation.library.none"), icon=":material/verified:")
        return
    st.markdown(tr_md("organisation.library.summary", **counts))
    kinds = st.multiselect(
        tr("organisation.library.kinds"),
        options=list(org.DEPENDENCY_KINDS),
        default=list(org.DEPENDENCY_KINDS),
        format_func=lambda k: tr(f"organisation.kind.{k}"),
        select_all=False,
        placeholder=tr("widget.choose_many"),
        key=KINDS_WIDGET,
    )
    show_table(dependency_frame(dependencies, names, kinds), DEPENDENCY_COLUMNS, key=f"{PREFIX}library_dependencies")


def dependencies_section(names: Mapping[int, str]) -> None:
    """One staff member's ties, partnerships and what hangs on them; then the whole library's list."""
    person_id = person_picker(names, PERSON_PICK, PERSON_WIDGET)
    name = names[person_id]
    found = library_pages.person_dependencies(database(), person_id, clock.today())
    dependencies, relations, partnerships = found.dependencies, found.relations, found.partnerships
    lost_section(name, org.dependencies_of(dependencies, person_id))
    st.markdown("**" + tr_md("organisation.person.partnerships", name=name, count=len(partnerships)) + "**")
    show_table(
        partnerships_frame(partnerships),
        PARTNERSHIP_COLUMNS,
        key=f"{PREFIX}owned_partnerships",
        empty_key="organisation.person.no_partnerships",
    )
    st.markdown("**" + tr_md("organisation.person.relations", name=name, count=len(relations)) + "**")
    show_table(
        relations_frame(relations),
        RELATION_COLUMNS,
        key=f"{PREFIX}relations",
        empty_key="organisation.person.no_relations",
    )
    st.divider()
    library_section(dependencies, names)
