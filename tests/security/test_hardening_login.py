"""Security review of issue 10, findings 1 and 12 (login and local mode), as an attacker would try them.

Finding 1: a login whose ``cookie_secret`` is the example's (or short, or repetitive) let anyone forge
the login cookie of an admin; the app now serves only a page saying what to set, and never falls
back to local mode. Local mode (no login: admin for whoever uses it) listened on every interface;
it now listens on 127.0.0.1 and refuses any request from another computer.

Finding 12 (this part): a new SQLite workspace file and its -wal/-shm files are readable by their
owner only. The nginx part (no framing, no public metrics) is in tests/deploy/test_nginx.py.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shlex
import socket
import stat
import subprocess
import sys
import tomllib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from lib.core.access import EXAMPLE_COOKIE_SECRETS, NEW_SECRET_COMMAND, cookie_secret_problem, from_this_computer
from lib.core.i18n import t
from lib.db import forget_database, open_database
from tests.apptest_support import run_page, shown_texts
from tests.browser_support import CHROMIUM, ROOT, free_port, wait_healthy

EXAMPLE = ROOT / ".streamlit" / "secrets.toml.example"
ADMIN = "chef@bib.dk"
ADMIN_USER = {"is_logged_in": True, "email": ADMIN, "name": "Chefen"}


def example_secrets(cookie_secret: str | None = None) -> dict[str, Any]:
    """The shipped example, filled in as an admin would who forgot (or mistyped) the cookie secret."""
    secrets_ = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    if cookie_secret is not None:
        secrets_["auth"]["cookie_secret"] = cookie_secret
    secrets_["roles"]["admins"] = [ADMIN]
    return secrets_


# --- finding 1: the cookie secret -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("secret", "problem"),
    [
        (None, "missing"),
        ("   ", "missing"),
        ("change-me-to-a-long-random-secret", "example"),  # the example of earlier versions
        ("CHANGE-ME", "example"),
        ("Change-Me-To-A-Long-Random-Secret ", "example"),
        ("Kx7#qP2!mZ9@wR4$tY6%", "short"),  # 20 characters, many different ones
        ("c" * 40, "repetitive"),
        ("abcdefghijklmno" * 4, "repetitive"),  # 60 characters, 15 different ones
        ("abcdefghijklmnop" * 2, None),  # 32 characters, 16 different: just enough
    ],
)
def test_finding_1_cookie_secret_rule(secret: str | None, problem: str | None) -> None:
    auth = {} if secret is None else {"cookie_secret": secret}
    assert cookie_secret_problem(auth) == problem


def test_finding_1_the_shipped_example_and_the_advised_command_follow_the_rule() -> None:
    shipped = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))["auth"]
    assert cookie_secret_problem(shipped) is not None
    assert shipped["cookie_secret"].casefold() in EXAMPLE_COOKIE_SECRETS
    assert NEW_SECRET_COMMAND in EXAMPLE.read_text(encoding="utf-8")
    made = subprocess.run(
        shlex.split(NEW_SECRET_COMMAND.replace("python", sys.executable, 1)), capture_output=True, text=True, check=True
    ).stdout.strip()
    assert cookie_secret_problem({"cookie_secret": made}) is None


def refusal_texts() -> set[str]:
    return {
        t("login_setup.secret_title"),
        t("login_setup.problem.example"),
        t("login_setup.secret_why"),
        t("login_setup.secret_fix"),
    }


def test_finding_1_an_admin_with_the_example_secret_gets_only_the_refusal_page(db: Any) -> None:
    at = run_page("../dashboard.py", secrets=example_secrets(), user=ADMIN_USER)
    assert set(shown_texts(at)) == refusal_texts()
    assert [code.value for code in at.code] == [NEW_SECRET_COMMAND]
    # No navigation, no sidebar, no signed-in line, nothing of the workspace.
    assert not at.sidebar.children
    assert not at.metric and not at.dataframe and not at.button


def test_finding_1_the_admin_page_opened_directly_refuses_with_the_example_secret(db: Any) -> None:
    at = run_page("../pages/admin.py", secrets=example_secrets(), user=ADMIN_USER)
    assert any(error.value.startswith("Din rolle (") for error in at.error)
    assert not at.dataframe and not at.download_button and not at.tabs


@pytest.mark.parametrize(("secret", "problem"), [("x" * 32, "repetitive"), ("kort-hemmelighed", "short")])
def test_finding_1_a_weak_secret_is_refused_and_never_becomes_local_mode(db: Any, secret: str, problem: str) -> None:
    for user in ({"is_logged_in": False}, ADMIN_USER):
        at = run_page("../dashboard.py", secrets=example_secrets(secret), user=user)
        assert [title.value for title in at.title] == [t("login_setup.secret_title")]
        assert [error.value for error in at.error] == [t(f"login_setup.problem.{problem}", length=32, distinct=16)]
        assert t("access.local_mode") not in shown_texts(at)
        assert not at.sidebar.children


def test_a_safe_secret_still_lets_the_admin_in(db: Any) -> None:
    at = run_page("../dashboard.py", secrets=example_secrets(secrets.token_urlsafe(48)), user=ADMIN_USER)
    assert t("login_setup.secret_title") not in shown_texts(at)
    assert "Logget ind som Chefen (administrator)" in [caption.value for caption in at.sidebar.caption]


# --- finding 1: local mode is for this computer only --------------------------------------------------


#: What every browser sends: a request is judged by its address and proxy headers.
BROWSER = [("Host", "localhost:8501"), ("Origin", "http://localhost:8501")]


@pytest.mark.parametrize(
    ("ip", "headers"),
    [
        (None, []),  # Streamlit's ip_address for a loopback client
        ("127.0.0.1", []),
        ("::1", []),
        ("::ffff:127.0.0.1", []),
        (None, [("X-Forwarded-For", "127.0.0.1")]),  # a proxy on this computer, for this computer
        (None, [("X-Real-IP", "127.0.0.1"), ("Forwarded", "for=127.0.0.1;proto=https")]),
        (None, [("forwarded", 'for="[::1]:4711"')]),
        (None, [("User-Agent", "192.168.1.20")]),
    ],
)
def test_requests_from_this_computer_may_use_local_mode(ip: str | None, headers: list[tuple[str, str]]) -> None:
    assert from_this_computer(ip, [*BROWSER, *headers])


@pytest.mark.parametrize(
    ("ip", "headers"),
    [
        ("192.168.1.20", []),
        ("2001:db8::7", []),
        ("192.168.1.20", [("X-Forwarded-For", "127.0.0.1")]),  # a header cannot make a remote client local
        (None, [("X-Forwarded-For", "192.168.1.20")]),  # a proxy on this computer, for another one
        (None, [("x-forwarded-for", "127.0.0.1, 10.0.0.5")]),
        (None, [("X-Forwarded-For", "127.0.0.1"), ("X-Forwarded-For", "10.0.0.5")]),
        (None, [("X-Real-IP", "10.0.0.5")]),
        (None, [("Forwarded", "for=192.0.2.60;proto=http;by=203.0.113.43")]),
        (None, [("Forwarded", "for=unknown")]),
        (None, [("Forwarded", "proto=https")]),
        (None, [("X-Forwarded-For", "")]),
        (None, [("X-Forwarded-For", "localhost")]),
        ("not-an-address", []),
    ],
)
def test_finding_1_requests_from_another_computer_may_not(ip: str | None, headers: list[tuple[str, str]]) -> None:
    assert not from_this_computer(ip, [*BROWSER, *headers])


def test_finding_1_a_request_whose_browser_has_gone_may_not() -> None:
    # Streamlit says None both for loopback and for a connection already closed; only the first
    # comes with headers.
    assert not from_this_computer(None, [])


@pytest.mark.parametrize(
    "origin", [("192.168.1.20", BROWSER), (None, [*BROWSER, ("X-Forwarded-For", "192.168.1.20")]), (None, [])]
)
def test_finding_1_local_mode_opened_from_another_computer_shows_only_a_plain_page(
    db: Any, monkeypatch: pytest.MonkeyPatch, origin: tuple[str | None, list[tuple[str, str]]]
) -> None:
    from components import context

    monkeypatch.setattr(context, "request_origin", lambda: origin)
    at = run_page("../dashboard.py")
    assert set(shown_texts(at)) == {
        t("login_setup.remote_title"),
        t("login_setup.remote_text"),
        t("login_setup.remote_fix"),
    }
    assert "README.md" in t("login_setup.remote_fix") and "docs/deployment.md" in t("login_setup.remote_fix")
    assert not at.sidebar.children and not at.metric and not at.button
    admin = run_page("../pages/admin.py")
    assert any(error.value.startswith("Din rolle (") for error in admin.error)
    assert not admin.dataframe and not admin.download_button


def test_finding_1_local_mode_says_only_this_computer_can_open_it(db: Any) -> None:
    at = run_page("../dashboard.py")
    captions = [caption.value for caption in at.sidebar.caption]
    assert t("access.local_mode") in captions
    assert "kun denne computer kan åbne dashboardet" in t("access.local_mode")
    assert "only this computer can open the dashboard" in t("access.local_mode", "en")


# --- finding 1 against a real server ------------------------------------------------------------------


def other_address() -> str | None:
    """An address of this machine that is not loopback (where a colleague's browser would connect)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent; the kernel picks the outgoing address
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") else address


@contextlib.contextmanager
def streamlit(folder: Path, command: Sequence[str], health_url: str) -> Iterator[subprocess.Popen[bytes]]:
    """``command`` (a ``streamlit run`` from the project folder) on an empty workspace in ``folder``."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder / 'workspace.sqlite'}"}
    with (folder / "streamlit.log").open("wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_healthy(health_url, process)
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def readme_start_command() -> list[str]:
    """The ``streamlit run`` of the README's first command, run with this Python."""
    first = re.search(r"```bash\n(.*?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"), re.DOTALL)
    assert first is not None
    run = first.group(1).split("&&")[-1].strip()
    words = shlex.split(run)
    assert words[:3] == [".venv/bin/streamlit", "run", "dashboard.py"], run
    return [sys.executable, "-m", "streamlit", *words[1:]]


