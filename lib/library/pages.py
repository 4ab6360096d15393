"""The library side's pages (Biblioteket, Organisation) read in one go, and their tables in words.

Pages open no session: each service here takes the :class:`lib.db.Database` and reads inside lib.
The codes the pages offer (staff roles, offer categories) are re-exported for them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from lib.core.access import requires
from lib.core.i18n import format_date, format_number, label, t
from lib.db import OFFER_CATEGORIES, STAFF_ROLES, Database, by_revision
from lib.library import setup
from lib.library import staff as org

# --- Biblioteket (the set-up) ----------------------------------------------------------------------


@requires("view_board")
def library_name_of(db: Database) -> str | None:
    """The library's name, or None before the set-up."""
    with db.read() as session:
        return setup.library_name(session)


@requires("view_board")
def library_profile_of(db: Database) -> setup.LibraryProfile:
    """The library's profile as the set-up form shows it."""
    with db.read() as session:
        return setup.library_profile(session)


@requires("view_board")
def accessibility_url_of(db: Database) -> str | None:
    """The address of the municipality's accessibility statement, or None: the link on every page."""
    with db.read() as session:
        return setup.accessibility_url(session)


@requires("view_contacts")
@by_revision(max_entries=2)
def staff_rows_of(db: Database) -> list[dict[str, Any]]:
    """The staff as the set-up's table lists them; kept per data revision (finding the staff among
    100,000 people took 0.3 s on every rerun). Callers do not change the rows."""
    with db.read() as session:
        return setup.staff_rows(session)


def staff_table(rows: list[dict[str, Any]], *, empty_rows: int = 0) -> pd.DataFrame:
    """The set-up's staff table as its editor shows it, with ``empty_rows`` blank rows to type in."""
    blank = [{"person_id": None, "name": None, "email": None, "team": None, "staff_role": None}] * empty_rows
    frame = pd.DataFrame([*rows, *blank], columns=list(setup.STAFF_COLUMNS))
    return frame.astype({"person_id": "Int64", "name": object, "email": object, "team": object, "staff_role": object})


def staff_records(edited: pd.DataFrame) -> list[dict[str, Any]]:
    """The edited staff table as records to save, an empty cell as None."""
    return [
        {str(k): v for k, v in row.items()}
        for row in edited.astype(object).where(edited.notna(), None).to_dict("records")
    ]


# --- Organisation ------------------------------------------------------------------------------------


@requires("view_contacts")
@by_revision()
def staff_overview(db: Database) -> pd.DataFrame:
    """Every staff member with role, team, latest assessment and partnerships (``lib.library.staff.staff_frame``)."""
    with db.read() as session:
        return org.staff_frame(session)


@requires("view_contacts")
def competence_history_of(db: Database, person_id: int) -> pd.DataFrame:
    """A staff member's competence self-assessments, newest first."""
    with db.read() as session:
        return org.competence_history(session, person_id)


@requires("view_contacts")
@by_revision()
def team_overview(db: Database) -> tuple[org.TeamHeatmap, pd.DataFrame]:
    """The team heat map and the development needs."""
    with db.read() as session:
        return org.team_heatmap(session), org.development_needs(session)


@dataclass(frozen=True)
class PersonDependencies:
    """One staff member's relations and partnerships, and what hangs on one person library-wide."""

    dependencies: tuple[org.Dependency, ...]
    relations: pd.DataFrame
    partnerships: pd.DataFrame


@requires("view_contacts")
@by_revision()
def person_dependencies(db: Database, person_id: int, today: dt.date) -> PersonDependencies:
    """What the dependencies tab shows for ``person_id`` on ``today``."""
    with db.read() as session:
        dependencies = org.single_person_dependencies(session, today=today)
        relations = org.person_relations(session, person_id, today=today)
        partnerships = org.owned_partnerships(session, person_id, dependencies)
    return PersonDependencies(tuple(dependencies), relations, partnerships)


