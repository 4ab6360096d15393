"""Fuzzing the importers: whatever a user uploads, the import adds up, or it says why it refused.

For every generated upload, the contact import (``lib.ingest.contact_lists``) and the planning imports
(``lib.planning.goals.import_goals``, ``lib.planning.partnerships.import_partnerships``) either

* read it with the accounting intact: rows read = inserted + updated + unchanged + rejected +
  skipped, per sheet and overall, the preview predicting the commit exactly, every row problem
  worded in both languages, and undo giving back the workspace as it was; or
* refuse it with a :class:`lib.core.errors.UserFacingError` whose Danish and English messages exist;

and never fail with any other exception, which the user would see as a crashed page.

Uploads reach the importers three ways, cheapest first, so that the file runs in well under two
minutes on two busy cores:

1. already-checked data: a ``RawWorkbook`` such as ``lib.ingest.safe_read.read_upload`` returns is handed to
   the importers in place of that call. Most examples go this way.
2. bytes through ``read_upload`` with the parse run in this process (``parse_child._spawn`` replaced):
   CSV with odd separators, quoting and encodings, and xlsx files written by openpyxl with merged
   cells, hidden sheets and formulas.
3. bytes through the whole path, parse child included: garbage, cut-off and mangled files. Each
   example costs a child process, so these tests take few examples.

Every example gets its own copy of a small seeded workspace, so examples do not depend on each other
and a failure shrinks and replays.
"""

from __future__ import annotations

import contextlib
import copy
import csv
import datetime as dt
import io
import os
import shutil
import struct
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import openpyxl
import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sqlalchemy import select

from lib.core.errors import UserFacingError
from lib.core.i18n import TEXTS
from lib.db import (
    Affiliation,
    Database,
    Goal,
    GoalMeasurement,
    Organisation,
    Partnership,
    PartnershipGoal,
    PartnershipOrganisation,
    Person,
    Relation,
    open_database,
    record_to_dict,
)
from lib.ingest import contact_lists, parse_child, parse_worker, planning_tables, tables
from lib.ingest.contact_lists import OUTCOMES, prepare_file, run_import, undo_import
from lib.ingest.fields import ALL_FIELDS, FIELDS, ROLES
from lib.ingest.planning_tables import undo_table_import
from lib.ingest.rows import UPDATE_MODES
from lib.ingest.safe_read import RawSheet, RawWorkbook
from lib.planning.goals import GOAL_SHEET, MEASUREMENT_SHEET, create_goal, import_goals
from lib.planning.partnerships import PARTNERSHIP_SHEET, create_partnership, import_partnerships
from lib.planning.templates import headers as template_headers
from tests.sheets import MESSY_DANISH, OUTLOOK_DA_HEADER, STAFF

#: Slow as a whole: every example imports a generated file through the parse child (minutes in all).
pytestmark = pytest.mark.slow

# The autouse fixture of conftest.py only points DATABASE_URL at a temporary file; every example
# opens its own copy of the seeded workspace, so sharing that fixture across examples is harmless.
_FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


#: ``FUZZ_SCALE=10 pytest tests/ingest/test_fuzz_importer.py`` searches ten times longer than the everyday run.
_SCALE = float(os.environ.get("FUZZ_SCALE", "1"))


def fuzz(examples: int) -> settings:
    """Settings for a fuzz test: ``examples`` examples, no per-example deadline (the machine is busy)."""
    return settings(_FUZZ, max_examples=max(1, round(examples * _SCALE)))


# --- vocabulary the generators draw from -----------------------------------------------------------

STAFF_NAME = "Mette Bibliotekar"
GOAL_TITLE = "Flere lånere"
PARTNERSHIP_TITLE = "Sprogcafé"

