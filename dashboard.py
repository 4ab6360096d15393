"""Partnerskabsradar: the entry point and router.

Run with ``streamlit run dashboard.py``. This file sets up the page, the sidebar (language and
workspace) and the navigation; each page lives in ``pages/`` and all logic in ``lib/``.

The same file is read twice by Streamlit: once as a module when the server starts (then it only
defines ``app``, the server with a start-up hook), and once per script run, where it routes.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx


@asynccontextmanager
async def _on_server_start(_app: Any) -> AsyncIterator[None]:
    # Streamlit treats an app with a folder named "pages" as an old-style multipage app until the
    # first script run calls st.navigation. Until then a direct link such as /kontakter on a freshly
    # started server shows "Page not found". The folder layout is fixed, so switch that mode off.
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False
    warm_up = _start_warm_up()
    yield
    if warm_up is not None:
        warm_up.stop(timeout=2)


def _start_warm_up() -> Any:
    """The background warm-up of the workspace's heavy answers (``lib.reporting.warmup``), or None
    when it is switched off."""
    from lib.core.config import warm_up_enabled

    if not warm_up_enabled():
        return None
    from lib.db import open_database
    from lib.reporting.warmup import WarmUp

    warm_up = WarmUp(open_database())
    warm_up.start()
    return warm_up


def _sidebar(who: Any, sections: dict[str, list[Any]]) -> None:
    from components.context import LANG_KEY, database, tr
    from components.page_frame import navigation_links
    from components.safe_markdown import tr_md
    from components.statement import statement_link
    from lib.core import i18n
    from lib.workspace.opening import workspace_totals

    navigation_links(sections)
    with st.sidebar:
        st.selectbox(
            tr("sidebar.language"),
            options=list(i18n.LANGUAGES),
            format_func=lambda code: {"da": "Dansk", "en": "English"}[code],
            placeholder=tr("widget.choose_one"),
            key=LANG_KEY,
        )
        counts = workspace_totals(database())
        st.caption(tr("sidebar.workspace"))
        st.caption(
            tr_md(
                "sidebar.counts",
                people=counts["people"],
                organisations=counts["organisations"],
                relations=counts["relations"],
            )
        )
        if who.local:
            st.caption(tr("access.local_mode"))
        else:
            st.caption(tr_md("access.signed_in", who=who.name or who.email, role=tr(f"access.role.{who.role}")))
            st.button(tr("access.logout"), on_click=st.logout, key="sidebar_logout", icon=":material/logout:")
    statement_link()


def _login_screen() -> None:
    """Shown instead of the app to someone not logged in, or logged in without a role."""
    from components.context import tr
    from components.safe_markdown import tr_md

    st.title(tr("access.login_title"))
    if st.user.is_logged_in:
        st.warning(tr_md("access.no_role", who=st.user.get("email") or st.user.get("name") or "?"))
        st.button(tr("access.logout"), on_click=st.logout, key="login_logout")
        return
    st.markdown(tr("access.login_text"))
    st.button(tr("access.login_button"), on_click=st.login, type="primary", key="login_button", icon=":material/login:")


def _unsafe_login_screen(problem: str) -> None:
    """Shown to everyone, and nothing else, while the login's cookie secret could be forged."""
    from components.context import tr
    from components.safe_markdown import tr_md
    from lib.core.access import MIN_COOKIE_SECRET_DISTINCT, MIN_COOKIE_SECRET_LENGTH, NEW_SECRET_COMMAND

    st.title(tr("login_setup.secret_title"))
    st.error(
        tr_md(f"login_setup.problem.{problem}", length=MIN_COOKIE_SECRET_LENGTH, distinct=MIN_COOKIE_SECRET_DISTINCT)
    )
    st.markdown(tr("login_setup.secret_why"))
    st.markdown(tr("login_setup.secret_fix"))
    st.code(NEW_SECRET_COMMAND, language="bash")


def _local_only_screen() -> None:
    """Shown, and nothing else, when local mode (admin without login) is opened from elsewhere."""
    from components.context import tr

    st.title(tr("login_setup.remote_title"))
    st.warning(tr("login_setup.remote_text"))
    st.markdown(tr("login_setup.remote_fix"))


