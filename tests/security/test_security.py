"""Security as a user (or an attacker with a spreadsheet) would meet it.

* Names are data, never markup: a contact called ``<script>…`` and an organisation called
  ``<img onerror=…>`` (also as notes, titles, partnership and goal titles) imported into the demo
  workspace show up as text on every page, and no script runs. No page hands data to
  ``unsafe_allow_html`` or ``st.html``.
* Downloads hold no live formulas: every xlsx and CSV file the product writes neutralises text a
  spreadsheet would run (``=``, ``+``, ``-``, ``@``, tab, carriage return) and keeps the text itself.
* The server's configuration: no usage statistics, XSRF protection, no error details, an upload
  limit.
* No third-party scripts: the pages load everything from the app's own host (plotly included).
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
import io
import json
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import openpyxl
import pandas as pd
import pytest
from sqlalchemy import select

from lib.core import spreadsheets
from lib.core.i18n import TEXTS
from lib.core.spreadsheets import csv_bytes, xlsx_bytes
from lib.db import Affiliation, Database, Organisation, Person, Relation, open_database
from lib.ingest.contact_lists import error_report_xlsx, prepare_file, run_import
from lib.network.export import kumu_workbook
from lib.network.graph import build_graph
from lib.planning.goals import create_goal, import_goals
from lib.planning.partnerships import agreement_summary_xlsx, create_partnership, import_partnerships, save_agreement
from lib.planning.templates import TEMPLATES, template_xlsx
from lib.reporting.workspace_export import export_workspace
from tests.browser_support import CHROMIUM, ROOT, demo_workspace, open_page, page_paths, running_dashboard
from tests.planning_builders import fill_workbook
from tests.sheets import csv_text, xlsx

XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_IMG = '<img src=x onerror="window.__xss=1">'

#: Texts a spreadsheet program would run as formulas, as they could be stored in the workspace.
FORMULAS = ('=HYPERLINK("http://x","y")', "+1", "-1+2", "@SUM(A1)", "\t=1+1", "\r=1+1")


# --- configuration ---------------------------------------------------------------------------------


def test_server_configuration_is_safe_for_personal_data() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["enableXsrfProtection"] is True
    assert config["client"]["showErrorDetails"] == "none"
    # An upload limit is set, and it is a sane number of megabytes (Streamlit's default is 200).
    assert 1 <= config["server"].get("maxUploadSize", 0) <= 200


# --- no data as HTML -------------------------------------------------------------------------------

#: HTML the pages may hand to Streamlit unescaped: module-level constants holding a string literal,
#: by (file, name). A new entry must be such a constant, never text built from data.
HTML_WHITELIST: frozenset[tuple[str, str]] = frozenset(
    {
        ("components/board_views.py", "_SCREEN_CSS"),  # the board presentation's font size (<style> only)
        ("components/page_frame.py", "PAGE_CSS"),  # captions' contrast, the focus outline (<style> only)
    }
)
#: Functions whose result the pages may hand to Streamlit as HTML, by (file, name): each writes its
#: arguments only as escaped JavaScript string literals, which a test below holds it to.
HTML_BUILDERS: frozenset[tuple[str, str]] = frozenset({("components/page_frame.py", "frame_script")})

_HTML_CALLS = frozenset({"html"})  # st.html, components.html, components.v1.html


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _string_constants(tree: ast.Module) -> dict[str, int]:
    """Module-level names bound exactly once, to a string literal: ``{name: times bound}``."""
    bound: dict[str, int] = {}
    literal: set[str] = set()
    for node in ast.walk(tree):
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target]
            if isinstance(node, (ast.AnnAssign, ast.AugAssign))
            else []
        )
        for target in targets:
            if isinstance(target, ast.Name):
                bound[target.id] = bound.get(target.id, 0) + 1
                value = getattr(node, "value", None)
                if (
                    node in tree.body
                    and isinstance(node, (ast.Assign, ast.AnnAssign))
                    and isinstance(value, ast.Constant)
                    and isinstance(value.value, str)
                ):
                    literal.add(target.id)
    return {name: count for name, count in bound.items() if name in literal and count == 1}


def raw_html_uses(source: str, file: str = "<test>") -> list[tuple[int, str]]:
    """``(line, reason)`` for every call in ``source`` that renders HTML not on the whitelist.

    That is any call with ``unsafe_allow_html`` set to anything but a literal ``False``, and any
    ``…html(…)`` call (``st.html``, ``streamlit.components.v1.html``), unless the HTML is a
    whitelisted constant of ``file``.
    """
    tree = ast.parse(source)
    constants = _string_constants(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        unsafe = [
            k
            for k in node.keywords
            if k.arg == "unsafe_allow_html" and not (isinstance(k.value, ast.Constant) and k.value.value is False)
        ]
        if not unsafe and _call_name(node) not in _HTML_CALLS:
            continue
        body = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "body"), None)
        if isinstance(body, ast.Name) and body.id in constants and (file, body.id) in HTML_WHITELIST:
            continue
        if isinstance(body, ast.Call) and (file, _call_name(body)) in HTML_BUILDERS:
            continue
        found.append((node.lineno, f"{_call_name(node)}(…) renders HTML that is not a whitelisted constant"))
    return found


def _ui_sources() -> list[Path]:
    return sorted([ROOT / "dashboard.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "components").glob("*.py")])


@pytest.mark.slow
def test_no_page_renders_data_as_html() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {reason}"
        for path in _ui_sources()
        for line, reason in raw_html_uses(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    ]
    assert offenders == []


BOARD = "components/board_views.py"


@pytest.mark.parametrize(
    ("source", "file"),
    [
        ("st.markdown(f'<b>{name}</b>', unsafe_allow_html=True)", BOARD),
        ("st.markdown(text, unsafe_allow_html=flag)", BOARD),
        ("st.write('<i>x</i>', unsafe_allow_html=True)", BOARD),
        ("st.html(row.notes)", BOARD),
        ("components.html('<b>not on the list</b>')", BOARD),
        ("import streamlit.components.v1 as c\nc.html(page)", BOARD),
        # A whitelisted name that is built from data, rebound, or in another file is not enough.
        ("_SCREEN_CSS = f'<b>{name}</b>'\nst.markdown(_SCREEN_CSS, unsafe_allow_html=True)", BOARD),
        (
            "_SCREEN_CSS = '<style></style>'\n_SCREEN_CSS += name\nst.markdown(_SCREEN_CSS, unsafe_allow_html=True)",
            BOARD,
        ),
        ("_SCREEN_CSS = '<style></style>'\nst.markdown(_SCREEN_CSS, unsafe_allow_html=True)", "pages/contacts.py"),
    ],
)
def test_the_html_check_catches_raw_html(source: str, file: str) -> None:
    # The check above passes because the pages are clean; these show that it would notice if not.
    assert raw_html_uses(source, file)


@pytest.mark.parametrize(
    "text", ["</script><script>alert(1)</script>", '"; alert(1); "', "</SCRIPT >", "\u2028", "Spring til indhold"]
)
def test_the_frame_script_keeps_its_text_a_string(text: str) -> None:
    """The skip link's label (a translation) and the language reach the script as string literals only."""
    from components.page_frame import frame_script

    script = frame_script("da", text)
    body = script.removeprefix("<script>").removesuffix("</script>")
    assert "</script" not in body.lower() and "<script" not in body.lower()
    literal = next(line for line in body.splitlines() if "link.textContent =" in line)
    assert json.loads(literal.split("=", 1)[1].strip().rstrip(";")) == text


