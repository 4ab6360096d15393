"""Issue 11, item 4: never a raw key, ``nan``, ``None`` or ``NaT`` on screen or in a file.

A sweep over what a user reads. Every page of ``pages/`` is drawn with AppTest as the local admin
(who may open every page), in Danish and English, on three workspaces:

* ``demo``: the made-up Solbakke library (``lib.demo.workspace``);
* ``examples``: what the import page's example files give (imported through lib as the page does, in
  the order a newcomer would: staff list, contact list, Outlook export, relations), so organisations
  created from contact rows, people without an e-mail and the like are there, as in a library's first
  real use; and then one record of each kind the files do not make, with nothing but what it needs (a
  person and an organisation with only a name, a goal without measurements, a partnership without
  organisations, agreement or contacts, an evaluation round without answers, an assessment without
  ratings, an offer without team or contact, a tie without strength or dates);
* ``empty``: nothing at all.

Every text the page shows is read (headings, Markdown, captions, messages, widget labels, help texts,
placeholders and options, metrics, tab and expander labels, the cells of every table as the table
shows them, and every string of every plotly chart), also behind tabs and after choosing each record
in the pickers that open one. Then every file a user can download is made from the same workspaces
and read back. No text may hold ``nan``, ``NaN``, ``None``, ``NaT``, ``<NA>`` or ``null`` as a word,
nor a translation key instead of its words.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from google.protobuf.message import Message
from sqlalchemy import select
from sqlalchemy.orm import Session
from streamlit.testing.v1 import AppTest

from lib.core.i18n import TEXTS
from lib.db import (
    OFFER_CATEGORIES,
    Database,
    Goal,
    Organisation,
    Partnership,
    Person,
    Relation,
    StrengthOffer,
    forget_database,
    open_database,
)
from tests.apptest_support import workspace_today

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
TESTS = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "data" / "examples"
#: The example files in the order a library would import them: its staff first, then what names them.
EXAMPLE_ORDER = ("medarbejdere.xlsx", "kontaktliste.xlsx", "outlook-kontakter.csv", "relationer.xlsx")
WORKSPACES = ("demo", "examples", "empty")
LANGUAGES = ("da", "en")
#: Each run of a page may take this long (the first one builds caches).
TIMEOUT = 120

# --- what counts as raw ----------------------------------------------------------------------------

#: A missing value written out: Python's None, pandas' NaN, NaT and NA, JSON's null. Whole words
#: only ("hinanden" holds "nan") and case as written (English says "None." for "nothing").
RAW_WORD = re.compile(r"(?<![\w])(?:nan|NaN|None|NaT|null)(?![\w])|<NA>")
#: E-mail addresses and web addresses hold dots and any word; they are left out before looking.
ADDRESS = re.compile(r"[\w.+-]+@[\w.-]+|\b(?:https?://|www\.)\S+", re.UNICODE)
#: Our translation keys are dotted lower-case words ("orgtype.association", "partnerships.stage.idea").
KEY_SHAPE = re.compile(r"(?<![\w./@-])([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)(?![\w/@-])")
#: The first part of every key ("orgtype", "sector", "relkind", "partnerships", ...).
KEY_PREFIXES = frozenset(key.split(".", 1)[0] for key in TEXTS)
#: File endings: "kontaktliste.xlsx" is a file name, not a key, even if a key starts with its stem.
FILE_ENDINGS = frozenset(
    {
        "xlsx",
        "xlsm",
        "xls",
        "csv",
        "txt",
        "json",
        "pdf",
        "pptx",
        "gexf",
        "graphml",
        "png",
        "svg",
        "md",
        "py",
        "dk",
        "com",
        "org",
        "net",
        "eu",
    }
)


def raw_parts(text: str) -> list[str]:
    """What in ``text`` is a missing value or a translation key written out (empty: nothing)."""
    plain = ADDRESS.sub(" ", text)
    found = [match.group(0) for match in RAW_WORD.finditer(plain)]
    for match in KEY_SHAPE.finditer(plain):
        token = match.group(1)
        parts = token.split(".")
        if token in TEXTS or (parts[0] in KEY_PREFIXES and parts[-1] not in FILE_ENDINGS):
            found.append(token)
    return found


def test_the_check_finds_what_a_newcomer_saw_and_leaves_ordinary_words_alone() -> None:
    assert raw_parts("orgtype.nan") == ["nan", "orgtype.nan"]
    assert raw_parts("Karen Møller (nan)") == ["nan"]
    assert raw_parts("Mål: None") == ["None"]
    assert raw_parts("NaT") == ["NaT"] and raw_parts("<NA>") == ["<NA>"] and raw_parts("null") == ["null"]
    assert raw_parts("partnerships.stage.idea") == ["partnerships.stage.idea"]
    assert raw_parts("sector.xyz") == ["sector.xyz"]
    for fine in (
        "De kender hinanden",
        "nanna@bib.example.dk",
        "https://none.example.dk/null",
        "kontaktliste.xlsx",
        "Nancy Nannestad",
        "3,5 · 12-03-2026",
        "Annulleret",
        "www.nan.dk",
    ):
        assert raw_parts(fine) == [], fine


def _planted_page() -> None:
    """A page that shows what the sweep must find, in the places a page shows text, and a name it must not."""
    import pandas as pd
    import streamlit as st

    st.title("Nancy Nannestad")
    st.markdown("Karen Møller (nan)")
    st.caption("orgtype.association")
    st.metric("Mål", "None")
    st.selectbox("Vælg", options=["Annone", "NaT"])
    tab, _other = st.tabs(["Oversigt", "<NA>"])
    with tab, st.expander("Detaljer"):
        st.dataframe(
            pd.DataFrame({"Navn": ["Ida", "Bo"], "Sektor": ["sector.bydel", None], "Styrke": [1.0, float("nan")]}),
            hide_index=True,
        )
        st.dataframe(pd.DataFrame({"Kort": ["x", None]}), hide_index=True, placeholder="")


def test_the_sweep_finds_what_is_planted_on_a_page() -> None:
    """Every raw value planted on a page is found where a page shows it (Markdown, caption, metric,
    options, tab label, table cells, a missing cell without a placeholder); "Nancy" and "Annone" are names,
    and a missing cell of a table with an empty placeholder shows nothing."""
    at = AppTest.from_function(_planted_page, default_timeout=TIMEOUT).run()
    assert not at.exception
    found = {
        (part, where.split(": ", 1)[1].split(".", 1)[0].split("[", 1)[0])
        for where, part, _ in shown_on(at, "planted").raw()
    }
    assert found == {
        ("nan", "markdown"),
        ("orgtype.association", "caption"),
        ("None", "metric"),
        ("NaT", "selectbox"),
        ("<NA>", "tab"),
        ("sector.bydel", "table"),
        ("None", "table"),
    }, found


def test_no_translation_says_a_raw_word() -> None:
    """The product's own words never look like a missing value: an English "None" for an empty column
    could not be told from Python's None, so the check allows no such word anywhere."""
    assert [key for key, entry in TEXTS.items() if any(RAW_WORD.search(text) for text in entry.values())] == []


