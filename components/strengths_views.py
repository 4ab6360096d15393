"""The pieces of the page "Styrker" (pages/strengths.py): summary and flyer, the profile by team,
the partner-type matrix, and the offer forms.

Everything that reads or changes data is in ``lib.library.strengths``. Changes run in button callbacks (or
forms that save explicitly) before the page is drawn, so what is shown is what is stored; the outcome
is kept as a message for the next draw, in the user's language, where the user acted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd
import streamlit as st

from components import clock
from components.charts import show_chart
from components.context import actor, lang, tr
from components.downloads import export_download
from components.feedback import Messages
from components.safe_markdown import escape_markdown, tr_md
from lib.core.i18n import format_date, format_number, format_percent
from lib.core.vocabulary import ORGANISATION_TYPES
from lib.library import strengths
from lib.library.figures import strengths_matrix_figure
from lib.library.pages import OFFER_CATEGORIES
from lib.reporting.strengths_page import offer_teams, offers_of_team, teams_without_offers, uncovered_types

PREFIX = "strengths_"
FLASH_KEY = PREFIX + "flash"
EDIT_PICK = PREFIX + "edit_pick"
TEAM_FILTER = PREFIX + "team_filter"
NEW = 0  # the "new offer" choice of the edit picker
ALL_TEAMS = ""  # the "all teams" choice of the team filter
NO_TEAM = "\x00"  # offers without a team, in the team filter
NO_CONTACT = 0
PDF_MIME = "application/pdf"

MESSAGES = Messages(FLASH_KEY, "strengths")
show_flash = MESSAGES.show


def shown_as(labels: Mapping[Any, str]) -> Callable[[Any], str]:
    """A format_func looking up labels made while drawing (AppTest calls it outside the run)."""
    return lambda value: labels.get(value, str(value))


def category_labels() -> dict[str, str]:
    return {code: tr(f"strengths.category.{code}") for code in OFFER_CATEGORIES}


def type_labels() -> dict[str, str]:
    return {code: tr(f"orgtype.{code}") for code in ORGANISATION_TYPES}


def team_label(team: str | None) -> str:
    return team if team else tr("strengths_page.no_team")


# --- summary and flyer -----------------------------------------------------------------------------


def summary_section(offers: pd.DataFrame, team_count: int, freshness: float | None, day: dt.date) -> None:
    """Four figures, the warning about offers to check, and the flyer download."""
    stale = int(offers["stale"].sum()) if not offers.empty else 0
    offers_col, teams_col, fresh_col, stale_col = st.columns(4)
    offers_col.metric(tr("strengths_page.metric.offers"), format_number(len(offers), lang()))
    teams_col.metric(tr("strengths_page.metric.teams"), format_number(team_count, lang()))
    fresh_text = "–" if freshness is None else format_percent(round(freshness * 100), lang())
    fresh_col.metric(tr("strengths_page.metric.fresh"), fresh_text, help=tr("strengths_page.metric.fresh_help"))
    stale_col.metric(tr("strengths_page.metric.stale"), format_number(stale, lang()))
    if stale:
        st.warning(tr("strengths_page.stale_warning", count=stale), icon=":material/history:")
    language = lang()
    export_download(
        tr("strengths_page.flyer.download"),
        lambda session: strengths.flyer_pdf(session, language, day),
        kind="strengths_flyer",
        people=strengths.flyer_people,
        file_name=f"{tr('strengths_page.flyer.file')}-{day.isoformat()}.pdf",
        mime=PDF_MIME,
        key=PREFIX + "flyer_download",
        icon=":material/picture_as_pdf:",
        type="primary",
    )
    st.caption(tr("strengths_page.flyer.help", language=tr("strengths_page.flyer.language")))


# --- the profile by team ---------------------------------------------------------------------------


def _confirm(offer_id: int, title: str, slot: str) -> None:
    day = clock.today()
    ok, _ = MESSAGES.change(slot, lambda session: strengths.confirm_offer(session, offer_id, today=day, actor=actor()))
    if ok:
        MESSAGES.flash(slot, "success", "strengths_page.confirmed", title=title, date=day)


def _team_options(offers: pd.DataFrame) -> dict[str, str]:
    teams, some_without = offer_teams(offers)
    options = {ALL_TEAMS: tr("strengths_page.all_teams"), **{team: team for team in teams}}
    if some_without:
        options[NO_TEAM] = tr("strengths_page.no_team")
    return options


def profile_section(offers: pd.DataFrame, team_names: list[str]) -> None:
    """The offers of each team as cards, stale ones flagged, each with a "still true" button."""
    show_flash("profile")
    if offers.empty:
        return
    without = teams_without_offers(offers, team_names)
    if without:
        st.caption(tr_md("strengths_page.teams_without", teams=", ".join(without)))
    options = _team_options(offers)
    if st.session_state.get(TEAM_FILTER) not in options:
        st.session_state[TEAM_FILTER] = ALL_TEAMS
    chosen = st.selectbox(
        tr("strengths_page.team_filter"),
        options=list(options),
        format_func=shown_as(options),
        placeholder=tr("widget.choose_one"),
        key=TEAM_FILTER,
    )
    teams_shown = [team for team in options if team != ALL_TEAMS] if chosen == ALL_TEAMS else [chosen]
    categories, types = category_labels(), type_labels()
    for team in teams_shown:
        rows = offers_of_team(offers, None if team == NO_TEAM else team)
        name = team_label(None if team == NO_TEAM else team)
        st.subheader(tr_md("strengths_page.team_heading", team=name, count=len(rows)))
        for row in rows.itertuples(index=False):
            offer_card(row, categories, types)


def offer_card(row: Any, categories: Mapping[str, str], types: Mapping[str, str]) -> None:
    """One offer: title and category, description, contact, partner types, when it was confirmed."""
    with st.container(border=True, key=f"{PREFIX}card_{row.id}"):
        category = categories.get(row.category, row.category)
        st.markdown(f"**{escape_markdown(row.title)}** · {escape_markdown(category)}")
        if row.description:
            st.markdown(escape_markdown(row.description).replace("\n", "  \n"))
        audience = (
            tr("strengths_page.card.partner_types", types=", ".join(types[c] for c in row.partner_types))
            if row.partner_types
            else tr("strengths_page.card.no_partner_types")
        )
        lines = [escape_markdown(_contact_line(row)), escape_markdown(audience)]
        when = format_date(row.updated_on, lang())
        if not row.stale:
            lines.append(":material/check_circle: " + tr("strengths_page.card.updated", date=when))
        st.caption("  \n".join(lines))
        if row.stale:
            st.warning(tr("strengths_page.card.stale", date=when), icon=":material/history:")
        # Stale offers ask for the check; fresh ones offer it quietly.
        st.button(
            tr("strengths_page.confirm"),
            key=f"{PREFIX}confirm_{row.id}",
            icon=":material/task_alt:",
            help=tr("strengths_page.confirm_help"),
            on_click=_confirm,
            args=(int(row.id), row.title, "profile"),
            type="primary" if row.stale else "tertiary",
        )


def _contact_line(row: Any) -> str:
    if not row.contact_name:
        return tr("strengths_page.card.no_contact")
    if not row.contact_is_staff:
        return tr("strengths_page.card.not_staff", name=row.contact_name)
    shown = strengths.contact_text(row.contact_name, True, row.contact_role, row.contact_title, lang())
    return tr("strengths_page.card.contact", name=shown)


# --- the partner-type matrix -----------------------------------------------------------------------


def matrix_section(matrix: pd.DataFrame) -> None:
    """The matrix as a heatmap, the partner types no offer speaks to, and the same numbers as a table."""
    if int(matrix.to_numpy().sum()) == 0:
        st.info(tr("strengths_page.matrix.empty"))
        return
    show_chart(strengths_matrix_figure(matrix, lang()), key=PREFIX + "matrix_chart")
    st.caption(tr("strengths_page.matrix.caption"))
    types = type_labels()
    uncovered = [types[code] for code in uncovered_types(matrix)]
    if uncovered:
        st.info(tr_md("strengths_page.matrix.uncovered", types=", ".join(uncovered)), icon=":material/lightbulb:")
    else:
        st.success(tr("strengths_page.matrix.all_covered"))
    table = matrix.rename(index=category_labels(), columns=types)
    table.index.name = tr("strengths_page.matrix.category")
    st.dataframe(table, width="stretch", key=PREFIX + "matrix_table", placeholder="")


# --- create, edit, confirm, delete -----------------------------------------------------------------


def _offer_values(prefix: str) -> dict[str, Any]:
    state = st.session_state
    return {
        "team": state.get(prefix + "team"),
        "category": state.get(prefix + "category"),
        "title": state.get(prefix + "title"),
        "description": state.get(prefix + "description"),
        "contact_person_id": state.get(prefix + "contact_person_id") or None,
        "partner_types": list(state.get(prefix + "partner_types") or []),
    }


def _create(prefix: str) -> None:
    day = clock.today()
    ok, offer_id = MESSAGES.change(
        "edit", lambda session: strengths.create_offer(session, _offer_values(prefix), today=day, actor=actor())
    )
    if not ok:
        return
    title = str(st.session_state.get(prefix + "title", "")).strip()
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(prefix)]:
        del st.session_state[key]  # an empty form for the next offer
    st.session_state[EDIT_PICK] = offer_id
    MESSAGES.flash("edit", "success", "strengths_page.edit.created", title=title)


def _update(offer_id: int, prefix: str) -> None:
    day = clock.today()
    ok, changed = MESSAGES.change(
        "edit",
        lambda session: strengths.update_offer(session, offer_id, _offer_values(prefix), today=day, actor=actor()),
    )
    if ok:
        MESSAGES.flash(
            "edit",
            "success" if changed else "info",
            "strengths_page.edit.saved" if changed else "strengths_page.edit.nothing_changed",
        )


def _delete(offer_id: int, title: str, confirm_key: str) -> None:
    if not st.session_state.get(confirm_key):
        MESSAGES.flash("delete", "warning", "strengths_page.delete.needs_confirm")
        return
    ok, _ = MESSAGES.change("delete", lambda session: strengths.delete_offer(session, offer_id, actor=actor()))
    if ok:
        st.session_state.pop(confirm_key, None)
        st.session_state[EDIT_PICK] = NEW
        MESSAGES.flash("edit", "success", "strengths_page.delete.done", title=title)


def _offer_fields(prefix: str, offer: Any | None, team_names: list[str], staff: Mapping[int, str]) -> None:
    """The offer's inputs; values come from ``offer`` (a row of the offers frame) the first time."""
    team_options = list(team_names)
    if offer is not None and offer.team and offer.team not in team_options:
        team_options.append(offer.team)
    left, right = st.columns(2)
    left.selectbox(
        tr("strengths_page.field.team"),
        options=team_options,
        accept_new_options=True,
        index=team_options.index(offer.team) if offer is not None and offer.team else None,
        placeholder=tr("strengths_page.field.team_placeholder"),
        key=prefix + "team",
    )
    categories = category_labels()
    right.selectbox(
        tr("strengths_page.field.category") + " *",
        options=list(categories),
        format_func=shown_as(categories),
        placeholder=tr("strengths_page.field.choose"),
        index=list(categories).index(offer.category) if offer is not None else None,
        key=prefix + "category",
    )
    st.text_input(
        tr("strengths_page.field.title") + " *",
        value=offer.title if offer is not None else "",
        max_chars=300,
        key=prefix + "title",
    )
    st.text_area(
        tr("strengths_page.field.description"),
        value=(offer.description or "") if offer is not None else "",
        key=prefix + "description",
    )
    contacts = {NO_CONTACT: tr("common.none"), **staff}
    current = offer.contact_person_id if offer is not None and offer.contact_person_id in staff else NO_CONTACT
    st.selectbox(
        tr("strengths_page.field.contact"),
        options=list(contacts),
        format_func=shown_as(contacts),
        index=list(contacts).index(current),
        placeholder=tr("widget.choose_one"),
        key=prefix + "contact_person_id",
    )
    types = type_labels()
    st.multiselect(
        tr("strengths_page.field.partner_types"),
        options=list(types),
        format_func=shown_as(types),
        default=list(offer.partner_types) if offer is not None else [],
        key=prefix + "partner_types",
        select_all=False,
        placeholder=tr("strengths_page.field.choose"),
    )
    st.caption(tr("strengths_page.edit.required_hint"))


