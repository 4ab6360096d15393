"""The agreement as a document to sign (issue 18, item 3): Word and PDF from one model, with both
parties, the goals, every item or a line to fill in by hand, and signature lines; the Word file opens
in LibreOffice."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from docx import Document

from lib.core.errors import ValidationFailed
from lib.core.i18n import t
from lib.db import Database
from lib.library.setup import save_library_profile
from lib.planning import partnerships as ps
from lib.planning.agreement_documents import (
    BLANK_LINE,
    agreement_document,
    agreement_docx,
    agreement_file,
    agreement_pdf,
    plain_text,
)
from lib.planning.goals import create_goal
from tests.planning_builders import add_org, add_staff

D = dt.date

HOSTILE = 'Bøger & <b>fed</b> <font size="40">stor</font> </para> "citat"'


def docx_text(data: bytes) -> str:
    """Every paragraph of the Word file, the signature table's cells included, one per line."""
    document = Document(io.BytesIO(data))
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        lines += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(lines)


def pdf_text(data: bytes) -> str:
    document = pdfium.PdfDocument(data)
    text = "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    document.close()
    return text


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def partnership(db: Database) -> int:
    with db.write() as session:
        save_library_profile(session, {"name": "Solhøj Bibliotek"})
        anna = add_staff(session, "Åse Ærø", "aase@solhoej.dk")
        museum = add_org(session, "Byens Museum")
        school = add_org(session, "Østre Skole")
        goal = create_goal(
            session,
            {
                "title": "Flere børn læser i fritiden",
                "baseline": 0,
                "target": 1,
                "baseline_date": D(2025, 1, 1),
                "target_date": D(2027, 1, 1),
            },
        )
        pid = ps.create_partnership(
            session,
            {"title": "Sommerlæsning", "owner_id": anna, "stage": "scoping_building", "contact_rhythm_days": "30"},
            organisation_ids=[museum, school],
            goal_ids=[goal],
        )
        ps.save_agreement(
            session,
            pid,
            {
                "purpose": "Læselyst hos børn\nog deres forældre",
                "contributions_library": "Lokaler og en bibliotekar",
                "contributions_partner": "Udstillinger og formidlere",
                "contact_persons": "Jørgen Øst, museet",
                "start_date": D(2026, 5, 1),
                "end_date": D(2027, 4, 30),
                "review_date": D(2026, 11, 1),
                "termination": "Tre måneders varsel",
            },
        )
    return pid


def test_the_word_document_has_both_parties_goals_every_section_and_signature_lines(
    db: Database, partnership: int
) -> None:
    with db.read() as session:
        text = docx_text(agreement_docx(session, partnership, "da"))
    for shown in (
        "Samarbejdsaftale",
        "mellem Solhøj Bibliotek og Byens Museum samt Østre Skole",
        "Flere børn læser i fritiden",
        "Læselyst hos børn",
        "Lokaler og en bibliotekar",
        "Udstillinger og formidlere",
        "Åse Ærø · aase@solhoej.dk",
        "Jørgen Øst, museet",
        "01-05-2026",
        "30-04-2027",
        "01-11-2026",
        "Mindst hver 30. dag",
        "Tre måneders varsel",
    ):
        assert shown in text, shown
    headings = [
        line for line in text.splitlines() if line[:2].rstrip(".").isdigit() and ". " in line[:4]
    ]  # "1. Parterne" …
    assert headings == [
        f"{number}. {t(f'agreement_document.section.{key}', 'da')}"
        for number, key in enumerate(
            (
                "parties",
                "purpose",
                "goals",
                "resources",
                "contacts",
                "dates",
                "review",
                "termination",
                "signatures",
            ),
            start=1,
        )
    ]
    # One signature block for the library and one for each partner, each with name, date and signature.
    for party in ("Solhøj Bibliotek", "Byens Museum", "Østre Skole"):
        assert f"For {party}" in text
    assert text.count("Navn: ___") == text.count("Dato: ___") == text.count("Underskrift: ___") == 3