def test_a_code_is_shown_as_its_word_and_no_code_as_nothing() -> None:
    """The one way a vocabulary code becomes words: what pandas makes of a missing code is nothing, and
    a code without a translation is the code, never ``orgtype.nan`` or ``sector.xyz``."""
    from lib.contacts import person_choice_label
    from lib.core.i18n import label

    for missing in (None, "", float("nan"), pd.NA, pd.NaT):
        assert label("orgtype", missing, "da") == ""
    assert label("orgtype", "association", "da") == "Forening"
    assert label("sector", "bydelsnetværk", "en") == "bydelsnetværk"
    assert person_choice_label("Karen Møller", float("nan")) == "Karen Møller"
    assert person_choice_label("Karen Møller", "karen@bib.example.dk") == "Karen Møller (karen@bib.example.dk)"


def test_every_table_on_every_page_says_what_a_missing_cell_shows() -> None:
    """``st.dataframe`` and ``st.data_editor`` write "None" in a missing cell unless told otherwise;
    every call in the pages and components gives a ``placeholder`` (the sweep sees only the states it
    reaches)."""
    import ast

    calls = []
    for path in sorted([*(ROOT / "pages").glob("*.py"), *(ROOT / "components").glob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("dataframe", "data_editor")
            ):
                calls.append((f"{path.name}:{node.lineno}", any(k.arg == "placeholder" for k in node.keywords)))
    assert len(calls) > 20
    assert [where for where, placeholder in calls if not placeholder] == []


# --- the workspaces --------------------------------------------------------------------------


def import_examples(db: Database) -> None:
    """The example files, imported as a newcomer would, each fully."""
    from lib.ingest.contact_lists import prepare_file, run_import

    for name in EXAMPLE_ORDER:
        prepared = prepare_file(db, name, (EXAMPLES / name).read_bytes())
        assert prepared.error is None, name
        run_import(db, prepared.sheets, commit=True)


def fill_bare(db: Database, today: dt.date) -> None:
    """One record of each kind, with only what it cannot be without."""
    from lib import contacts
    from lib.library import staff as organisation
    from lib.library import strengths
    from lib.planning import candidates, evaluations, partnerships
    from lib.planning import goals as strategy
    from lib.reporting import checklist

    with db.write() as session:
        staff = contacts.create_person(session, {"name": "Bo Bare", "is_staff": True})
        person = contacts.create_person(session, {"name": "Ida Uden"})
        club = contacts.create_organisation(session, {"name": "Foreningen Uden Type"})
        contacts.add_affiliation(session, person, club)
        session.add(Relation(from_person_id=staff, to_person_id=person))
        session.add(Relation(from_person_id=staff, to_organisation_id=club))
        strategy.create_goal(
            session,
            {
                "title": "Mål uden målinger",
                "baseline": 0,
                "target": 10,
                "baseline_date": today - dt.timedelta(days=30),
                "target_date": today + dt.timedelta(days=300),
            },
        )
        bare = partnerships.create_partnership(session, {"title": "Partnerskab uden noget"})
        evaluations.create_round(session, bare, today)
        candidates.create_assessment(session, {"organisation_id": club, "assessed_on": today})
        strengths.create_offer(session, {"title": "Tilbud uden team", "category": OFFER_CATEGORIES[0]}, today=today)
        checklist.save_self_assessment(session, today, {checklist.HEADINGS[0]: 3}, today=today)
        organisation.record_competence_assessment(
            session, staff, {"assessed_on": today, "scores": {organisation.COMPETENCE_ITEMS[0]: 3}}, today=today
        )


@pytest.fixture(scope="module")
def workspaces(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The URL of each workspace, made once for the module."""
    from lib.demo.workspace import create_demo_workspace

    folder = tmp_path_factory.mktemp("never_raw")
    urls = {name: f"sqlite:///{folder / name}.sqlite" for name in WORKSPACES}
    create_demo_workspace(open_database(urls["demo"]))
    import_examples(open_database(urls["examples"]))
    fill_bare(open_database(urls["examples"]), workspace_today())
    open_database(urls["empty"])
    yield urls
    for url in urls.values():
        forget_database(url)


@pytest.fixture(params=WORKSPACES)
def workspace(
    request: pytest.FixtureRequest, workspaces: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> tuple[str, Database]:
    """One of the workspaces (its name and database), also as ``DATABASE_URL`` (what the pages open)."""
    monkeypatch.setenv("DATABASE_URL", workspaces[request.param])
    return request.param, open_database(workspaces[request.param])


# --- what a page shows -----------------------------------------------------------------------------

#: Proto fields that are no text a reader sees: ids and keys, the chart's JSON and the table's data
#: (both read below, as what they show), icons, and the table's column names (its headers are in its
#: column configuration, read below).
_NOT_SHOWN = frozenset(
    {
        "id",
        "form_id",
        "spec",
        "arrow_data",
        "icon",
        "column_order",
        "columns",
        "url",
        "page_script_hash",
        "page",
        "default",
    }
)
#: Plotly keys whose strings are set-up, not text: the theme, colours, fonts and positions.
_CHART_SETUP = frozenset(
    {
        "template",
        "color",
        "colors",
        "colorscale",
        "fillcolor",
        "bgcolor",
        "bordercolor",
        "family",
        "type",
        "mode",
        "xref",
        "yref",
        "xanchor",
        "yanchor",
        "anchor",
        "hoverinfo",
        "textposition",
        "legendgroup",
        "uid",
        "dash",
        "symbol",
        "shape",
        "fill",
        "orientation",
        "layer",
        "xaxis",
        "yaxis",
        "tickformat",
        "hoverformat",
        "dtype",
        "bdata",
        "meta",
        "ticksuffix",
        "tickprefix",
        "line_color",
        "plot_bgcolor",
        "paper_bgcolor",
        "sizemode",
        "groupnorm",
        "barmode",
        "hovermode",
        "dragmode",
        "visible",
        "showlegend",
        "autorange",
        "rangemode",
        "categoryorder",
        "tickmode",
        "clickmode",
        "uirevision",
        "selectdirection",
        "textangle",
        "align",
        "valign",
    }
)


@dataclass
class Shown:
    """The texts a reader sees, each with where it was (for the failure message)."""

    texts: list[tuple[str, str]] = field(default_factory=list)
    #: Each text is read once, where it was first seen: a page shows the same options and headings in
    #: every run, and reading them again would only take time.
    seen: set[str] = field(default_factory=set)

    def add(self, where: str, text: Any) -> None:
        if isinstance(text, str) and text and text not in self.seen:
            self.seen.add(text)
            self.texts.append((where, text))

    def raw(self) -> list[tuple[str, str, str]]:
        """(where, the raw part, the text) for every raw part of every text."""
        return [(where, part, text[:160]) for where, text in self.texts for part in raw_parts(text)]


def _proto_texts(message: Message, path: str) -> Iterator[tuple[str, str]]:
    for descriptor, value in message.ListFields():
        if descriptor.name in _NOT_SHOWN:
            continue
        values = value if descriptor.is_repeated else [value]
        for item in values:
            if isinstance(item, Message):
                yield from _proto_texts(item, f"{path}.{descriptor.name}")
            elif isinstance(item, str):
                yield f"{path}.{descriptor.name}", item


def _json_texts(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in _CHART_SETUP:
                yield from _json_texts(item, f"{path}.{key}")
    elif isinstance(value, list):
        for item in value:
            yield from _json_texts(item, path)
    elif isinstance(value, str):
        yield path, value


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        missing = pd.isna(value)
    except (TypeError, ValueError):
        return False
    return isinstance(missing, bool) and missing


def _table_texts(table: Any, where: str, shown: Shown) -> None:
    """The headers and cells of ``st.dataframe`` / ``st.data_editor`` as the grid shows them.

    A missing cell shows the table's placeholder; without one, Streamlit writes "None" in it."""
    proto = table.proto
    frame = table.value
    config = json.loads(proto.columns) if proto.columns else {}
    order = [name for name in proto.column_order if name in frame.columns] or list(frame.columns)
    placeholder = proto.placeholder if proto.HasField("placeholder") else "None"
    for name in order:
        column_config = config.get(name) or config.get(f"_pos:{list(frame.columns).index(name)}") or {}
        if column_config.get("hidden"):
            continue
        shown.add(f"{where}[{name}].header", column_config.get("label") or str(name))
        for cell in frame[name]:
            if isinstance(cell, str):
                shown.add(f"{where}[{name}]", cell)
            elif isinstance(cell, (list, tuple)):
                for item in cell:
                    shown.add(f"{where}[{name}]", str(item))
            elif _is_missing(cell):
                # Marked as a missing cell: an English "None" of our own is allowed, this one is not.
                shown.add(f"{where}[{name}] (missing cell)", f"{placeholder} (a missing cell)" if placeholder else "")
            elif isinstance(cell, float) and cell != cell:
                shown.add(f"{where}[{name}]", "nan")


def shown_on(at: AppTest, where: str, shown: Shown | None = None) -> Shown:
    """Every text the page in ``at`` shows, main area and sidebar, added to ``shown``."""
    shown = shown or Shown()
    for node in at._tree:
        proto = getattr(node, "proto", None)
        if not isinstance(proto, Message):
            continue
        kind = node.type
        for path, text in _proto_texts(proto, f"{where}: {kind}"):
            shown.add(path, text)
        if kind == "plotly_chart":
            for path, text in _json_texts(json.loads(proto.spec), f"{where}: chart"):
                shown.add(path, text)
        elif kind == "dataframe":
            _table_texts(node, f"{where}: table", shown)
        if kind in ("text_input", "text_area"):
            shown.add(f"{where}: {kind}.value", node.value)
    return shown


# --- driving the pages -----------------------------------------------------------------------------


def open_page(page: str, lang: str, state: Mapping[str, Any] | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / page), default_timeout=TIMEOUT)
    at.session_state["lang"] = lang
    for key, value in (state or {}).items():
        at.session_state[key] = value
    return run(at)


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def spread(values: Sequence[Any], cap: int) -> list[Any]:
    """At most ``cap`` of ``values``, spread over all of them (first and last included)."""
    if len(values) <= cap:
        return list(values)
    if cap == 1:
        return [values[0]]
    return [values[i] for i in sorted({round(i * (len(values) - 1) / (cap - 1)) for i in range(cap)})]


def pick(values: Sequence[Any], cap: int) -> list[Any]:
    """At most ``cap`` of ``values`` (which come emptiest first): the first half of them, and the rest
    spread over the others. A record with the most missing values is where "nan" would show."""
    first = (cap + 1) // 2
    return [*values[:first], *spread(values[first:], cap - first)]


#: The values a picker can take, read from the workspace: (session) -> values.
Values = Callable[[Session], list[Any]]


def _ids(model: Any) -> Values:
    """The ids of ``model``'s records, the ones with the most missing values first."""
    from sqlalchemy import inspect as sa_inspect

    names = [attribute.key for attribute in sa_inspect(model).column_attrs]

    def ids(session: Session) -> list[int]:
        contacts = session.scalars(select(model).order_by(model.id)).all()
        return [r.id for r in sorted(contacts, key=lambda r: -sum(getattr(r, n) is None for n in names))]

    return ids


def _staff_ids(session: Session) -> list[int]:
    return list(session.scalars(select(Person.id).where(Person.is_staff.is_(True)).order_by(Person.id)))


def _nodes(kind: str | None = None) -> Values:
    """The map's nodes (of ``kind``), taking turns between the kinds: a staff member, a contact, an
    organisation, then the next of each."""

    def nodes(session: Session) -> list[str]:
        from itertools import chain, zip_longest

        from lib.network.graph import build_graph

        graph = build_graph(session)
        by_kind: dict[str, list[str]] = {}
        for node, node_kind in sorted(graph.nodes(data="kind"), key=lambda item: str(item[0])):
            if kind is None or node_kind == kind:
                by_kind.setdefault(str(node_kind), []).append(str(node))
        return [n for n in chain.from_iterable(zip_longest(*by_kind.values())) if n is not None]

    return nodes


def _slides(session: Session) -> list[int]:
    from lib.reporting.boardpack import SECTIONS

    return list(range(len(SECTIONS)))


def _teams(session: Session) -> list[str]:
    from components.strengths_views import NO_TEAM

    teams = list(session.scalars(select(StrengthOffer.team).distinct()))
    return [NO_TEAM if team is None else team for team in teams]


@dataclass(frozen=True)
class Visit:
    """A page and what to do on it: open each tab (``tab_key`` set to each of ``tabs``), and in the
    first, choose each value of each picker (the session-state key that says what is open or chosen)."""

    page: str
    tab_key: str | None = None
    tabs: Sequence[str] = ()
    pickers: Mapping[str, Values] = field(default_factory=dict)
    cap: int = 4
    #: Days added to the page's today (``today()`` of the module named, ``components.clock``): the retention list
    #: fills once time has passed.
    later: tuple[str, int] | None = None


def _visits() -> dict[str, Visit]:
    from components import (
        admin_views,
        board_views,
        evaluations_views,
        goals_views,
        network_views,
        organisation_views,
        partners_views,
        partnerships_views,
        records_views,
        strengths_views,
    )

    people, organisations = records_views.PERSON, records_views.ORGANISATION
    return {
        "router": Visit("dashboard.py"),
        "overview": Visit("pages/overview.py"),
        "tasks": Visit("pages/tasks.py"),
        "board": Visit("pages/board.py", pickers={board_views.SLIDE_KEY: _slides}),  # each section's screen
        "contacts": Visit(
            "pages/contacts.py",
            pickers={people.open_key: _ids(Person), organisations.open_key: _ids(Organisation)},
            cap=8,
        ),
        "network": Visit(
            "pages/network.py",
            tab_key=network_views.ACTIVE_TAB,
            tabs=network_views.TABS,
            pickers={network_views.OPEN_KEY: _nodes()},
        ),  # a node opens on the map (first tab)
        "network_views": Visit(
            "pages/network.py",
            tab_key=network_views.VIEW_KEY,
            tabs=[v for v in network_views.VIEWS if v != "whole"],
            pickers={network_views.MINE_KEY: _nodes("staff")},
            cap=2,
        ),
        "partners": Visit("pages/partners.py", tab_key=partners_views.ACTIVE_TAB, tabs=partners_views.TABS),
        "partners_assess": Visit(
            "pages/partners.py",
            tab_key=partners_views.ACTIVE_TAB,
            tabs=("assess",),
            pickers={partners_views.PICK_KEY: _ids(Organisation)},
        ),
        "partnerships": Visit("pages/partnerships.py", pickers={partnerships_views.OPEN_KEY: _ids(Partnership)}),
        "evaluations": Visit("pages/evaluations.py", pickers={evaluations_views.PICK_KEY: _ids(Partnership)}),
        "goals": Visit("pages/goals.py", pickers={goals_views.EDIT_PICK: _ids(Goal)}),
        "organisation": Visit(
            "pages/organisation.py",
            pickers={organisation_views.ASSESS_PICK: _staff_ids, organisation_views.PERSON_PICK: _staff_ids},
        ),
        "strengths": Visit(
            "pages/strengths.py",
            pickers={strengths_views.EDIT_PICK: _ids(StrengthOffer), strengths_views.TEAM_FILTER: _teams},
        ),
        "radar": Visit("pages/radar.py"),
        "library": Visit("pages/library.py"),
        "guide": Visit("pages/guide.py"),
        "accessibility": Visit("pages/accessibility.py"),
        "importer": Visit("pages/importer.py"),
        "admin": Visit("pages/admin.py", pickers={admin_views.PERSON_PICK: _ids(Person)}),
        # Five years on, every contact is on the retention list, with the picker to erase them.
        "admin_later": Visit("pages/admin.py", later=("components.clock", 5 * 365)),
    }


VISITS = _visits()


def visit(name: str, lang: str, db: Database, monkeypatch: pytest.MonkeyPatch | None = None) -> Shown:
    """What the page ``name`` shows in ``lang``: in each of its tabs, and after each choice of its pickers."""
    plan = VISITS[name]
    shown = Shown()
    if plan.later is not None:
        assert monkeypatch is not None
        module, days = plan.later
        monkeypatch.setattr(f"{module}.today", lambda: workspace_today() + dt.timedelta(days=days))
    with db.read() as session:
        choices = {key: pick(values(session), plan.cap) for key, values in plan.pickers.items()}
    for number, tab in enumerate(plan.tabs or (None,)):
        where = f"{name}[{lang}]" + (f" {tab}" if tab else "")
        at = open_page(plan.page, lang, {plan.tab_key: tab} if tab else {})
        shown_on(at, where, shown)
        for key, values in choices.items() if number == 0 else ():
            for value in values:
                at.session_state[key] = value
                shown_on(run(at), f"{where} {key}={value!r}", shown)
    return shown


def assert_nothing_raw(shown: Shown) -> None:
    found = shown.raw()
    assert not found, "\n".join(f"{where}: {part!r} in {text!r}" for where, part, text in found[:60])


def assert_read(shown: Shown, name: str) -> None:
    """A sweep that reads nothing cannot fail: on the demo every page gives texts, and the network page
    its table cells, a chart's strings, options and help texts."""
    wheres = " ".join(where for where, _ in shown.texts)
    if name == "network":
        assert "table[" in wheres and ": chart" in wheres and ".options" in wheres and ".help" in wheres
        assert len(shown.texts) > 500
    assert shown.texts


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", list(VISITS))
def test_no_page_shows_a_raw_value_or_key(
    workspace: tuple[str, Database], name: str, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace_name, db = workspace
    shown = visit(name, lang, db, monkeypatch)
    if workspace_name == "demo":
        assert_read(shown, name)
    assert_nothing_raw(shown)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_import_page_shows_no_raw_value_while_the_examples_are_imported(db: Database, lang: str) -> None:
    """Each example file chosen on the import page of an empty workspace, previewed and stored, in the
    order a library would: the preview of a later file shows the updates of what the earlier made."""
    from components.import_examples import example_key

    shown = Shown()
    at = open_page("pages/importer.py", lang)
    for name in EXAMPLE_ORDER:
        at.button(key=example_key(name)).click()
        shown_on(run(at), f"importer[{lang}] preview {name}", shown)
        at.button(key="imp_commit").click()
        shown_on(run(at), f"importer[{lang}] stored {name}", shown)
    assert "imp_last" in at.session_state and at.session_state["imp_last"].batch_id is not None
    assert_nothing_raw(shown)


def test_every_picker_has_records_to_open_in_the_demo(workspaces: dict[str, str]) -> None:
    """The sweep opens each record a picker offers; on the demo there must be some of each, or the sweep
    would not look at them."""
    with open_database(workspaces["demo"]).read() as session:
        for name, plan in VISITS.items():
            for key, values in plan.pickers.items():
                assert values(session), (name, key)


# --- files -----------------------------------------------------------------------------------------


def xlsx_texts(data: bytes, where: str, shown: Shown) -> None:
    """Every sheet name and text cell of an Excel file (empty cells are empty, which is fine)."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data))
    for sheet in workbook.worksheets:
        shown.add(f"{where} sheet name", sheet.title)
        for row in sheet.iter_rows(values_only=True):
            for cell in row:
                if cell is not None and not isinstance(cell, (int, float, dt.date, dt.time)):
                    shown.add(f"{where} {sheet.title!r}", str(cell))
                elif isinstance(cell, float) and cell != cell:
                    shown.add(f"{where} {sheet.title!r}", "nan")


def csv_texts(data: bytes, where: str, shown: Shown) -> None:
    import csv

    for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))):
        for cell in row:
            shown.add(where, cell)


def pdf_texts(data: bytes, where: str, shown: Shown) -> None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    for number, page in enumerate(document, start=1):
        for line in page.get_textpage().get_text_range().splitlines():
            shown.add(f"{where} page {number}", line)


def docx_texts(data: bytes, where: str, shown: Shown) -> None:
    """Every paragraph and table cell of a Word document."""
    from docx import Document

    document = Document(io.BytesIO(data))
    for paragraph in document.paragraphs:
        shown.add(where, paragraph.text)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                shown.add(f"{where} table", cell.text)


def pptx_texts(data: bytes, where: str, shown: Shown) -> None:
    """Text boxes, tables, native charts (categories and series names) and speaker notes of every slide."""
    from pptx import Presentation

    presentation = Presentation(io.BytesIO(data))
    for number, slide in enumerate(presentation.slides, start=1):
        here = f"{where} slide {number}"
        for shape in slide.shapes:
            if shape.has_text_frame:
                shown.add(here, shape.text_frame.text)
            if shape.has_table:
                for row in shape.table.rows:
                    for cell in row.cells:
                        shown.add(f"{here} table", cell.text)
            if shape.has_chart:
                chart = shape.chart
                if chart.has_title:
                    shown.add(f"{here} chart", chart.chart_title.text_frame.text)
                for plot in chart.plots:
                    for category in plot.categories:
                        shown.add(f"{here} chart category", str(category))
                    for series in plot.series:
                        shown.add(f"{here} chart series", series.name)
        if slide.has_notes_slide:
            shown.add(f"{here} notes", slide.notes_slide.notes_text_frame.text)


def xml_texts(data: bytes, where: str, shown: Shown) -> None:
    """Every attribute value and text of an XML file (GEXF, GraphML)."""
    from xml.etree import ElementTree

    for element in ElementTree.fromstring(data).iter():
        shown.add(where, (element.text or "").strip())
        for value in element.attrib.values():
            shown.add(where, value)


def json_texts(value: Any, where: str, shown: Shown) -> None:
    """The texts of a JSON document; its nulls are JSON's own way of saying "nothing" and are allowed."""
    for _, text in _json_texts(value, where):
        shown.add(where, text)


def frame_texts(frame: pd.DataFrame, where: str, shown: Shown) -> None:
    """A table lib hands on (headers and cells); a missing cell counts as what ``str`` makes of it."""
    for column in frame.columns:
        shown.add(f"{where} header", str(column))
        for cell in frame[column]:
            if isinstance(cell, str):
                shown.add(f"{where}[{column}]", cell)
            elif _is_missing(cell):
                continue  # a frame's empty cell: the writers leave it empty
            else:
                shown.add(f"{where}[{column}]", str(cell))


def pixel() -> bytes:
    """A PNG of one pixel: the board pack's charts are drawn by a browser; here their figures are read
    instead (every string of each), and this stands in for the picture."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1, 1), "white").save(buffer, "PNG")
    return buffer.getvalue()


def board_files(db: Database, lang: str, shown: Shown, monkeypatch: pytest.MonkeyPatch) -> None:
    from lib.reporting.boardpack import build, images, render
    from lib.reporting.boardpack.pdf import pdf_bytes

    picture_bytes = pixel()

    def picture(figure: Any, *_size: int) -> bytes:
        spec = figure.to_plotly_json() if hasattr(figure, "to_plotly_json") else dict(figure)
        for path, text in _json_texts(json.loads(json.dumps(spec, default=str)), f"board[{lang}] chart"):
            shown.add(path, text)
        return picture_bytes

    monkeypatch.setattr(images, "png", picture)
    with db.read() as session:
        pack = build(session, None, None, lang)
    pptx_texts(render(pack, "pptx"), f"board[{lang}].pptx", shown)
    pdf_texts(pdf_bytes(pack, render=picture), f"board[{lang}].pdf", shown)
    xlsx_texts(render(pack, "xlsx"), f"board[{lang}].xlsx", shown)


def workspace_files(db: Database, lang: str, shown: Shown, folder: Path) -> None:
    from lib.reporting.workspace_export import export_workspace

    export_workspace(db, "xlsx", folder / "export.xlsx")
    xlsx_texts((folder / "export.xlsx").read_bytes(), "workspace.xlsx", shown)
    export_workspace(db, "csv", folder / "csv")
    for path in sorted((folder / "csv").glob("*.csv")):
        csv_texts(path.read_bytes(), f"workspace {path.name}", shown)


def person_files(db: Database, lang: str, shown: Shown) -> None:
    from lib.privacy import personal_data

    with db.read() as session:
        people = pick(_ids(Person)(session), 4)
    with db.write() as session:
        for person_id in people:
            xlsx_texts(
                personal_data.person_export_xlsx(session, person_id, lang=lang), f"person {person_id}.xlsx", shown
            )
            json_texts(
                json.loads(personal_data.person_export_json(session, person_id)), f"person {person_id}.json", shown
            )


def event_files(db: Database, lang: str, shown: Shown) -> None:
    from lib.workspace.events import events_xlsx

    with db.write() as session:
        xlsx_texts(events_xlsx(session, lang=lang), "event log.xlsx", shown)


def import_reports(db: Database, lang: str, shown: Shown) -> None:
    """The problem report of each example file, as its preview in this workspace gives it."""
    from lib.ingest.contact_lists import error_report_xlsx, prepare_file, run_import

    for name in EXAMPLE_ORDER:
        prepared = prepare_file(db, name, (EXAMPLES / name).read_bytes())
        result = run_import(db, prepared.sheets, commit=False)
        xlsx_texts(error_report_xlsx(result, lang), f"import report {name}", shown)


def network_files(db: Database, lang: str, shown: Shown) -> None:
    from lib.network import export as netexport
    from lib.network.graph import build_graph

    with db.read() as session:
        graphs = {"contacts": build_graph(session), "board": build_graph(session, contact_details=False)}
    for name, graph in graphs.items():
        for details in (False, True):  # with contact details, and the map without (what a board sees)
            where = f"network {name} details={details}"
            xml_texts(netexport.gexf_bytes(graph, include_contact_details=details), f"{where}.gexf", shown)
            xml_texts(netexport.graphml_bytes(graph, include_contact_details=details), f"{where}.graphml", shown)
            # The complete map with details, the partial one without: each way of writing once.
            xlsx_texts(
                netexport.kumu_workbook(graph, lang=lang, include_contact_details=details, complete_map=details),
                f"{where} kumu complete={details}",
                shown,
            )


def flyer_files(db: Database, lang: str, shown: Shown) -> None:
    from lib.library import strengths

    with db.read() as session:
        pdf_texts(strengths.flyer_pdf(session, lang, workspace_today()), "flyer.pdf", shown)


def agreement_files(db: Database, lang: str, shown: Shown) -> None:
    """The agreement summaries, and the agreement to sign as Word and PDF (the first few partnerships:
    every document is drawn from the same model, so a few cover its texts, filled in and blank)."""
    from lib.planning import agreement_documents, partnerships

    with db.read() as session:
        for index, partnership_id in enumerate(session.scalars(select(Partnership.id).order_by(Partnership.id))):
            if index < 4:
                where = f"agreement document {partnership_id}"
                docx_texts(agreement_documents.agreement_docx(session, partnership_id, lang), f"{where}.docx", shown)
                pdf_texts(agreement_documents.agreement_pdf(session, partnership_id, lang), f"{where}.pdf", shown)
            summary = partnerships.agreement_summary(session, partnership_id, lang)
            frame_texts(partnerships.agreement_summary_frame(summary, lang), f"agreement {partnership_id}", shown)
            xlsx_texts(
                partnerships.agreement_summary_xlsx(session, partnership_id, lang),
                f"agreement {partnership_id}.xlsx",
                shown,
            )


def retention_list(db: Database, lang: str, shown: Shown) -> None:
    """The retention list five years on (everyone on it), as lib hands it to the page."""
    from lib.privacy import personal_data

    with db.read() as session:
        frame = personal_data.retention_candidates(session, workspace_today() + dt.timedelta(days=5 * 365))
    frame_texts(frame, "retention list", shown)


def templates(db: Database, lang: str, shown: Shown) -> None:
    from lib.planning.templates import TEMPLATES, template_xlsx

    for kind in TEMPLATES:
        xlsx_texts(template_xlsx(kind, lang), f"template {kind}", shown)


FILES: dict[str, Callable[..., None]] = {
    "workspace": workspace_files,
    "person": person_files,
    "events": event_files,
    "import_report": import_reports,
    "board": board_files,
    "network": network_files,
    "flyer": flyer_files,
    "agreements": agreement_files,
    "retention": retention_list,
    "templates": templates,
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", list(FILES))
def test_no_file_holds_a_raw_value_or_key(
    workspace: tuple[str, Database], name: str, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace_name, db = workspace
    shown = Shown()
    make = FILES[name]
    if name == "board":
        make(db, lang, shown, monkeypatch)
    elif name == "workspace":
        make(db, lang, shown, tmp_path)
    else:
        make(db, lang, shown)
    if workspace_name == "demo":  # a reader that reads nothing cannot fail: the demo's files give texts
        wheres = {where.split(" ", 1)[0] for where, _ in shown.texts}
        assert len(shown.texts) > 20, (name, wheres)
        if name == "board":
            assert {f"board[{lang}].pptx", f"board[{lang}].pdf", f"board[{lang}].xlsx", f"board[{lang}]"} <= wheres
    assert_nothing_raw(shown)
