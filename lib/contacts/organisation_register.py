"""Near-duplicate organisations in the register for review, pairs marked not the same, what a merge
keeps, and which organisation an import row names."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from lib.contacts.organisation_names import ALIAS_FROM_MERGE, DISMISSED_SETTING
from lib.contacts.organisation_pairs import OrganisationName, OrganisationPair, find_pairs, reason_text
from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.core.i18n import DEFAULT_LANGUAGE
from lib.db import Affiliation, Organisation, OrganisationAlias, get_setting, log_event, set_setting

if TYPE_CHECKING:
    import pandas as pd  # loaded by review_frame only: the importer uses this module without pandas

    from lib.ingest.state import WorkingState

#: Columns of :func:`review_frame`: both organisations side by side, then why.
REVIEW_COLUMNS = [
    *(f"{side}_{name}" for side in ("a", "b") for name in ("id", "name", "cvr", "org_type", "website", "people")),
    "rule",
    "score",
    "reason",
]


#: One organisation as the comparison reads it: (id, name, CVR number).
_RegisterRow = tuple[int, str, str | None]


def _register(session: Session) -> tuple[tuple[_RegisterRow, ...], dict[int, str]]:
    """Every organisation as compared, and each one's stored name key (what a dismissal remembers)."""
    rows = session.execute(
        select(Organisation.id, Organisation.name, Organisation.cvr, Organisation.name_key).order_by(Organisation.id)
    ).all()
    return tuple((row.id, row.name, row.cvr) for row in rows), {row.id: row.name_key for row in rows}


@lru_cache(maxsize=4)
def _pairs_in(register: tuple[_RegisterRow, ...]) -> tuple[OrganisationPair, ...]:
    """:func:`find_pairs` of ``register``, kept for the last few registers compared.

    The contacts page asks on every rerun (issue 16: 4,000 organisations take a quarter of a second).
    The key is the register itself, every id, name and CVR number: any change to one is another key,
    so what is kept is never out of date.
    """
    return tuple(find_pairs([OrganisationName(*row) for row in register]))


@requires("view_board")
def find_organisation_duplicates(session: Session, *, include_dismissed: bool = False) -> list[OrganisationPair]:
    """The organisations of the register that may be one, most certain first (:func:`find_pairs`).

    Pairs a person dismissed (:func:`dismiss_pair`) are left out unless ``include_dismissed``; a
    dismissed pair comes back only when one of them is renamed.
    """
    register, name_keys = _register(session)
    pairs = list(_pairs_in(register))
    if include_dismissed:
        return pairs
    dismissed = {tuple(entry) for entry in _dismissed_entries(session)}
    return [
        pair for pair in pairs if (pair.a.id, pair.b.id, name_keys[pair.a.id], name_keys[pair.b.id]) not in dismissed
    ]


@requires("view_board")
def review_frame(session: Session, lang: str = DEFAULT_LANGUAGE) -> pd.DataFrame:
    """The pairs waiting for a decision, with what tells them apart: one row per pair (:data:`REVIEW_COLUMNS`).

    "people" counts the people currently at the organisation; "reason" is :func:`reason_text`.
    """
    import pandas as pd

    pairs = find_organisation_duplicates(session)
    ids = {org_id for pair in pairs for org_id in pair.ids}
    details = _details(session, ids)
    rows = []
    for pair in pairs:
        row: dict[str, Any] = {"rule": pair.rule, "score": pair.score, "reason": reason_text(pair, lang)}
        for side, org in (("a", pair.a), ("b", pair.b)):
            found = details.get(org.id, {})
            row |= {
                f"{side}_id": org.id,
                f"{side}_name": org.name,
                f"{side}_cvr": org.cvr,
                f"{side}_org_type": found.get("org_type"),
                f"{side}_website": found.get("website"),
                f"{side}_people": found.get("people", 0),
            }
        rows.append(row)
    return pd.DataFrame(rows, columns=REVIEW_COLUMNS)


