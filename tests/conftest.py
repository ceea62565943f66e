"""Shared pytest configuration."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from endorsements.settings import Settings, load_settings

# Fuzz profiles (tests/test_fuzz.py): "ci" keeps the whole suite's share under a minute; "long"
# is the documented run of tens of thousands of cases (`make fuzz`, docs/reliability.md).
# No deadline: the first call of a test may load spaCy, and CI machines are shared.
_FUZZ = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("ci", max_examples=20, **_FUZZ)
settings.register_profile("long", max_examples=1_000, **_FUZZ)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


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
    from ledger_checks import reset_postgres
    from web_ledger import build_ledger

    if request.param == "sqlite":
        yield build_ledger(tmp_path / "ledger.db")
        return
    pg_url = os.environ.get("ENDORSEMENTS_TEST_PG_URL")
    if not pg_url:
        pytest.skip("set ENDORSEMENTS_TEST_PG_URL to a throwaway PostgreSQL database to run this")
    reset_postgres(pg_url)
    yield build_ledger(pg_url)
    reset_postgres(pg_url)


@pytest.fixture
def shipped_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Settings:
    """The shipped defaults, whatever the developer's own config file and environment say."""
    monkeypatch.setenv("ENDORSEMENTS_CONFIG", str(tmp_path / "no-such-config.toml"))
    for name in [n for n in os.environ if n.startswith("ENDORSEMENTS_")]:
        if name != "ENDORSEMENTS_CONFIG":
            monkeypatch.delenv(name)
    return load_settings()
