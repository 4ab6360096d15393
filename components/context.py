"""What every page needs: the user's language, translated text, and the database."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import streamlit as st

from lib.core import i18n
from lib.core.access import LOCAL, Principal, RoleConfig, cookie_secret_problem, from_this_computer, principal_for
from lib.workspace.opening import workspace_database

if TYPE_CHECKING:
    from lib.db import Database

LANG_KEY = "lang"


def lang() -> str:
    """The language the user chose in the sidebar (Danish until they choose)."""
    value = st.session_state.get(LANG_KEY, i18n.DEFAULT_LANGUAGE)
    return value if value in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE


def tr(key: str, **params: Any) -> str:
    """``key`` from the translation table, in the user's language."""
    return i18n.t(key, lang(), **params)


def database() -> Database:
    """The workspace database (``DATABASE_URL`` or the local SQLite file), used as the current user:
    ``lib`` refuses what their role may not do, whatever the page shows."""
    return workspace_database(principal())


def login_configured() -> bool:
    """Whether OpenID Connect login is asked for (an ``[auth]`` section in the secrets).

    Asked for is not yet safe: see :func:`login_problem`. Once the section is there the app never
    runs in local mode, whatever is wrong with it."""
    try:
        return "auth" in st.secrets
    except Exception:  # noqa: BLE001 - no secrets file at all raises, and means: not configured
        return False


def _section(name: str) -> Any:
    try:
        section = st.secrets.get(name)
    except Exception:  # noqa: BLE001 - as above
        section = None
    return section.to_dict() if hasattr(section, "to_dict") else section


def login_problem() -> str | None:
    """Why the configured login cannot be trusted (``lib.core.access.cookie_secret_problem``), or None."""
    if not login_configured():
        return None
    return cookie_secret_problem(_section("auth"))


def request_origin() -> tuple[str | None, list[tuple[str, str]]]:
    """The client's address as Streamlit saw it (None for loopback) and the headers of its
    connection (none once the browser has gone). Tests replace this: AppTest has no connection."""
    headers = st.context.headers
    return st.context.ip_address, [(name, value) for name in headers for value in headers.get_all(name)]


def local_mode_allowed() -> bool:
    """Whether this request may use local mode: only from the computer the dashboard runs on."""
    return from_this_computer(*request_origin())


def _role_config() -> RoleConfig:
    return RoleConfig.from_mapping(_section("roles"))


def principal() -> Principal | None:
    """Who is using the app: the local admin without login (only on this computer); else the
    logged-in user with the role the configuration gives them. None for everyone else: not logged
    in, no role, another computer in local mode, or a login whose cookie anyone could forge."""
    if not login_configured():
        return LOCAL if local_mode_allowed() else None
    if login_problem() is not None or not st.user.is_logged_in:
        return None
    return principal_for(st.user.to_dict(), _role_config())


def actor() -> str | None:
    """Who is acting, for the event log: the logged-in user's e-mail, else None (local mode)."""
    who = principal()
    return who.actor if who is not None else None


def show_error(error: Exception) -> None:
    """Tell the user what went wrong in their language, without a traceback."""
    from components.safe_markdown import message_md
    from lib.core.errors import UserFacingError

    if isinstance(error, UserFacingError):
        st.error(message_md(error))
    else:
        st.error(tr("common.unexpected_error"))


def require_page(permission: str = "view_contacts") -> Principal:
    """Let the page go on only for a user holding ``permission``; anyone else gets a clear message
    and nothing more of the page (the navigation does not offer it to them either)."""
    from lib.core.access import can

    who = principal()
    if who is None or not can(who, permission):
        from lib.core.access import AccessDenied

        show_error(AccessDenied(permission, who.role if who else "viewer"))
        st.stop()
    return who
