"""The ledger: extractions in, merged and evidence-linked endorsement rows out.

A document is the unit of work. Everything one document contributes (the document row, new
entities and aliases, new or updated endorsements, evidence) is written in one transaction, so
a crash or a bad record never leaves half a document behind, and a re-run of the same batch
skips exactly the documents that made it in.

Rows that several documents (and so several processes) may create at once — entities, aliases,
endorsements — are created get-or-create style: look up, else INSERT inside a SAVEPOINT, and on
a unique-constraint conflict roll back just the SAVEPOINT and take the row the other writer
made. The endorsement row is read FOR NO KEY UPDATE before it is changed, so two PostgreSQL
writers merging evidence into the same row cannot lose each other's counts. On SQLite writers are
serialized by BEGIN IMMEDIATE (see `engine.py`) and these paths are only a safety net.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from alembic.util import CommandError
from sqlalchemy import ColumnElement, Select, exists, func, or_, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, aliased

from ..errors import StoreError
from ..models import STANCES, Document, Endorsement, Extraction
from ..resolve import (
    Candidate,
    Mention,
    absorbs_surname,
    category,
    describe,
    lookup_keys,
    match,
    parse_race,
    profile,
)
from . import curation, queries
from .curation import current_stance, timeline
from .engine import WRITE_OPTION, open_engine, safe_url
from .keys import name_key
from .migrate import upgrade
from .records import (
    CandidateInfo,
    EntityInfo,
    EvidenceInfo,
    HistoryEvent,
    RaceDetail,
    RaceInfo,
)
from .schema import (
    AliasRecord,
    DocumentRecord,
    EndorsementRecord,
    EntityRecord,
    EvidenceRecord,
    RaceRecord,
)

ENTITY_TYPES: tuple[str, ...] = ("person", "organization", "media", "union", "party", "other")

#: `Endorsement` says nothing about the endorsee's type; endorsees are nearly always candidates.
ENDORSEE_TYPE = "person"

_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: Keeps `IN (...)` lists far below SQLite's bound-parameter limit.
_CHUNK = 500

_T = TypeVar("_T")


@dataclass
class LedgerRow:
    """One merged endorsement as a reader wants it: names resolved, evidence summarized."""

    id: int
    endorser: str
    endorser_type: str
    stance: str
    endorsee: str
    race: str | None
    kind: str
    first_seen: date | None
    last_seen: date | None
    #: Each supporting document once, by its source (URL, feed) or else its id, in the order
    #: the documents were stored.
    sources: list[str] = field(default_factory=list)
    n_evidence: int = 0
    #: The text of the most confident evidence span.
    best_evidence: str = ""
    confidence: float = 0.0
    endorser_id: int = 0
    endorsee_id: int = 0
    endorser_category: str = "other"
    endorsee_category: str = "other"
    #: The endorser's profile (party, office, state, description...), for exports.
    endorser_attrs: dict[str, Any] = field(default_factory=dict)
    review_state: str = "unreviewed"
    reviewer: str | None = None
    reviewed_at: datetime | None = None
    review_note: str | None = None
    #: Every observation, oldest first; only filled by `rows(with_evidence=True)`.
    evidence: list[EvidenceInfo] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "endorser": self.endorser,
            "endorser_type": self.endorser_type,
            "endorser_category": self.endorser_category,
            "stance": self.stance,
            "endorsee": self.endorsee,
            "endorsee_category": self.endorsee_category,
            "race": self.race,
            "kind": self.kind,
            "first_seen": self.first_seen.isoformat() if self.first_seen else None,
            "last_seen": self.last_seen.isoformat() if self.last_seen else None,
            "sources": list(self.sources),
            "n_evidence": self.n_evidence,
            "best_evidence": self.best_evidence,
            "confidence": round(self.confidence, 3),
            "review_state": self.review_state,
            "reviewer": self.reviewer,
            "reviewed_at": self.reviewed_at.isoformat() if self.reviewed_at else None,
            "review_note": self.review_note,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class _Party:
    """One side of a relation, validated and keyed before any database work."""

    name: str
    key: str
    type: str
    attrs: dict[str, str]
    aliases: tuple[str, ...]
    #: Party, office, state, description read from `attrs` (`resolve.profile`).
    facts: dict[str, str]
    is_handle: bool


@dataclass(frozen=True)
class _Relation:
    endorser: _Party
    endorsee: _Party
    stance: str
    race: str
    kind: str
    seen: date | None
    relation_date: str | None
    confidence: float
    text: str
    start: int
    end: int
    rule: str

    def lock_order(self) -> tuple[str, str, str, int, int, str]:
        return (self.endorser.key, self.endorsee.key, self.race, self.start, self.end, self.stance)


def _relation_date(value: str | None) -> date | None:
    """Only a full calendar date can move first/last seen; "March 2024" is too vague to order."""
    if not value or not _FULL_DATE.match(value.strip()):
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def _earliest(a: date | None, b: date | None) -> date | None:
    return min(a, b) if a and b else a or b


def _latest(a: date | None, b: date | None) -> date | None:
    return max(a, b) if a and b else a or b


def _party(
    doc: Document, role: str, name: str, type_: str, attrs: dict[str, str], aliases: Sequence[str]
) -> _Party:
    clean = " ".join(name.split())
    key = name_key(clean)
    if not key:
        raise StoreError(f"document {doc.id!r}: {role} name {name!r} has nothing to store")
    kind = type_ if type_ in ENTITY_TYPES else "other"
    return _Party(
        clean,
        key,
        kind,
        dict(attrs),
        tuple(a for a in aliases if a and a.strip()),
        profile(attrs),
        clean.startswith("@"),
    )


def document_record(doc: Document, ingested_at: datetime) -> DocumentRecord:
    """A document's row, before its endorsements are counted in."""
    return DocumentRecord(
        id=doc.id,
        source=doc.source,
        published=doc.published,
        title=doc.title,
        text=doc.text,
        ingested_at=ingested_at,
        n_endorsements=0,
    )


