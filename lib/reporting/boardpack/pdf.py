"""The board pack as a PDF: landscape A4, one section per page: :func:`pdf_bytes`.

Each page has the section's title, its charts as pictures (plotly figures rendered by kaleido through
:mod:`lib.reporting.boardpack.images`, the same figures the presentation page shows), its bullets, and the
tables a reader needs beside the charts (at most :data:`MAX_ROWS` rows each; the rest are in the
Excel appendix). A page whose content is too tall is scaled down to fit, so a section never runs
onto a second page and the page count always equals the number of sections.

Without a browser for the pictures the PDF is still made: each chart is replaced by a sentence
saying so, and the tables carry the numbers.

Text is set in DejaVu Sans when the system has it (every Danish letter and the typographic dashes),
else in Helvetica.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Image, KeepInFrame, PageBreak, Paragraph, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Table as PdfTable

from lib.core import charts
from lib.core.i18n import t
from lib.core.pdf_fonts import pdf_fonts
from lib.reporting.boardpack import images
from lib.reporting.boardpack.figures import chart_figure
from lib.reporting.boardpack.model import BoardPack, Section, Table, cell_text

_LOG = logging.getLogger(__name__)

PAGE = landscape(A4)
MARGIN = 14 * mm
FOOTER = 8 * mm
WIDTH = PAGE[0] - 2 * MARGIN
HEIGHT = PAGE[1] - 2 * MARGIN - FOOTER
#: Rows of one table shown on a page; the Excel appendix has them all.
MAX_ROWS = 10
#: Tables shown on one page, besides the charts.
MAX_TABLES = 2
#: A chart picture's size in CSS pixels, per layout: alone beside the bullets, or two side by side.
PIXELS_WIDE = (900, 430)
PIXELS_HALF = (800, 500)
#: Share of the page's width the chart takes when text stands beside it.
CHART_SHARE = 0.62
#: A column is at least this many characters wide when widths are shared out, and counts as at most
#: the other number, so one long title cannot squeeze every other column.
_MIN_CHARS, _MAX_CHARS = 6, 40
#: Points per character of the 8.5 pt table text (a generous average), and a cell's side padding.
_CHAR_WIDTH, _CELL_PADDING = 5.2, 12

# Pictures go into the PDF as binary streams: reportlab's default ASCII85 text encoding runs in pure
# Python here and took longer than drawing the charts, for a file a quarter larger.
rl_config.useA85 = 0


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold, _italic = pdf_fonts()
    primary = colors.HexColor(charts.PRIMARY)
    text = colors.HexColor("#262730")
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=24, leading=29, textColor=primary, spaceAfter=8),
        "cover": ParagraphStyle("cover", fontName=bold, fontSize=34, leading=40, textColor=primary, spaceAfter=18),
        "subtitle": ParagraphStyle(
            "subtitle", fontName=regular, fontSize=16, leading=21, textColor=text, spaceAfter=18
        ),
        "bullet": ParagraphStyle(
            "bullet",
            fontName=regular,
            fontSize=13,
            leading=17,
            textColor=text,
            leftIndent=14,
            bulletIndent=2,
            spaceAfter=6,
        ),
        "caption": ParagraphStyle(
            "caption", fontName=bold, fontSize=11, leading=14, textColor=text, spaceBefore=6, spaceAfter=3
        ),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=8.5, leading=10.5, textColor=text),
        "head": ParagraphStyle("head", fontName=bold, fontSize=8.5, leading=10.5, textColor=colors.white),
        "value": ParagraphStyle("value", fontName=bold, fontSize=28, leading=33, textColor=primary, alignment=1),
        "label": ParagraphStyle("label", fontName=regular, fontSize=11, leading=14, textColor=text, alignment=1),
        "note": ParagraphStyle("note", fontName=regular, fontSize=11, leading=14, textColor=colors.grey),
    }


def _text(value: Any) -> str:
    """Data as paragraph text: reportlab reads a little markup, so ``<`` and ``&`` are escaped."""
    return escape(str(value))


def _bullets(lines: Sequence[str], styles: dict[str, ParagraphStyle], *, numbered: bool = False) -> list[Any]:
    return [
        Paragraph(_text(line), styles["bullet"], bulletText=f"{index}." if numbered else "•")
        for index, line in enumerate(lines, start=1)
    ]


def _table(table: Table, lang: str, styles: dict[str, ParagraphStyle], width: float) -> list[Any]:
    """A table of at most :data:`MAX_ROWS` rows under its title, and a line naming the rows left out."""
    frame = table.frame
    header = [Paragraph(_text(column), styles["head"]) for column in frame.columns]
    rows = [
        [
            Paragraph(_text(cell_text(value, lang, percent=column in table.percent_columns)), styles["cell"])
            for column, value in zip(frame.columns, row, strict=True)
        ]
        for row in frame.head(MAX_ROWS).itertuples(index=False, name=None)
    ]
    grid = PdfTable([header, *rows], colWidths=_column_widths(table, lang, width), repeatRows=1, hAlign="LEFT")
    grid.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(charts.PRIMARY)),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f1f4f7")]),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#d5d9de")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    flowables: list[Any] = [Paragraph(_text(table.title), styles["caption"]), grid]
    if len(frame) > MAX_ROWS:
        flowables.append(Paragraph(_text(t("board.more_rows", lang, count=len(frame) - MAX_ROWS)), styles["note"]))
    return flowables


def _column_widths(table: Table, lang: str, width: float) -> list[float]:
    """Widths sharing ``width`` out by each column's longest text (header included) among the rows
    shown, after every column has room for its longest word, so that a date or a header is never
    broken in the middle ("25-11-202 / 7")."""
    frame = table.frame.head(MAX_ROWS)
    texts = [[str(column), *(cell_text(v, lang) for v in frame[column])] for column in frame.columns]
    floors = [
        max(len(word) for text in column for word in [*text.split(), ""]) * _CHAR_WIDTH + _CELL_PADDING
        for column in texts
    ]
    if sum(floors) >= width:  # too many columns to keep every word whole: share by words alone
        return [width * floor / sum(floors) for floor in floors]
    weights = [min(max(max(map(len, column)), _MIN_CHARS), _MAX_CHARS) for column in texts]
    spare = width - sum(floors)
    return [floor + spare * weight / sum(weights) for floor, weight in zip(floors, weights, strict=True)]


def _chart_pictures(
    section: Section, lang: str, render: images.Renderer, width: float, styles: dict[str, ParagraphStyle]
) -> list[Any]:
    """Each chart as a picture fitted to ``width`` (side by side when there are two)."""
    if not section.charts:
        return []
    pixels = PIXELS_WIDE if len(section.charts) == 1 else PIXELS_HALF
    each = width / len(section.charts)
    cells: list[Any] = []
    for chart in section.charts:
        try:
            data = render(chart_figure(section, chart, lang, height=pixels[1]), *pixels)
        except images.ImageExportUnavailable:
            _LOG.warning("a chart of the board pack could not be drawn")
            cells.append(Paragraph(_text(f"{chart.title}: {t('board.image_unavailable', lang)}"), styles["note"]))
            continue
        cells.append(Image(io.BytesIO(data), width=each - 6, height=(each - 6) * pixels[1] / pixels[0]))
    return [PdfTable([cells], colWidths=[each] * len(cells), hAlign="LEFT")] if cells else []


def _display_tables(section: Section) -> list[Table]:
    """The tables a page shows: those no chart draws (the charts show the rest), else the first."""
    drawn = {chart.table for chart in section.charts}
    shown = [table for table in section.tables if table.key not in drawn and len(table.frame)]
    return (shown or section.tables[:1])[:MAX_TABLES]


def _logo(pack: BoardPack) -> list[Any]:
    """The library's logo, right-aligned, at most 30 mm high and 70 mm wide; nothing without one."""
    if not pack.logo:
        return []
    from reportlab.lib.utils import ImageReader

    width, height = ImageReader(io.BytesIO(pack.logo)).getSize()
    scale = min(30 * mm / height, 70 * mm / width)
    picture = Image(io.BytesIO(pack.logo), width=width * scale, height=height * scale)
    picture.hAlign = "RIGHT"
    return [picture]


