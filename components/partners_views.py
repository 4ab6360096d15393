"""Pieces of the page "Partnere" ("Vælg partnere med omhu!"): the ranked list of every candidate, the
assessment of one organisation with its decision, the two charts, and the bulk load.

Everything that reads or changes data is in ``lib.planning.candidates``. Changes run in button callbacks, before
the page is drawn, so what is shown is what is stored; a callback's message is kept ("flash") and
shown once where the user acted.

*Only the open tab is drawn* (``st.tabs(..., on_change=...)`` and each tab's ``.open``): the value
for effort chart needs the whole network for its bubble sizes, which costs nothing while nobody looks.

*A live score.* The assessment's inputs are plain widgets, not an ``st.form``: a form would only tell
the page its values on submit, and the weighted score is meant to move while the user rates. Nothing
is stored until "Gem vurderingen" is pressed. Widget keys carry the assessment's id (or "new" and the
organisation's id), so choosing another assessment shows its own values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitAPIException

from components import clock, way_in_views
from components.charts import show_chart
from components.context import actor, database, lang, tr
from components.feedback import Messages
from components.safe_markdown import escape_markdown, tr_md
from components.tables import date_input_format
from components.template_import import template_import_section
from components.widgets import BLANK, blank_to_none, remembered_selectbox, remembered_tabs, shown_as
from lib.planning import candidates, figures
from lib.planning import candidates_page as cp

PREFIX = "partners_"
FLASH_KEY = PREFIX + "flash"
#: The chosen organisation, kept apart from its widget: Streamlit drops widget state on a page left.
PICK_KEY = PREFIX + "pick"
PICK_WIDGET = PREFIX + "pick_widget"
TAB_KEY = PREFIX + "tab"
ACTIVE_TAB = PREFIX + "active_tab"
#: Set by "Registrér partnerskabet": go to the partnerships page on this run.
GO_PARTNERSHIPS = PREFIX + "go_partnerships"
TABS = ("ranking", "assess", "stakeholders", "value_effort", "import")
IMPORT_KEY = PREFIX + "bulk"
NEW = 0  # the "new assessment" choice of the assessment picker
DONT_KNOW = "dont_know"
SCORE_OPTIONS = (*range(candidates.SCORE_RANGE[0], candidates.SCORE_RANGE[1] + 1), DONT_KNOW)
RATINGS = ("influence", "interest", "value", "effort")
TEXT_FIELDS = ("contribution_to_us", "contribution_from_us", "risks")
EARLIEST_DATE, LATEST_DATE = dt.date(1900, 1, 1), dt.date(2100, 12, 31)


MESSAGES = Messages(FLASH_KEY, "partners")
flash = MESSAGES.flash
show_flash = MESSAGES.show
change = MESSAGES.change


def _page_link(page: str, label_key: str, icon: str) -> None:
    """A link to another page of the product; a page run on its own (tests) has no other pages."""
    try:
        st.page_link(page, label=tr(label_key), icon=icon)
    except StreamlitAPIException:
        pass  # the text next to the link says where to go


# --- tabs and the empty workspace ------------------------------------------------------------------


def sections() -> dict[str, Any]:
    """The page's tabs by name; only the open one is drawn (its ``.open``)."""
    labels = {name: tr(f"partners_page.tab.{name}") for name in TABS}
    return remembered_tabs(labels, tab_key=TAB_KEY, active_key=ACTIVE_TAB)


def empty_workspace() -> None:
    """Where the organisations to assess come from."""
    st.info(
        tr(
            "partners_page.empty",
            import_page=tr("nav.import"),
            contacts_page=tr("nav.contacts"),
            import_tab=tr("partners_page.tab.import"),
        ),
        icon=":material/info:",
    )
    _page_link("pages/importer.py", "partners_page.go_import", ":material/upload_file:")
    _page_link("pages/contacts.py", "partners_page.go_contacts", ":material/groups:")


# --- the ranked list -------------------------------------------------------------------------------


