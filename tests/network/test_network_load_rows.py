"""The network's rows read through the database driver (issue 16): the same values, of the same types,
as SQLAlchemy's own row processing gives."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from lib.db import Affiliation, Organisation, Person, Relation
from lib.network.load import _plain_rows
from tests.network.test_network_graph import SmallWorkspace, ws  # noqa: F401 - the fixture

STATEMENTS = {
    "people": select(Person.id, Person.name, Person.is_staff, Person.created_at, Person.batch_id),
    "organisations": select(Organisation.id, Organisation.name, Organisation.sector, Organisation.created_at),
    "affiliations": select(Affiliation.id, Affiliation.person_id, Affiliation.start_date, Affiliation.end_date),
    "relations": select(
        Relation.id, Relation.kind, Relation.strength, Relation.weight, Relation.first_contact, Relation.last_contact
    ).order_by(Relation.id),
}


@pytest.mark.parametrize("name", STATEMENTS)
def test_rows_through_the_driver_equal_sqlalchemys(ws: SmallWorkspace, name: str) -> None:  # noqa: F811
    statement = STATEMENTS[name]
    with ws.db.read() as session:
        expected = session.execute(statement).all()
        found = _plain_rows(session, statement)
    assert expected, "the small workspace has rows of every kind"
    assert [tuple(row) for row in found] == [tuple(row) for row in expected]
    assert [[type(v) for v in row] for row in found] == [[type(v) for v in row] for row in expected]
    assert found[0]._fields == tuple(row for row in expected[0]._fields)


def test_a_statement_with_parameters_is_refused(ws: SmallWorkspace) -> None:  # noqa: F811
    with ws.db.read() as session, pytest.raises(ValueError, match="without parameters"):
        _plain_rows(session, select(Person.id).where(Person.name == "Anna"))
