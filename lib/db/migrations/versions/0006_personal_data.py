"""Personal data (GDPR): why a person's data is held, and markers of people erased on request.

``people.purpose`` is the purpose / lawful basis note of a person. ``erasure_markers`` keeps a one-way
hash of every e-mail an erased person had, so that an import skips them instead of bringing them back.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.add_column(sa.Column("purpose", sa.Text(), nullable=True))

    op.create_table(
        "erasure_markers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email_hash", sa.String(length=64), nullable=False),
        sa.Column("erased_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("email_hash"),
    )


def downgrade() -> None:
    op.drop_table("erasure_markers")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_column("purpose")
