"""Helpers for the crash and concurrency tests: a large invented batch, the `endorsements`
command as a separate process, and the ledger's consistency rules written as SQL.

The articles are generated from invented names, so the batch can be as large as a test needs
and every run gets the same documents.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

from endorsements.store.schema import Base

PG_ENV = "ENDORSEMENTS_TEST_PG_URL"

FIRST = ["Talia", "Odile", "Corwin", "Ezra", "Marisol", "Bram", "Ines", "Lucan", "Petra", "Soren"]
LAST = ["Brennock", "Varga", "Ashby", "Quill", "Dunmore", "Halloway", "Pike", "Oyelaran"]
GROUPS = [
    "Harbor Nurses Guild",
    "Port Alder Firefighters Association",
    "Eastbank Teachers Union",
    "Millbrook Chamber of Commerce",
    "Riverside Tenants Council",
    "Glenmoor Police Officers Association",
]
OFFICES = ["mayor", "city council", "sheriff", "state senate", "school board"]


def articles(n: int) -> list[dict[str, str]]:
    """`n` distinct short news items, each with one or two endorsements.

    Names repeat across articles, so later documents merge into rows that earlier ones
    created: exactly where a half-written document or a race would leave duplicates.
    """
    people = [f"{a} {b}" for a, b in itertools.product(FIRST, LAST)]
    out = []
    for i in range(n):
        group = GROUPS[i % len(GROUPS)]
        candidate = people[(i * 7) % len(people)]
        office = OFFICES[i % len(OFFICES)]
        other = people[(i * 11 + 3) % len(people)]
        text_ = (
            f"The {group} on Tuesday endorsed {candidate} for {office}, citing her record "
            f"on housing. Item {i}: Council member {other} also endorsed {candidate} in a "
            "statement released by the campaign."
        )
        out.append({"id": f"a{i:05d}", "published": f"2024-{1 + i % 12:02d}-15", "text": text_})
    return out


def write_batch(path: Path, n: int) -> Path:
    path.write_text("".join(json.dumps(a) + "\n" for a in articles(n)), "utf-8")
    return path


def command_env(tmp_path: Path) -> dict[str, str]:
    """The environment for a child `endorsements`: shipped defaults, no user config."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ENDORSEMENTS_")}
    env["ENDORSEMENTS_CONFIG"] = str(tmp_path / "no-config.toml")
    return env


def endorsements_command(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("endorsements")
    return [str(script), *args]


def start_ingest(batch: Path, url: str, tmp_path: Path, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(
            endorsements_command("ingest", str(batch), "--db", url),
            env=command_env(tmp_path),
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def reset_postgres(url: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            Base.metadata.drop_all(conn)
            conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    finally:
        engine.dispose()


#: Each query counts rows that break a rule the ledger promises; all must be 0.
RULES = {
    "document whose evidence count differs from n_endorsements": """
        SELECT count(*) FROM documents d
        WHERE d.n_endorsements <> (SELECT count(*) FROM evidence e WHERE e.document_id = d.id)
    """,
    "endorsement whose evidence count differs from n_evidence": """
        SELECT count(*) FROM endorsements n
        WHERE n.n_evidence <> (SELECT count(*) FROM evidence e WHERE e.endorsement_id = n.id)
    """,
    "endorsement without evidence": "SELECT count(*) FROM endorsements WHERE n_evidence = 0",
    "entity no endorsement refers to": """
        SELECT count(*) FROM entities t WHERE NOT EXISTS (
            SELECT 1 FROM endorsements n WHERE n.endorser_id = t.id OR n.endorsee_id = t.id)
    """,
    "evidence of a missing document": """
        SELECT count(*) FROM evidence e
        WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = e.document_id)
    """,
    "duplicate entity key": """
        SELECT count(*) FROM (SELECT name_key FROM entities GROUP BY name_key
                              HAVING count(*) > 1) AS dup
    """,
    "duplicate endorsement": """
        SELECT count(*) FROM (SELECT endorser_id, endorsee_id, stance, race FROM endorsements
                              GROUP BY endorser_id, endorsee_id, stance, race
                              HAVING count(*) > 1) AS dup
    """,
}

TABLES = ("documents", "entities", "aliases", "endorsements", "evidence")


def snapshot(url: str) -> tuple[dict[str, int], dict[str, int]]:
    """(rule -> violations, table -> rows), all read in one transaction (one snapshot)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
            else:
                conn.exec_driver_sql("BEGIN")  # a read transaction is a snapshot in WAL mode
            broken = {rule: conn.execute(text(sql)).scalar_one() for rule, sql in RULES.items()}
            counts = {
                t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES
            }
            conn.rollback()
    finally:
        engine.dispose()
    return broken, counts


def ok(broken: dict[str, int]) -> dict[str, int]:
    """The broken rules only, so a failing assert shows what went wrong."""
    return {rule: n for rule, n in broken.items() if n}
