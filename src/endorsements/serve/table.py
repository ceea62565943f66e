"""The ledger as a Rich table for the terminal (`endorsements show`, `make demo`)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text

from ..store import LedgerRow

STANCE_STYLE = {"support": "green", "oppose": "red", "withdraw": "yellow"}


def ledger_table(rows: Iterable[LedgerRow], title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False, expand=False)
    # The id is what `verify`, `reject` and the exports use to name a row.
    table.add_column("ID", justify="right")
    table.add_column("Endorser", overflow="fold")
    table.add_column("Stance")
    table.add_column("Endorsee", overflow="fold")
    table.add_column("Race", overflow="fold")
    table.add_column("First seen", no_wrap=True)
    table.add_column("Sources", justify="right")
    table.add_column("Best evidence", overflow="fold", max_width=60)
    for row in rows:
        # Text(), never markup: names and evidence come from untrusted articles ("[/b]")
        table.add_row(
            str(row.id),
            Text(row.endorser),
            Text(row.stance, style=STANCE_STYLE.get(row.stance, "")),
            Text(row.endorsee),
            Text(row.race or ""),
            row.first_seen.isoformat() if row.first_seen else "",
            str(len(row.sources)),
            Text(row.best_evidence),
        )
    return table
