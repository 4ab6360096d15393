"""``python -m lib route NAME``: the way in as JSON and as Danish text; unknown and ambiguous names."""

from __future__ import annotations

import json

from lib.db import Database
from tests.cli.test_cli import run_cli
from tests.network.test_network_graph import SmallWorkspace


def test_route_json_has_the_documented_shape(db: Database, db_url: str) -> None:
    SmallWorkspace(db)
    done = run_cli("route", "byskolen", "--json", "--db", db_url)
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert payload["target"]["name"] == "Byskolen" and payload["target"]["kind"] == "organisation"
    # Bo holds the partner relation with Byskolen; Anna knows Dorte, who works there (strength 5, undated).
    asks = [[step["name"] for step in path["steps"]] for path in payload["paths"]]
    assert asks == [["Bo Berg", "Byskolen"], ["Anna Andersen", "Dorte Dam", "Byskolen"]]
    first = payload["paths"][0]
    assert first["steps"][0] == {"name": "Bo Berg", "kind": "staff", "tie": None}
    assert first["steps"][1]["tie"]["strength"] == 3 and first["steps"][1]["tie"]["last_contact"] == "2026-10-15"
    assert isinstance(first["score"], float) and first["score"] > payload["paths"][1]["score"]


def test_route_text_is_danish_sentences(db: Database, db_url: str) -> None:
    SmallWorkspace(db)
    done = run_cli("route", "Dorte Dam", "--db", db_url)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Vejen ind til Dorte Dam:"
    assert lines[1].startswith(
        "1. Anna Andersen kender Dorte Dam rigtig godt (ingen kontaktdato). Spørg Anna Andersen."
    )
    assert lines[2].startswith("2. Bo Berg kender Dorte Dam (sidst i kontakt for ")


def test_route_unknown_and_ambiguous_names(db: Database, db_url: str) -> None:
    SmallWorkspace(db)
    unknown = run_cli("route", "Ingen Her", "--db", db_url)
    assert unknown.returncode == 1 and "Ingen organisation eller person hedder »Ingen Her«." in unknown.stderr
    ambiguous = run_cli("route", "BY", "--db", db_url)  # Byens Museum, Byskolen
    assert ambiguous.returncode == 2 and ambiguous.stdout == ""
    assert "Byens Museum (organisation)" in ambiguous.stderr and "Byskolen (organisation)" in ambiguous.stderr
    nobody = run_cli("route", "lokalavisen", "--db", db_url)
    assert nobody.returncode == 0 and "Ingen af os kender nogen her" in nobody.stdout
