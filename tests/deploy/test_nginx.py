"""The deployment in deploy/: two dashboard processes behind nginx, driven by a real browser.

The two processes are started with the ``ExecStart`` command of ``deploy/partnerskabsradar@.service``
(on loopback ports, one PostgreSQL workspace with the demo), and nginx with ``deploy/nginx.conf`` as
shipped, only the ports and file paths replaced (TLS with a throw-away certificate). The browser
reaches it under the template's own server name, pointed at 127.0.0.1, so Streamlit's websocket
origin check sees a real host name (127.0.0.1 and localhost it would always let through). Then:

* plain http is sent on to https;
* pages open through nginx and draw (which needs the websocket through the proxy);
* new browsers are spread over both processes, and every request of one browser (page, scripts,
  websocket, upload) reaches the same process, read from nginx's access log (``$upstream_addr``);
* a contact list larger than nginx's default body limit uploads and is previewed;
* when a process stops, its open pages reconnect to the other process and keep working;
* no other site may frame the dashboard (``X-Frame-Options``, CSP ``frame-ancestors``), and Streamlit's
  ``/_stcore/metrics`` is not public while ``/_stcore/health`` is.

nginx comes from Debian (``scripts/setup.sh --dev`` installs it). Without it these tests are skipped,
except under CI (the ``CI`` variable set), where a missing nginx is a failure.

``nginx_stack`` is also what ``benchmarks/load_test.py`` measures.
"""

from __future__ import annotations

import contextlib
import datetime
import http.client
import ipaddress
import os
import pwd
import re
import secrets
import shlex
import signal
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import URL

from tests.browser_support import BROWSER_MARKS, CHROMIUM_ARGS, demo_workspace, free_port, wait_healthy
from tests.browser_support import CHROMIUM as CHROMIUM_PATH
from tests.pg import create_database, drop_database

ROOT = Path(__file__).resolve().parents[2]
NGINX = Path("/usr/sbin/nginx")
TEMPLATE = ROOT / "deploy" / "nginx.conf"
UNIT = ROOT / "deploy" / "partnerskabsradar@.service"
INSTALL_DIR = "/opt/partnerskabsradar"  # where the unit expects the program
STICKY_COOKIE = "radar_upstream"

pytestmark = [*BROWSER_MARKS, pytest.mark.slow]


# --- the stack: dashboards from the systemd unit, nginx from the template --------------------------


def require_nginx() -> None:
    """Skip without Debian's nginx, except under CI, where it must be there."""
    if NGINX.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{NGINX} is missing: scripts/setup.sh --dev installs nginx")
    pytest.skip(f"{NGINX} is not installed (apt-get install nginx)")


def dashboard_command(port: int) -> list[str]:
    """The unit's ``ExecStart`` for instance ``port``, run from this checkout with this Python."""
    lines = [line for line in UNIT.read_text(encoding="utf-8").splitlines() if line.startswith("ExecStart=")]
    assert len(lines) == 1, "the unit has one ExecStart"
    command = shlex.split(lines[0].removeprefix("ExecStart=").replace("%i", str(port)))
    assert command[0] == f"{INSTALL_DIR}/.venv/bin/streamlit", command[0]
    return [sys.executable, "-m", "streamlit", *command[1:]]


def _server_names() -> list[str]:
    return re.findall(r"^\s*server_name\s+(\S+);", TEMPLATE.read_text(encoding="utf-8"), re.MULTILINE)


def server_name() -> str:
    """The dashboard's host name in deploy/nginx.conf (its http and https servers)."""
    names = _server_names()
    assert names[0] == names[1] and len(set(names)) == 3, names
    return names[0]


def calendar_server_name() -> str:
    """The host name of the calendar feed's server, the one before the last in deploy/nginx.conf."""
    return _server_names()[-2]


def answer_server_name() -> str:
    """The host name of the evaluation form's server, the last in deploy/nginx.conf."""
    return _server_names()[-1]