def _details(session: Session, ids: set[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    today = dt.date.today()
    people = {
        org_id: count
        for org_id, count in session.execute(
            select(Affiliation.organisation_id, func.count(func.distinct(Affiliation.person_id)))
            .where(
                Affiliation.organisation_id.in_(ids), or_(Affiliation.end_date.is_(None), Affiliation.end_date >= today)
            )
            .group_by(Affiliation.organisation_id)
        )
    }
    rows = session.execute(
        select(Organisation.id, Organisation.org_type, Organisation.website).where(Organisation.id.in_(ids))
    )
    return {row.id: {"org_type": row.org_type, "website": row.website, "people": people.get(row.id, 0)} for row in rows}


def _dismissed_entries(session: Session) -> list[list[Any]]:
    """[a id, b id, a's name key, b's name key] of every dismissed pair (a < b), as stored."""
    value = get_setting(session, DISMISSED_SETTING)
    if not value:
        return []
    try:
        entries = json.loads(value)
    except ValueError:
        return []
    return [entry for entry in entries if isinstance(entry, list) and len(entry) == 4]


def _store_dismissed(session: Session, entries: Iterable[Sequence[Any]]) -> None:
    """Store ``entries`` without repeats, and without those of organisations that no longer exist."""
    unique = {tuple(entry) for entry in entries}
    ids = {org_id for entry in unique for org_id in entry[:2]}
    existing = set(session.scalars(select(Organisation.id).where(Organisation.id.in_(ids)))) if ids else set()
    kept = sorted(entry for entry in unique if entry[0] in existing and entry[1] in existing)
    set_setting(session, DISMISSED_SETTING, json.dumps([list(entry) for entry in kept], ensure_ascii=False))


@requires("edit")
def dismiss_pair(session: Session, first_id: int, second_id: int, actor: str | None = None) -> None:
    """Record that two organisations are not the same: the pair is not suggested again.

    The decision holds for the two names as they are; renaming one makes them a new question.
    """
    if first_id == second_id:
        raise ValidationFailed("records.merge_same")
    a, b = (_organisation(session, org_id) for org_id in sorted((first_id, second_id)))
    entries = _dismissed_entries(session)
    entries.append([a.id, b.id, a.name_key, b.name_key])
    _store_dismissed(session, entries)
    log_event(
        session,
        "organisation_pair_dismissed",
        entity=PAIR_ENTITY,
        entity_id=a.id,
        actor=actor,
        a={"id": a.id, "name": a.name},
        b={"id": b.id, "name": b.name},
    )


def _organisation(session: Session, org_id: int) -> Organisation:
    organisation = session.get(Organisation, org_id)
    if organisation is None:
        raise ValidationFailed("records.organisation_not_found")
    return organisation


#: The entity of a dismissal in the event log: not "organisation", as a decision about a pair is
#: no edit of either (an edit after an import makes that import's undo refuse, ``lib.ingest.contact_lists``).
PAIR_ENTITY = "organisation_pair"


def refuse_different_cvrs(keep: Organisation, remove: Organisation) -> None:
    """Two organisations with different CVR numbers are two, whatever their names: refuse to merge them."""
    if keep.cvr and remove.cvr and keep.cvr != remove.cvr:
        raise ValidationFailed(
            "orgdup.cvr_differs", first=keep.name, first_cvr=keep.cvr, second=remove.name, second_cvr=remove.cvr
        )


@dataclass
class KeptIdentity:
    """What a merge kept of the removed organisation's identity."""

    #: The removed organisation's name, now an alias of the kept one (None: no alias was needed).
    alias: str | None = None
    #: "cvr" when the kept organisation took over the removed one's CVR number.
    filled: list[str] = field(default_factory=list)


@requires("edit")
def keep_identity(session: Session, keep: Organisation, remove: Organisation) -> KeptIdentity:
    """While ``remove`` is merged into ``keep``: keep everything that said which organisation it was.

    * its CVR number, when ``keep`` has none (two different numbers are refused beforehand,
      :func:`refuse_different_cvrs`);
    * its name, as an alias of ``keep`` (source "merge"), unless it folds to ``keep``'s name key
      already, and its own aliases: so a later import of any of these spellings lands on ``keep``;
    * the pairs a person dismissed: "not the same as the removed one" now holds for ``keep``.

    Call it before ``remove`` is deleted (its aliases would go with it).
    """
    kept = KeptIdentity()
    if remove.cvr and not keep.cvr:
        cvr, remove.cvr = remove.cvr, None
        session.flush()  # the CVR column is unique: release it before the kept organisation takes it
        keep.cvr = cvr
        kept.filled.append("cvr")
    for alias in session.scalars(select(OrganisationAlias).where(OrganisationAlias.organisation_id == remove.id)):
        if alias.name_key == keep.name_key:
            session.delete(alias)
        else:
            alias.organisation_id = keep.id
    session.flush()
    if remove.name_key and remove.name_key != keep.name_key:
        taken = session.scalar(select(OrganisationAlias).where(OrganisationAlias.name_key == remove.name_key))
        if taken is None:
            session.add(
                OrganisationAlias(
                    organisation_id=keep.id, name=remove.name, name_key=remove.name_key, source=ALIAS_FROM_MERGE
                )
            )
            kept.alias = remove.name
        elif taken.organisation_id == keep.id:
            kept.alias = taken.name
    _repoint_dismissed(session, keep, remove)
    session.flush()
    return kept


def _repoint_dismissed(session: Session, keep: Organisation, remove: Organisation) -> None:
    entries = _dismissed_entries(session)
    if not any(remove.id in entry[:2] for entry in entries):
        return
    moved = []
    for a_id, b_id, a_key, b_key in entries:
        sides = [
            (keep.id, keep.name_key) if org_id == remove.id else (org_id, key)
            for org_id, key in ((a_id, a_key), (b_id, b_key))
        ]
        sides.sort()
        if sides[0][0] != sides[1][0]:
            moved.append([sides[0][0], sides[1][0], sides[0][1], sides[1][1]])
    _store_dismissed(session, moved)


@requires("view_board")
def aliases_of(session: Session, org_id: int) -> list[str]:
    """The other spellings of an organisation (kept by merges), sorted."""
    return sorted(
        session.scalars(select(OrganisationAlias.name).where(OrganisationAlias.organisation_id == org_id)),
        key=str.casefold,
    )


@requires("view_board")
def known_spellings(session: Session) -> list[tuple[str, int]]:
    """(name key, organisation id) of every alias: the import's name index takes them after the names."""
    return [
        (key, org_id)
        for key, org_id in session.execute(select(OrganisationAlias.name_key, OrganisationAlias.organisation_id))
    ]


def organisation_identity(state: WorkingState, name_key: str, cvr: str | None) -> int | None:
    """The organisation an import row names, in the import's working state; None when it is new.

    1. A CVR number the workspace (or an earlier row) knows is that organisation, whatever the name.
    2. Else the organisation with that name, or with that name as an alias
       (``WorkingState.organisation_by_name`` holds both, names first) — unless it has another CVR
       number: then the row is another organisation of the same name.

    A row with a CVR number that lands on an organisation without one gives it that number; it is
    remembered here at once, so a later row with the number and another name lands there too (and
    never makes a second organisation with the same number).
    """
    if cvr:
        found = state.organisation_by_cvr.get(cvr)
        if found is not None:
            return found
    found = state.organisation_by_name.get(name_key)
    if found is None or not cvr:
        return found
    own = state.organisations[found].values.get("cvr")
    if own and own != cvr:
        return None
    state.organisation_by_cvr.setdefault(cvr, found)
    return found
