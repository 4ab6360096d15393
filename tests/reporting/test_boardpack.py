"""The board pack (lib/reporting/boardpack): what a board member sees in the PowerPoint, the PDF and the Excel
appendix, built on the demo library, and what they must never see (names, e-mails, phone numbers,
small groups of people, free text)."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from openpyxl import load_workbook
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Emu
from sqlalchemy import select, update

from lib.cli.main import main
from lib.core.errors import ValidationFailed
from lib.db import (
    Assessment,
    ChecklistAssessment,
    Database,
    EvaluationResponse,
    Partnership,
    Person,
    Relation,
    forget_database,
    open_database,
)
from lib.demo.workspace import create_demo_workspace
from lib.planning import goals as strategy
from lib.reporting import checklist as radar
from lib.reporting.boardpack import SECTIONS, board_pack, build, pack_version, render, report
from lib.reporting.boardpack.images import available as images_available
from lib.reporting.boardpack.privacy import merge_small_groups, people_count
from lib.workspace.events import log_event

#: Slow as a whole: the board pack of the demo in PowerPoint, PDF (chromium) and Excel, opened in LibreOffice.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 1)
START = dt.date(2025, 11, 1)
#: Written into every free-text field of the demo: it must never reach a board file.
FREE_TEXT = "Hemmelig note om Fru Jensen"
DANISH_TITLES = {
    "title": "Partnerskaber – status til bestyrelsen",
    "key_figures": "Nøgletal",
    "goals": "Hvor vi er på vej hen: målopfyldelse over tid",
    "portfolio": "Med hvem: partnerskaber og idéer på vej",
    "network": "Netværket på organisationsniveau",
    "evaluations": "Hvad kom der ud af det: evalueringer",
    "radar": "Tjeklisten: selvvurdering og hvad data viser",
    "risks": "Risici og næste skridt",
}


class Files:
    """The demo's board pack in every format, made once for the module (kaleido starts once)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.db = open_database(url)
        with self.db.read() as session:
            self.pack = build(session, START, None, "da", today=TODAY)
        self.pptx = render(self.pack, "pptx")
        self.pdf = render(self.pack, "pdf")
        self.xlsx = render(self.pack, "xlsx")


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('board') / 'demo.sqlite'}"
    db = open_database(url)
    create_demo_workspace(db, today=TODAY)
    with db.write() as session:
        # Free text can hold names: put one everywhere a person types freely.
        for model, column in (
            (Partnership, "notes"),
            (Person, "notes"),
            (Relation, "notes"),
            (EvaluationResponse, "reflections"),
            (Assessment, "risks"),
        ):
            session.execute(update(model).values({column: FREE_TEXT}))
        for record in session.scalars(select(ChecklistAssessment)):
            record.notes = {heading: FREE_TEXT for heading in radar.HEADINGS}
    yield url
    forget_database(url)


@pytest.fixture(scope="module")
def files(demo_url: str) -> Files:
    return Files(demo_url)


def personal_data(url: str) -> set[str]:
    """Every staff and contact name, e-mail and phone number in the workspace."""
    with open_database(url).read() as session:
        found: set[str] = set()
        for person in session.scalars(select(Person)):
            found.add(person.name)
            found.update(value for value in (person.email, person.phone) if value)
            found.update(person.other_emails or [])
            found.update(person.other_phones or [])
    return {value for value in found if value and value.strip()}


def phone_shapes(value: str) -> set[str]:
    """A phone number as stored (+4512345678) and as people write it (12 34 56 78, 12345678)."""
    digits = re.sub(r"\D", "", value)
    local = digits[2:] if digits.startswith("45") and len(digits) == 10 else digits
    return {value, local, " ".join(local[i : i + 2] for i in range(0, len(local), 2))}


def leaks(text: str, url: str) -> list[str]:
    """The names, e-mails and phone numbers of the workspace that occur in ``text`` (case-insensitive)."""
    folded = text.casefold()
    found = []
    for value in personal_data(url):
        shapes = phone_shapes(value) if re.fullmatch(r"\+?[\d ]{8,}", value) else {value}
        found += [value for shape in shapes if len(shape) >= 6 and shape.casefold() in folded]
    return found


# --- what a pptx holds -----------------------------------------------------------------------------


