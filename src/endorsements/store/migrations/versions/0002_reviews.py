"""Review states: a person verifies or rejects an endorsement the extractor found.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

A separate table rather than columns on `endorsements`, so that merging new evidence into an
endorsement (an UPDATE of that row) never touches what a reviewer decided about it, and an
unreviewed endorsement is simply one without a row here.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reviews",
        sa.Column("endorsement_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["endorsement_id"],
            ["endorsements.id"],
            name="fk_reviews_endorsement_id_endorsements",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("endorsement_id", name="pk_reviews"),
    )
    op.create_index("ix_reviews_state", "reviews", ["state"])


def downgrade() -> None:
    op.drop_index("ix_reviews_state", table_name="reviews")
    op.drop_table("reviews")
