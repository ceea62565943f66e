"""The web layer's only view of the ledger: every page, API route, feed and the watch loop read
and write through these functions.

Entities (with aliases and categories), races (office, jurisdiction, year), an endorsement's
timeline and review decisions come from the `Ledger`'s own query methods, so the web shows
exactly what `endorsements show`, `race` and `history` show. SQL of its own is kept only for
what the Ledger does not offer: sorting by other keys than id with keyset cursors, document
paging, evidence in its surrounding text and the feed's ingest times.

Everything returned is plain dicts and lists of JSON-ready values, so the same result feeds the
JSON API, the Jinja templates and the Atom feed.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from ..errors import EndorsementsError, NotFoundError
from ..store import Ledger
from ..store.ledger import _name_filter  # the same name match as `show --endorser`
from ..store.records import REVIEW_STATES, EntityInfo
from ..store.schema import (
    DocumentRecord,
    EndorsementRecord,
    EntityRecord,
    EvidenceRecord,
)

__all__ = ["REVIEW_STATES", "BadQuery", "EndorsementFilter", "NotFound", "Queries"]

#: Sort keys the endorsement list accepts; a leading "-" sorts descending.
SORT_KEYS: tuple[str, ...] = ("id", "first_seen", "last_seen", "confidence", "n_evidence")
MAX_LIMIT = 500
#: Characters of article text shown on each side of an evidence quote.
CONTEXT_CHARS = 280
#: Stands in for "no date" so that undated rows sort first ascending and keyset cursors work.
_NO_DATE = date(1, 1, 1)


#: The id or name asked for is not in the ledger: the store's own error, so a lookup the
#: Ledger makes and one made here are answered alike (404).
NotFound = NotFoundError


class BadQuery(EndorsementsError):
    """A filter, sort or cursor the caller gave cannot be used; the message says why."""


@dataclass(frozen=True)
class EndorsementFilter:
    """The filters shared by the API, the web pages and the Atom feed."""

    endorser: str | None = None
    endorsee: str | None = None
    race: str | None = None
    stance: str | None = None
    category: str | None = None
    review: str | None = None
    since: date | None = None
    until: date | None = None
    endorser_id: int | None = None
    endorsee_id: int | None = None


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value else None


def _encode_cursor(sort: str, key: Any, row_id: int | str) -> str:
    raw = json.dumps({"s": sort, "k": key, "i": row_id}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode_cursor(cursor: str, sort: str, id_type: type = int) -> tuple[Any, Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
        key, row_id, made_for = data["k"], data["i"], data["s"]
        if not isinstance(row_id, id_type) or isinstance(row_id, bool):
            raise TypeError("bad id")
    except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise BadQuery(
            f"cursor {cursor!r} is not one this server gave out; "
            "start again without a cursor and follow next_cursor"
        ) from None
    if made_for != sort:
        raise BadQuery(f"this cursor belongs to sort={made_for}; use the same sort to go on")
    return key, row_id


class Queries:
    """Reads and review writes over one ledger engine; safe to share between threads."""

    def __init__(self, ledger: Ledger, engine: Engine) -> None:
        self.ledger = ledger
        self.engine = engine

    # --- endorsements ----------------------------------------------------------------------

    def _endorsement_select(self, flt: EndorsementFilter) -> Any:
        er = aliased(EntityRecord, name="endorser")
        ee = aliased(EntityRecord, name="endorsee")
        stmt = (
            select(
                EndorsementRecord,
                er.id,
                er.name,
                er.category,
                ee.id,
                ee.name,
                ee.category,
            )
            .join(er, EndorsementRecord.endorser_id == er.id)
            .join(ee, EndorsementRecord.endorsee_id == ee.id)
        )
        if flt.endorser:
            stmt = stmt.where(_name_filter(er, flt.endorser))
        if flt.endorsee:
            stmt = stmt.where(_name_filter(ee, flt.endorsee))
        if flt.endorser_id is not None:
            stmt = stmt.where(er.id == flt.endorser_id)
        if flt.endorsee_id is not None:
            stmt = stmt.where(ee.id == flt.endorsee_id)
        if flt.race is not None:
            stmt = stmt.where(EndorsementRecord.race == flt.race)
        if flt.stance:
            stmt = stmt.where(EndorsementRecord.stance == flt.stance)
        if flt.category:
            stmt = stmt.where(er.category == flt.category)
        if flt.review:
            stmt = stmt.where(EndorsementRecord.review_state == flt.review)
        if flt.since is not None:
            stmt = stmt.where(EndorsementRecord.first_seen >= flt.since)
        if flt.until is not None:
            stmt = stmt.where(EndorsementRecord.first_seen <= flt.until)
        return stmt

    @staticmethod
    def _row(found: Any) -> dict[str, Any]:
        rec, er_id, er_name, er_category, ee_id, ee_name, ee_category = found
        return {
            "id": rec.id,
            "endorser": {"id": er_id, "name": er_name, "category": er_category},
            "endorsee": {"id": ee_id, "name": ee_name, "category": ee_category},
            "stance": rec.stance,
            "kind": rec.kind,
            "race": rec.race or None,
            "category": er_category,
            "first_seen": _iso(rec.first_seen),
            "last_seen": _iso(rec.last_seen),
            "confidence": round(rec.confidence, 3),
            "n_evidence": rec.n_evidence,
            "review": {
                "state": rec.review_state,
                "reviewer": rec.reviewer,
                "reviewed_at": _iso(rec.reviewed_at),
                "note": rec.review_note,
            },
        }

    def list_endorsements(
        self,
        flt: EndorsementFilter,
        *,
        sort: str = "id",
        cursor: str | None = None,
        limit: int = 50,
    ) -> dict[str, Any]:
        """One page of endorsements and the cursor of the next page (None on the last one).

        Keyset pagination on (sort key, id): a page never repeats or skips a row when rows are
        added between requests, which offsets cannot promise.
        """
        field = sort.removeprefix("-")
        if field not in SORT_KEYS:
            raise BadQuery(
                f"cannot sort by {sort!r}; use one of {', '.join(SORT_KEYS)}, "
                "with a leading - for descending"
            )
        if not 1 <= limit <= MAX_LIMIT:
            raise BadQuery(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
        descending = sort.startswith("-")
        column = getattr(EndorsementRecord, field)
        key = func.coalesce(column, _NO_DATE) if field in ("first_seen", "last_seen") else column
        stmt = self._endorsement_select(flt)
        if cursor:
            last_key, last_id = _decode_cursor(cursor, sort)
            if field in ("first_seen", "last_seen"):
                try:
                    last_key = date.fromisoformat(last_key)
                except (TypeError, ValueError):
                    raise BadQuery(f"cursor {cursor!r} is damaged; start again") from None
            elif not isinstance(last_key, int | float):
                raise BadQuery(f"cursor {cursor!r} is damaged; start again")
            if descending:
                after = or_(key < last_key, and_(key == last_key, EndorsementRecord.id < last_id))
            else:
                after = or_(key > last_key, and_(key == last_key, EndorsementRecord.id > last_id))
            stmt = stmt.where(after)
        order = (
            (key.desc(), EndorsementRecord.id.desc()) if descending else (key, EndorsementRecord.id)
        )
        stmt = stmt.order_by(*order).limit(limit + 1)
        with Session(self.engine) as session:
            found = session.execute(stmt).all()
        items = [self._row(f) for f in found[:limit]]
        next_cursor = None
        if len(found) > limit:
            last = found[limit - 1][0]
            value = getattr(last, field)
            if field in ("first_seen", "last_seen"):
                value = (value or _NO_DATE).isoformat()
            next_cursor = _encode_cursor(sort, value, last.id)
        return {"items": items, "next_cursor": next_cursor}

    def all_endorsements(self, flt: EndorsementFilter) -> list[dict[str, Any]]:
        """Every matching endorsement, oldest first: for pages that show a whole race or entity."""
        stmt = self._endorsement_select(flt).order_by(EndorsementRecord.id)
        with Session(self.engine) as session:
            return [self._row(f) for f in session.execute(stmt).all()]

    def endorsement(self, endorsement_id: int) -> dict[str, Any]:
        """One endorsement with all its evidence, each quote in its surrounding text."""
        stmt = self._endorsement_select(EndorsementFilter()).where(
            EndorsementRecord.id == endorsement_id
        )
        with Session(self.engine) as session:
            found = session.execute(stmt).first()
            if found is None:
                raise NotFound(f"no endorsement with id {endorsement_id}")
            out = self._row(found)
            out["evidence"] = self._evidence(
                session, EvidenceRecord.endorsement_id == endorsement_id
            )
        return out

    def _evidence(self, session: Session, condition: Any) -> list[dict[str, Any]]:
        stmt = (
            select(EvidenceRecord, DocumentRecord)
            .join(DocumentRecord, EvidenceRecord.document_id == DocumentRecord.id)
            .where(condition)
            .order_by(EvidenceRecord.id)
        )
        return [self._evidence_item(ev, doc) for ev, doc in session.execute(stmt).all()]

    @staticmethod
    def _evidence_item(ev: EvidenceRecord, doc: DocumentRecord) -> dict[str, Any]:
        text = doc.text
        start = max(0, ev.start - CONTEXT_CHARS)
        end = min(len(text), ev.end + CONTEXT_CHARS)
        return {
            "id": ev.id,
            "endorsement_id": ev.endorsement_id,
            "quote": ev.text,
            "start": ev.start,
            "end": ev.end,
            "context_before": ("…" if start > 0 else "") + text[start : ev.start],
            "context_after": text[ev.end : end] + ("…" if end < len(text) else ""),
            "date": ev.relation_date,
            "confidence": round(ev.confidence, 3),
            "rule": ev.rule,
            "document": {
                "id": doc.id,
                "title": doc.title,
                "source": doc.source,
                "published": _iso(doc.published),
            },
        }

    def evidence(self, evidence_id: int) -> dict[str, Any]:
        with Session(self.engine) as session:
            items = self._evidence(session, EvidenceRecord.id == evidence_id)
        if not items:
            raise NotFound(f"no evidence with id {evidence_id}")
        return items[0]

    def history(self, endorsement_id: int) -> list[dict[str, Any]]:
        """The endorsement's stored timeline, oldest first: one event per observation with the
        stance it stated (support, withdraw, support again), then the review decision."""
        item = self.endorsement(endorsement_id)
        events = [
            {
                "date": _iso(ev.seen),
                "event": "evidence",
                "stance": ev.stance,
                "evidence_id": ev.id,
                "document_id": ev.document_id,
                "quote": ev.text,
            }
            for ev in self.ledger.evidence(endorsement_id)
        ]
        review = item["review"]
        if review["state"] != "unreviewed":
            events.append(
                {
                    "date": review["reviewed_at"],
                    "event": review["state"],
                    "stance": item["stance"],
                    "evidence_id": None,
                    "document_id": None,
                    "quote": review["note"],
                }
            )
        return events

    # --- entities, races, documents --------------------------------------------------------

    def entities(self, q: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
        """Entities whose name or an alias contains `q` (all when empty), with their counts."""
        found = self.ledger.entities(query=(q or "").strip() or None, limit=limit)
        return [_entity_summary(e) for e in sorted(found, key=lambda e: (e.name, e.id))]

    def entity(self, entity_id: int) -> dict[str, Any]:
        """An entity, its aliases, whom it endorsed or opposed, who endorsed it, its history."""
        with Session(self.engine) as session:
            # By id only: Ledger.entity would also take a name, and a URL id must not.
            if session.get(EntityRecord, entity_id) is None:
                raise NotFound(f"no entity with id {entity_id}")
        rec = self.ledger.entity(entity_id)  # follows a merge to the entity that absorbed it
        given = self.all_endorsements(EndorsementFilter(endorser_id=entity_id))
        received = self.all_endorsements(EndorsementFilter(endorsee_id=entity_id))
        events = [("endorser", e, e["endorsee"]) for e in given]
        events += [("endorsee", e, e["endorser"]) for e in received]
        history = sorted(
            (
                {
                    "date": e["first_seen"],
                    "endorsement_id": e["id"],
                    "role": role,
                    "stance": e["stance"],
                    "other": other,
                    "race": e["race"],
                }
                for role, e, other in events
            ),
            key=lambda h: (h["date"] or "", h["endorsement_id"]),
        )
        return {
            "id": rec.id,
            "name": rec.name,
            "type": rec.type,
            "category": rec.category,
            "attrs": rec.attrs,
            "aliases": [a for a in rec.aliases if a != rec.name],
            "endorsed": given,
            "endorsed_by": received,
            "history": history,
        }

    def races(self, q: str | None = None, year: int | None = None) -> list[dict[str, Any]]:
        """Races (the store's `races` table) with an endorsement not rejected, by name; `q`
        keeps those whose name contains it."""
        needle = " ".join((q or "").casefold().split())
        found = [r for r in self.ledger.races(year=year) if needle in r.label.casefold()]
        return [
            {
                "id": r.id,
                "name": r.label,
                "office": r.office,
                "jurisdiction": r.jurisdiction,
                "year": r.year,
                "n_endorsements": r.n_endorsements,
                "n_candidates": r.n_candidates,
            }
            for r in sorted(found, key=lambda r: (r.label.casefold(), r.id))
        ]

    def race(self, name: str) -> dict[str, Any]:
        """A race's candidates side by side: endorsers grouped by category, counts per stance,
        and a day-by-day timeline of supporting endorsements (cumulative) for the chart."""
        info = self.ledger.race(name).race
        rows = self.all_endorsements(EndorsementFilter(race=info.label))
        candidates: dict[int, dict[str, Any]] = {}
        days: set[str] = set()
        per_day: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for e in rows:
            who = e["endorsee"]
            cand = candidates.setdefault(
                who["id"],
                {
                    "id": who["id"],
                    "name": who["name"],
                    "counts": {"support": 0, "oppose": 0, "withdraw": 0},
                    "by_category": {},
                },
            )
            cand["counts"][e["stance"]] = cand["counts"].get(e["stance"], 0) + 1
            cand["by_category"].setdefault(e["category"], []).append(
                {
                    "endorsement_id": e["id"],
                    "endorser": e["endorser"],
                    "stance": e["stance"],
                    "first_seen": e["first_seen"],
                    "review": e["review"]["state"],
                }
            )
            if e["first_seen"] and e["stance"] == "support":
                days.add(e["first_seen"])
                per_day[who["id"]][e["first_seen"]] += 1
        ordered = sorted(candidates.values(), key=lambda c: (-c["counts"]["support"], c["name"]))
        labels = sorted(days)
        timeline = {
            "dates": labels,
            "series": [
                {
                    "candidate_id": c["id"],
                    "name": c["name"],
                    "cumulative": _cumulative(per_day[c["id"]], labels),
                }
                for c in ordered
            ],
        }
        return {
            "id": info.id,
            "name": info.label,
            "office": info.office,
            "jurisdiction": info.jurisdiction,
            "year": info.year,
            "n_endorsements": len(rows),
            "candidates": ordered,
            "timeline": timeline,
        }

    def documents(self, *, cursor: str | None = None, limit: int = 50) -> dict[str, Any]:
        """Documents newest-ingested first, without their text; paged like endorsements."""
        if not 1 <= limit <= MAX_LIMIT:
            raise BadQuery(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
        stmt = select(DocumentRecord).order_by(
            DocumentRecord.ingested_at.desc(), DocumentRecord.id.desc()
        )
        if cursor:
            last_at, last_id = _decode_cursor(cursor, "documents", str)
            try:
                at = datetime.fromisoformat(last_at)
            except (TypeError, ValueError):
                raise BadQuery(f"cursor {cursor!r} is damaged; start again") from None
            stmt = stmt.where(
                or_(
                    DocumentRecord.ingested_at < at,
                    and_(DocumentRecord.ingested_at == at, DocumentRecord.id < last_id),
                )
            )
        with Session(self.engine) as session:
            found = list(session.scalars(stmt.limit(limit + 1)))
        items = [self._document(d, with_text=False) for d in found[:limit]]
        next_cursor = None
        if len(found) > limit:
            last = found[limit - 1]
            next_cursor = _encode_cursor("documents", _iso(last.ingested_at), last.id)
        return {"items": items, "next_cursor": next_cursor}

    @staticmethod
    def _document(d: DocumentRecord, *, with_text: bool) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": d.id,
            "title": d.title,
            "source": d.source,
            "published": _iso(d.published),
            "ingested_at": _iso(d.ingested_at),
            "n_endorsements": d.n_endorsements,
        }
        if with_text:
            out["text"] = d.text
        return out

    def document(self, doc_id: str) -> dict[str, Any]:
        """A document's text and the evidence spans the ledger took from it."""
        with Session(self.engine) as session:
            rec = session.get(DocumentRecord, doc_id)
            if rec is None:
                raise NotFound(f"no document with id {doc_id!r}")
            out = self._document(rec, with_text=True)
            out["evidence"] = self._evidence(session, EvidenceRecord.document_id == doc_id)
        return out

    def search(self, q: str, limit: int = 20) -> dict[str, Any]:
        """The search box: people and organizations by name or alias, and races by name."""
        q = q.strip()
        if not q:
            return {"q": q, "entities": [], "races": []}
        return {"q": q, "entities": self.entities(q, limit), "races": self.races(q)[:limit]}

    def graph(self, flt: EndorsementFilter, limit: int = 400) -> dict[str, Any]:
        """Nodes (entities) and edges (endorsements) for the network graph of a race or search."""
        rows = self.list_endorsements(flt, sort="id", limit=min(limit, MAX_LIMIT))["items"]
        nodes: dict[int, dict[str, Any]] = {}
        edges = []
        for e in rows:
            for role in ("endorser", "endorsee"):
                ent = e[role]
                node = nodes.setdefault(
                    ent["id"],
                    {
                        "id": ent["id"],
                        "name": ent["name"],
                        "category": ent["category"],
                        "role": role,
                    },
                )
                if node["role"] != role:
                    node["role"] = "both"
            edges.append(
                {
                    "id": e["id"],
                    "source": e["endorser"]["id"],
                    "target": e["endorsee"]["id"],
                    "source_name": e["endorser"]["name"],
                    "target_name": e["endorsee"]["name"],
                    "stance": e["stance"],
                }
            )
        return {"nodes": list(nodes.values()), "edges": edges}

    # --- feed and watch --------------------------------------------------------------------

    def newest(self, flt: EndorsementFilter, limit: int = 50) -> list[dict[str, Any]]:
        """The most recently added endorsements, each with when it first entered the ledger
        (the ingest time of its earliest document), for the Atom feed."""
        rows = self.list_endorsements(flt, sort="-id", limit=limit)["items"]
        ids = [r["id"] for r in rows]
        if not ids:
            return []
        stmt = (
            select(EvidenceRecord.endorsement_id, func.min(DocumentRecord.ingested_at))
            .join(DocumentRecord, EvidenceRecord.document_id == DocumentRecord.id)
            .where(EvidenceRecord.endorsement_id.in_(ids))
            .group_by(EvidenceRecord.endorsement_id)
        )
        best = (
            select(EvidenceRecord.endorsement_id, EvidenceRecord.text, DocumentRecord.source)
            .join(DocumentRecord, EvidenceRecord.document_id == DocumentRecord.id)
            .where(EvidenceRecord.endorsement_id.in_(ids))
            .order_by(EvidenceRecord.endorsement_id, EvidenceRecord.confidence.desc())
        )
        with Session(self.engine) as session:
            added = dict(session.execute(stmt).all())
            quotes: dict[int, tuple[str, str | None]] = {}
            for eid, text, source in session.execute(best).all():
                quotes.setdefault(eid, (text, source))
        for r in rows:
            at = added.get(r["id"])
            if at is not None and at.tzinfo is None:
                at = at.replace(tzinfo=UTC)  # SQLite hands back naive datetimes
            r["added_at"] = _iso(at)
            r["quote"], r["source"] = quotes.get(r["id"], ("", None))
        return rows

    def max_endorsement_id(self) -> int:
        with Session(self.engine) as session:
            return session.scalar(select(func.max(EndorsementRecord.id))) or 0

    def endorsements_after(self, endorsement_id: int) -> list[dict[str, Any]]:
        """Endorsements created after the one with this id: what a watch poll added."""
        stmt = (
            self._endorsement_select(EndorsementFilter())
            .where(EndorsementRecord.id > endorsement_id)
            .order_by(EndorsementRecord.id)
        )
        with Session(self.engine) as session:
            return [self._row(f) for f in session.execute(stmt).all()]

    # --- review ----------------------------------------------------------------------------

    def review_queue(self, limit: int = 100) -> list[dict[str, Any]]:
        """Unreviewed endorsements, least confident first: those most likely to be wrong."""
        flt = EndorsementFilter(review="unreviewed")
        return self.list_endorsements(flt, sort="confidence", limit=min(limit, MAX_LIMIT))["items"]

    def set_review(
        self, endorsement_id: int, state: str, note: str | None = None, reviewer: str = "web"
    ) -> dict[str, Any]:
        """Record a reviewer's decision (the store keeps who, when and why); a later decision
        replaces an earlier one."""
        if state not in ("verified", "rejected"):
            raise BadQuery(f"review state must be verified or rejected, not {state!r}")
        self.ledger.set_review(endorsement_id, state, reviewer, note)
        return self.endorsement(endorsement_id)

    def counts(self) -> dict[str, int]:
        return self.ledger.counts()


def _entity_summary(e: EntityInfo) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "category": e.category,
        "aliases": [a for a in e.aliases if a != e.name],
        "n_endorsements_given": e.n_given,
        "n_endorsements_received": e.n_received,
    }


def _cumulative(per_day: dict[str, int], days: list[str]) -> list[int]:
    total, out = 0, []
    for d in days:
        total += per_day.get(d, 0)
        out.append(total)
    return out
