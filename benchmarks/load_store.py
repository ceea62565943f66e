"""Loading speed of the ledger: endorsements stored per second, SQLite and PostgreSQL.

    .venv/bin/python benchmarks/load_store.py [--rows 100000] [--pg URL] [--batch-size 500]

Builds synthetic extractions (invented names, 5 endorsements per document, 4,000 distinct
endorsers and 400 endorsees, so rows merge as in a real ledger) and stores them into a fresh
ledger with (a) `Ledger.add_extraction`, one transaction per document, on the first tenth of
the rows, and (b) `store.bulk.bulk_add`, one transaction per batch of documents, on all of
them. PostgreSQL needs a real server: `--pg URL` or ENDORSEMENTS_TEST_PG_URL (its ledger
tables are dropped first). Prints rows/s for each.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from endorsements.models import Document, Endorsement, Extraction, Span
from endorsements.store import Ledger
from endorsements.store.bulk import bulk_add

PER_DOC = 5


def extractions(rows: int) -> Iterator[Extraction]:
    for d in range(rows // PER_DOC):
        parts: list[str] = []
        records: list[Endorsement] = []
        pos = 0
        for k in range(PER_DOC):
            i = d * PER_DOC + k
            er, ee = f"Endorser Number{i % 4000:04d}", f"Candidate Number{(i * 7) % 400:03d}"
            sentence = f"{er} endorsed {ee} for mayor."
            records.append(
                Endorsement(
                    endorser=er,
                    endorsee=ee,
                    stance="support",
                    evidence=Span(sentence, pos, pos + len(sentence)),
                    race="mayor",
                    date="2024-05",
                    confidence=0.8,
                    rule="active/name+name",
                )
            )
            parts.append(sentence)
            pos += len(sentence) + 1
        yield Extraction(Document(f"doc-{d:06d}", " ".join(parts)), records)


def fresh(url: str) -> Ledger:
    """An empty, migrated ledger at `url`."""
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    ledger = Ledger(url)
    if url.startswith("postgresql"):
        from sqlalchemy import text

        from endorsements.store.schema import Base

        # every table the schema knows (the list grows with each migration), then the
        # migration stamp, so `migrate` starts from nothing
        with ledger._engine.begin() as conn:
            Base.metadata.drop_all(conn)
            conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    ledger.migrate()
    return ledger


def measure(label: str, url: str, rows: int, batch_size: int) -> None:
    one = rows // 10
    ledger = fresh(url)
    start = time.perf_counter()
    for ex in extractions(one):
        ledger.add_extraction(ex)
    per_doc = one / (time.perf_counter() - start)
    ledger.close()
    ledger = fresh(url)
    start = time.perf_counter()
    report = bulk_add(ledger, extractions(rows), batch_size=batch_size)
    bulk = rows / (time.perf_counter() - start)
    counts = ledger.counts()
    ledger.close()
    assert report.stored == rows // PER_DOC
    print(
        f"{label:<11}{'per document':>14}{per_doc:>10.0f} rows/s ({one} rows)   "
        f"{'bulk':>6}{bulk:>10.0f} rows/s ({rows} rows; ledger: {counts['endorsements']} "
        f"endorsements, {counts['evidence']} evidence, {counts['entities']} entities)",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--pg", default=os.environ.get("ENDORSEMENTS_TEST_PG_URL"))
    args = parser.parse_args()
    print(f"{args.rows} endorsements, {PER_DOC} per document, bulk batches of {args.batch_size}")
    with tempfile.TemporaryDirectory() as tmp:
        measure("SQLite", f"sqlite:///{Path(tmp) / 'bench.db'}", args.rows, args.batch_size)
    if args.pg:
        measure("PostgreSQL", args.pg, args.rows, args.batch_size)
    else:
        print("PostgreSQL: skipped (pass --pg URL or set ENDORSEMENTS_TEST_PG_URL)")


if __name__ == "__main__":
    main()
