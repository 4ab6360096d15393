"""Issue 10, item 10: what ``lib`` enforces is what the documentation promises.

* A session of ``Database.read()`` never writes, whoever uses it (admins too), on SQLite and
  PostgreSQL: ORM changes, INSERT/UPDATE/DELETE and commits are refused, and raw SQL is stopped by the
  database itself.
* Every public function of ``lib`` that takes a session or a database declares what it needs with
  ``lib.core.access.requires``. The generated tests below find each one, so a new function that forgets
  the declaration fails here; a board member (viewer) is refused every function beyond the board's
  permission, and the functions open to the board work for them and name nobody.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import inspect
import io
import pkgutil
from collections.abc import Iterator
from typing import Any

import networkx as nx
import pandas as pd
import pytest
from openpyxl import load_workbook
from sqlalchemy import func, insert, select, text
from sqlalchemy.exc import DBAPIError

import lib
from lib.core.access import BOARD, PERMISSIONS, AccessDenied, Principal, can, declared_permission
from lib.db import (
    EvaluationResponse,
    EvaluationRound,
    Goal,
    Organisation,
    Partnership,
    Person,
    ReadOnlySession,
    forget_database,
    open_database,
)
from lib.demo.workspace import create_demo_workspace

TODAY = dt.date(2026, 11, 1)
VIEWER = Principal(email="udvalg@kommune.dk", role="viewer")
EDITOR = Principal(email="mette@bib.dk", role="editor")
ADMIN = Principal(email="chef@bib.dk", role="admin")
#: The machinery of the checks themselves, not functions that read or write the workspace.
NOT_CHECKED = {"lib.core.access.principal_of", "lib.core.access.require_session"}


# --- the functions of lib ---------------------------------------------------------------------------


def _lib_functions() -> dict[str, Any]:
    """Every public function defined in a module of ``lib`` whose first parameter is ``session`` or ``db``."""
    found = {}
    for info in pkgutil.walk_packages(lib.__path__, "lib."):
        if info.name.endswith("__main__") or info.name.startswith(("lib.db.migrations", "lib.core.translations")):
            continue
        module = importlib.import_module(info.name)
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or name.startswith("_"):
                continue
            parameters = list(inspect.signature(function).parameters)
            qualified = f"{module.__name__}.{name}"
            if parameters and parameters[0] in ("session", "db") and qualified not in NOT_CHECKED:
                found[qualified] = function
    return found


FUNCTIONS = _lib_functions()
#: Those a viewer may not call at all, or only in their pseudonymised / aggregate variant.
BEYOND_BOARD = sorted(
    name for name, f in FUNCTIONS.items() if declared_permission(f) and not can(VIEWER, declared_permission(f))
)
#: Those open to the board, with the board's variant of the conditional ones.
BOARD_CALLS = sorted(
    name
    for name, f in FUNCTIONS.items()
    if declared_permission(f) == BOARD or getattr(f, "__requires_board_if__", None)
)


@dataclasses.dataclass
class Workspace:
    url: str
    names: set[str]
    emails: set[str]
    samples: dict[str, Any]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """The demo library, built once for the module."""
    url = f"sqlite:///{tmp_path_factory.mktemp('hardening') / 'demo.sqlite'}"
    db = open_database(url)
    create_demo_workspace(db, today=TODAY)
    with db.read() as session:
        people = session.execute(select(Person.name, Person.email)).all()
        evaluated = session.execute(
            select(EvaluationRound.partnership_id, EvaluationRound.id)
            .join(EvaluationResponse, EvaluationResponse.round_id == EvaluationRound.id)
            .order_by(EvaluationRound.id)
            .limit(1)
        ).one()
        samples = {
            "today": TODAY,
            "on": TODAY,
            "as_of": TODAY,
            "date": TODAY,
            "day": TODAY,
            "lang": "da",
            "key": "library_name",
            "partnership_id": evaluated[0],
            "round_id": evaluated[1],
            "partnership_ids": list(session.scalars(select(Partnership.id))),
            "goal_ids": list(session.scalars(select(Goal.id))),
            "text": "",
            "reach": None,
            "person_id": session.scalar(select(func.min(Person.id))),
            "org_id": session.scalar(select(func.min(Organisation.id))),
            "organisation_id": session.scalar(select(func.min(Organisation.id))),
            "fmt": "xlsx",
            "out_path": tmp_path_factory.mktemp("board") / "pack.xlsx",
        }
    # Names of one word ("Lis") could occur inside other words; full names cannot by accident.
    yield Workspace(url, {n for n, _ in people if " " in n.strip()}, {e for _, e in people if e}, samples)
    forget_database(url)


def _call(function: Any, workspace: Workspace, principal: Principal, **overrides: Any) -> Any:
    """``function`` called by ``principal`` on the demo workspace, with a sample for each required
    argument (None for one without a sample: a refusal must come before the argument is used)."""
    db = open_database(workspace.url).acting_as(principal)
    parameters = list(inspect.signature(function).parameters.values())[1:]
    arguments = dict(overrides)
    for parameter in parameters:
        if parameter.name in arguments or parameter.default is not inspect.Parameter.empty:
            continue
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        arguments[parameter.name] = workspace.samples.get(parameter.name)
    if next(iter(inspect.signature(function).parameters)) == "db":
        return function(db, **arguments)
    with db.read() as session:
        return function(session, **arguments)


def _texts(value: Any, seen: set[int] | None = None) -> Iterator[str]:
    """Every piece of text inside a result: frames, dataclasses, mappings, sequences, graphs."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, str):
        yield value
    elif isinstance(value, pd.DataFrame):
        yield from map(str, value.columns)
        for column in value.columns:
            for item in value[column].tolist():
                yield from _texts(item, seen)
        yield from _texts(dict(value.attrs), seen)
    elif isinstance(value, pd.Series):
        for item in value.tolist():
            yield from _texts(item, seen)
    elif isinstance(value, nx.Graph):
        for node, data in value.nodes(data=True):
            yield from _texts(node, seen)
            yield from _texts(data, seen)
        for _u, _v, data in value.edges(data=True):
            yield from _texts(data, seen)
        yield from _texts(value.graph, seen)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from _texts(getattr(value, item.name), seen)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(key, seen)
            yield from _texts(item, seen)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _texts(item, seen)
    elif hasattr(value, "__table__"):  # an ORM record
        for column in value.__table__.columns:
            yield from _texts(getattr(value, column.key), seen)