def test_the_html_check_leaves_escaped_markdown_and_whitelisted_constants_alone() -> None:
    assert raw_html_uses("st.markdown(escape_markdown(name))\nst.caption(x, unsafe_allow_html=False)") == []
    assert (
        raw_html_uses("_SCREEN_CSS = '<style></style>'\nst.markdown(_SCREEN_CSS, unsafe_allow_html=True)", BOARD) == []
    )


# --- no formulas in downloads ----------------------------------------------------------------------


def _cells(data: bytes) -> list[openpyxl.cell.cell.Cell]:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]


def assert_no_live_formulas(data: bytes, expected: tuple[str, ...] = ()) -> None:
    """No cell of the xlsx ``data`` is a formula; each of ``expected`` is there, neutralised."""
    cells = _cells(data)
    formulas = [(cell.parent.title, cell.coordinate, cell.value) for cell in cells if cell.data_type == "f"]
    assert formulas == []
    texts = [cell.value for cell in cells if isinstance(cell.value, str)]
    live = [text for text in texts if text.startswith(spreadsheets.FORMULA_TRIGGERS)]
    assert live == []
    for value in expected:
        assert any(("'" + value) in text for text in texts), f"{value!r} is missing or not neutralised"


def assert_csv_neutralised(data: bytes, expected: tuple[str, ...] = (), sep: str = ",") -> None:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=sep))
    cells = [value for row in rows for value in row]
    assert [value for value in cells if value.startswith(spreadsheets.FORMULA_TRIGGERS)] == []
    for value in expected:
        assert any(("'" + value) in cell for cell in cells), f"{value!r} is missing or not neutralised"