def ranking_section() -> None:
    """Every organisation, ranked by its latest assessment; the unassessed at the bottom, nobody hidden."""
    ranked = cp.ranking(database())
    if ranked.empty:
        st.caption(tr("partners_page.ranking.empty"))
        return
    declined = int((ranked["decision"] == "decline").sum())
    st.markdown(
        tr(
            "partners_page.ranking.summary",
            total=len(ranked),
            assessed=int(ranked["assessed"].sum()),
            declined=declined,
        )
    )
    st.caption(tr("partners.score_rule") + " " + tr("partners_page.ranking.hint", tab=tr("partners_page.tab.assess")))
    date_format = date_input_format()
    st.dataframe(
        cp.ranking_frame(ranked, lang()),
        hide_index=True,
        width="stretch",
        key=PREFIX + "ranking",
        placeholder="",
        column_config={
            tr("partners_page.col.completeness"): st.column_config.ProgressColumn(
                min_value=0, max_value=100, format="%d %%"
            ),
            tr("partners_page.col.decided_on"): st.column_config.DateColumn(format=date_format),
            tr("partners_page.col.assessed_on"): st.column_config.DateColumn(format=date_format),
            tr("partners_page.col.is_partner"): st.column_config.CheckboxColumn(),
        },
    )


# --- one organisation: choosing the assessment -----------------------------------------------------


def organisation_picker(orgs: Mapping[int, str]) -> int | None:
    """The selectbox of every organisation; returns the chosen one's id (None: none chosen)."""
    labels: dict[Any, str] = {BLANK: tr("partners_page.assess.pick_placeholder"), **orgs}
    return blank_to_none(
        remembered_selectbox(
            tr("partners_page.assess.pick"), labels, store_key=PICK_KEY, widget_key=PICK_WIDGET, default=BLANK
        )
    )


def which_key(org_id: int) -> str:
    """The key of the picker "Vurdering" of one organisation."""
    return f"{PREFIX}which_{org_id}"


def assessment_picker(org_id: int, history: Sequence[Mapping[str, Any]]) -> int:
    """Choose between a new assessment and the stored ones (the latest by default); returns NEW or an id."""
    labels: dict[int, str] = {NEW: tr("partners_page.assess.new")}
    for position, entry in enumerate(history):
        key = "partners_page.assess.latest" if position == 0 else "partners_page.assess.existing"
        labels[entry["id"]] = tr(key, date=entry["assessed_on"])
    key = which_key(org_id)
    if st.session_state.get(key) not in labels:
        st.session_state[key] = history[0]["id"] if history else NEW
    return st.selectbox(
        tr("partners_page.assess.which"),
        options=list(labels),
        format_func=shown_as(labels),
        placeholder=tr("widget.choose_one"),
        key=key,
    )


# --- the assessment's inputs -----------------------------------------------------------------------


def editor_prefix(org_id: int, assessment_id: int | None) -> str:
    """Widget keys of one assessment's inputs (or of a new one for ``org_id``)."""
    return f"{PREFIX}a{assessment_id}_" if assessment_id else f"{PREFIX}new{org_id}_"


def _option_md(value: Any) -> str:
    """How a choice of the 1-5 scale reads: the number, or "Ved ikke"."""
    return tr("partners.dont_know") if value == DONT_KNOW else escape_markdown(value)


def editor_values(prefix: str, goal_ids: Sequence[int]) -> dict[str, Any]:
    """What the inputs under ``prefix`` hold, as ``lib.planning.candidates`` takes an assessment's values.

    "Ved ikke" (or no choice) is None; weights of 1 are left out, so an assessment with the usual
    weights stores none.
    """
    state = st.session_state
    return cp.assessment_values(
        {code: _score_or_none(state.get(f"{prefix}score_{code}")) for code in candidates.CRITERIA},
        {code: state.get(f"{prefix}weight_{code}") for code in candidates.CRITERIA},
        {goal: state.get(f"{prefix}fit_{goal}") for goal in goal_ids},
        assessed_on=state.get(prefix + "assessed_on"),
        assessor_id=blank_to_none(state.get(prefix + "assessor")),
        **{name: state.get(f"{prefix}{name}") for name in (*RATINGS, *TEXT_FIELDS)},
    )


