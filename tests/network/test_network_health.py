"""Network health on the small hand-made workspace: exact findings for a fixed today."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from lib.core.dates import months_before
from lib.core.i18n import TEXTS
from lib.db import Database
from lib.network.graph import record_id
from lib.network.health import (
    cold_ties,
    months_between,
    potential_partners,
    reason_text,
    relations_per_staff,
)
from tests.network.test_network_graph import TODAY, SmallWorkspace

D = dt.date


def plain(frame: pd.DataFrame) -> list[list[object]]:
    """Rows as plain Python values, missing ones as None."""
    rows = frame.astype(object).values.tolist()
    return [[None if v is pd.NA or v is None else v for v in row] for row in rows]


@pytest.fixture
def ws(db: Database) -> SmallWorkspace:
    return SmallWorkspace(db)


def test_months_between_and_before() -> None:
    assert months_between(D(2025, 1, 15), D(2026, 11, 1)) == 21
    assert months_between(D(2026, 11, 1), D(2026, 11, 30)) == 0
    assert months_between(D(2026, 12, 1), D(2026, 11, 30)) == 0
    assert months_before(D(2026, 11, 1), 12) == D(2025, 11, 1)
    assert months_before(D(2024, 3, 31), 1) == D(2024, 2, 29)
    assert months_before(D(2026, 1, 15), 13) == D(2024, 12, 15)


def test_cold_ties_coldest_first_then_undated(ws: SmallWorkspace) -> None:
    cold = cold_ties(ws.graph(), months=12, today=TODAY)
    n = ws.node
    assert plain(cold[["owner", "other", "contact_date", "months_since", "no_date"]]) == [
        [n["bo"], None, D(2023, 6, 1), 41, False],  # Carl–Erik, held by Bo
        [n["anna"], n["dorte"], D(2024, 8, 1), 27, False],  # only a first contact
        [n["anna"], n["carl"], D(2025, 1, 15), 21, False],
        [n["bo"], n["frida"], None, None, True],
    ]
    assert cold.iloc[0]["other_label"] == "Carl Carlsen – Erik Eriksen"
    assert cold.iloc[2]["owner_label"] == "Anna Andersen" and cold.iloc[2]["strength"] == 3
    assert cold.iloc[2]["source"] == n["anna"] and cold.iloc[2]["target"] == n["carl"]


def test_cold_threshold_moves_with_months_and_today(ws: SmallWorkspace) -> None:
    G = ws.graph()
    assert (~cold_ties(G, months=24, today=TODAY)["no_date"]).sum() == 2
    assert (~cold_ties(G, months=1, today=TODAY)["no_date"]).sum() == 4  # + the museum (September)
    assert (~cold_ties(G, months=12, today=D(2024, 1, 1))["no_date"]).sum() == 0


def test_relations_per_staff(ws: SmallWorkspace) -> None:
    # What hangs on whom is lib.reporting.figures' one rule (OnePerson.per_staff): passed in, shown as it is.
    sole = {record_id(ws.node["bo"]): (1, 2)}
    table = relations_per_staff(ws.graph(), today=TODAY, sole=sole)
    assert plain(table.drop(columns=["label"])) == [
        # staff, ties, organisations, partnerships, sole organisations, sole partnerships, cold
        [ws.node["bo"], 4, 3, 2, 2, 1, 1],
        [ws.node["anna"], 3, 3, 2, 0, 0, 2],
    ]
    unknown = relations_per_staff(ws.graph(), today=TODAY)
    assert unknown["sole_partnerships"].isna().all() and unknown["sole_organisations"].isna().all()


def test_potential_partners_rank_everyone_who_is_not_a_partner(ws: SmallWorkspace) -> None:
    ranked = potential_partners(ws.graph(), today=TODAY)
    n = ws.node
    assert list(ranked["node"]) == [n["fond"], n["forening"], n["avis"]]
    assert list(ranked["rank"]) == [1, 2, 3]
    # Kulturfonden: 1 staff member (2) + 1 person (1) + 1 partner sharing contacts (2) of 31.5.
    assert list(ranked["score"]) == [15.9, 6.3, 0.0]
    first = ranked.iloc[0]
    assert first["reason_key"] == "network.reason.known"
    assert first["partner_labels"] == ["Byens Museum"]
    assert reason_text(first, "da") == (
        "1 medarbejder kender 1 person her; deler kontakter med 1 nuværende partner (Byens Museum); "
        "seneste kontakt for 41 måneder siden"
    )
    assert reason_text(first, "en") == (
        "1 staff member knows 1 person here; shares contacts with 1 current partner (Byens Museum); "
        "last contact 41 months ago"
    )
    assert reason_text(ranked.iloc[1], "da") == "1 medarbejder har direkte kontakt med organisationen"
    assert reason_text(ranked.iloc[2], "da") == "Ingen på biblioteket kender nogen her endnu"
    assert len(potential_partners(ws.graph(), limit=2, today=TODAY)) == 2


def test_reason_lists_are_shortened_in_words() -> None:
    row = {"reason_key": "network.reason.partners", "reason_params": {"count": 5, "names": ["A", "B", "C", "D", "E"]}}
    assert reason_text(row, "da") == "Deler kontakter med 5 nuværende partnere (A, B, C og 2 andre)"
    row["reason_params"] = {"count": 4, "names": ["A", "B", "C", "D"]}
    assert reason_text(row, "en") == "Shares contacts with 4 current partners (A, B, C and 1 more)"


def test_every_reason_key_has_both_languages() -> None:
    reasons = [key for key in TEXTS if key.startswith("network.")]
    assert len(reasons) > 50
    for key in reasons:
        assert TEXTS[key].get("da") and TEXTS[key].get("en"), key