@pytest.fixture
def formula_workspace(db: Database) -> Database:
    """A workspace whose names, titles and notes are all formulas (as a typed or imported value can be)."""
    with db.write() as session:
        people = [
            Person(
                name=f"{value} Person",
                name_key=f"p{index}",
                email=f"p{index}@example.dk",
                title=value,
                notes=value,
                source=value,
                is_staff=index == 0,
            )
            for index, value in enumerate(FORMULAS)
        ]
        organisations = [
            Organisation(name=value, name_key=f"o{index}", notes=value, area=value)
            for index, value in enumerate(FORMULAS)
        ]
        session.add_all(people + organisations)
        session.flush()
        staff = people[0]
        for person, organisation, value in zip(people, organisations, FORMULAS, strict=True):
            session.add(Affiliation(person_id=person.id, organisation_id=organisation.id, role=value))
            session.add(
                Relation(
                    from_person_id=staff.id,
                    to_organisation_id=organisation.id,
                    kind="partner",
                    notes=value,
                    owner_id=staff.id,
                )
            )
            if person is not staff:
                session.add(
                    Relation(
                        from_person_id=staff.id, to_person_id=person.id, kind="knows", notes=value, owner_id=staff.id
                    )
                )
    return db


def test_workspace_export_to_excel_holds_no_live_formulas(formula_workspace: Database, tmp_path: Path) -> None:
    export_workspace(formula_workspace, "xlsx", tmp_path / "workspace.xlsx")
    assert_no_live_formulas((tmp_path / "workspace.xlsx").read_bytes(), FORMULAS)


def test_workspace_export_to_csv_holds_no_live_formulas(formula_workspace: Database, tmp_path: Path) -> None:
    export_workspace(formula_workspace, "csv", tmp_path / "csv")
    files = sorted((tmp_path / "csv").glob("*.csv"))
    assert [f.name for f in files] == ["affiliations.csv", "organisations.csv", "people.csv", "relations.csv"]
    for path in files:
        assert_csv_neutralised(path.read_bytes())
    assert_csv_neutralised((tmp_path / "csv" / "people.csv").read_bytes(), FORMULAS)


def test_contact_export_for_kumu_holds_no_live_formulas(formula_workspace: Database) -> None:
    with formula_workspace.read() as session:
        graph = build_graph(session)
    data = kumu_workbook(graph, include_contact_details=True, complete_map=True)
    assert_no_live_formulas(data, FORMULAS)


