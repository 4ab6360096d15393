"""``python -m lib agreement export`` as a script meets it: the Word or PDF agreement of one partnership,
its record in the event log, and a clear refusal of an unknown partnership that writes nothing."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pypdfium2 as pdfium
from docx import Document
from sqlalchemy import select

from lib.db import Database, Event
from lib.planning import partnerships as ps
from tests.cli.test_cli import run_cli
from tests.planning_builders import add_org, add_staff


def exports(db: Database) -> list[Event]:
    with db.read() as session:
        return list(session.scalars(select(Event).where(Event.action == "agreement_document_exported")))


def partnership(db: Database) -> int:
    with db.write() as session:
        owner = add_staff(session, "Åse Ærø", "aase@bib.dk")
        museum = add_org(session, "Byens Museum")
        pid = ps.create_partnership(
            session, {"title": "Sommerlæsning", "owner_id": owner, "stage": "idea"}, organisation_ids=[museum]
        )
        ps.save_agreement(session, pid, {"purpose": "Læselyst hos børn", "contact_persons": "Jørgen Øst"})
    return pid


def test_the_agreement_is_written_as_word_and_logged(tmp_path: Path, db: Database, db_url: str) -> None:
    pid = partnership(db)
    out = tmp_path / "aftale.docx"
    done = run_cli("agreement", "export", str(pid), "--format", "docx", str(out), "--json", "--db", db_url)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "partnership_id": pid,
        "format": "docx",
        "path": str(out),
        "bytes": out.stat().st_size,
    }
    text = "\n".join(p.text for p in Document(io.BytesIO(out.read_bytes())).paragraphs)
    assert "Byens Museum" in text and "Læselyst hos børn" in text
    (logged,) = exports(db)
    assert logged.details["people"] == 2  # the owner and the contact person the agreement names
    assert logged.details["format"] == "docx" and logged.details["partnership"] == pid


def test_the_agreement_as_pdf_in_english(tmp_path: Path, db: Database, db_url: str) -> None:
    pid = partnership(db)
    out = tmp_path / "agreement.pdf"
    done = run_cli("agreement", "export", str(pid), "--format", "pdf", str(out), "--lang", "en", "--db", db_url)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"The agreement of partnership {pid} is written to {out}."
    document = pdfium.PdfDocument(out.read_bytes())
    text = " ".join(document[0].get_textpage().get_text_range().split())
    assert "Partnership agreement" in text and "between The library and Byens Museum" in text


def test_an_unknown_partnership_or_an_unwritable_file_writes_and_logs_nothing(
    tmp_path: Path, db: Database, db_url: str
) -> None:
    pid = partnership(db)
    out = tmp_path / "x.pdf"
    done = run_cli("agreement", "export", str(pid + 1), "--format", "pdf", str(out), "--db", db_url)
    assert done.returncode == 2
    assert done.stderr.strip() == f"Partnerskabet (nr. {pid + 1}) findes ikke." and done.stdout == ""
    assert not out.exists()
    missing_folder = str(tmp_path / "mangler" / "x.docx")
    done = run_cli("agreement", "export", str(pid), "--format", "docx", missing_folder, "--db", db_url)
    assert done.returncode == 2 and "mangler" in done.stderr
    done = run_cli("agreement", "export", str(pid), "--format", "odt", str(out), "--db", db_url)
    assert done.returncode == 2 and "invalid choice" in done.stderr
    assert exports(db) == []
