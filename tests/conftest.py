"""Shared pytest configuration."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "postgres: runs against PostgreSQL; skipped unless ENDORSEMENTS_TEST_PG_URL is set "
        "(a throwaway database: the tests drop the ledger tables)",
    )