FORMULA_LIKE = (
    "=1+1",
    '=HYPERLINK("http://x","y")',
    "+1",
    "-1+2",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1+1",
    "'=1+1",
    "'+45 12 34 56 78",
    "'",
    "=",
    "-",
    "+",
    "@",
    "#N/A",
    "#DIV/0!",
)
DATE_TEXTS = (
    "24-12-2023",
    "24.12.2023",
    "24/12/23",
    "2023-12-24",
    "2023-12-24T10:00:00+02:00",
    "12/24/2023",
    "3. marts 2024",
    "15 Mar 2024",
    "March 3, 2024",
    "mandag den 4. marts 2024",
    "31-02-2024",
    "00-00-0000",
    "1899-12-31",
    "9999-12-31",
    "29-02-1900",
    "24-12-2023 kl. 10.00",
    "2100-01-01",
    "1.1.1",
    "45000",
    "60",
    "0",
    "-1",
    "2958466",
    "1e10",
)
NUMBER_TEXTS = (
    "3,5",
    "1.234,5",
    "1,234.5",
    "1.234.567",
    "-0",
    "+7",
    "1e400",
    "9" * 400,
    "-" + "9" * 40,
    "nan",
    "NaN",
    "inf",
    "-inf",
    "0x10",
    "١٢٣",
    "½",
    "3 dage",
    "7",
    "0",
    "5/5",
    "4 af 5",
    "★★★",
    "ved ikke",
    "?",
    "730",
    "731",
    "1 000 000",
    "3.5",
    ".5",
    "5.",
    "1,2,3",
)
EMAILS = (
    "a@b.dk",
    "Soren.Aero@Example.DK",
    "jens@foreningen.dk; jh@privat.dk",
    "Hansen, Jens <jh@x.dk>",
    "ikke-en-email",
    "@",
    "a@",
    "a@b",
    "æøå@eksempel.dk",
    "x@localhost",
    "a" * 70 + "@b.dk",
    "mette@solbakkebib.dk",
    "MAILTO:a@b.dk",
    "<>",
    "a@b.dk, a@b.dk",
    # role mailboxes (an organisation's, not a person's) and an address that reads as a name
    "info@solbakkebib.dk",
    "kontakt@foreningen.dk",
    "post@museum.dk",
    "anne.vinther@gym.dk",
)
PHONES = (
    "12 34 56 78",
    "+45 87 65 43 21",
    "0045 2233 4455",
    "ugyldigt nr",
    "+1 202 555 0100",
    "112",
    "+" + "9" * 30,
    "12345678 / 87654321",
    "tlf: 33 44 55 66",
    "+45",
)
PEOPLE = (
    "Søren Ærø",
    "Jens Hansen",
    "Hansen, Kirsten",
    "Bo Kim Jørgensen",
    "lise østergård",
    "ANNE MØLLER",
    "Dr. Anna Berg",
    "Ole",
    "J. P. Jacobsen",
    "Mette Bibliotekar",
    "Karen Blixen",
    "O'Brien, Seán",
)
ORGANISATIONS = (
    "Solbakke Museum",
    "FOF Solbakke",
    "Ældre Sagen Solbakke",
    "Solbakke Museum / Solbakke Musikskole",
    "Jobcenter Solbakke",
    "Byskolen A/S",
    "Aarhus Kommune, Børn og Unge",
    "Solbakke Gymnasium",
)
WORDS = (
    STAFF_NAME,
    "mette@solbakkebib.dk",
    "Solbakke Gymnasium",
    "Søren Ærø",
    "Jens Hansen",
    "Anne Møller",
    GOAL_TITLE,
    PARTNERSHIP_TITLE,
    "ja",
    "nej",
    "x",
    "✓",
    "forening",
    "kommune",
    "skole",
    "offentlig",
    "partner",
    "kender",
    "idé",
    "aktiv",
    "afsluttet",
    "netværk",
    "skriftlig",
    "kontrakt",
    "P1",
    "O1",
    "Kolonne C",
    "Notes:",
    "Organisation",
    "Person",
    "staff",
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=1">',
    "A/S",
    "Byskolen; Museet",
    "a\nb",
    "  ",
    "\u200b",
    "Ærø\u0301",
    "ﬁ",
    "\U0001f600",
    "x" * 400,
    # rows that are not people: totals
    "I alt: 14 kontakter",
    "Total",
    "Sum: 3",
    "Antal",
)

_TEMPLATE_HEADERS = [
    header
    for spec in (GOAL_SHEET, MEASUREMENT_SHEET, PARTNERSHIP_SHEET)
    for lang in ("da", "en")
    for header in template_headers(spec, lang)
]
_ALIASES = [
    alias
    for spec in (GOAL_SHEET, MEASUREMENT_SHEET, PARTNERSHIP_SHEET)
    for column in spec.columns
    for alias in column.aliases
]
_SYNONYMS = [
    word for table in (tables.STRONG_SYNONYMS, tables.WEAK_SYNONYMS) for words in table.values() for word in words
]
_ROLE_WORDS = [word for table in tables.ROLE_SYNONYMS.values() for words in table.values() for word in words]
KNOWN_HEADERS = sorted(
    set(
        _TEMPLATE_HEADERS
        + _ALIASES
        + _SYNONYMS
        + _ROLE_WORDS
        + list(ALL_FIELDS)
        + list(OUTLOOK_DA_HEADER)
        + list(tables.IGNORED_HEADERS[:40])
        + [
            "E-mail 1 - Value",
            "Phone 2 - Value",
            "Organization 1 - Name",
            "Label",
            "Type",
            "Direction",
            "Tags",
            "From",
            "To",
            "Fra",
            "Til",
            "Kontaktperson – Fornavn",
        ]
    )
)
CONTACT_HEADERS = sorted(
    {
        word
        for name in (
            "name",
            "first_name",
            "last_name",
            "email",
            "phone",
            "title",
            "organisation",
            "department",
            "notes",
            "owner",
            "last_contact",
            "strength",
            "is_staff",
            "org_type",
            "sector",
            "website",
            "from",
            "to",
            "person",
            "relation_kind",
            "ref",
        )
        for word in (*tables.STRONG_SYNONYMS[name], name)
    }
    | set(OUTLOOK_DA_HEADER)
)
SHEET_NAMES = (
    "Kontakter",
    "Medarbejdere",
    "Organisationer",
    "Relationer",
    "Tilknytninger",
    "Elements",
    "Connections",
    "Mål",
    "Målinger",
    "Goals",
    "Measurements",
    "Partnerskaber",
    "Partnerships",
    "Vejledning",
    "Guide",
    "Ark1",
    "Sheet1",
    "History",
    "'quoted'",
    "æøå",
    "x" * 31,
)

# --- cell values -----------------------------------------------------------------------------------