def slide_texts(prs: Presentation) -> list[str]:
    """Every text of every slide: shapes, chart titles, categories, series names, values, and notes."""
    texts = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_chart:
                chart = shape.chart
                if chart.has_title:
                    texts.append(chart.chart_title.text_frame.text)
                for plot in chart.plots:
                    texts += [str(c) for c in plot.categories]
                    texts += [series.name for series in plot.series]
        texts.append(slide.notes_slide.notes_text_frame.text)
    return texts


def package_text(data: bytes) -> str:
    """All XML of an Office file and of the workbooks embedded in it (chart data), as one text."""
    parts = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            content = archive.read(name)
            if name.endswith((".xml", ".rels")):
                parts.append(content.decode("utf-8"))
            elif name.endswith(".xlsx"):
                parts.append(package_text(content))
    return "\n".join(parts)


def charts_of(prs: Presentation) -> list:
    return [shape.chart for slide in prs.slides for shape in slide.shapes if shape.has_chart]


def pdf_pages(data: bytes) -> list[str]:
    document = pdfium.PdfDocument(data)
    texts = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    document.close()
    return texts


def plain(text: str) -> str:
    """Text with every run of white space as one space (PDF text breaks lines where the page does)."""
    return re.sub(r"\s+", " ", text).strip()


# --- the pack --------------------------------------------------------------------------------------


def test_the_pack_has_the_eight_sections_in_order_with_danish_titles(files: Files) -> None:
    assert files.pack.keys == list(SECTIONS)
    assert {s.key: s.title for s in files.pack.sections} == DANISH_TITLES
    assert files.pack.section("title").subtitle == (
        "Solbakke Bibliotekerne · Perioden 01-11-2025 – 01-11-2026 · udarbejdet 01-11-2026"
    )
    assert files.pack.pseudonymised


def test_the_mean_of_all_answers_is_read_on_its_scale_in_the_powerpoint(files: Files) -> None:
    # A board reads "3,7 af 5", not the scale's band name ("Tal om det") out of its context.
    (mean,) = [b for b in files.pack.section("evaluations").bullets if b.startswith("Gennemsnit af alle svar")]
    assert re.fullmatch(r"Gennemsnit af alle svar: [1-5],\d af 5 \(1 er helt uenig, 5 helt enig\)\.", mean)
    text = "\n".join(slide_texts(Presentation(io.BytesIO(files.pptx))))
    assert mean in text and "(Tal om det)" not in text and "(Styrke)" not in text


def test_a_partnership_owner_is_shown_as_a_role_never_by_name(files: Files, demo_url: str) -> None:
    listing = files.pack.section("portfolio").table("portfolio.partnerships").frame
    assert set(listing["Ansvarlig (rolle)"]) <= {"Partnerskabsansvarlig", "Netværksansvarlig", "Medarbejder"}
    with open_database(demo_url).read() as session:
        internal = build(session, START, None, "da", ["portfolio"], TODAY, pseudonymise=False)
        owners = {
            name
            for (name,) in session.execute(select(Person.name).join(Partnership, Partnership.owner_id == Person.id))
        }
    assert set(internal.section("portfolio").table("portfolio.partnerships").frame["Ansvarlig (rolle)"]) == owners


def test_the_period_limits_what_happened(demo_url: str) -> None:
    late = dt.date(2026, 6, 1)
    with open_database(demo_url).read() as session:
        pack = build(session, late, None, "da", ["goals", "evaluations", "portfolio"], TODAY)
        ended_before = {
            p.title
            for p in session.scalars(
                select(Partnership).where(Partnership.closed.is_(True), Partnership.ended_on < late)
            )
        }
    dates = pack.section("goals").table("goals.series").frame["Dato"]
    assert len(dates) and min(dates) >= late
    held = pack.section("evaluations").table("evaluations.latest").frame["Holdt den"]
    assert min(held) >= late
    listed = set(pack.section("portfolio").table("portfolio.partnerships").frame["Partnerskab"])
    assert ended_before and not ended_before & listed


