"""Exports of the ledger: CSV, JSON and JSON Lines with one documented set of columns.

The columns are documented in docs/export.md; a test checks that the two agree.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from ..store import LedgerRow

EXPORT_COLUMNS = (
    "id",
    "endorser",
    "endorser_type",
    "stance",
    "endorsee",
    "race",
    "kind",
    "first_seen",
    "last_seen",
    "sources",
    "n_evidence",
    "best_evidence",
    "confidence",
)
FORMATS = ("csv", "json", "jsonl")
#: Joins a row's sources in CSV; paths and URLs may hold spaces, but not " | ".
SOURCE_SEPARATOR = " | "


def write_export(rows: Iterable[LedgerRow], fmt: str, out: TextIO) -> int:
    """Write rows in `fmt`; return how many were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    n = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            d = row.to_dict()
            d["sources"] = SOURCE_SEPARATOR.join(d["sources"])
            writer.writerow({k: "" if d[k] is None else d[k] for k in EXPORT_COLUMNS})
            n += 1
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    else:
        items = [row.to_dict() for row in rows]
        json.dump(items, out, ensure_ascii=False, indent=2)
        out.write("\n")
        n = len(items)
    return n