@pytest.mark.slow
@pytest.mark.parametrize("how", ["README's first command", "streamlit run dashboard.py"])
def test_finding_1_local_mode_listens_on_this_computer_only(tmp_path: Path, how: str) -> None:
    elsewhere = other_address()
    if elsewhere is None:
        pytest.skip("this machine has no address but loopback")
    command = (
        readme_start_command()
        if how.startswith("README")
        else [sys.executable, "-m", "streamlit", "run", "dashboard.py"]
    )
    port = free_port()
    with (
        streamlit(tmp_path, [*command, "--server.port", str(port)], f"http://127.0.0.1:{port}"),
        pytest.raises(ConnectionRefusedError),
    ):
        socket.create_connection((elsewhere, port), timeout=5).close()


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_finding_1_a_browser_on_another_computer_gets_no_local_mode(tmp_path: Path, browser: Any) -> None:
    # As if someone started local mode on every interface after all (--server.address 0.0.0.0): a
    # colleague's browser reaches it, and still gets nothing but the page about login.
    elsewhere = other_address()
    if elsewhere is None:
        pytest.skip("this machine has no address but loopback")
    port = free_port()
    base = f"http://{elsewhere}:{port}"
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "dashboard.py",
        "--server.port",
        str(port),
        "--server.address",
        elsewhere,
        "--server.headless",
        "true",
    ]
    with streamlit(tmp_path, command, base):
        page = browser.new_page()
        for path in ("/", "/administration"):
            page.goto(f"{base}{path}", wait_until="domcontentloaded")
            page.locator("h1").first.wait_for(timeout=60_000)
            page.wait_for_selector("[data-testid='stStatusWidget']", state="detached", timeout=60_000)
            assert page.locator("h1").first.inner_text().strip() == t("login_setup.remote_title")
            assert page.locator(".st-key-nav_links").count() == 0
            assert page.locator("[data-testid='stSidebar']").count() == 0
        page.close()


