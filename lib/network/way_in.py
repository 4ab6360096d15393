"""Find vejen ind: the best introduction paths from the library's staff to an organisation or a person.

A path starts at a staff member (who to ask), takes at most :data:`MAX_STEPS` ties and ends at the
target; it never passes through the library's own node (every partner is two steps from every staff
member through it, which says nothing), nor through another staff member (then that colleague is the
one to ask, on a shorter path of their own). For an organisation, the people who work there are the
way in: "arbejder på" (an affiliation) is the last step.

How a path is scored (docs/way_in.md says the same for users):

* a relation's value is its strength out of 5 (without a strength, the tie's weight on the same scale,
  else :data:`~lib.network.nodes.DEFAULT_STRENGTH`) times its freshness, which halves with every
  :data:`HALF_LIFE_MONTHS` months since the last contact (never below :data:`FLOOR`; a relation
  without a contact date counts as :data:`UNDATED_MONTHS` months old);
* an affiliation ("arbejder på") is worth 1 from the person to the organisation: the person works
  there now; from an organisation on to a person who works there it is worth :data:`COLLEAGUE`
  (knowing an organisation is not knowing everyone who works there);
* a path's score is the product of its ties' values times :data:`STEP_FACTOR` for every step after
  the first, shown as 0-100. A longer path of strong, fresh ties beats a shorter one of weak or cold
  ties; of two equally good ties, the shorter path wins.

Each staff member gets their best path; the paths are ordered by score, then fewer steps, then the
fresher oldest tie, then the staff member's name and node id, so equal scores always come out in
the same order. The search runs backwards from the target, three layers deep, so it touches only
the ties near the target, never all pairs.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.i18n import t
from lib.db import Database
from lib.db.revision import RevisionCache
from lib.network.build import build_graph, kept_for_graph
from lib.network.health import months_between
from lib.network.nodes import DEFAULT_STRENGTH, LIBRARY, STRONGEST

#: At most this many ties from a staff member to the target.
MAX_STEPS = 3
#: A tie's freshness halves with every this many months since its last contact.
HALF_LIFE_MONTHS = 12
#: The least freshness a tie keeps, however old.
FLOOR = 0.25
#: A relation without any contact date counts as this many months old.
UNDATED_MONTHS = 12
#: Every step after the first multiplies a path's score by this.
STEP_FACTOR = 0.8
#: What "works at" is worth from an organisation in the middle of a path on to a person working there.
COLLEAGUE = 0.5
#: Node kinds a path may end at.
TARGET_KINDS = ("organisation", "contact")
#: How many staff members the answer without a path names as the nearest.
NEAREST = 3

_EPSILON = 1e-12


@dataclass(frozen=True)
class Step:
    """One node of a path and the tie that led to it (None for the staff member who starts it)."""

    node: str
    name: str
    kind: str
    tie: str | None = None  # "relation" or "affiliation"
    strength: int | None = None  # as recorded; None when nobody gave one (the ranking then uses the default)
    last_contact: dt.date | None = None


@dataclass(frozen=True)
class WayIn:
    """One introduction path: ``steps[0]`` is the staff member to ask, ``steps[-1]`` the target."""

    steps: tuple[Step, ...]
    score: float

    @property
    def staff(self) -> Step:
        return self.steps[0]

    @property
    def oldest_contact(self) -> dt.date | None:
        """How fresh the path is: its oldest relation's last contact (None when no relation is dated)."""
        return min((s.last_contact for s in self.steps if s.tie == "relation" and s.last_contact), default=None)


@dataclass(frozen=True)
class Nearest:
    """A staff member nearest to a target no path of at most three steps reaches, by any route."""

    staff: str
    name: str
    steps: int


@dataclass(frozen=True)
class WayInAnswer:
    """The way in to ``target``: the paths, best first, or, without one, the nearest staff members."""

    target: str
    name: str
    kind: str
    paths: tuple[WayIn, ...]
    nearest: tuple[Nearest, ...] = field(default_factory=tuple)


# --- scoring -----------------------------------------------------------------------------------------


def tie_strength(edge: Mapping[str, Any]) -> int:
    """A relation's strength on the 1-5 scale: its own, else its weight, else the default."""
    stated = stated_strength(edge)
    return DEFAULT_STRENGTH if stated is None else stated


def stated_strength(edge: Mapping[str, Any]) -> int | None:
    """A relation's strength on the 1-5 scale as recorded (its own, else a network file's weight);
    None when none was given: then a sentence says only that they know each other.

    A relation with neither weighs :data:`DEFAULT_STRENGTH` in the graph, so a mean weight of exactly
    that is read as "not given" (a file's weight of 2.0 then says less than it could, never something
    the file did not say)."""
    if edge.get("strength"):
        return int(edge["strength"])
    weight = (edge.get("weights_by_kind") or {}).get("relation")
    count = (edge.get("ties_by_kind") or {}).get("relation") or 1
    if not weight or weight / count == DEFAULT_STRENGTH:
        return None
    return max(1, min(STRONGEST, round(weight / count)))