def _prepare(doc: Document, e: Endorsement) -> _Relation:
    """Reject a record before the transaction starts, with a message that names the problem.

    The checks guard the ledger's promises: every row's stance is one the filters know, and
    every evidence span really is that document's text at that offset.
    """
    if e.stance not in STANCES:
        raise StoreError(
            f"document {doc.id!r}: stance {e.stance!r} is not one of {', '.join(STANCES)}"
        )
    span = e.evidence
    if not (0 <= span.start <= span.end <= len(doc.text)) or (
        doc.text[span.start : span.end] != span.text
    ):
        raise StoreError(
            f"document {doc.id!r}: evidence span {span.start}:{span.end} does not match the "
            f"document text ({span.text[:60]!r})"
        )
    confidence = float(e.confidence)
    if not math.isfinite(confidence):
        raise StoreError(f"document {doc.id!r}: confidence {e.confidence!r} is not a number")
    return _Relation(
        endorser=_party(
            doc, "endorser", e.endorser, e.endorser_type, e.endorser_attrs, e.endorser_aliases
        ),
        endorsee=_party(
            doc, "endorsee", e.endorsee, ENDORSEE_TYPE, e.endorsee_attrs, e.endorsee_aliases
        ),
        stance=e.stance,
        race=" ".join((e.race or "").split()),
        kind=e.kind or "other",
        seen=_relation_date(e.date) or doc.published,
        relation_date=e.date,
        confidence=confidence,
        text=span.text,
        start=span.start,
        end=span.end,
        rule=e.rule or "",
    )


def _get_or_create(
    session: Session, lookup: Select[tuple[_T]], make: Callable[[], _T]
) -> tuple[_T, bool]:
    """The row `lookup` finds, else a new one from `make`; True when this call created it.

    The INSERT runs in a SAVEPOINT so that losing a race to another writer (a unique-constraint
    conflict) costs only the SAVEPOINT, not the document's whole transaction.
    """
    found = session.scalars(lookup).first()
    if found is not None:
        return found, False
    try:
        with session.begin_nested():
            obj = make()
            session.add(obj)
        return obj, True
    except IntegrityError:
        found = session.scalars(lookup).first()
        if found is None:  # the conflict was not the race we expected: a real error
            raise
        return found, False