def forged_user_cookie(secret: str, origin: str, email: str) -> str:
    """The ``_streamlit_user`` cookie Streamlit 1.67 (Starlette) would set after a login of ``email``:
    JSON signed with itsdangerous, the cookie's name as salt, the dashboard's origin inside."""
    from itsdangerous import URLSafeTimedSerializer

    payload = {"email": email, "name": "Angriber", "origin": origin, "is_logged_in": True, "provider": "default"}
    return URLSafeTimedSerializer(secret, salt="_streamlit_user").dumps(json.dumps(payload))


def served_with_secrets(folder: Path, secrets_text: str, port: int) -> contextlib.AbstractContextManager[Any]:
    path = folder / "secrets.toml"
    path.write_text(secrets_text, encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "dashboard.py",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--secrets.files",
        str(path),
    ]
    return streamlit(folder, command, f"http://127.0.0.1:{port}")


def filled_in_example(base: str, cookie_secret: str | None = None) -> str:
    """The example file with this server's address and an admin, and (unless given) its own secret."""
    text_ = EXAMPLE.read_text(encoding="utf-8")
    text_ = re.sub(r'(?m)^redirect_uri = ".*"$', f'redirect_uri = "{base}/oauth2callback"', text_)
    text_ = re.sub(r"(?m)^admins = \[.*\]$", f'admins = ["{ADMIN}"]', text_)
    if cookie_secret is not None:
        text_ = re.sub(r'(?m)^cookie_secret = ".*"$', f'cookie_secret = "{cookie_secret}"', text_)
    return text_


