"""The ledger commands: entities, races, race, history, review, verify and reject.

They live apart from cli.py so that file stays the home of reading and exporting, and are
registered on the same Typer app (cli.py imports this module at its end). Like every command,
they turn `EndorsementsError`s into one `error:` line and exit code 1, and nothing else.
"""

from __future__ import annotations

import getpass
import sys
from typing import Annotated

import click
import typer

from .cli import DbOption, _fail, _ledger, _settings, app, err, out
from .errors import EndorsementsError
from .resolve import CATEGORIES
from .serve.views import (
    entities_table,
    entity_view,
    history_table,
    race_view,
    races_table,
    review_card,
)
from .store import LedgerRow

entities_app = typer.Typer(
    help="List, inspect and correct the people and organizations in the ledger.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(
    entities_app,
    name="entities",
    epilog="Example: endorsements entities list --min-endorsements 3",
)

Reviewer = Annotated[
    str | None,
    typer.Option("--reviewer", help="Who is reviewing (default: your login name)."),
]


def _reviewer(value: str | None) -> str:
    if value and value.strip():
        return value.strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in a bare container
        return "unknown"


def _row_line(row: LedgerRow) -> str:
    race = f" ({row.race})" if row.race else ""
    return f"#{row.id} {row.endorser} {row.stance} {row.endorsee}{race}"


@entities_app.command(
    "list", epilog="Example: endorsements entities list --category union --min-endorsements 2"
)
def entities_list(
    query: Annotated[
        str | None, typer.Option("--query", "-q", help="Name or alias (substring).")
    ] = None,
    category: Annotated[
        str | None, typer.Option(help=f"Only this category: {', '.join(CATEGORIES)}.")
    ] = None,
    min_endorsements: Annotated[
        int, typer.Option("--min-endorsements", min=0, help="Only entities in this many rows.")
    ] = 0,
    db: DbOption = None,
) -> None:
    """List entities with their category, endorsement counts and aliases."""
    settings = _settings(db=db)
    with _ledger(settings, must_exist=True) as ledger:
        try:
            found = ledger.entities(
                query=query, category=category, min_endorsements=min_endorsements
            )
        except EndorsementsError as exc:
            _fail(exc)
    if not found:
        out.print("No entities match.")
        return
    out.print(entities_table(found, title=f"{len(found)} entities"))


@entities_app.command("show", epilog="Example: endorsements entities show 'Jane Roe'")
def entities_show(
    entity: Annotated[str, typer.Argument(help="Entity id, name or alias.")],
    db: DbOption = None,
) -> None:
    """Show one entity: aliases, profile, and every endorsement it gives or receives."""
    settings = _settings(db=db)
    with _ledger(settings, must_exist=True) as ledger:
        try:
            info = ledger.entity(entity)
            rows = ledger.rows(endorser_id=info.id) + ledger.rows(endorsee_id=info.id)
        except EndorsementsError as exc:
            _fail(exc)
    out.print(entity_view(info, sorted({r.id: r for r in rows}.values(), key=lambda r: r.id)))


@entities_app.command("merge", epilog="Example: endorsements entities merge 12 40")
def entities_merge(
    keep: Annotated[int, typer.Argument(help="Id of the entity to keep.")],
    others: Annotated[list[int], typer.Argument(help="Ids of the entities to fold into KEEP.")],
    db: DbOption = None,
) -> None:
    """Merge entities that are one person or organization; reviews and evidence are kept."""
    settings = _settings(db=db)
    with _ledger(settings, must_exist=True) as ledger:
        try:
            for other in others:
                info = ledger.merge_entities(keep, other)
        except EndorsementsError as exc:
            _fail(exc)
    out.print(
        f"merged {', '.join(map(str, others))} into {info.id} {info.name} "
        f"({info.n_endorsements} endorsements, {len(info.aliases)} aliases)",
        markup=False,
    )