def test_a_period_that_ends_before_it_starts_or_an_unknown_section_is_refused(demo_url: str) -> None:
    with open_database(demo_url).read() as session:
        with pytest.raises(ValidationFailed) as period:
            build(session, dt.date(2026, 5, 1), dt.date(2026, 1, 1), "da", today=TODAY)
        with pytest.raises(ValidationFailed) as section:
            build(session, None, None, "da", ["goals", "weather"], TODAY)
        chosen = build(session, None, None, "da", ["risks", "goals"], TODAY)
    assert period.value.message("da") == "Periodens slutdato ligger før startdatoen."
    assert "weather" in section.value.message("en")
    assert chosen.keys == ["goals", "risks"]


def test_small_groups_merge_into_other_until_it_has_five() -> None:
    assert merge_small_groups({"Børn": 6, "Voksne": 7, "Lokal": 2}, "Øvrige") == [("Voksne", 7), ("Øvrige", 8)]
    assert merge_small_groups({"A": 3, "B": 1}, "Øvrige") == [("Øvrige", "< 5")]
    assert merge_small_groups({"A": 9, "B": 5}, "Øvrige") == [("A", 9), ("B", 5)]
    assert merge_small_groups({"A": 3}, "Øvrige", pseudonymise=False) == [("A", 3)]
    assert [people_count(n) for n in (0, 4, 5)] == ["< 5", "< 5", 5]


# --- PowerPoint ------------------------------------------------------------------------------------


def test_the_powerpoint_has_8_to_12_wide_slides_with_danish_titles(files: Files) -> None:
    prs = Presentation(io.BytesIO(files.pptx))
    assert 8 <= len(prs.slides) <= 12
    assert (prs.slide_width, prs.slide_height) == (Emu(12191695), Emu(6858000))  # 16:9
    titles = [slide.shapes.title.text for slide in prs.slides]
    assert titles[0] == DANISH_TITLES["title"]
    for title in DANISH_TITLES.values():
        assert title in titles
    assert "Risici og næste skridt – Næste skridt" in titles
    for slide in prs.slides:
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0
            assert shape.left + shape.width <= prs.slide_width and shape.top + shape.height <= prs.slide_height


@pytest.mark.skipif(
    not Path("/usr/bin/soffice").exists() and not os.environ.get("CI"),
    reason="LibreOffice is not installed (scripts/setup.sh --dev installs it)",
)
def test_the_powerpoint_opens_in_libreoffice_with_every_slide_and_its_charts(files: Files, tmp_path: Path) -> None:
    deck = tmp_path / "bestyrelse.pptx"
    deck.write_bytes(files.pptx)
    subprocess.run(
        [
            "/usr/bin/soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(deck),
        ],
        check=True,
        timeout=240,
        capture_output=True,
    )
    pdf = pdfium.PdfDocument(tmp_path / "bestyrelse.pdf")
    assert len(pdf) == len(Presentation(io.BytesIO(files.pptx)).slides)
    radar_page = next(page for page in pdf if "Tjeklisten" in page.get_textpage().get_text_range())
    text = radar_page.get_textpage().get_text_range()
    assert all(label in text for label in ("Professionalisér!", "Vis, hvem du er!"))  # the native radar drew
    for page in pdf:
        pixels = np.asarray(page.render(scale=0.5).to_pil().convert("L"))
        assert pixels.std() > 5  # not a blank slide


def test_the_goals_chart_is_a_native_chart_of_the_fulfilment_numbers(files: Files, demo_url: str) -> None:
    prs = Presentation(io.BytesIO(files.pptx))
    goals_chart = next(c for c in charts_of(prs) if c.chart_type == XL_CHART_TYPE.XY_SCATTER_LINES)
    with open_database(demo_url).read() as session:
        series = strategy.fulfilment_series(session)
    series = series[(series["date"] >= START) & (series["date"] <= TODAY)]
    expected = {title: [round(v, 1) for v in rows["fulfilment_raw"]] for title, rows in series.groupby("title")}
    drawn = {s.name: list(s.values) for s in goals_chart.plots[0].series}
    assert set(drawn) == set(expected) and len(drawn) == 6
    for title, values in expected.items():
        assert drawn[title] == pytest.approx(values)


def test_the_radar_chart_has_the_eight_checklist_headings(files: Files) -> None:
    prs = Presentation(io.BytesIO(files.pptx))
    radar_chart = next(c for c in charts_of(prs) if c.chart_type == XL_CHART_TYPE.RADAR)
    categories = list(radar_chart.plots[0].categories)
    assert categories == [radar.heading_label(code, "da") for code in radar.HEADINGS]
    assert [s.name for s in radar_chart.plots[0].series] == ["Selvvurdering", "Evidens"]