def _named(texts: Iterator[str], workspace: Workspace) -> list[str]:
    """The people's names and e-mails that occur in ``texts``."""
    found = set()
    for piece in texts:
        found |= {who for who in workspace.names | workspace.emails if who in piece}
    return sorted(found)


# --- every function declares what it needs ---------------------------------------------------------


def test_finding_10_every_lib_function_declares_what_it_needs() -> None:
    assert len(FUNCTIONS) > 100  # the walk found the modules
    undeclared = sorted(name for name, f in FUNCTIONS.items() if declared_permission(f) not in PERMISSIONS)
    assert not undeclared, (
        "decorate these with lib.core.access.requires(permission), choosing what their "
        f"result needs (docs/architecture.md, 'Who may do what'): {undeclared}"
    )


@pytest.mark.parametrize("name", BEYOND_BOARD)
@pytest.mark.slow
def test_finding_10_a_board_member_is_refused_every_function_beyond_the_board(workspace: Workspace, name: str) -> None:
    function = FUNCTIONS[name]
    # A conditional one is called in its other variant (names instead of pseudonyms).
    named = {key: not value for key, value in getattr(function, "__requires_board_if__", {}).items()}
    with pytest.raises(AccessDenied) as refused:
        _call(function, workspace, VIEWER, **named)
    assert refused.value.permission == declared_permission(function)


@pytest.mark.parametrize("name", BOARD_CALLS)
@pytest.mark.slow
def test_finding_10_what_is_open_to_the_board_works_for_a_board_member_and_names_nobody(
    workspace: Workspace, name: str
) -> None:
    function = FUNCTIONS[name]
    result = _call(function, workspace, VIEWER, **getattr(function, "__requires_board_if__", {}))
    texts = list(_texts(result))
    if name == "lib.reporting.boardpack.report":
        texts += _xlsx_texts(workspace.samples["out_path"].read_bytes())
    assert not _named(iter(texts), workspace)


def _xlsx_texts(data: bytes) -> list[str]:
    book = load_workbook(io.BytesIO(data), read_only=True)
    return [
        str(cell)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if cell is not None
    ]


def test_finding_10_the_contact_details_of_the_finding_are_refused_to_a_board_member(workspace: Workspace) -> None:
    from lib.library import staff
    from lib.network.graph import build_graph
    from lib.planning import evaluations, partnerships

    for function in (
        build_graph,
        partnerships.contact_log,
        evaluations.responses_frame,
        staff.staff_frame,
    ):
        with pytest.raises(AccessDenied):
            _call(function, workspace, VIEWER)
    # Staff still get them, names included.
    assert _named(_texts(_call(build_graph, workspace, EDITOR)), workspace)


