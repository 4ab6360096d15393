"""Issue 12, item 2: "written agreement" has one meaning, and the formalisation shown follows it.

No output may say "Formalisering: Skriftlig aftale" beside "Skriftlig aftale: Nej", nor count written
agreements differently from the start page: checked on the demo in every board format, and on
workspaces made by hypothesis through the same functions the pages call.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pptx import Presentation
from sqlalchemy import select

from lib.core.errors import ValidationFailed
from lib.core.i18n import t
from lib.db import Agreement, Database, Partnership, open_database
from lib.demo.workspace import create_demo_workspace
from lib.planning import partnerships as ps
from lib.reporting import checklist as radar
from lib.reporting import overview
from lib.reporting.boardpack import build, render
from lib.reporting.boardpack.pdf import MAX_ROWS

TODAY = dt.date(2026, 11, 1)
WRITTEN_WORDS = {t(f"partnerships.formalisation.{code}", "da") for code in ps.WRITTEN_FORMALISATIONS}
OTHER_WORDS = {t(f"partnerships.formalisation.{code}", "da") for code in ("informal", "oral", ps.DRAFT)}
YES, NO = t("common.yes", "da"), t("common.no", "da")


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def portfolio_rows(pack) -> list[tuple[str, str, bool]]:
    """(title, formalisation as shown, written agreement) of each row of the board's partnership table."""
    frame = pack.section("portfolio").table("portfolio.partnerships").frame
    return [
        (row[0], row[1], bool(row[2]))
        for row in frame[
            [t("board.col.partnership", "da"), t("board.col.formalisation", "da"), t("board.col.written", "da")]
        ].itertuples(index=False, name=None)
    ]


def assert_rows_agree(rows: list[tuple[str, str, bool]]) -> None:
    for title, formalisation, written in rows:
        assert (formalisation in WRITTEN_WORDS) == written, (title, formalisation, written)
        assert formalisation in WRITTEN_WORDS | OTHER_WORDS | {""}, formalisation


def xlsx_rows(data: bytes) -> list[tuple[str, str, bool]]:
    """The same rows as the Excel appendix's sheet "Partnerskaber" holds them."""
    sheet = load_workbook(io.BytesIO(data))["Partnerskaber"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    # The sheet's first row names every column of the sheet (no blank header cell); the partnerships'
    # own table starts at the last row that does.
    head = max(i for i, row in enumerate(rows) if t("board.col.formalisation", "da") in row)
    form, written = rows[head].index(t("board.col.formalisation", "da")), rows[head].index(t("board.col.written", "da"))
    found = []
    for row in rows[head + 1 :]:
        if not any(value not in (None, "") for value in row):
            break
        found.append((row[0], row[form] or "", row[written] in (True, YES)))
    return found


def written_bullet(pack) -> tuple[int, int]:
    # The words agree with the numbers ("1 partnerskab", "9 partnerskaber"), so render the text anew for
    # the two numbers a line holds rather than matching one pattern.
    for line in pack.section("portfolio").bullets:
        numbers = [int(n) for n in re.findall(r"\d+", line)]
        if len(numbers) == 2 and t("board.portfolio.written", "da", written=numbers[0], active=numbers[1]) == line:
            return numbers[0], numbers[1]
    raise AssertionError("no bullet on written agreements")


def start_page_figures(session) -> dict[str, float | None]:
    return {f.code: f.value for f in overview.key_figures(session, TODAY)}


# --- the demo, every format -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Database:
    db = open_database(f"sqlite:///{tmp_path_factory.mktemp('agreements') / 'demo.sqlite'}", cached=False)
    create_demo_workspace(db, today=TODAY)
    yield db
    db.dispose()


@pytest.mark.slow
def test_finding_2_the_board_pack_never_says_written_beside_no_written_agreement(demo_db: Database) -> None:
    with demo_db.read() as session:
        pack = build(session, TODAY - dt.timedelta(days=365), None, "da", sections=["portfolio"], today=TODAY)
        figures = start_page_figures(session)
        evidence = radar.evidence(session, TODAY)["professionalise"]
    rows = portfolio_rows(pack)
    assert_rows_agree(rows)
    assert {f for _, f, _ in rows} >= {*WRITTEN_WORDS, t("partnerships.formalisation.draft", "da")}
    # The PDF: every formalisation is followed by its yes/no, and never a written one by "Nej".
    text = plain(" ".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(render(pack, "pdf"))))
    for word in WRITTEN_WORDS:
        assert f"{word} {NO}" not in text
    for word in OTHER_WORDS:
        assert f"{word} {YES}" not in text
    shown = rows[:MAX_ROWS]  # the rest are in the Excel appendix
    assert sum(text.count(f"{word} {YES}") for word in WRITTEN_WORDS) == sum(1 for r in shown if r[2]) > 0
    # The Excel appendix holds the same rows.
    assert xlsx_rows(render(pack, "xlsx")) == rows
    # The slide counts the partnerships under way with a written agreement as the start page does.
    slide = "\n".join(
        shape.text_frame.text
        for slide in Presentation(io.BytesIO(render(pack, "pptx"))).slides
        for shape in slide.shapes
        if shape.has_text_frame
    )
    written, under_way = written_bullet(pack)
    assert t("board.portfolio.written", "da", written=written, active=under_way) in slide
    assert (written, under_way) == (figures["written_agreements"], figures["active_partnerships"]) == (5, 9)
    assert (evidence.numerator, evidence.denominator) == (5, 9)