def open_with_cookie(browser: Any, base: str, cookie: str, path: str) -> Any:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_cookies([{"name": "_streamlit_user", "value": cookie, "url": base}])
    page = context.new_page()
    page.goto(f"{base}{path}", wait_until="domcontentloaded")
    page.locator("h1").first.wait_for(timeout=60_000)
    page.wait_for_selector("[data-testid='stStatusWidget']", state="detached", timeout=60_000)
    return page


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_finding_1_a_cookie_forged_with_the_example_secret_opens_nothing(tmp_path: Path, browser: Any) -> None:
    example_secret = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))["auth"]["cookie_secret"]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with served_with_secrets(tmp_path, filled_in_example(base), port):
        page = open_with_cookie(browser, base, forged_user_cookie(example_secret, base, ADMIN), "/administration")
        assert page.locator("h1").first.inner_text().strip() == t("login_setup.secret_title")
        page.locator("[data-testid='stCode']", has_text=NEW_SECRET_COMMAND).wait_for(timeout=30_000)
        assert page.locator(".st-key-nav_links").count() == 0
        assert page.get_by_text(t("access.signed_in", who="Angriber", role=t("access.role.admin"))).count() == 0
        page.context.close()


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_finding_1_the_forged_cookie_is_what_streamlit_accepts(tmp_path: Path, browser: Any) -> None:
    # The same forgery with a server's real secret (which only its administrator knows) is accepted as
    # that admin: the test above refuses because of the secret, not because the forgery is wrong.
    secret = secrets.token_urlsafe(48)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with served_with_secrets(tmp_path, filled_in_example(base, secret), port):
        page = open_with_cookie(browser, base, forged_user_cookie(secret, base, ADMIN), "/administration")
        page.get_by_text(t("access.signed_in", who="Angriber", role=t("access.role.admin"))).wait_for(timeout=30_000)
        assert page.locator("h1").first.inner_text().strip() == t("admin.title")
        page.context.close()


# --- finding 12: the workspace file is private ----------------------------------------------------------


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A umask that lets group and others read new files (Debian's default), so only the code can
    make the workspace private."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_finding_12_a_new_workspace_file_and_its_wal_are_private(tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "data" / "workspace.sqlite"
    url = f"sqlite:///{path}"
    db = open_database(url, cached=False)
    try:
        with db.write() as session:
            session.execute(text("CREATE TABLE probe (x INTEGER)"))
            session.execute(text("INSERT INTO probe VALUES (1)"))
        files = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
        assert all(file.exists() for file in files), [file.name for file in files if not file.exists()]
        for file in files:
            assert stat.S_IMODE(file.stat().st_mode) & 0o077 == 0, (file.name, oct(file.stat().st_mode))
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    finally:
        db.dispose()
        forget_database(url)


@pytest.mark.slow
def test_finding_12_an_existing_folder_keeps_its_mode(tmp_path: Path, open_umask: None) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o750)
    shared.chmod(0o750)
    db = open_database(f"sqlite:///{shared / 'workspace.sqlite'}", cached=False)
    db.dispose()
    assert stat.S_IMODE(shared.stat().st_mode) == 0o750
    assert stat.S_IMODE((shared / "workspace.sqlite").stat().st_mode) == 0o600


def test_a_workspace_file_made_in_advance_becomes_the_workspace(tmp_path: Path) -> None:
    # An empty file is a valid, empty SQLite database: the schema goes into it.
    db = open_database(f"sqlite:///{tmp_path / 'x.sqlite'}", cached=False)
    try:
        with db.read() as session:
            assert session.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one() > 0
    finally:
        db.dispose()
    assert (tmp_path / "x.sqlite").read_bytes().startswith(b"SQLite format 3\x00")
