"""Human corrections to the ledger: merge, split and rename entities, review endorsements.

Each function works inside the caller's transaction and leaves the ledger's invariants intact:
one endorsement per endorser, endorsee and race; `n_evidence`, first/last seen and the current
stance agree with the evidence rows; and a review decision is never lost. When a merge or a
split makes two endorsements one, the decided review wins over "unreviewed", and of two
decisions the later one wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Protocol, TypeVar

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..errors import NotFoundError, StoreError
from .keys import name_key
from .records import REVIEW_STATES
from .schema import AliasRecord, EndorsementRecord, EntityRecord, EvidenceRecord

#: On one day, a change of stance is the news and a support is its background ("X withdrew
#: the endorsement today ... X had backed Y"), so the change sorts later.
_SAME_DAY_RANK = {"support": 0, "oppose": 1, "withdraw": 2}
_FULL_DATE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$")


class Observation(Protocol):
    """What the timeline needs of an evidence row (`EvidenceRecord` and `EvidenceInfo` fit)."""

    id: int
    stance: str
    seen: date | None
    relation_date: str | None
    document_id: str


_O = TypeVar("_O", bound=Observation)


def timeline(observations: Iterable[_O]) -> list[_O]:
    """Observations oldest first; the last one is the current stance.

    Ordered by date, undated ones first (an undated statement cannot claim to be the latest);
    on the same day a withdrawal or opposition after a support; then in the order stored.
    An observation dated only by its document's publication date (its sentence gives no date)
    never comes after one the same document dates itself: "she withdrew on Sunday ... 'I
    backed him'" published on Monday is a withdrawal with its background, not a new support.
    """
    items = list(observations)
    own_dated: dict[str, date] = {}
    for o in items:
        if o.seen is not None and o.relation_date and _FULL_DATE.match(o.relation_date):
            doc_first = own_dated.get(o.document_id)
            own_dated[o.document_id] = min(doc_first, o.seen) if doc_first else o.seen

    def key(o: _O) -> tuple[bool, date, int, int]:
        seen = o.seen
        if seen is not None and not (o.relation_date and _FULL_DATE.match(o.relation_date)):
            explicit = own_dated.get(o.document_id)
            if explicit is not None and explicit < seen:
                seen = explicit
        return (seen is not None, seen or date.min, _SAME_DAY_RANK.get(o.stance, 0), o.id)

    return sorted(items, key=key)


def current_stance(session: Session, endorsement_id: int) -> str | None:
    """The stance of the latest observation of one endorsement."""
    obs = list(
        session.scalars(
            select(EvidenceRecord).where(EvidenceRecord.endorsement_id == endorsement_id)
        )
    )
    return timeline(obs)[-1].stance if obs else None


def summarize(session: Session, row: EndorsementRecord) -> bool:
    """Recompute a row's summary from its evidence; False (and the row deleted) if it has none."""
    session.flush()
    evidence = list(
        session.scalars(select(EvidenceRecord).where(EvidenceRecord.endorsement_id == row.id))
    )
    if not evidence:
        session.delete(row)
        return False
    dated = [e.seen for e in evidence if e.seen is not None]
    latest = timeline(evidence)[-1]
    row.stance = latest.stance
    row.n_evidence = len(evidence)
    row.first_seen = min(dated) if dated else None
    row.last_seen = max(dated) if dated else None
    row.confidence = max(e.confidence for e in evidence)
    return True


def _review_rank(row: EndorsementRecord) -> tuple[bool, datetime]:
    reviewed_at = row.reviewed_at or datetime.min.replace(tzinfo=UTC)
    if reviewed_at.tzinfo is None:  # SQLite hands back naive datetimes
        reviewed_at = reviewed_at.replace(tzinfo=UTC)
    return (row.review_state != "unreviewed", reviewed_at)


def _copy_review(target: EndorsementRecord, source: EndorsementRecord) -> None:
    target.review_state = source.review_state
    target.reviewer = source.reviewer
    target.reviewed_at = source.reviewed_at
    target.review_note = source.review_note


def _fold_into(session: Session, target: EndorsementRecord, row: EndorsementRecord) -> None:
    """Move `row`'s evidence into `target` (same endorser, endorsee, race) and delete `row`."""
    held = {
        (e.document_id, e.start, e.end)
        for e in session.scalars(
            select(EvidenceRecord).where(EvidenceRecord.endorsement_id == target.id)
        )
    }
    for ev in session.scalars(
        select(EvidenceRecord).where(EvidenceRecord.endorsement_id == row.id)
    ):
        if (ev.document_id, ev.start, ev.end) in held:
            session.delete(ev)
        else:
            ev.endorsement_id = target.id
    if _review_rank(row) > _review_rank(target):
        _copy_review(target, row)
    if row.confidence > target.confidence:
        target.kind = row.kind
    session.flush()
    session.delete(row)
    session.flush()
    summarize(session, target)


