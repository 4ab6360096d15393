"""The library's own side: staff roles and teams, competence self-assessments, the strengths
profile's offers, and the checklist self-assessment over the eight headings.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.add_column(sa.Column("staff_role", sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column("team", sa.String(length=200), nullable=True))
        batch_op.create_check_constraint(
            "person_staff_role", "staff_role IS NULL OR staff_role IN ('network_lead', 'partnership_owner', 'staff')"
        )

    op.create_table(
        "competence_assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("scores", sa.JSON(), nullable=False),
        sa.Column("development_needs", sa.Text(), nullable=True),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batches.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("competence_assessments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_competence_assessments_person_id"), ["person_id"], unique=False)

    op.create_table(
        "strength_offers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team", sa.String(length=200), nullable=True),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("contact_person_id", sa.Integer(), nullable=True),
        sa.Column("partner_types", sa.JSON(), nullable=True),
        sa.Column("updated_on", sa.Date(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "category IN ('rooms', 'outreach_events', 'target_groups', 'expertise', 'network', 'digital', "
            "'reputation')",
            name="strength_offer_category",
        ),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batches.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["contact_person_id"], ["people.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("strength_offers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_strength_offers_contact_person_id"), ["contact_person_id"], unique=False)

    op.create_table(
        "checklist_assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("assessor_id", sa.Integer(), nullable=True),
        sa.Column("scores", sa.JSON(), nullable=False),
        sa.Column("notes", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["assessor_id"], ["people.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("checklist_assessments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checklist_assessments_assessed_on"), ["assessed_on"], unique=False)


def downgrade() -> None:
    op.drop_table("checklist_assessments")
    op.drop_table("strength_offers")
    op.drop_table("competence_assessments")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_constraint("person_staff_role", type_="check")
        batch_op.drop_column("team")
        batch_op.drop_column("staff_role")