def self_signed_certificate(folder: Path, name: str) -> tuple[Path, Path]:
    """A certificate for ``name`` and 127.0.0.1, and its key (PEM), valid for a day."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [
                    x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                    x509.DNSName(name),
                    x509.DNSName(calendar_server_name()),
                    x509.DNSName(answer_server_name()),
                ]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "tls.pem", folder / "tls.key"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    key_path.chmod(0o600)
    return cert_path, key_path


def _replace(text: str, old: str, new: str, count: int = 1) -> str:
    found = text.count(old)
    assert found == count, f"deploy/nginx.conf should contain {old!r} {count} time(s), found {found}"
    return text.replace(old, new)


def site_config(upstream_ports: list[int], http_port: int, https_port: int, cert: Path, key: Path, folder: Path) -> str:
    """deploy/nginx.conf with this machine's ports and paths in place of the example values."""
    text = TEMPLATE.read_text(encoding="utf-8")
    servers = re.findall(r"^\s*server 127\.0\.0\.1:\d+ .*;$", text, flags=re.MULTILINE)
    assert len(servers) >= 2, "the template lists at least two dashboard processes"
    options = servers[0].strip().split(None, 2)[2]  # max_fails=... fail_timeout=...;
    block = "\n".join(f"    server 127.0.0.1:{port} {options}" for port in upstream_ports)
    text = text.replace(servers[0], block, 1)
    for line in servers[1:]:
        text = _replace(text, line + "\n", "")
    text = _replace(text, "listen 80;", f"listen 127.0.0.1:{http_port};")
    # The dashboard's server, the calendar feed's and the evaluation form's share the https port (told
    # apart by name).
    text = _replace(text, "listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;", count=3)
    text = _replace(text, "listen [::]:80;", "")  # the test machine may have no IPv6
    text = _replace(text, "listen [::]:443 ssl http2;", "", count=3)
    text = re.sub(r"ssl_certificate\s+/\S+;", f"ssl_certificate {cert};", text)
    text = re.sub(r"ssl_certificate_key\s+/\S+;", f"ssl_certificate_key {key};", text)
    text = _replace(text, "/var/log/nginx/partnerskabsradar.access.log", str(folder / "access.log"))
    text = _replace(text, "/var/log/nginx/partnerskabsradar.error.log", str(folder / "error.log"))
    text = _replace(text, "/var/log/nginx/partnerskabsradar-kalender.access.log", str(folder / "calendar-access.log"))
    text = _replace(text, "/var/log/nginx/partnerskabsradar-kalender.error.log", str(folder / "calendar-error.log"))
    text = _replace(text, "/var/log/nginx/partnerskabsradar-svar.access.log", str(folder / "answer-access.log"))
    text = _replace(text, "/var/log/nginx/partnerskabsradar-svar.error.log", str(folder / "answer-error.log"))
    assert "/etc/ssl" not in text and "/var/log" not in text
    return text


