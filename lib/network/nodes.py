"""Node ids of the network graph and the kinds of node and tie: ``"L"`` the library, ``"P<id>"`` a
person, ``"O<id>"`` an organisation."""

from __future__ import annotations

LIBRARY = "L"

#: Shown when the workspace has no library name; a proper name, so it is not translated.
DEFAULT_LIBRARY_NAME = "Biblioteket"

NODE_KINDS = ("library", "staff", "contact", "organisation")

EDGE_KINDS = ("staff", "affiliation", "relation", "partnership")

#: Which kind names a merged edge: the most telling one first.
_KIND_PRIORITY = ("partnership", "relation", "affiliation", "staff")

DEFAULT_STRENGTH = 2

#: The strongest strength: the top of the scale a network file's weights are brought onto.
STRONGEST = 5

STAFF_WEIGHT = 1.0

AFFILIATION_WEIGHT = 1.0

PARTNERSHIP_WEIGHT = 3.0

PARTNER_RELATION_KIND = "partner"

#: Edge attributes that only make sense while a kind of tie is on the edge.
_RELATION_ATTRIBUTES = ("relation_kind", "relation_kinds", "strength", "relation_ids")

_CONTACT_ATTRIBUTES = ("first_contact", "last_contact")

_AFFILIATION_ATTRIBUTES = ("start_date", "end_date", "role")


def person_node(person_id: int) -> str:
    return f"P{person_id}"


def organisation_node(organisation_id: int) -> str:
    return f"O{organisation_id}"


def record_id(node: str) -> int | None:
    """The database id behind a node id (``"P12"`` → 12); None for the library."""
    return int(node[1:]) if node[:1] in ("P", "O") and node[1:].isdigit() else None


def node_record_id(node: str) -> int:
    """The database id behind the node of a person or an organisation; ValueError for any other node.

    >>> node_record_id("O7")
    7
    """
    found = record_id(node)
    if found is None:
        raise ValueError(f"not the node of a person or an organisation: {node!r}")
    return found
