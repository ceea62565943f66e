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
    #: Party, office, state, description as the texts give them (`resolve.profile`).
    attrs: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: politician, entertainer, ... for people; union, party, media, ... for organizations.
    category: Mapped[str] = mapped_column(Text, default="other", server_default="other")
    #: Set when `entities merge` folded this entity into another: the row stays as a
    #: forwarding address, so its id and name keep leading to the survivor.
    merged_into: Mapped[int | None] = mapped_column(Integer, index=True)


class AliasRecord(Base):
    """Other names of an entity: searched by the filters and matched across documents."""

    __tablename__ = "aliases"

    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True
    )
    alias_key: Mapped[str] = mapped_column(Text, primary_key=True)
    alias: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index(None, "alias_key"),)


class EndorsementRecord(Base):
    """One row per endorser, endorsee and race, merged across documents.

    The stance is not part of the key: support, then withdrawal, then support again is one
    endorsement with a history (its evidence rows), and `stance` is the latest observation's.
    """

    __tablename__ = "endorsements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    endorser_id: Mapped[int] = mapped_column(ForeignKey("entities.id"))
    endorsee_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), index=True)
    #: The current stance: that of the latest observation by date.
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
    #: unreviewed, verified or rejected; kept however many articles repeat the endorsement.
    review_state: Mapped[str] = mapped_column(
        Text, default="unreviewed", server_default="unreviewed", index=True
    )
    reviewer: Mapped[str | None] = mapped_column(Text)
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    review_note: Mapped[str | None] = mapped_column(Text)

    # The unique index leads with endorser_id, so it also serves the endorser filter.
    __table_args__ = (UniqueConstraint("endorser_id", "endorsee_id", "race"),)


class RaceRecord(Base):
    """A race label split into office, jurisdiction and year, for listing races by year."""

    __tablename__ = "races"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: The label exactly as `endorsements.race` holds it.
    label: Mapped[str] = mapped_column(Text, unique=True)
    office: Mapped[str | None] = mapped_column(Text)
    jurisdiction: Mapped[str | None] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(Integer, index=True)


class EvidenceRecord(Base):
    """A span of a document that states an endorsement: the ledger's proof for each row.

    Each evidence row is also one observation in the endorsement's history: the stance that
    span states, on the date it is dated to, with the names as that text wrote them (which is
    what `entities split` needs to move it to another entity).
    """

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
    stance: Mapped[str] = mapped_column(Text)
    #: The relation's full date, else the publication date; None when neither is known.
    seen: Mapped[date | None] = mapped_column(Date)
    endorser_name: Mapped[str] = mapped_column(Text, default="")
    endorsee_name: Mapped[str] = mapped_column(Text, default="")

    # Leads with endorsement_id, so it also serves the per-endorsement evidence lookups.
    __table_args__ = (UniqueConstraint("endorsement_id", "document_id", "start", "end"),)