def _score_or_none(value: Any) -> int | None:
    """A chosen score as a number; "Ved ikke" and no choice are None."""
    return None if value in (None, DONT_KNOW) else int(value)


def _header_inputs(prefix: str, current: Mapping[str, Any], staff: Mapping[int, str]) -> None:
    """The date of the assessment and who made it."""
    staff_labels = {BLANK: tr("common.none"), **staff}
    assessor = current.get("assessor_id") if current.get("assessor_id") in staff else BLANK
    left, right = st.columns(2)
    left.date_input(
        tr("partners.col.assessed_on"),
        value=current.get("assessed_on", clock.today()),
        key=prefix + "assessed_on",
        format=date_input_format(),
        min_value=EARLIEST_DATE,
        max_value=LATEST_DATE,
    )
    right.selectbox(
        tr("partners.col.assessor"),
        options=list(staff_labels),
        format_func=shown_as(staff_labels),
        index=list(staff_labels).index(assessor),
        placeholder=tr("widget.choose_one"),
        key=prefix + "assessor",
    )


def _criteria_inputs(prefix: str, current: Mapping[str, Any]) -> candidates.Score:
    """A 1-5 / "Ved ikke" choice and a weight per criterion; returns the score they give now."""
    st.markdown("**" + tr("partners_page.assess.criteria_heading") + "**")
    st.caption(tr("partners_page.assess.criteria_help"))
    stored_scores = current.get("scores") or {}
    stored_weights = current.get("weights") or {}
    scores: dict[str, int | None] = {}
    weights: dict[str, float] = {}
    for code in candidates.CRITERIA:
        choice, weight, _space = st.columns([3, 1, 2], vertical_alignment="bottom")
        stored = stored_scores.get(code)
        picked = choice.segmented_control(
            escape_markdown(candidates.criterion_label(code, lang())),
            options=list(SCORE_OPTIONS),
            format_func=_option_md,
            default=stored if stored is not None else DONT_KNOW,
            key=f"{prefix}score_{code}",
            help=tr(f"partners.criterion.{code}.help"),
        )
        scores[code] = _score_or_none(picked)
        value = weight.number_input(
            tr("partners_page.assess.weight"),
            min_value=0.0,
            max_value=100.0,
            step=0.5,
            value=float(stored_weights.get(code, 1.0)),
            format="%g",
            key=f"{prefix}weight_{code}",
            help=tr("partners_page.assess.weight_help"),
        )
        weights[code] = 1.0 if value is None else float(value)
    return candidates.weighted_score(scores, weights)


def live_score(score: candidates.Score) -> None:
    """The weighted score and how much it rests on, as the inputs stand (stored or not)."""
    left, right = st.columns(2)
    shown = (
        tr("partners_page.assess.live_score_value", score=round(score.score, 1))
        if score.score is not None
        else tr("partners_page.assess.live_none")
    )
    left.metric(tr("partners_page.assess.live_score"), shown)
    right.metric(
        tr("partners.completeness"),
        tr_md("partners_page.assess.live_completeness_value", answered=score.answered, total=score.total),
    )
    st.progress(score.completeness)
    st.caption(tr("partners.score_rule") + " " + tr("partners_page.assess.live_help"))


def _goal_inputs(prefix: str, current: Mapping[str, Any], goals: Mapping[int, str]) -> None:
    """How well the candidate fits each goal of the library (0-3, or blank)."""
    st.markdown("**" + tr("partners_page.assess.goals_heading") + "**")
    if not goals:
        st.caption(tr("partners_page.assess.no_goals", goals_page=tr("nav.goals")))
        return
    st.caption(tr("partners_page.assess.goals_help"))
    stored = current.get("goal_fit") or {}
    low, high = candidates.GOAL_FIT_RANGE
    for goal_id, title in goals.items():
        st.segmented_control(
            escape_markdown(title),
            options=list(range(low, high + 1)),
            default=stored.get(str(goal_id)),
            key=f"{prefix}fit_{goal_id}",
        )


