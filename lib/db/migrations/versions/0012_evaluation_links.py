"""Evaluation by link (issue 18, item 1): respondents of a round with a personal link each, and the
round's closing date.

A respondent is a person (a partner contact or a staff member) asked to answer one round; only the
SHA-256 digest of their link's token is stored (``lib.planning.evaluation_links``). Their answer is an
``evaluation_responses`` row with their side. ``closes_on`` on a round is the last day answers by link
are taken or corrected; a round without one is open. Erasing the person removes their respondent rows.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("evaluation_rounds", sa.Column("closes_on", sa.Date(), nullable=True))
    op.create_table(
        "evaluation_respondents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("side", sa.String(length=10), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("response_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("side IN ('library', 'partner')", name="evaluation_respondent_side"),
        sa.ForeignKeyConstraint(["round_id"], ["evaluation_rounds.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["response_id"], ["evaluation_responses.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("digest"),
    )
    op.create_index("ix_evaluation_respondents_round_id", "evaluation_respondents", ["round_id"])
    op.create_index("ix_evaluation_respondents_person_id", "evaluation_respondents", ["person_id"])
    op.create_index(
        "ux_evaluation_respondents_round_person", "evaluation_respondents", ["round_id", "person_id"], unique=True
    )


def downgrade() -> None:
    op.drop_index("ux_evaluation_respondents_round_person", table_name="evaluation_respondents")
    op.drop_index("ix_evaluation_respondents_person_id", table_name="evaluation_respondents")
    op.drop_index("ix_evaluation_respondents_round_id", table_name="evaluation_respondents")
    op.drop_table("evaluation_respondents")
    with op.batch_alter_table("evaluation_rounds") as batch:
        batch.drop_column("closes_on")
