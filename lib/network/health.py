"""How healthy the network is: ties going cold, who holds what, and which organisations could
become partners. What hangs on one person is one rule, in :mod:`lib.reporting.figures`.

Every function takes the graph from :func:`lib.network.graph.build_graph` and, where time matters,
a ``today`` (default ``date.today()``) so that results are reproducible. Results are pandas frames
with plain columns; texts for people come from translation keys (``lib/core/translations/network.py``),
never from here.

Examples
--------
>>> cold = cold_ties(G, months=12, today=date(2026, 11, 1))         # doctest: +SKIP
>>> ranked = potential_partners(G, today=date(2026, 11, 1))         # doctest: +SKIP
>>> reason_text(ranked.iloc[0], "da")                               # doctest: +SKIP
'3 medarbejdere kender 4 personer her; deler kontakter med 2 nuværende partnere (Solbakke Museum, \
FOF Solbakke)'
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx
import pandas as pd

from lib.core.dates import months_before
from lib.core.frames import typed_frame
from lib.core.i18n import DEFAULT_LANGUAGE, t
from lib.network.graph import LIBRARY, StaffTie, organisation_view, partners_in, record_id, staff_ties_by_organisation

COLD_AFTER_MONTHS = 12
#: Partner names written out in a reason before "and n more".
NAMES_IN_REASON = 3

COLD_TIE_COLUMNS = (
    "source",
    "target",
    "owner",
    "owner_label",
    "other",
    "other_label",
    "relation_kind",
    "strength",
    "contact_date",
    "months_since",
    "no_date",
)
STAFF_COLUMNS = (
    "staff",
    "label",
    "ties",
    "organisations",
    "partnerships",
    "sole_organisations",
    "sole_partnerships",
    "cold_ties",
)
PARTNER_COLUMNS = (
    "node",
    "label",
    "org_type",
    "sector",
    "score",
    "rank",
    "staff_count",
    "people_known",
    "direct",
    "partner_count",
    "partner_labels",
    "near_partner_count",
    "max_strength",
    "last_contact",
    "months_since",
    "reason_key",
    "reason_params",
    "reasons",
)


# --- dates ------------------------------------------------------------------------------------------


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole calendar months from ``earlier`` to ``later`` (0 within the first month).

    >>> months_between(dt.date(2025, 1, 31), dt.date(2025, 3, 30))
    1
    """
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return max(months, 0)


def _label(G: nx.Graph, node: str | None) -> str | None:
    if node is None:
        return None
    return str(G.nodes[node].get("label", node)) if node in G else node


def _has_kind(data: Mapping[str, Any], kind: str) -> bool:
    return kind in (data.get("kinds") or {data.get("kind")})


# --- cold ties --------------------------------------------------------------------------------------


def _held_relations(G: nx.Graph) -> Iterable[tuple[str, str, dict[str, Any]]]:
    """Relation edges the library holds: a staff member owns them or stands at one end."""
    for u, v, data in G.edges(data=True):
        if _has_kind(data, "relation") and data.get("owner"):
            yield u, v, data


def cold_ties(G: nx.Graph, months: int = COLD_AFTER_MONTHS, today: dt.date | None = None) -> pd.DataFrame:
    """The library's ties not in use for ``months`` months or more: ties going cold.

    Parameters
    ----------
    G : networkx.Graph
        From :func:`~lib.network.graph.build_graph`.
    months : int
        A tie is cold when its last contact (its first contact when no last one is known) lies
        before the same day ``months`` months ago.
    today : date, optional
        Default ``date.today()``.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLD_TIE_COLUMNS`: both ends (``source`` is the owner's end when the owner
        is one of them), the staff ``owner`` holding the tie, the ``other`` party (None when the
        owner holds a tie between two other people, whose ends are then ``source`` and
        ``target``), ``relation_kind``, ``strength``, ``contact_date``, whole ``months_since``.
        Coldest first. Ties with no date at all follow, flagged ``no_date``: nobody knows how
        warm they are, which is a finding of its own.

    Notes
    -----
    Only relations held by a staff member count: a tie between two organisations nobody at the
    library holds is not the library's to keep warm.
    """
    today = today or dt.date.today()
    cutoff = months_before(today, months)
    dated: list[dict[str, Any]] = []
    undated: list[dict[str, Any]] = []
    for u, v, data in _held_relations(G):
        contact = _contact_date(data)
        if contact is not None and contact >= cutoff:
            continue  # a warm tie: most of a big network's, so no row is made for it
        owner = data["owner"]
        source, target = (v, u) if v == owner else (u, v)
        other = target if source == owner else None
        row = {
            "source": source,
            "target": target,
            "owner": owner,
            "owner_label": _label(G, owner),
            "other": other,
            "other_label": _label(G, other) if other else f"{_label(G, source)} – {_label(G, target)}",
            "relation_kind": data.get("relation_kind"),
            "strength": data.get("strength"),
            "contact_date": contact,
            "months_since": months_between(contact, today) if contact else None,
            "no_date": contact is None,
        }
        if contact is None:
            undated.append(row)
        elif contact < cutoff:
            dated.append(row)
    dated.sort(key=lambda r: (r["contact_date"], r["owner_label"] or "", r["other_label"] or ""))
    undated.sort(key=lambda r: (r["owner_label"] or "", r["other_label"] or ""))
    return typed_frame(
        dated + undated, COLD_TIE_COLUMNS, whole_or_missing=("strength", "months_since"), booleans=("no_date",)
    )