def main_config(folder: Path, site: Path) -> str:
    """The rest of an nginx.conf around the site (Debian's /etc/nginx/nginx.conf does this part)."""
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};" if os.geteuid() == 0 else ""
    temp = "\n".join(
        f"    {kind}_temp_path {folder / 'temp' / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""
{user}
daemon off;
worker_processes 1;
pid {folder / "nginx.pid"};
error_log {folder / "nginx-main.log"} warn;
events {{ worker_connections 1024; }}
http {{
    default_type application/octet-stream;
    access_log {folder / "access-other.log"};
{temp}
    include {site};
}}
"""


@dataclass
class Stack:
    """nginx in front of dashboard processes; ``url`` is what users open."""

    url: str  # https://SERVER_NAME:PORT (browsers map the name to 127.0.0.1)
    local_url: str  # https://127.0.0.1:PORT, for clients that resolve names themselves
    http_port: int  # plain http (redirects)
    upstreams: list[str]  # "127.0.0.1:PORT" per dashboard process
    access_log: Path
    certificate: Path
    database_url: str = ""
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def stop_upstream(self, upstream: str) -> None:
        process = self.processes[upstream]
        process.terminate()
        process.wait(timeout=30)

    def ssl_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.certificate))


def _stop(process: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    if process.poll() is None:
        process.send_signal(sig)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def nginx_stack(
    folder: Path,
    upstreams: int = 2,
    prepare: Callable[[dict[str, str]], None] = demo_workspace,
    options: Sequence[str] = (),
    database_url: str | None = None,
) -> Iterator[Stack]:
    """``upstreams`` dashboard processes on one workspace (filled by ``prepare``) behind nginx.

    The workspace is ``database_url`` (PostgreSQL, as a municipality runs it), else a SQLite file in
    ``folder``. ``options`` are added to each dashboard's command line (e.g.
    ``["--runner.postScriptGC", "false"]``).
    """
    env = {**os.environ, "DATABASE_URL": database_url or f"sqlite:///{folder / 'workspace.sqlite'}"}
    prepare(env)
    ports = [free_port() for _ in range(upstreams)]
    http_port, https_port = free_port(), free_port()
    name = server_name()
    cert, key = self_signed_certificate(folder, name)
    site = folder / "partnerskabsradar.conf"
    site.write_text(site_config(ports, http_port, https_port, cert, key, folder), encoding="utf-8")
    conf = folder / "nginx.conf"
    conf.write_text(main_config(folder, site), encoding="utf-8")
    (folder / "temp").mkdir()
    nginx = [str(NGINX), "-p", str(folder), "-c", str(conf), "-e", str(folder / "nginx-main.log")]
    checked = subprocess.run([*nginx, "-t"], capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, f"nginx -t refused the configuration:\n{checked.stderr}"

    stack = Stack(
        url=f"https://{name}:{https_port}",
        local_url=f"https://127.0.0.1:{https_port}",
        http_port=http_port,
        upstreams=[f"127.0.0.1:{port}" for port in ports],
        access_log=folder / "access.log",
        certificate=cert,
        database_url=env["DATABASE_URL"],
    )
    logs = []
    proxy: subprocess.Popen[bytes] | None = None
    try:
        for number, (port, upstream) in enumerate(zip(ports, stack.upstreams, strict=True)):
            log = (folder / f"dashboard-{number}.log").open("wb")
            logs.append(log)
            stack.processes[upstream] = subprocess.Popen(
                [*dashboard_command(port), *options], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
            )
        proxy = subprocess.Popen(nginx, stdout=logs[0], stderr=subprocess.STDOUT)
        for upstream, process in stack.processes.items():
            wait_healthy(f"http://{upstream}", process)
        _wait_for_proxy(stack, proxy)
        yield stack
    finally:
        if proxy is not None:
            _stop(proxy, signal.SIGQUIT)  # graceful: finish open requests, write the log
        for process in stack.processes.values():
            _stop(process)
        for log in logs:
            log.close()


def _wait_for_proxy(stack: Stack, proxy: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        assert proxy.poll() is None, f"nginx exited with {proxy.returncode}"
        try:
            with urllib.request.urlopen(
                f"{stack.local_url}/_stcore/health", timeout=5, context=stack.ssl_context()
            ) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        assert time.monotonic() < deadline, "nginx did not answer on its https port"
        time.sleep(0.3)


# --- nginx's access log ------------------------------------------------------------------------------

LOG_LINE = re.compile(
    r'"(?P<method>\S+) (?P<path>\S+) [^"]*" (?P<status>\d{3}) \d+ '
    r"upstream=(?P<upstream>.*?) sticky=(?P<sticky>\S+) rt="
)


@dataclass(frozen=True)
class Hit:
    method: str
    path: str
    status: int
    upstream: str
    sticky: str

    @property
    def served_by(self) -> str:
        """The process that answered: the last one tried ($upstream_addr lists every one tried)."""
        return self.upstream.split(", ")[-1]


def read_hits(log: Path) -> list[Hit]:
    if not log.exists():
        return []
    hits = []
    for line in log.read_text(encoding="utf-8").splitlines():
        match = LOG_LINE.search(line)
        assert match, f"an access log line nginx wrote is not in the 'radar' format: {line}"
        hits.append(Hit(match["method"], match["path"], int(match["status"]), match["upstream"], match["sticky"]))
    return hits


def wait_for_hits(log: Path, check: Callable[[list[Hit]], bool], seconds: float = 20) -> list[Hit]:
    """nginx writes a line when a request ends (a websocket: when it closes); wait for the ones we need."""
    deadline = time.monotonic() + seconds
    while True:
        hits = read_hits(log)
        if check(hits) or time.monotonic() > deadline:
            return hits
        time.sleep(0.2)


def streams(hits: list[Hit], key: str) -> list[Hit]:
    return [hit for hit in hits if hit.sticky == key and hit.path.startswith("/_stcore/stream")]


# --- fixtures and helpers -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory, postgres_server: URL) -> Iterator[Stack]:
    """Two dashboard processes on one PostgreSQL database behind nginx: the documented deployment."""
    require_nginx()
    url = create_database(postgres_server)
    try:
        with nginx_stack(tmp_path_factory.mktemp("nginx"), database_url=url) as running:
            yield running
    finally:
        drop_database(postgres_server, url)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        rules = f"--host-resolver-rules=MAP {server_name()} 127.0.0.1"
        instance = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=[*CHROMIUM_ARGS, rules])
        yield instance
        instance.close()


def new_visitor(browser: object, stack: Stack) -> tuple[object, object, str, str]:
    """A browser with no cookies opens the start page; returns (context, page, sticky key, process)."""
    context = browser.new_context(ignore_https_errors=True, viewport={"width": 1400, "height": 1000}, locale="da-DK")
    page = context.new_page()
    response = page.goto(f"{stack.url}/", wait_until="commit")
    assert response is not None and response.status == 200
    cookies = [cookie for cookie in context.cookies() if cookie["name"] == STICKY_COOKIE]
    assert len(cookies) == 1, "nginx sets the sticky cookie on a browser's first request"
    assert cookies[0]["httpOnly"] and cookies[0]["secure"]
    key = cookies[0]["value"]
    hits = wait_for_hits(stack.access_log, lambda found: any(hit.sticky == key for hit in found))
    served = {hit.upstream for hit in hits if hit.sticky == key}
    assert len(served) == 1 and served <= set(stack.upstreams), served
    return context, page, key, served.pop()


def open_page(page: object, url: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector("h1", timeout=60_000)
    page.wait_for_selector("[data-testid='stStatusWidget']", state="detached", timeout=60_000)
    assert page.locator("[data-testid='stException']").count() == 0, url
    assert page.get_by_text("Page not found").count() == 0, url


def h1(page: object) -> str:
    return page.locator("h1").first.inner_text().strip()


# --- tests ---------------------------------------------------------------------------------------------


def test_plain_http_is_sent_to_https(stack: Stack) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", stack.http_port, timeout=10)
    connection.request("GET", "/kontakter?side=2", headers={"Host": server_name()})
    response = connection.getresponse()
    assert response.status == 301
    assert response.getheader("Location") == f"https://{server_name()}/kontakter?side=2"
    connection.close()


def _get(url: str, context: ssl.SSLContext | None = None) -> tuple[int, Any, bytes]:
    """Status, headers and body of a GET, also when the answer is an error."""
    try:
        with urllib.request.urlopen(url, timeout=10, context=context) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_finding_12_no_framing_and_no_public_metrics(stack: Stack) -> None:
    tls = stack.ssl_context()
    # Every answer forbids framing by another site, an error page too.
    for path in ("/", "/kontakter", "/_stcore/health", "/_stcore/metrics", "/findes-ikke.js"):
        _, headers, _ = _get(f"{stack.local_url}{path}", tls)
        assert headers.get("X-Frame-Options") == "DENY", path
        assert headers.get("Content-Security-Policy") == "frame-ancestors 'none'", path
    # Each process shows its metrics on its own port (for whoever runs the server) ...
    for upstream in stack.upstreams:
        status, _, body = _get(f"http://{upstream}/_stcore/metrics")
        assert status == 200 and body, upstream
    # ... but not through nginx, however the address is written.
    for path in (
        "/_stcore/metrics",
        "/_stcore/metrics/",
        "/_stcore/metrics?families=session_events",
        "/_stcore//metrics",
        "/_stcore/%6Detrics",
        "/_stcore/./metrics",
    ):
        status, _, body = _get(f"{stack.local_url}{path}", tls)
        assert status == 404, path
        assert b"session" not in body and b"cache" not in body, path
    status, _, body = _get(f"{stack.local_url}/_stcore/health", tls)
    assert (status, body) == (200, b"ok")


def test_browsers_are_spread_over_both_processes_and_each_stays_on_its_own(stack: Stack, browser: object) -> None:
    from lib.core.i18n import t

    # New visitors get a random key, so two processes take turns at random: keep opening fresh
    # browsers until both have had one (sixteen all on one process: 1 in 30,000 if spread evenly).
    visitors: dict[str, tuple[object, object, str]] = {}
    for _ in range(16):
        context, page, key, upstream = new_visitor(browser, stack)
        if upstream in visitors:
            context.close()
            continue
        visitors[upstream] = (context, page, key)
        if len(visitors) == len(stack.upstreams):
            break
    assert set(visitors) == set(stack.upstreams), "new browsers were not spread over the processes"

    page_loads = {}
    for context, page, key in visitors.values():
        open_page(page, f"{stack.url}/kontakter")  # a deep link
        assert h1(page) == t("contacts.title", "da")
        open_page(page, f"{stack.url}/")
        # Moving to another page over the same websocket, as a user does with the sidebar:
        page.locator(".st-key-nav_links a", has_text=t("nav.goals", "da")).click()
        page.get_by_role("heading", name=t("goalspage.title", "da"), level=1).wait_for(timeout=60_000)
        page.wait_for_selector("[data-testid='stStatusWidget']", state="detached", timeout=60_000)
        assert page.locator("[data-testid='stException']").count() == 0
        page_loads[key] = 2
        context.close()  # closes the websockets, which writes their lines to the access log

    hits = wait_for_hits(
        stack.access_log, lambda found: all(len(streams(found, key)) >= loads for key, loads in page_loads.items())
    )
    for upstream, (_, _, key) in visitors.items():
        mine = [hit for hit in hits if hit.sticky == key]
        assert {hit.upstream for hit in mine} == {upstream}, "one browser's requests went to several processes"
        # page, scripts, the app's settings and the websocket of each page load: all through nginx
        assert any(hit.path == "/kontakter" and hit.status == 200 for hit in mine)
        assert any(hit.path.endswith(".js") and hit.status in (200, 304) for hit in mine)
        websockets = streams(hits, key)
        assert len(websockets) >= page_loads[key]
        assert all(hit.status == 101 for hit in websockets), "the websocket upgrade went through nginx"


def test_a_contact_list_larger_than_a_megabyte_uploads_through_nginx(
    stack: Stack, browser: object, tmp_path: Path
) -> None:
    from lib.core.i18n import t
    from tests.sheets import MESSY_DANISH, xlsx

    # nginx refuses bodies over 1 MB unless told otherwise; an old archive sheet makes this file larger.
    archive = [[secrets.token_urlsafe(1800)] for _ in range(800)]
    contacts = tmp_path / "kontakter med arkiv.xlsx"
    contacts.write_bytes(xlsx({"Kontakter": MESSY_DANISH, "Arkiv": archive}, hidden=["Arkiv"]))
    assert contacts.stat().st_size > 1_200_000

    context, page, key, upstream = new_visitor(browser, stack)
    open_page(page, f"{stack.url}/importer")
    assert h1(page) == t("importpage.title", "da")
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(contacts))
    refused = page.locator("[data-testid='stFileChipIconError']")
    page.get_by_text("Rækker læst").first.or_(refused).wait_for(timeout=90_000)
    assert refused.count() == 0, f"the upload was refused: {page.locator('[data-testid=stFileChip]').inner_text()}"
    assert page.locator("[data-testid='stException']").count() == 0
    context.close()

    hits = wait_for_hits(stack.access_log, lambda found: len(streams(found, key)) >= 1)
    uploads = [hit for hit in hits if hit.sticky == key and hit.path.startswith("/_stcore/upload_file")]
    assert uploads and all(hit.status in (200, 204) for hit in uploads), uploads
    # The upload reached the process that holds the page's session (another one would not know it).
    assert {hit.upstream for hit in hits if hit.sticky == key} == {upstream}


def test_when_a_process_stops_its_open_pages_carry_on_on_the_other(stack: Stack, browser: object) -> None:
    from lib.core.i18n import t

    context, page, key, upstream = new_visitor(browser, stack)
    open_page(page, f"{stack.url}/")
    stack.stop_upstream(upstream)  # as when the process crashes or is restarted

    # The open page reconnects by itself; nginx finds the stopped process refusing and uses another.
    others = set(stack.upstreams) - {upstream}
    hits = wait_for_hits(
        stack.access_log, lambda found: any(hit.sticky == key and hit.served_by in others for hit in found), seconds=60
    )
    assert any(hit.sticky == key and hit.served_by in others for hit in hits), "the page did not reconnect"
    # ... and the user can go on working: another page opens, over the new connection.
    page.locator(".st-key-nav_links a", has_text=t("nav.contacts", "da")).click()
    page.get_by_role("heading", name=t("contacts.title", "da"), level=1).wait_for(timeout=60_000)
    page.wait_for_selector("[data-testid='stStatusWidget']", state="detached", timeout=60_000)
    assert page.locator("[data-testid='stException']").count() == 0
    # A fresh visit with the same cookie is served too, by the process still running.
    open_page(page, f"{stack.url}/maal")
    context.close()
    later = wait_for_hits(
        stack.access_log, lambda found: any(hit.sticky == key and hit.path == "/maal" for hit in found)
    )
    assert {hit.served_by for hit in later if hit.sticky == key and hit.path == "/maal"} <= others


def test_the_calendar_host_serves_the_feed_and_nothing_else_and_logs_no_token(stack: Stack) -> None:
    from sqlalchemy import select

    from lib.db import Person, open_database
    from lib.planning import calendar_feed as feed

    with open_database(stack.database_url, cached=False).write() as session:
        staff = session.scalars(select(Person.id).where(Person.is_staff.is_(True)).order_by(Person.id)).first()
        token = feed.issue_token(session, staff)

    def get(path: str, host: str = calendar_server_name()) -> tuple[int, bytes]:
        connection = http.client.HTTPSConnection(
            "127.0.0.1", int(stack.local_url.rsplit(":", 1)[1]), timeout=30, context=stack.ssl_context()
        )
        connection.request("GET", path, headers={"Host": host})
        response = connection.getresponse()
        answer = response.status, response.read()
        connection.close()
        return answer

    status, body = get(feed.feed_path(token))
    assert status == 200 and body.startswith(b"BEGIN:VCALENDAR"), (status, body[:200])
    # The dashboard itself is not on the calendar's name, however asked for.
    for path in ("/", "/kontakter", "/_stcore/health", "/_stcore/stream", feed.FEED_PREFIX + token, "/kalender/x.ics"):
        assert get(path)[0] == 404, path
    assert get(feed.feed_path("A" * 43))[0] == 404
    # ... and the feed is not on the dashboard's name, whose log would keep the token.
    assert get(feed.feed_path(token), host=server_name())[0] == 404
    calendar_log = stack.access_log.with_name("calendar-access.log")
    time.sleep(0.5)
    written = calendar_log.read_text(encoding="utf-8") + stack.access_log.read_text(encoding="utf-8")
    assert "/kalender/(hemmelig)" in written
    assert token not in written


def test_the_answer_host_serves_the_evaluation_form_and_nothing_else_and_logs_no_token(stack: Stack) -> None:
    import urllib.parse

    from lib.db import open_database
    from lib.planning import evaluation_links as links

    with open_database(stack.database_url, cached=False).write() as session:
        round_id = links.round_of(session, "latest")
        token = links.link_for(session, round_id, email="svar.test@partner.dk").token
    port = int(stack.local_url.rsplit(":", 1)[1])

    def ask(method: str, path: str, host: str = answer_server_name(), body: bytes | None = None) -> tuple[int, str]:
        connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=30, context=stack.ssl_context())
        headers = {"Host": host, "Content-Type": "application/x-www-form-urlencoded"}
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        answer = response.status, response.read().decode("utf-8", errors="replace")
        connection.close()
        return answer

    form = links.LINK_PREFIX + token
    status, page = ask("GET", form)
    assert status == 200 and "<form" in page, (status, page[:300])
    status, _ = ask("POST", form, body=urllib.parse.urlencode({"sam1": "4"}).encode())
    assert status == 303
    assert "Tak, vi har dit svar." in ask("GET", form)[1]
    assert ask("POST", form, body=b"reflections=" + b"x" * 40_000)[0] == 413
    # The dashboard itself is not on the form's name, however asked for.
    for path in ("/", "/evaluering", "/_stcore/health", "/_stcore/stream", "/kalender/x.ics", form + "/x"):
        assert ask("GET", path)[0] == 404, path
    assert ask("GET", links.LINK_PREFIX + "A" * 43)[0] == 404
    # ... and the form is not on the dashboard's name, whose log would keep the token.
    assert ask("GET", form, host=server_name())[0] == 404
    time.sleep(0.5)
    written = stack.access_log.with_name("answer-access.log").read_text(encoding="utf-8")
    assert "/svar/(hemmelig)" in written
    assert token not in written + stack.access_log.read_text(encoding="utf-8")


def test_the_answer_host_serves_the_staff_survey_with_its_search_and_logs_no_token(stack: Stack) -> None:
    import urllib.parse

    from lib.db import open_database
    from lib.planning import staff_survey as survey

    with open_database(stack.database_url, cached=False).write() as session:
        _id, made = survey.start_survey(session)
    token = made[0].url.rsplit("/", 1)[1]
    port = int(stack.local_url.rsplit(":", 1)[1])

    def ask(method: str, path: str, host: str = answer_server_name(), body: bytes | None = None) -> tuple[int, str]:
        connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=30, context=stack.ssl_context())
        headers = {"Host": host, "Content-Type": "application/x-www-form-urlencoded"}
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        answer = response.status, response.read().decode("utf-8", errors="replace")
        connection.close()
        return answer

    form = survey.LINK_PREFIX + token
    status, page = ask("GET", form + "?q=an")
    assert status == 200 and "Fundet ved søgningen" in page and "@" not in page, (status, page[:300])
    assert page.count('_keep" value="1">') >= 1  # names found, to tick
    body = urllib.parse.urlencode({"r0_ref": "new", "r0_name": "Eva Sørensen", "r0_strength": "4"}).encode()
    assert ask("POST", form, body=body)[0] == 303
    assert "Tak, vi har dine svar." in ask("GET", form)[1]
    assert ask("POST", form, body=b"r0_ref=new&r0_name=" + b"x" * 300_000)[0] == 413
    assert ask("GET", survey.LINK_PREFIX + "A" * 43)[0] == 404
    assert ask("GET", form, host=server_name())[0] == 404  # not on the dashboard's name
    time.sleep(0.5)
    written = stack.access_log.with_name("answer-access.log").read_text(encoding="utf-8")
    assert "/svar/(hemmelig)" in written
    assert token not in written + stack.access_log.read_text(encoding="utf-8")