def test_the_stage_and_risk_charts_count_what_the_tables_count(files: Files) -> None:
    prs = Presentation(io.BytesIO(files.pptx))
    bars = {c.chart_title.text_frame.text: c for c in charts_of(prs) if c.chart_type == XL_CHART_TYPE.BAR_CLUSTERED}
    pipeline = files.pack.section("portfolio").table("portfolio.pipeline").frame
    stages = bars["Partnerskaber pr. fase"].plots[0]
    assert list(stages.categories) == pipeline["Fase"].tolist()
    assert list(stages.series[0].values) == pipeline["Partnerskaber"].astype(float).tolist()
    assert sum(stages.series[0].values) == 12


def test_every_slide_names_its_source_and_period_in_the_notes(files: Files) -> None:
    prs = Presentation(io.BytesIO(files.pptx))
    for slide in prs.slides:
        notes = slide.notes_slide.notes_text_frame.text
        assert notes.startswith("Kilde: Partnerskabsradar. Perioden 01-11-2025 – 01-11-2026")


@pytest.mark.skipif(not images_available(), reason="no browser for kaleido")
def test_the_network_slide_shows_the_picture(files: Files) -> None:
    prs = Presentation(io.BytesIO(files.pptx))
    slide = next(s for s in prs.slides if s.shapes.title.text.endswith("Biblioteket og organisationerne omkring det"))
    pictures = [shape for shape in slide.shapes if shape.shape_type == 13]
    assert len(pictures) == 1 and pictures[0].image.content_type == "image/png"


def test_no_name_email_or_phone_in_the_powerpoint(files: Files, demo_url: str) -> None:
    assert len(personal_data(demo_url)) > 600  # names, e-mails and phones of 317 people
    prs = Presentation(io.BytesIO(files.pptx))
    text = "\n".join(slide_texts(prs))
    assert "Mål på rette spor" in text  # the scan reads the slides
    assert leaks(text, demo_url) == []
    assert leaks(package_text(files.pptx), demo_url) == []
    assert FREE_TEXT not in package_text(files.pptx)


# --- PDF -------------------------------------------------------------------------------------------


def test_the_pdf_has_one_page_per_section_with_its_title(files: Files) -> None:
    pages = pdf_pages(files.pdf)
    assert len(pages) == len(files.pack.sections) == 8
    for text, section in zip(pages, files.pack.sections, strict=True):
        assert plain(section.title) in plain(text)
    assert "Side 3 af 8" in plain(pages[2])


def test_every_pdf_page_is_drawn_and_the_charts_are_pictures(files: Files) -> None:
    document = pdfium.PdfDocument(files.pdf)
    for index, section in enumerate(files.pack.sections):
        page = document[index]
        width, height = page.get_size()
        assert width > height  # landscape
        pixels = page.render(scale=0.6).to_numpy()
        assert float(np.std(pixels)) > 8.0, f"page {index + 1} looks blank"
        pictures = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))
        if images_available():
            assert len(pictures) == len(section.charts), section.key
    document.close()


def test_no_name_email_or_phone_in_the_pdf(files: Files, demo_url: str) -> None:
    text = "\n".join(pdf_pages(files.pdf))
    assert "Møllehøj Efterskole" in text  # the scan reads the tables
    assert leaks(text, demo_url) == []
    assert FREE_TEXT not in text


# --- Excel -----------------------------------------------------------------------------------------


def test_the_excel_appendix_has_a_sheet_per_section_and_no_formulas(files: Files) -> None:
    workbook = load_workbook(io.BytesIO(files.xlsx))
    assert workbook.sheetnames == [
        "Forside",
        "Nøgletal",
        "Mål",
        "Partnerskaber",
        "Netværk",
        "Evalueringer",
        "Tjekliste",
        "Risici",
    ]
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)
    goals = workbook["Mål"]
    assert goals["A1"].value == "Dato" and isinstance(goals["B2"].value, float)
    assert [c.value for c in goals[1]][1:7] == list(files.pack.section("goals").table("goals.series").frame.columns[1:])
    # The status table follows the series under its own title.
    column_a = [row[0].value for row in goals.iter_rows()]
    assert "Målenes status" in column_a


