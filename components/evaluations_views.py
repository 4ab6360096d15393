"""Pieces of the page "Evaluering": partnership health, scores over time, the latest round, the gap
between the library and the partner, the rounds with their responses, and the survey import.

Everything that reads or changes data is in ``lib.planning.evaluations``. Every change runs in a button
callback, before the page is drawn, so what is shown is what is stored; a callback's message is kept
in session state ("flash") and shown once where the user acted. The chosen partnership is kept in its
own session-state key (``PICK_KEY``): Streamlit drops widget state on a page the user leaves. Widgets
of one partnership or round carry its id in their key, so choosing another shows its own values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st

from components import clock, evaluation_links_views
from components.charts import show_chart
from components.context import actor, database, lang, tr
from components.feedback import Messages
from components.safe_markdown import escape_markdown, tr_md
from components.tables import Col, date_input_format, show_table
from components.template_import import template_import_section
from components.widgets import remembered_selectbox, shown_as
from lib.core.i18n import format_number
from lib.core.progress import Progress
from lib.ingest.planning_tables import TableImportResult
from lib.planning import evaluations as ev
from lib.planning import evaluations_page as evp
from lib.planning import figures

PREFIX = "evals_"
FLASH_KEY = PREFIX + "flash"
PICK_KEY = PREFIX + "pick"
PICK_WIDGET = PREFIX + "pick_widget"
SIDE_WIDGET = PREFIX + "side"
BLANK = ""  # "no answer" in the response form; "new round" in the pickers is NEW_ROUND
NEW_ROUND = 0
LATEST = 0  # the "latest round" choice of the detail picker
EARLIEST_DATE, LATEST_DATE = dt.date(1990, 1, 1), dt.date(2100, 12, 31)
SCORES = (1, 2, 3, 4, 5)

ROUND_COLUMNS = (
    Col("held_on", "evaluations_page.col.held_on", "date"),
    Col("title", "evaluations_page.col.title"),
    Col("library", "evaluations_page.col.library", "number"),
    Col("partner", "evaluations_page.col.partner", "number"),
    Col("imported_label", "evaluations_page.col.imported"),
)
RESPONSE_COLUMNS = (
    Col("side_label", "evaluations_page.col.side"),
    Col("respondent", "evaluations_page.col.respondent"),
    Col("answered", "evaluations_page.col.answered", "number"),
    Col("reflections", "evaluations_page.col.reflections"),
)

MESSAGES = Messages(FLASH_KEY, "evaluations")
flash = MESSAGES.flash
show_flash = MESSAGES.show
change = MESSAGES.change


# --- small helpers ---------------------------------------------------------------------------------


def score_text(value: float | None, decimals: int = 0) -> str:
    """A 0-100 score or 1-5 mean in the reader's format; a dash when it could not be computed."""
    return evp.score_text(value, lang(), decimals)


def side_word(side: str) -> str:
    """ "Biblioteket", "Partneren" or "Begge" in the user's language."""
    return tr(f"evaluations.side.{side}")


def round_label(held_on: dt.date, title: str | None) -> str:
    """ "dd-mm-yyyy · title" (the date alone for a round without a title)."""
    return evp.round_label(held_on, title, lang())


# --- choosing a partnership ------------------------------------------------------------------------


def partnership_picker(choices: Mapping[int, str], default: int) -> int:
    """The selectbox "Partnerskab"; returns the chosen partnership's id."""
    return remembered_selectbox(
        tr("evaluations_page.pick"), choices, store_key=PICK_KEY, widget_key=PICK_WIDGET, default=default
    )


# --- health ----------------------------------------------------------------------------------------


def health_table(overview: pd.DataFrame) -> None:
    """All partnerships under way with their health and its parts; blank where a part is not computed."""
    st.subheader(tr("evaluations_page.health.heading"))
    if overview.empty:
        st.caption(tr("evaluations_page.health.none"))
        return
    config: dict[str, Any] = {
        "title": st.column_config.TextColumn(tr("evaluations_page.col.partnership")),
        "score": st.column_config.ProgressColumn(
            tr("evaluations.health"), min_value=0, max_value=100, format="%d", help=tr("evaluations.health_rule")
        ),
    }
    for name in ev.HEALTH_WEIGHTS:
        config[name] = st.column_config.NumberColumn(
            tr(f"evaluations.health.{name}"), format="%d", help=tr(f"evaluations_page.health.rule.{name}")
        )
    st.dataframe(
        evp.health_frame(overview),
        hide_index=True,
        width="stretch",
        key=PREFIX + "health_table",
        column_order=["title", "score", *ev.HEALTH_WEIGHTS],
        column_config=config,
        placeholder="",
    )
    st.caption(tr("evaluations_page.health.table_caption"))


