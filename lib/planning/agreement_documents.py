"""The agreement as a document to sign: a Word file (python-docx) and a PDF (reportlab) from one model.

:func:`agreement_document` reads a partnership's agreement into an :class:`AgreementDocument`, the one
model both files are drawn from, with its sections in order: the title, the parties (the library's
name from the set-up, :mod:`lib.library.setup`, and the partner organisations), purpose, goals, what
each side contributes, contact persons on each side, the dates, the review rhythm, how it ends, and
two signature blocks with lines for name, date and signature. :func:`docx_bytes` and
:func:`pdf_bytes` lay it out; :func:`agreement_docx` and :func:`agreement_pdf` do both steps.

An item not filled in is never "None" and never left out: it says so and leaves a line to write on
by hand, so the printed agreement can be completed at the meeting where it is signed. User text is
written literally: a typed ``<b>`` or ``&`` stays text in the PDF (escaped for reportlab's paragraph
markup), and characters a document cannot hold (control characters) are dropped. The PDF is set in
DejaVu Sans when the system has it, as the board pack is (every Danish letter), else in Helvetica.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from dataclasses import dataclass
from xml.sax.saxutils import escape

from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.i18n import format_date, t
from lib.core.pdf_fonts import pdf_fonts
from lib.db import Person
from lib.library.setup import library_name
from lib.planning.partnership_agreements import agreement_values, get_agreement
from lib.planning.partnership_editing import get_partnership, goals_of, organisations_of

#: The formats a document is written in.
DOCUMENT_FORMATS = ("docx", "pdf")

MIME_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}

#: The line left to write on by hand, for an item not filled in and in the signature blocks.
BLANK_LINE = "_" * 40

#: The sections of the document in order (keys of ``agreement_document.section.*``); the title comes first.
SECTIONS = ("parties", "purpose", "goals", "resources", "contacts", "dates", "review", "termination")


@dataclass(frozen=True)
class Entry:
    """One item of a section: a label (or none) and its text; ``text`` None means not filled in."""

    label: str | None
    text: str | None


@dataclass(frozen=True)
class DocumentSection:
    key: str
    heading: str
    entries: tuple[Entry, ...]
    intro: str | None = None


@dataclass(frozen=True)
class AgreementDocument:
    """Everything either file shows, already in the reader's language (plain text, not markup)."""

    lang: str
    title: str
    subtitle: str
    partnership: str
    sections: tuple[DocumentSection, ...]
    #: The parties that sign, library first: one signature block each.
    signatories: tuple[str, ...]
    signatures_heading: str
    #: The words of a signature block: ``For {party}``, name, date, signature.
    sign_words: tuple[str, str, str]
    blank: str

    def sign_for(self, party: str) -> str:
        return t("agreement_document.sign_for", self.lang, party=party)


def plain_text(value: object) -> str | None:
    """User text as a document holds it: line breaks kept, control characters dropped, blank as None."""
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    kept = "".join(
        char
        for char in unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
        if char in "\n\t" or not unicodedata.category(char).startswith("C") or unicodedata.category(char) == "Co"
    )
    lines = [" ".join(line.split()) for line in kept.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines) or None


