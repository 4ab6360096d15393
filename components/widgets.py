"""Widgets the pages build the same way: choices shown by label, and choices that survive a page change.

Streamlit forgets a widget's own session-state key when the user visits another page. A choice that
should still be there on coming back (the open tab, the chosen person or partnership) is therefore
kept under a second key of its own, copied from the widget when the user changes it and given back to
the widget on every draw.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st

from components.context import lang, tr
from lib.core.i18n import label
from lib.core.vocabulary import ORGANISATION_TYPES, SECTORS

#: The value of a selectbox's "nothing chosen" entry. Not None: a selectbox whose value is None shows its
#: placeholder instead of the entry's label.
BLANK = ""


def blank_to_none(value: Any) -> Any:
    """The value of a selectbox with a :data:`BLANK` entry: None when nothing is chosen."""
    return None if value in (BLANK, None) else value


def shown_as(labels: Mapping[Any, str]) -> Callable[[Any], str]:
    """A format_func that looks up labels translated while drawing.

    Streamlit may call format_func outside the script run (AppTest does, to match a value), where the
    user's language cannot be read; a lookup gives the same text either way.
    """
    return lambda value: labels.get(value, "…")


def _keep(store_key: str, widget_key: str) -> None:
    st.session_state[store_key] = st.session_state.get(widget_key)


def remembered_selectbox(
    label: str, labels: Mapping[Any, str], *, store_key: str, widget_key: str, default: Any
) -> Any:
    """A selectbox of the keys of ``labels`` (shown by their labels) whose choice is kept under
    ``store_key`` across pages; returns the chosen key.

    The kept choice is used while it is still one of ``labels``; else ``default`` (itself one of them).
    """
    chosen = st.session_state.get(store_key, default)
    if chosen not in labels:
        chosen = default
    st.session_state[store_key] = chosen
    st.session_state[widget_key] = chosen
    st.selectbox(
        label,
        options=list(labels),
        placeholder=tr("widget.choose_one"),
        key=widget_key,
        format_func=shown_as(labels),
        on_change=_keep,
        args=(store_key, widget_key),
    )
    return chosen


def _keep_tab(labels: Mapping[str, str], tab_key: str, active_key: str) -> None:
    opened = st.session_state.get(tab_key)
    for name, text in labels.items():
        if text == opened:
            st.session_state[active_key] = name


def remembered_tabs(labels: Mapping[str, str], *, tab_key: str, active_key: str) -> dict[str, Any]:
    """``st.tabs`` of ``labels`` (tab name → shown label) that opens on the tab the user last chose.

    The open tab is kept under ``active_key`` by its name, not its label: a label changes with the
    language or a count in it, and Streamlit would then open the first tab again. Returns the tabs by
    name (a tab's ``.open`` says whether it is the one shown).
    """
    first = next(iter(labels))
    active = st.session_state.get(active_key, first)
    st.session_state[tab_key] = labels[active if active in labels else first]
    tabs = st.tabs(list(labels.values()), key=tab_key, on_change=_keep_tab, args=(labels, tab_key, active_key))
    return dict(zip(labels, tabs, strict=True))


def tab_keys(prefix: str) -> tuple[str, str]:
    """The session-state keys of a page's tabs (the widget's, and the one that remembers the open tab by
    name), named after the page's ``prefix``."""
    return prefix + "tab", prefix + "active_tab"


def page_tabs(prefix: str, labels: Mapping[str, str]) -> dict[str, Any]:
    """A page's tabs (:func:`remembered_tabs`) under the keys :func:`tab_keys` gives ``prefix``: a save,
    which reruns the page, leaves the user on the tab they were on, where its message is shown."""
    tab_key, active_key = tab_keys(prefix)
    return remembered_tabs(labels, tab_key=tab_key, active_key=active_key)


def with_blank(choices: Mapping[Any, str], blank_key: str) -> dict[Any, str]:
    """``choices`` with a first "nothing chosen" entry.

    The entry's value is ``BLANK``, not None: a selectbox whose value is None shows its placeholder
    instead of the entry's label.
    """
    return {BLANK: tr(blank_key), **choices}


def vocabulary_label(prefix: str, code: str | None) -> str:
    """The user's word for a vocabulary code (``orgtype``, ``sector``); nothing for no code (None, or
    pandas' NaN), and a code the vocabulary does not have as it is stored rather than a translation key."""
    return label(prefix, code, lang())


def type_labels(blank_key: str) -> dict[str, str]:
    """Organisation types for a selectbox, after a blank entry saying ``blank_key``."""
    return with_blank({code: vocabulary_label("orgtype", code) for code in ORGANISATION_TYPES}, blank_key)


def sector_labels(blank_key: str) -> dict[str, str]:
    """Sectors for a selectbox, after a blank entry saying ``blank_key``."""
    return with_blank({code: vocabulary_label("sector", code) for code in SECTORS}, blank_key)