_texts = st.one_of(
    st.sampled_from(FORMULA_LIKE),
    st.sampled_from(DATE_TEXTS),
    st.sampled_from(NUMBER_TEXTS),
    st.sampled_from(EMAILS),
    st.sampled_from(PHONES),
    st.sampled_from(WORDS),
    st.sampled_from(KNOWN_HEADERS),
    st.text(max_size=25),
)
_numbers = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20),
    st.integers(min_value=-3, max_value=60_000),
    st.floats(allow_nan=False, allow_infinity=False),
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
)
_moments = st.one_of(
    st.dates(min_value=dt.date(1900, 1, 1)),
    st.datetimes(min_value=dt.datetime(1900, 1, 1)),
    st.times(),
)
_realistic = st.sampled_from(PEOPLE + ORGANISATIONS + EMAILS + PHONES + DATE_TEXTS + WORDS)
#: What a parser hands over for one cell (``lib.ingest.safe_read``): text, numbers, yes/no, dates, nothing;
#: mostly the names, addresses and dates a real list holds, so that most rows get imported.
cell_values = st.one_of(
    st.none(), *[_realistic] * 6, _texts, _numbers, _moments, st.booleans(), st.just(""), st.just(" ")
)
header_values = st.one_of(
    st.sampled_from(KNOWN_HEADERS), st.none(), st.text(max_size=15), st.sampled_from(FORMULA_LIKE), _numbers, _moments
)


@st.composite
def contact_headers(draw: st.DrawFn) -> list[Any]:
    """A contact list's header row: words the importer knows, with a little of anything in between."""
    names: list[Any] = draw(st.lists(st.sampled_from(CONTACT_HEADERS), min_size=1, max_size=7))
    for noise in draw(st.lists(header_values, max_size=2)):
        names.insert(draw(st.integers(0, len(names))), noise)
    return names


def _planning_header(specs: tuple[Any, ...]) -> st.SearchStrategy[list[Any]]:
    """Header rows for a planning sheet: the template's (either language), aliases, extras, doubles."""

    @st.composite
    def build(draw: st.DrawFn) -> list[Any]:
        spec = draw(st.sampled_from(specs))
        lang = draw(st.sampled_from(("da", "en")))
        names = list(template_headers(spec, lang))
        aliases = [alias for column in spec.columns for alias in column.aliases]
        if draw(st.booleans()):
            names = draw(st.permutations(names))
        if draw(st.integers(0, 3)) == 0:
            names = draw(st.lists(st.sampled_from(names), min_size=1, max_size=len(names)))
        names += draw(st.lists(st.one_of(st.sampled_from(aliases), header_values), max_size=2))
        return names

    return build()


HEADERS = {
    "contacts": contact_headers(),
    "goals": _planning_header((GOAL_SHEET, MEASUREMENT_SHEET)),
    "partnerships": _planning_header((PARTNERSHIP_SHEET,)),
}
_PLANNING_SPECS = {"goals": (GOAL_SHEET, MEASUREMENT_SHEET), "partnerships": (PARTNERSHIP_SHEET,)}


def fields_of(kind: str, header: list[Any]) -> list[str | None]:
    """The field each header cell probably means to the importer of ``kind``: what its values should be."""
    names = ["" if value is None else str(value) for value in header]
    if kind == "contacts":
        return tables.suggest_mapping(names, "contacts")
    matched = max((spec.match(names) for spec in _PLANNING_SPECS[kind]), key=len)
    return [matched.get(index) for index in range(len(names))]


