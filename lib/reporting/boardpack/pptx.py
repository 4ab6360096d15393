"""The board pack as a PowerPoint file (16:9) with native, editable charts: :func:`pptx_bytes`.

Slides, in the order of the pack's sections: the title; the key figures as big numbers; then one
slide per chart, the first of a section with its bullets beside the chart; the risks section adds a
slide of next steps. The full pack makes ten or eleven slides.

Charts are PowerPoint's own (``slide.shapes.add_chart``): goal fulfilment over time is an XY chart
with a date axis, evaluations over time a line chart, stages, types and risks bar charts, the
checklist a radar. The board secretary can restyle them, change a number or paste them elsewhere.
Only the network picture has no native chart type: it is a PNG made by kaleido
(:mod:`lib.reporting.boardpack.images`); when no browser is available the slide says so instead.

Every slide's speaker notes name the source of its numbers, the period and the Excel sheet holding
the numbers behind the chart.

Each native chart carries a small workbook with its numbers (PowerPoint's "Edit data"). python-pptx
writes it with xlsxwriter, which turns a text beginning with ``=`` into a live formula and one
beginning with ``http://`` into a link; a goal titled ``=HYPERLINK(...)`` would become one. So that
workbook is written like every other file the product makes: each text a text cell, neutralised
(:func:`lib.core.spreadsheets.text_only_worksheet`). The chart itself still shows the names as they are, since
text on a slide is never run.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, cast

import pandas as pd
from pptx import Presentation
from pptx.chart.chart import Chart as NativeChart
from pptx.chart.data import CategoryChartData, XyChartData
from pptx.chart.xlsx import CategoryWorkbookWriter, XyWorkbookWriter
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_AUTO_SHAPE_TYPE
from pptx.enum.text import PP_ALIGN
from pptx.presentation import Presentation as PptxPresentation
from pptx.shapes.autoshape import Shape
from pptx.shapes.graphfrm import GraphicFrame
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt, lazyproperty

from lib.core import charts
from lib.core.i18n import t
from lib.core.spreadsheets import TextOnlySheet, text_only_worksheet
from lib.reporting.boardpack import images
from lib.reporting.boardpack.figures import chart_figure
from lib.reporting.boardpack.model import BoardPack, Chart, Section
from lib.reporting.boardpack.xlsx import sheet_names

_LOG = logging.getLogger(__name__)

SLIDE_WIDTH = Inches(13.333)
SLIDE_HEIGHT = Inches(7.5)
MARGIN = Inches(0.5)
TITLE_TOP = Inches(0.35)
TITLE_HEIGHT = Inches(1.0)
BODY_TOP = Inches(1.45)
BODY_HEIGHT = SLIDE_HEIGHT - BODY_TOP - Inches(0.4)
#: Width of the chart when the bullets stand beside it.
CHART_WIDTH = Inches(8.2)
TITLE_SIZE = Pt(34)
BULLET_SIZE = Pt(18)
#: Sizes (points) tried for bullets beside a chart, largest first, until they fit.
BULLET_SIZES = (18, 16, 14, 12)
#: Space after each paragraph, in points.
PARAGRAPH_SPACE = 10
CHART_FONT = Pt(14)
FIGURE_VALUE_SIZE = Pt(44)
FIGURE_LABEL_SIZE = Pt(16)
#: Key figures per row of tiles.
TILES_PER_ROW = 4
#: The network picture's size in CSS pixels (16:9 like the slide).
PICTURE_PIXELS = (1500, 760)

_TITLE_LAYOUT, _TITLE_ONLY_LAYOUT = 0, 5
_TEXT = RGBColor(0x26, 0x27, 0x30)
_TILE = RGBColor(0xEE, 0xF3, 0xF7)


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def excel_serial(day: dt.date) -> float:
    """A date as Excel's day number (1900 system): what a native chart's date axis counts in."""
    return float((day - dt.date(1899, 12, 30)).days)


# --- text ------------------------------------------------------------------------------------------


def _title_shape(slide: Slide) -> Shape:
    shape = slide.shapes.title
    if shape is None:  # the layouts the pack uses all have a title placeholder
        raise ValueError("the slide layout has no title")
    return shape


def _title(slide: Slide, text: str) -> None:
    shape = _title_shape(slide)
    shape.left, shape.top, shape.width, shape.height = MARGIN, TITLE_TOP, Emu(SLIDE_WIDTH - 2 * MARGIN), TITLE_HEIGHT
    shape.text = text
    frame = shape.text_frame
    frame.word_wrap = True
    for paragraph in frame.paragraphs:
        paragraph.alignment = PP_ALIGN.LEFT
        for run in paragraph.runs:
            run.font.size = TITLE_SIZE
            run.font.bold = True
            run.font.color.rgb = _rgb(charts.PRIMARY)


def _text_box(
    slide: Slide,
    left: int,
    top: int,
    width: int,
    height: int,
    lines: Sequence[str],
    size: Pt,
    *,
    bullet: str = "•",
    bold_first: bool = False,
) -> None:
    """A box of paragraphs, each led by ``bullet`` (numbers when ``bullet`` is "1.")."""
    frame = slide.shapes.add_textbox(Emu(left), Emu(top), Emu(width), Emu(height)).text_frame
    frame.word_wrap = True
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        lead = f"{index + 1}." if bullet == "1." else bullet
        paragraph.text = f"{lead} {line}" if lead else line
        paragraph.space_after = Pt(PARAGRAPH_SPACE)
        for run in paragraph.runs:
            run.font.size = size
            run.font.color.rgb = _TEXT
            run.font.bold = bold_first and index == 0


def _notes(slide: Slide, pack: BoardPack, section: Section, chart: Chart | None) -> None:
    lines = [section.source]
    if chart is not None and chart.table:
        lines.append(t("board.notes.appendix", pack.lang, sheet=sheet_names(pack)[section.key]))
    notes = slide.notes_slide.notes_text_frame
    if notes is not None:  # None only for a notes layout without a body, which the default has
        notes.text = "\n".join(line for line in lines if line)


def _new_slide(
    prs: PptxPresentation, pack: BoardPack, section: Section, title: str, chart: Chart | None = None
) -> Slide:
    slide = prs.slides.add_slide(prs.slide_layouts[_TITLE_ONLY_LAYOUT])
    _title(slide, title)
    _notes(slide, pack, section, chart)
    return slide


# --- native charts ---------------------------------------------------------------------------------


def _numbers(frame: pd.DataFrame, column: str) -> list[float | None]:
    return [None if value is None or pd.isna(value) else float(value) for value in frame[column]]


# python-pptx has no option for this: its writers open the worksheet in ``_open_worksheet``, so these
# subclasses swap that one step; tests/security/test_hardening_outputs.py notices if an upgrade moves it.
class _CategoryWorkbook(CategoryWorkbookWriter):
    @contextmanager
    def _open_worksheet(self, xlsx_file: Any) -> Iterator[tuple[Any, TextOnlySheet]]:
        with text_only_worksheet(xlsx_file) as opened:
            yield opened


class _XyWorkbook(XyWorkbookWriter):
    @contextmanager
    def _open_worksheet(self, xlsx_file: Any) -> Iterator[tuple[Any, TextOnlySheet]]:
        with text_only_worksheet(xlsx_file) as opened:
            yield opened


class _CategoryData(CategoryChartData):
    """Category chart data whose embedded workbook holds text only.

    The workbook is written by :func:`lib.core.spreadsheets.text_only_worksheet`.
    """

    @lazyproperty
    def _workbook_writer(self) -> _CategoryWorkbook:
        return _CategoryWorkbook(self)


class _XyData(XyChartData):
    """XY chart data whose embedded workbook holds text only (:func:`lib.core.spreadsheets.text_only_worksheet`)."""

    @lazyproperty
    def _workbook_writer(self) -> _XyWorkbook:
        return _XyWorkbook(self)


def _chart_data(chart: Chart, frame: pd.DataFrame) -> CategoryChartData | XyChartData:
    if chart.kind == "dates":
        points = _XyData(number_format="0.0")
        for name in chart.series:
            series = points.add_series(name, number_format="0.0")
            for day, value in zip(frame[chart.category], frame[name], strict=True):
                if value is not None and not pd.isna(value):
                    series.add_data_point(excel_serial(pd.Timestamp(day).date()), float(value))
        return points
    data = _CategoryData(number_format="0.0")
    data.categories = [str(value) for value in frame[chart.category]]
    for name in chart.series:
        data.add_series(name, _numbers(frame, name))
    return data


_CHART_TYPES = {
    "dates": XL_CHART_TYPE.XY_SCATTER_LINES,
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "radar": XL_CHART_TYPE.RADAR,
}


def _chart_type(chart: Chart) -> XL_CHART_TYPE:
    if chart.kind == "bar":
        return XL_CHART_TYPE.BAR_CLUSTERED if chart.horizontal else XL_CHART_TYPE.COLUMN_CLUSTERED
    return _CHART_TYPES[chart.kind]


def add_native_chart(
    slide: Slide, section: Section, chart: Chart, lang: str, left: int, top: int, width: int, height: int
) -> NativeChart:
    """Draw ``chart`` as a native PowerPoint chart on ``slide``; returns the chart object."""
    frame = section.table(chart.table).frame
    # python-pptx annotates add_chart as taking ChartData and returning Chart; it takes XyChartData
    # too and returns the GraphicFrame that holds the chart (as its docstring says).
    graphic = cast(
        GraphicFrame,
        slide.shapes.add_chart(
            _chart_type(chart),
            Emu(left),
            Emu(top),
            Emu(width),
            Emu(height),
            _chart_data(chart, frame),  # type: ignore[arg-type]  # XyChartData is not typed as ChartData
        ),
    )
    native = graphic.chart
    native.font.size = CHART_FONT
    native.has_title = True
    native.chart_title.text_frame.text = chart.title
    native.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(18)
    native.has_legend = len(chart.series) > 1
    if native.has_legend:
        native.legend.position = XL_LEGEND_POSITION.BOTTOM
        native.legend.include_in_layout = False
    _colour_series(native, chart)
    _format_axes(native, chart, lang)
    return native


_DASHES = {
    "dash": MSO_LINE_DASH_STYLE.DASH,
    "dot": MSO_LINE_DASH_STYLE.ROUND_DOT,
    "dashdot": MSO_LINE_DASH_STYLE.DASH_DOT,
}


def _colour_series(native: NativeChart, chart: Chart) -> None:
    """The series in the colours (and dashes) the same categories have on the pages and in the PDF."""
    for index, series in enumerate(native.plots[0].series):
        if index < len(chart.colours):
            colour = chart.colours[index]
        else:
            colour = charts.series_colour(index, line=chart.kind != "bar")
        if chart.kind == "bar":
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = _rgb(colour)
        else:
            series.format.line.color.rgb = _rgb(colour)
            series.format.line.width = Pt(2.5)
            if index < len(chart.dashes) and chart.dashes[index] in _DASHES:
                series.format.line.dash_style = _DASHES[chart.dashes[index]]
            series.smooth = False


def _format_axes(native: NativeChart, chart: Chart, lang: str) -> None:
    value_axis = native.value_axis
    if chart.y_range is not None:
        value_axis.minimum_scale, value_axis.maximum_scale = chart.y_range
    if chart.y_suffix.strip() == "%":
        value_axis.tick_labels.number_format = '0" %"'
        value_axis.tick_labels.number_format_is_linked = False
    if chart.kind == "radar":
        return
    value_axis.has_major_gridlines = True
    if chart.kind == "dates":
        x_axis = native.category_axis
        x_axis.tick_labels.number_format = "dd-mm-yyyy" if lang == "da" else "yyyy-mm-dd"
        x_axis.tick_labels.number_format_is_linked = False
    if chart.kind == "bar" and chart.horizontal:
        # Bars are listed top-down in the table's order, as people read a list.
        native.category_axis.reverse_order = True


def _picture(
    slide: Slide, section: Section, chart: Chart, lang: str, left: int, top: int, width: int, height: int
) -> None:
    """The network picture as a PNG; a sentence in its place when no picture can be made here."""
    try:
        data = images.png(chart_figure(section, chart, lang), *PICTURE_PIXELS)
    except images.ImageExportUnavailable:
        _LOG.warning("the network picture could not be drawn for the board pack")
        _text_box(slide, left, top, width, Inches(1.5), [t("board.image_unavailable", lang)], BULLET_SIZE, bullet="")
        return
    # Fit the picture in the box, keeping its proportions.
    ratio = PICTURE_PIXELS[0] / PICTURE_PIXELS[1]
    shown_width = min(width, int(height * ratio))
    slide.shapes.add_picture(io.BytesIO(data), Emu(left + (width - shown_width) // 2), Emu(top), width=Emu(shown_width))


# --- slides ----------------------------------------------------------------------------------------


def _title_slide(prs: PptxPresentation, pack: BoardPack, section: Section) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[_TITLE_LAYOUT])
    title = _title_shape(slide)
    title.left, title.top, title.width, title.height = MARGIN, Inches(2.0), Emu(SLIDE_WIDTH - 2 * MARGIN), Inches(1.6)
    title.text = section.title
    for run in title.text_frame.paragraphs[0].runs:
        run.font.size = Pt(44)
        run.font.bold = True
        run.font.color.rgb = _rgb(charts.PRIMARY)
    subtitle = slide.placeholders[1]
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = (
        MARGIN,
        Inches(3.8),
        SLIDE_WIDTH - 2 * MARGIN,
        Inches(2.6),
    )
    subtitle.text = section.subtitle
    for run in subtitle.text_frame.paragraphs[0].runs:
        run.font.size = Pt(24)
        run.font.color.rgb = _TEXT
    if pack.logo:
        # The library's logo in the top right corner, at most 1.4 inches high.
        picture = slide.shapes.add_picture(io.BytesIO(pack.logo), 0, MARGIN, height=Inches(1.4))
        if picture.width > Inches(3):
            picture.height = int(picture.height * Inches(3) / picture.width)
            picture.width = Inches(3)
        picture.left = SLIDE_WIDTH - MARGIN - picture.width
    _notes(slide, pack, section, None)


def _key_figures_slide(prs: PptxPresentation, pack: BoardPack, section: Section) -> None:
    slide = _new_slide(prs, pack, section, section.title, None)
    rows = max(1, -(-len(section.figures) // TILES_PER_ROW))
    gap = Inches(0.25)
    width = (SLIDE_WIDTH - 2 * MARGIN - gap * (TILES_PER_ROW - 1)) // TILES_PER_ROW
    height = min(Inches(2.5), (BODY_HEIGHT - gap * (rows - 1)) // rows)
    for index, figure in enumerate(section.figures):
        row, column = divmod(index, TILES_PER_ROW)
        left = MARGIN + column * (width + gap)
        top = BODY_TOP + Inches(0.2) + row * (height + gap)
        tile = slide.shapes.add_shape(MSO_AUTO_SHAPE_TYPE.RECTANGLE, Emu(left), Emu(top), Emu(width), Emu(height))
        tile.fill.solid()
        tile.fill.fore_color.rgb = _TILE
        tile.line.fill.background()
        frame = tile.text_frame
        frame.word_wrap = True
        frame.paragraphs[0].text = figure.value
        frame.paragraphs[0].alignment = PP_ALIGN.CENTER
        label = frame.add_paragraph()
        label.text = figure.label
        label.alignment = PP_ALIGN.CENTER
        for paragraph, size, bold, colour in (
            (frame.paragraphs[0], FIGURE_VALUE_SIZE, True, _rgb(charts.PRIMARY)),
            (label, FIGURE_LABEL_SIZE, False, _TEXT),
        ):
            for run in paragraph.runs:
                run.font.size, run.font.bold = size, bold
                run.font.color.rgb = colour


def fitting_size(lines: Sequence[str], width: int, height: int, sizes: Sequence[int] = BULLET_SIZES) -> Pt:
    """The largest of ``sizes`` (points) at which ``lines`` fit a box of ``width`` × ``height`` (EMU).

    An estimate from the text's length (an average letter is about half as wide as the type is
    high), so a slide never hides text below its edge, without measuring fonts.
    """
    for size in sizes:
        per_line = max(1, int(Emu(width).pt / (size * 0.5)))
        rows = sum(-(-len(line) // per_line) for line in lines)
        needed = rows * size * 1.2 + len(lines) * PARAGRAPH_SPACE
        if needed <= Emu(height).pt:
            return Pt(size)
    return Pt(sizes[-1])


def _section_slides(prs: PptxPresentation, pack: BoardPack, section: Section) -> None:
    if not section.charts:
        slide = _new_slide(prs, pack, section, section.title)
        _text_box(
            slide,
            MARGIN,
            BODY_TOP,
            SLIDE_WIDTH - 2 * MARGIN,
            BODY_HEIGHT,
            section.bullets,
            fitting_size(section.bullets, SLIDE_WIDTH - 2 * MARGIN, BODY_HEIGHT, (24, *BULLET_SIZES)),
        )
    for index, chart in enumerate(section.charts):
        title = section.title if index == 0 else f"{section.title} – {chart.title}"
        slide = _new_slide(prs, pack, section, title, chart)
        with_bullets = index == 0 and bool(section.bullets)
        width = CHART_WIDTH if with_bullets else SLIDE_WIDTH - 2 * MARGIN
        if chart.kind == "picture":
            _picture(slide, section, chart, pack.lang, MARGIN, BODY_TOP, width, BODY_HEIGHT)
        else:
            add_native_chart(slide, section, chart, pack.lang, MARGIN, BODY_TOP, width, BODY_HEIGHT)
        if with_bullets:
            left = MARGIN + CHART_WIDTH + Inches(0.3)
            box_width = SLIDE_WIDTH - left - MARGIN
            _text_box(
                slide,
                left,
                BODY_TOP + Inches(0.1),
                box_width,
                BODY_HEIGHT,
                section.bullets,
                fitting_size(section.bullets, box_width, BODY_HEIGHT),
            )
    if section.next_steps:
        slide = _new_slide(prs, pack, section, f"{section.title} – {t('board.next_steps_title', pack.lang)}")
        _text_box(
            slide,
            MARGIN,
            BODY_TOP,
            SLIDE_WIDTH - 2 * MARGIN,
            BODY_HEIGHT,
            section.next_steps,
            fitting_size(section.next_steps, SLIDE_WIDTH - 2 * MARGIN, BODY_HEIGHT, (24, *BULLET_SIZES)),
            bullet="1.",
        )


def pptx_bytes(pack: BoardPack) -> bytes:
    """The board pack as a .pptx file: 16:9, large type, native charts, speaker notes with sources."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(SLIDE_WIDTH), Emu(SLIDE_HEIGHT)
    prs.core_properties.title = pack.section("title").title if "title" in pack.keys else pack.library_name
    prs.core_properties.language = "da-DK" if pack.lang == "da" else "en-GB"
    # Who made the file is not the board's business, and would name a person.
    prs.core_properties.author = pack.library_name
    prs.core_properties.last_modified_by = pack.library_name
    for section in pack.sections:
        if section.key == "title":
            _title_slide(prs, pack, section)
        elif section.key == "key_figures":
            _key_figures_slide(prs, pack, section)
        else:
            _section_slides(prs, pack, section)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()
