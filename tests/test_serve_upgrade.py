"""The web server over a ledger made by an older version: one migration head, and a 0001
ledger upgraded in place serves reviews from #4's columns (there is no `reviews` table)."""

from __future__ import annotations

import warnings
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from endorsements.store.migrate import alembic_config
from web_ledger import TOKEN, make_app

with warnings.catch_warnings():  # Starlette's notice about its httpx-based client
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def test_the_migrations_have_one_head() -> None:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert heads == ["0002"]


def test_a_0001_ledger_upgrades_and_the_web_reviews_it(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0001")
            conn.execute(text(
                "INSERT INTO documents (id, source, published, title, text, ingested_at, "
                "n_endorsements) VALUES ('d1', NULL, '2024-03-01', 'Old news', "
                "'Nia Orrin endorsed Pax Demby.', '2024-03-01 00:00:00', 1)"
            ))  # fmt: skip
            conn.execute(text(
                "INSERT INTO entities (id, name, name_key, type, attrs) VALUES "
                "(1, 'Nia Orrin', 'nia orrin', 'person', '{}'), "
                "(2, 'Pax Demby', 'pax demby', 'person', '{}')"
            ))  # fmt: skip
            conn.execute(text(
                "INSERT INTO endorsements (id, endorser_id, endorsee_id, stance, race, kind, "
                "first_seen, last_seen, confidence, n_evidence) VALUES (1, 1, 2, 'support', "
                "'Lakeport mayor 2024', 'endorsement', '2024-03-01', '2024-03-01', 0.9, 1)"
            ))  # fmt: skip
            conn.execute(text(
                'INSERT INTO evidence (endorsement_id, document_id, text, start, "end", "date", '
                "confidence, rule) VALUES (1, 'd1', 'Nia Orrin endorsed Pax Demby', 0, 28, "
                "NULL, 0.9, '')"
            ))  # fmt: skip
    finally:
        engine.dispose()

    app, ledger = make_app(url)  # migrates to head, as `serve` does at start
    try:
        with TestClient(app, raise_server_exceptions=False) as c:
            assert c.get("/api/endorsements/1").json()["review"]["state"] == "unreviewed"
            assert [r["name"] for r in c.get("/api/races").json()] == ["Lakeport mayor 2024"]
            done = c.post(
                "/api/endorsements/1/reject",
                json={"note": "wrong race"},
                headers={"Authorization": f"Bearer {TOKEN}"},
            )
            assert done.status_code == 200, done.text
            history = c.get("/api/endorsements/1/history").json()
            assert [(h["event"], h["stance"]) for h in history] == [
                ("evidence", "support"),
                ("rejected", "support"),
            ]
            assert history[-1]["quote"] == "wrong race"
    finally:
        ledger.close()
    engine = create_engine(url)
    try:
        assert "reviews" not in inspect(engine).get_table_names()
        with engine.connect() as conn:
            row = conn.execute(
                text("SELECT review_state, reviewer, review_note FROM endorsements WHERE id = 1")
            ).one()
        assert tuple(row) == ("rejected", "web", "wrong race")
    finally:
        engine.dispose()