def _title_page(pack: BoardPack, section: Section, styles: dict[str, ParagraphStyle]) -> list[Any]:
    return [
        *_logo(pack),
        Spacer(1, 10 if pack.logo else 40),
        Paragraph(_text(section.title), styles["cover"]),
        Paragraph(_text(section.subtitle), styles["subtitle"]),
        *_bullets(section.bullets, styles),
        Spacer(1, 12),
        Paragraph(_text(t("board.source.title", pack.lang)), styles["note"]),
    ]


def _key_figures_page(pack: BoardPack, section: Section, styles: dict[str, ParagraphStyle]) -> list[Any]:
    per_row = 4
    tiles = [
        [Paragraph(_text(figure.value), styles["value"]), Paragraph(_text(figure.label), styles["label"])]
        for figure in section.figures
    ]
    rows = [
        tiles[i : i + per_row] + [""] * (per_row - len(tiles[i : i + per_row])) for i in range(0, len(tiles), per_row)
    ]
    grid = PdfTable(rows, colWidths=[WIDTH / per_row] * per_row, rowHeights=[88] * len(rows), hAlign="LEFT")
    grid.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#eef3f7")),
                ("LINEAFTER", (0, 0), (-2, -1), 6, colors.white),
                ("LINEBELOW", (0, 0), (-1, -2), 6, colors.white),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    body: list[Any] = [grid, Spacer(1, 10), *_bullets(section.bullets, styles)]
    for table in section.tables[1:]:
        body += _table(table, pack.lang, styles, WIDTH / 2)
    return body


