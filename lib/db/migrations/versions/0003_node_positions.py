"""Stored positions of the network graph's nodes, so the drawing stays still between visits.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "node_positions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("view", sa.String(length=100), nullable=False),
        sa.Column("node_key", sa.String(length=100), nullable=False),
        sa.Column("x", sa.Double(), nullable=False),
        sa.Column("y", sa.Double(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("node_positions", schema=None) as batch_op:
        batch_op.create_index("ux_node_positions_view_node_key", ["view", "node_key"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("node_positions", schema=None) as batch_op:
        batch_op.drop_index("ux_node_positions_view_node_key")
    op.drop_table("node_positions")