def cold_tie_count(G: nx.Graph, months: int = COLD_AFTER_MONTHS, today: dt.date | None = None) -> int:
    """How many dated ties :func:`cold_ties` finds (its rows without ``no_date``), counted without
    making them: the key figure ``cold_ties`` of the board and the start page."""
    cutoff = months_before(today or dt.date.today(), months)
    contacts = (_contact_date(data) for *_, data in _held_relations(G))
    return sum(1 for contact in contacts if contact is not None and contact < cutoff)


def _contact_date(data: dict[str, Any]) -> dt.date | None:
    """When a tie was last in contact: its last contact, else its first."""
    return data.get("last_contact") or data.get("first_contact")


# --- per staff member -------------------------------------------------------------------------------


def relations_per_staff(
    G: nx.Graph,
    months: int = COLD_AFTER_MONTHS,
    today: dt.date | None = None,
    sole: Mapping[int, tuple[int, int]] | None = None,
) -> pd.DataFrame:
    """What each staff member holds for the library.

    Parameters
    ----------
    G : networkx.Graph
    months, today
        As for :func:`cold_ties`.

    Returns
    -------
    pandas.DataFrame
        One row per staff member, most ties first: ``ties`` (relations they hold or take part in),
        ``organisations`` reached, ``partnerships`` among them, ``sole_partnerships`` and
        ``sole_organisations`` (what hangs on them alone: ``sole`` is ``{staff id: (partnerships,
        organisations)}`` from :meth:`lib.reporting.figures.OnePerson.per_staff`, the one rule; missing
        without it), and ``cold_ties`` held.
    """
    staff = [v for v, kind in G.nodes(data="kind") if kind == "staff"]
    ties: dict[str, set[frozenset[str]]] = defaultdict(set)
    for u, v, data in G.edges(data=True):
        if not _has_kind(data, "relation"):
            continue
        for member in set(data.get("holders") or ()) | {n for n in (u, v) if n in staff}:
            ties[member].add(frozenset((u, v)))
    reached: dict[str, set[str]] = defaultdict(set)
    for org, org_ties in staff_ties_by_organisation(G).items():
        for tie in org_ties:
            reached[tie.staff].add(org)
    partners = partners_in(G)
    cold = cold_ties(G, months, today)
    cold_by_owner = cold[~cold["no_date"]]["owner"].value_counts().to_dict()
    rows = []
    for member in staff:
        member_id = record_id(member)
        mine = None if sole is None or member_id is None else sole.get(member_id, (0, 0))
        rows.append(
            {
                "staff": member,
                "label": _label(G, member),
                "ties": len(ties[member]),
                "organisations": len(reached[member]),
                "partnerships": len(reached[member] & partners),
                "sole_organisations": None if mine is None else mine[1],
                "sole_partnerships": None if mine is None else mine[0],
                "cold_ties": int(cold_by_owner.get(member, 0)),
            }
        )
    rows.sort(key=lambda r: (-r["ties"], str(r["label"]), r["staff"]))
    return typed_frame(rows, STAFF_COLUMNS, whole_or_missing=STAFF_COLUMNS[2:])