def _position_inputs(prefix: str, current: Mapping[str, Any]) -> None:
    """Influence, interest, value and effort (1-5, or blank)."""
    st.markdown("**" + tr("partners_page.assess.position_heading") + "**")
    st.caption(tr("partners_page.assess.position_help"))
    low, high = candidates.SCORE_RANGE
    places = st.columns(2)
    for index, name in enumerate(RATINGS):
        places[index % 2].segmented_control(
            tr(f"partners.col.{name}"),
            options=list(range(low, high + 1)),
            default=current.get(name),
            key=f"{prefix}{name}",
            help=tr(f"partners_page.help.{name}"),
        )


def _text_inputs(prefix: str, current: Mapping[str, Any]) -> None:
    """What each side could bring, and the risks."""
    st.markdown("**" + tr("partners_page.assess.texts_heading") + "**")
    left, right = st.columns(2)
    left.text_area(
        tr("partners.col.contribution_to_us"),
        value=current.get("contribution_to_us") or "",
        key=prefix + "contribution_to_us",
        height=100,
    )
    right.text_area(
        tr("partners.col.contribution_from_us"),
        value=current.get("contribution_from_us") or "",
        key=prefix + "contribution_from_us",
        height=100,
    )
    st.text_area(tr("partners.col.risks"), value=current.get("risks") or "", key=prefix + "risks", height=80)


# --- saving, deleting, deciding --------------------------------------------------------------------


def _save_assessment(org_id: int, assessment_id: int | None, goal_ids: list[int], name: str) -> None:
    """Store a new assessment (then open it) or the changes to a stored one."""
    prefix = editor_prefix(org_id, assessment_id)
    values = editor_values(prefix, goal_ids)
    if assessment_id is None:
        ok, new_id = change(
            "assess", lambda s: candidates.create_assessment(s, {"organisation_id": org_id, **values}, actor=actor())
        )
        if ok:
            for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(prefix)]:
                del st.session_state[key]  # an empty form for the next new assessment
            st.session_state[which_key(org_id)] = new_id
            flash("assess", "success", "partners_page.assess.created", name=name)
        return
    ok, changed = change("assess", lambda s: candidates.update_assessment(s, assessment_id, values, actor=actor()))
    if ok:
        flash("assess", "success", "partners_page.assess.saved" if changed else "partners_page.assess.nothing_changed")


def _delete_assessment(org_id: int, assessment_id: int, on: dt.date, confirm_key: str) -> None:
    """Delete an assessment once the box is ticked; the latest one left opens."""
    if not st.session_state.get(confirm_key):
        flash("delete", "warning", "partners_page.delete.needs_confirm")
        return
    ok, _ = change("delete", lambda s: candidates.delete_assessment(s, assessment_id, actor=actor()))
    if ok:
        st.session_state.pop(confirm_key, None)
        st.session_state.pop(which_key(org_id), None)  # back to the latest that is left
        flash("assess", "success", "partners_page.delete.done", date=on)


def _decide(assessment_id: int) -> None:
    """Store (or, with no choice, withdraw) the decision on the assessment."""
    prefix = f"{PREFIX}d{assessment_id}_"
    state = st.session_state
    decision = blank_to_none(state.get(prefix + "decision"))
    ok, _ = change(
        "decision",
        lambda s: candidates.record_decision(
            s,
            assessment_id,
            decision,
            state.get(prefix + "decided_on"),
            blank_to_none(state.get(prefix + "decided_by")),
            actor=actor(),
        ),
    )
    if not ok:
        return
    if decision is None:
        flash("decision", "success", "partners_page.decision.withdrawn")
    else:
        flash("decision", "success", "partners_page.decision.saved", decision=tr(f"partners.decision.{decision}"))


