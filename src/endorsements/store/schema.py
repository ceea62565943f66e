"""The ledger's tables as typed SQLAlchemy declarative classes.

These classes are the *description* the code queries through; the database itself is only ever
created and changed by the Alembic revisions in `migrations/versions/`, so a deployed ledger
and a fresh one cannot drift apart. `tests/test_store.py` checks that the two agree, which is
why every constraint and index here has an explicit, convention-derived name.

The classes are called `*Record` so they never shadow the pipeline's dataclasses
(`endorsements.models.Document`, `Endorsement`) that they persist.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

#: Named constraints are what lets a later migration drop or alter them portably (SQLite batch
#: mode and PostgreSQL both need the name).
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Shared metadata, so Alembic's env.py can compare every table at once."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class DocumentRecord(Base):
    """A document is stored once; its id is what makes re-ingesting a batch a no-op."""

    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(Text, primary_key=True)
    source: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    title: Mapped[str | None] = mapped_column(Text)
    #: Kept whole so every evidence span can be re-checked against its text later.
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    n_endorsements: Mapped[int] = mapped_column(Integer, default=0)


class EntityRecord(Base):
    """Anyone who endorses or is endorsed, merged across documents on `name_key`."""

    __tablename__ = "entities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: The first surface form seen; display only, never compared.
    name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(Text, unique=True)
    type: Mapped[str] = mapped_column(Text)
    attrs: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class AliasRecord(Base):
    """Other names of an entity: searched by the filters, not (yet) used to merge."""

    __tablename__ = "aliases"

    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True
    )
    alias_key: Mapped[str] = mapped_column(Text, primary_key=True)
    alias: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index(None, "alias_key"),)


class EndorsementRecord(Base):
    """One row per endorser, endorsee, stance and race, merged across documents."""

    __tablename__ = "endorsements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    endorser_id: Mapped[int] = mapped_column(ForeignKey("entities.id"))
    endorsee_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), index=True)
    stance: Mapped[str] = mapped_column(Text, index=True)
    #: '' rather than NULL for "no race": NULLs never collide in a UNIQUE constraint, so a
    #: nullable race would let the same relation be stored twice.
    race: Mapped[str] = mapped_column(Text, default="")
    #: The kind of the most confident evidence seen so far.
    kind: Mapped[str] = mapped_column(Text)
    first_seen: Mapped[date | None] = mapped_column(Date, index=True)
    last_seen: Mapped[date | None] = mapped_column(Date)
    #: The highest confidence of any evidence: one clear statement outweighs vague ones.
    confidence: Mapped[float] = mapped_column(Float)
    n_evidence: Mapped[int] = mapped_column(Integer, default=0)

    # The unique index leads with endorser_id, so it also serves the endorser filter.
    __table_args__ = (UniqueConstraint("endorser_id", "endorsee_id", "stance", "race"),)


class EvidenceRecord(Base):
    """A span of a document that states an endorsement: the ledger's proof for each row."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    endorsement_id: Mapped[int] = mapped_column(ForeignKey("endorsements.id", ondelete="CASCADE"))
    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    #: The date as the text gives it ("2024-03-05", "March 2024"), so kept as text.
    relation_date: Mapped[str | None] = mapped_column("date", Text)
    confidence: Mapped[float] = mapped_column(Float)
    rule: Mapped[str] = mapped_column(Text, default="")

    # Leads with endorsement_id, so it also serves the per-endorsement evidence lookups.
    __table_args__ = (UniqueConstraint("endorsement_id", "document_id", "start", "end"),)


class ReviewRecord(Base):
    """A reviewer's decision on one endorsement; no row means it has not been reviewed yet."""

    __tablename__ = "reviews"

    endorsement_id: Mapped[int] = mapped_column(
        ForeignKey("endorsements.id", ondelete="CASCADE"), primary_key=True
    )
    #: "verified" or "rejected" (see `REVIEW_STATES` in endorsements.serve.queries).
    state: Mapped[str] = mapped_column(Text, index=True)
    reviewed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    note: Mapped[str | None] = mapped_column(Text)
