"""The `endorsements` command line.

Library code raises `EndorsementsError`s; this module is the only place that turns them into
messages on stderr and exit codes: 0 when everything worked, 1 when some input or the store
failed (the rest of the batch still ran), 2 for a usage error.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

from . import pipeline
from .errors import EndorsementsError
from .extract.evaluate import CONFIDENT, confident_precision, score
from .models import Extraction
from .serve import ledger_table, write_export
from .settings import Settings, __version__, load_settings
from .store import Ledger
from .store.engine import sqlite_path

app = typer.Typer(
    name="endorsements",
    help="Read political news and keep an evidence-linked ledger of who backs whom.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
# Piped or redirected output gets a wide table instead of Rich's 80-column default.
out = Console(
    highlight=False,
    soft_wrap=False,
    width=None if sys.stdout.isatty() or "COLUMNS" in os.environ else 160,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class Stance(StrEnum):
    support = "support"
    oppose = "oppose"
    withdraw = "withdraw"


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


class ReviewState(StrEnum):
    unreviewed = "unreviewed"
    verified = "verified"
    rejected = "rejected"


class Engine(StrEnum):
    local = "local"
    dask = "dask"


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


class ExportSchema(StrEnum):
    native = "native"
    fivethirtyeight = "fivethirtyeight"


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database URL (default: ENDORSEMENTS_DB or sqlite:///endorsements.db)."
    ),
]
MinConfidence = Annotated[
    float | None,
    typer.Option(
        "--min-confidence", min=0.0, max=1.0, help="Drop records whose confidence is below this."
    ),
]
Workers = Annotated[
    int | None,
    typer.Option(
        "--workers", min=1, help="Extractor processes (default: ENDORSEMENTS_WORKERS or 1)."
    ),
]
PrefilterOption = Annotated[
    bool | None,
    typer.Option(
        "--prefilter/--no-prefilter",
        help="Parse only the sentences the first pass picks (default: on; docs/performance.md).",
    ),
]


def _settings(**overrides: object) -> Settings:
    try:
        return load_settings(**overrides)
    except EndorsementsError as exc:
        _fail(exc)


def _fail(exc: BaseException, code: int = 1) -> typer.Exit:
    err.print(f"error: {exc}", markup=False)
    raise typer.Exit(code)


def _report_error(exc: BaseException) -> None:
    err.print(f"error: {exc}", markup=False)


@contextmanager
def _ledger(settings: Settings, *, must_exist: bool = False) -> Iterator[Ledger]:
    """Open (and migrate) the ledger. Readers pass `must_exist` so that a mistyped SQLite path
    is an error rather than a silently created empty ledger."""
    if must_exist:
        path = sqlite_path(settings.db)
        if path is not None and not path.exists():
            _fail(
                f"{path}: no ledger there yet (run `endorsements ingest SOURCE... --db "
                f"{settings.db}` first, or check --db / ENDORSEMENTS_DB)"
            )
    try:
        ledger = Ledger(settings.db)
        ledger.migrate()
    except EndorsementsError as exc:
        _fail(exc)
    try:
        yield ledger
    finally:
        ledger.close()


def _progress() -> Progress:
    """A progress bar on a terminal; nothing at all when stderr is piped or redirected."""
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def _version(value: bool) -> None:
    if value:
        out.print(f"endorsements {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Read political news and keep an evidence-linked ledger of who backs whom."""