_dates = st.one_of(
    st.sampled_from(DATE_TEXTS),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)),
    st.integers(min_value=30_000, max_value=50_000),
)  # Excel serials: 1982-2036
_earlier = st.one_of(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2024, 12, 31)), _dates)
_later = st.one_of(st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2035, 12, 31)), _dates)
_amounts = st.one_of(
    st.integers(min_value=-10, max_value=10**6),
    st.integers(min_value=0, max_value=500),
    st.sampled_from(NUMBER_TEXTS),
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
)
#: Values a column of each field usually holds: mostly right, sometimes a typical mistake.
FIELD_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "email": st.sampled_from(("ny.kontakt@eksempel.dk", "lise@fof-solbakke.dk", *EMAILS)),
    "phone": st.sampled_from(PHONES),
    "name": st.sampled_from(PEOPLE),
    "person": st.sampled_from(PEOPLE),
    # Ends of a tie: known names, names to create, a node id that is no name, an address.
    "from": st.sampled_from(PEOPLE + ORGANISATIONS + ("Ny Person", "Ålykke Avis", "P12", "17", "ny@x.dk")),
    "to": st.sampled_from(PEOPLE + ORGANISATIONS + ("Ny Person", "Ålykke Avis", "P12", "17", "ny@x.dk")),
    "first_name": st.sampled_from(("Lise", "Bo", "Søren", "Åse", "Ib")),
    "last_name": st.sampled_from(("Østergård", "Jørgensen", "Hansen", "Ærø")),
    "organisation": st.sampled_from(ORGANISATIONS),
    "organisations": st.sampled_from(ORGANISATIONS),
    "owner": st.sampled_from(
        (
            STAFF_NAME,
            "mette@solbakkebib.dk",
            "Ukendt Medarbejder",
            "Ida Friis <ida.friis@solbakkebib.dk>",
            "ny.kollega@solbakkebib.dk",
            "x",
        )
    ),
    "strength": st.sampled_from(("1", "3", "5", "stærk", "svag", "★★★", "4/5", 4, 7, 2.5, 0, -1, "meget")),
    "team": st.sampled_from(("Børn og familie", "Voksne", "")),
    "staff_role": st.sampled_from(("Netværksansvarlig", "partnerskabsansvarlig ", "Medarbejder", "Leder")),
    "is_staff": st.sampled_from(("ja", "nej", "x", "✓", "måske", True)),
    "first_contact": _earlier,
    "last_contact": _later,
    "start_date": _earlier,
    "end_date": _later,
    "baseline_date": _earlier,
    "target_date": _later,
    "measured_on": _dates,
    "ended_on": _dates,
    "baseline": _amounts,
    "target": _amounts,
    "value": _amounts,
    "title": st.sampled_from(
        (GOAL_TITLE, PARTNERSHIP_TITLE, "Nyt mål", "Læseklub", "=1+1", "<script>window.__xss=1</script>", "x" * 301)
    ),
    "goal": st.sampled_from((GOAL_TITLE, "Nyt mål", "Læseklub", "Ukendt mål")),
    "goals": st.sampled_from((GOAL_TITLE, f"{GOAL_TITLE}; Ukendt mål", "")),
    "stage": st.sampled_from(("idé", "aktiv", "afsluttet", "drift", "evaluering", "ukendt fase")),
    "depth": st.sampled_from(("netværk", "koordinering", "kollaboration", "dyb")),
    "formalisation": st.sampled_from(("skriftlig", "mundtlig", "kontrakt", "håndtryk")),
    "contact_rhythm_days": st.sampled_from(("30", "30 dage", 14, 0, 730, 731, "hver måned", 1.5)),
}


@st.composite
def sheet_rows(draw: st.DrawFn, kind: str = "contacts") -> list[list[Any]]:
    """A sheet as people make them: maybe title rows and gaps, a header, data rows with blank ones.

    Each column mostly holds what its header promises (e-mails under "E-mail"), so that most rows
    get as far as being imported; the rest is anything a cell can hold.
    """
    rows: list[list[Any]] = []
    for _ in range(draw(st.integers(0, 2))):
        rows.append(draw(st.one_of(st.just([]), st.lists(_texts, min_size=1, max_size=2))))
    head = draw(HEADERS[kind])
    rows.append(head)
    fields = fields_of(kind, head)
    for _ in range(draw(st.integers(1, 8))):
        if draw(st.integers(0, 5)) == 0:
            rows.append([])
            continue
        row = []
        # Most rows fill the header's width; some stop short or run past it.
        width = len(head) if draw(st.integers(0, 2)) else draw(st.integers(0, len(head) + 2))
        for index in range(width):
            typed = FIELD_VALUES.get(fields[index]) if index < len(fields) and fields[index] else None
            row.append(draw(typed if typed is not None and draw(st.integers(0, 4)) else cell_values))
        rows.append(row)
    return rows


def as_parsed(rows: list[list[Any]]) -> list[list[Any]]:
    """Rows the way ``read_upload`` returns them: cleaned values, ragged, no trailing empty rows."""
    result = [parse_worker.finish_row(parse_worker.clean_row(row), 500)[0] for row in rows]
    return parse_worker.trim_rows(result)


@st.composite
def merged_ranges(draw: st.DrawFn, height: int, width: int) -> list[tuple[int, int, int, int]]:
    ranges = []
    for _ in range(draw(st.integers(0, 3))):
        first_row, first_col = draw(st.integers(0, height + 1)), draw(st.integers(0, width + 1))
        last_row = first_row + draw(st.integers(0, 2))
        last_col = first_col + draw(st.integers(0, 3))
        ranges.append((first_row, first_col, last_row, last_col))
    return ranges


@st.composite
def raw_workbooks(draw: st.DrawFn, kind: str = "contacts") -> RawWorkbook:
    """A workbook as ``read_upload`` hands it over: at least one sheet with something in it."""
    names = draw(st.lists(st.sampled_from(SHEET_NAMES), min_size=1, max_size=3, unique_by=lambda name: name.casefold()))
    sheets = []
    for name in names:
        rows = as_parsed(draw(sheet_rows(kind)))
        width = max((len(row) for row in rows), default=0)
        sheets.append(
            RawSheet(
                name=name,
                hidden=draw(st.integers(0, 5)) == 0,
                rows=rows,
                merged=draw(merged_ranges(len(rows), width)),
                total_rows=len(rows),
            )
        )
    if not any(sheet.rows for sheet in sheets):  # read_upload refuses a workbook without any data
        sheets[0].rows = [["Navn"]]
        sheets[0].total_rows = 1
    file_kind = draw(st.sampled_from(("xlsx", "xls", "csv") if len(sheets) == 1 else ("xlsx", "xls")))
    return RawWorkbook(file_name=f"upload.{file_kind}", kind=file_kind, sheets=sheets)


# --- files -----------------------------------------------------------------------------------------

ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-16-le", "utf-16-be")
SEPARATORS = (",", ";", "\t", "|", ":", " ")


