"""Strategy: goals and measurements, partnerships with their organisations, goals, agreements and
contact log, partner assessments, and evaluation rounds with their responses.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("assessor_id", sa.Integer(), nullable=True),
        sa.Column("scores", sa.JSON(), nullable=False),
        sa.Column("weights", sa.JSON(), nullable=True),
        sa.Column("goal_fit", sa.JSON(), nullable=True),
        sa.Column("contribution_to_us", sa.Text(), nullable=True),
        sa.Column("contribution_from_us", sa.Text(), nullable=True),
        sa.Column("risks", sa.Text(), nullable=True),
        sa.Column("influence", sa.Integer(), nullable=True),
        sa.Column("interest", sa.Integer(), nullable=True),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("effort", sa.Integer(), nullable=True),
        sa.Column("decision", sa.String(length=20), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "decision IS NULL OR decision IN ('decline', 'explore', 'go_ahead')", name="assessment_decision"
        ),
        sa.CheckConstraint("effort IS NULL OR (effort BETWEEN 1 AND 5)", name="assessment_effort_1_5"),
        sa.CheckConstraint("influence IS NULL OR (influence BETWEEN 1 AND 5)", name="assessment_influence_1_5"),
        sa.CheckConstraint("interest IS NULL OR (interest BETWEEN 1 AND 5)", name="assessment_interest_1_5"),
        sa.CheckConstraint("value IS NULL OR (value BETWEEN 1 AND 5)", name="assessment_value_1_5"),
        sa.ForeignKeyConstraint(["assessor_id"], ["people.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batches.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["decided_by_id"], ["people.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assessments_organisation_id"), ["organisation_id"], unique=False)

    op.create_table(
        "goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("theme", sa.String(length=200), nullable=True),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("unit", sa.String(length=100), nullable=True),
        sa.Column("baseline", sa.Double(), nullable=False),
        sa.Column("target", sa.Double(), nullable=False),
        sa.Column("baseline_date", sa.Date(), nullable=False),
        sa.Column("target_date", sa.Date(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batches.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["owner_id"], ["people.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goals_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "partnerships",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("stage", sa.String(length=30), nullable=False),
        sa.Column("closed", sa.Boolean(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("depth", sa.String(length=20), nullable=True),
        sa.Column("formalisation", sa.String(length=20), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("library_resources", sa.Text(), nullable=True),
        sa.Column("partner_resources", sa.Text(), nullable=True),
        sa.Column("contact_rhythm_days", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "depth IS NULL OR depth IN ('networking', 'coordinating', 'cooperating', 'collaborating')",
            name="partnership_depth",
        ),
        sa.CheckConstraint(
            "formalisation IS NULL OR formalisation IN ('informal', 'oral', 'written', 'contract')",
            name="partnership_formalisation",
        ),
        sa.CheckConstraint(
            "stage IN ('idea', 'scoping_building', 'managing_maintaining', 'reviewing_revising', 'sustaining_ending')",
            name="partnership_stage",
        ),
        sa.CheckConstraint("contact_rhythm_days IS NULL OR contact_rhythm_days > 0", name="partnership_contact_rhythm"),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batches.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["owner_id"], ["people.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("partnerships", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_partnerships_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "agreements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.Column("parties", sa.Text(), nullable=True),
        sa.Column("purpose", sa.Text(), nullable=True),
        sa.Column("target_group", sa.Text(), nullable=True),
        sa.Column("contributions_library", sa.Text(), nullable=True),
        sa.Column("contributions_partner", sa.Text(), nullable=True),
        sa.Column("roles", sa.Text(), nullable=True),
        sa.Column("contact_persons", sa.Text(), nullable=True),
        sa.Column("communication", sa.Text(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("review_date", sa.Date(), nullable=True),
        sa.Column("economy", sa.Text(), nullable=True),
        sa.Column("rights_branding", sa.Text(), nullable=True),
        sa.Column("evaluation_method", sa.Text(), nullable=True),
        sa.Column("termination", sa.Text(), nullable=True),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("document_ref", sa.String(length=500), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["partnership_id"], ["partnerships.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("partnership_id"),
    )
    op.create_table(
        "contact_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.Column("contacted_on", sa.Date(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("channel IN ('meeting', 'phone', 'email', 'event', 'other')", name="contact_log_channel"),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batches.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["partnership_id"], ["partnerships.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["staff_id"], ["people.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("contact_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_log_partnership_id"), ["partnership_id"], unique=False)

    op.create_table(
        "evaluation_rounds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=True),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batches.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["partnership_id"], ["partnerships.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("evaluation_rounds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evaluation_rounds_partnership_id"), ["partnership_id"], unique=False)

    op.create_table(
        "goal_measurements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("measured_on", sa.Date(), nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("source", sa.String(length=300), nullable=True),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batches.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["goal_id"], ["goals.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("goal_measurements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goal_measurements_goal_id"), ["goal_id"], unique=False)

    op.create_table(
        "partnership_goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["goal_id"], ["goals.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["partnership_id"], ["partnerships.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("partnership_goals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_partnership_goals_goal_id"), ["goal_id"], unique=False)
        batch_op.create_index("ux_partnership_goals_pair", ["partnership_id", "goal_id"], unique=True)

    op.create_table(
        "partnership_organisations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisations.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["partnership_id"], ["partnerships.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("partnership_organisations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partnership_organisations_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index("ux_partnership_organisations_pair", ["partnership_id", "organisation_id"], unique=True)

    op.create_table(
        "evaluation_responses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("respondent_side", sa.String(length=10), nullable=False),
        sa.Column("respondent", sa.String(length=200), nullable=True),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("reflections", sa.Text(), nullable=True),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("respondent_side IN ('library', 'partner')", name="evaluation_response_side"),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batches.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["round_id"], ["evaluation_rounds.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("evaluation_responses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evaluation_responses_round_id"), ["round_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("evaluation_responses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluation_responses_round_id"))

    op.drop_table("evaluation_responses")
    with op.batch_alter_table("partnership_organisations", schema=None) as batch_op:
        batch_op.drop_index("ux_partnership_organisations_pair")
        batch_op.drop_index(batch_op.f("ix_partnership_organisations_organisation_id"))

    op.drop_table("partnership_organisations")
    with op.batch_alter_table("partnership_goals", schema=None) as batch_op:
        batch_op.drop_index("ux_partnership_goals_pair")
        batch_op.drop_index(batch_op.f("ix_partnership_goals_goal_id"))

    op.drop_table("partnership_goals")
    with op.batch_alter_table("goal_measurements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_measurements_goal_id"))

    op.drop_table("goal_measurements")
    with op.batch_alter_table("evaluation_rounds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluation_rounds_partnership_id"))

    op.drop_table("evaluation_rounds")
    with op.batch_alter_table("contact_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_log_partnership_id"))

    op.drop_table("contact_log")
    op.drop_table("agreements")
    with op.batch_alter_table("partnerships", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partnerships_owner_id"))

    op.drop_table("partnerships")
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goals_owner_id"))

    op.drop_table("goals")
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assessments_organisation_id"))

    op.drop_table("assessments")