def _name_filter(entity: Any, query: str) -> ColumnElement[bool]:
    """Substring match on the folded key of the canonical name or of any alias.

    Matching keys rather than raw text makes the filter case-, accent- and title-insensitive the
    same way on every backend (SQLite's LOWER() only folds ASCII).
    """
    key = name_key(query) or " ".join(query.casefold().split())
    alias_hit = exists().where(
        AliasRecord.entity_id == entity.id, AliasRecord.alias_key.contains(key, autoescape=True)
    )
    return or_(entity.name_key.contains(key, autoescape=True), alias_hit)


def _facts(attrs: dict[str, Any]) -> dict[str, str]:
    """The tie attributes already stored on an entity (profiles are stored flattened)."""
    return {k: str(attrs[k]) for k in ("party", "office", "state") if attrs.get(k)}


def _candidates(
    session: Session, key: str, type_: str, is_handle: bool, also: frozenset[str] = frozenset()
) -> tuple[list[EntityRecord], list[Candidate]]:
    """Every stored entity `resolve.match` may need for this key (see `lookup_keys`), and
    those named exactly by one of the keys in `also` (the document's other names for it)."""
    key, last = lookup_keys(Mention(key, type_, {}, is_handle))
    alias_ids = select(AliasRecord.entity_id).where(AliasRecord.alias_key == key)
    conditions = [EntityRecord.name_key == key, EntityRecord.id.in_(alias_ids)]
    if also:
        conditions.append(EntityRecord.name_key.in_(sorted(also)))
    if last:
        conditions.append(EntityRecord.name_key.like(f"% {last}"))
    records = list(
        session.scalars(
            select(EntityRecord)
            .where(or_(*conditions), EntityRecord.merged_into.is_(None))
            .order_by(EntityRecord.id)
        )
    )
    aliases: dict[int, set[str]] = {}
    for i in range(0, len(records), _CHUNK):
        for entity_id, alias_key in session.execute(
            select(AliasRecord.entity_id, AliasRecord.alias_key).where(
                AliasRecord.entity_id.in_([r.id for r in records[i : i + _CHUNK]])
            )
        ):
            aliases.setdefault(entity_id, set()).add(alias_key)
    candidates = [
        Candidate(
            r.id,
            r.name_key,
            r.type,
            frozenset(aliases.get(r.id, ())),
            {**profile(r.attrs or {}), **_facts(r.attrs or {})},
        )
        for r in records
    ]
    return records, candidates


def _evidence_infos(session: Session, ids: list[int]) -> dict[int, list[EvidenceInfo]]:
    """Every observation of each endorsement, in timeline order."""
    out: dict[int, list[EvidenceInfo]] = {}
    for i in range(0, len(ids), _CHUNK):
        stmt = (
            select(EvidenceRecord, DocumentRecord.source, DocumentRecord.published)
            .join(DocumentRecord, EvidenceRecord.document_id == DocumentRecord.id)
            .where(EvidenceRecord.endorsement_id.in_(ids[i : i + _CHUNK]))
        )
        for ev, source, published in session.execute(stmt):
            out.setdefault(ev.endorsement_id, []).append(
                EvidenceInfo(
                    id=ev.id,
                    endorsement_id=ev.endorsement_id,
                    stance=ev.stance,
                    seen=ev.seen,
                    document_id=ev.document_id,
                    source=source,
                    published=published,
                    text=ev.text,
                    start=ev.start,
                    end=ev.end,
                    relation_date=ev.relation_date,
                    confidence=ev.confidence,
                    rule=ev.rule,
                    endorser_name=ev.endorser_name,
                    endorsee_name=ev.endorsee_name,
                )
            )
    return {k: timeline(v) for k, v in out.items()}