def freshness(last_contact: dt.date | None, today: dt.date) -> float:
    """1 for a contact this month, halving every :data:`HALF_LIFE_MONTHS` months, at least :data:`FLOOR`."""
    months = UNDATED_MONTHS if last_contact is None else months_between(last_contact, today)
    return max(FLOOR, 0.5 ** (months / HALF_LIFE_MONTHS))


def _is_affiliation(edge: Mapping[str, Any]) -> bool:
    return "affiliation" in edge.get("kinds", frozenset((edge.get("kind"),)))


def _has_relation(edge: Mapping[str, Any]) -> bool:
    return "relation" in edge.get("kinds", frozenset((edge.get("kind"),)))


def tie_value(edge: Mapping[str, Any], today: dt.date, from_organisation: bool = False) -> float:
    """What a tie is worth on a path: 1 for "works there" (:data:`COLLEAGUE` from an organisation on
    to a person), strength/5 × freshness for a relation; 0 for a tie that is neither (never used)."""
    if _is_affiliation(edge):
        return COLLEAGUE if from_organisation else 1.0
    if _has_relation(edge):
        return tie_strength(edge) / STRONGEST * freshness(edge.get("last_contact"), today)
    return 0.0


# --- the search --------------------------------------------------------------------------------------


def _sort_key(G: nx.Graph, node: str) -> tuple[str, str]:
    return (str(G.nodes[node].get("label", node)).casefold(), node)


def way_in(G: nx.Graph, target: str, today: dt.date, *, limit: int | None = None) -> WayInAnswer:
    """The best introduction path from each staff member to ``target`` (a node of ``G``), best first.

    ``G`` is :func:`~lib.network.graph.build_graph`'s graph. Paths follow relation and affiliation
    ties only, never the library node nor another staff member, and take at most :data:`MAX_STEPS`
    ties. ``limit`` keeps the first paths. Without any path, :attr:`WayInAnswer.nearest` names the
    staff members nearest to the target by any route that avoids the library (empty when none is).
    """
    data = G.nodes[target]
    # best[v] = (score, chain from v to the target); layer by layer, backwards from the target.
    layer: dict[str, tuple[float, tuple[str, ...]]] = {target: (1.0, (target,))}
    found: dict[str, tuple[float, tuple[str, ...]]] = {}
    for depth in range(1, MAX_STEPS + 1):
        following: dict[str, tuple[float, tuple[str, ...]]] = {}
        factor = 1.0 if depth == 1 else STEP_FACTOR
        for u in sorted(layer, key=lambda n: _sort_key(G, n)):
            score_u, chain_u = layer[u]
            for v, edge in G[u].items():
                if v in (LIBRARY, target) or v in chain_u:
                    continue
                value = tie_value(edge, today, G.nodes[v].get("kind") == "organisation")
                if value <= 0.0:
                    continue
                candidate = (score_u * value * factor, (v, *chain_u))
                is_staff = G.nodes[v].get("kind") == "staff"
                if is_staff:
                    _keep_better(found, v, candidate, G)
                elif depth < MAX_STEPS:
                    _keep_better(following, v, candidate, G)
        layer = following
        if not layer:
            break
    paths = [_path(G, chain, score, today) for score, chain in found.values()]
    paths.sort(key=lambda p: _path_order(G, p))
    if limit is not None:
        paths = paths[:limit]
    nearest = () if paths else nearest_staff(G, target)
    return WayInAnswer(
        target=target,
        name=str(data.get("label", target)),
        kind=str(data.get("kind")),
        paths=tuple(paths),
        nearest=nearest,
    )


def _keep_better(
    best: dict[str, tuple[float, tuple[str, ...]]], v: str, candidate: tuple[float, tuple[str, ...]], G: nx.Graph
) -> None:
    """Keep ``candidate`` for ``v`` when it scores higher (or equal, with fewer steps or the first chain by name)."""
    held = best.get(v)
    if held is None or candidate[0] > held[0] + _EPSILON:
        best[v] = candidate
        return
    if abs(candidate[0] - held[0]) <= _EPSILON and _chain_key(G, candidate[1]) < _chain_key(G, held[1]):
        best[v] = candidate


def _chain_key(G: nx.Graph, chain: tuple[str, ...]) -> tuple[int, list[tuple[str, str]]]:
    return (len(chain), [_sort_key(G, n) for n in chain])


def _path_order(G: nx.Graph, path: WayIn) -> tuple[Any, ...]:
    oldest = path.oldest_contact
    return (
        -path.score,
        len(path.steps),
        -(oldest.toordinal() if oldest else 0),
        [_sort_key(G, s.node) for s in path.steps],
    )