def decision_section(entry: Mapping[str, Any], name: str, staff: Mapping[int, str]) -> None:
    """Decline, keep exploring or go ahead, with the date and who decided; "go ahead" leads on."""
    assessment_id = entry["id"]
    prefix = f"{PREFIX}d{assessment_id}_"
    st.subheader(tr("partners_page.decision.heading"))
    st.caption(tr("partners_page.decision.intro"))
    decision = entry.get("decision")
    if decision:
        st.markdown(
            tr_md(
                "partners_page.decision.current",
                decision=tr(f"partners.decision.{decision}"),
                date=entry.get("decided_on"),
            )
        )
    decision_labels = {code: tr(f"partners.decision.{code}") for code in cp.DECISION_CODES}
    st.segmented_control(
        tr("partners_page.decision.pick"),
        options=list(cp.DECISION_CODES),
        format_func=shown_as(decision_labels),
        default=decision,
        key=prefix + "decision",
    )
    staff_labels = {BLANK: tr("common.none"), **staff}
    decided_by = entry.get("decided_by_id") if entry.get("decided_by_id") in staff else BLANK
    left, right = st.columns(2)
    left.date_input(
        tr("partners.col.decided_on"),
        value=entry.get("decided_on") or clock.today(),
        key=prefix + "decided_on",
        format=date_input_format(),
        min_value=EARLIEST_DATE,
        max_value=LATEST_DATE,
    )
    right.selectbox(
        tr("partners.col.decided_by"),
        options=list(staff_labels),
        format_func=shown_as(staff_labels),
        index=list(staff_labels).index(decided_by),
        placeholder=tr("widget.choose_one"),
        key=prefix + "decided_by",
    )
    st.button(
        tr("partners_page.decision.save"),
        key=prefix + "save",
        on_click=_decide,
        args=(assessment_id,),
        icon=":material/gavel:",
    )
    show_flash("decision")
    if decision == "go_ahead":
        next_step(assessment_id, name)


def _prepare_partnership(assessment_id: int) -> None:
    """Keep the new partnership's start (organisation, title, goals) for the partnerships page's form."""
    from components.partnerships_views import DRAFT_KEY

    ok, draft = change("decision", lambda s: candidates.partnership_draft(s, assessment_id))
    if ok:
        st.session_state[DRAFT_KEY] = draft
        st.session_state[GO_PARTNERSHIPS] = True


def next_step(assessment_id: int, name: str) -> None:
    """After "go ahead": register the partnership, on the partnerships page, its form filled in with the
    organisation and the goals of the assessment."""
    st.success(
        tr_md("partners_page.decision.next_step", name=name, page=tr("nav.partnerships")), icon=":material/handshake:"
    )
    st.button(
        tr("partners_page.decision.next_link"),
        key=f"{PREFIX}go_{assessment_id}",
        icon=":material/add_link:",
        on_click=_prepare_partnership,
        args=(assessment_id,),
    )
    if st.session_state.pop(GO_PARTNERSHIPS, False):
        try:
            st.switch_page("pages/partnerships.py")
        except StreamlitAPIException:
            pass  # a page run on its own (tests) has no other pages; the form is filled in when it is opened


def history_table(history: Sequence[Mapping[str, Any]], staff: Mapping[int, str]) -> None:
    """Every assessment of the organisation with its score and decision, newest first."""
    st.markdown("**" + tr("partners_page.history.heading", count=len(history)) + "**")
    if not history:
        st.caption(tr("partners_page.history.none"))
        return
    date_format = date_input_format()
    st.dataframe(
        cp.history_frame(history, staff, lang()),
        hide_index=True,
        width="stretch",
        key=PREFIX + "history",
        placeholder="",
        column_config={
            tr("partners_page.col.assessed_on"): st.column_config.DateColumn(format=date_format),
            tr("partners_page.col.decided_on"): st.column_config.DateColumn(format=date_format),
            tr("partners_page.col.completeness"): st.column_config.ProgressColumn(
                min_value=0, max_value=100, format="%d %%"
            ),
        },
    )


