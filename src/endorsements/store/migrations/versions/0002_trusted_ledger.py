"""A ledger people can trust: one row per endorser/endorsee/race, history, review, races.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

What changes, and what happens to a 0001 ledger's data:

- `evidence` gains `stance`, `seen`, `endorser_name`, `endorsee_name`: every evidence row
  becomes one observation of the timeline. Existing rows take their endorsement's stance, the
  relation date when it is a full date else the document's publication date, and the entity
  names.
- `endorsements` is keyed on (endorser, endorsee, race) instead of (..., stance, race): rows of
  a 0001 ledger that differ only by stance are folded into the oldest one, their evidence moved
  to it (a span stored under both stances keeps the first), and its stance set to the latest
  observation's. It gains `review_state` ('unreviewed'), `reviewer`, `reviewed_at`,
  `review_note`.
- `entities` gains `category` ('other' until the entity is next seen or re-profiled) and
  `merged_into` (the survivor's id once `entities merge` folds an entity away; no foreign
  key, so SQLite can add it without copying the table).
- `races` is new and filled from the race labels already stored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa
from alembic import op

from endorsements.resolve.races import parse_race

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _as_date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    if not _FULL_DATE.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _backfill_evidence(conn: sa.Connection) -> None:
    rows = conn.execute(
        sa.text(
            'SELECT ev.id, ev."date", d.published, e.stance, er.name, ee.name '
            "FROM evidence ev JOIN endorsements e ON e.id = ev.endorsement_id "
            "JOIN documents d ON d.id = ev.document_id "
            "JOIN entities er ON er.id = e.endorser_id JOIN entities ee ON ee.id = e.endorsee_id"
        )
    ).all()
    for ev_id, rel_date, published, stance, endorser, endorsee in rows:
        conn.execute(
            sa.text(
                "UPDATE evidence SET stance = :stance, seen = :seen, endorser_name = :er, "
                "endorsee_name = :ee WHERE id = :id"
            ),
            {
                "stance": stance,
                "seen": _as_date(rel_date) or _as_date(published),
                "er": endorser,
                "ee": endorsee,
                "id": ev_id,
            },
        )


def _fold_stances(conn: sa.Connection) -> None:
    """Merge rows that 0001 kept apart only by stance into the oldest of them."""
    groups = conn.execute(
        sa.text(
            "SELECT endorser_id, endorsee_id, race, MIN(id) FROM endorsements "
            "GROUP BY endorser_id, endorsee_id, race HAVING COUNT(*) > 1"
        )
    ).all()
    for endorser_id, endorsee_id, race, keep in groups:
        others = [
            r[0]
            for r in conn.execute(
                sa.text(
                    "SELECT id FROM endorsements WHERE endorser_id = :a AND endorsee_id = :b "
                    "AND race = :r AND id <> :keep"
                ),
                {"a": endorser_id, "b": endorsee_id, "r": race, "keep": keep},
            )
        ]
        for other in others:
            # A span already held by the kept row would break the evidence UNIQUE constraint.
            conn.execute(
                sa.text(
                    "DELETE FROM evidence WHERE endorsement_id = :other AND EXISTS ("
                    "SELECT 1 FROM evidence k WHERE k.endorsement_id = :keep "
                    "AND k.document_id = evidence.document_id AND k.start = evidence.start "
                    'AND k."end" = evidence."end")'
                ),
                {"other": other, "keep": keep},
            )
            conn.execute(
                sa.text("UPDATE evidence SET endorsement_id = :keep WHERE endorsement_id = :o"),
                {"keep": keep, "o": other},
            )
            conn.execute(sa.text("DELETE FROM endorsements WHERE id = :o"), {"o": other})
        _summarize(conn, keep)


def _summarize(conn: sa.Connection, endorsement_id: int) -> None:
    obs = conn.execute(
        sa.text(
            "SELECT stance, seen, confidence, rule FROM evidence WHERE endorsement_id = :id "
            "ORDER BY id"
        ),
        {"id": endorsement_id},
    ).all()
    if not obs:
        return
    dated = [_as_date(o[1]) for o in obs if o[1] is not None]
    # Same order as `curation.observation_order`, copied so this revision never changes.
    rank = {"support": 0, "oppose": 1, "withdraw": 2}
    latest = max(
        enumerate(obs),
        key=lambda io: (
            io[1][1] is not None,
            _as_date(io[1][1]) or date.min,
            rank.get(io[1][0], 0),
            io[0],
        ),
    )[1]
    conn.execute(
        sa.text(
            "UPDATE endorsements SET stance = :stance, n_evidence = :n, first_seen = :first, "
            "last_seen = :last, confidence = :conf WHERE id = :id"
        ),
        {
            "stance": latest[0],
            "n": len(obs),
            "first": min(dated) if dated else None,
            "last": max(dated) if dated else None,
            "conf": max(o[2] for o in obs),
            "id": endorsement_id,
        },
    )


def _swap_unique_constraint(conn: sa.Connection) -> None:
    """Key endorsements on (endorser, endorsee, race).

    SQLite can only drop a constraint by copying the table, and dropping the old copy fires
    evidence's ON DELETE CASCADE (foreign keys are on, and cannot be switched off inside the
    migration's transaction). So on SQLite the evidence rows are set aside first and put back
    after the copy; nothing else references endorsements.
    """
    sqlite = conn.dialect.name == "sqlite"
    if sqlite:
        conn.execute(sa.text("CREATE TEMP TABLE evidence_0002 AS SELECT * FROM evidence"))
    with op.batch_alter_table("endorsements") as batch:
        batch.drop_constraint("uq_endorsements_endorser_id_endorsee_id_stance_race", type_="unique")
        batch.create_unique_constraint(
            "uq_endorsements_endorser_id_endorsee_id_race", ["endorser_id", "endorsee_id", "race"]
        )
    if sqlite:
        conn.execute(sa.text("DELETE FROM evidence"))
        conn.execute(sa.text("INSERT INTO evidence SELECT * FROM evidence_0002"))
        conn.execute(sa.text("DROP TABLE evidence_0002"))


def upgrade() -> None:
    with op.batch_alter_table("evidence") as batch:
        batch.add_column(sa.Column("stance", sa.Text(), nullable=True))
        batch.add_column(sa.Column("seen", sa.Date(), nullable=True))
        batch.add_column(sa.Column("endorser_name", sa.Text(), nullable=True))
        batch.add_column(sa.Column("endorsee_name", sa.Text(), nullable=True))
    conn = op.get_bind()
    _backfill_evidence(conn)
    _fold_stances(conn)
    with op.batch_alter_table("evidence") as batch:
        batch.alter_column("stance", existing_type=sa.Text(), nullable=False)
        batch.alter_column("endorser_name", existing_type=sa.Text(), nullable=False)
        batch.alter_column("endorsee_name", existing_type=sa.Text(), nullable=False)
    _swap_unique_constraint(conn)
    op.add_column(
        "endorsements",
        sa.Column("review_state", sa.Text(), nullable=False, server_default="unreviewed"),
    )
    op.add_column("endorsements", sa.Column("reviewer", sa.Text(), nullable=True))
    op.add_column(
        "endorsements", sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.add_column("endorsements", sa.Column("review_note", sa.Text(), nullable=True))
    op.create_index("ix_endorsements_review_state", "endorsements", ["review_state"])
    op.add_column(
        "entities", sa.Column("category", sa.Text(), nullable=False, server_default="other")
    )
    op.add_column("entities", sa.Column("merged_into", sa.Integer(), nullable=True))
    op.create_index("ix_entities_merged_into", "entities", ["merged_into"])
    op.create_table(
        "races",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("office", sa.Text(), nullable=True),
        sa.Column("jurisdiction", sa.Text(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_races"),
        sa.UniqueConstraint("label", name="uq_races_label"),
    )
    op.create_index("ix_races_year", "races", ["year"])
    labels = conn.execute(sa.text("SELECT DISTINCT race FROM endorsements WHERE race <> ''"))
    for (label,) in labels.all():
        parts = parse_race(label)
        conn.execute(
            sa.text(
                "INSERT INTO races (label, office, jurisdiction, year) VALUES (:l, :o, :j, :y)"
            ),
            {"l": label, "o": parts.office, "j": parts.jurisdiction, "y": parts.year},
        )


def downgrade() -> None:
    """Back to 0001's schema. Rows merged across stances stay merged under their current one,
    review states and histories are dropped, and entities merged away become plain entities
    again (with no aliases or endorsements left)."""
    op.drop_index("ix_races_year", table_name="races")
    op.drop_table("races")
    conn = op.get_bind()
    sqlite = conn.dialect.name == "sqlite"
    op.drop_index("ix_endorsements_review_state", table_name="endorsements")
    if sqlite:  # see _swap_unique_constraint
        conn.execute(sa.text("CREATE TEMP TABLE evidence_0002 AS SELECT * FROM evidence"))
    with op.batch_alter_table("endorsements") as batch:
        batch.drop_column("review_note")
        batch.drop_column("reviewed_at")
        batch.drop_column("reviewer")
        batch.drop_column("review_state")
        batch.drop_constraint("uq_endorsements_endorser_id_endorsee_id_race", type_="unique")
        batch.create_unique_constraint(
            "uq_endorsements_endorser_id_endorsee_id_stance_race",
            ["endorser_id", "endorsee_id", "stance", "race"],
        )
    if sqlite:
        conn.execute(sa.text("DELETE FROM evidence"))
        conn.execute(sa.text("INSERT INTO evidence SELECT * FROM evidence_0002"))
        conn.execute(sa.text("DROP TABLE evidence_0002"))
    op.drop_index("ix_entities_merged_into", table_name="entities")
    # Not batch mode: copying entities would cascade to aliases and break endorsements' keys.
    # SQLite has ALTER TABLE DROP COLUMN since 3.35.
    op.drop_column("entities", "merged_into")
    op.drop_column("entities", "category")
    with op.batch_alter_table("evidence") as batch:
        batch.drop_column("endorsee_name")
        batch.drop_column("endorser_name")
        batch.drop_column("seen")
        batch.drop_column("stance")
