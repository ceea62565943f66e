"""Sharded extraction results on disk: one JSON Lines file per input shard.

A result line holds the whole document and its records, so `endorsements load` can store them
later, anywhere, without the inputs or the spaCy pipeline. Files are written under a temporary
name and renamed when complete: a crashed worker leaves no half-written shard for `load` to
read.
"""

from __future__ import annotations

import glob
import json
import os
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from .errors import InputError
from .models import Document, Endorsement, Extraction, Span

RESULT_SUFFIX = ".extractions.jsonl"


def expand(patterns: Iterable[str], suffixes: tuple[str, ...] = (".jsonl",)) -> list[str]:
    """Files named by paths, directories (their files ending in `suffixes`) or globs."""
    out: list[str] = []
    for pattern in patterns:
        path = Path(pattern)
        if path.is_dir():
            found = sorted(str(p) for p in path.iterdir() if p.name.endswith(suffixes))
        elif glob.has_magic(pattern):
            found = sorted(glob.glob(pattern))
        else:
            found = [pattern] if path.exists() else []
        if not found:
            raise InputError(pattern, "no such file, or no shard matches", "check the path or glob")
        out.extend(found)
    return out


def to_record(extraction: Extraction) -> dict[str, Any]:
    return {
        "document": extraction.document.to_dict(),
        "endorsements": [e.to_dict() for e in extraction.endorsements],
    }


def from_record(rec: dict[str, Any]) -> Extraction:
    d = rec["document"]
    doc = Document(
        id=d["id"],
        text=d["text"],
        source=d.get("source"),
        published=date.fromisoformat(d["published"]) if d.get("published") else None,
        title=d.get("title"),
        origin=d.get("origin"),
    )
    records = [
        Endorsement(
            endorser=e["endorser"],
            endorsee=e["endorsee"],
            stance=e["stance"],
            evidence=Span(e["evidence"], e["start"], e["end"]),
            kind=e["kind"],
            race=e.get("race"),
            date=e.get("date"),
            confidence=e["confidence"],
            endorser_type=e["endorser_type"],
            endorser_aliases=list(e.get("endorser_aliases") or []),
            endorsee_aliases=list(e.get("endorsee_aliases") or []),
            endorser_attrs=dict(e.get("endorser_attrs") or {}),
            endorsee_attrs=dict(e.get("endorsee_attrs") or {}),
            rule=e.get("rule", ""),
        )
        for e in rec["endorsements"]
    ]
    return Extraction(doc, records)


def write_shard(path: Path, extractions: Iterable[Extraction]) -> int:
    """Write one result shard atomically; returns the number of documents written."""
    tmp = path.with_name(path.name + ".part")
    n = 0
    with tmp.open("w", encoding="utf-8") as fh:
        for ex in extractions:
            fh.write(json.dumps(to_record(ex), ensure_ascii=False) + "\n")
            n += 1
    os.replace(tmp, path)
    return n


def read_shards(paths: Iterable[str]) -> Iterator[Extraction | InputError]:
    """Extractions from result shards; a bad line is yielded as an error and skipped."""
    for path in paths:
        try:
            fh = open(path, encoding="utf-8")  # noqa: SIM115 - closed below, errors per line
        except OSError as exc:
            yield InputError(path, f"cannot open ({exc.strerror})", "check the path")
            continue
        with fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    yield from_record(json.loads(line))
                except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                    yield InputError(
                        f"{path}:{n}",
                        f"not an extraction record ({type(exc).__name__}: {exc})",
                        "write it with `endorsements extract --engine dask` or skip the line",
                    )
