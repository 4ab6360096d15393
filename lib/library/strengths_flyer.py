"""The strengths flyer: the profile on one A4 page in the library's name, as PDF (reportlab)."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Paragraph
from reportlab.platypus.doctemplate import LayoutError
from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core import vocabulary
from lib.core.access import requires
from lib.core.i18n import format_date, t
from lib.db import OFFER_CATEGORIES, Person, StrengthOffer, get_setting
from lib.library.setup import library_profile, shown_phone
from lib.library.strengths_offers import _category_order, _known_types, contact_text

PAGE_WIDTH, PAGE_HEIGHT = A4

MARGIN = 16 * mm

COLUMN_GAP = 8 * mm

FOOTER_SPACE = 10 * mm

INK = colors.HexColor("#262730")

ACCENT = colors.HexColor("#1f5f8b")  # the product's primary colour (lib.core.charts.PRIMARY)

MUTED = colors.HexColor("#5f6670")

LIBRARY_NAME_MAX = 120

#: The square the library's logo is fitted into, top right.
LOGO_BOX = 28 * mm


@dataclass(frozen=True)
class FlyerDetail:
    """How much of each offer the flyer shows; :data:`FLYER_STEPS` go from rich to compact."""

    body_size: float
    description_lines: int
    partner_types: bool
    title_lines: int | None = None
    per_category: int | None = None


#: Tried until the profile fits one page: first smaller type and shorter descriptions, then without
#: the partner types, then fewer offers per category ("+N more"). Each step is at least as compact
#: as the one before, so the first that fits is found by halving.
FLYER_STEPS: tuple[FlyerDetail, ...] = (
    FlyerDetail(10, 6, True),
    FlyerDetail(9.5, 4, True),
    FlyerDetail(9, 3, True),
    FlyerDetail(8.5, 2, True),
    FlyerDetail(8, 2, False, 3),
    FlyerDetail(8, 1, False, 2),
    FlyerDetail(7.5, 0, False, 2),
    *(FlyerDetail(7.5, 0, False, 2, cap) for cap in (8, 6, 5, 4, 3, 2, 1)),
)


@dataclass(frozen=True)
class FlyerOffer:
    """One offer as the flyer shows it (plain text, already in the reader's language)."""

    category: str
    title: str
    description: str
    contact: str
    partner_types: str


@dataclass(frozen=True)
class Flyer:
    """A drawn flyer: the PDF and how many offers it shows and had to leave out."""

    pdf: bytes
    shown: int
    left_out: int
    detail: FlyerDetail


@requires("view_contacts")
def flyer_people(session: Session) -> int:
    """How many people the flyer can name: the staff who are an offer's contact person."""
    return len(
        set(
            session.scalars(
                select(StrengthOffer.contact_person_id)
                .join(Person, StrengthOffer.contact_person_id == Person.id)
                .where(Person.is_staff.is_(True))
            )
        )
    )


@requires("view_contacts")
def flyer_pdf(session: Session, lang: str, today: dt.date) -> bytes:
    """The strengths profile as a one-page A4 PDF flyer in the library's name (see :func:`flyer`)."""
    return flyer(session, lang, today).pdf


@requires("view_contacts")
def flyer(session: Session, lang: str, today: dt.date) -> Flyer:
    """The strengths profile on exactly one A4 page, in ``lang``.

    The library's name (setting ``library_name``) is the title, a short introduction follows, then
    the offers by category, most recently confirmed first. Each offer names its contact person only
    when that person is staff (name and role; never a phone number or e-mail). When the offers do not
    fit, the type gets smaller, descriptions shorter, the partner types go, and at last a category
    shows its first offers and "+N more" instead of running onto a second page.
    """
    library = _library_name(session, lang)
    letterhead = _letterhead(session)
    offers = flyer_offers(session, lang)
    low, high = 0, len(FLYER_STEPS) - 1
    best: Flyer | None = None
    while low <= high:
        middle = (low + high) // 2
        drawn = _draw_flyer(library, offers, FLYER_STEPS[middle], lang, today, letterhead=letterhead)
        if drawn is not None:
            best, high = drawn, middle - 1
        else:
            low = middle + 1
    if best is None:
        # The most compact step shows one offer per category with a title of two lines at most, so
        # this is a guard rather than a path: leave off what does not fit, never add a second page.
        best = _draw_flyer(library, offers, FLYER_STEPS[-1], lang, today, force=True, letterhead=letterhead)
        assert best is not None
    return best


def _library_name(session: Session, lang: str) -> str:
    """The library's name from the settings (shortened when very long), or a plain word for it."""
    name = " ".join((get_setting(session, "library_name") or "").split()) or t("strengths.flyer.default_library", lang)
    return name if len(name) <= LIBRARY_NAME_MAX else name[: LIBRARY_NAME_MAX - 1].rstrip() + "…"


@dataclass(frozen=True)
class Letterhead:
    """What the library told about itself in the set-up (``lib.library.setup``), for the flyer's top."""

    description: str | None = None
    #: Address, e-mail and phone, each when set, in that order.
    contact: tuple[str, ...] = ()
    logo: bytes | None = None


def _letterhead(session: Session) -> Letterhead:

    profile = library_profile(session)
    contact = (profile.address, profile.email, shown_phone(profile.phone))
    return Letterhead(description=profile.description, contact=tuple(v for v in contact if v), logo=profile.logo)


@requires("view_contacts")
def flyer_offers(session: Session, lang: str) -> list[FlyerOffer]:
    """The offers as the flyer shows them: by category, then most recently confirmed first."""
    query = select(StrengthOffer, Person.name, Person.is_staff, Person.staff_role, Person.title).outerjoin(
        Person, StrengthOffer.contact_person_id == Person.id
    )
    found = list(session.execute(query))
    found.sort(
        key=lambda row: (
            _category_order(row[0].category),
            -row[0].updated_on.toordinal(),
            vocabulary.fold(row[0].title),
            row[0].id,
        )
    )
    return [
        FlyerOffer(
            category=offer.category,
            title=offer.title,
            description=" ".join((offer.description or "").split()),
            contact=contact_text(name, bool(is_staff), role, job_title, lang),
            partner_types=", ".join(t(f"orgtype.{code}", lang) for code in _known_types(offer.partner_types)),
        )
        for offer, name, is_staff, role, job_title in found
    ]


def _styles(detail: FlyerDetail) -> dict[str, ParagraphStyle]:
    size = detail.body_size
    base = ParagraphStyle(
        "body", fontName="Helvetica", fontSize=size, leading=size * 1.25, textColor=INK, alignment=TA_LEFT
    )
    return {
        "title": ParagraphStyle(
            "title", parent=base, fontName="Helvetica-Bold", fontSize=24, leading=28, textColor=ACCENT
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontName="Helvetica-Bold", fontSize=14, leading=18, spaceBefore=2
        ),
        "intro": ParagraphStyle("intro", parent=base, fontSize=10.5, leading=14, spaceBefore=6),
        "category": ParagraphStyle(
            "category",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=size + 3,
            leading=(size + 3) * 1.25,
            textColor=ACCENT,
            spaceAfter=2,
        ),
        "offer": ParagraphStyle(
            "offer", parent=base, fontName="Helvetica-Bold", fontSize=size + 0.5, leading=(size + 0.5) * 1.25
        ),
        "body": base,
        "small": ParagraphStyle(
            "small",
            parent=base,
            fontName="Helvetica-Oblique",
            fontSize=size - 0.5,
            leading=(size - 0.5) * 1.25,
            textColor=MUTED,
        ),
        "more": ParagraphStyle(
            "more",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=size - 0.5,
            leading=(size - 0.5) * 1.25,
            textColor=ACCENT,
            spaceBefore=2,
        ),
    }


def _pdf_text(text: str) -> str:
    """``text`` in the characters the flyer's font has, on one line.

    The standard PDF fonts cover Western European letters (æ, ø, å, é, ü …); any other letter is
    written as its base letter (ş → s) rather than as a box. Markup characters are escaped later,
    by :func:`_para`, so that measuring sees the characters the reader sees.
    """
    shown = []
    for char in unicodedata.normalize("NFC", text):
        if char in "\r\n\t":
            shown.append(" ")
        elif unicodedata.category(char) == "Cc":
            continue
        else:
            try:
                char.encode("cp1252")
                shown.append(char)
            except UnicodeEncodeError:
                base = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
                shown.append(base or "?")
    return " ".join("".join(shown).split())


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph showing ``text`` literally (a typed "<b>" stays text)."""
    return Paragraph(escape(_pdf_text(text)), style)


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines of ``width`` word by word, the way Paragraph breaks it."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        attempt = f"{line} {word}" if line else word
        if line and stringWidth(attempt, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = attempt
    if line:
        lines.append(line)
    return lines


def _first_lines(text: str, font: str, size: float, width: float, limit: int | None) -> str:
    """``text`` cut to at most ``limit`` lines of ``width``, ending in "…" when something was cut."""
    text = _pdf_text(text)
    if limit is None:
        return text
    lines = _wrap(text, font, size, width)
    if len(lines) <= limit:
        return text
    last = lines[limit - 1]
    while last and stringWidth(last + " …", font, size) > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    return " ".join([*lines[: limit - 1], f"{last} …".strip()])


class _Block(Flowable):
    """Paragraphs that stay together in one column (an offer, a category heading with its first offer)."""

    def __init__(self, parts: Sequence[Flowable], space_after: float) -> None:
        super().__init__()
        self.parts = list(parts)
        self.spaceAfter = space_after
        self._sizes: list[tuple[float, float]] = []

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._sizes = [part.wrap(available_width, available_height) for part in self.parts]
        self.width = available_width
        self.height = sum(
            height + part.getSpaceBefore() + part.getSpaceAfter()
            for part, (_, height) in zip(self.parts, self._sizes, strict=True)
        )
        return self.width, self.height

    def draw(self) -> None:
        y = self.height
        for part, (_, height) in zip(self.parts, self._sizes, strict=True):
            y -= part.getSpaceBefore() + height
            part.drawOn(self.canv, 0, y)
            y -= part.getSpaceAfter()


def _offer_parts(
    offer: FlyerOffer, detail: FlyerDetail, styles: dict[str, ParagraphStyle], lang: str, width: float
) -> list[Flowable]:
    size = detail.body_size
    title = _first_lines(offer.title, "Helvetica-Bold", size + 0.5, width, detail.title_lines)
    parts: list[Flowable] = [_para(title, styles["offer"])]
    if offer.description and detail.description_lines:
        text = _first_lines(offer.description, "Helvetica", size, width, detail.description_lines)
        parts.append(_para(text, styles["body"]))
    if offer.contact:
        parts.append(_para(t("strengths.flyer.contact", lang, name=offer.contact), styles["small"]))
    if offer.partner_types and detail.partner_types:
        parts.append(_para(t("strengths.flyer.partner_types", lang, types=offer.partner_types), styles["small"]))
    return parts


def _body_blocks(
    offers: Sequence[FlyerOffer], detail: FlyerDetail, lang: str, width: float
) -> tuple[list[Flowable], int]:
    """One block per shown offer (the first of a category carries its heading), and how many are left out."""
    styles = _styles(detail)
    gap = detail.body_size * 0.7
    blocks: list[Flowable] = []
    left_out = 0
    for category in OFFER_CATEGORIES:
        offers_here = [offer for offer in offers if offer.category == category]
        shown = offers_here if detail.per_category is None else offers_here[: detail.per_category]
        hidden = len(offers_here) - len(shown)
        left_out += hidden
        for index, offer in enumerate(shown):
            parts = _offer_parts(offer, detail, styles, lang, width)
            last = index == len(shown) - 1
            if index == 0:
                parts.insert(0, _para(t(f"strengths.category.{category}", lang), styles["category"]))
            if last and hidden:
                parts.append(_para(t("strengths.flyer.more", lang, count=hidden), styles["more"]))
            blocks.append(_Block(parts, space_after=gap * (2 if last else 1)))
    return blocks, left_out


def _header(library: str, lang: str, has_offers: bool, letterhead: Letterhead = Letterhead()) -> list[Flowable]:
    styles = _styles(FLYER_STEPS[0])
    parts = [_para(library, styles["title"])]
    if letterhead.description:
        parts.append(_para(letterhead.description, styles["intro"]))
    if letterhead.contact:
        parts.append(_para(" · ".join(letterhead.contact), styles["small"]))
    parts += [
        _para(t("strengths.flyer.subtitle", lang), styles["subtitle"]),
        _para(t("strengths.flyer.intro", lang), styles["intro"]),
    ]
    if not has_offers:
        parts.append(_para(t("strengths.flyer.none", lang), styles["intro"]))
    return parts


def _draw_flyer(
    library: str,
    offers: Sequence[FlyerOffer],
    detail: FlyerDetail,
    lang: str,
    today: dt.date,
    *,
    force: bool = False,
    letterhead: Letterhead = Letterhead(),
) -> Flyer | None:
    """The flyer drawn at ``detail``; None when the offers do not fit the page.

    With ``force`` whatever does not fit is left off instead (the page never grows a second one).
    """
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True, pageCompression=1)
    subtitle = t("strengths.flyer.subtitle", lang)
    canvas.setTitle(f"{_pdf_text(library)} – {subtitle}")
    canvas.setAuthor(_pdf_text(library))
    canvas.setSubject(subtitle)
    canvas.setCreator("Partnerskabsradar")

    inner_width = PAGE_WIDTH - 2 * MARGIN
    # The logo, when the library has one, sits in the top right corner; the text keeps clear of it.
    text_width = inner_width - (LOGO_BOX + COLUMN_GAP if letterhead.logo else 0)
    header = _header(library, lang, bool(offers), letterhead)
    header_height = (
        sum(part.wrap(text_width, PAGE_HEIGHT)[1] + part.getSpaceBefore() + part.getSpaceAfter() for part in header) + 2
    )
    top = PAGE_HEIGHT - MARGIN
    if letterhead.logo:
        header_height = max(header_height, _draw_logo(canvas, letterhead.logo, PAGE_WIDTH - MARGIN, top))
    _frame(MARGIN, top - header_height, text_width, header_height).addFromList(header, canvas)
    rule_y = top - header_height - 3 * mm
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(1.2)
    canvas.line(MARGIN, rule_y, PAGE_WIDTH - MARGIN, rule_y)

    column_width = (inner_width - COLUMN_GAP) / 2
    body_top, body_bottom = rule_y - 4 * mm, MARGIN + FOOTER_SPACE
    blocks, left_out = _body_blocks(offers, detail, lang, column_width)
    remaining = list(blocks)
    for x in (MARGIN, MARGIN + column_width + COLUMN_GAP):
        column = _frame(x, body_bottom, column_width, body_top - body_bottom)
        while remaining:
            try:
                column.addFromList(remaining, canvas)
                break
            except LayoutError:  # a block taller than a whole column
                if not force:
                    return None
                remaining.pop(0)
    if remaining and not force:
        return None
    _footer(canvas, library, lang, today)
    canvas.showPage()
    canvas.save()
    shown = len(blocks) - len(remaining)
    return Flyer(pdf=buffer.getvalue(), shown=shown, left_out=left_out + len(remaining), detail=detail)


def _draw_logo(canvas: Canvas, logo: bytes, right: float, top: float) -> float:
    """The logo in a :data:`LOGO_BOX` square whose top right corner is (right, top), keeping its
    proportions; returns the height it takes. A logo that cannot be drawn is left out."""
    from reportlab.lib.utils import ImageReader

    try:
        picture = ImageReader(io.BytesIO(logo))
        width, height = picture.getSize()
    except Exception:  # noqa: BLE001 - a stored logo was checked when saved; a flyer never fails for it
        return 0.0
    scale = min(LOGO_BOX / width, LOGO_BOX / height)
    shown_width, shown_height = width * scale, height * scale
    canvas.drawImage(picture, right - shown_width, top - shown_height, shown_width, shown_height, mask="auto")
    return shown_height


def _frame(x: float, y: float, width: float, height: float) -> Frame:
    return Frame(x, y, width, height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, showBoundary=0)


def _footer(canvas: Canvas, library: str, lang: str, today: dt.date) -> None:
    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN, MARGIN + 5 * mm, PAGE_WIDTH - MARGIN, MARGIN + 5 * mm)
    canvas.setFont("Helvetica", 8)
    canvas.setFillColor(MUTED)
    text = t("strengths.flyer.footer", lang, library=_pdf_text(library), date=format_date(today, lang))
    canvas.drawString(MARGIN, MARGIN + 1.5 * mm, _pdf_text(text))