def _part_help_md(part: ev.HealthPart) -> str:
    weight = tr(
        "evaluations_page.health.weight",
        weight=format_number(round(part.weight * 100), lang()),
        share=format_number(round(part.share * 100), lang()),
    )
    return f"{tr(f'evaluations_page.health.rule.{part.name}')} {weight}"


def partnership_health(partnership_id: int, on: dt.date) -> None:
    """The chosen partnership's score and its three parts as metrics, with how it is computed."""
    health = evp.health_of(database(), partnership_id, on)
    columns = st.columns(1 + len(health.parts))
    columns[0].metric(
        tr("evaluations.health"),
        escape_markdown(score_text(health.score)),
        help=tr("evaluations.health_rule"),
        border=True,
    )
    for place, part in zip(columns[1:], health.parts, strict=True):
        place.metric(
            tr(f"evaluations.health.{part.name}"),
            escape_markdown(score_text(part.value)),
            help=_part_help_md(part),
            border=True,
        )
        if part.value is None:
            place.caption(tr(f"evaluations_page.health.missing.{part.name}"))
    if health.score is None:
        st.info(tr("evaluations_page.health.no_score"), icon=":material/info:")
    with st.expander(tr("evaluations_page.health.how"), icon=":material/calculate:"):
        st.markdown(tr("evaluations.health_rule"))
        for name in ev.HEALTH_WEIGHTS:
            st.markdown(f"- **{tr(f'evaluations.health.{name}')}**: {tr(f'evaluations_page.health.rule.{name}')}")


# --- results ---------------------------------------------------------------------------------------


def _detail_round(partnership_id: int, rounds: pd.DataFrame) -> int | None:
    """The round the item, gap and reflection sections show: the latest with answers unless chosen."""
    answered = evp.answered_rounds(rounds)
    if answered.empty:
        return None
    labels = {
        LATEST: tr(
            "evaluations_page.detail.latest", round=round_label(answered["held_on"].iloc[0], answered["title"].iloc[0])
        )
    }
    labels |= {int(r.round_id): round_label(r.held_on, r.title) for r in answered.itertuples()}
    key = f"{PREFIX}detail_{partnership_id}"
    if st.session_state.get(key) not in labels:
        st.session_state[key] = LATEST
    chosen = st.selectbox(
        tr("evaluations_page.detail.pick"),
        options=list(labels),
        placeholder=tr("widget.choose_one"),
        key=key,
        format_func=shown_as(labels),
    )
    return int(answered["round_id"].iloc[0]) if chosen == LATEST else int(chosen)


def scores_section(scores: pd.DataFrame) -> None:
    """The line chart over time, for both sides together or one side chosen by the user."""
    st.subheader(tr("evaluations_page.scores.heading"))
    sides = {side: tr(f"evaluations.side.{side}") for side in ("all", *ev.SIDES)}
    if st.session_state.get(SIDE_WIDGET) not in sides:
        st.session_state[SIDE_WIDGET] = "all"
    side = st.radio(
        tr("evaluations_page.scores.side"),
        options=list(sides),
        format_func=shown_as(sides),
        horizontal=True,
        key=SIDE_WIDGET,
    )
    show_chart(figures.scores_figure(scores, side, lang()), key=f"{PREFIX}scores_chart")
    st.caption(tr("evaluations.band_rule") + " " + tr("evaluations_page.scores.caption"))


def items_section(items: pd.DataFrame) -> None:
    """The chosen round item by item against the bands."""
    st.subheader(tr("evaluations_page.items.heading"))
    show_chart(figures.items_figure(items, lang()), key=f"{PREFIX}items_chart")
    st.caption(tr("evaluations_page.items.caption"))


