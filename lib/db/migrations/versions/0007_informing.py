"""The duty to inform (GDPR art. 14): when and how a contact was told that the library holds their data.

``people.informed_on`` (a date), ``people.informed_how`` (a code: email, letter, in_person, agreement,
other) and ``people.informed_note`` (a short note); all empty for people not informed yet, which is
every person of an older workspace. See ``lib.privacy.informing``.

On SQLite the columns are added with ``ALTER TABLE … ADD COLUMN`` and the check travels with its
column, never by rebuilding the table (``batch_alter_table`` with a new constraint): a rebuild drops
the old ``people`` table, and with foreign keys on SQLite then carries out every ``ON DELETE`` of the
tables pointing at it, so affiliations, ties and competence assessments would be deleted and owners
emptied.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

CHECK_NAME = "person_informed_how"
CHECK = "informed_how IS NULL OR informed_how IN ('email', 'letter', 'in_person', 'agreement', 'other')"


def upgrade() -> None:
    op.add_column("people", sa.Column("informed_on", sa.Date(), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"ALTER TABLE people ADD COLUMN informed_how VARCHAR(20) CONSTRAINT {CHECK_NAME} CHECK ({CHECK})")
    else:
        op.add_column("people", sa.Column("informed_how", sa.String(length=20), nullable=True))
        op.create_check_constraint(CHECK_NAME, "people", CHECK)
    op.add_column("people", sa.Column("informed_note", sa.String(length=500), nullable=True))


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(CHECK_NAME, "people", type_="check")
    # SQLite (3.35 and later) drops a column in place; its own check goes with it.
    op.drop_column("people", "informed_note")
    op.drop_column("people", "informed_how")
    op.drop_column("people", "informed_on")