def survivor(session: Session, entity: EntityRecord) -> EntityRecord:
    """The entity itself, or the one it was merged into (following merges of merges)."""
    seen = {entity.id}
    while entity.merged_into is not None:
        nxt = session.get(EntityRecord, entity.merged_into)
        if nxt is None or nxt.id in seen:
            break
        seen.add(nxt.id)
        entity = nxt
    return entity


def get_entity(session: Session, entity_id: int, *, follow: bool = True) -> EntityRecord:
    """An entity by id; a merged-away id leads to its survivor unless `follow` is False."""
    entity = session.get(EntityRecord, entity_id)
    if entity is None:
        raise NotFoundError(f"no entity with id {entity_id} (see `endorsements entities list`)")
    if entity.merged_into is not None:
        if not follow:
            raise StoreError(
                f"entity {entity_id} ({entity.name}) was merged into entity "
                f"{survivor(session, entity).id}; use that id"
            )
        return survivor(session, entity)
    return entity


def find_entity(session: Session, ref: str) -> EntityRecord:
    """An entity by id, exact name or alias, or a name part that fits exactly one entity."""
    ref = ref.strip()
    if ref.isdigit():
        return get_entity(session, int(ref))
    key = name_key(ref)
    if not key:
        raise NotFoundError(f"{ref!r} is not a name; give an entity id or a name")
    exact = session.scalars(select(EntityRecord).where(EntityRecord.name_key == key)).first()
    if exact is not None:
        return survivor(session, exact)
    alias_ids = select(AliasRecord.entity_id).where(AliasRecord.alias_key == key)
    hits = list(session.scalars(select(EntityRecord).where(EntityRecord.id.in_(alias_ids))))
    if not hits:
        part_ids = select(AliasRecord.entity_id).where(
            AliasRecord.alias_key.contains(key, autoescape=True)
        )
        hits = list(
            session.scalars(
                select(EntityRecord)
                .where(
                    or_(
                        EntityRecord.name_key.contains(key, autoescape=True),
                        EntityRecord.id.in_(part_ids),
                    ),
                    EntityRecord.merged_into.is_(None),
                )
                .order_by(EntityRecord.id)
                .limit(11)
            )
        )
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise NotFoundError(f"no entity named {ref!r} (see `endorsements entities list`)")
    shown = ", ".join(f"{e.id} {e.name}" for e in hits[:10])
    raise NotFoundError(f"{ref!r} fits several entities ({shown}); give the id instead")


def _add_alias(session: Session, entity: EntityRecord, alias: str) -> None:
    key = name_key(alias)
    if not key or key == entity.name_key:
        return
    exists = session.get(AliasRecord, (entity.id, key))
    if exists is None:
        session.add(AliasRecord(entity_id=entity.id, alias_key=key, alias=alias))


def _endorsements_of(session: Session, entity_id: int) -> list[EndorsementRecord]:
    return list(
        session.scalars(
            select(EndorsementRecord)
            .where(
                or_(
                    EndorsementRecord.endorser_id == entity_id,
                    EndorsementRecord.endorsee_id == entity_id,
                )
            )
            .order_by(EndorsementRecord.id)
        )
    )


def _find_row(
    session: Session, endorser_id: int, endorsee_id: int, race: str
) -> EndorsementRecord | None:
    return session.scalars(
        select(EndorsementRecord).where(
            EndorsementRecord.endorser_id == endorser_id,
            EndorsementRecord.endorsee_id == endorsee_id,
            EndorsementRecord.race == race,
        )
    ).first()


def merge(session: Session, keep_id: int, other_id: int) -> EntityRecord:
    """Fold entity `other_id` into `keep_id`: aliases, attributes, endorsements, reviews."""
    if keep_id == other_id:
        raise StoreError(f"cannot merge entity {keep_id} with itself")
    keep = get_entity(session, keep_id, follow=False)
    other = get_entity(session, other_id, follow=False)
    for alias in list(
        session.scalars(select(AliasRecord).where(AliasRecord.entity_id == other.id))
    ):
        _add_alias(session, keep, alias.alias)
        session.delete(alias)
    _add_alias(session, keep, other.name)
    keep.attrs = {**(other.attrs or {}), **(keep.attrs or {})}
    if keep.category == "other":
        keep.category = other.category
    if keep.type == "other":
        keep.type = other.type
    session.flush()
    for row in _endorsements_of(session, other.id):
        endorser = keep.id if row.endorser_id == other.id else row.endorser_id
        endorsee = keep.id if row.endorsee_id == other.id else row.endorsee_id
        target = _find_row(session, endorser, endorsee, row.race)
        if target is not None and target.id != row.id:
            _fold_into(session, target, row)
        else:
            row.endorser_id, row.endorsee_id = endorser, endorsee
            session.flush()
    other.merged_into = keep.id
    for earlier in session.scalars(
        select(EntityRecord).where(EntityRecord.merged_into == other.id)
    ):
        earlier.merged_into = keep.id
    session.flush()
    return keep