def gaps_section(gaps: ev.Gaps) -> None:
    """Both sides' means side by side, a note when a side did not answer, and the gaps worth talking about."""
    st.subheader(tr("evaluations_page.gaps.heading"))
    levels = {"dimension": tr("evaluations_page.gaps.per_dimension"), "item": tr("evaluations_page.gaps.per_item")}
    level = st.radio(
        tr("evaluations_page.gaps.level"),
        options=list(levels),
        format_func=shown_as(levels),
        horizontal=True,
        key=f"{PREFIX}gap_level",
    )
    rows = figures.gap_rows(gaps, level, lang())
    silent = evp.silent_sides(gaps)
    for side in silent:
        st.warning(tr_md("evaluations_page.gaps.side_missing", side=side_word(side)), icon=":material/person_off:")
    show_chart(figures.gaps_figure(rows, lang()), key=f"{PREFIX}gaps_chart")
    shown = evp.flagged_gaps(rows, lang())
    if shown is not None:
        st.warning(
            tr("evaluations.gap_flagged") + " " + tr_md("evaluations_page.gaps.flagged", items=shown),
            icon=":material/compare_arrows:",
        )
    elif not silent:
        st.caption(tr("evaluations_page.gaps.none_flagged"))


def reflections_section(responses: pd.DataFrame) -> None:
    """Every written reflection of the round, with who wrote it (side and respondent label)."""
    st.subheader(tr("evaluations_page.reflections.heading"))
    written = evp.written_reflections(responses)
    if written.empty:
        st.caption(tr("evaluations_page.reflections.none"))
        return
    for row in written.itertuples():
        with st.container(border=True):
            who = side_word(row.side) + (f" · {row.respondent}" if isinstance(row.respondent, str) else "")
            st.caption(escape_markdown(who))
            st.markdown(escape_markdown(row.reflections))


def results_tab(partnership_id: int) -> None:
    """Scores over time, then one round item by item, the sides' gap and the reflections."""
    results = evp.partnership_results(database(), partnership_id)
    scores, rounds = results.scores, results.rounds
    if scores.empty:
        st.info(
            tr(
                "evaluations_page.no_rounds",
                rounds_tab=tr("evaluations_page.tab.rounds"),
                import_tab=tr("evaluations_page.tab.import"),
            ),
            icon=":material/info:",
        )
        return
    scores_section(scores)
    st.divider()
    round_id = _detail_round(partnership_id, rounds)
    if round_id is None:
        return
    detail = evp.round_results(database(), round_id, lang())
    items_section(detail.items)
    gaps_section(detail.gaps)
    reflections_section(detail.responses)


# --- rounds and responses --------------------------------------------------------------------------


def _new_round_prefix(partnership_id: int) -> str:
    return f"{PREFIX}new_round_{partnership_id}_"


def _manage_key(partnership_id: int) -> str:
    return f"{PREFIX}manage_{partnership_id}"


def _create_round(partnership_id: int) -> None:
    state, prefix = st.session_state, _new_round_prefix(partnership_id)
    held_on, title = state.get(prefix + "held_on"), state.get(prefix + "title")
    ok, round_id = change("new_round", lambda s: ev.create_round(s, partnership_id, held_on, title, actor=actor()))
    if ok:
        state[_manage_key(partnership_id)] = round_id
        state[prefix + "title"] = ""
        flash("new_round", "success", "evaluations_page.new_round.done", date=held_on)


def new_round_form(partnership_id: int) -> None:
    """The form "Ny evalueringsrunde": date (required) and title."""
    prefix = _new_round_prefix(partnership_id)
    st.markdown("**" + tr("evaluations_page.new_round.heading") + "**")
    show_flash("new_round")
    with st.form(prefix + "form"):
        left, right = st.columns([1, 2])
        left.date_input(
            tr("evaluations_page.col.held_on") + " *",
            value=clock.today(),
            key=prefix + "held_on",
            format=date_input_format(),
            min_value=EARLIEST_DATE,
            max_value=LATEST_DATE,
        )
        right.text_input(
            tr("evaluations_page.col.title"),
            key=prefix + "title",
            max_chars=300,
            placeholder=tr("evaluations_page.new_round.title_hint"),
        )
        st.form_submit_button(
            tr("evaluations_page.new_round.submit"),
            key=prefix + "submit",
            type="primary",
            icon=":material/add:",
            on_click=_create_round,
            args=(partnership_id,),
        )


def _response_prefix(round_id: int) -> str:
    return f"{PREFIX}response_{round_id}_"


