"""The secret tokens of staff members' calendar subscriptions (issue 17, item 3).

A calendar service (Exchange Online, Google) fetches a subscription address from the internet without
logging in, so the address carries a secret per person; only its SHA-256 digest is stored
(``lib.planning.calendar_feed``). A person has at most one live token; revoking one stamps
``revoked_at``. Erasing the person removes their tokens.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("digest"),
    )
    op.create_index("ix_calendar_tokens_person_id", "calendar_tokens", ["person_id"])


def downgrade() -> None:
    op.drop_index("ix_calendar_tokens_person_id", table_name="calendar_tokens")
    op.drop_table("calendar_tokens")
