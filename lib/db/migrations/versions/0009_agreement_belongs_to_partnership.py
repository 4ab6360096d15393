"""An agreement belongs to its partnership: one set of dates and resources (issue 12).

Before, ``agreements`` held its own ``start_date``, ``end_date``, ``contributions_library`` and
``contributions_partner`` beside the partnership's ``start_date``, ``end_date``,
``library_resources`` and ``partner_resources``; the agreement's end date never reached the
partnership. Now the partnership's columns are the truth and the agreement's are dropped. Before they
go, every value is carried over so that nothing is lost:

* the partnership's value is empty (or only spaces): it takes the agreement's;
* both are filled in and differ: the partnership's is kept, and the agreement's is written at the end
  of the partnership's notes ("Fra samarbejdsaftalen før sammenlægningen: Slutdato: 31-12-2026 …")
  and in the event log (``agreement_merged``, with both values), so a person can choose;
* the same, or the agreement's empty: nothing to do.

Written agreement now means a signed agreement on record (``agreements.signed_on``), and the
formalisation follows it: a partnership whose agreement is signed but whose formalisation says
informal, oral or nothing is set to ``written`` (event ``agreement_merged`` with the old value).

The columns are dropped with ``ALTER TABLE … DROP COLUMN`` (SQLite 3.35 and later, PostgreSQL),
never by rebuilding the table; nothing points at ``agreements``, and the four columns carry no index
or constraint. The downgrade adds the columns back, empty.

Revision ID: 0009
Revises: 0008
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

#: Agreement column → the partnership column that holds it from now on.
MOVED = {
    "start_date": "start_date",
    "end_date": "end_date",
    "contributions_library": "library_resources",
    "contributions_partner": "partner_resources",
}
DATES = ("start_date", "end_date")
WRITTEN = ("written", "contract")

agreements = sa.table(
    "agreements",
    sa.column("id", sa.Integer),
    sa.column("partnership_id", sa.Integer),
    sa.column("signed_on", sa.Date),
    sa.column("start_date", sa.Date),
    sa.column("end_date", sa.Date),
    sa.column("contributions_library", sa.Text),
    sa.column("contributions_partner", sa.Text),
)
partnerships = sa.table(
    "partnerships",
    sa.column("id", sa.Integer),
    sa.column("start_date", sa.Date),
    sa.column("end_date", sa.Date),
    sa.column("library_resources", sa.Text),
    sa.column("partner_resources", sa.Text),
    sa.column("formalisation", sa.String),
    sa.column("notes", sa.Text),
)
events = sa.table(
    "events",
    sa.column("at", sa.DateTime),
    sa.column("actor", sa.String),
    sa.column("action", sa.String),
    sa.column("entity", sa.String),
    sa.column("entity_id", sa.Integer),
    sa.column("details", sa.JSON),
)


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _shown(value: object) -> str:
    return value.strftime("%d-%m-%Y") if isinstance(value, dt.date) else str(value)


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def merged_values(agreement: dict, partnership: dict) -> tuple[dict, dict]:
    """What the partnership takes over (``{partnership column: value}``) and what differs and is kept
    aside (``{agreement column: (partnership's value, agreement's value)}``)."""
    take, aside = {}, {}
    for own, held in MOVED.items():
        theirs, ours = agreement[own], partnership[held]
        if _empty(theirs) or theirs == ours:
            continue
        if _empty(ours):
            take[held] = theirs
        elif not (isinstance(ours, str) and isinstance(theirs, str) and ours.strip() == theirs.strip()):
            aside[own] = (ours, theirs)
    return take, aside


def upgrade() -> None:
    from lib.core.i18n import t

    bind = op.get_bind()
    rows = (
        bind.execute(
            sa.select(
                agreements.c.partnership_id,
                agreements.c.signed_on,
                *(agreements.c[name] for name in MOVED),
                *(partnerships.c[name].label(f"p_{name}") for name in (*MOVED.values(), "formalisation", "notes")),
            ).select_from(agreements.join(partnerships, partnerships.c.id == agreements.c.partnership_id))
        )
        .mappings()
        .all()
    )
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    for row in rows:
        agreement = {name: row[name] for name in MOVED}
        partnership = {name: row[f"p_{name}"] for name in MOVED.values()}
        take, aside = merged_values(agreement, partnership)
        changes: dict = dict(take)
        details: dict = {}
        if aside:
            lines = "\n".join(
                f"{t(f'partnerships.agreement.{own}', 'da')}: {_shown(theirs)}"
                for own, (_ours, theirs) in aside.items()
            )
            note = t("agreement.upgrade.note", "da", values=lines)
            notes = row["p_notes"]
            changes["notes"] = f"{notes.rstrip()}\n\n{note}" if not _empty(notes) else note
            details["kept_partnership"] = {
                own: {"partnership": _plain(ours), "agreement": _plain(theirs)} for own, (ours, theirs) in aside.items()
            }
        if take:
            details["taken_from_agreement"] = {held: _plain(value) for held, value in take.items()}
        if row["signed_on"] is not None and row["p_formalisation"] not in WRITTEN:
            changes["formalisation"] = "written"
            details["formalisation"] = {"before": row["p_formalisation"], "after": "written"}
        if changes:
            bind.execute(partnerships.update().where(partnerships.c.id == row["partnership_id"]).values(**changes))
        if details:
            bind.execute(
                events.insert().values(
                    at=now,
                    actor=None,
                    action="agreement_merged",
                    entity="partnership",
                    entity_id=row["partnership_id"],
                    details=details,
                )
            )
    for column in MOVED:
        op.drop_column("agreements", column)


def downgrade() -> None:
    """The four columns back, filled in from the partnership (the notes and formalisation stay)."""
    for column in MOVED:
        op.add_column("agreements", sa.Column(column, sa.Date() if column in DATES else sa.Text(), nullable=True))
    bind = op.get_bind()
    for row in bind.execute(
        sa.select(partnerships.c.id, *(partnerships.c[name] for name in MOVED.values())).where(
            partnerships.c.id.in_(sa.select(agreements.c.partnership_id))
        )
    ).mappings():
        bind.execute(
            agreements.update()
            .where(agreements.c.partnership_id == row["id"])
            .values(**{own: row[held] for own, held in MOVED.items()})
        )
