"""Running the packaged Alembic migrations from code.

The migration scripts ship inside the package (`store/migrations/`), so an installed
`endorsements` can create or upgrade any ledger without an alembic.ini or a source checkout.
The ledger's own engine is handed to env.py through `Config.attributes`, so migrations run with
the same SQLite pragmas and the same transaction handling as the writes that follow them.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from .engine import WRITE_OPTION

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

#: Arbitrary constant naming the PostgreSQL advisory lock that serializes concurrent upgrades.
_PG_MIGRATION_LOCK = 0x656E646F  # "endo"


def alembic_config(url: str | None = None) -> Config:
    """An Alembic `Config` pointing at the packaged scripts.

    Also the entry point for developers writing a new revision::

        from alembic import command
        from endorsements.store.migrate import alembic_config
        command.revision(alembic_config("sqlite:///dev.db"), "add x", autogenerate=True)
    """
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url is not None:
        # ConfigParser interpolation would eat the '%' of a percent-encoded password.
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str | None:
    """The newest revision shipped with this version of the package."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def upgrade(engine: Engine) -> None:
    """Bring the database behind `engine` to the newest shipped revision, in one transaction.

    Safe to call at every start: at head it is a no-op. Two processes upgrading at once are
    serialized (SQLite's write lock, PostgreSQL's advisory lock), and the second finds the work
    done, instead of both trying to create the same tables.
    """
    cfg = alembic_config()
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