@pytest.mark.slow
def test_finding_10_a_network_file_made_from_the_boards_graph_holds_no_person(workspace: Workspace) -> None:
    from lib.network.export import gexf_bytes, graphml_bytes, kumu_workbook
    from lib.network.graph import build_graph

    G = _call(build_graph, workspace, VIEWER, contact_details=False)
    assert G.number_of_nodes() > 300 and not G.graph["contact_details"]
    files = [
        gexf_bytes(G, include_contact_details=True).decode(),
        graphml_bytes(G, include_contact_details=True).decode(),
    ]
    assert not _named(iter(files), workspace)
    assert not _named(iter(_xlsx_texts(kumu_workbook(G, include_contact_details=True))), workspace)


def test_finding_10_setting_a_persons_purpose_needs_an_administrator(db) -> None:
    from lib import contacts
    from lib.privacy.personal_data import set_purpose

    with db.write() as session:
        person_id = contacts.create_person(session, {"name": "Anne Holm", "email": "anne@holm.dk"})
    with pytest.raises(AccessDenied), db.acting_as(EDITOR).write() as session:
        set_purpose(session, person_id, "Samarbejdspartner – legitim interesse")
    with db.acting_as(ADMIN).write() as session:
        assert set_purpose(session, person_id, "Samarbejdspartner – legitim interesse")
    with db.read() as session:
        assert session.get(Person, person_id).purpose == "Samarbejdspartner – legitim interesse"


# --- read sessions are read-only --------------------------------------------------------------------


def _people(db) -> list[str]:
    with db.read() as session:
        return sorted(session.scalars(select(Person.name)))


@pytest.mark.parametrize("principal", [VIEWER, ADMIN, None], ids=["viewer", "admin", "local"])
def test_finding_10_a_read_session_refuses_every_write(any_db_url: str, principal: Principal | None) -> None:
    db = open_database(any_db_url)
    with db.write() as session:
        session.add(Person(name="Anne Holm", name_key="anne holm", email="anne@holm.dk"))
    reader = db.acting_as(principal) if principal else db
    attempts = {
        "new record": lambda s: (s.add(Person(name="Bo Ny", name_key="bo ny")), s.flush()),
        "changed record and commit": lambda s: (setattr(s.scalar(select(Person)), "name", "Anne X"), s.commit()),
        "deleted record": lambda s: (s.delete(s.scalar(select(Person))), s.flush()),
        "insert statement": lambda s: s.execute(insert(Person).values(name="Cai", name_key="cai", is_staff=False)),
        "commit": lambda s: s.commit(),
    }
    for what, attempt in attempts.items():
        with pytest.raises(ReadOnlySession), reader.read() as session:
            attempt(session)
        assert _people(db) == ["Anne Holm"], what
    raw = (
        "INSERT INTO people (name, name_key, is_staff, created_at, updated_at) "
        "VALUES ('Dan', 'dan', false, '2026-01-01', '2026-01-01')"
    )
    for statement in (raw, "UPDATE people SET name = 'Anne X'", "DELETE FROM people"):
        with pytest.raises(DBAPIError), reader.read() as session:
            session.execute(text(statement))
        assert _people(db) == ["Anne Holm"], statement


def test_finding_10_a_connection_a_read_session_used_writes_again_afterwards(any_db_url: str) -> None:
    from lib import contacts

    db = open_database(any_db_url)
    for round_ in range(3):
        with db.read() as session:
            session.scalar(select(func.count(Person.id)))
        with db.write() as session:
            contacts.create_person(session, {"name": f"Person {round_}"})
    assert _people(db) == ["Person 0", "Person 1", "Person 2"]
    if db.is_sqlite:
        raw = db.engine.raw_connection()
        try:
            assert raw.cursor().execute("PRAGMA query_only").fetchone()[0] == 0
        finally:
            raw.close()


@pytest.mark.slow
def test_finding_10_nothing_in_lib_writes_through_a_read_session(workspace: Workspace) -> None:
    """The reads that once wrote on the side (stored node positions) use their own write session."""
    from lib.db import NodePosition
    from lib.network import layout
    from lib.network.graph import build_graph

    db = open_database(workspace.url).acting_as(EDITOR)
    with db.read() as session:
        G = build_graph(session, today=TODAY)
        placed = layout.positions(db, G, view="hardening")
    assert set(placed) == set(G)
    with db.read() as session:
        assert session.scalar(
            select(func.count()).select_from(NodePosition).where(NodePosition.view == "hardening")
        ) == len(G)
    # Editors do not draw on behalf of the board: a viewer cannot store positions.
    with pytest.raises(AccessDenied):
        layout.positions(open_database(workspace.url).acting_as(VIEWER), G, view="hardening-viewer")
