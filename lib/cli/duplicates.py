"""``python -m lib duplicates``: the pairs of people and of organisations that may be the same.

``duplicates [--json] [--db URL] [--lang en]`` lists, read-only:

* people: the pairs waiting on the review queue, and the pairs a scan would add to it now
  (``lib.contacts.open_duplicates``, ``find_near_duplicate_people``);
* organisations: the pairs ``lib.contacts.organisation_duplicates`` suggests (dismissed pairs left out).

Each pair names both records (id and name; organisations with their CVR number) and says why, in
words and as the rule's code, with the similarity score. Without ``--json`` it is a table.
"""

from __future__ import annotations

import argparse
import json
import os
from typing import Any

from lib.core.access import requires
from lib.core.i18n import t

#: Widest a name is shown in the table; longer names end in "…".
NAME_WIDTH = 40


def _lang(args: argparse.Namespace) -> str:
    return args.lang or os.environ.get("PARTNERSKABSRADAR_LANG", "da")


@requires("view_contacts")
def people_pairs(session: Any, lang: str) -> list[dict[str, Any]]:
    """The pairs of people on the review queue and those a scan would add, most likely first."""
    from sqlalchemy import select

    from lib.contacts import find_near_duplicate_people, open_duplicates
    from lib.db import Person

    pairs = [
        {
            "a": int(row.person_a_id),
            "b": int(row.person_b_id),
            "rule": row.rule,
            "score": float(row.score),
            "queued": True,
        }
        for row in open_duplicates(session).itertuples()
    ]
    pairs += [
        {"a": pair.person_a_id, "b": pair.person_b_id, "rule": pair.rule, "score": pair.score, "queued": False}
        for pair in find_near_duplicate_people(session)
    ]
    ids = {pair[side] for pair in pairs for side in ("a", "b")}
    query = select(Person.id, Person.name).where(Person.id.in_(ids))
    names = {person_id: name for person_id, name in session.execute(query)} if ids else {}
    pairs.sort(key=lambda pair: (-pair["score"], pair["a"], pair["b"]))
    return [
        {
            "a": {"id": pair["a"], "name": names.get(pair["a"])},
            "b": {"id": pair["b"], "name": names.get(pair["b"])},
            "rule": pair["rule"],
            "reason": _people_reason(pair["rule"], pair["score"], lang),
            "score": pair["score"],
            "queued": pair["queued"],
        }
        for pair in pairs
    ]


def _people_reason(rule: str, score: float, lang: str) -> str:
    reason = t(f"records.rule.{rule}", lang)
    return t("orgdup.cli.with_score", lang, reason=reason, score=int(score)) if rule.startswith("similar") else reason


@requires("view_board")
def organisation_pairs(session: Any, lang: str) -> list[dict[str, Any]]:
    """The pairs of organisations that may be one (``organisation_duplicates.find_organisation_duplicates``)."""
    from lib.contacts.organisation_duplicates import find_organisation_duplicates, reason_text

    return [
        {
            "a": {"id": pair.a.id, "name": pair.a.name, "cvr": pair.a.cvr},
            "b": {"id": pair.b.id, "name": pair.b.name, "cvr": pair.b.cvr},
            "rule": pair.rule,
            "reason": reason_text(pair, lang),
            "score": pair.score,
        }
        for pair in find_organisation_duplicates(session)
    ]


def cmd_duplicates(args: argparse.Namespace) -> int:
    """Print the pairs of people and of organisations that may be the same (``--json``: as JSON)."""
    from lib.db import open_database

    lang = _lang(args)
    with open_database(args.db, cached=False).read() as session:
        payload = {"people": people_pairs(session, lang), "organisations": organisation_pairs(session, lang)}
    if args.json:
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for part in ("people", "organisations"):
            print_table(part, payload[part], lang)
    return 0


def print_table(part: str, pairs: list[dict[str, Any]], lang: str) -> None:
    """One part ("people" or "organisations") as a heading with the count and a table A | B | why."""
    count = len(pairs)
    print(t(f"orgdup.cli.{part}.none" if count == 0 else f"orgdup.cli.{part}", lang, count=count))
    if not pairs:
        print()
        return
    rows = [("A", "B", t("orgdup.cli.reason", lang))]
    rows += [(_party(pair["a"]), _party(pair["b"]), pair["reason"]) for pair in pairs]
    widths = [max(len(row[column]) for row in rows) for column in (0, 1)]
    for a, b, reason in rows:
        print(f"  {a:<{widths[0]}}  {b:<{widths[1]}}  {reason}")
    print()


def _party(party: dict[str, Any]) -> str:
    name = " ".join(str(party.get("name") or "").split())
    if len(name) > NAME_WIDTH:
        name = name[: NAME_WIDTH - 1] + "…"
    cvr = f" (CVR {party['cvr']})" if party.get("cvr") else ""
    return f"#{party['id']} {name}{cvr}"