def _path(G: nx.Graph, chain: tuple[str, ...], score: float, today: dt.date) -> WayIn:
    steps = [_step(G, chain[0], None)]
    for u, v in zip(chain, chain[1:], strict=False):
        steps.append(_step(G, v, G.edges[u, v]))
    return WayIn(steps=tuple(steps), score=round(100 * score, 1))


def _step(G: nx.Graph, node: str, edge: Mapping[str, Any] | None) -> Step:
    data = G.nodes[node]
    name, kind = str(data.get("label", node)), str(data.get("kind"))
    if edge is None:
        return Step(node, name, kind)
    if _is_affiliation(edge):
        return Step(node, name, kind, tie="affiliation")
    return Step(node, name, kind, tie="relation", strength=stated_strength(edge), last_contact=edge.get("last_contact"))


def nearest_staff(G: nx.Graph, target: str, count: int = NEAREST) -> tuple[Nearest, ...]:
    """The staff members nearest to ``target`` by any route that avoids the library (a breadth-first
    search that stops at the first depth holding staff); the first ``count`` by name."""
    seen = {target, LIBRARY}
    frontier, depth = deque([target]), 0
    while frontier:
        depth += 1
        reached: list[str] = []
        for _ in range(len(frontier)):
            u = frontier.popleft()
            for v in G[u]:
                if v not in seen:
                    seen.add(v)
                    reached.append(v)
        staff = sorted((v for v in reached if G.nodes[v].get("kind") == "staff"), key=lambda n: _sort_key(G, n))
        if staff:
            return tuple(Nearest(v, str(G.nodes[v].get("label", v)), depth) for v in staff[:count])
        frontier.extend(reached)
    return ()


# --- finding the target by name ----------------------------------------------------------------------


def fold(text: str) -> str:
    """``text`` compared the way people type names: accents, case and spacing folded.

    >>> fold("  Aarhus  ÜNIVERSITET ")
    'aarhus universitet'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


@dataclass(frozen=True)
class Target:
    """An organisation or a person a way in can be looked for."""

    node: str
    name: str
    kind: str
    organisation: str | None = None


def matching_targets(G: nx.Graph, name: str) -> list[Target]:
    """The organisations and contacts named ``name`` (folded): exact matches if any, else those whose
    name contains it; ordered by name and node id."""
    wanted = fold(name)
    if not wanted:
        return []
    names = kept_for_graph(_NAMES, G, None, lambda: _folded_names(G))
    chosen = [node for folded, node in names if folded == wanted] or [
        node for folded, node in names if wanted in folded
    ]
    chosen.sort(key=lambda node: _sort_key(G, node))
    return [_target(G, node) for node in chosen]


#: The folded names of a shared graph's organisations and contacts (a search asks at every keystroke).
_NAMES = RevisionCache(max_entries=2)


def _folded_names(G: nx.Graph) -> list[tuple[str, str]]:
    return [
        (fold(str(data.get("label", ""))), node)
        for node, data in G.nodes(data=True)
        if data.get("kind") in TARGET_KINDS
    ]


def _target(G: nx.Graph, node: str) -> Target:
    data = G.nodes[node]
    return Target(node, str(data.get("label", node)), str(data.get("kind")), data.get("organisation"))


@requires("view_contacts")
def find_targets(session: Session, name: str, *, today: dt.date | None = None) -> list[Target]:
    """:func:`matching_targets` in today's network of the workspace."""
    return matching_targets(build_graph(session, today=today), name)


@requires("view_contacts")
def way_in_for(session: Session, target: str, *, today: dt.date, limit: int | None = None) -> WayInAnswer:
    """:func:`way_in` to ``target`` (a node id) in today's network of the workspace; names people, so
    it needs ``view_contacts`` (the board's graph names nobody and shows no way in)."""
    G = build_graph(session, today=today)
    if target not in G or G.nodes[target].get("kind") not in TARGET_KINDS:
        return WayInAnswer(target=target, name=target, kind="", paths=())
    return kept_for_graph(_ANSWERS, G, (target, today, limit), lambda: way_in(G, target, today, limit=limit))


#: The answers asked of a shared graph: the node details and the way-in tab ask again at every rerun
#: while a node is open (a filter, a click elsewhere), and an answer is frozen, so it can be shared.
_ANSWERS = RevisionCache(max_entries=64)


@requires("view_contacts")
def way_in_answer(db: Database, target: str, today: dt.date, limit: int | None = None) -> WayInAnswer:
    """:func:`way_in_for` in a read session of ``db``: what the pages show."""
    with db.read() as session:
        return way_in_for(session, target, today=today, limit=limit)


