"""Alembic environment for the ledger.

Normally run through `endorsements.store.migrate.upgrade`, which passes its own open connection
in `config.attributes["connection"]` (already inside a transaction, so everything here joins
it). Without one — a developer driving Alembic by hand — the URL comes from the config's
`sqlalchemy.url`, else the ENDORSEMENTS_DB environment variable, and is opened with the same
engine setup the ledger uses.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy.engine import Connection

from endorsements.store.engine import WRITE_OPTION, open_engine
from endorsements.store.schema import Base

config = context.config
target_metadata = Base.metadata


def _url() -> str:
    return (
        config.get_main_option("sqlalchemy.url")
        or os.environ.get("ENDORSEMENTS_DB")
        or "sqlite:///endorsements.db"
    )


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite can only ALTER a table by copying it; batch mode does that for later revisions.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )


def run_offline() -> None:
    """Emit SQL instead of running it (`alembic upgrade --sql`), for DBAs who review DDL."""
    context.configure(
        url=_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=_url().startswith("sqlite"),
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = open_engine(_url())
    try:
        with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
            _configure(conn)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
