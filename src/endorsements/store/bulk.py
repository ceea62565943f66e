"""Bulk loading: many documents per transaction, for millions of stored extractions.

`Ledger.add_extraction` commits once per document, which is what an interactive `ingest`
wants (nothing already extracted is lost on a crash) but caps loading at the commit rate of
the database. Here a batch of documents shares one transaction and one look-up of which ids
are already stored. If anything in a batch fails, the batch is rolled back and its documents
are stored one at a time, so a bad record costs only itself and nothing is half-written.

Batches take row locks in document order, not in one global order, so two bulk loaders
writing the same entities at once into PostgreSQL may deadlock; the database then aborts
one batch, which is retried document by document (in lock order) and still succeeds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import islice

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import EndorsementsError, InputError, StoreError
from ..models import Extraction
from .ledger import Ledger, _prepare, _Relation, document_record
from .schema import DocumentRecord


@dataclass
class BulkReport:
    read: int = 0
    stored: int = 0
    already_stored: int = 0
    relations: int = 0


def _store_batch(ledger: Ledger, batch: list[Extraction]) -> list[bool]:
    """Store a batch in one transaction; for each extraction, whether it was new."""
    ids = [ex.document.id for ex in batch]
    stored: list[bool] = []
    with (
        ledger._errors(f"store a batch of {len(batch)} documents"),
        Session(ledger._writer) as session,
        session.begin(),
    ):
        known = set(session.scalars(select(DocumentRecord.id).where(DocumentRecord.id.in_(ids))))
        now = datetime.now(UTC)
        for ex in batch:
            doc = ex.document
            if doc.id in known:
                stored.append(False)
                continue
            known.add(doc.id)
            relations = sorted(
                (_prepare(doc, e) for e in ex.endorsements), key=_Relation.lock_order
            )
            record = document_record(doc, now)
            session.add(record)
            record.n_endorsements = ledger._add_relations(session, doc, relations)
            stored.append(True)
    return stored


def bulk_add(
    ledger: Ledger,
    extractions: Iterable[Extraction],
    *,
    batch_size: int = 500,
    on_error: Callable[[EndorsementsError], None] = lambda e: None,
) -> BulkReport:
    """Store extractions in batches of `batch_size` documents; already stored ids are skipped."""
    report = BulkReport()
    it = iter(extractions)
    while batch := list(islice(it, batch_size)):
        report.read += len(batch)
        try:
            outcome = _store_batch(ledger, batch)
        except StoreError:
            outcome = []
            for ex in batch:  # find the bad one; store the others
                try:
                    outcome.append(ledger.add_extraction(ex))
                except StoreError as exc:
                    outcome.append(False)
                    report.already_stored -= 1  # not stored, and not already there either
                    on_error(
                        InputError(
                            ex.document.origin or ex.document.id,
                            f"could not store: {exc}",
                            "the document was not stored",
                        )
                    )
        for ex, new in zip(batch, outcome, strict=True):
            if new:
                report.stored += 1
                report.relations += len(ex.endorsements)
            else:
                report.already_stored += 1
    return report