def test_any_table_written_for_download_holds_no_live_formulas() -> None:
    # Column headers are user data too (a sheet's own headers, shown back in a report).
    frame = pd.DataFrame({value: [value, f"{value} tail", 3, dt.date(2024, 1, 2)] for value in FORMULAS})
    assert_no_live_formulas(xlsx_bytes({"=SUM(A1)": frame}), FORMULAS)
    assert_csv_neutralised(csv_bytes(frame), FORMULAS)
    assert_csv_neutralised(csv_bytes(frame, sep=";"), FORMULAS, sep=";")


@pytest.fixture
def formula_in_translations(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A translation that starts like a formula (a "- …" bullet would too), in the templates' guide sheet."""
    value = FORMULAS[0]
    monkeypatch.setitem(TEXTS, "import.col.sheet", {"da": value, "en": value})
    template_xlsx.cache_clear()  # the templates are written once and kept
    yield value
    template_xlsx.cache_clear()


@pytest.mark.parametrize("kind", TEMPLATES)
@pytest.mark.parametrize("lang", ["da", "en"])
def test_templates_hold_no_formulas(kind: str, lang: str, formula_in_translations: str) -> None:
    assert_no_live_formulas(template_xlsx(kind, lang), (formula_in_translations,))


def test_agreement_summary_holds_no_live_formulas(formula_workspace: Database) -> None:
    with formula_workspace.write() as session:
        staff = session.scalars(select(Person.id).where(Person.is_staff.is_(True))).first()
        organisation_ids = list(session.scalars(select(Organisation.id)))
        goal_id = create_goal(
            session,
            {
                "title": FORMULAS[0],
                "baseline": 1,
                "target": 2,
                "baseline_date": dt.date(2024, 1, 1),
                "target_date": dt.date(2025, 1, 1),
            },
        )
        partnership_id = create_partnership(
            session, {"title": "@SUM(A1)", "owner_id": staff}, organisation_ids=organisation_ids, goal_ids=[goal_id]
        )
        save_agreement(
            session,
            partnership_id,
            {"purpose": FORMULAS[0], "roles": "-1+2", "economy": "+1", "document_ref": "=cmd|' /C calc'!A0"},
        )
    with formula_workspace.read() as session:
        data = agreement_summary_xlsx(session, partnership_id)
    assert_no_live_formulas(data, (FORMULAS[0], "-1+2", "+1", "@SUM(A1)", "=cmd|' /C calc'!A0"))


def test_import_report_holds_no_live_formulas(db: Database) -> None:
    # The file name, sheet name and the offending values all come from the uploaded file.
    name = '=HYPERLINK("http://x","y").csv'
    data = csv_text([["Navn", "E-mail"], ["-1+2", "=1+1"], ["@SUM(A1)", "+45 ikke en mail"]]).encode()
    prepared = prepare_file(db, name, data)
    assert prepared.error is None
    result = run_import(db, prepared.sheets, commit=False)
    # The unreadable e-mails are left out of people who have a name: warnings in the report, not rejections.
    assert result.counts["inserted"] == 2 and {p.row for p in result.problems} == {2, 3}
    assert_no_live_formulas(error_report_xlsx(result, "da"), (name, '=HYPERLINK("http://x","y")'))


def file_writers(source: str) -> list[tuple[int, str]]:
    """Calls in ``source`` that write spreadsheets or CSV by themselves instead of through lib.core.spreadsheets."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = _call_name(node)
            owner = (
                node.func.value.id
                if isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
                else ""
            )
            if name in ("to_excel", "ExcelWriter", "Workbook", "to_csv") or (owner, name) == ("csv", "writer"):
                found.append((node.lineno, name))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [alias.name for alias in node.names] + [getattr(node, "module", None) or ""]
            found += [(node.lineno, module) for module in modules if module.split(".")[0] == "xlsxwriter"]
    return found


@pytest.mark.slow
def test_every_xlsx_and_csv_writer_goes_through_lib_export() -> None:
    # The checks above cover the writers there are; a new one that bypasses lib.core.spreadsheets would not be.
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {name}"
        for path in sorted([*(ROOT / "lib").rglob("*.py"), *_ui_sources()])
        if path != ROOT / "lib" / "core" / "spreadsheets.py"
        for line, name in file_writers(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.parametrize(
    "source",
    [
        "frame.to_excel(path)",
        "pd.ExcelWriter(path)",
        "openpyxl.Workbook()",
        "frame.to_csv(buffer)",
        "csv.writer(handle)",
        "import xlsxwriter",
    ],
)
def test_the_writer_check_catches_a_writer_of_its_own(source: str) -> None:
    assert file_writers(source)


# --- plotly comes from our own server --------------------------------------------------------------


def plotly_sources_from_elsewhere(source: str) -> list[int]:
    """Lines where ``source`` writes a plotly page that loads plotly.js from a CDN or another host."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and "cdn.plot.ly" in node.value:
            lines.append(node.lineno)
        if isinstance(node, ast.Call) and _call_name(node) in ("to_html", "write_html", "plot"):
            for keyword in node.keywords:
                if keyword.arg != "include_plotlyjs":
                    continue
                value = keyword.value
                local = isinstance(value, ast.Constant) and (
                    value.value is True
                    or value.value is False
                    or value.value == "directory"
                    or (isinstance(value.value, str) and value.value.endswith(".js") and "//" not in value.value)
                )
                if not local:
                    lines.append(node.lineno)
    return lines


@pytest.mark.slow
def test_no_plotly_page_loads_plotly_from_a_cdn() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted([*(ROOT / "lib").rglob("*.py"), *_ui_sources()])
        for line in plotly_sources_from_elsewhere(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.parametrize(
    "source",
    [
        "fig.write_html(path, include_plotlyjs='cdn')",
        "pio.to_html(fig, include_plotlyjs=mode)",
        "fig.to_html(include_plotlyjs='https://cdn.plot.ly/plotly-2.35.2.min.js')",
        "URL = 'https://cdn.plot.ly/plotly-latest.min.js'",
    ],
)
def test_the_plotly_check_catches_a_cdn(source: str) -> None:
    assert plotly_sources_from_elsewhere(source)


def test_the_plotly_check_accepts_an_embedded_plotly() -> None:
    assert plotly_sources_from_elsewhere("fig.to_html(include_plotlyjs=True)\nfig.to_html(full_html=False)") == []


# --- the browser: names as text, nothing from elsewhere --------------------------------------------


def _staff_name(db: Database) -> str:
    with db.read() as session:
        return session.scalars(select(Person.name).where(Person.is_staff.is_(True)).order_by(Person.id)).first()


def xss_workspace(env: dict[str, str]) -> None:
    """The demo workspace plus people, organisations, goals and partnerships whose texts are markup."""
    demo_workspace(env)
    db = open_database(env["DATABASE_URL"], cached=False)
    try:
        staff = _staff_name(db)
        contacts = xlsx(
            {
                "Organisationer": [["Organisation", "Type", "Noter"], [XSS_IMG, "forening", XSS_SCRIPT]],
                "Kontakter": [
                    ["Navn", "E-mail", "Organisation", "Stilling", "Noter", "Ansvarlig", "Relationstype"],
                    [XSS_SCRIPT, "xss@example.dk", XSS_IMG, XSS_IMG, XSS_SCRIPT, staff, "partner"],
                ],
            }
        )
        prepared = prepare_file(db, "xss.xlsx", contacts)
        assert prepared.error is None
        assert run_import(db, prepared.sheets, commit=True).counts["inserted"] == 2
        goals = fill_workbook(
            template_xlsx("goals", "da"),
            {
                "Mål": [[XSS_SCRIPT, XSS_IMG, XSS_IMG, staff, XSS_IMG, 10, "01-01-2024", 20, "01-01-2027"]],
                "Målinger": [[XSS_SCRIPT, "01-06-2025", 15, XSS_IMG, XSS_SCRIPT]],
            },
        )
        assert import_goals(db, "xss-maal.xlsx", goals, commit=True).counts["inserted"] == 2
        partnerships = fill_workbook(
            template_xlsx("partnerships", "da"),
            {
                "Partnerskaber": [
                    [
                        XSS_IMG,
                        staff,
                        "drift",
                        "kollaboration",
                        "skriftlig",
                        XSS_IMG,
                        XSS_SCRIPT,
                        "01-01-2024",
                        None,
                        30,
                        XSS_SCRIPT,
                        XSS_IMG,
                        XSS_SCRIPT,
                        None,
                    ]
                ],
            },
        )
        assert import_partnerships(db, "xss-partnerskaber.xlsx", partnerships, commit=True).counts["inserted"] == 1
    finally:
        db.dispose()


@pytest.fixture(scope="module")
def xss_dashboard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_dashboard(tmp_path_factory.mktemp("xss"), xss_workspace) as base:
        yield base


def _assert_no_script_ran(page: Any, where: str) -> None:
    # Let the run finish and every image load or fail first: an onerror handler runs only then.
    page.wait_for_selector("[data-testid='stStatusWidget']", state="detached", timeout=60_000)
    page.wait_for_load_state("networkidle", timeout=60_000)
    assert page.evaluate("() => window.__xss") is None, f"a name ran as a script on {where}"
    assert page.locator("img[src='x']").count() == 0, f"a name became an image on {where}"
    assert page.locator("[data-testid='stException']").count() == 0, where


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_every_page_shows_markup_in_names_as_text(xss_dashboard: str, browser: Any) -> None:
    paths = page_paths()
    assert "" in paths and "kontakter" in paths  # the router was read
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        for path in paths:
            open_page(page, f"{xss_dashboard}/{path}")
            page.wait_for_selector("h1", timeout=60_000)
            _assert_no_script_ran(page, path or "/")
        # Where names appear as text, the markup is shown literally: search and open the contact.
        open_page(page, f"{xss_dashboard}/kontakter")
        search = page.get_by_label("Søg efter person")
        search.fill("script")
        search.press("Enter")
        page.get_by_text("Personer fundet: 1").wait_for(timeout=60_000)
        page.locator("[data-testid='stSelectbox']").filter(has_text="Åbn en person").click()
        page.get_by_role("option").filter(has_text=XSS_SCRIPT).first.click()
        page.get_by_role("heading", name=XSS_SCRIPT).wait_for(timeout=60_000)
        _assert_no_script_ran(page, "the opened contact")
        # The partnership pipeline shows titles as text too: the image tag is there to read.
        open_page(page, f"{xss_dashboard}/partnerskaber")
        page.get_by_text(XSS_IMG, exact=True).first.wait_for(timeout=60_000)
        _assert_no_script_ran(page, "the partnership pipeline")
    finally:
        page.close()


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
@pytest.mark.parametrize("path", ["netvaerk", ""])
def test_pages_load_nothing_from_other_hosts(xss_dashboard: str, browser: Any, path: str) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        open_page(page, f"{xss_dashboard}/{path}")
        page.wait_for_selector("h1", timeout=60_000)
        if path == "netvaerk":  # the drawing is plotly: it must have come from our server
            page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
        page.wait_for_load_state("networkidle", timeout=60_000)
    finally:
        page.close()
    own_host = urlsplit(xss_dashboard).hostname
    elsewhere = [
        url
        for url in requested
        if urlsplit(url).scheme not in ("data", "blob")
        and urlsplit(url).hostname not in (own_host, "127.0.0.1", "localhost")
    ]
    assert requested, "no requests were recorded"
    assert elsewhere == []
