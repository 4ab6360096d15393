"""The accessibility statement (issue 15): the address of the municipality's published statement (a
setting of the library's profile: checked, stored, cleared; on the page "Biblioteket" and from
``python -m lib setup``), the link to it in the sidebar, and the page with the statement the product
ships (``docs/accessibility.md``, the half in the reader's language)."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from components.safe_markdown import escape_markdown
from lib.core.errors import ValidationFailed
from lib.db import Database, Event, get_setting
from lib.library import accessibility, setup
from tests import apptest_support
from tests.apptest_support import rerun
from tests.library.test_workspace_setup import run_cli

ROOT = Path(__file__).resolve().parents[2]
run_library_page = partial(apptest_support.run_page, "../pages/library.py")
run_statement_page = partial(apptest_support.run_page, "../pages/accessibility.py")
URL = "https://www.solhoej.example.dk/was"
SETTING = "accessibility_statement_url"


def save(db: Database, values: dict) -> list[str]:
    with db.write() as session:
        return setup.save_library_profile(session, values)


def stored(db: Database) -> str | None:
    with db.read() as session:
        return get_setting(session, SETTING)


def shown_url(db: Database) -> str | None:
    with db.read() as session:
        return setup.library_profile(session).accessibility_url


# --- the setting -----------------------------------------------------------------------------------


def test_the_statements_address_is_stored_logged_and_cleared(db: Database) -> None:
    assert shown_url(db) is None
    assert save(db, {"name": "Solhøj Bibliotek", "accessibility_url": "  HTTPS://www.solhoej.example.dk/was "}) == [
        "name",
        "accessibility_url",
    ]
    assert shown_url(db) == URL
    assert save(db, {"accessibility_url": "   "}) == ["accessibility_url"]  # empty clears it
    assert shown_url(db) is None and stored(db) is None
    with db.read() as session:
        logged = [
            e.details["changes"].get("accessibility_url")
            for e in session.scalars(select(Event).where(Event.action == "library_profile_updated"))
        ]
    assert logged == [[None, URL], [URL, None]]


@pytest.mark.parametrize(
    "value",
    [
        "javascript:alert(1)",
        "JavaScript://www.solhoej.example.dk/%0Aalert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "/tilgaengelighed",
        "www.solhoej.example.dk/was",
        "ftp://www.solhoej.example.dk/was",
        "https://",
        "https://www.solhoej.example.dk/a side",
        'https://www.solhoej.example.dk/"><img src=x>',
        "https://bruger:kode@www.solhoej.example.dk/was",
    ],
)
def test_an_address_that_is_not_a_whole_web_address_is_refused_and_nothing_stored(db: Database, value: str) -> None:
    save(db, {"accessibility_url": URL})
    with pytest.raises(ValidationFailed) as refused:
        save(db, {"accessibility_url": value})
    assert (refused.value.key, refused.value.params["field"]) == (
        "setup.accessibility_url_invalid",
        "accessibility_url",
    )
    assert "https://" in refused.value.message("da") and "begynder med https://" in refused.value.message("da")
    assert stored(db) == URL


def test_an_address_longer_than_500_characters_is_refused(db: Database) -> None:
    long = URL + "/" + "a" * (500 - len(URL))
    assert setup.checked_accessibility_url(long[:500]) == long[:500]
    with pytest.raises(ValidationFailed) as refused:
        save(db, {"accessibility_url": long})
    assert refused.value.key == "value.too_long" and refused.value.params["field"] == "accessibility_url"
    assert "501" in refused.value.message("en") and "500" in refused.value.message("en")
    assert stored(db) is None


def test_a_stored_address_that_is_no_longer_acceptable_is_not_linked(db: Database) -> None:
    from lib.db import set_setting

    with db.write() as session:
        set_setting(session, SETTING, "javascript:alert(1)")
    assert shown_url(db) is None


# --- the shipped statement ---------------------------------------------------------------------------


def test_the_shipped_statement_has_a_danish_and_an_english_half_in_the_templates_order() -> None:
    danish, english = accessibility.accessibility_statement("da"), accessibility.accessibility_statement("en")
    headings = {
        "da": [
            "# Tilgængelighedserklæring for Partnerskabsradar",
            "## Overholdelsesstatus",
            "## Indhold, der ikke er tilgængeligt",
            "## Udarbejdelse af denne tilgængelighedserklæring",
            "## Feedback og kontaktoplysninger",
            "## Håndhævelsesprocedure",
            "## Til kommunen: sådan offentliggør I erklæringen",
        ],
        "en": [
            "# Accessibility statement for Partnerskabsradar",
            "## Compliance status",
            "## Non-accessible content",
            "## Preparation of this accessibility statement",
            "## Feedback and contact information",
            "## Enforcement procedure",
            "## For the municipality: how to publish the statement",
        ],
    }
    for text, expected in ((danish, headings["da"]), (english, headings["en"])):
        found = [line for line in text.splitlines() if line in expected]
        assert found == expected
        assert "https://digst.dk/digital-service/webtilgaengelighed/" in text
        assert "--accessibility-url" in text
        assert "<!--" not in text and "-->" not in text  # the notes and placeholders are not shown
    assert "Accessibility statement" not in danish and "Tilgængelighedserklæring for" not in english
    assert accessibility.accessibility_statement("de") == danish


def test_the_statement_file_marks_where_the_measured_figures_go() -> None:
    text = accessibility.STATEMENT_FILE.read_text(encoding="utf-8")
    halves = text.split(f"\n{accessibility.ENGLISH_MARKER}\n")
    assert len(halves) == 2
    assert halves[0].count("<!-- MEASURED -->") == halves[1].count("<!-- MEASURED -->") >= 5


def test_a_statement_without_the_marker_line_is_an_error() -> None:
    with pytest.raises(ValueError, match="exactly once"):
        accessibility.statement_halves("# Erklæring\nkun dansk\n")


# --- the command line ------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_command_line_sets_shows_and_clears_the_address(db: Database, db_url: str) -> None:
    done = run_cli("--accessibility-url", URL, "--db", db_url)  # no name yet: the name is asked for
    assert done.returncode == 2 and "--library-name" in done.stderr and stored(db) is None
    done = run_cli("--library-name", "Solhøj Bibliotek", "--accessibility-url", URL, "--json", "--db", db_url)
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    assert printed["accessibility_url"] == URL and "accessibility_url" in printed["changed"]
    done = run_cli("--accessibility-url", URL + "/da", "--db", db_url)  # the name is kept
    assert done.returncode == 0, done.stderr
    assert f"Link til tilgængelighedserklæringen: {URL}/da" in done.stdout
    done = run_cli("--accessibility-url", "javascript:alert(1)", "--db", db_url)
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1 and "https://" in done.stderr
    assert stored(db) == URL + "/da"
    done = run_cli("--accessibility-url", "", "--db", db_url)
    assert done.returncode == 0, done.stderr
    assert "tilgængelighedserklæringen" not in done.stdout and stored(db) is None
    with db.read() as session:
        assert setup.library_name(session) == "Solhøj Bibliotek"


# --- the set-up form ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_library_page_sets_refuses_and_clears_the_address(db: Database) -> None:
    save(db, {"name": "Solhøj Bibliotek"})
    at = run_library_page()
    field = at.text_input(key="setup_accessibility_url")
    assert field.label == "Link til tilgængelighedserklæringen" and field.value == ""
    field.set_value("javascript:alert(1)")
    at.button(key="setup_profile_save").click()
    rerun(at)
    assert at.error[0].value.startswith(escape_markdown("Link til tilgængelighedserklæringen: »javascript:alert(1)«"))
    assert stored(db) is None
    at.text_input(key="setup_accessibility_url").set_value(URL)
    at.button(key="setup_profile_save").click()
    rerun(at)
    assert stored(db) == URL
    assert at.text_input(key="setup_accessibility_url").value == URL
    at.text_input(key="setup_accessibility_url").set_value("")
    at.button(key="setup_profile_save").click()
    rerun(at)
    assert stored(db) is None


# --- the page and the link ---------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("lang", "heading", "other"),
    [
        (None, "Tilgængelighedserklæring for Partnerskabsradar", "Compliance status"),
        ("en", "Accessibility statement for Partnerskabsradar", "Overholdelsesstatus"),
    ],
)
def test_the_page_shows_the_shipped_statement_in_the_readers_language(
    db: Database, lang: str | None, heading: str, other: str
) -> None:
    at = run_statement_page(lang)
    shown = "\n".join(m.value for m in at.markdown)
    assert f"# {heading}" in shown and other not in shown
    assert "docs/accessibility.md" in at.caption[0].value


def _app_with_the_link(folder: Path) -> AppTest:
    """A small app beside a link to the repository's pages: the navigation holds the statement's page,
    and the sidebar draws the link (as dashboard.py does)."""
    (folder / "pages").symlink_to(ROOT / "pages")
    (folder / "app.py").write_text(
        "import streamlit as st\n"
        "from components.statement import statement_link\n"
        "def home():\n"
        "    st.write('home')\n"
        "navigation = st.navigation([st.Page(home, title='home', default=True), "
        "st.Page('pages/accessibility.py', title='A', url_path='tilgaengelighed')])\n"
        "statement_link()\n"
        "navigation.run()\n",
        encoding="utf-8",
    )
    return AppTest.from_file(str(folder / "app.py"), default_timeout=60)


@pytest.mark.slow
def test_the_sidebar_links_the_shipped_statement_until_the_municipality_sets_its_own(
    db: Database, tmp_path: Path
) -> None:
    at = rerun(_app_with_the_link(tmp_path))
    [link] = at.sidebar.get("page_link")
    assert (link.proto.label, link.proto.page, link.proto.external) == (
        "Tilgængelighedserklæring",
        "tilgaengelighed",
        False,
    )
    save(db, {"name": "Solhøj Bibliotek", "accessibility_url": URL + "/(da)"})
    at.session_state["lang"] = "en"
    rerun(at)
    [link] = at.sidebar.get("page_link")
    assert (link.proto.label, link.proto.page, link.proto.external) == ("Accessibility statement", URL + "/(da)", True)