def _add_response(round_id: int) -> None:
    state, prefix = st.session_state, _response_prefix(round_id)
    answers = {
        code: None if state.get(prefix + code) in (BLANK, None) else state.get(prefix + code) for code in ev.ITEM_CODES
    }
    if all(value is None for value in answers.values()):
        # The lib refuses it too, but its words are about an imported row; this says what to do in the form.
        flash("response", "warning", "evaluations_page.response.no_answers")
        return
    side, respondent, reflections = (
        state.get(prefix + "side"),
        state.get(prefix + "respondent"),
        state.get(prefix + "reflections"),
    )
    ok, _ = change(
        "response",
        lambda s: ev.add_response(
            s, round_id, side, answers, respondent=respondent, reflections=reflections, actor=actor()
        ),
    )
    if ok:
        for code in ev.ITEM_CODES:
            state[prefix + code] = BLANK
        state[prefix + "respondent"] = ""
        state[prefix + "reflections"] = ""
        flash(
            "response",
            "success",
            "evaluations_page.response.saved",
            side=side_word(side),
            count=sum(v is not None for v in answers.values()),
        )


def response_form(round_id: int) -> None:
    """One respondent's answers: side, optional label, each item 1-5 or no answer, a reflection."""
    prefix = _response_prefix(round_id)
    st.markdown("**" + tr("evaluations_page.response.heading") + "**")
    show_flash("response")
    sides = {side: escape_markdown(side_word(side)) for side in ev.SIDES}
    options: list[Any] = [BLANK, *SCORES]
    shown = {BLANK: tr("evaluations_page.response.blank"), **{score: str(score) for score in SCORES}}
    with st.form(prefix + "form"):
        left, right = st.columns(2)
        left.radio(
            tr("evaluations_page.col.side") + " *",
            options=list(sides),
            format_func=shown_as(sides),
            horizontal=True,
            key=prefix + "side",
        )
        right.text_input(
            tr("evaluations_page.col.respondent"),
            key=prefix + "respondent",
            max_chars=200,
            help=tr("evaluations.guide.respondent"),
        )
        st.caption(tr("evaluations.scale"))
        for dimension in ev.DIMENSIONS:
            st.markdown(
                f"**{tr(f'evaluations.dimension.{dimension}')}** – {tr(f'evaluations.dimension.{dimension}.help')}"
            )
            for code in ev.items_of(dimension):
                st.radio(
                    escape_markdown(ev.item_text(code, lang())),
                    options=options,
                    format_func=shown_as(shown),
                    horizontal=True,
                    key=prefix + code,
                )
        st.text_area(tr("evaluations_page.col.reflections"), key=prefix + "reflections", height=80)
        st.form_submit_button(
            tr("evaluations_page.response.submit"),
            key=prefix + "submit",
            type="primary",
            icon=":material/save:",
            on_click=_add_response,
            args=(round_id,),
        )


def _delete_response(round_id: int) -> None:
    prefix = _response_prefix(round_id)
    response_id = st.session_state.get(prefix + "delete_pick")
    if not st.session_state.get(prefix + "delete_confirm"):
        flash("responses", "warning", "evaluations_page.responses.needs_confirm")
        return
    if change("responses", lambda s: ev.delete_response(s, response_id, actor=actor()))[0]:
        st.session_state[prefix + "delete_confirm"] = False
        flash("responses", "success", "evaluations_page.responses.deleted")


def responses_list(round_id: int, responses: pd.DataFrame) -> None:
    """The round's responses, and deleting one of them (after ticking the confirm box)."""
    prefix = _response_prefix(round_id)
    st.markdown("**" + tr("evaluations_page.responses.heading", count=len(responses)) + "**")
    show_flash("responses")
    if responses.empty:
        st.caption(tr("evaluations_page.responses.none"))
        return
    shown = responses.assign(side_label=[side_word(s) for s in responses["side"]])
    show_table(shown, RESPONSE_COLUMNS, key=prefix + "table")
    labels = evp.response_labels(responses, lang())
    with st.expander(tr("evaluations_page.responses.delete_heading"), icon=":material/delete:"):
        st.selectbox(
            tr("evaluations_page.responses.delete_pick"),
            options=list(labels),
            placeholder=tr("widget.choose_one"),
            key=prefix + "delete_pick",
            format_func=shown_as(labels),
        )
        st.checkbox(tr("evaluations_page.responses.confirm"), key=prefix + "delete_confirm")
        st.button(
            tr("evaluations_page.responses.delete"), key=prefix + "delete", on_click=_delete_response, args=(round_id,)
        )