def test_a_title_that_looks_like_a_formula_stays_text_in_excel(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'formula.sqlite'}")
    with db.write() as session:
        session.add(Partnership(title='=HYPERLINK("http://evil.example","klik")', stage="scoping_building"))
    with db.read() as session:
        data = render(build(session, None, None, "da", ["portfolio"], TODAY), "xlsx")
    sheet = load_workbook(io.BytesIO(data)).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value and "HYPERLINK" in str(cell.value)]
    assert [(c.data_type, c.value) for c in cells] == [("s", '\'=HYPERLINK("http://evil.example","klik")')]
    forget_database(db.url)


def test_no_name_email_or_phone_in_the_excel_appendix(files: Files, demo_url: str) -> None:
    text = package_text(files.xlsx)
    assert "Partnerskabsansvarlig" in text
    assert leaks(text, demo_url) == []
    assert FREE_TEXT not in text


def test_the_internal_pack_names_owners_and_the_scan_sees_them(demo_url: str) -> None:
    with open_database(demo_url).read() as session:
        internal = build(session, START, None, "da", ["portfolio", "risks"], TODAY, pseudonymise=False)
    found = leaks(package_text(render(internal, "xlsx")), demo_url)
    assert {"Rasmus Holm", "Leyla Haddad"} <= set(found)


# --- English and small workspaces ------------------------------------------------------------------


def test_english_pack_and_files(demo_url: str) -> None:
    with open_database(demo_url).read() as session:
        pack = build(session, START, None, "en", ["title", "key_figures", "goals", "radar"], TODAY)
    assert [s.title for s in pack.sections] == [
        "Partnerships – report to the board",
        "Key figures",
        "Where we are going: goal fulfilment over time",
        "The checklist: self-assessment and what the data shows",
    ]
    prs = Presentation(io.BytesIO(render(pack, "pptx")))
    assert prs.slides[0].shapes.title.text == "Partnerships – report to the board"
    assert "The period 2025-11-01 – 2026-11-01" in prs.slides[0].placeholders[1].text
    radar_chart = next(c for c in charts_of(prs) if c.chart_type == XL_CHART_TYPE.RADAR)
    assert list(radar_chart.plots[0].categories)[0] == "Professionalise!"
    workbook = load_workbook(io.BytesIO(render(pack, "xlsx")))
    assert workbook.sheetnames == ["Front page", "Key figures", "Goals", "Checklist"]


@pytest.fixture
def three_staff(db):
    """A workspace with three staff members in two teams, seven contacts and one partnership."""
    with db.write() as session:
        staff = [
            Person(
                name=f"Medarbejder {n}",
                name_key=f"medarbejder {n}",
                email=f"m{n}@bib.dk",
                is_staff=True,
                staff_role="partnership_owner",
                team="Børn" if n < 2 else "Voksne",
            )
            for n in range(3)
        ]
        contacts = [
            Person(
                name=f"Kontakt Nummer{n}",
                name_key=f"kontakt nummer{n}",
                email=f"k{n}@firma.dk",
                phone=f"+45 2000 00{n:02d}",
            )
            for n in range(7)
        ]
        session.add_all([*staff, *contacts])
        session.flush()
        session.add(
            Partnership(
                title="Læsecafé", stage="managing_maintaining", owner_id=staff[0].id, start_date=dt.date(2026, 2, 1)
            )
        )
    return db


def test_three_staff_are_shown_as_fewer_than_five(three_staff) -> None:
    with three_staff.read() as session:
        pack = build(session, None, None, "da", today=TODAY)
        internal = build(session, None, None, "da", ["key_figures"], TODAY, pseudonymise=False)
    key_figures = pack.section("key_figures")
    figures = {
        label: value for _key, label, value, _definition in key_figures.table("key_figures.figures").frame.values
    }
    assert figures["Medarbejdere"] == "< 5" and figures["Kontaktpersoner"] == 7
    assert {f.label: f.value for f in key_figures.figures}["Medarbejdere"] == "< 5"
    assert key_figures.table("key_figures.teams").frame.values.tolist() == [["Øvrige", "< 5"]]
    internal_teams = internal.section("key_figures").table("key_figures.teams").frame.values.tolist()
    assert internal_teams == [["Børn", 2], ["Voksne", 1]]
    prs = Presentation(io.BytesIO(render(pack, "pptx")))
    tiles = [shape.text_frame.text for shape in prs.slides[1].shapes if shape.has_text_frame]
    assert "< 5\nMedarbejdere" in tiles
    text = "\n".join(slide_texts(prs))
    assert "Medarbejder 0" not in text and "Børn" not in text
    assert "< 5" in plain(pdf_pages(render(pack, "pdf"))[1])