def create_form(team_names: list[str], staff: Mapping[int, str]) -> None:
    prefix = PREFIX + "new_"
    st.subheader(tr("strengths_page.edit.create_heading"))
    with st.form(prefix + "form"):
        _offer_fields(prefix, None, team_names, staff)
        st.form_submit_button(
            tr("strengths_page.edit.create_button"),
            type="primary",
            on_click=_create,
            args=(prefix,),
            key=prefix + "submit",
        )


def edit_offer(row: Any, team_names: list[str], staff: Mapping[int, str]) -> None:
    """The chosen offer: its form, "still true", and deletion behind a confirmation."""
    prefix = f"{PREFIX}edit_{row.id}_"
    st.subheader(tr("strengths_page.edit.edit_heading"))
    when = format_date(row.updated_on, lang())
    if row.stale:
        st.warning(tr("strengths_page.card.stale", date=when), icon=":material/history:")
    else:
        st.caption(tr("strengths_page.edit.last_confirmed", date=when))
    st.button(
        tr("strengths_page.confirm"),
        key=prefix + "confirm",
        icon=":material/task_alt:",
        help=tr("strengths_page.confirm_help"),
        on_click=_confirm,
        args=(int(row.id), row.title, "edit"),
    )
    with st.form(prefix + "form"):
        _offer_fields(prefix, row, team_names, staff)
        st.caption(tr("strengths_page.edit.save_confirms"))
        st.form_submit_button(
            tr("common.save"), type="primary", on_click=_update, args=(int(row.id), prefix), key=prefix + "submit"
        )
    with st.expander(tr("strengths_page.delete.heading"), icon=":material/delete:"):
        show_flash("delete")
        confirm_key = f"{PREFIX}delete_confirm_{row.id}"
        st.checkbox(tr("strengths_page.delete.confirm"), key=confirm_key)
        st.button(
            tr("strengths_page.delete.button"),
            on_click=_delete,
            args=(int(row.id), row.title, confirm_key),
            key=f"{PREFIX}delete_{row.id}",
        )


def edit_section(offers: pd.DataFrame, team_names: list[str], staff: Mapping[int, str]) -> None:
    """Pick an offer to edit, or "new offer" for the empty form."""
    show_flash("edit")
    choices = {int(row.id): f"{row.title} ({team_label(row.team)})" for row in offers.itertuples(index=False)}
    options = {NEW: tr("strengths_page.edit.new"), **choices}
    if st.session_state.get(EDIT_PICK) not in options:
        st.session_state[EDIT_PICK] = NEW
    offer_id = st.selectbox(
        tr("strengths_page.edit.pick"),
        options=list(options),
        format_func=shown_as(options),
        placeholder=tr("widget.choose_one"),
        key=EDIT_PICK,
    )
    if offer_id == NEW:
        create_form(team_names, staff)
        return
    rows = offers[offers["id"] == offer_id]
    if rows.empty:
        st.warning(tr("strengths_page.edit.gone"))
        return
    edit_offer(next(rows.itertuples(index=False)), team_names, staff)
