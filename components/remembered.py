"""Widget settings that survive what Streamlit forgets: a language switch and a visit to another page.

Two helpers, generic (the caller names its own session keys):

- :func:`refresh_translated_choices`: the browser keeps showing a choice's label in the language it
  had when the choice was made ("Alle" on an English page) until the value is sent again; assigning
  the same value through session state does that, once per language switch.
- :func:`keep_settings` / :func:`restore_settings`: Streamlit drops a widget's key when the user opens
  another page; a copy under a plain key (one Streamlit never drops) brings the settings back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import streamlit as st

from components.context import lang


def refresh_translated_choices(shown_key: str, keys: Iterable[str] | Callable[[str], bool]) -> None:
    """After a language switch, make the widgets ``keys`` show their choices in the new language.

    ``shown_key`` remembers the language the widgets were last shown in; ``keys`` are the widgets'
    session keys, or a test a key must pass (for widgets whose keys carry an id)."""
    current = lang()
    if st.session_state.get(shown_key) == current:
        return
    st.session_state[shown_key] = current
    if callable(keys):
        chosen = [key for key in list(st.session_state) if isinstance(key, str) and keys(key)]
    else:
        chosen = [key for key in keys if key in st.session_state]
    for key in chosen:
        st.session_state[key] = st.session_state[key]


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def keep_settings(store_key: str, keys: Iterable[str]) -> None:
    """Copy the widgets ``keys`` to ``store_key``, which Streamlit keeps when another page opens."""
    kept = st.session_state.setdefault(store_key, {})
    for key in keys:
        if key in st.session_state:
            kept[key] = st.session_state[key]


def restore_settings(store_key: str, defaults: Mapping[str, Any] | None = None) -> None:
    """Put back what :func:`keep_settings` kept under ``store_key`` (a widget already set wins),
    then give every key of ``defaults`` still unset its default (lists are copied)."""
    for key, value in st.session_state.get(store_key, {}).items():
        if key not in st.session_state:
            st.session_state[key] = value
    for key, value in (defaults or {}).items():
        if key not in st.session_state:
            st.session_state[key] = _copy(value)


def set_values(values: Mapping[str, Any]) -> None:
    """Set each widget of ``values`` to its value (lists are copied), e.g. to reset filters."""
    for key, value in values.items():
        st.session_state[key] = _copy(value)