def _delete_round(partnership_id: int, round_id: int, label: str) -> None:
    confirm = f"{PREFIX}round_delete_confirm_{round_id}"
    if not st.session_state.get(confirm):
        flash("round", "warning", "evaluations_page.round.needs_confirm")
        return
    if change("round", lambda s: ev.delete_round(s, round_id, actor=actor()))[0]:
        st.session_state.pop(confirm, None)
        st.session_state.pop(_manage_key(partnership_id), None)
        flash("rounds", "success", "evaluations_page.round.deleted", round=label)


def delete_round_box(partnership_id: int, round_id: int, label: str, responses: int) -> None:
    """Deleting the round with all its responses, after ticking the confirm box."""
    with st.expander(tr("evaluations_page.round.delete_heading"), icon=":material/delete:"):
        show_flash("round")
        st.checkbox(
            tr_md("evaluations_page.round.confirm", count=responses), key=f"{PREFIX}round_delete_confirm_{round_id}"
        )
        st.button(
            tr("evaluations_page.round.delete"),
            key=f"{PREFIX}round_delete_{round_id}",
            on_click=_delete_round,
            args=(partnership_id, round_id, label),
        )


def rounds_tab(partnership_id: int) -> None:
    """The rounds (date, title, respondents per side), a new round, and one round's responses."""
    rounds = evp.rounds_of(database(), partnership_id)
    show_flash("rounds")
    shown = rounds.assign(imported_label=[tr("evaluations_page.imported") if i else "" for i in rounds["imported"]])
    show_table(
        shown, ROUND_COLUMNS, key=f"{PREFIX}rounds_table_{partnership_id}", empty_key="evaluations_page.rounds.none"
    )
    new_round_form(partnership_id)
    if rounds.empty:
        return
    st.divider()
    labels = {
        int(r.round_id): tr(
            "evaluations_page.rounds.option", round=round_label(r.held_on, r.title), count=int(r.responses)
        )
        for r in rounds.itertuples()
    }
    key = _manage_key(partnership_id)
    if st.session_state.get(key) not in labels:
        st.session_state[key] = next(iter(labels))
    round_id = st.selectbox(
        tr("evaluations_page.rounds.pick"),
        options=list(labels),
        placeholder=tr("widget.choose_one"),
        key=key,
        format_func=shown_as(labels),
    )
    responses = evp.responses_of(database(), round_id)
    this = rounds[rounds["round_id"] == round_id].iloc[0]
    response_form(round_id)
    responses_list(round_id, responses)
    delete_round_box(partnership_id, round_id, round_label(this["held_on"], this["title"]), len(responses))
    st.divider()
    evaluation_links_views.links_section(round_id, lang())


# --- survey import ---------------------------------------------------------------------------------


def import_tab(partnership_id: int) -> None:
    """Survey answers from Excel into a new round (date and title chosen here) or an existing round."""
    rounds = evp.rounds_of(database(), partnership_id)
    prefix = f"{PREFIX}import_{partnership_id}_"
    labels = {NEW_ROUND: tr("evaluations_page.import.new_round")}
    labels |= {int(r.round_id): round_label(r.held_on, r.title) for r in rounds.itertuples()}
    if st.session_state.get(prefix + "target") not in labels:
        st.session_state[prefix + "target"] = NEW_ROUND
    target = st.selectbox(
        tr("evaluations_page.import.target"),
        options=list(labels),
        placeholder=tr("widget.choose_one"),
        key=prefix + "target",
        format_func=shown_as(labels),
    )
    held_on: dt.date | None = None
    title: str | None = None
    if target == NEW_ROUND:
        left, right = st.columns([1, 2])
        held_on = left.date_input(
            tr("evaluations_page.col.held_on") + " *",
            value=clock.today(),
            key=prefix + "held_on",
            format=date_input_format(),
            min_value=EARLIEST_DATE,
            max_value=LATEST_DATE,
        )
        title = right.text_input(
            tr("evaluations_page.col.title"),
            key=prefix + "title",
            max_chars=300,
            placeholder=tr("evaluations_page.new_round.title_hint"),
        )

    def run_import(
        file_name: str, data: bytes, *, commit: bool, actor: str | None = None, progress: Progress | None = None
    ) -> TableImportResult:
        return ev.import_survey(
            database(),
            partnership_id,
            file_name,
            data,
            commit=commit,
            round_id=None if target == NEW_ROUND else target,
            held_on=held_on,
            title=title or None,
            actor=actor,
            progress=progress,
        )

    # The target is part of the key: a preview made for one round is never loaded into another.
    template_import_section("evaluations", run_import, key=f"{prefix}{target}")
