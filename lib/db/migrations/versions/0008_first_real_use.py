"""What a library's own files bring on its first day (issue 11).

* ``organisations``: ``email`` (a general mailbox such as info@ is the organisation's, not a person's),
  ``cvr`` (the company register number: the organisation's identity where a file gives one, unique),
  ``org_type_text`` and ``sector_text`` (a type or sector word no code fits, kept as written);
* ``relations``: ``weight`` (a network file's weight, any positive number) and ``kind_text`` (a kind
  of relation no code fits, kept as written);
* ``organisation_aliases``: other spellings of an organisation, kept when two are merged, so a later
  import of the old spelling lands on the organisation that was kept;
* ``vocabulary_mappings``: a word a file used for a type, sector or kind, and the code a person chose.

Columns are added in place (``ADD COLUMN``), never by rebuilding a table: see 0007 for why a rebuild
of a table others point at is dangerous on SQLite. The unique CVR is an index, which both databases
create without rebuilding anything; NULLs never collide in it.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("organisations", sa.Column("org_type_text", sa.String(length=100), nullable=True))
    op.add_column("organisations", sa.Column("sector_text", sa.String(length=100), nullable=True))
    op.add_column("organisations", sa.Column("email", sa.String(length=320), nullable=True))
    op.add_column("organisations", sa.Column("cvr", sa.String(length=8), nullable=True))
    op.create_index("uq_organisations_cvr", "organisations", ["cvr"], unique=True)
    op.add_column("relations", sa.Column("weight", sa.Float(), nullable=True))
    op.add_column("relations", sa.Column("kind_text", sa.String(length=100), nullable=True))
    op.create_table(
        "organisation_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("name_key", sa.String(length=300), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name_key"),
    )
    op.create_index("ix_organisation_aliases_organisation_id", "organisation_aliases", ["organisation_id"])
    op.create_table(
        "vocabulary_mappings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vocabulary", sa.String(length=20), nullable=False),
        sa.Column("word_key", sa.String(length=100), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("times_used", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "vocabulary IN ('org_type', 'sector', 'relation_kind')", name="vocabulary_mapping_vocabulary"
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("vocabulary", "word_key", name="vocabulary_mapping_word"),
    )


def downgrade() -> None:
    op.drop_table("vocabulary_mappings")
    op.drop_index("ix_organisation_aliases_organisation_id", table_name="organisation_aliases")
    op.drop_table("organisation_aliases")
    op.drop_column("relations", "kind_text")
    op.drop_column("relations", "weight")
    op.drop_index("uq_organisations_cvr", table_name="organisations")
    op.drop_column("organisations", "cvr")
    op.drop_column("organisations", "email")
    op.drop_column("organisations", "sector_text")
    op.drop_column("organisations", "org_type_text")