def test_an_item_not_filled_in_is_a_line_to_write_on_never_none(db: Database, partnership: int) -> None:
    with db.read() as session:
        words = docx_text(agreement_docx(session, partnership, "da"))
        pdf = flat(pdf_text(agreement_pdf(session, partnership, "da")))
    assert "None" not in words and "None" not in pdf
    blank = f"{t('agreement_document.blank', 'da')} {BLANK_LINE}"
    # Not filled in: target group, roles, economy, rights, communication, evaluation method.
    assert words.count(blank) == 6
    assert pdf.count(blank) == 6


def test_a_partnership_without_an_agreement_gives_a_blank_agreement_to_fill_in(db: Database) -> None:
    with db.write() as session:
        pid = ps.create_partnership(session, {"title": "Idé", "stage": "idea"})
    with db.read() as session:
        document = agreement_document(session, pid, "en")
        text = docx_text(agreement_docx(session, pid, "en"))
    assert document.subtitle == "between The library and the partner"
    entries = [entry for section in document.sections for entry in section.entries]
    assert entries and all(entry.text is None for entry in entries if entry.label != "The library")
    assert "For the partner" in text and "None" not in text


def test_the_pdf_shows_danish_letters_and_markup_like_text_literally(db: Database, partnership: int) -> None:
    with db.write() as session:
        ps.save_agreement(session, partnership, {"termination": HOSTILE, "roles": "A < B && C > D"})
    with db.read() as session:
        data = agreement_pdf(session, partnership, "da")
    text = flat(pdf_text(data))
    assert HOSTILE in text
    assert "A < B && C > D" in text
    for shown in ("Åse Ærø", "Jørgen Øst", "Østre Skole", "Solhøj Bibliotek", "Ophør og opsigelse"):
        assert shown in text
    assert b"DejaVu" in data or not Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").exists()


def test_markup_like_and_control_characters_survive_in_the_word_document(db: Database, partnership: int) -> None:
    with db.write() as session:
        ps.save_agreement(session, partnership, {"termination": HOSTILE + "\x00\x0b", "economy": "æøå ÆØÅ"})
    with db.read() as session:
        text = docx_text(agreement_docx(session, partnership, "da"))
    assert HOSTILE in text and "æøå ÆØÅ" in text
    assert "\x00" not in text and "\x0b" not in text


def test_english_and_an_unknown_partnership(db: Database, partnership: int) -> None:
    with db.read() as session:
        text = flat(pdf_text(agreement_file(session, partnership, "pdf", "en")))
        assert "Partnership agreement" in text and "between Solhøj Bibliotek and Byens Museum and Østre Skole" in text
        assert "At least every 30 days" in text and "Signature: ___" in text
        with pytest.raises(ValidationFailed):
            agreement_docx(session, partnership + 100, "da")


def test_plain_text_keeps_lines_and_drops_what_a_document_cannot_hold() -> None:
    assert plain_text(None) is None
    assert plain_text("  \n \t ") is None
    assert plain_text("  første\r\nanden  linje \x07\n\n") == "første\nanden linje"


#: LibreOffice Writer, which reads Word files (``libreoffice-writer-nogui``; scripts/setup.sh --dev installs it).
WRITER = Path("/usr/lib/libreoffice/program/libswlo.so")


@pytest.mark.slow
@pytest.mark.skipif(
    not (Path("/usr/bin/soffice").exists() and WRITER.exists()) and not os.environ.get("CI"),
    reason="LibreOffice Writer is not installed (scripts/setup.sh --dev installs it)",
)
def test_the_word_document_opens_in_libreoffice(db: Database, partnership: int, tmp_path: Path) -> None:
    """As a library would: LibreOffice Writer reads the .docx (converted headless to PDF) with its text."""
    with db.read() as session:
        (tmp_path / "aftale.docx").write_bytes(agreement_docx(session, partnership, "da"))
    done = subprocess.run(
        [
            "/usr/bin/soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "out"),
            str(tmp_path / "aftale.docx"),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    converted = tmp_path / "out" / "aftale.pdf"
    assert converted.exists(), done.stderr
    text = flat(pdf_text(converted.read_bytes()))
    for shown in ("Samarbejdsaftale", "Solhøj Bibliotek", "Byens Museum", "Flere børn læser i fritiden", "Underskrift"):
        assert shown in text
