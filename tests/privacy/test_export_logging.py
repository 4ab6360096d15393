"""Issue 12, item 4: every file with personal data that leaves the system is in the event log: who,
what (in words), when, and how many people it names.

The README says so. These tests make it hard to break: every download button of the pages is read
from the source (a new button outside ``components/downloads.py`` fails), clicks on a few buttons
are followed to the event they log, with the people counted in the file itself, and the command
line's exports are logged too.
"""

from __future__ import annotations

import ast
import io
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from lib.core.i18n import t
from lib.db import Database, Event, Partnership, Person, StrengthOffer
from lib.network import export as netexport
from lib.network import graph as netgraph
from lib.planning import partnerships as ps
from lib.workspace import events as eventlog
from tests import apptest_support

ROOT = Path(__file__).resolve().parents[2]
#: The downloads that name nobody, where they are, and why they are not logged.
NAMING_NOBODY = {
    "board_views.py": "the board pack: pseudonymised, no names, e-mails or phone numbers, no group under five",
    "template_import.py": "an empty Excel template",
    "informing_views.py": "the notice text to send contacts, with the library's own details only",
}


# --- every download button, read from the source ---------------------------------------------------


def _calls(name: str) -> list[tuple[str, int, ast.Call]]:
    found = []
    for path in sorted([*ROOT.glob("pages/*.py"), *ROOT.glob("components/*.py"), ROOT / "dashboard.py"]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            if called == name:
                found.append((path.name, node.lineno, node))
    return found


@pytest.mark.slow
def test_finding_4_every_download_button_goes_through_the_logging_helper() -> None:
    buttons = _calls("download_button")
    assert {(file, line) for file, line, _ in buttons} == {
        (file, line) for file, line, _ in buttons if file == "downloads.py"
    }
    assert len(buttons) == 2  # export_download and download_naming_nobody, nothing else


@pytest.mark.slow
def test_finding_4_every_export_download_names_its_kind_and_counts_people() -> None:
    exports = _calls("export_download")
    assert len(exports) >= 9  # import report, network table, 3 network files, 2 images, agreement, flyer, admin
    for file, line, call in exports:
        keywords = {k.arg: k.value for k in call.keywords}
        assert isinstance(keywords.get("kind"), ast.Constant), (file, line)
        assert keywords["kind"].value in eventlog.EXPORT_KINDS, (file, line)
        assert "people" in keywords, (file, line)


def test_finding_4_files_handed_out_as_naming_nobody_are_the_known_ones() -> None:
    assert {file for file, _, _ in _calls("download_naming_nobody")} == set(NAMING_NOBODY)


def test_finding_4_every_export_kind_is_in_words_in_both_languages() -> None:
    for kind in eventlog.EXPORT_KINDS:
        for lang in ("da", "en"):
            label = eventlog.action_label(f"{kind}_exported", lang)
            assert label != f"{kind}_exported" and "_" not in label, (kind, lang)


# --- clicks, and the events they log ---------------------------------------------------------------


def exports(db: Database, kind: str) -> list[Event]:
    with db.read() as session:
        found = session.scalars(select(Event).where(Event.action == f"{kind}_exported").order_by(Event.id)).all()
        for event in found:
            session.expunge(event)
        return list(found)


def by_ending(made: dict[str, Callable[[], Any]], ending: str) -> Callable[[], Any]:
    names = [name for name in made if name.endswith(ending)]
    assert len(names) == 1, list(made)
    return made[names[0]]


@pytest.mark.slow
def test_finding_4_the_networks_gexf_and_kumu_files_are_logged_with_the_people_in_them(
    demo: Database, downloads: dict[str, Callable[[], Any]]
) -> None:
    at = apptest_support.run_page("../pages/network.py", state={"net_active_tab": "download"})
    at.checkbox(key="net_contact_details").check()
    apptest_support.rerun(at)
    assert exports(demo, "network") == []  # drawing the buttons logs nothing
    gexf = by_ending(downloads, ".gexf")()
    graph = nx.read_gexf(io.BytesIO(gexf))
    people = sum(1 for _, kind in graph.nodes(data="kind") if kind in ("staff", "contact"))
    assert people > 20
    assert any(data.get("email") for _, data in graph.nodes(data=True))  # e-mails went out with it
    kumu = load_workbook(io.BytesIO(by_ending(downloads, "-kumu.xlsx")()))
    assert kumu.sheetnames  # a real workbook
    logged = exports(demo, "network")
    assert [(e.details["format"], e.details["people"], e.details["contact_details"]) for e in logged] == [
        ("gexf", people, True),
        ("kumu", people, True),
    ]
    assert all(e.actor is None and e.at is not None for e in logged)  # local mode: the local administrator


@pytest.mark.slow
def test_finding_4_the_agreement_summary_is_logged_with_owner_and_contact_persons(
    demo: Database, downloads: dict[str, Callable[[], Any]]
) -> None:
    with demo.write() as session:
        pid = int(
            session.scalars(
                select(Partnership.id).where(Partnership.owner_id.is_not(None)).order_by(Partnership.id)
            ).first()
        )
        ps.save_agreement(session, pid, {"contact_persons": "Anne Vinther; Lars Holm og Sara Berg"})
    at = apptest_support.run_page("../pages/partnerships.py", state={"pships_open": pid})
    assert at.get("download_button")
    summary = load_workbook(io.BytesIO(downloads[f"{t('partnerships_page.agreement.file', 'da')}-{pid}.xlsx"]()))
    cells = [cell for row in summary.active.iter_rows(values_only=True) for cell in row]
    assert "Anne Vinther; Lars Holm og Sara Berg" in cells
    [event] = exports(demo, "agreement")
    assert (event.details["people"], event.details["partnership"]) == (4, pid)  # the owner and three names


@pytest.mark.slow
def test_finding_4_the_strengths_flyer_is_logged_with_the_staff_it_names(
    demo: Database, downloads: dict[str, Callable[[], Any]]
) -> None:
    apptest_support.run_page("../pages/strengths.py")
    assert by_ending(downloads, ".pdf")().startswith(b"%PDF")
    with demo.read() as session:
        named = set(
            session.scalars(
                select(StrengthOffer.contact_person_id)
                .join(Person, Person.id == StrengthOffer.contact_person_id)
                .where(Person.is_staff.is_(True))
            )
        )
    [event] = exports(demo, "strengths_flyer")
    assert event.details["people"] == len(named) > 0


@pytest.mark.slow
def test_finding_4_the_event_log_page_shows_the_downloads_in_words(
    demo: Database, downloads: dict[str, Callable[[], Any]]
) -> None:
    apptest_support.run_page("../pages/network.py", state={"net_active_tab": "figures"})
    by_ending(downloads, ".xlsx")()
    at = apptest_support.run_page("../pages/admin.py", "en")
    table = at.dataframe[0].value
    assert table["action_label"].tolist()[0] == "Network table of people and organisations downloaded"
    [event] = exports(demo, "network_table")
    with demo.read() as session:
        graph = netgraph.build_graph(session)
    assert 0 < event.details["people"] <= netexport.people_in(graph)


# --- the command line --------------------------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lib", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(ROOT)},
        timeout=180,
    )


@pytest.mark.slow
def test_finding_4_the_command_lines_network_export_and_backup_are_logged(
    demo: Database, db_url: str, tmp_path: Path
) -> None:
    out = tmp_path / "net.gexf"
    done = run_cli("network", "--export", "gexf", str(out), "--db", db_url, "--actor", "it@bib.dk")
    assert done.returncode == 0, done.stderr
    graph = nx.read_gexf(out)
    [event] = exports(demo, "network")
    assert (event.actor, event.details["people"], event.details["format"]) == (
        "it@bib.dk",
        sum(1 for _, kind in graph.nodes(data="kind") if kind in ("staff", "contact")),
        "gexf",
    )
    done = run_cli("backup", str(tmp_path / "backup.sqlite"), "--db", db_url)
    assert done.returncode == 0, done.stderr
    [event] = exports(demo, "backup")
    with demo.read() as session:
        assert event.details["people"] == session.scalar(select(func.count(Person.id)))
    done = run_cli("export", "--format", "xlsx", str(tmp_path / "workspace.xlsx"), "--db", db_url)
    assert done.returncode == 0, done.stderr
    [event] = exports(demo, "workspace")
    assert event.details["people"] == event.details["counts"]["people"] > 0
