"""Opening a database URL as an engine the ledger can rely on.

SQLite needs three things switched on per connection before it behaves like a shared ledger:
foreign keys (off by default, so evidence could point at nothing), WAL journaling (readers do
not block the writer, so `rows()` works during an ingest) and a busy timeout (a second writer
waits instead of failing at once). Python's sqlite3 module also has to stop managing
transactions itself, or SAVEPOINTs silently escape the enclosing transaction and a rolled-back
document would leave rows behind.

Every failure to open becomes a `StoreError` naming the URL (without its password) and what to
do, because the CLI shows that message as is.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from ..errors import StoreError

#: How long a SQLite writer waits for another one before giving up, in milliseconds.
SQLITE_BUSY_TIMEOUT_MS = 30_000

#: Execution option that marks a connection as one that will write; see `_sqlite_begin`.
WRITE_OPTION = "endorsements_write"

POSTGRES_HINT = (
    "install a PostgreSQL driver, e.g. pip install 'endorsements[postgres]', "
    "and use a URL like postgresql+psycopg://user:password@host/dbname"
)


def safe_url(url: URL | str) -> str:
    """The URL as it may appear in messages and logs: never with its password."""
    try:
        parsed = make_url(url) if isinstance(url, str) else url
    except ArgumentError:
        return "<unparseable URL>"
    return parsed.render_as_string(hide_password=True)


def _is_file_sqlite(url: URL) -> bool:
    db = url.database or ""
    return (
        url.get_backend_name() == "sqlite"
        and db not in ("", ":memory:")
        and not db.startswith("file:")
        and url.query.get("mode") != "memory"
    )


def _check_sqlite_path(url: URL) -> None:
    """Catch a missing or read-only directory here, where we can still say which one it is.

    SQLite's own message for all of these is "unable to open database file".
    """
    path = Path(url.database or "")
    parent = path.parent
    shown = safe_url(url)
    if path.is_dir():
        raise StoreError(f"cannot open ledger {shown}: {path} is a directory, not a file")
    if not parent.exists():
        raise StoreError(
            f"cannot open ledger {shown}: directory {parent} does not exist "
            "(create it first, or point the db setting elsewhere)"
        )
    if not parent.is_dir():
        raise StoreError(f"cannot open ledger {shown}: {parent} is not a directory")
    if not path.exists() and not os.access(parent, os.W_OK | os.X_OK):
        raise StoreError(
            f"cannot create ledger {shown}: no permission to write in directory {parent}"
        )
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise StoreError(f"cannot open ledger {shown}: no permission to read and write {path}")


def _install_sqlite_hooks(engine: Engine, in_memory: bool) -> None:
    @event.listens_for(engine, "connect")
    def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
        # Hand transaction control to SQLAlchemy (see `_sqlite_begin`); required for SAVEPOINT.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            # busy_timeout first: switching to WAL itself may have to wait for a lock.
            cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            if not in_memory:
                cursor.execute("PRAGMA journal_mode = WAL")
                # Durable across application crashes in WAL mode, and much faster than FULL.
                cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _sqlite_begin(conn: Any) -> None:
        # A writer takes the write lock up front. A deferred transaction that reads and then
        # writes can meet another writer's newer snapshot in WAL mode and fail with "database
        # is locked" immediately, busy timeout or not; BEGIN IMMEDIATE waits instead.
        if conn.get_execution_options().get(WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def open_engine(url: str) -> Engine:
    """Create and test-connect an engine for `url`, or raise `StoreError` saying why not."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(
            f"{url!r} is not a database URL; use e.g. sqlite:///endorsements.db or "
            "postgresql+psycopg://user:password@host/dbname"
        ) from exc
    backend = parsed.get_backend_name()
    shown = safe_url(parsed)
    if _is_file_sqlite(parsed):
        _check_sqlite_path(parsed)
    kwargs: dict[str, Any] = {}
    if backend != "sqlite":
        # A long-lived ledger (a server, a watch loop) outlives idle connections.
        kwargs["pool_pre_ping"] = True
    try:
        engine = create_engine(parsed, **kwargs)
    except (NoSuchModuleError, ImportError) as exc:
        hint = POSTGRES_HINT if backend == "postgresql" else "install the database driver"
        raise StoreError(f"cannot open ledger {shown}: {exc} ({hint})") from exc
    except SQLAlchemyError as exc:  # e.g. a driver too old for this SQLAlchemy
        raise StoreError(f"cannot open ledger {shown}: {exc}") from exc
    if backend == "sqlite":
        _install_sqlite_hooks(engine, in_memory=not _is_file_sqlite(parsed))
    try:
        with engine.connect():
            pass
    except SQLAlchemyError as exc:
        engine.dispose()
        reason = getattr(exc, "orig", None) or exc
        raise StoreError(f"cannot open ledger {shown}: {reason}") from exc
    return engine


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL (None for other backends, in-memory or unparsable URLs)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if not _is_file_sqlite(parsed) or parsed.database is None:
        return None
    return Path(parsed.database)
