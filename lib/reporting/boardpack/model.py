"""The board pack as plain data: sections with bullets, tables and chart descriptions.

A :class:`BoardPack` is what every output is drawn from: the presentation page, the PowerPoint file,
the PDF and the Excel appendix. Nothing in it needs the database any more, so one pack built for a
period can be cached and rendered several ways.

Tables hold the numbers behind the charts. Their column headers are already in the pack's language
and their cells keep their types (numbers, dates, text), so the Excel appendix gets real numbers;
the renderers format them for reading (:func:`lib.reporting.boardpack.model.cell_text`). A count of people
that is too small to show is the text :data:`SMALL_GROUP` instead of a number.

A :class:`Chart` does not hold a drawing: it names the table it draws, the column with the
categories (or dates) and the columns that are its series. The PowerPoint writer turns that into a
native, editable chart; the page and the PDF turn it into a plotly figure
(:mod:`lib.reporting.boardpack.figures`). Only the network picture, which has no native chart type, carries a
ready plotly figure (``figure``, as its JSON dict).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from lib.core.frames import is_missing
from lib.core.i18n import format_date, format_number
from lib.reporting.boardpack import SECTIONS

__all__ = [
    "CHART_KINDS",
    "MIN_GROUP",
    "SECTIONS",
    "SMALL_GROUP",
    "BoardPack",
    "Chart",
    "KeyFigure",
    "Section",
    "Table",
    "cell_text",
]
#: How a count of fewer than :data:`MIN_GROUP` people is shown in pseudonymised output.
SMALL_GROUP = "< 5"
#: The smallest group of people a pseudonymised board pack shows as a number.
MIN_GROUP = 5
#: What a chart can be: dates on the x axis, categories on the x axis (lines or bars), a radar, or
#: a ready picture.
CHART_KINDS = ("dates", "line", "bar", "radar", "picture")


@dataclass
class Table:
    """One table of numbers: ``key`` is stable across languages, ``title`` and headers are translated."""

    key: str
    title: str
    frame: pd.DataFrame
    #: Columns holding percentages (shown with " %"), for readers; the cells stay plain numbers.
    percent_columns: tuple[str, ...] = ()


@dataclass
class Chart:
    """What to draw from a table of the same section.

    ``category`` names the column on the x axis (dates for ``kind="dates"``, the headings round a
    radar), ``series`` the columns drawn as lines, bars or radar areas (one each, named by the
    column). ``horizontal`` lays bars sideways, which suits long category names. ``y_range`` and
    ``y_suffix`` describe the value axis ("%" for fulfilment, (1, 5) for scores).
    """

    key: str
    kind: str
    title: str
    table: str = ""
    category: str = ""
    series: tuple[str, ...] = ()
    horizontal: bool = False
    y_range: tuple[float, float] | None = None
    y_suffix: str = ""
    y_title: str = ""
    #: What a value is, for the hover ("af 5", "%"); the series' name when empty.
    unit: str = ""
    #: The colour (and dash, for lines) of each series, in the order of ``series``: the colours the
    #: same categories have on the pages (:mod:`lib.core.charts`); by position when empty.
    colours: tuple[str, ...] = ()
    dashes: tuple[str, ...] = ()
    #: The figure itself, for ``kind="picture"`` only: a plotly figure as its JSON dict.
    figure: dict[str, Any] | None = None


@dataclass
class KeyFigure:
    """One big number of the key-figures section: a label and its value as shown (e.g. "12", "< 5")."""

    label: str
    value: str
    #: The figure's stable key in :mod:`lib.reporting.figures`.
    key: str = ""


@dataclass
class Section:
    """One section of the pack: a screen on the page, a page of the PDF, one or more slides."""

    key: str
    title: str
    bullets: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    #: Big numbers (key figures only).
    figures: list[KeyFigure] = field(default_factory=list)
    #: Concrete next steps (risks only): shown on a slide of their own.
    next_steps: list[str] = field(default_factory=list)
    #: Where the numbers come from and which period they cover: the slide's speaker notes.
    source: str = ""
    #: A line under the title (the title section: library, period, date made).
    subtitle: str = ""

    def table(self, key: str) -> Table:
        """The table with ``key``; KeyError when the section has none."""
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)


@dataclass
class BoardPack:
    """Everything a board report shows, in one language, for one period."""

    lang: str
    library_name: str
    start: dt.date | None
    end: dt.date | None
    #: The day the figures describe: the period's end, or today when that is earlier or open.
    as_of: dt.date
    made_on: dt.date
    pseudonymised: bool
    sections: list[Section] = field(default_factory=list)
    #: The library's logo (PNG bytes from the set-up, ``lib.library.setup``), or None.
    logo: bytes | None = None

    def section(self, key: str) -> Section:
        """The section with ``key``; KeyError when the pack was built without it."""
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)

    @property
    def keys(self) -> list[str]:
        return [section.key for section in self.sections]


def cell_text(value: Any, lang: str, *, percent: bool = False) -> str:
    """A table cell as a reader sees it: decimal comma and dd-mm-yyyy in Danish, empty for missing."""
    if is_missing(value):  # None, NaN, NaT, and pd.NA of a whole-number column
        return ""
    if isinstance(value, bool):
        from lib.core.i18n import t

        return t("common.yes" if value else "common.no", lang)
    if isinstance(value, pd.Timestamp):
        value = value.date()
    if isinstance(value, (dt.date, dt.datetime)):
        return format_date(value, lang)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
        shown = format_number(round(number, 1), lang, 0 if number.is_integer() else 1)
        return (f"{shown} %" if lang == "da" else f"{shown}%") if percent else shown
    if hasattr(value, "item"):  # numpy scalars
        return cell_text(value.item(), lang, percent=percent)
    return str(value)