@app.command(epilog="Example: endorsements ingest examples/ --db sqlite:///endorsements.db")
def ingest(
    sources: Annotated[
        list[str], typer.Argument(help="Files, directories, URLs, feeds, or - for stdin.")
    ],
    db: DbOption = None,
    min_confidence: MinConfidence = None,
    workers: Workers = None,
    prefilter: PrefilterOption = None,
) -> None:
    """Read sources, extract endorsements and store them in the ledger.

    Documents already stored (same id) are skipped; each document is stored in its own
    transaction, so an error in one never loses another.
    """
    settings = _settings(db=db, min_confidence=min_confidence, workers=workers, prefilter=prefilter)
    with _ledger(settings) as ledger, _progress() as progress:
        task = progress.add_task("ingesting", total=None)

        def advance(_doc: object, _n: int | None) -> None:
            progress.advance(task)

        try:
            report = pipeline.ingest(
                sources, ledger, settings, on_error=_report_error, on_document=advance
            )
        except EndorsementsError as exc:
            _fail(exc)
    err.print(
        f"{_n(report.read, 'document')} read: {report.stored} stored with "
        f"{_n(report.relations, 'endorsement')}, {report.already_stored} already stored; "
        f"{_n(len(report.errors), 'error')}.",
        markup=False,
    )
    if report.errors:
        raise typer.Exit(1)


def _print_extractions(
    extractions: Iterator[Extraction], fmt: ExtractFormat, stream: TextIO
) -> int:
    n = 0
    if fmt is ExtractFormat.jsonl:
        for ex in extractions:
            stream.write(json.dumps(ex.to_dict(), ensure_ascii=False) + "\n")
            stream.flush()
            n += 1
    elif fmt is ExtractFormat.json:
        items = [ex.to_dict() for ex in extractions]
        stream.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
        n = len(items)
    else:
        from rich.table import Table
        from rich.text import Text

        table = Table("Document", "Endorser", "Stance", "Endorsee", "Conf.", "Evidence")
        for ex in extractions:
            n += 1
            for e in ex.endorsements:
                # Text, not str: ids, names and evidence are data, never Rich markup.
                table.add_row(
                    *(
                        Text(c)
                        for c in (
                            ex.document.id,
                            e.endorser,
                            e.stance,
                            e.endorsee,
                            f"{e.confidence:.2f}",
                            e.evidence.text,
                        )
                    )
                )
        out.print(table)
    return n


@app.command(epilog="Example: endorsements extract --format jsonl examples/wire.jsonl")
def extract(
    sources: Annotated[
        list[str], typer.Argument(help="Files, directories, URLs, feeds, or - for stdin.")
    ],
    format: Annotated[
        ExtractFormat,
        typer.Option(
            "--format", "-f", help="jsonl: one line per document; json: one array; table."
        ),
    ] = ExtractFormat.jsonl,
    min_confidence: MinConfidence = None,
    workers: Workers = None,
    prefilter: PrefilterOption = None,
    engine: Annotated[
        Engine,
        typer.Option("--engine", help="local: this machine, results on stdout; dask: a cluster."),
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Dask scheduler address (tcp://host:8786); default: a local cluster.",
        ),
    ] = None,
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="With --engine dask: directory for result shards."),
    ] = Path("extractions"),
) -> None:
    """Print the endorsements found in the sources, without storing anything.

    With --format jsonl each input document gives one line, in input order:
    {"id": ..., "endorsements": [...]}, which ../shared/eval/score.py reads.

    With --engine dask each SOURCE is a shard (a JSONL file, a directory of them or a glob);
    every shard is extracted on a cluster worker and written to OUTPUT as
    <shard>.extractions.jsonl, which `endorsements load` stores in a ledger.
    """
    settings = _settings(min_confidence=min_confidence, workers=workers, prefilter=prefilter)
    errors: list[BaseException] = []

    def on_error(exc: BaseException) -> None:
        errors.append(exc)
        _report_error(exc)

    if engine is Engine.dask:
        _extract_on_dask(sources, settings, scheduler, output)
        return

    try:
        _print_extractions(
            pipeline.extract_sources(sources, settings, on_error=on_error), format, sys.stdout
        )
    except EndorsementsError as exc:
        _fail(exc)
    if errors:
        raise typer.Exit(1)


