"""The contacts page's review of organisations that may be one (``lib.contacts.organisation_duplicates``).

Below the people on the "Mulige dubletter" tab: one card per pair, with the reason in words, the two
side by side, and the choice to merge them (keeping either) or to say they are two. Changes run in
button callbacks and report through the contacts page's messages (``components.records_views``).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from components.context import actor, tr
from components.people_duplicates_views import decide, side_by_side
from components.records_views import ORGANISATION, change, flash, show_flash
from components.safe_markdown import escape_markdown
from components.widgets import vocabulary_label
from lib import contacts
from lib.contacts import organisation_duplicates

#: How many cards are drawn at once; the rest follow as earlier ones are decided.
PAIRS_SHOWN = 25
#: The flash slot of the organisation review.
SLOT = "org_duplicates"
#: The rows of a card's comparison table: (field in ``review_frame``, its label).
COMPARED = (
    ("name", "contacts.field.name"),
    ("cvr", "contacts.field.cvr"),
    ("org_type", "contacts.field.org_type"),
    ("website", "contacts.field.website"),
    ("people", "contacts.field.people_count"),
)


def organisation_pairs_review(pairs: pd.DataFrame) -> None:
    """The organisations that may be one: a heading, how many, then a card per pair."""
    st.divider()
    st.markdown(f"**{tr('orgdup.page.heading')}**")
    show_flash(SLOT)
    st.caption(tr("orgdup.page.intro"))
    if pairs.empty:
        st.caption(tr("orgdup.page.none"))
        return
    st.caption(tr("orgdup.page.count", count=len(pairs)))
    if len(pairs) > PAIRS_SHOWN:
        st.caption(tr("orgdup.page.showing", shown=PAIRS_SHOWN, total=len(pairs)))
    for row in pairs.head(PAIRS_SHOWN).to_dict("records"):
        _pair_card(row)


def pair_prefix(a_id: int, b_id: int) -> str:
    """Prefix of the widget keys of the card of organisations ``a_id`` and ``b_id``."""
    return f"contacts_orgdup_{a_id}_{b_id}_"


def _pair_card(row: dict[str, Any]) -> None:
    a_id, b_id = int(row["a_id"]), int(row["b_id"])
    prefix = pair_prefix(a_id, b_id)
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(row['reason'])}**")
        st.dataframe(_comparison_frame(row), hide_index=True, placeholder="")
        decide(
            prefix,
            "orgdup.page",
            (row["a_name"], row["b_name"]),
            merge=(_merge_pair, (a_id, b_id, row["a_name"], row["b_name"])),
            dismiss=(_dismiss_pair, (a_id, b_id)),
        )


def _shown(name: str, value: Any) -> str:
    if name == "org_type":
        return vocabulary_label("orgtype", value)
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value)


def _comparison_frame(row: dict[str, Any]) -> pd.DataFrame:
    """The two organisations side by side, one line per field (A left, B right), as plain text."""
    return side_by_side(row, COMPARED, ("a_", "b_"), _shown)


def _merge_pair(a_id: int, b_id: int, a_name: str, b_name: str) -> None:
    keep_a = st.session_state.get(f"{pair_prefix(a_id, b_id)}keep", "a") == "a"
    keep_id, remove_id = (a_id, b_id) if keep_a else (b_id, a_id)
    kept_name = a_name if keep_a else b_name
    ok, alias = change(SLOT, lambda s: contacts.merge_organisations(s, keep_id, remove_id, actor=actor()))
    if not ok:
        return
    if st.session_state.get(ORGANISATION.open_key) == remove_id:
        st.session_state[ORGANISATION.open_key] = keep_id
    if alias:
        flash(SLOT, "success", "orgdup.page.merged", alias=alias, name=kept_name)
    else:
        flash(SLOT, "success", "contacts.merged")


def _dismiss_pair(a_id: int, b_id: int) -> None:
    ok, _ = change(SLOT, lambda s: organisation_duplicates.dismiss_pair(s, a_id, b_id, actor=actor()))
    if ok:
        flash(SLOT, "success", "orgdup.page.dismissed")