def test_finding_2_the_demo_holds_no_contradiction(demo_db: Database) -> None:
    with demo_db.read() as session:
        agreements = {a.partnership_id: a for a in session.scalars(select(Agreement))}
        for p in session.scalars(select(Partnership)):
            agreement = agreements.get(p.id)
            signed = ps.has_written_agreement(p, agreement)
            assert (ps.formalisation_of(p, agreement) in ps.WRITTEN_FORMALISATIONS) == signed, p.title
            if signed:
                assert p.formalisation in ps.WRITTEN_FORMALISATIONS, p.title
            summary = ps.agreement_summary(session, p.id, "da")
            assert (summary["formalisation_label"] in WRITTEN_WORDS) == summary["written_agreement"], p.title


# --- generated workspaces -------------------------------------------------------------------------

TEXT_FIELDS = tuple(name for name in ps.AGREEMENT_EDITABLE if name not in ps.AGREEMENT_DATE_FIELDS)

partnership_specs = st.fixed_dictionaries(
    {
        "stage": st.sampled_from(ps.STAGES),
        "closed": st.booleans(),
        "formalisation": st.sampled_from((None, "informal", "oral", "written", "contract", ps.DRAFT)),
        # None: no agreement; else (fields filled in, signed how many days before today or None)
        "agreement": st.none()
        | st.tuples(st.sets(st.sampled_from(TEXT_FIELDS)), st.none() | st.integers(min_value=0, max_value=900)),
        # What a person then chooses as formalisation on the details tab (may be refused).
        "then": st.none() | st.sampled_from(("informal", "oral", "written", "contract", ps.DRAFT)),
        "unsign": st.booleans(),
    }
)


@pytest.fixture(scope="module")
def empty_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("empty") / "empty.sqlite"
    open_database(f"sqlite:///{path}", cached=False).dispose()
    return path


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(specs=st.lists(partnership_specs, min_size=1, max_size=6))
@pytest.mark.slow
def test_finding_2_formalisation_and_written_agreement_agree_on_generated_workspaces(
    specs: list[dict], empty_file: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("generated") / "workspace.sqlite"
    shutil.copy(empty_file, path)
    db = open_database(f"sqlite:///{path}", cached=False)
    try:
        with db.write() as session:
            for index, spec in enumerate(specs):
                values = {
                    "title": f"Partnerskab {index}",
                    "stage": spec["stage"],
                    "closed": spec["closed"],
                    "formalisation": spec["formalisation"],
                    "start_date": dt.date(2023, 1, 1),
                }
                pid = ps.create_partnership(session, values)
                if spec["agreement"] is not None:
                    fields, signed_ago = spec["agreement"]
                    ps.save_agreement(
                        session,
                        pid,
                        {
                            **{name: "udfyldt" for name in fields},
                            "signed_on": TODAY - dt.timedelta(days=signed_ago) if signed_ago is not None else None,
                        },
                    )
                if spec["then"] is not None:
                    agreement = ps.get_agreement(session, pid)
                    signed = ps.has_written_agreement(session.get(Partnership, pid), agreement)
                    try:
                        ps.update_partnership(session, pid, {"formalisation": spec["then"]})
                    except ValidationFailed as refused:
                        # Only "not written" while a signed agreement is on record is refused.
                        assert refused.key == "agreement.formalisation_follows"
                        assert signed and spec["then"] in ("informal", "oral")
                if spec["unsign"] and spec["agreement"] is not None:
                    ps.save_agreement(session, pid, {"signed_on": None})
        with db.read() as session:
            frame = ps.partnerships_frame(session, TODAY)
            cards = [item for column in ps.pipeline(session) for item in column.partnerships]
            alerts = {a.partnership_id for a in ps.alerts(session, TODAY) if a.kind == "no_written_agreement"}
            pack = build(session, None, None, "da", sections=["portfolio"], today=TODAY)
            figures = start_page_figures(session)
            evidence = radar.evidence(session, TODAY)["professionalise"]
            summaries = [ps.agreement_summary(session, pid, "da") for pid in frame["id"]]
        # Pages: the list, the cards, the agreement summary and the alerts say the same.
        for row in frame.itertuples():
            assert (row.formalisation in ps.WRITTEN_FORMALISATIONS) == bool(row.written_agreement)
            running = row.stage in ps.ACTIVE_STAGES and not row.closed
            assert (row.id in alerts) == (running and not row.written_agreement)
        for item in cards:
            assert (item["formalisation"] in ps.WRITTEN_FORMALISATIONS) == item["written_agreement"]
        for summary in summaries:
            assert (summary["formalisation_label"] in WRITTEN_WORDS) == summary["written_agreement"]
        # The board pack, as data and as the Excel appendix.
        rows = portfolio_rows(pack)
        assert_rows_agree(rows)
        assert xlsx_rows(render(pack, "xlsx")) == rows
        # One count of written agreements: the start page, the checklist evidence and the board slide.
        under_way = frame[(frame["stage"] != "idea") & ~frame["closed"]]
        expected = int(under_way["written_agreement"].sum())
        assert figures["written_agreements"] == evidence.numerator == expected
        if len(under_way):
            assert written_bullet(pack) == (expected, len(under_way))
    finally:
        db.dispose()
