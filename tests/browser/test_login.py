"""The real login flow: the dashboard behind OpenID Connect, against a provider started on loopback.

An admin logs in and sees every page; a board member (viewer) sees only the start page and the board
views, and a contacts page opened by its address does not show; a role can come from a token claim.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest

from tests.browser.test_accessibility import violations
from tests.browser_support import BROWSER_MARKS, running_dashboard
from tests.oidc_provider import CLIENT_ID, CLIENT_SECRET, OidcProvider, free_port

pytestmark = BROWSER_MARKS

ADMIN = {"email": "chef@solbakke-bibliotek.dk", "name": "Chefen"}
VIEWER = {"email": "udvalg@kommune.dk", "name": "Udvalgsformand"}
CLAIMED_EDITOR = {"email": "ny@solbakke-bibliotek.dk", "name": "Ny kollega", "roles": ["Radar.Editor"]}
COOKIE_SECRET = secrets.token_urlsafe(48)  # a weak one would be refused (tests/security/test_hardening_login.py)


def _secrets(base: str, issuer: str) -> str:
    return f"""
[auth]
redirect_uri = "{base}/oauth2callback"
cookie_secret = "{COOKIE_SECRET}"
client_id = "{CLIENT_ID}"
client_secret = "{CLIENT_SECRET}"
server_metadata_url = "{issuer}/.well-known/openid-configuration"

[roles]
admins = ["{ADMIN["email"]}"]
viewers = ["{VIEWER["email"]}"]
claim = "roles"
default = "none"

[roles.claim_values]
editor = "Radar.Editor"
"""


@pytest.fixture(scope="module")
def provider() -> Iterator[OidcProvider]:
    started = OidcProvider().start()
    yield started
    started.stop()


@pytest.fixture(scope="module")
def dashboard(provider: OidcProvider, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("login")
    port = free_port()
    secrets = folder / "secrets.toml"
    secrets.write_text(_secrets(f"http://127.0.0.1:{port}", provider.issuer), encoding="utf-8")
    with running_dashboard(folder, port=port, extra_args=["--secrets.files", str(secrets)]) as base:
        yield base


def _log_in(browser: object, dashboard: str, provider: OidcProvider, user: dict) -> object:
    """A fresh browser (no cookies) that logs in as ``user``; returns its page on the start page."""
    provider.next_user = user
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(dashboard, wait_until="domcontentloaded")
    page.get_by_role("button", name="Log ind").click(timeout=60_000)
    page.wait_for_selector("[data-testid='stSidebar']", timeout=60_000)
    page.wait_for_selector("[data-testid='stStatusWidget']", state="detached", timeout=60_000)
    return page


def _nav_labels(page: object) -> list[str]:
    links = page.locator(".st-key-nav_links a")  # components.page_frame.navigation_links
    # The links are drawn first in the sidebar and the logout button after them: once it shows, the
    # list is whole (a busy machine draws the run's elements one by one).
    page.wait_for_function(
        "document.querySelector('.st-key-sidebar_logout') !== null"
        " && document.querySelectorAll('.st-key-nav_links a').length > 0",
        timeout=60_000,
    )
    # Each link's text is its icon's name, then its title.
    return [text.strip().splitlines()[-1].strip() for text in links.all_inner_texts()]


def test_without_login_only_the_login_screen_shows(dashboard: str, browser: object) -> None:
    page = browser.new_page()
    page.goto(dashboard, wait_until="domcontentloaded")
    page.get_by_role("button", name="Log ind").wait_for(timeout=60_000)
    assert page.locator(".st-key-nav_links a").count() == 0
    assert violations(page) == []  # the login screen meets WCAG 2.1 AA as the pages do
    page.goto(f"{dashboard}/kontakter", wait_until="domcontentloaded")
    page.get_by_role("button", name="Log ind").wait_for(timeout=60_000)
    assert page.get_by_text("Kontakter og organisationer").count() == 0
    page.close()


def test_the_evaluation_form_needs_no_login(
    dashboard: str, browser: object, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from lib.db import open_database
    from lib.planning import evaluation_links as links

    workspace = next(tmp_path_factory.getbasetemp().glob("login*/workspace.sqlite"))
    with open_database(f"sqlite:///{workspace}", cached=False).write() as session:
        round_id = links.round_of(session, "latest")
        token = links.link_for(session, round_id, email="partner@forening.dk").token
    page = browser.new_page()
    page.goto(f"{dashboard}{links.LINK_PREFIX}{token}", wait_until="domcontentloaded")
    page.get_by_role("button", name="Send mit svar").wait_for(timeout=30_000)
    assert page.get_by_role("button", name="Log ind").count() == 0
    page.locator('input[name="sam1"][value="4"]').check()
    page.get_by_role("button", name="Send mit svar").click()
    page.get_by_text("Tak, vi har dit svar.").wait_for(timeout=30_000)
    assert violations(page) == []  # the form meets WCAG 2.1 AA as the pages do
    page.close()


def test_an_admin_logs_in_and_sees_every_page(dashboard: str, browser: object, provider: OidcProvider) -> None:
    before = provider.logins
    page = _log_in(browser, dashboard, provider, ADMIN)
    assert provider.logins == before + 1  # the code was exchanged for a signed ID token
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.get_by_text("Logget ind som Chefen (administrator)").wait_for(timeout=30_000)
    labels = _nav_labels(page)
    assert {"Oversigt", "Kontakter og organisationer", "Importér", "Bestyrelse"} <= set(labels)
    page.context.close()


def test_a_board_member_sees_only_the_board_views(dashboard: str, browser: object, provider: OidcProvider) -> None:
    page = _log_in(browser, dashboard, provider, VIEWER)
    page.locator("[data-testid='stSidebar']").get_by_text("(læser)").wait_for(timeout=30_000)
    assert sorted(_nav_labels(page)) == ["Bestyrelse", "Oversigt"]
    page.goto(f"{dashboard}/kontakter", wait_until="domcontentloaded")
    page.wait_for_selector("[data-testid='stSidebar']", timeout=60_000)
    page.wait_for_selector("[data-testid='stStatusWidget']", state="detached", timeout=60_000)
    assert page.locator("h1", has_text="Kontakter").count() == 0
    page.context.close()


def test_a_role_from_the_token_claim(dashboard: str, browser: object, provider: OidcProvider) -> None:
    page = _log_in(browser, dashboard, provider, CLAIMED_EDITOR)
    page.locator("[data-testid='stSidebar']").get_by_text("Logget ind som Ny kollega (redaktør)").wait_for(
        timeout=30_000
    )
    assert "Importér" in _nav_labels(page)
    page.context.close()


def test_someone_without_a_role_is_told_so(dashboard: str, browser: object, provider: OidcProvider) -> None:
    provider.next_user = {"email": "fremmed@andet.dk", "name": "Fremmed"}
    context = browser.new_context()
    page = context.new_page()
    page.goto(dashboard, wait_until="domcontentloaded")
    page.get_by_role("button", name="Log ind").click(timeout=60_000)
    page.get_by_text("har ikke adgang til Partnerskabsradar").wait_for(timeout=60_000)
    assert page.locator(".st-key-nav_links").count() == 0
    context.close()