def _extract_on_dask(
    sources: list[str], settings: Settings, scheduler: str | None, output: Path
) -> None:
    from .distributed import extract_on_dask
    from .shards import expand

    try:
        shards = expand(sources)
        results = extract_on_dask(shards, output, settings, scheduler=scheduler)
    except EndorsementsError as exc:
        _fail(exc)
    except OSError as exc:  # an unreachable scheduler
        _fail(f"cannot reach the Dask scheduler {scheduler}: {exc}")
    n_errors = 0
    for r in results:
        for message in r.errors:
            _report_error(message)
        n_errors += len(r.errors)
    err.print(
        f"{_n(len(results), 'shard')}: {_n(sum(r.documents for r in results), 'document')} "
        f"with {_n(sum(r.relations for r in results), 'endorsement')} written to {output}; "
        f"{_n(n_errors, 'error')}.",
        markup=False,
    )
    if n_errors:
        raise typer.Exit(1)


@app.command(epilog="Example: endorsements load extractions/ --db sqlite:///endorsements.db")
def load(
    results: Annotated[
        list[str],
        typer.Argument(help="Result shards of `extract --engine dask`: files, directories, globs."),
    ],
    db: DbOption = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Documents stored per transaction.")
    ] = 500,
) -> None:
    """Store extraction results (from `extract --engine dask`) in the ledger.

    Documents already stored are skipped, so loading the same shards twice stores nothing
    twice. Documents are written in batches, one transaction each; a batch that fails is
    retried one document at a time, so one bad record never loses the others.
    """
    from .errors import InputError
    from .shards import RESULT_SUFFIX, expand, read_shards
    from .store.bulk import bulk_add

    settings = _settings(db=db)
    errors: list[BaseException] = []

    def on_error(exc: BaseException) -> None:
        errors.append(exc)
        _report_error(exc)

    def extractions():
        for item in read_shards(expand(results, (RESULT_SUFFIX,))):
            if isinstance(item, InputError):
                on_error(item)
            else:
                yield item

    with _ledger(settings) as ledger:
        try:
            report = bulk_add(ledger, extractions(), batch_size=batch_size, on_error=on_error)
        except EndorsementsError as exc:
            _fail(exc)
    err.print(
        f"{_n(report.read, 'document')} read: {report.stored} stored with "
        f"{_n(report.relations, 'endorsement')}, {report.already_stored} already stored; "
        f"{_n(len(errors), 'error')}.",
        markup=False,
    )
    if errors:
        raise typer.Exit(1)


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _parse_date(value: str | None, option: str = "--since") -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date; use YYYY-MM-DD", param_hint=f"'{option}'"
        ) from None