@st.composite
def csv_files(draw: st.DrawFn, kind: str = "contacts") -> tuple[str, bytes]:
    """A delimited text file: odd separators, quoting and line ends, an encoding with or without BOM."""
    rows = draw(sheet_rows(kind))
    separator = draw(st.sampled_from(SEPARATORS))
    quoting = draw(st.sampled_from((csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC)))
    buffer = io.StringIO()
    writer = csv.writer(
        buffer, delimiter=separator, quoting=quoting, lineterminator=draw(st.sampled_from(("\r\n", "\n", "\r")))
    )
    if draw(st.booleans()):
        buffer.write(f"sep={separator}\r\n")
    for row in rows:
        writer.writerow(["" if value is None else str(value) for value in row])
    encoding = draw(st.sampled_from(ENCODINGS))
    # A legacy code page cannot hold every character; Excel writes "?" for those, so do we.
    data = buffer.getvalue().encode(encoding, errors="replace")
    name = draw(st.sampled_from(("kontakter.csv", "liste.txt", "data.tsv", "eksport.xlsx", "uden-endelse")))
    return name, data


def _writable(value: Any) -> Any:
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)  # openpyxl cannot write these; Excel cannot either
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**15:
        return float(value)  # Excel keeps 15 digits
    return value


@st.composite
def xlsx_files(draw: st.DrawFn, kind: str = "contacts") -> tuple[str, bytes]:
    """An xlsx file written by openpyxl: "=…" text becomes a real formula without a cached value."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    names = draw(
        st.lists(st.sampled_from(SHEET_NAMES[:-3]), min_size=1, max_size=3, unique_by=lambda name: name.casefold())
    )
    for name in names:
        sheet = workbook.create_sheet(name)
        rows = draw(sheet_rows(kind))
        for row in rows:
            sheet.append([_writable(value) for value in row])
        width = max((len(row) for row in rows), default=1)
        for first_row, first_col, last_row, last_col in draw(merged_ranges(len(rows), width)):
            if (first_row, first_col) != (last_row, last_col):
                sheet.merge_cells(
                    start_row=first_row + 1, start_column=first_col + 1, end_row=last_row + 1, end_column=last_col + 1
                )
        if name != names[0] and draw(st.integers(0, 4)) == 0:
            sheet.sheet_state = "hidden"  # a workbook keeps at least one visible sheet
    buffer = io.BytesIO()
    workbook.save(buffer)
    return draw(st.sampled_from(("kontakter.xlsx", "liste.xlsm", "gammel.xls", "data.csv"))), buffer.getvalue()


def _small_xlsx() -> bytes:
    buffer = io.BytesIO()
    workbook = openpyxl.Workbook()
    for row in MESSY_DANISH:
        workbook.active.append(row)
    workbook.save(buffer)
    return buffer.getvalue()


SMALL_XLSX = _small_xlsx()


def with_corrupt_entry(data: bytes) -> bytes:
    """``data`` (a zip) with its first entry's deflate stream opening on the reserved block type."""
    name_length, extra_length = struct.unpack_from("<HH", data, 26)
    start = 30 + name_length + extra_length
    return data[:start] + b"\x06" + data[start + 1 :]