@requires("view_contacts")
def search_targets(db: Database, name: str, today: dt.date, limit: int = 50) -> list[Target]:
    """The first ``limit`` organisations and contacts :func:`matching_targets` finds for ``name``."""
    with db.read() as session:
        return find_targets(session, name, today=today)[:limit]


# --- in words and as JSON ----------------------------------------------------------------------------


def _when(last_contact: dt.date | None, today: dt.date, lang: str) -> str:
    if last_contact is None:
        return t("wayin.when.undated", lang)
    months = months_between(last_contact, today)
    return t("wayin.when.this_month", lang) if months == 0 else t("wayin.when.months", lang, months=months)


def _fresh(oldest: dt.date | None, today: dt.date, lang: str) -> str:
    if oldest is None:
        return t("wayin.fresh.undated", lang)
    months = months_between(oldest, today)
    return t("wayin.fresh.this_month", lang) if months == 0 else t("wayin.fresh.months", lang, months=months)


def _how_well(strength: int | None, lang: str) -> str:
    return t(f"wayin.strength.{strength}", lang) if strength else ""


def path_sentence(path: WayIn, today: dt.date, lang: str) -> str:
    """The path in words: "Anne kender Jens Holm godt (sidst i kontakt for 2 måneder siden), som
    arbejder på Aarhus Universitet"."""
    parts: list[str] = []
    for position, (before, step) in enumerate(zip(path.steps, path.steps[1:], strict=False)):
        first = position == 0
        if step.tie == "affiliation":
            if step.kind == "organisation":
                key = "wayin.first.works_at" if first else "wayin.then.works_at"
            else:
                key = "wayin.first.colleague" if first else "wayin.then.colleague"
            parts.append(t(key, lang, who=before.name, name=step.name))
        else:
            key = "wayin.first.knows" if first else "wayin.then.knows"
            how = _how_well(step.strength, lang)
            text = t(key, lang, who=before.name, name=step.name, how=how, when=_when(step.last_contact, today, lang))
            parts.append(" ".join(text.split()))
    return t("wayin.joiner", lang).join(parts)


def answer_sentences(answer: WayInAnswer, today: dt.date, lang: str) -> list[str]:
    """One sentence per path (with who to ask and how fresh); without a path, what is missing."""
    if answer.paths:
        return [
            t(
                "wayin.path",
                lang,
                sentence=_full_stop(path_sentence(path, today, lang)),
                staff=path.staff.name,
                score=path.score,
                fresh=_fresh(path.oldest_contact, today, lang),
            )
            for path in answer.paths
        ]
    if answer.nearest:
        names = [t("wayin.nearest.one", lang, name=n.name, steps=n.steps) for n in answer.nearest]
        return [t("wayin.none.nearest", lang, names=", ".join(names))]
    return [t("wayin.none.nobody", lang, name=answer.name)]


def _full_stop(sentence: str) -> str:
    """``sentence`` ended with a full stop, unless it already ends as a sentence does (a name such as
    "Aarhus Uni." or "Hej!"): never two.

    >>> _full_stop("Anne arbejder på Aarhus Uni."), _full_stop("Anne arbejder på AU")
    ('Anne arbejder på Aarhus Uni.', 'Anne arbejder på AU.')
    """
    return sentence if sentence.endswith((".", "!", "?", "…")) else sentence + "."


def answer_json(answer: WayInAnswer, today: dt.date, lang: str) -> dict[str, Any]:
    """The answer as the command line's JSON: ``target``, ``paths`` (each ``steps``, ``score``, ``ask``,
    ``oldest_contact``, ``sentence``), ``nearest`` and ``text``."""
    return {
        "target": {"name": answer.name, "kind": answer.kind, "node": answer.target},
        "paths": [
            {
                "steps": [_step_json(step) for step in path.steps],
                "score": path.score,
                "ask": path.staff.name,
                "oldest_contact": _iso(path.oldest_contact),
                "sentence": path_sentence(path, today, lang),
            }
            for path in answer.paths
        ],
        "nearest": [{"name": n.name, "steps": n.steps} for n in answer.nearest],
        "text": answer_sentences(answer, today, lang),
    }


def _step_json(step: Step) -> dict[str, Any]:
    tie = (
        None
        if step.tie is None
        else {"kind": step.tie, "strength": step.strength, "last_contact": _iso(step.last_contact)}
    )
    return {"name": step.name, "kind": step.kind, "tie": tie}


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def target_lines(targets: Iterable[Target], lang: str) -> list[str]:
    """Candidates for an ambiguous name, one line each: the name, its kind, and a person's organisation."""
    return [
        t(
            "wayin.candidate.at" if c.organisation else "wayin.candidate",
            lang,
            name=c.name,
            kind=t(f"wayin.kind.{c.kind}", lang),
            where=c.organisation or "",
        )
        for c in targets
    ]
