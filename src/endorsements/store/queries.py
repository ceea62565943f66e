"""Read-only queries behind `Ledger.entities`, `races` and `history`.

They take an open session and return the typed records of `records.py`, ordered by id (or by
time for a history) so a caller can page with "after this id" and get stable results.
"""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..errors import NotFoundError
from .curation import find_entity, timeline
from .keys import name_key
from .records import EntityInfo, HistoryEvent, RaceInfo
from .schema import (
    AliasRecord,
    DocumentRecord,
    EndorsementRecord,
    EntityRecord,
    EvidenceRecord,
    RaceRecord,
)

_CHUNK = 500


def entity_infos(session: Session, records: list[EntityRecord]) -> list[EntityInfo]:
    """Attach aliases and endorsement counts to entity rows, in a few batched queries."""
    ids = [r.id for r in records]
    aliases: dict[int, list[str]] = {}
    given: dict[int, int] = {}
    received: dict[int, int] = {}
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        for entity_id, alias in session.execute(
            select(AliasRecord.entity_id, AliasRecord.alias)
            .where(AliasRecord.entity_id.in_(chunk))
            .order_by(AliasRecord.entity_id, AliasRecord.alias_key)
        ):
            aliases.setdefault(entity_id, []).append(alias)
        for column, counts in (
            (EndorsementRecord.endorser_id, given),
            (EndorsementRecord.endorsee_id, received),
        ):
            for entity_id, n in session.execute(
                select(column, func.count()).where(column.in_(chunk)).group_by(column)
            ):
                counts[entity_id] = n
    return [
        EntityInfo(
            id=r.id,
            name=r.name,
            type=r.type,
            category=r.category,
            attrs=dict(r.attrs or {}),
            aliases=aliases.get(r.id, []),
            n_given=given.get(r.id, 0),
            n_received=received.get(r.id, 0),
        )
        for r in records
    ]


def entities(
    session: Session,
    *,
    query: str | None = None,
    category: str | None = None,
    type_: str | None = None,
    min_endorsements: int = 0,
    after_id: int | None = None,
    limit: int | None = None,
) -> list[EntityInfo]:
    stmt = select(EntityRecord).where(EntityRecord.merged_into.is_(None)).order_by(EntityRecord.id)
    if query:
        key = name_key(query) or " ".join(query.casefold().split())
        alias_ids = select(AliasRecord.entity_id).where(
            AliasRecord.alias_key.contains(key, autoescape=True)
        )
        stmt = stmt.where(
            or_(
                EntityRecord.name_key.contains(key, autoescape=True), EntityRecord.id.in_(alias_ids)
            )
        )
    if category:
        stmt = stmt.where(EntityRecord.category == category)
    if type_:
        stmt = stmt.where(EntityRecord.type == type_)
    if after_id is not None:
        stmt = stmt.where(EntityRecord.id > after_id)
    if min_endorsements > 0:
        involved = (
            select(EntityRecord.id)
            .join(
                EndorsementRecord,
                or_(
                    EndorsementRecord.endorser_id == EntityRecord.id,
                    EndorsementRecord.endorsee_id == EntityRecord.id,
                ),
            )
            .group_by(EntityRecord.id)
            .having(func.count(EndorsementRecord.id) >= min_endorsements)
        )
        stmt = stmt.where(EntityRecord.id.in_(involved))
    if limit is not None:
        stmt = stmt.limit(limit)
    return entity_infos(session, list(session.scalars(stmt)))


def races(session: Session, *, year: int | None = None) -> list[RaceInfo]:
    stmt = select(RaceRecord).order_by(RaceRecord.year, RaceRecord.label)
    if year is not None:
        stmt = stmt.where(RaceRecord.year == year)
    found = list(session.scalars(stmt))
    counts = {
        label: (n_cand, n)
        for label, n_cand, n in session.execute(
            select(
                EndorsementRecord.race,
                func.count(func.distinct(EndorsementRecord.endorsee_id)),
                func.count(EndorsementRecord.id),
            )
            .where(EndorsementRecord.review_state != "rejected")
            .group_by(EndorsementRecord.race)
        )
    }
    out = []
    for r in found:
        n_cand, n = counts.get(r.label, (0, 0))
        if n:
            out.append(RaceInfo(r.id, r.label, r.office, r.jurisdiction, r.year, n_cand, n))
    return out


def find_race(session: Session, ref: str) -> RaceRecord:
    """A race by id, exact label (any case) or a label part that fits exactly one race."""
    ref = " ".join(ref.split())
    if ref.isdigit():
        found = session.get(RaceRecord, int(ref))
        if found is None:
            raise NotFoundError(f"no race with id {ref} (see `endorsements races`)")
        return found
    exact = session.scalars(
        select(RaceRecord).where(func.lower(RaceRecord.label) == ref.casefold())
    ).first()
    if exact is not None:
        return exact
    hits = list(
        session.scalars(
            select(RaceRecord)
            .where(func.lower(RaceRecord.label).contains(ref.casefold(), autoescape=True))
            .order_by(RaceRecord.id)
            .limit(11)
        )
    )
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise NotFoundError(f"no race matches {ref!r} (see `endorsements races`)")
    shown = "; ".join(f"{r.id} {r.label}" for r in hits[:10])
    raise NotFoundError(f"{ref!r} fits several races ({shown}); give the id or the full name")


def race_endorsement_ids(session: Session, label: str) -> list[int]:
    return list(
        session.scalars(
            select(EndorsementRecord.id)
            .where(EndorsementRecord.race == label)
            .order_by(EndorsementRecord.id)
        )
    )


def history(
    session: Session, endorser_ref: str, endorsee_ref: str
) -> tuple[EntityRecord, EntityRecord, list[HistoryEvent]]:
    """Every observation of what one entity said about another, in every race, oldest first."""
    endorser = find_entity(session, endorser_ref)
    endorsee = find_entity(session, endorsee_ref)
    stmt = (
        select(EvidenceRecord, EndorsementRecord.race, DocumentRecord.source)
        .join(EndorsementRecord, EvidenceRecord.endorsement_id == EndorsementRecord.id)
        .join(DocumentRecord, EvidenceRecord.document_id == DocumentRecord.id)
        .where(
            EndorsementRecord.endorser_id == endorser.id,
            EndorsementRecord.endorsee_id == endorsee.id,
        )
    )
    found = {ev.id: (ev, race, source) for ev, race, source in session.execute(stmt)}
    events = []
    for ev in timeline(v[0] for v in found.values()):
        _, race, source = found[ev.id]
        events.append(
            HistoryEvent(
                endorsement_id=ev.endorsement_id,
                race=race or None,
                stance=ev.stance,
                seen=ev.seen,
                document_id=ev.document_id,
                source=source,
                evidence=ev.text,
            )
        )
    return endorser, endorsee, events
