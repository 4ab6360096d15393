"""The staff network survey "Hvem kender du?" (issue 18, item 2).

A survey (who made it, when, its optional last day) and per staff member an invitation: the SHA-256
digest of their link's token, when it expires or was revoked, and the answers they submitted (JSON),
pending until the coordinator commits them (``batch_id``, the import batch) or rejects them.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff_surveys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=320), nullable=True),
        sa.Column("closes_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "staff_survey_invitations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("answers", sa.JSON(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=True),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "status IS NULL OR status IN ('pending', 'committed', 'rejected')", name="staff_survey_status"
        ),
        sa.ForeignKeyConstraint(["survey_id"], ["staff_surveys.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batches.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("digest"),
    )
    op.create_index("ix_staff_survey_invitations_survey_id", "staff_survey_invitations", ["survey_id"])
    op.create_index("ix_staff_survey_invitations_person_id", "staff_survey_invitations", ["person_id"])
    op.create_index(
        "ux_staff_survey_invitations_survey_person",
        "staff_survey_invitations",
        ["survey_id", "person_id"],
        unique=True,
    )


def downgrade() -> None:
    op.drop_index("ux_staff_survey_invitations_survey_person", table_name="staff_survey_invitations")
    op.drop_index("ix_staff_survey_invitations_person_id", table_name="staff_survey_invitations")
    op.drop_index("ix_staff_survey_invitations_survey_id", table_name="staff_survey_invitations")
    op.drop_table("staff_survey_invitations")
    op.drop_table("staff_surveys")
