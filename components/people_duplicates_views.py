"""The contacts page's review of people who may be one (``lib.contacts.duplicates``).

On the "Mulige dubletter" tab, above the organisations (``components.organisation_duplicates_views``):
a button that scans for new pairs, then one card per pair with the rule that matched, the two side
by side, and the choice to merge them (keeping either) or to say they are two. Changes run in button
callbacks and report through the contacts page's messages (``components.records_views``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from components.context import actor, tr
from components.records_views import PERSON, change, flash, show_flash
from components.safe_markdown import tr_md
from components.widgets import shown_as
from lib import contacts
from lib.core.normalize import display_phone

#: How many review cards are drawn at once; the rest follow as earlier ones are decided.
DUPLICATES_SHOWN = 25
#: The rows of a card's comparison table: (field, its label).
COMPARED = tuple((name, f"contacts.field.{name}") for name in ("name", "email", "phone", "organisations"))
#: How a value is shown in a comparison table: (field, value) → text.
Shown = Callable[[str, Any], str]


def duplicates_review(duplicates: pd.DataFrame) -> None:
    """The review queue: a scan button, then one card per pair waiting for a decision."""
    show_flash("duplicates")
    st.caption(tr("contacts.dup.intro"))
    st.button(
        tr("contacts.dup.scan"),
        key="contacts_dup_scan",
        on_click=_scan_for_duplicates,
        help=tr("contacts.dup.scan_help"),
    )
    if duplicates.empty:
        st.info(tr("contacts.dup.none"))
        return
    if len(duplicates) > DUPLICATES_SHOWN:
        st.caption(tr("contacts.dup.showing", shown=DUPLICATES_SHOWN, total=len(duplicates)))
    for row in duplicates.head(DUPLICATES_SHOWN).to_dict("records"):
        _duplicate_card(row)


def _duplicate_card(row: dict[str, Any]) -> None:
    candidate_id, a_id, b_id = int(row["id"]), int(row["person_a_id"]), int(row["person_b_id"])
    with st.container(border=True):
        rule = tr(f"records.rule.{row['rule']}")
        st.markdown(f"**{rule}** · {tr_md('contacts.dup.score', score=row['score'])}")
        st.dataframe(_comparison_frame(row), hide_index=True, placeholder="")
        decide(
            f"contacts_dup_{candidate_id}_",
            "contacts.dup",
            (row["person_a_name"], row["person_b_name"]),
            merge=(_merge_candidate, (candidate_id, a_id, b_id)),
            dismiss=(_dismiss_candidate, (candidate_id,)),
        )


def decide(
    prefix: str,
    texts: str,
    names: tuple[str, str],
    *,
    merge: tuple[Callable[..., None], tuple[Any, ...]],
    dismiss: tuple[Callable[..., None], tuple[Any, ...]],
) -> None:
    """A review card's decision: which of the two ``names`` to keep (widget ``prefix + "keep"``: "a" or
    "b"), and the buttons that merge them or say they are two, each a (callback, args); ``texts`` is
    the prefix of the words "keep", "merge" and "dismiss"."""
    sides = {side: tr_md(f"contacts.dup.keep_{side}", name=name) for side, name in zip("ab", names, strict=True)}
    st.radio(
        tr(f"{texts}.keep"), options=list(sides), key=prefix + "keep", horizontal=True, format_func=shown_as(sides)
    )
    left, right = st.columns(2)
    left.button(tr(f"{texts}.merge"), key=prefix + "merge", type="primary", on_click=merge[0], args=merge[1])
    right.button(tr(f"{texts}.dismiss"), key=prefix + "dismiss", on_click=dismiss[0], args=dismiss[1])


def _shown_field(name: str, value: Any) -> str:
    return (display_phone(value) if name == "phone" else value) or ""


def side_by_side(
    row: Mapping[str, Any], compared: Sequence[tuple[str, str]], sides: tuple[str, str], shown: Shown
) -> pd.DataFrame:
    """Two records of a review card side by side, one line per ``compared`` (field, its label key):
    A left (``row[sides[0] + field]``), B right, each value as ``shown(field, value)``."""
    return pd.DataFrame(
        {
            tr("contacts.dup.field"): [tr(label) for _name, label in compared],
            "A": [shown(name, row[sides[0] + name]) for name, _label in compared],
            "B": [shown(name, row[sides[1] + name]) for name, _label in compared],
        }
    )


def _comparison_frame(row: dict[str, Any]) -> pd.DataFrame:
    """The two people side by side, one line per field (A left, B right)."""
    return side_by_side(row, COMPARED, ("person_a_", "person_b_"), _shown_field)


def _merge_candidate(candidate_id: int, person_a_id: int, person_b_id: int) -> None:
    keep_a = st.session_state.get(f"contacts_dup_{candidate_id}_keep", "a") == "a"
    keep_id, remove_id = (person_a_id, person_b_id) if keep_a else (person_b_id, person_a_id)
    ok, _ = change("duplicates", lambda s: contacts.merge_people(s, keep_id, remove_id, actor=actor()))
    if ok:
        if st.session_state.get(PERSON.open_key) == remove_id:
            st.session_state[PERSON.open_key] = keep_id
        flash("duplicates", "success", "contacts.merged")


def _dismiss_candidate(candidate_id: int) -> None:
    ok, _ = change("duplicates", lambda s: contacts.dismiss_duplicate(s, candidate_id, actor=actor()))
    if ok:
        flash("duplicates", "success", "contacts.dup.dismissed")


def _scan_for_duplicates() -> None:
    ok, found = change("duplicates", lambda s: contacts.queue_near_duplicates(s, actor=actor()))
    if ok:
        flash("duplicates", "success", "contacts.dup.scanned", count=found)
