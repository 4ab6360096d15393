"""Long work reports its progress (issue 16): the import, a template load, the board pack and a backup
tell a listener their steps in order and their counts up to the total (``lib.core.progress``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lib.core.progress import ProgressStep
from lib.db import Database
from lib.ingest.contact_lists import prepare_file, run_import
from tests.sheets import xlsx

ROWS = 1200


def contacts(rows: int = ROWS) -> bytes:
    header = ["Navn", "Organisation", "E-mail"]
    return xlsx({"Kontakter": [header, *([f"Person {i}", f"Org {i % 7}", f"p{i}@x.dk"] for i in range(rows))]})


def steps_in_order(seen: list[ProgressStep]) -> list[str]:
    """The steps as they came, each once: a step that came back after another would be listed twice."""
    order: list[str] = []
    for report in seen:
        if not order or order[-1] != report.step:
            order.append(report.step)
    return order


def assert_monotonic(seen: list[ProgressStep]) -> None:
    for before, after in zip(seen, seen[1:], strict=False):
        if before.step == after.step:
            assert after.done >= before.done, (before, after)
        if after.total is not None:
            assert 0 <= after.done <= after.total


@pytest.mark.parametrize("commit", [False, True])
def test_an_import_reports_its_steps_in_order_and_every_row(db: Database, commit: bool) -> None:
    seen: list[ProgressStep] = []
    prepared = prepare_file(db, "kontakter.xlsx", contacts(), progress=seen.append)
    result = run_import(db, prepared.sheets, commit=commit, progress=seen.append)
    assert result.counts["inserted"] == ROWS
    expected = ["progress.step.read_file", "progress.step.find_tables", "progress.step.load_workspace"]
    expected += ["progress.step.check_rows"] + (["progress.step.store"] if commit else [])
    assert steps_in_order(seen) == expected
    assert_monotonic(seen)
    rows = [s for s in seen if s.step == "progress.step.check_rows"]
    assert rows[0].done == 0 and rows[-1].done == rows[-1].total == ROWS
    if commit:
        stored = [s for s in seen if s.step == "progress.step.store"]
        assert stored[-1].finished and stored[-1].unit == "tables"


def test_an_import_without_a_listener_is_the_same_import(db: Database) -> None:
    prepared = prepare_file(db, "kontakter.xlsx", contacts(50))
    assert run_import(db, prepared.sheets, commit=True).counts["inserted"] == 50


def test_a_template_load_reports_its_rows(db: Database) -> None:
    from lib.planning.goals import import_goals
    from lib.planning.templates import template_frames

    frame = next(iter(template_frames("goals").values()))
    header = list(frame.columns)
    seen: list[ProgressStep] = []
    rows = [[f"Mål {i}" if "Mål" in column or "Goal" in column else None for column in header] for i in range(3)]
    import_goals(db, "mål.xlsx", xlsx({"Mål": [header, *rows]}), commit=False, progress=seen.append)
    assert steps_in_order(seen)[:2] == ["progress.step.read_file", "progress.step.check_rows"]
    checked = [s for s in seen if s.step == "progress.step.check_rows"]
    assert checked[-1].finished
    assert_monotonic(seen)


def test_the_board_pack_reports_each_section_then_the_file(demo: Database, tmp_path: Path) -> None:
    from lib.reporting.boardpack import SECTIONS, report

    seen: list[ProgressStep] = []
    report(demo, "xlsx", tmp_path / "pack.xlsx", progress=seen.append)
    assert steps_in_order(seen) == ["progress.step.board_sections", "progress.step.board_write"]
    sections = [s.done for s in seen if s.step == "progress.step.board_sections"]
    assert sections == list(range(len(SECTIONS) + 1))
    assert seen[-1] == ProgressStep("progress.step.board_write", 1, 1, "files")
    assert (tmp_path / "pack.xlsx").stat().st_size > 0


def test_a_backup_reports_pages_copied_up_to_all(tmp_path: Path) -> None:
    from lib.db import open_database
    from lib.reporting.backup import backup

    url = f"sqlite:///{tmp_path / 'live.db'}"
    db = open_database(url, cached=False)
    prepared = prepare_file(db, "kontakter.xlsx", contacts(200))
    run_import(db, prepared.sheets, commit=True)
    db.dispose()
    seen: list[ProgressStep] = []
    info = backup(url, tmp_path / "copy.db", progress=seen.append)
    assert steps_in_order(seen) == ["progress.step.backup_copy", "progress.step.backup_check"]
    copied = [s for s in seen if s.step == "progress.step.backup_copy"]
    assert copied[-1].finished and copied[-1].unit == "pages" and copied[-1].total and copied[-1].total > 1
    assert_monotonic(seen)
    assert info.size_bytes > 0
