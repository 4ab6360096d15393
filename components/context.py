"""What every page needs: the user's language, translated text, and the database."""

from __future__ import annotations

from typing import Any

import streamlit as st

from lib import i18n
from lib.storage import Database, open_database

LANG_KEY = "lang"


def lang() -> str:
    """The language the user chose in the sidebar (Danish until they choose)."""
    value = st.session_state.get(LANG_KEY, i18n.DEFAULT_LANGUAGE)
    return value if value in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE


def tr(key: str, **params: Any) -> str:
    """``key`` from the translation table, in the user's language."""
    return i18n.t(key, lang(), **params)


def database() -> Database:
    """The workspace database (``DATABASE_URL`` or the local SQLite file), shared by all sessions."""
    return open_database()


def actor() -> str | None:
    """Who is acting, for the event log: the logged-in user's e-mail, else None (local mode)."""
    try:
        if st.user.is_logged_in:  # type: ignore[attr-defined]
            return str(st.user.get("email") or st.user.get("name") or "")
    except Exception:  # noqa: BLE001 - st.user raises when auth is not configured at all
        return None
    return None


def show_error(error: Exception) -> None:
    """Tell the user what went wrong in their language, without a traceback."""
    from lib.errors import UserFacingError

    if isinstance(error, UserFacingError):
        st.error(error.message(lang()))
    else:
        st.error(tr("common.unexpected_error"))
