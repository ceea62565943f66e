"""Terminal views of entities, races, histories and review cards.

All text from articles goes through `Text(...)`, never markup, because names and evidence are
untrusted input ("[/b]" in a headline must print as is).
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..store import EntityInfo, HistoryEvent, LedgerRow, RaceDetail, RaceInfo
from .table import STANCE_STYLE

#: Attributes worth showing, in this order; the rest are the extractor's raw decoration.
PROFILE_KEYS = ("party", "office", "state", "place", "description", "former")


def profile_text(entity: EntityInfo) -> str:
    return ", ".join(f"{k}: {entity.attrs[k]}" for k in PROFILE_KEYS if entity.attrs.get(k))


def entities_table(entities: Iterable[EntityInfo], title: str | None = None) -> Table:
    table = Table(title=title)
    table.add_column("ID", justify="right")
    table.add_column("Name", overflow="fold")
    table.add_column("Type")
    table.add_column("Category")
    table.add_column("Given", justify="right")
    table.add_column("Received", justify="right")
    table.add_column("Aliases", overflow="fold", max_width=50)
    for e in entities:
        table.add_row(
            str(e.id),
            Text(e.name),
            e.type,
            e.category,
            str(e.n_given),
            str(e.n_received),
            Text("; ".join(e.aliases)),
        )
    return table


def entity_view(entity: EntityInfo, rows: list[LedgerRow]) -> RenderableType:
    head = Text()
    head.append(f"{entity.name}", style="bold")
    head.append(f"  (id {entity.id}, {entity.type}, {entity.category})\n")
    head.append("Aliases: ")
    head.append("; ".join(entity.aliases) or "none")
    head.append("\nProfile: ")
    head.append(profile_text(entity) or "none")
    if not rows:
        return Group(head, Text("No endorsements."))
    table = Table(title=f"{len(rows)} endorsements")
    for name in ("ID", "Endorser", "Stance", "Endorsee", "Race", "Review", "Sources"):
        table.add_column(name, overflow="fold")
    for r in rows:
        table.add_row(
            str(r.id),
            Text(r.endorser),
            Text(r.stance, style=STANCE_STYLE.get(r.stance, "")),
            Text(r.endorsee),
            Text(r.race or ""),
            r.review_state,
            str(len(r.sources)),
        )
    return Group(head, table)


def races_table(races: Iterable[RaceInfo], title: str | None = None) -> Table:
    table = Table(title=title)
    table.add_column("ID", justify="right")
    table.add_column("Race", overflow="fold")
    table.add_column("Office")
    table.add_column("Jurisdiction")
    table.add_column("Year")
    table.add_column("Candidates", justify="right")
    table.add_column("Endorsements", justify="right")
    for r in races:
        table.add_row(
            str(r.id),
            Text(r.label),
            Text(r.office or ""),
            Text(r.jurisdiction or ""),
            str(r.year or ""),
            str(r.n_candidates),
            str(r.n_endorsements),
        )
    return table


def race_view(detail: RaceDetail) -> RenderableType:
    """Candidates side by side: each column lists its endorsers and counts by category."""
    race = detail.race
    facts = [f"office: {race.office}" if race.office else ""]
    facts += [f"jurisdiction: {race.jurisdiction}" if race.jurisdiction else ""]
    facts += [f"year: {race.year}" if race.year else ""]
    head = Text(f"{race.label}", style="bold")
    head.append("  " + ", ".join(f for f in facts if f))
    if not detail.candidates:
        return Group(head, Text("No endorsements."))
    table = Table()
    for cand in detail.candidates:
        table.add_column(Text(cand.entity.name), overflow="fold", max_width=40)
    cells: list[Text] = []
    counts: list[Text] = []
    for cand in detail.candidates:
        lines = Text()
        for row in sorted(cand.endorsements, key=lambda r: (r.stance, r.endorser)):
            if lines:
                lines.append("\n")
            lines.append(row.endorser)
            note = row.endorser_category
            if row.stance != "support":
                note += f", {row.stance}"
            if row.review_state != "unreviewed":
                note += f", {row.review_state}"
            lines.append(f" ({note})", style=STANCE_STYLE.get(row.stance, ""))
        cells.append(lines)
        by_cat = cand.by_category()
        total = sum(by_cat.values())
        summary = f"{total} supporting"
        if by_cat:
            summary += ": " + ", ".join(f"{k} {v}" for k, v in by_cat.items())
        counts.append(Text(summary))
    table.add_row(*cells)
    table.add_section()
    table.add_row(*counts)
    return Group(head, table)


def history_table(events: Iterable[HistoryEvent], title: str | None = None) -> Table:
    table = Table(title=title)
    table.add_column("Date", no_wrap=True)
    table.add_column("Stance")
    table.add_column("Race", overflow="fold")
    table.add_column("Source", overflow="fold", max_width=40)
    table.add_column("Evidence", overflow="fold", max_width=60)
    for e in events:
        table.add_row(
            e.seen.isoformat() if e.seen else "undated",
            Text(e.stance, style=STANCE_STYLE.get(e.stance, "")),
            Text(e.race or ""),
            Text(e.source or e.document_id),
            Text(e.evidence),
        )
    return table


def review_card(row: LedgerRow, position: int, total: int) -> RenderableType:
    """One endorsement as the reviewer sees it: the claim, then every piece of evidence."""
    head = Text(f"[{position}/{total}] #{row.id} ", style="bold")
    head.append(row.endorser)
    head.append(f" {row.stance} ", style=STANCE_STYLE.get(row.stance, ""))
    head.append(row.endorsee)
    if row.race:
        head.append(f"  ({row.race})")
    parts: list[RenderableType] = [head]
    for ev in row.evidence:
        line = Text(f"  {ev.seen.isoformat() if ev.seen else 'undated'} {ev.stance}: ")
        line.append(f"“{ev.text}”")
        line.append(f"\n    {ev.source or ev.document_id} [{ev.start}:{ev.end}]", style="dim")
        parts.append(line)
    return Group(*parts)
