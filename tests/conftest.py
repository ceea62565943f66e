"""Shared pytest configuration."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

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