@st.composite
def damaged_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """Garbage, a cut-off or mangled workbook, or a workbook's bytes under a text name."""
    name = draw(st.sampled_from(("kontakter.xlsx", "kontakter.csv", "a.xls", "b.txt", "c.xlsm", "noext", ".csv")))
    how = draw(st.sampled_from(("garbage", "cut", "mangled", "csv-garbage")))
    if how == "garbage":
        return name, draw(st.binary(min_size=1, max_size=600))
    if how == "csv-garbage":
        return name, draw(st.binary(max_size=80)) + b"Navn;E-mail\nJens;j@x.dk\n" + draw(st.binary(max_size=80))
    if how == "cut":
        return name, SMALL_XLSX[: draw(st.integers(1, len(SMALL_XLSX) - 1))]
    data = bytearray(SMALL_XLSX)
    for _ in range(draw(st.integers(1, 8))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return name, bytes(data)


# --- the workspace ---------------------------------------------------------------------------------


@contextlib.contextmanager
def handing_over(workbook: RawWorkbook) -> Iterator[None]:
    """The importers receive ``workbook`` as if ``read_upload`` had just checked and parsed it."""

    def read_upload(_file_name: str, _data: bytes, _limits: Any = None) -> RawWorkbook:
        return copy.deepcopy(workbook)

    with (
        mock.patch.object(contact_lists, "read_upload", read_upload),
        mock.patch.object(planning_tables, "read_upload", read_upload),
    ):
        yield


@contextlib.contextmanager
def parsing_in_process() -> Iterator[None]:
    """``read_upload`` does all its checks but parses here rather than in a child process."""

    def spawn(
        request: dict[str, Any], _limits: Any, _deadline: float, meanwhile: Callable[[], object] | None = None
    ) -> tuple[str, dict[str, Any]]:
        if meanwhile is not None:
            meanwhile()
        answer = parse_worker.handle(request)
        return answer["status"], answer

    with mock.patch.object(parse_child, "_spawn", spawn):
        yield


def _seed(db: Database) -> None:
    """A small workspace: staff, contacts with organisations and ties, a goal and a partnership."""
    workbook = RawWorkbook(
        "seed.xlsx",
        "xlsx",
        [RawSheet("Medarbejdere", False, as_parsed(STAFF)), RawSheet("Kontakter", False, as_parsed(MESSY_DANISH))],
    )
    with handing_over(workbook):
        prepared = prepare_file(db, "seed.xlsx", b"")
        run_import(db, prepared.sheets, commit=True)
    with db.write() as session:
        goal_id = create_goal(
            session,
            {
                "title": GOAL_TITLE,
                "baseline": 100,
                "target": 150,
                "baseline_date": dt.date(2024, 1, 1),
                "target_date": dt.date(2026, 1, 1),
            },
        )
        org_id = session.scalars(select(Organisation.id).order_by(Organisation.id)).first()
        create_partnership(
            session,
            {"title": PARTNERSHIP_TITLE, "stage": "managing_maintaining"},
            organisation_ids=[org_id],
            goal_ids=[goal_id],
        )


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "seed.sqlite"
    db = open_database(f"sqlite:///{path}", cached=False)
    try:
        _seed(db)
    finally:
        db.dispose()
    return path


@contextlib.contextmanager
def workspace(seeded: Path) -> Iterator[Database]:
    """A private copy of the seeded workspace for one example."""
    folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
    try:
        shutil.copy(seeded, folder / "workspace.sqlite")
        db = open_database(f"sqlite:///{folder / 'workspace.sqlite'}", cached=False)
        try:
            yield db
        finally:
            db.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def snapshot(db: Database, models: tuple[Any, ...]) -> dict[str, list[dict[str, Any]]]:
    """Every stored record of ``models``, without timestamps: what a user can see."""
    volatile = {"created_at", "updated_at"}
    with db.read() as session:
        return {
            model.__tablename__: sorted(
                (
                    {k: v for k, v in record_to_dict(r).items() if k not in volatile}
                    for r in session.scalars(select(model))
                ),
                key=repr,
            )
            for model in models
        }


CONTACT_TABLES = (Person, Organisation, Affiliation, Relation)
PLANNING_TABLES = (Goal, GoalMeasurement, Partnership, PartnershipOrganisation, PartnershipGoal, Organisation)

# --- the properties --------------------------------------------------------------------------------


def assert_user_facing(error: BaseException) -> None:
    """A refusal the user can read: a known message in Danish and in English."""
    assert isinstance(error, UserFacingError), repr(error)
    assert error.key in TEXTS, f"no text for {error.key}"
    for lang in ("da", "en"):
        assert error.message(lang).strip(), (error.key, lang)


def assert_problems_worded(problems: list[Any]) -> None:
    for problem in problems:
        assert problem.key in TEXTS, f"no text for {problem.key}"
        assert problem.severity in ("error", "warning")
        for lang in ("da", "en"):
            assert problem.message(lang).strip(), (problem.key, lang)


def assert_contact_accounting(result: contact_lists.ImportResult, sheets: list[contact_lists.PreparedSheet]) -> None:
    chosen = [sheet for sheet in sheets if sheet.include]
    assert result.balanced, result.counts
    assert all(result.counts[name] >= 0 for name in ("rows", *OUTCOMES))
    # Rows read are the rows under each chosen sheet's header: none lost, none counted twice.
    assert result.counts["rows"] == sum(sheet.table.rows_read for sheet in chosen)
    assert len(result.per_sheet) == len(chosen)
    for counts in result.per_sheet:
        assert sum(counts[name] for name in OUTCOMES) == counts["rows"], counts
    for name in ("rows", *OUTCOMES):
        assert sum(counts[name] for counts in result.per_sheet) == result.counts[name]
    assert len(result.outcomes) == sum(len(sheet.table.rows) for sheet in chosen)
    assert_problems_worded(result.problems)
    # An error rejects its row, and a rejected row says why: the user can fix exactly those rows.
    outcome_of = {(o.sheet_name, o.row): o.outcome for o in result.outcomes}
    with_errors = {(p.sheet_name, p.row) for p in result.problems if p.severity == "error"}
    assert {outcome_of[row] for row in with_errors} <= {"rejected"}
    assert len(with_errors) == result.counts["rejected"]


def import_contacts(db: Database, name: str, data: bytes, choices: st.DataObject | None = None) -> None:
    """Prepare, preview, commit and undo one upload, checking the properties at every step."""
    prepared = prepare_file(db, name, data)
    if prepared.error is not None:
        event(f"refused: {prepared.error.key}")
        assert_user_facing(prepared.error)
        assert not prepared.sheets
        return
    for key, _params in prepared.notices:
        assert key in TEXTS, key
    if choices is not None and choices.draw(st.integers(0, 3), label="user changes") == 0:
        for sheet in prepared.sheets:  # what a user may change on the import page
            sheet.include = choices.draw(st.booleans(), label=f"include {sheet.sheet_name}")
            sheet.set_role(choices.draw(st.sampled_from(ROLES), label="role"))
            if choices.draw(st.booleans(), label="remap"):
                fields = st.one_of(st.none(), st.sampled_from(FIELDS[sheet.role] or (None,)))
                sheet.mapping = choices.draw(
                    st.lists(fields, min_size=len(sheet.columns), max_size=len(sheet.columns)), label="mapping"
                )
    if choices is not None:
        for sheet in prepared.sheets:  # "Opret det, som arket nævner" and the file's update choice
            sheet.create_referenced = choices.draw(st.integers(0, 3), label="create referenced") > 0
            sheet.update_mode = choices.draw(st.sampled_from(UPDATE_MODES), label="update mode")
    event("rows read" if any(s.include and s.table.rows for s in prepared.sheets) else "no rows read")
    before = snapshot(db, CONTACT_TABLES)
    preview = run_import(db, prepared.sheets, commit=False)
    assert_contact_accounting(preview, prepared.sheets)
    assert snapshot(db, CONTACT_TABLES) == before, "a preview stored something"
    committed = run_import(db, prepared.sheets, commit=True)
    assert_contact_accounting(committed, prepared.sheets)
    assert committed.counts == preview.counts, "the preview did not predict the commit"
    assert [(p.row, p.key) for p in committed.problems] == [(p.row, p.key) for p in preview.problems]
    assert_created_as_previewed(db, before, preview, committed, prepared.sheets)
    for outcome in OUTCOMES:
        event(f"some {outcome}" if committed.counts[outcome] else f"no {outcome}")
    if committed.counts["inserted"] or committed.counts["updated"]:
        assert committed.batch_id is not None
    if committed.batch_id is not None:
        undo_import(db, committed.batch_id)
        assert snapshot(db, CONTACT_TABLES) == before, "undo did not restore the workspace"


def assert_created_as_previewed(
    db: Database,
    before: dict[str, list[dict[str, Any]]],
    preview: contact_lists.ImportResult,
    committed: contact_lists.ImportResult,
    sheets: list[contact_lists.PreparedSheet],
) -> None:
    """What the preview says will be created (also because a row named it) and changed is what the
    commit creates and changes, record for record."""
    assert committed.created == preview.created, "the preview did not predict what is created"
    assert committed.referenced == preview.referenced and committed.referenced_counts == preview.referenced_counts
    assert committed.changes == preview.changes and committed.kept == preview.kept
    after = snapshot(db, CONTACT_TABLES)
    known = {person["id"] for person in before["people"]}
    new_people = [person for person in after["people"] if person["id"] not in known]
    assert sum(1 for p in new_people if p["is_staff"]) == committed.created["staff"]
    assert len(new_people) - committed.created["staff"] == committed.created["people"]
    for table in ("organisations", "affiliations", "relations"):
        assert len(after[table]) - len(before[table]) == committed.created[table], table
    # Everything created because a row named it exists, under its name, from a sheet that allows it.
    allowed = {(s.file_name, s.sheet_name) for s in sheets if s.include and s.create_referenced}
    names = {
        "people": {p["name"] for p in new_people if not p["is_staff"]},
        "staff": {p["name"] for p in new_people if p["is_staff"]},
        "organisations": {o["name"] for o in after["organisations"]},
    }
    for referenced in committed.referenced:
        assert (referenced.file_name, referenced.sheet_name) in allowed, referenced
        assert referenced.name in names[referenced.kind], referenced
    if committed.referenced:
        event("created what a row named")


def import_planning(db: Database, kind: str, name: str, data: bytes) -> None:
    """Preview, commit and undo one planning upload, checking the properties at every step."""
    run = import_goals if kind == "goals" else import_partnerships
    before = snapshot(db, PLANNING_TABLES)
    try:
        preview = run(db, name, data, commit=False)
    except UserFacingError as error:
        event(f"refused: {error.key}")
        assert_user_facing(error)
        return
    assert_table_accounting(preview)
    assert snapshot(db, PLANNING_TABLES) == before, "a preview stored something"
    committed = run(db, name, data, commit=True)
    assert_table_accounting(committed)
    assert committed.counts == preview.counts, "the preview did not predict the commit"
    for outcome in planning_tables.OUTCOMES:
        event(f"some {outcome}" if committed.counts[outcome] else f"no {outcome}")
    assert [(p.sheet_name, p.row, p.key) for p in committed.problems] == [
        (p.sheet_name, p.row, p.key) for p in preview.problems
    ]
    planned = {"goals": ("goals", "goal_measurements"), "partnerships": ("partnerships",)}[kind]
    # Every inserted row is exactly one new record: nothing the preview promised goes missing.
    assert sum(committed.created.get(table, 0) for table in planned) == committed.counts["inserted"]
    after = snapshot(db, PLANNING_TABLES)
    for table in planned:
        assert len(after[table]) - len(before[table]) == committed.created.get(table, 0)
    if committed.counts["inserted"]:
        assert committed.batch_id is not None
        undo_table_import(db, committed.batch_id)
        assert snapshot(db, PLANNING_TABLES) == before, "undo did not restore the workspace"
    else:
        assert committed.batch_id is None and after == before


def assert_table_accounting(result: planning_tables.TableImportResult) -> None:
    assert result.balanced, result.counts
    assert all(value >= 0 for value in result.counts.values())
    for counts in result.per_sheet:
        assert sum(counts[name] for name in planning_tables.OUTCOMES) == counts["rows"], counts
    for name in ("rows", *planning_tables.OUTCOMES):
        assert sum(counts[name] for counts in result.per_sheet) == result.counts[name]
    assert_problems_worded(result.problems)
    with_errors = {(p.sheet_name, p.row) for p in result.problems if p.severity == "error" and p.row}
    assert len(with_errors) == result.counts["rejected"]
    for key, _params in result.notices:
        assert key in TEXTS, key


# --- 1. already-checked data ----------------------------------------------------------------------


@fuzz(100)
@given(workbook=raw_workbooks(), choices=st.data())
@example(  # "=1+1" formulas, a time where a date belongs, a duplicated header, a blank row in between
    workbook=RawWorkbook(
        "x.xlsx",
        "xlsx",
        [
            RawSheet(
                "Kontakter",
                False,
                [
                    ["Navn", "E-mail", "E-mail", "Sidste kontakt", "Ansvarlig"],
                    ["=1+1", "a@b.dk", '\'=HYPERLINK("http://x","y")', dt.time(10, 30), STAFF_NAME],
                    [],
                    ["Jens Hansen", "jens@foreningen.dk", None, 10**20, "@SUM(A1)"],
                ],
            )
        ],
    ),
    choices=None,
).via("formulas, a time as a date, a doubled header")
@example(  # what the first real use met: unknown staff, a mailbox, a total, ties to names not yet known
    workbook=RawWorkbook(
        "liste.xlsx",
        "xlsx",
        [
            RawSheet(
                "Kontakter",
                False,
                [
                    ["Navn", "E-mail", "Organisation", "Ansvarlig medarbejder", "Sidst i kontakt"],
                    ["Karen Møller", "karen@musikskole.dk", "Ålykke Musikskole", "Mette Holm", "12-01-2026"],
                    [None, "info@frivilligcenter.dk", "Ålykke Frivilligcenter", "Lone Bech", None],
                    [None, "anne.vinther@gym.dk", None, "Mette Holm <mh@bib.dk>", dt.date(2026, 1, 9)],
                    ["Navn", "E-mail", "Organisation", "Ansvarlig medarbejder", "Sidst i kontakt"],
                    ["I alt: 3 kontakter"],
                ],
            ),
            RawSheet(
                "Relationer",
                False,
                [
                    ["Fra", "Til", "Relation", "Styrke (1–5)"],
                    ["Mette Holm", "Ålykke Avis", "kontakt", "4 af 5"],
                    ["Ny Person", "Ny Person", "kender", 2.5],
                    ["Jonas Friis", "17", "Directed", "meget"],
                ],
            ),
        ],
    ),
    choices=None,
).via("issue 11: a library's own files on first use")
def test_contact_import_of_any_parsed_sheet_adds_up(
    seeded: Path, workbook: RawWorkbook, choices: st.DataObject | None
) -> None:
    with workspace(seeded) as db, handing_over(workbook):
        import_contacts(db, workbook.file_name, b"", choices)


@fuzz(50)
@given(workbook=raw_workbooks("goals"))
def test_goal_import_of_any_parsed_sheet_adds_up(seeded: Path, workbook: RawWorkbook) -> None:
    with workspace(seeded) as db, handing_over(workbook):
        import_planning(db, "goals", workbook.file_name, b"")


@fuzz(50)
@given(workbook=raw_workbooks("partnerships"))
def test_partnership_import_of_any_parsed_sheet_adds_up(seeded: Path, workbook: RawWorkbook) -> None:
    with workspace(seeded) as db, handing_over(workbook):
        import_planning(db, "partnerships", workbook.file_name, b"")


# --- 2. files, parsed in this process --------------------------------------------------------------


@fuzz(40)
@given(upload=st.one_of(csv_files(), xlsx_files()))
def test_contact_import_of_any_file_adds_up_or_is_refused(seeded: Path, upload: tuple[str, bytes]) -> None:
    name, data = upload
    with workspace(seeded) as db, parsing_in_process():
        import_contacts(db, name, data)


@fuzz(30)
@given(kind=st.sampled_from(("goals", "partnerships")), data=st.data())
def test_planning_import_of_any_file_adds_up_or_is_refused(seeded: Path, kind: str, data: st.DataObject) -> None:
    name, content = data.draw(st.one_of(csv_files(kind), xlsx_files(kind)), label="upload")
    with workspace(seeded) as db, parsing_in_process():
        import_planning(db, kind, name, content)


# --- 3. the whole path, parse child included -------------------------------------------------------


@fuzz(12)
@given(upload=damaged_files())
# A corrupt deflate stream raised zlib.error out of safe_read's XML check: a crash, not a refusal.
@example(upload=("kontakter.xlsx", with_corrupt_entry(SMALL_XLSX))).via("found by fuzzing")
def test_damaged_files_are_refused_or_read_through_the_child(seeded: Path, upload: tuple[str, bytes]) -> None:
    name, data = upload
    with workspace(seeded) as db:
        import_contacts(db, name, data)
        import_planning(db, "goals", name, data)


@fuzz(6)
@given(upload=st.one_of(csv_files(), xlsx_files()))
def test_generated_files_read_the_same_through_the_child(seeded: Path, upload: tuple[str, bytes]) -> None:
    name, data = upload
    with workspace(seeded) as db:
        import_contacts(db, name, data)
