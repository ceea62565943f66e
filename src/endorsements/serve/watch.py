"""`endorsements watch`: poll news feeds, ingest their new entries, report each new endorsement.

A poll is an ordinary `pipeline.ingest` of the feed URLs, so entries already in the ledger are
skipped by document id (re-reading a feed costs only the fetch) and a bad entry is reported
and skipped without stopping the loop. What the poll added is found by endorsement id: rows
created after the highest id seen before the poll.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .. import pipeline
from ..errors import EndorsementsError
from ..settings import Settings
from ..store import Ledger
from .queries import Queries


@dataclass
class PollReport:
    documents_read: int
    documents_stored: int
    new_endorsements: list[dict[str, Any]]
    errors: list[EndorsementsError]


def describe(e: dict[str, Any]) -> str:
    """One log line for a new endorsement (the CLI prints it as plain text, never markup)."""
    race = f" [{e['race']}]" if e["race"] else ""
    seen = f" first seen {e['first_seen']}" if e["first_seen"] else ""
    return (
        f"new endorsement #{e['id']}: {e['endorser']['name']} {e['stance']} "
        f"{e['endorsee']['name']}{race}{seen}"
    )


def poll(
    feeds: Sequence[str],
    ledger: Ledger,
    queries: Queries,
    settings: Settings,
    on_error: Callable[[EndorsementsError], None] = lambda e: None,
) -> PollReport:
    before = queries.max_endorsement_id()
    report = pipeline.ingest(feeds, ledger, settings, on_error=on_error)
    return PollReport(
        documents_read=report.read,
        documents_stored=report.stored,
        new_endorsements=queries.endorsements_after(before),
        errors=list(report.errors),
    )


def watch(
    feeds: Sequence[str],
    ledger: Ledger,
    queries: Queries,
    settings: Settings,
    *,
    interval: float,
    polls: int | None = None,
    on_poll: Callable[[PollReport], None] = lambda r: None,
    on_error: Callable[[EndorsementsError], None] = lambda e: None,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Poll every `interval` seconds, `polls` times (forever when None); return the number of
    new endorsements seen. The wait runs from the end of one poll to the start of the next, so
    a slow poll never piles up behind itself."""
    n_polls = 0
    seen = 0
    while polls is None or n_polls < polls:
        if n_polls:
            sleep(interval)
        report = poll(feeds, ledger, queries, settings, on_error)
        seen += len(report.new_endorsements)
        on_poll(report)
        n_polls += 1
    return seen
