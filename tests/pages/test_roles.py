"""Roles × pages: with login configured, each page shows only to the roles allowed to use it.

The pages are driven with AppTest and a faked logged-in user; the navigation does not even offer a
page to a role that may not use it (tests/browser/test_login.py checks that in a real browser), and this
checks that a page opened anyway refuses with a clear message and shows nothing of its data.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lib.db import Database
from tests.apptest_support import run_page, shown_texts

PAGES = sorted(path.name for path in (Path(__file__).resolve().parents[2] / "pages").glob("*.py"))
#: The pages a board member (viewer) may open; every other page is for editors and admins.
VIEWER_PAGES = {"overview.py", "board.py", "accessibility.py"}
ADMIN_ONLY = {"admin.py"}
SECRETS = {
    "auth": {
        "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
        "cookie_secret": secrets.token_urlsafe(48),
        "client_id": "radar",
        "client_secret": "s" * 20,
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
    },
    "roles": {
        "admins": ["chef@bib.dk"],
        "editors": ["mette@bib.dk"],
        "viewers": ["udvalg@kommune.dk"],
        "default": "none",
    },
}
USERS = {"viewer": "udvalg@kommune.dk", "editor": "mette@bib.dk", "admin": "chef@bib.dk"}


def run_as(page: str, role: str) -> AppTest:
    """``pages/<page>`` run once by the logged-in user who has ``role``."""
    user = {"is_logged_in": True, "email": USERS[role], "name": role}
    return run_page(f"../pages/{page}", secrets=SECRETS, user=user, timeout=90)


def refused(at: AppTest) -> bool:
    return any(e.value.startswith("Din rolle (") for e in at.error)


def allowed(page: str, role: str) -> bool:
    if page in ADMIN_ONLY:
        return role == "admin"
    return page in VIEWER_PAGES or role in ("editor", "admin")


@pytest.mark.parametrize("page", PAGES)
def test_a_board_member_is_refused_every_working_page(demo: Database, page: str) -> None:
    at = run_as(page, "viewer")
    if allowed(page, "viewer"):
        assert not refused(at), page
    else:
        assert refused(at), page
        assert not at.dataframe and not at.get("plotly_chart") and not at.text_input, page


@pytest.mark.parametrize("page", sorted(ADMIN_ONLY & set(PAGES)))
def test_an_editor_is_refused_the_admin_pages(demo: Database, page: str) -> None:
    at = run_as(page, "editor")
    assert refused(at)
    assert not at.dataframe


@pytest.mark.parametrize("page", sorted(ADMIN_ONLY & set(PAGES)) + ["contacts.py", "importer.py"])
def test_an_admin_and_an_editor_get_their_pages(demo: Database, page: str) -> None:
    for role in ("editor", "admin"):
        if allowed(page, role):
            assert not refused(run_as(page, role)), (page, role)


def test_someone_logged_in_without_a_role_gets_nothing(demo: Database) -> None:
    at = run_page(
        "../pages/contacts.py", secrets=SECRETS, user={"is_logged_in": True, "email": "fremmed@andet.dk"}, timeout=90
    )
    assert refused(at) and not at.dataframe


def page_text(at: AppTest) -> str:
    return "\n".join(shown_texts(at))


def test_the_start_page_names_nobody_to_a_board_member(demo: Database) -> None:
    from sqlalchemy import select

    from lib.db import Person

    with demo.read() as session:
        names = set(session.scalars(select(Person.name)))
    text = page_text(run_as("overview.py", "viewer"))
    assert "hænger på én medarbejder" in text  # the risk is still shown …
    assert not [name for name in names if name in text]  # … but not who carries it
    assert any(name in page_text(run_as("overview.py", "editor")) for name in names)  # staff see who it is