def _section_page(
    pack: BoardPack, section: Section, render: images.Renderer, styles: dict[str, ParagraphStyle]
) -> list[Any]:
    body: list[Any] = []
    steps = (
        [
            Paragraph(_text(t("board.next_steps_title", pack.lang)), styles["caption"]),
            *_bullets(section.next_steps, styles, numbered=True),
        ]
        if section.next_steps
        else []
    )
    bullets = _bullets(section.bullets, styles)
    if len(section.charts) == 1:
        # The chart with text beside it, as on the slide: the next steps when there are any (what the
        # board is asked to act on), else the bullets.
        chart_width = WIDTH * CHART_SHARE
        side, below = (steps, bullets) if steps else (bullets, [])
        body.append(
            PdfTable(
                [[_chart_pictures(section, pack.lang, render, chart_width, styles), side]],
                colWidths=[chart_width, WIDTH - chart_width],
                hAlign="LEFT",
                style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]),
            )
        )
        body += below
    else:
        body += _chart_pictures(section, pack.lang, render, WIDTH, styles)
        body += [*bullets, *steps]
    for table in _display_tables(section) if section.tables else []:
        body += _table(table, pack.lang, styles, WIDTH)
    return body


def _footer(pack: BoardPack, pages: int) -> Callable[[Any, Any], None]:
    regular = pdf_fonts().regular

    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(regular, 8)
        canvas.setFillColor(colors.grey)
        canvas.drawString(MARGIN, MARGIN * 0.6, f"{pack.library_name} · {t('board.title.heading', pack.lang)}")
        canvas.drawRightString(
            PAGE[0] - MARGIN, MARGIN * 0.6, t("board.page_of", pack.lang, page=doc.page, pages=pages)
        )
        canvas.restoreState()

    return draw


def pdf_bytes(pack: BoardPack, render: images.Renderer | None = None) -> bytes:
    """The board pack as a PDF: landscape A4, one page per section.

    ``render`` turns a plotly figure into PNG bytes (default: the shared kaleido browser,
    :func:`lib.reporting.boardpack.images.png`).
    """
    render = render or images.png
    styles = _styles()
    story: list[Any] = []
    for index, section in enumerate(pack.sections):
        if section.key == "title":
            content = _title_page(pack, section, styles)
        else:
            heading = [Paragraph(_text(section.title), styles["title"])]
            if section.key == "key_figures":
                content = heading + _key_figures_page(pack, section, styles)
            else:
                content = heading + _section_page(pack, section, render, styles)
        story.append(KeepInFrame(WIDTH, HEIGHT - 6, content, mode="shrink"))
        if index < len(pack.sections) - 1:
            story.append(PageBreak())
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + FOOTER,
        title=pack.library_name,
        author=pack.library_name,
        lang="da-DK" if pack.lang == "da" else "en-GB",
    )
    footer = _footer(pack, len(pack.sections))
    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
