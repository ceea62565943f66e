"""Shared pytest configuration."""

from __future__ import annotations

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