# --- potential partners -----------------------------------------------------------------------------

#: Points per fact and the most of each that counts (see :func:`potential_partners`).
_POINTS = {"staff": (2.0, 5), "people": (1.0, 5), "partners": (2.0, 5), "near": (0.5, 5)}
_STRENGTH_POINTS = 0.5  # per step above 1, so 0-2
_RECENT_POINTS = ((6, 2.0), (12, 1.0))  # within 6 months: 2; within 12: 1
_MAX_POINTS = sum(p * cap for p, cap in _POINTS.values()) + 4 * _STRENGTH_POINTS + _RECENT_POINTS[0][1]


def _partner_neighbours(view: nx.Graph, org: str, partners: set[str]) -> tuple[list[str], set[str]]:
    """Partners tied to ``org`` in the organisation view (most ties first), and those two steps away.

    The library is left out of the two-step search: everything the staff know is one step from
    the library, so a path through it says nothing about the organisation.
    """
    if org not in view:
        return [], set()
    direct = [p for p in view[org] if p in partners]
    direct.sort(key=lambda p: (-view.edges[org, p].get("ties", 1), str(view.nodes[p].get("label", p))))
    near = {
        p
        for middle in view[org]
        if middle != LIBRARY
        for p in view[middle]
        if p in partners and p != org and p not in direct
    }
    return direct, near


def _facts(ties: list[StaffTie], org: str, today: dt.date) -> dict[str, Any]:
    strengths = [tie.strength for tie in ties if tie.strength is not None]
    contacts = [tie.last_contact for tie in ties if tie.last_contact is not None]
    last = max(contacts, default=None)
    return {
        "staff_count": len({tie.staff for tie in ties}),
        "people_known": len({tie.via for tie in ties if tie.via != org}),
        "direct_staff": len({tie.staff for tie in ties if tie.via == org}),
        "max_strength": max(strengths, default=None),
        "last_contact": last,
        "months_since": months_between(last, today) if last else None,
    }


def _score(facts: Mapping[str, Any]) -> float:
    points = 0.0
    for name, value in (
        ("staff", facts["staff_count"]),
        ("people", facts["people_known"]),
        ("partners", facts["partner_count"]),
        ("near", facts["near_partner_count"]),
    ):
        per, cap = _POINTS[name]
        points += per * min(value, cap)
    if facts["max_strength"]:
        points += _STRENGTH_POINTS * (facts["max_strength"] - 1)
    if facts["months_since"] is not None:
        points += next((p for within, p in _RECENT_POINTS if facts["months_since"] <= within), 0.0)
    return round(100 * points / _MAX_POINTS, 1)