def _joined(names: list[str], lang: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {t('agreement_document.and', lang)} {names[-1]}"


def _date(value: dt.date | None, lang: str) -> str | None:
    return format_date(value, lang) if value else None


@requires("view_contacts")
def agreement_document(session: Session, partnership_id: int, lang: str = "da") -> AgreementDocument:
    """The document model of a partnership's agreement (see the module's note).

    A partnership without an agreement on record gives the same document with every item blank.
    Raises :class:`lib.core.errors.ValidationFailed` for an unknown partnership.
    """
    partnership = get_partnership(session, partnership_id)
    agreement = get_agreement(session, partnership_id)
    values = agreement_values(partnership, agreement) or {}

    def value(name: str) -> str | None:
        return plain_text(values.get(name))

    library = plain_text(library_name(session)) or t("agreement_document.library", lang)
    partners = [plain_text(name) or "" for _, name in organisations_of(session, [partnership.id])[partnership.id]]
    partners = [name for name in partners if name]
    goals = [plain_text(title) or "" for _, title in goals_of(session, [partnership.id])[partnership.id]]
    owner = session.get(Person, partnership.owner_id) if partnership.owner_id else None
    owner_text = None
    if owner is not None:
        owner_text = " · ".join(part for part in (plain_text(owner.name), plain_text(owner.email)) if part) or None
    label = {name: t(f"partnerships.agreement.{name}", lang) for name in _AGREEMENT_LABELS}
    rhythm = partnership.contact_rhythm_days
    entries: dict[str, tuple[Entry, ...]] = {
        "parties": (
            Entry(t("agreement_document.library", lang), library),
            Entry(
                t("agreement_document.partners" if len(partners) > 1 else "agreement_document.partner", lang),
                "\n".join(partners) or None,
            ),
            *((Entry(t("agreement_document.about_parties", lang), value("parties")),) if value("parties") else ()),
        ),
        "purpose": (
            Entry(None, value("purpose")),
            Entry(label["target_group"], value("target_group")),
        ),
        "goals": (Entry(None, "\n".join(f"• {goal}" for goal in goals if goal) or None),),
        "resources": (
            Entry(label["contributions_library"], value("contributions_library")),
            Entry(label["contributions_partner"], value("contributions_partner")),
            Entry(label["roles"], value("roles")),
            Entry(label["economy"], value("economy")),
            Entry(label["rights_branding"], value("rights_branding")),
        ),
        "contacts": (
            Entry(t("agreement_document.at_library", lang), owner_text),
            Entry(t("agreement_document.at_partner", lang), value("contact_persons")),
            Entry(label["communication"], value("communication")),
        ),
        "dates": (
            Entry(label["start_date"], _date(values.get("start_date"), lang)),
            Entry(label["end_date"], _date(values.get("end_date"), lang)),
        ),
        "review": (
            Entry(label["review_date"], _date(values.get("review_date"), lang)),
            Entry(label["evaluation_method"], value("evaluation_method")),
            Entry(
                t("agreement_document.rhythm", lang),
                t("agreement_document.rhythm_days", lang, days=rhythm) if rhythm else None,
            ),
        ),
        "termination": (Entry(None, value("termination")),),
    }
    partner_party = _joined(partners, lang) or t("agreement_document.no_partner", lang)
    title = plain_text(partnership.title) or ""
    return AgreementDocument(
        lang=lang,
        title=t("agreement_document.title", lang),
        subtitle=t("agreement_document.between", lang, library=library, partners=partner_party),
        partnership=f"{t('agreement_document.partnership', lang)}: {title}",
        sections=tuple(
            DocumentSection(
                key=key,
                heading=t(f"agreement_document.section.{key}", lang),
                entries=entries[key],
                intro=t("agreement_document.goals_intro", lang) if key == "goals" and goals else None,
            )
            for key in SECTIONS
        ),
        signatories=(library, *(partners or [partner_party])),
        signatures_heading=t("agreement_document.section.signatures", lang),
        sign_words=(
            t("agreement_document.sign_name", lang),
            t("agreement_document.sign_date", lang),
            t("agreement_document.sign_signature", lang),
        ),
        blank=t("agreement_document.blank", lang),
    )


_AGREEMENT_LABELS = (
    "target_group",
    "contributions_library",
    "contributions_partner",
    "roles",
    "economy",
    "rights_branding",
    "communication",
    "start_date",
    "end_date",
    "review_date",
    "evaluation_method",
)


def _pairs(parties: tuple[str, ...]) -> list[tuple[str, str]]:
    """The signatories two by two (a row of signature blocks), the last pair padded with ``""``."""
    padded = [*parties, ""] if len(parties) % 2 else list(parties)
    return [(padded[index], padded[index + 1]) for index in range(0, len(padded), 2)]


# --- Word ------------------------------------------------------------------------------------------


def docx_bytes(document: AgreementDocument) -> bytes:
    """The document as a Word file (.docx)."""
    from docx import Document
    from docx.shared import Pt

    word = Document()
    word.core_properties.title = f"{document.title} – {document.partnership}"
    word.core_properties.author = document.signatories[0]
    word.core_properties.language = document.lang
    word.add_heading(document.title, level=0)
    word.add_paragraph(document.subtitle).runs[0].bold = True
    word.add_paragraph(document.partnership)
    for number, section in enumerate(document.sections, start=1):
        word.add_heading(f"{number}. {section.heading}", level=1)
        if section.intro:
            word.add_paragraph(section.intro)
        for entry in section.entries:
            if entry.label:
                heading = word.add_paragraph()
                heading.paragraph_format.space_after = Pt(0)
                heading.paragraph_format.keep_with_next = True
                heading.add_run(entry.label).bold = True
            paragraph = word.add_paragraph()
            if entry.text is None:
                blank = paragraph.add_run(f"{document.blank} ")
                blank.italic = True
                paragraph.add_run(BLANK_LINE)
                continue
            run = paragraph.add_run()
            for index, line in enumerate(entry.text.split("\n")):
                if index:
                    run.add_break()
                run.add_text(line)
    word.add_heading(f"{len(document.sections) + 1}. {document.signatures_heading}", level=1)
    table = word.add_table(rows=4 * len(_pairs(document.signatories)), cols=2)
    for index, party in enumerate(document.signatories):
        first, column = 4 * (index // 2), index % 2
        cells = [table.cell(first + row, column) for row in range(4)]
        header = cells[0].paragraphs[0]
        header.paragraph_format.space_before = Pt(24 if index >= 2 else 6)
        header.add_run(document.sign_for(party)).bold = True
        for cell, word_of in zip(cells[1:], document.sign_words, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_before = Pt(18)
            paragraph.add_run(f"{word_of}: {'_' * 22}")
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


# --- PDF -------------------------------------------------------------------------------------------


def _markup(text: str) -> str:
    """Plain text as reportlab paragraph text: ``<`` ``>`` ``&`` escaped, line breaks kept."""
    return "<br/>".join(escape(line) for line in text.split("\n"))


def pdf_bytes(document: AgreementDocument) -> bytes:
    """The document as an A4 PDF."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from lib.core.charts import PRIMARY

    regular, bold, italic = pdf_fonts()
    ink, accent, muted = colors.HexColor("#262730"), colors.HexColor(PRIMARY), colors.HexColor("#5f6670")
    body = ParagraphStyle("body", fontName=regular, fontSize=10.5, leading=14, textColor=ink, spaceAfter=4)
    styles = {
        "title": ParagraphStyle("title", parent=body, fontName=bold, fontSize=24, leading=29, textColor=accent),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontName=bold, fontSize=13, leading=17, spaceBefore=4),
        "heading": ParagraphStyle(
            "heading", parent=body, fontName=bold, fontSize=13, leading=17, textColor=accent, spaceBefore=10
        ),
        "label": ParagraphStyle("label", parent=body, fontName=bold, spaceAfter=0),
        "body": body,
        "blank": ParagraphStyle("blank", parent=body, fontName=italic, textColor=muted),
    }
    story: list[object] = [
        Paragraph(_markup(document.title), styles["title"]),
        Paragraph(_markup(document.subtitle), styles["subtitle"]),
        Paragraph(_markup(document.partnership), styles["body"]),
    ]
    for number, section in enumerate(document.sections, start=1):
        parts: list[object] = [Paragraph(_markup(f"{number}. {section.heading}"), styles["heading"])]
        if section.intro:
            parts.append(Paragraph(_markup(section.intro), styles["body"]))
        for entry in section.entries:
            if entry.label:
                parts.append(Paragraph(_markup(entry.label), styles["label"]))
            if entry.text is None:
                parts.append(Paragraph(f"{_markup(document.blank)} {BLANK_LINE}", styles["blank"]))
            else:
                parts.append(Paragraph(_markup(entry.text), styles["body"]))
        story.append(KeepTogether(parts[:3]))
        story.extend(parts[3:])
    width = A4[0] - 40 * mm
    rows: list[list[object]] = []
    spacing: list[tuple[object, ...]] = [("VALIGN", (0, 0), (-1, -1), "BOTTOM")]
    for pair in _pairs(document.signatories):
        spacing.append(("TOPPADDING", (0, len(rows)), (-1, len(rows)), 18 if rows else 3))
        rows.append([Paragraph(_markup(document.sign_for(party)), styles["label"]) if party else "" for party in pair])
        for word_of in document.sign_words:
            spacing.append(("TOPPADDING", (0, len(rows)), (-1, len(rows)), 16))
            line = f"{_markup(word_of)}: {'_' * 26}"
            rows.append([Paragraph(line, styles["body"]) if party else "" for party in pair])
    table = Table(rows, colWidths=[width / 2] * 2)
    table.setStyle(TableStyle(spacing))
    story.append(
        KeepTogether(
            [
                Paragraph(_markup(f"{len(document.sections) + 1}. {document.signatures_heading}"), styles["heading"]),
                Spacer(1, 4 * mm),
                table,
            ]
        )
    )

    def footer(canvas: Canvas, template: object) -> None:
        canvas.saveState()
        canvas.setFont(regular, 8)
        canvas.setFillColor(muted)
        page = t("agreement_document.page", document.lang, page=canvas.getPageNumber())
        canvas.drawString(20 * mm, 12 * mm, f"{document.title} · {document.partnership} · {page}")
        canvas.restoreState()

    out = io.BytesIO()
    template = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=22 * mm,
        title=f"{document.title} – {document.partnership}",
        author=document.signatories[0],
        creator="Partnerskabsradar",
        invariant=True,
    )
    template.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


# --- both steps ------------------------------------------------------------------------------------


@requires("view_contacts")
def agreement_docx(session: Session, partnership_id: int, lang: str = "da") -> bytes:
    """The agreement of the partnership as a Word document to sign."""
    return docx_bytes(agreement_document(session, partnership_id, lang))


@requires("view_contacts")
def agreement_pdf(session: Session, partnership_id: int, lang: str = "da") -> bytes:
    """The agreement of the partnership as a PDF to sign."""
    return pdf_bytes(agreement_document(session, partnership_id, lang))


@requires("view_contacts")
def agreement_file(session: Session, partnership_id: int, file_format: str, lang: str = "da") -> bytes:
    """The agreement in ``file_format`` (one of :data:`DOCUMENT_FORMATS`)."""
    if file_format not in DOCUMENT_FORMATS:
        raise ValueError(f"unknown format: {file_format!r}")
    make = agreement_docx if file_format == "docx" else agreement_pdf
    return make(session, partnership_id, lang)


__all__ = [
    "BLANK_LINE",
    "DOCUMENT_FORMATS",
    "MIME_TYPES",
    "SECTIONS",
    "AgreementDocument",
    "DocumentSection",
    "Entry",
    "agreement_document",
    "agreement_docx",
    "agreement_file",
    "agreement_pdf",
    "docx_bytes",
    "pdf_bytes",
    "plain_text",
]