class Ledger:
    """A connection to one ledger database; cheap to keep open, safe to share between threads."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._engine = open_engine(url)
        self._writer = self._engine.execution_options(**{WRITE_OPTION: True})

    def __repr__(self) -> str:
        return f"Ledger({safe_url(self.url)!r})"

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        """Turn driver errors into a `StoreError` that says what we were doing, and where."""
        try:
            yield
        except SQLAlchemyError as exc:
            lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
            reason = lines[0] if lines else type(exc).__name__
            low = reason.casefold()
            hint = ""
            if "no such table" in low or ("relation" in low and "does not exist" in low):
                hint = " (the ledger has no tables yet: run the migrations first, Ledger.migrate())"
            elif "locked" in low or "deadlock" in low or "could not serialize" in low:
                hint = " (another writer got in the way; storing it again should work)"
            raise StoreError(
                f"cannot {action} in ledger {safe_url(self.url)}: {reason}{hint}"
            ) from exc

    def migrate(self) -> None:
        """Create or upgrade the tables to this version's schema; a no-op when up to date."""
        with self._errors("migrate the schema"):
            try:
                upgrade(self._engine)
            except CommandError as exc:  # typically a revision newer than this package knows
                raise StoreError(
                    f"cannot migrate ledger {safe_url(self.url)}: {exc} "
                    "(was it created by a newer version of endorsements? upgrade the package)"
                ) from exc

    def has_document(self, doc_id: str) -> bool:
        with self._errors("look up a document"), Session(self._engine) as session:
            found = session.scalar(select(DocumentRecord.id).where(DocumentRecord.id == doc_id))
        return found is not None

    def add_extraction(self, extraction: Extraction) -> bool:
        """Store one document and its relations atomically; False if the id was already stored.

        A stored document is never updated: ids are content-derived or source-given, so the same
        id means the same text, and re-reading it must not count its evidence twice.
        """
        doc = extraction.document
        relations = sorted(
            (_prepare(doc, e) for e in extraction.endorsements), key=_Relation.lock_order
        )
        with (
            self._errors(f"store document {doc.id!r}"),
            Session(self._writer) as session,
            session.begin(),
        ):
            if (
                session.scalar(select(DocumentRecord.id).where(DocumentRecord.id == doc.id))
                is not None
            ):
                return False
            record = document_record(doc, datetime.now(UTC))
            try:
                with session.begin_nested():
                    session.add(record)
            except IntegrityError:
                return False  # another process stored it between our look-up and insert
            record.n_endorsements = self._add_relations(session, doc, relations)
        return True

    def _add_relations(self, session: Session, doc: Document, relations: list[_Relation]) -> int:
        """Write entities first, then endorsements, each phase in key order.

        Every writer taking its row locks in the same global order is what keeps concurrent
        PostgreSQL transactions from deadlocking on each other's new entities or rows.
        """
        parties: dict[str, list[_Party]] = {}
        # Endorser mentions first: their type comes from the extractor, the endorsee's is a guess.
        for party in [r.endorser for r in relations] + [r.endorsee for r in relations]:
            parties.setdefault(party.key, []).append(party)
        entities = {key: self._entity(session, parties[key], doc.text) for key in sorted(parties)}
        for race in sorted({r.race for r in relations if r.race}):
            parts = parse_race(race)
            _get_or_create(
                session,
                select(RaceRecord).where(RaceRecord.label == race),
                lambda r=race, p=parts: RaceRecord(
                    label=r, office=p.office, jurisdiction=p.jurisdiction, year=p.year
                ),
            )
        evidence: dict[tuple[int, int, int], EvidenceRecord] = {}
        touched: dict[int, EndorsementRecord] = {}
        for rel in relations:  # already in lock order
            endorser = entities[rel.endorser.key]
            endorsee = entities[rel.endorsee.key]
            row = self._endorsement(session, endorser.id, endorsee.id, rel)
            self._add_evidence(session, doc, row, rel, evidence)
            touched[row.id] = row
        session.flush()
        for row in touched.values():
            row.stance = current_stance(session, row.id) or row.stance
        return len(evidence)

    def _resolve(self, session: Session, party: _Party) -> EntityRecord | None:
        """The stored entity this name belongs to across documents (`resolve.entities`)."""
        found = session.scalars(select(EntityRecord).where(EntityRecord.name_key == party.key))
        exact = found.first()
        if exact is not None:
            return curation.survivor(session, exact)
        also = frozenset(k for k in (name_key(a) for a in party.aliases) if k and k != party.key)
        records, candidates = _candidates(session, party.key, party.type, party.is_handle, also)
        hit = match(Mention(party.key, party.type, party.facts, party.is_handle, also), candidates)
        return next((r for r in records if r.id == hit), None)

    def _absorb_surname(self, session: Session, entity: EntityRecord) -> None:
        """Fold a surname-only person stored earlier into this full name when only it fits."""
        words = entity.name_key.split()
        if entity.type != "person" or len(words) < 2:
            return
        bare = session.scalars(
            select(EntityRecord).where(
                EntityRecord.name_key == words[-1], EntityRecord.merged_into.is_(None)
            )
        ).first()
        if bare is None or bare.id == entity.id:
            return
        records, candidates = _candidates(session, words[-1], "person", False)
        by_id = {c.id: c for c in candidates}
        full, surname = by_id.get(entity.id), by_id.get(bare.id)
        if full and surname and absorbs_surname(full, surname, candidates):
            curation.merge(session, entity.id, bare.id)

    def _entity(self, session: Session, mentions: list[_Party], text: str = "") -> EntityRecord:
        """The entity for one name key: an existing one `_resolve` finds, else a new one.

        Attributes and aliases from all of this document's mentions are added; a value already
        stored wins, because attributes describe the entity, not one article's wording.
        """
        first = mentions[0]
        attrs: dict[str, str] = {}
        for party in reversed(mentions):  # earlier mentions win
            attrs.update(party.attrs)
            attrs.update(party.facts)
        if "description" not in attrs and first.type == "person":
            # Longest names first: "rapper Dana Whit" describes her, "the Whit campaign" not.
            names = sorted({p.name for p in mentions} | set(first.aliases), key=len, reverse=True)
            found = describe(text, names)
            if found:
                attrs["description"] = found
        entity = self._resolve(session, first)
        if entity is None:
            entity, created = _get_or_create(
                session,
                select(EntityRecord).where(EntityRecord.name_key == first.key),
                lambda: EntityRecord(
                    name=first.name,
                    name_key=first.key,
                    type=first.type,
                    attrs=attrs,
                    category=category(first.name, first.type, attrs),
                ),
            )
            if created:
                self._absorb_surname(session, entity)
        if any(k not in entity.attrs for k in attrs):
            # Lock before the read-modify-write of the JSON so concurrent additions both stay.
            # NO KEY UPDATE does not wait for writers that merely reference the entity.
            session.refresh(entity, with_for_update={"key_share": True})
            entity.attrs = {**attrs, **entity.attrs}
            if entity.category == "other":
                entity.category = category(entity.name, entity.type, entity.attrs)
        known = set(
            session.scalars(select(AliasRecord.alias_key).where(AliasRecord.entity_id == entity.id))
        )
        known.add(entity.name_key)
        names = [p.name for p in mentions] + [a for party in mentions for a in party.aliases]
        for alias in names:
            key = name_key(alias)
            if not key or key in known:
                continue
            _get_or_create(
                session,
                select(AliasRecord).where(
                    AliasRecord.entity_id == entity.id, AliasRecord.alias_key == key
                ),
                lambda a=alias, k=key: AliasRecord(entity_id=entity.id, alias=a, alias_key=k),
            )
            known.add(key)
        return entity

    def _endorsement(
        self, session: Session, endorser_id: int, endorsee_id: int, rel: _Relation
    ) -> EndorsementRecord:
        lookup = (
            select(EndorsementRecord)
            .where(
                EndorsementRecord.endorser_id == endorser_id,
                EndorsementRecord.endorsee_id == endorsee_id,
                EndorsementRecord.race == rel.race,
            )
            .with_for_update(key_share=True)
        )
        row, created = _get_or_create(
            session,
            lookup,
            lambda: EndorsementRecord(
                endorser_id=endorser_id,
                endorsee_id=endorsee_id,
                stance=rel.stance,
                race=rel.race,
                kind=rel.kind,
                first_seen=rel.seen,
                last_seen=rel.seen,
                confidence=rel.confidence,
                n_evidence=0,
                review_state="unreviewed",
            ),
        )
        if not created:
            # The review state is left alone: a rejected endorsement stays rejected however
            # many more articles repeat it.
            row.first_seen = _earliest(row.first_seen, rel.seen)
            row.last_seen = _latest(row.last_seen, rel.seen)
            if rel.confidence > row.confidence:
                row.confidence = rel.confidence
                row.kind = rel.kind
        return row

    def _add_evidence(
        self,
        session: Session,
        doc: Document,
        row: EndorsementRecord,
        rel: _Relation,
        seen: dict[tuple[int, int, int], EvidenceRecord],
    ) -> None:
        # The document is new in this transaction, so its evidence can only collide with
        # evidence from this same document: dedupe here rather than in the database.
        key = (row.id, rel.start, rel.end)
        existing = seen.get(key)
        if existing is not None:
            if rel.confidence > existing.confidence:
                existing.confidence = rel.confidence
                existing.rule = rel.rule
            return
        evidence = EvidenceRecord(
            endorsement_id=row.id,
            document_id=doc.id,
            text=rel.text,
            start=rel.start,
            end=rel.end,
            relation_date=rel.relation_date,
            confidence=rel.confidence,
            rule=rel.rule,
            stance=rel.stance,
            seen=rel.seen,
            endorser_name=rel.endorser.name,
            endorsee_name=rel.endorsee.name,
        )
        session.add(evidence)
        seen[key] = evidence
        row.n_evidence += 1

    def rows(
        self,
        *,
        endorsee: str | None = None,
        endorser: str | None = None,
        stance: str | None = None,
        since: date | None = None,
        until: date | None = None,
        race: str | None = None,
        category: str | None = None,
        review_state: str | None = None,
        endorser_id: int | None = None,
        endorsee_id: int | None = None,
        ids: Sequence[int] | None = None,
        after_id: int | None = None,
        limit: int | None = None,
        with_evidence: bool = False,
    ) -> list[LedgerRow]:
        """Merged endorsements, in id order (oldest row first).

        `endorsee`/`endorser` match a substring of the canonical name or of any alias, ignoring
        case, accents, punctuation and leading titles; `race` a substring of the race label;
        `category` the endorser's category. `stance` is the current stance. `since`/`until`
        keep rows first seen in that range (rows with no known date are left out). For paging,
        pass the last id seen as `after_id` with a `limit`: ids never change order.
        """
        er = aliased(EntityRecord, name="endorser")
        ee = aliased(EntityRecord, name="endorsee")
        stmt = (
            select(EndorsementRecord, er, ee)
            .join(er, EndorsementRecord.endorser_id == er.id)
            .join(ee, EndorsementRecord.endorsee_id == ee.id)
            .order_by(EndorsementRecord.id)
        )
        if endorsee is not None:
            stmt = stmt.where(_name_filter(ee, endorsee))
        if endorser is not None:
            stmt = stmt.where(_name_filter(er, endorser))
        if stance is not None:
            stmt = stmt.where(EndorsementRecord.stance == stance)
        if since is not None:
            stmt = stmt.where(EndorsementRecord.first_seen >= since)
        if until is not None:
            stmt = stmt.where(EndorsementRecord.first_seen <= until)
        if race is not None:
            stmt = stmt.where(
                func.lower(EndorsementRecord.race).contains(race.casefold(), autoescape=True)
            )
        if category is not None:
            stmt = stmt.where(er.category == category)
        if review_state is not None:
            stmt = stmt.where(EndorsementRecord.review_state == review_state)
        if endorser_id is not None:
            stmt = stmt.where(EndorsementRecord.endorser_id == endorser_id)
        if endorsee_id is not None:
            stmt = stmt.where(EndorsementRecord.endorsee_id == endorsee_id)
        if ids is not None:
            stmt = stmt.where(EndorsementRecord.id.in_(list(ids)))
        if after_id is not None:
            stmt = stmt.where(EndorsementRecord.id > after_id)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._errors("read endorsements"), Session(self._engine) as session:
            found = session.execute(stmt).all()
            row_ids = [r[0].id for r in found]
            summaries = self._evidence_summaries(session, row_ids)
            evidence = _evidence_infos(session, row_ids) if with_evidence else {}
        out = []
        for row, endorser_rec, endorsee_rec in found:
            sources, best = summaries.get(row.id, ([], ""))
            out.append(
                LedgerRow(
                    id=row.id,
                    endorser=endorser_rec.name,
                    endorser_type=endorser_rec.type,
                    stance=row.stance,
                    endorsee=endorsee_rec.name,
                    race=row.race or None,
                    kind=row.kind,
                    first_seen=row.first_seen,
                    last_seen=row.last_seen,
                    sources=sources,
                    n_evidence=row.n_evidence,
                    best_evidence=best,
                    confidence=row.confidence,
                    endorser_id=endorser_rec.id,
                    endorsee_id=endorsee_rec.id,
                    endorser_category=endorser_rec.category,
                    endorsee_category=endorsee_rec.category,
                    endorser_attrs=dict(endorser_rec.attrs or {}),
                    review_state=row.review_state,
                    reviewer=row.reviewer,
                    reviewed_at=row.reviewed_at,
                    review_note=row.review_note,
                    evidence=evidence.get(row.id, []),
                )
            )
        return out

    @staticmethod
    def _evidence_summaries(session: Session, ids: list[int]) -> dict[int, tuple[list[str], str]]:
        """Sources and best span per endorsement, in a few batched queries instead of N."""
        out: dict[int, tuple[list[str], str]] = {}
        best: dict[int, float] = {}
        for i in range(0, len(ids), _CHUNK):
            stmt = (
                select(
                    EvidenceRecord.endorsement_id,
                    EvidenceRecord.text,
                    EvidenceRecord.confidence,
                    DocumentRecord.id,
                    DocumentRecord.source,
                )
                .join(DocumentRecord, EvidenceRecord.document_id == DocumentRecord.id)
                .where(EvidenceRecord.endorsement_id.in_(ids[i : i + _CHUNK]))
                .order_by(EvidenceRecord.endorsement_id, EvidenceRecord.id)
            )
            for endorsement_id, text, confidence, doc_id, source in session.execute(stmt):
                sources, best_text = out.get(endorsement_id, ([], ""))
                name = source or doc_id
                if name not in sources:
                    sources.append(name)
                # Strictly greater: on a tie the earliest evidence stays, so output is stable.
                if endorsement_id not in best or confidence > best[endorsement_id]:
                    best[endorsement_id] = confidence
                    best_text = text
                out[endorsement_id] = (sources, best_text)
        return out

    # --- entities, races, history ------------------------------------------------------------

    def entities(
        self,
        *,
        query: str | None = None,
        category: str | None = None,
        type: str | None = None,
        min_endorsements: int = 0,
        after_id: int | None = None,
        limit: int | None = None,
    ) -> list[EntityInfo]:
        """Entities in id order; `query` matches a substring of the name or of any alias."""
        with self._errors("read entities"), Session(self._engine) as session:
            return queries.entities(
                session,
                query=query,
                category=category,
                type_=type,
                min_endorsements=min_endorsements,
                after_id=after_id,
                limit=limit,
            )

    def entity(self, ref: str | int) -> EntityInfo:
        """One entity by id, name or alias; `NotFoundError` when none or several fit."""
        with self._errors("read an entity"), Session(self._engine) as session:
            return queries.entity_infos(session, [curation.find_entity(session, str(ref))])[0]

    def races(self, *, year: int | None = None) -> list[RaceInfo]:
        """Races with at least one endorsement not rejected, by year then label."""
        with self._errors("read races"), Session(self._engine) as session:
            return queries.races(session, year=year)

    def race(self, ref: str | int) -> RaceDetail:
        """One race with each candidate and the endorsements they received in it."""
        with self._errors("read a race"), Session(self._engine) as session:
            record = queries.find_race(session, str(ref))
            info = RaceInfo(
                record.id, record.label, record.office, record.jurisdiction, record.year
            )
            ids = queries.race_endorsement_ids(session, record.label)
        rows = self.rows(ids=ids) if ids else []
        by_candidate: dict[int, list[LedgerRow]] = {}
        for row in rows:
            by_candidate.setdefault(row.endorsee_id, []).append(row)
        info.n_candidates = len(by_candidate)
        info.n_endorsements = len(rows)
        with self._errors("read a race"), Session(self._engine) as session:
            people = queries.entity_infos(
                session,
                list(
                    session.scalars(
                        select(EntityRecord)
                        .where(EntityRecord.id.in_(list(by_candidate)))
                        .order_by(EntityRecord.id)
                    )
                ),
            )
        candidates = [CandidateInfo(p, by_candidate[p.id]) for p in people]
        # The most-endorsed candidate first: that is how endorsement trackers rank a race.
        candidates.sort(key=lambda c: (-sum(c.by_category().values()), c.entity.name))
        return RaceDetail(info, candidates)

    def history(
        self, endorser: str | int, endorsee: str | int
    ) -> tuple[EntityInfo, EntityInfo, list[HistoryEvent]]:
        """Every observation of what `endorser` said about `endorsee`, oldest first."""
        with self._errors("read a history"), Session(self._engine) as session:
            er, ee, events = queries.history(session, str(endorser), str(endorsee))
            infos = queries.entity_infos(session, [er, ee])
        return infos[0], infos[1], events

    def evidence(self, endorsement_id: int) -> list[EvidenceInfo]:
        """Every observation of one endorsement, in timeline order."""
        with self._errors("read evidence"), Session(self._engine) as session:
            return _evidence_infos(session, [endorsement_id]).get(endorsement_id, [])

    # --- human curation -----------------------------------------------------------------------

    def _curate(self, action: str, fn: Callable[[Session], _T]) -> _T:
        """Run one correction in its own transaction: all of it is stored, or none of it."""
        with self._errors(action), Session(self._writer) as session, session.begin():
            return fn(session)

    def merge_entities(self, keep: int, other: int) -> EntityInfo:
        """Fold entity `other` into `keep`; its aliases, endorsements and reviews move over."""

        def run(session: Session) -> EntityInfo:
            kept = curation.merge(session, keep, other)
            return queries.entity_infos(session, [kept])[0]

        return self._curate("merge entities", run)

    def split_entity(
        self, entity_id: int, aliases: Sequence[str], new_name: str | None = None
    ) -> EntityInfo:
        """Move some aliases, and the evidence written with them, to a new entity."""

        def run(session: Session) -> EntityInfo:
            new_id = curation.split(session, entity_id, list(aliases), new_name)
            return queries.entity_infos(session, [curation.get_entity(session, new_id)])[0]

        return self._curate("split an entity", run)

    def rename_entity(self, entity_id: int, new_name: str) -> EntityInfo:
        def run(session: Session) -> EntityInfo:
            entity = curation.rename(session, entity_id, new_name)
            return queries.entity_infos(session, [entity])[0]

        return self._curate("rename an entity", run)

    def set_review(
        self, endorsement_id: int, state: str, reviewer: str, note: str | None = None
    ) -> LedgerRow:
        """Mark one endorsement unreviewed, verified or rejected, with who, when and why."""
        self._curate(
            "record a review",
            lambda session: curation.review(session, endorsement_id, state, reviewer, note),
        )
        return self.rows(ids=[endorsement_id], with_evidence=True)[0]

    def counts(self) -> dict[str, int]:
        """Row counts per table, for progress reports and tests."""
        tables = {
            "documents": DocumentRecord,
            "entities": EntityRecord,
            "endorsements": EndorsementRecord,
            "evidence": EvidenceRecord,
        }
        with self._errors("count rows"), Session(self._engine) as session:
            return {
                name: session.scalar(select(func.count()).select_from(table)) or 0
                for name, table in tables.items()
            }

    def close(self) -> None:
        """Release pooled connections (and SQLite's file handles); safe to call twice."""
        self._engine.dispose()
