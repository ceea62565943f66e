"""Typed records the ledger's query methods return.

Plain dataclasses with `to_dict()`, so the CLI, the exports and a web API (issue #5) can all
use them without touching SQLAlchemy objects, which are only valid inside a session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

REVIEW_STATES: tuple[str, ...] = ("unreviewed", "verified", "rejected")


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value else None


@dataclass
class EvidenceInfo:
    """One observation: the span, its document and source, and the stance it states."""

    id: int
    endorsement_id: int
    stance: str
    seen: date | None
    document_id: str
    source: str | None
    published: date | None
    text: str
    start: int
    end: int
    relation_date: str | None
    confidence: float
    rule: str
    endorser_name: str
    endorsee_name: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "stance": self.stance,
            "seen": _iso(self.seen),
            "document_id": self.document_id,
            "source": self.source,
            "published": _iso(self.published),
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "date": self.relation_date,
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
            "endorser_name": self.endorser_name,
            "endorsee_name": self.endorsee_name,
        }


@dataclass
class EntityInfo:
    """A canonical person or organization with every alias the texts used for it."""

    id: int
    name: str
    type: str
    category: str
    attrs: dict[str, str]
    aliases: list[str] = field(default_factory=list)
    #: Endorsements this entity gives (as endorser) and receives (as endorsee).
    n_given: int = 0
    n_received: int = 0

    @property
    def n_endorsements(self) -> int:
        return self.n_given + self.n_received

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "category": self.category,
            "attrs": dict(self.attrs),
            "aliases": list(self.aliases),
            "n_given": self.n_given,
            "n_received": self.n_received,
        }


@dataclass
class RaceInfo:
    """A race label split into its parts, with how many candidates and endorsements it has."""

    id: int
    label: str
    office: str | None
    jurisdiction: str | None
    year: int | None
    n_candidates: int = 0
    n_endorsements: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "office": self.office,
            "jurisdiction": self.jurisdiction,
            "year": self.year,
            "n_candidates": self.n_candidates,
            "n_endorsements": self.n_endorsements,
        }


@dataclass
class CandidateInfo:
    """One candidate of a race with the endorsements (any stance) they received in it."""

    entity: EntityInfo
    endorsements: list[Any]  # list[LedgerRow]; Any avoids an import cycle with ledger.py

    def by_category(self, stance: str = "support") -> dict[str, int]:
        """How many current `stance` endorsers of each category, rejected ones left out."""
        counts: dict[str, int] = {}
        for row in self.endorsements:
            if row.stance == stance and row.review_state != "rejected":
                counts[row.endorser_category] = counts.get(row.endorser_category, 0) + 1
        return dict(sorted(counts.items()))


@dataclass
class RaceDetail:
    race: RaceInfo
    candidates: list[CandidateInfo]


@dataclass
class HistoryEvent:
    """One step of an endorsement's timeline, oldest first."""

    endorsement_id: int
    race: str | None
    stance: str
    seen: date | None
    document_id: str
    source: str | None
    evidence: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "endorsement_id": self.endorsement_id,
            "race": self.race,
            "stance": self.stance,
            "seen": _iso(self.seen),
            "document_id": self.document_id,
            "source": self.source,
            "evidence": self.evidence,
        }
