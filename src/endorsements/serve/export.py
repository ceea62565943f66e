"""Exports of the ledger in two schemas, each as CSV, JSON or JSON Lines.

`native` is the ledger itself: every merged endorsement with its review state and all of its
evidence. `fivethirtyeight` is the column set of FiveThirtyEight's 2020 endorsement data, so
their readers and notebooks work on our ledger unchanged. Both are documented in
docs/export.md; a test checks that the two agree.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

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
    "endorser_category",
    "endorsee_category",
    "review_state",
    "reviewer",
    "reviewed_at",
    "review_note",
    "evidence",
)
FIVETHIRTYEIGHT_COLUMNS = (
    "date",
    "position",
    "city",
    "state",
    "endorser",
    "endorsee",
    "endorser party",
    "source",
    "category",
)
FORMATS = ("csv", "json", "jsonl")
SCHEMAS = ("native", "fivethirtyeight")
#: Joins a row's sources in CSV; paths and URLs may hold spaces, but not " | ".
SOURCE_SEPARATOR = " | "
#: FiveThirtyEight writes parties as one letter.
_PARTY_LETTER = {"Democratic": "D", "Republican": "R", "Independent": "I", "Libertarian": "L"}
#: Offices held in a city: only then is the endorser's place a city rather than a state.
_CITY_OFFICES = ("mayor", "council", "alder", "supervisor", "city")


def native_record(row: LedgerRow) -> dict[str, Any]:
    d = row.to_dict()
    return {k: d[k] for k in EXPORT_COLUMNS}


def fivethirtyeight_record(row: LedgerRow) -> dict[str, Any]:
    """One row in FiveThirtyEight's columns; the endorser's profile fills position and place."""
    attrs = row.endorser_attrs
    office = str(attrs.get("office") or "")
    place = str(attrs.get("place") or "")
    city = place if place and any(w in office.casefold() for w in _CITY_OFFICES) else ""
    party = str(attrs.get("party") or "")
    return {
        "date": row.first_seen.isoformat() if row.first_seen else None,
        "position": office or attrs.get("description") or None,
        "city": city or None,
        "state": attrs.get("state") or (place if place and not city else None),
        "endorser": row.endorser,
        "endorsee": row.endorsee,
        "endorser party": _PARTY_LETTER.get(party, party) or None,
        "source": row.sources[0] if row.sources else None,
        "category": row.endorser_category,
    }


def fivethirtyeight_rows(rows: Iterable[LedgerRow]) -> Iterable[LedgerRow]:
    """FiveThirtyEight's lists hold endorsements only: current support, not rejected."""
    return (r for r in rows if r.stance == "support" and r.review_state != "rejected")


def write_export(rows: Iterable[LedgerRow], fmt: str, out: TextIO, schema: str = "native") -> int:
    """Write rows in `fmt` and `schema`; return how many were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if schema not in SCHEMAS:
        raise ValueError(f"unknown export schema {schema!r}; use one of {', '.join(SCHEMAS)}")
    if schema == "native":
        columns, records = EXPORT_COLUMNS, (native_record(r) for r in rows)
    else:
        columns = FIVETHIRTYEIGHT_COLUMNS
        records = (fivethirtyeight_record(r) for r in fivethirtyeight_rows(rows))
    n = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for d in records:
            if "sources" in d:
                d["sources"] = SOURCE_SEPARATOR.join(d["sources"])
            if "evidence" in d:
                d["evidence"] = json.dumps(d["evidence"], ensure_ascii=False)
            writer.writerow({k: "" if d[k] is None else d[k] for k in columns})
            n += 1
    elif fmt == "jsonl":
        for d in records:
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
            n += 1
    else:
        items = list(records)
        json.dump(items, out, ensure_ascii=False, indent=2)
        out.write("\n")
        n = len(items)
    return n