@app.command(epilog="Example: endorsements show --endorsee Doe --stance support")
def show(
    endorsee: Annotated[
        str | None, typer.Option(help="Endorsee name or alias (substring).")
    ] = None,
    endorser: Annotated[
        str | None, typer.Option(help="Endorser name or alias (substring).")
    ] = None,
    stance: Annotated[Stance | None, typer.Option(help="support, oppose or withdraw.")] = None,
    since: Annotated[
        str | None,
        typer.Option(help="Only endorsements first seen on or after this date (YYYY-MM-DD)."),
    ] = None,
    race: Annotated[str | None, typer.Option(help="Race name (substring).")] = None,
    review: Annotated[
        ReviewState | None, typer.Option(help="unreviewed, verified or rejected.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Print the ledger as a table: id, endorser, current stance, endorsee, race, first seen,
    sources and the best evidence."""
    since_date = _parse_date(since)
    settings = _settings(db=db)
    with _ledger(settings, must_exist=True) as ledger:
        try:
            rows = ledger.rows(
                endorsee=endorsee,
                endorser=endorser,
                stance=stance.value if stance else None,
                since=since_date,
                race=race,
                review_state=review.value if review else None,
            )
        except EndorsementsError as exc:
            _fail(exc)
    if not rows:
        out.print("No endorsements match.")
        return
    out.print(ledger_table(rows, title=f"{len(rows)} endorsements"))


@app.command(epilog="Example: endorsements export --schema fivethirtyeight --output ledger.csv")
def export(
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="csv, json or jsonl.")
    ] = ExportFormat.csv,
    schema: Annotated[
        ExportSchema,
        typer.Option(
            "--schema",
            help="native: every column, evidence and review; fivethirtyeight: their 2020 columns.",
        ),
    ] = ExportSchema.native,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File to write (default: standard output)."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Write the whole ledger in a machine-readable format (columns in docs/export.md)."""
    settings = _settings(db=db)
    with _ledger(settings, must_exist=True) as ledger:
        try:
            rows = ledger.rows(with_evidence=schema is ExportSchema.native)
        except EndorsementsError as exc:
            _fail(exc)
    if output is None:
        write_export(rows, format.value, sys.stdout, schema.value)
        return
    tmp = output.with_name(output.name + ".partial")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            n = write_export(rows, format.value, fh, schema.value)
        tmp.replace(output)  # a reader never sees a half-written export
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        _fail(f"{output}: cannot write ({exc.strerror}); check the path and permissions")
    err.print(f"{n} endorsements written to {output}", markup=False)


@app.command(name="eval", epilog="Example: endorsements eval ../shared/eval/dev.jsonl --errors")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL annotated per the guidelines.")],
    errors: Annotated[
        bool, typer.Option("--errors", help="List each false positive and false negative.")
    ] = False,
    predictions: Annotated[
        Path | None,
        typer.Option(
            "--predictions", help="Score this prediction JSONL instead of running the extractor."
        ),
    ] = None,
    min_confidence: MinConfidence = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score the extractor on a gold file: precision, recall and F1, per stance, and each
    attribute's accuracy. Matching rules are those of ../shared/eval/score.py (docs/evaluation.md).
    """
    settings = _settings(min_confidence=min_confidence)
    input_errors: list[BaseException] = []

    def on_error(exc: BaseException) -> None:
        input_errors.append(exc)
        _report_error(exc)

    try:
        gold_docs = _load_jsonl(gold)
        if predictions is not None:
            preds = {k: v.get("endorsements", []) for k, v in _load_jsonl(predictions).items()}
        else:
            preds = {
                ex.document.id: [e.to_dict() for e in ex.endorsements]
                for ex in pipeline.extract_sources([str(gold)], settings, on_error=on_error)
            }
    except EndorsementsError as exc:
        _fail(exc)
    result = score(gold_docs, preds)
    confident = confident_precision(gold_docs, preds)
    # Plain writes, not Rich: Rich would expand the tabs and wrap long lines at the width.
    if errors:
        for row in result.errors:
            typer.echo("\t".join(row))
    if as_json:
        out_json = result.as_dict()
        if confident is not None:
            out_json["confident"] = confident.as_dict() | {"threshold": CONFIDENT}
        typer.echo(json.dumps(out_json, indent=2))
    else:
        o = result.overall
        typer.echo(
            f"P={o.precision:.3f} R={o.recall:.3f} F1={o.f1:.3f} "
            f"(tp={o.tp} fp={o.fp} fn={o.fn}, {result.docs} docs)"
        )
        for stance, c in result.by_stance.items():
            if c.tp + c.fp + c.fn:
                typer.echo(
                    f"  {stance:<8} P={c.precision:.3f} R={c.recall:.3f} "
                    f"F1={c.f1:.3f} (tp={c.tp} fp={c.fp} fn={c.fn})"
                )
        for attr, (correct, judged) in result.attributes.items():
            if judged:
                typer.echo(f"  {attr:<13} accuracy {correct / judged:.3f} ({correct}/{judged})")
        if confident is not None:
            typer.echo(
                f"  confidence>={CONFIDENT:.2f} P={confident.precision:.3f} "
                f"(tp={confident.tp} fp={confident.fp})"
            )
    if input_errors:  # scored what could be read; say that something could not
        raise typer.Exit(1)


@app.command(epilog="Example: endorsements serve --port 8000 --db sqlite:///endorsements.db")
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    db: DbOption = None,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            help="Token that writes (ingest, verify, reject) must present (default: "
            "ENDORSEMENTS_TOKEN; none means read-only).",
        ),
    ] = None,
) -> None:
    """Serve the ledger over HTTP: web pages, the JSON API under /api/, /feed.atom and the API
    docs at /docs. Runs until interrupted (Ctrl-C)."""
    import uvicorn

    from .serve.app import create_app

    settings = _settings(db=db, token=token)
    with _ledger(settings) as ledger:
        try:
            web_app = create_app(ledger, settings)
        except EndorsementsError as exc:
            _fail(exc)
        mode = "read-write (token set)" if settings.token else "read-only (no token)"
        err.print(f"serving {ledger!r} on http://{host}:{port}/ {mode}", markup=False)
        try:
            uvicorn.run(web_app, host=host, port=port, log_level="info")
        except SystemExit as exc:  # uvicorn exits (code 3) when it cannot bind; it logged why
            if exc.code:
                _fail(f"cannot listen on {host}:{port} (is it in use? choose another --port)")


@app.command(epilog="Example: endorsements watch https://example.org/feed.xml --interval 600")
def watch(
    feed_url: Annotated[list[str], typer.Argument(help="RSS or Atom feed URLs to poll.")],
    interval: Annotated[
        float, typer.Option(min=1.0, help="Seconds to wait between polls.")
    ] = 300.0,
    once: Annotated[bool, typer.Option("--once", help="Poll one time and exit.")] = False,
    db: DbOption = None,
    min_confidence: MinConfidence = None,
) -> None:
    """Poll news feeds, ingest their new entries and print one line per new endorsement.

    Entries already in the ledger are skipped; a feed or entry that fails is reported on
    standard error and the loop goes on. Stop it with Ctrl-C.
    """
    from .serve.queries import Queries
    from .serve.watch import PollReport, describe
    from .serve.watch import watch as watch_loop
    from .store.engine import open_engine

    settings = _settings(db=db, min_confidence=min_confidence)
    failed = False

    def on_error(exc: BaseException) -> None:
        nonlocal failed
        failed = True
        _report_error(exc)

    def on_poll(report: PollReport) -> None:
        for e in report.new_endorsements:
            typer.echo(describe(e))
        err.print(
            f"poll: {_n(report.documents_read, 'document')} read, {report.documents_stored} "
            f"new, {_n(len(report.new_endorsements), 'new endorsement')}.",
            markup=False,
        )

    with _ledger(settings) as ledger:
        try:
            queries = Queries(ledger, open_engine(settings.db))
        except EndorsementsError as exc:
            _fail(exc)
        try:
            watch_loop(
                feed_url,
                ledger,
                queries,
                settings,
                interval=interval,
                polls=1 if once else None,
                on_poll=on_poll,
                on_error=on_error,
            )
        except EndorsementsError as exc:
            _fail(exc)
        except KeyboardInterrupt:
            err.print("stopped.", markup=False)
        finally:
            queries.engine.dispose()
    if once and failed:
        raise typer.Exit(1)


def _load_jsonl(path: Path) -> dict[str, dict]:
    from .errors import InputError

    docs: dict[str, dict] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(str(path), "no such file", "check the path") from None
    except UnicodeDecodeError:
        raise InputError(str(path), "not valid UTF-8", "convert the file to UTF-8") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            docs[str(rec["id"])] = rec
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(
                f"{path}:{n}", f"not a JSON record with an id ({exc})", "fix or remove the line"
            ) from None
    return docs


# Registers the ledger commands (entities, races, race, history, review, verify, reject) on `app`.
from . import cli_ledger  # noqa: E402, F401


def main() -> None:
    app()


if __name__ == "__main__":
    main()