def role_counts(staff: pd.DataFrame) -> dict[str, int]:
    """How many staff have each role, and how many none (``none``)."""
    counts = {role: int((staff["staff_role"] == role).sum()) for role in STAFF_ROLES}
    return {**counts, "none": int(staff["staff_role"].isna().sum())}


def history_table(history: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A person's assessments with translated headers: date, the area means, the needs, then every item."""
    columns = {"assessed_on": t("organisation.col.date", lang)}
    columns |= {
        f"mean_{g}": t("organisation.col.mean", lang, group=t(f"organisation.group.{g}", lang))
        for g in org.COMPETENCE_GROUPS
    }
    columns["development_needs"] = t("organisation.col.needs", lang)
    columns |= {item: t(f"organisation.item.{item}", lang) for item in org.COMPETENCE_ITEMS}
    return history[list(columns)].rename(columns=columns)


def history_entries(history: pd.DataFrame, lang: str) -> dict[int, str]:
    """The assessments one may delete, as "date (mean x,x)", in the order of ``history``."""
    entries = {}
    for row in history.itertuples():
        means = [m for m in (getattr(row, f"mean_{g}") for g in org.COMPETENCE_GROUPS) if not pd.isna(m)]
        mean = sum(means) / len(means) if means else 0.0
        entries[int(row.assessment_id)] = t(
            "organisation.history.entry",
            lang,
            date=format_date(row.assessed_on, lang),
            mean=format_number(round(mean, 1), lang, 1),
        )
    return entries


def relations_table(relations: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A person's relations with the party's kind and the relation's kind in words."""
    shown = relations.copy()
    shown["party_kind_label"] = [t(f"organisation.party.{kind}", lang) for kind in shown["party_kind"]]
    shown["relation_kind_label"] = [label("relkind", kind, lang) for kind in shown["relation_kind"]]
    return shown


def partnerships_table(partnerships: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A person's partnerships with the stage in words ("ended" for a closed one)."""
    shown = partnerships.copy()
    shown["stage_label"] = [
        t("organisation.ended", lang) if closed else label("partnerships.stage", stage, lang)
        for stage, closed in zip(shown["stage"], shown["closed"], strict=True)
    ]
    return shown


def dependency_table(
    dependencies: Sequence[org.Dependency], names: Mapping[int, str], kinds: Sequence[str], lang: str
) -> pd.DataFrame:
    """The library-wide list of ``kinds``: partnerships first, then organisations, then contacts; by
    person, then name within."""
    order = {kind: index for index, kind in enumerate(org.DEPENDENCY_KINDS)}
    chosen = sorted(
        (d for d in dependencies if d.kind in kinds),
        key=lambda d: (order[d.kind], names.get(d.person_id, "").casefold(), d.label.casefold()),
    )
    rows = [
        {
            "person": names.get(d.person_id, ""),
            "kind": d.kind,
            "kind_label": t(f"organisation.kind.{d.kind}", lang),
            "label": d.label,
            "detail": d.detail or "",
            "entity_id": d.entity_id,
        }
        for d in chosen
    ]
    return pd.DataFrame(rows, columns=["person", "kind", "kind_label", "label", "detail", "entity_id"])


def dependency_counts(dependencies: Sequence[org.Dependency]) -> dict[str, int]:
    """How many partnerships, organisations and contacts hang on one person."""
    return {kind: sum(1 for d in dependencies if d.kind == kind) for kind in org.DEPENDENCY_KINDS}


__all__ = [
    "OFFER_CATEGORIES",
    "STAFF_ROLES",
    "PersonDependencies",
    "accessibility_url_of",
    "competence_history_of",
    "dependency_counts",
    "dependency_table",
    "history_entries",
    "history_table",
    "library_name_of",
    "library_profile_of",
    "partnerships_table",
    "person_dependencies",
    "relations_table",
    "role_counts",
    "staff_overview",
    "staff_records",
    "staff_table",
    "staff_rows_of",
    "team_overview",
]