def test_an_empty_workspace_still_makes_every_file(db) -> None:
    with db.read() as session:
        pack = build(session, None, None, "da", today=TODAY)
    assert pack.section("goals").bullets == ["Der er ingen mål registreret endnu."]
    assert 8 <= len(Presentation(io.BytesIO(render(pack, "pptx"))).slides) <= 12
    assert len(pdf_pages(render(pack, "pdf"))) == 8
    assert len(load_workbook(io.BytesIO(render(pack, "xlsx"))).sheetnames) == 8


# --- report() and the command line -----------------------------------------------------------------


def test_report_writes_the_file_and_refuses_a_bad_period_without_writing(demo_url: str, tmp_path: Path) -> None:
    out = tmp_path / "bestyrelse.xlsx"
    pack = report(open_database(demo_url), "xlsx", out, START, None, "da", ["title", "goals"], TODAY)
    assert pack.keys == ["title", "goals"] and load_workbook(out).sheetnames == ["Forside", "Mål"]
    with pytest.raises(ValidationFailed):
        report(open_database(demo_url), "pdf", tmp_path / "no.pdf", dt.date(2026, 2, 1), dt.date(2026, 1, 1))
    assert not (tmp_path / "no.pdf").exists()


def run_command(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """The report command as ``python -m lib`` runs it (``lib.cli.main.main``), in this process."""
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_the_report_command_reads_both_date_styles_and_explains_a_bad_one(
    demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rapport.xlsx"
    status, printed, _ = run_command(
        ["report", "--format", "xlsx", str(out), "--from", "01-11-2025", "--to", "2026-11-01", "--db", demo_url], capsys
    )
    assert status == 0 and out.exists()
    assert printed.strip() == f"Rapporten er gemt i {out} (8 afsnit)."
    assert load_workbook(out)["Forside"]["B5"].value == dt.datetime(2026, 11, 1)
    status, _, error = run_command(
        ["report", "--format", "pdf", str(tmp_path / "x.pdf"), "--from", "2025-31-12", "--db", demo_url], capsys
    )
    assert status == 2 and error.strip() == "»2025-31-12« er ikke en dato (skriv dd-mm-åååå eller åååå-mm-dd)."
    status, _, error = run_command(
        [
            "report",
            "--format",
            "pdf",
            str(tmp_path / "x.pdf"),
            "--from",
            "01-02-2026",
            "--to",
            "01-01-2026",
            "--lang",
            "en",
            "--db",
            demo_url,
        ],
        capsys,
    )
    assert status == 2 and error.strip() == "The period's end date is before its start date."
    assert not (tmp_path / "x.pdf").exists()


def test_python_m_lib_report_writes_a_powerpoint(demo_url: str, tmp_path: Path) -> None:
    out = tmp_path / "out.pptx"
    done = subprocess.run(
        [sys.executable, "-m", "lib", "report", "--format", "pptx", str(out), "--db", demo_url, "--from", "01-11-2025"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    prs = Presentation(str(out))
    assert 8 <= len(prs.slides) <= 12
    assert prs.slides[1].shapes.title.text == "Nøgletal"


def test_the_page_gets_the_pack_and_a_version_that_changes_with_the_data(db: Database) -> None:
    create_demo_workspace(db, today=TODAY)
    pack = board_pack(db, START, None, "da", ["key_figures", "risks"], TODAY)
    assert [section.title for section in pack.sections] == [DANISH_TITLES["key_figures"], DANISH_TITLES["risks"]]
    before = pack_version(db)
    assert pack_version(db) == before
    with db.write() as session:  # every change made through the product is logged
        log_event(session, "partnership_updated", entity="partnership", entity_id=1)
    assert pack_version(db) != before