@entities_app.command(
    "split", epilog="Example: endorsements entities split 12 'Roe' --name 'Ann Roe'"
)
def entities_split(
    entity: Annotated[int, typer.Argument(help="Id of the entity to split.")],
    aliases: Annotated[list[str], typer.Argument(help="Aliases that belong to someone else.")],
    name: Annotated[
        str | None, typer.Option("--name", help="Name of the new entity (default: first alias).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Move aliases, and the evidence that used them, to a new entity; reviews are kept."""
    settings = _settings(db=db)
    with _ledger(settings, must_exist=True) as ledger:
        try:
            info = ledger.split_entity(entity, aliases, name)
        except EndorsementsError as exc:
            _fail(exc)
    out.print(
        f"split {info.id} {info.name} off {entity} "
        f"({info.n_endorsements} endorsements, {len(info.aliases)} aliases)",
        markup=False,
    )


@entities_app.command("rename", epilog="Example: endorsements entities rename 12 'Jane Q. Roe'")
def entities_rename(
    entity: Annotated[int, typer.Argument(help="Id of the entity to rename.")],
    new_name: Annotated[str, typer.Argument(help="Its new display name.")],
    db: DbOption = None,
) -> None:
    """Give an entity a new name; the old one stays as an alias."""
    settings = _settings(db=db)
    with _ledger(settings, must_exist=True) as ledger:
        try:
            info = ledger.rename_entity(entity, new_name)
        except EndorsementsError as exc:
            _fail(exc)
    out.print(f"renamed {info.id} to {info.name}", markup=False)


@app.command(epilog="Example: endorsements races --year 2022")
def races(
    year: Annotated[int | None, typer.Option("--year", help="Only races in this year.")] = None,
    db: DbOption = None,
) -> None:
    """List races: office, jurisdiction, year, and how many candidates and endorsements."""
    settings = _settings(db=db)
    with _ledger(settings, must_exist=True) as ledger:
        try:
            found = ledger.races(year=year)
        except EndorsementsError as exc:
            _fail(exc)
    if not found:
        out.print("No races match.")
        return
    out.print(races_table(found, title=f"{len(found)} races"))


@app.command(epilog="Example: endorsements race 'Riverton mayor'")
def race(
    name: Annotated[str, typer.Argument(help="Race id, name, or part of a name.")],
    db: DbOption = None,
) -> None:
    """Show a race's candidates side by side with their endorsers and counts by category."""
    settings = _settings(db=db)
    with _ledger(settings, must_exist=True) as ledger:
        try:
            detail = ledger.race(name)
        except EndorsementsError as exc:
            _fail(exc)
    out.print(race_view(detail))


@app.command(epilog="Example: endorsements history 'Jane Roe' 'John Doe'")
def history(
    endorser: Annotated[str, typer.Argument(help="Endorser id, name or alias.")],
    endorsee: Annotated[str, typer.Argument(help="Endorsee id, name or alias.")],
    db: DbOption = None,
) -> None:
    """Show every statement ENDORSER made about ENDORSEE, oldest first; the last is current."""
    settings = _settings(db=db)
    with _ledger(settings, must_exist=True) as ledger:
        try:
            er, ee, events = ledger.history(endorser, endorsee)
        except EndorsementsError as exc:
            _fail(exc)
    if not events:
        out.print(f"No endorsements from {er.name} about {ee.name}.", markup=False)
        return
    out.print(history_table(events, title=f"{er.name} on {ee.name}: now {events[-1].stance}"))


def _set_review(
    endorsement_id: int, state: str, note: str | None, reviewer: str | None, db: str | None
) -> None:
    settings = _settings(db=db)
    with _ledger(settings, must_exist=True) as ledger:
        try:
            row = ledger.set_review(endorsement_id, state, _reviewer(reviewer), note)
        except EndorsementsError as exc:
            _fail(exc)
    out.print(f"{_row_line(row)}: {state} by {row.reviewer}", markup=False)


@app.command(epilog="Example: endorsements verify 3 --note 'checked the source'")
def verify(
    endorsement: Annotated[int, typer.Argument(help="Endorsement id (see `show`).")],
    note: Annotated[str | None, typer.Option("--note", help="Why, for the record.")] = None,
    reviewer: Reviewer = None,
    db: DbOption = None,
) -> None:
    """Mark an endorsement verified: a person checked the evidence and it holds."""
    _set_review(endorsement, "verified", note, reviewer, db)


@app.command(epilog="Example: endorsements reject 3 --note 'the quote is about another race'")
def reject(
    endorsement: Annotated[int, typer.Argument(help="Endorsement id (see `show`).")],
    note: Annotated[str, typer.Option("--note", help="Why it is wrong (required).")],
    reviewer: Reviewer = None,
    db: DbOption = None,
) -> None:
    """Mark an endorsement rejected; it stays rejected however often articles repeat it."""
    _set_review(endorsement, "rejected", note, reviewer, db)


def _read_key() -> str:
    """One key on a terminal; one line otherwise (scripts, tests). '' at end of input."""
    if sys.stdin.isatty():
        key = click.getchar()
        typer.echo(key)
        return key.strip().casefold()[:1]
    line = sys.stdin.readline()
    return line.strip().casefold()[:1] if line else "q"


@app.command(epilog="Example: endorsements review --limit 20")
def review(
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Stop after this many endorsements.")
    ] = None,
    reviewer: Reviewer = None,
    db: DbOption = None,
) -> None:
    """Walk the unreviewed endorsements, showing their evidence: v verifies, r rejects (and
    asks why), s skips, q quits. Each decision is stored at once."""
    settings = _settings(db=db)
    who = _reviewer(reviewer)
    done = {"verified": 0, "rejected": 0, "skipped": 0}
    with _ledger(settings, must_exist=True) as ledger:
        try:
            pending = ledger.rows(review_state="unreviewed", limit=limit, with_evidence=True)
            for n, row in enumerate(pending, 1):
                out.print(review_card(row, n, len(pending)))
                key = ""
                while key not in ("v", "r", "s", "q"):
                    err.print("[v]erify  [r]eject  [s]kip  [q]uit: ", end="", markup=False)
                    key = _read_key()
                if key == "q":
                    break
                if key == "s":
                    done["skipped"] += 1
                    continue
                note = None
                if key == "r":
                    err.print("why? ", end="", markup=False)
                    note = sys.stdin.readline().strip() or None
                state = "verified" if key == "v" else "rejected"
                ledger.set_review(row.id, state, who, note)
                done[state] += 1
        except EndorsementsError as exc:
            _fail(exc)
    if not pending:
        out.print("Nothing to review.")
        return
    out.print(", ".join(f"{v} {k}" for k, v in done.items()), markup=False)