def split(session: Session, entity_id: int, aliases: list[str], new_name: str | None) -> int:
    """Move the aliases `aliases`, and the evidence that names the entity by one of them, to a
    new entity; return its id. Endorsements that move keep their review state."""
    entity = get_entity(session, entity_id, follow=False)
    keys = {name_key(a) for a in aliases} - {""}
    if not keys:
        raise StoreError("give at least one alias to split off")
    if entity.name_key in keys:
        raise StoreError(
            f"{entity.name!r} is the entity's own name: split off its other aliases, or rename it"
        )
    own = {
        a.alias_key: a
        for a in session.scalars(select(AliasRecord).where(AliasRecord.entity_id == entity.id))
    }
    unknown = sorted(keys - set(own))
    if unknown:
        raise StoreError(
            f"entity {entity.id} ({entity.name}) has no alias {', '.join(unknown)} "
            "(see `endorsements entities show`)"
        )
    name = " ".join((new_name or own[sorted(keys)[0]].alias).split())
    new_key = name_key(name)
    taken = session.scalars(select(EntityRecord).where(EntityRecord.name_key == new_key)).first()
    if taken is not None and survivor(session, taken).id == entity.id and taken.id != entity.id:
        # Undoing a merge: the merged-away entity comes back under its old id.
        new = taken
        new.merged_into = None
        new.name = name
    elif taken is not None:
        raise StoreError(
            f"an entity named {name!r} already exists (id {taken.id}); split into another name"
            " and then merge"
        )
    else:
        new = EntityRecord(
            name=name, name_key=new_key, type=entity.type, attrs={}, category=entity.category
        )
        session.add(new)
    session.flush()
    for key in keys:
        _add_alias(session, new, own[key].alias)
        session.delete(own[key])
    session.flush()
    for row in _endorsements_of(session, entity.id):
        moving = [
            ev
            for ev in session.scalars(
                select(EvidenceRecord).where(EvidenceRecord.endorsement_id == row.id)
            )
            if (row.endorser_id == entity.id and name_key(ev.endorser_name) in keys)
            or (row.endorsee_id == entity.id and name_key(ev.endorsee_name) in keys)
        ]
        if not moving:
            continue
        endorser = new.id if row.endorser_id == entity.id else row.endorser_id
        endorsee = new.id if row.endorsee_id == entity.id else row.endorsee_id
        target = _find_row(session, endorser, endorsee, row.race)
        if target is None:
            target = EndorsementRecord(
                endorser_id=endorser,
                endorsee_id=endorsee,
                race=row.race,
                stance=row.stance,
                kind=row.kind,
                confidence=row.confidence,
                n_evidence=0,
            )
            _copy_review(target, row)
            session.add(target)
            session.flush()
        for ev in moving:
            ev.endorsement_id = target.id
        summarize(session, target)
        summarize(session, row)
    session.flush()
    return new.id


def rename(session: Session, entity_id: int, new_name: str) -> EntityRecord:
    """Give an entity a new display name and key; the old name stays as an alias."""
    entity = get_entity(session, entity_id, follow=False)
    name = " ".join(new_name.split())
    key = name_key(name)
    if not key:
        raise StoreError(f"{new_name!r} is not a name")
    taken = session.scalars(select(EntityRecord).where(EntityRecord.name_key == key)).first()
    if taken is not None and taken.id != entity.id:
        if taken.merged_into is not None:
            raise StoreError(
                f"the name {taken.name!r} belongs to entity {taken.id}, merged into "
                f"{survivor(session, taken).id}; choose another name"
            )
        raise StoreError(
            f"entity {taken.id} is already called {taken.name!r}; "
            f"use `endorsements entities merge {taken.id} {entity.id}` instead"
        )
    old = entity.name
    entity.name, entity.name_key = name, key
    stale = session.get(AliasRecord, (entity.id, key))
    if stale is not None:
        session.delete(stale)
    session.flush()
    _add_alias(session, entity, old)
    session.flush()
    return entity


def review(
    session: Session, endorsement_id: int, state: str, reviewer: str, note: str | None
) -> EndorsementRecord:
    """Record a review decision on one endorsement."""
    if state not in REVIEW_STATES:
        raise StoreError(f"review state {state!r} is not one of {', '.join(REVIEW_STATES)}")
    row = session.get(EndorsementRecord, endorsement_id)
    if row is None:
        raise NotFoundError(f"no endorsement with id {endorsement_id} (see `endorsements show`)")
    row.review_state = state
    row.reviewer = reviewer
    row.reviewed_at = datetime.now(UTC)
    row.review_note = note
    return row