def _delete_box(org_id: int, entry: Mapping[str, Any]) -> None:
    """The box "Slet denne vurdering": deleting only after a confirmation tick."""
    with st.expander(tr("partners_page.delete.heading"), icon=":material/delete:"):
        show_flash("delete")
        confirm_key = f"{PREFIX}del{entry['id']}_confirm"
        st.checkbox(tr_md("partners_page.delete.confirm", date=entry["assessed_on"]), key=confirm_key)
        st.button(
            tr("partners_page.delete.button"),
            key=f"{PREFIX}del{entry['id']}_button",
            on_click=_delete_assessment,
            args=(org_id, entry["id"], entry["assessed_on"], confirm_key),
        )


# --- the tab "Vurdér og beslut" --------------------------------------------------------------------


def assess_section(orgs: Mapping[int, str], staff: Mapping[int, str], goals: Mapping[int, str]) -> None:
    """Choose an organisation and an assessment of it; rate, save, decide; see and delete earlier ones."""
    if not orgs:
        st.caption(tr("partners_page.assess.none_yet"))
        return
    org_id = organisation_picker(orgs)
    if org_id is None:
        st.caption(tr("partners_page.assess.choose"))
        return
    way_in_views.organisation_way_in(org_id)
    history = cp.assessment_history(database(), org_id)
    chosen = assessment_picker(org_id, history)
    entry = next((e for e in history if e["id"] == chosen), None)
    if chosen != NEW and entry is None:
        st.warning(tr("partners_page.assess.gone"))
        return
    if entry is not None and entry is not history[0]:
        st.caption(tr("partners_page.assess.not_latest"))
    assessment_editor(org_id, orgs[org_id], entry, staff, goals)
    if entry is None:
        st.caption(tr("partners_page.decision.first"))
    else:
        decision_section(entry, orgs[org_id], staff)
    st.divider()
    history_table(history, staff)
    if entry is not None:
        _delete_box(org_id, entry)


def assessment_editor(
    org_id: int, name: str, entry: Mapping[str, Any] | None, staff: Mapping[int, str], goals: Mapping[int, str]
) -> None:
    """Every input of one assessment (stored values, or empty for a new one), the live score and "Gem"."""
    assessment_id = entry["id"] if entry is not None else None
    prefix = editor_prefix(org_id, assessment_id)
    current = entry or {}
    _header_inputs(prefix, current, staff)
    score = _criteria_inputs(prefix, current)
    live_score(score)
    _goal_inputs(prefix, current, goals)
    _position_inputs(prefix, current)
    _text_inputs(prefix, current)
    st.button(
        tr("partners_page.assess.save"),
        type="primary",
        key=prefix + "save",
        icon=":material/save:",
        on_click=_save_assessment,
        args=(org_id, assessment_id, list(goals), name),
    )
    show_flash("assess")


# --- the charts ------------------------------------------------------------------------------------


def stakeholder_section() -> None:
    """The influence × interest matrix, or where to fill in the values when nothing has both."""
    chart = cp.stakeholder_chart(database())
    points, assessed = chart.points, chart.assessed
    if points.empty:
        st.info(tr("partners_page.matrix.none", tab=tr("partners_page.tab.assess")))
        return
    show_chart(figures.stakeholder_figure(points, lang()), key=PREFIX + "matrix")
    st.caption(tr_md("partners_page.matrix.caption", count=len(points), assessed=assessed))


def value_effort_section() -> None:
    """The value-for-effort bubbles, or where to fill in the values when nothing has both."""
    chart = cp.value_effort_chart(database())
    points, assessed = chart.points, chart.assessed
    if points.empty:
        st.info(tr("partners_page.value_effort.none", tab=tr("partners_page.tab.assess")))
        return
    show_chart(figures.value_effort_figure(points, lang()), key=PREFIX + "value_effort")
    st.caption(tr_md("partners_page.value_effort.caption", count=len(points), assessed=assessed))


# --- bulk load -------------------------------------------------------------------------------------


def import_section() -> None:
    """The assessments template: download, upload with preview, load and undo (shared component)."""
    template_import_section(
        "assessments",
        lambda name, data, *, commit, actor=None, progress=None: candidates.import_assessments(
            database(), name, data, commit=commit, actor=actor, progress=progress
        ),
        key=IMPORT_KEY,
    )