def _reasons(facts: Mapping[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The facts behind a score as (translation key, params), most telling first."""
    parts: list[tuple[str, dict[str, Any]]] = []
    staff, people = facts["staff_count"], facts["people_known"]
    if people:
        parts.append(("network.reason.known", {"staff": staff, "people": people}))
    if facts["direct_staff"]:
        parts.append(("network.reason.direct", {"staff": facts["direct_staff"]}))
    if facts["partner_count"]:
        parts.append(
            ("network.reason.partners", {"count": facts["partner_count"], "names": list(facts["partner_labels"])})
        )
    if facts["near_partner_count"]:
        parts.append(("network.reason.near_partners", {"count": facts["near_partner_count"]}))
    if facts["max_strength"] and facts["max_strength"] >= 4:
        parts.append(("network.reason.strong", {"strength": facts["max_strength"]}))
    if facts["months_since"] is not None:
        months = facts["months_since"]
        key = "network.reason.recent_this_month" if months == 0 else "network.reason.recent"
        parts.append((key, {"months": months}))
    return parts or [("network.reason.none", {})]


def potential_partners(G: nx.Graph, limit: int | None = None, today: dt.date | None = None) -> pd.DataFrame:
    """Every organisation that is not a partner yet, ranked by how close it already is.

    Parameters
    ----------
    G : networkx.Graph
        From :func:`~lib.network.graph.build_graph`.
    limit : int, optional
        Return only the first ``limit`` rows. None (the default) returns all: the ranking orders,
        it never hides anyone.
    today : date, optional
        For recency; default ``date.today()``.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`PARTNER_COLUMNS`, best first. ``score`` is 0-100 and ``rank`` 1, 2, ...
        (equal scores share a rank). ``reason_key`` and ``reason_params`` give the most telling
        fact as a translation key and its parameters; ``reasons`` lists every fact that way, and
        :func:`reason_text` writes them out.

    Notes
    -----
    Points are added for what the library already has there, each up to a cap of five:
    2 per staff member who knows the organisation or someone there, 1 per person there the staff
    know, 2 per current partner sharing contacts with it (a tie between the two in the
    organisation view), 0.5 per partner two steps away through another organisation; plus up to 2
    for the strongest staff tie (0.5 per step above 1) and 2 for a contact within 6 months (1
    within 12). The sum is shown as a share of the most possible. Organisations with nothing score
    0 and are listed last, by name, with the reason that no one knows them yet.
    """
    today = today or dt.date.today()
    partners = partners_in(G)
    by_org = staff_ties_by_organisation(G)
    view = organisation_view(G)
    rows = []
    for org, data in G.nodes(data=True):
        if data.get("kind") != "organisation" or org in partners:
            continue
        facts = _facts(by_org.get(org, []), org, today)
        direct, near = _partner_neighbours(view, org, partners)
        facts.update(
            partner_count=len(direct),
            near_partner_count=len(near),
            partner_labels=[str(view.nodes[p].get("label", p)) for p in direct],
        )
        reasons = _reasons(facts)
        rows.append(
            {
                "node": org,
                "label": data.get("label", org),
                "org_type": data.get("org_type"),
                "sector": data.get("sector"),
                "score": _score(facts),
                "direct": facts["direct_staff"] > 0,
                **{
                    k: facts[k]
                    for k in (
                        "staff_count",
                        "people_known",
                        "partner_count",
                        "partner_labels",
                        "near_partner_count",
                        "max_strength",
                        "last_contact",
                        "months_since",
                    )
                },
                "reason_key": reasons[0][0],
                "reason_params": reasons[0][1],
                "reasons": reasons,
            }
        )
    frame = typed_frame(
        rows,
        [c for c in PARTNER_COLUMNS if c != "rank"],
        whole_or_missing=(
            "staff_count",
            "people_known",
            "partner_count",
            "near_partner_count",
            "max_strength",
            "months_since",
        ),
        booleans=("direct",),
        floats=("score",),
    )
    if frame.empty:
        frame.insert(frame.columns.get_loc("score") + 1, "rank", pd.Series(dtype="Int64"))
        return frame
    frame["label_key"] = frame["label"].astype(str).str.casefold()
    frame = frame.sort_values(["score", "label_key", "node"], ascending=[False, True, True], kind="stable")
    frame = frame.drop(columns="label_key").reset_index(drop=True)
    frame.insert(
        frame.columns.get_loc("score") + 1, "rank", frame["score"].rank(method="min", ascending=False).astype("Int64")
    )
    return frame.head(limit) if limit is not None else frame


def _names(names: list[str], lang: str) -> str:
    shown = ", ".join(names[:NAMES_IN_REASON])
    if len(names) > NAMES_IN_REASON:
        rest = len(names) - NAMES_IN_REASON
        shown += " " + t("network.reason.and_more", lang, count=rest)
    return shown


def reason_part_text(key: str, params: Mapping[str, Any], lang: str = DEFAULT_LANGUAGE) -> str:
    """One reason in words: lists in the parameters become "a, b, c and 2 more"."""
    shown = {
        name: _names(list(value), lang) if isinstance(value, (list, tuple)) else value for name, value in params.items()
    }
    return t(key, lang, **shown)


def reason_text(row: Mapping[str, Any] | pd.Series, lang: str = DEFAULT_LANGUAGE) -> str:
    """The reasons of one row of :func:`potential_partners` as one sentence in ``lang``.

    Examples
    --------
    >>> reason_text({"reason_key": "network.reason.none", "reason_params": {}}, "en")
    'Nobody at the library knows anyone here yet'
    """
    parts = row.get("reasons") if hasattr(row, "get") else None
    if parts is None or (not isinstance(parts, list)):
        parts = [(row["reason_key"], row["reason_params"] or {})]
    text = "; ".join(reason_part_text(key, params or {}, lang) for key, params in parts)
    return text[:1].upper() + text[1:]
