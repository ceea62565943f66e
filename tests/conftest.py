"""Shared pytest configuration."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "postgres: runs against PostgreSQL; skipped unless ENDORSEMENTS_TEST_PG_URL is set "
        "(a throwaway database: the tests drop the ledger tables)",
    )
    config.addinivalue_line(
        "markers",
        "browser: drives headless Chromium (scripts/install-chromium.sh installs it); skipped "
        "when it is missing, except under CI",
    )


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
    ]
)
def web_ledger_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The web tests' ledger (tests/web_ledger.py) on SQLite and, when
    ENDORSEMENTS_TEST_PG_URL is set, on PostgreSQL."""
    from web_ledger import build_ledger, reset_postgres

    if request.param == "sqlite":
        yield build_ledger(tmp_path / "ledger.db")
        return
    pg_url = os.environ.get("ENDORSEMENTS_TEST_PG_URL")
    if not pg_url:
        pytest.skip("set ENDORSEMENTS_TEST_PG_URL to a throwaway PostgreSQL database to run this")
    reset_postgres(pg_url)
    yield build_ledger(pg_url)
    reset_postgres(pg_url)
