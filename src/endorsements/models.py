"""Records passed between the stages.

Every stage speaks in these types so that the stages can be tested, swapped and distributed
independently: ingest yields `Document`s, extract yields `Endorsement`s, the store persists both.
They are plain dataclasses (no ORM, no spaCy objects) so they pickle across processes.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

Stance = Literal["support", "oppose", "withdraw"]
STANCES: tuple[str, ...] = ("support", "oppose", "withdraw")
Kind = Literal["endorsement", "vote", "fundraising", "campaigning", "donation", "other"]
KINDS: tuple[str, ...] = ("endorsement", "vote", "fundraising", "campaigning", "donation", "other")
EntityType = Literal["person", "organization", "media", "union", "party", "other"]


def text_id(text: str) -> str:
    """A stable id for a document that came without one: the same text always gets the same id."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Document:
    """One news text as read from a source, before any analysis."""

    id: str
    text: str
    source: str | None = None
    published: date | None = None
    title: str | None = None
    #: Where the document came from in the batch ("file.jsonl:12"), for error messages.
    origin: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["published"] = self.published.isoformat() if self.published else None
        return out


@dataclass(frozen=True)
class Span:
    """Evidence: `text == document.text[start:end]` always holds."""

    text: str
    start: int
    end: int


@dataclass
class Endorsement:
    """One relation read from one document."""

    endorser: str
    endorsee: str
    stance: str
    evidence: Span
    kind: str = "endorsement"
    race: str | None = None
    date: str | None = None
    confidence: float = 0.5
    endorser_type: str = "person"
    endorser_aliases: list[str] = field(default_factory=list)
    endorsee_aliases: list[str] = field(default_factory=list)
    #: Titles, party tags and descriptions stripped from names by `resolve`.
    endorser_attrs: dict[str, str] = field(default_factory=dict)
    endorsee_attrs: dict[str, str] = field(default_factory=dict)
    #: Which rule produced the record: useful for error analysis and calibration.
    rule: str = ""

    def key(self) -> tuple[str, str, str]:
        return (self.endorser.casefold(), self.endorsee.casefold(), self.stance)

    def to_dict(self) -> dict[str, Any]:
        return {
            "endorser": self.endorser,
            "endorser_aliases": self.endorser_aliases,
            "endorser_type": self.endorser_type,
            "endorsee": self.endorsee,
            "endorsee_aliases": self.endorsee_aliases,
            "stance": self.stance,
            "kind": self.kind,
            "race": self.race,
            "date": self.date,
            "evidence": self.evidence.text,
            "start": self.evidence.start,
            "end": self.evidence.end,
            "confidence": round(self.confidence, 3),
            "endorser_attrs": self.endorser_attrs,
            "endorsee_attrs": self.endorsee_attrs,
            "rule": self.rule,
        }


@dataclass
class Extraction:
    """A document with the relations found in it."""

    document: Document
    endorsements: list[Endorsement]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.document.id, "endorsements": [e.to_dict() for e in self.endorsements]}
