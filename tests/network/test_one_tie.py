"""A pair of nodes with one tie (most pairs) gets its edge's attributes by a short way
(lib.network.build._one_tie): they must equal what merging a list of one tie gives, for any tie."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from lib.network.build import _merged, _one_tie
from lib.network.load import _Tie

dates = st.none() | st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 1, 1))
texts = st.none() | st.sampled_from(["", "colleague", "Leder", "kontakt"])
ties = st.builds(
    _Tie,
    kind=st.sampled_from(["partnership", "relation", "affiliation", "staff"]),
    weight=st.floats(min_value=0.01, max_value=100) | st.integers(min_value=1, max_value=9),
    relation_kind=texts,
    strength=st.none() | st.integers(min_value=1, max_value=5),
    first_contact=dates,
    last_contact=dates,
    start_date=dates,
    end_date=dates,
    owner=st.none() | st.sampled_from(["", "P1", "P2"]),
    holders=st.frozensets(st.sampled_from(["P1", "P2", "P3"])),
    relation_id=st.none() | st.integers(min_value=1, max_value=10**6),
    role=texts,
)


@given(ties)
def test_one_tie_gives_the_edge_that_merging_gives(tie: _Tie) -> None:
    assert _one_tie(tie) == _merged([tie])