def _pages(role: str) -> dict[str, list[Any]]:
    """The pages of the navigation a user of ``role`` may open, by section.

    A board member (viewer) gets the start page and the board views only; pages that show contacts
    or change data are not even routed for them (and lib refuses them anyway).
    """
    from components.context import tr

    overview = st.Page("pages/overview.py", title=tr("nav.overview"), icon=":material/home:", default=True)
    board = st.Page("pages/board.py", title=tr("nav.board"), icon=":material/co_present:", url_path="bestyrelse")
    if role == "viewer":
        return {"": [overview], tr("nav.section.board"): [board]}
    tasks = st.Page("pages/tasks.py", title=tr("nav.tasks"), icon=":material/checklist:", url_path="opgaver")
    pages = {
        "": [overview, tasks],
        tr("nav.section.partnerships"): [
            st.Page("pages/goals.py", title=tr("nav.goals"), icon=":material/flag:", url_path="maal"),
            st.Page(
                "pages/partners.py", title=tr("nav.partners"), icon=":material/person_search:", url_path="partnere"
            ),
            st.Page(
                "pages/partnerships.py",
                title=tr("nav.partnerships"),
                icon=":material/handshake:",
                url_path="partnerskaber",
            ),
            st.Page(
                "pages/evaluations.py", title=tr("nav.evaluations"), icon=":material/fact_check:", url_path="evaluering"
            ),
        ],
        tr("nav.section.data"): [
            st.Page("pages/contacts.py", title=tr("nav.contacts"), icon=":material/groups:", url_path="kontakter"),
            st.Page("pages/network.py", title=tr("nav.network"), icon=":material/hub:", url_path="netvaerk"),
            st.Page("pages/importer.py", title=tr("nav.import"), icon=":material/upload_file:", url_path="importer"),
        ],
        tr("nav.section.library"): [
            st.Page(
                "pages/library.py", title=tr("nav.library"), icon=":material/local_library:", url_path="biblioteket"
            ),
            st.Page(
                "pages/organisation.py", title=tr("nav.organisation"), icon=":material/badge:", url_path="organisation"
            ),
            st.Page("pages/strengths.py", title=tr("nav.strengths"), icon=":material/star:", url_path="styrker"),
            st.Page("pages/radar.py", title=tr("nav.radar"), icon=":material/radar:", url_path="tjekliste"),
            st.Page("pages/guide.py", title=tr("nav.guide"), icon=":material/menu_book:", url_path="kom-godt-i-gang"),
        ],
        tr("nav.section.board"): [board],
    }
    if role == "admin":
        pages[tr("nav.section.board")].append(
            st.Page(
                "pages/admin.py",
                title=tr("nav.admin"),
                icon=":material/admin_panel_settings:",
                url_path="administration",
            )
        )
    return pages


def _statement_page() -> Any:
    """The shipped accessibility statement: routed for every role, linked at the sidebar's foot
    (``components.statement``) until the municipality sets the address of its own."""
    from components.context import tr

    return st.Page(
        "pages/accessibility.py",
        title=tr("nav.accessibility"),
        icon=":material/accessibility_new:",
        url_path="tilgaengelighed",
    )


def route() -> None:
    """Set up the page, find out who is using the app, then run the page they asked for."""
    from components.context import LANG_KEY, local_mode_allowed, login_configured, login_problem, principal
    from components.page_frame import page_frame
    from components.safe_markdown import tr_md
    from lib.core import i18n

    st.set_page_config(page_title="Partnerskabsradar", page_icon="📡", layout="wide")
    if LANG_KEY not in st.session_state:
        # A link may name the language (?lang=en): a colleague's link, or the accessibility test.
        asked = st.query_params.get("lang")
        st.session_state[LANG_KEY] = asked if asked in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE
    page_frame(st.session_state[LANG_KEY])
    # Both checks come before anything else is served: a forgeable login must not fall back to local
    # mode, and local mode is admin without login.
    if login_configured():
        problem = login_problem()
        if problem is not None:
            _unsafe_login_screen(problem)
            return
    elif not local_mode_allowed():
        _local_only_screen()
        return
    try:
        who = principal()
    except ValueError as problem:  # a typo in the [roles] set-up: refuse everyone, say why
        st.error(tr_md("access.config_error", problem=str(problem)))
        return
    if who is None:
        _login_screen()
        return
    from components.setup_views import browser_title

    st.set_page_config(page_title=browser_title())  # "<Library> · Partnerskabsradar" in the browser tab
    sections = _pages(who.role)
    # Our own links replace Streamlit's list (components.page_frame says why).
    navigation = st.navigation({**sections, "": [*sections[""], _statement_page()]}, position="hidden")
    _sidebar(who, sections)
    navigation.run()


if get_script_run_ctx(suppress_warning=True) is None:
    from starlette.middleware import Middleware

    from components.answer_route import ROUTES as ANSWER_ROUTES
    from components.calendar_route import ROUTES
    from components.page_frame import ServedLanguage
    from components.staff_survey_route import ROUTES as SURVEY_ROUTES

    # The calendar feed, the staff survey (/svar/netvaerk/<token>, before /svar/'s catch-all) and the
    # evaluation form (/svar/<token>) answer before Streamlit: no login.
    app = st.App(
        __file__,
        lifespan=_on_server_start,
        routes=[*ROUTES, *SURVEY_ROUTES, *ANSWER_ROUTES],
        middleware=[Middleware(ServedLanguage)],
    )
else:
    route()
