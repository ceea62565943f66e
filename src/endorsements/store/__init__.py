"""The store stage: a SQL ledger of endorsements, merged across documents, each with evidence.

SQLite by default, PostgreSQL by URL; the schema is created and upgraded by the Alembic
migrations shipped in `migrations/` (see docs/store.md)::

    from endorsements.store import Ledger
    with Ledger("sqlite:///endorsements.db") as ledger:
        ledger.migrate()
        ledger.add_extraction(extraction)
        for row in ledger.rows(endorsee="Doe", stance="support"):
            print(row.to_dict())
"""

from .keys import name_key
from .ledger import Ledger, LedgerRow
from .records import (
    REVIEW_STATES,
    CandidateInfo,
    EntityInfo,
    EvidenceInfo,
    HistoryEvent,
    RaceDetail,
    RaceInfo,
)

__all__ = [
    "REVIEW_STATES",
    "CandidateInfo",
    "EntityInfo",
    "EvidenceInfo",
    "HistoryEvent",
    "Ledger",
    "LedgerRow",
    "RaceDetail",
    "RaceInfo",
    "name_key",
]
