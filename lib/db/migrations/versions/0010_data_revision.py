"""A token that changes with every saved change: the key of what is worked out from the whole
workspace (issue 16).

``data_revision`` holds one row. Every write transaction (``lib.db.engine.Database.write``) gives it a
new random token before it commits, in the same transaction, so a token names one state of the data:
a process that worked out the network, the key figures or a page's tables at that token may reuse them
until the token changes (``lib.db.revision``). A token is random rather than a counter so that a
restored backup, whose token was current when the backup was made, still names the data it holds.

Revision ID: 0010
Revises: 0009
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "data_revision",
        # The one row has id 1, always written by hand: no sequence behind it.
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("token", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.bulk_insert(table, [{"id": 1, "token": uuid.uuid4().hex}])


def downgrade() -> None:
    op.drop_table("data_revision")
