"""Fetch limits against a real server on loopback: redirect loops, endless bodies, slow drips.

Every test here uses the client `read_sources` makes itself, as `endorsements ingest URL` does.
The server is on 127.0.0.1, so the tests that expect a fetch to proceed allow private
addresses; the first test shows that the default refuses it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from endorsements.errors import FetchError
from endorsements.ingest import read_sources
from endorsements.models import Document
from endorsements.security import ALLOW_HINT
from endorsements.settings import Settings
from webserver import serving

NETWORK_HINT = "check the address or your network, then run the command again"


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving() as url:
        yield url


@pytest.fixture
def settings(shipped_settings: Settings) -> Settings:
    return shipped_settings


@pytest.fixture
def local(settings: Settings) -> Settings:
    """Defaults with loopback allowed and a size cap small enough for a quick test.

    The time cap stays generous (a loaded CI machine is slow) except where it is the subject.
    """
    return settings.with_overrides(
        fetch_allow_private=True, fetch_max_bytes=1_000_000, fetch_timeout=10.0
    )


def one(url: str, settings: Settings) -> Document | FetchError:
    [item] = list(read_sources([url], settings))
    assert isinstance(item, Document | FetchError), item
    return item


def test_loopback_is_refused_by_default(server: str, settings: Settings) -> None:
    item = one(f"{server}/article", settings)
    assert str(item) == (
        f"{server}/article: refused: 127.0.0.1 is a loopback address ({ALLOW_HINT})"
    )


def test_a_page_is_read_when_allowed(server: str, local: Settings) -> None:
    item = one(f"{server}/moved", local)
    assert isinstance(item, Document)
    assert item.text.startswith("The Harbor Nurses Guild endorsed Talia Brennock")
    assert item.source == f"{server}/moved"


@pytest.mark.parametrize("path", ["/loop", "/ping"])
def test_redirect_loops_stop_at_the_limit(server: str, local: Settings, path: str) -> None:
    item = one(server + path, local.with_overrides(fetch_max_redirects=4))
    assert str(item) == f"{server}{path}: could not fetch: more than 4 redirects ({NETWORK_HINT})"


@pytest.mark.parametrize("path", ["/endless", "/declared-huge", "/gzip-bomb"])
def test_huge_bodies_are_cut_off(server: str, local: Settings, path: str) -> None:
    started = time.monotonic()
    item = one(server + path, local)
    assert str(item) == (
        f"{server}{path}: could not fetch: larger than fetch_max_bytes (1,000,000 bytes) "
        "(raise fetch_max_bytes if you trust the source)"
    )
    assert time.monotonic() - started < 5


def test_slow_drip_is_stopped_by_the_total_time_cap(server: str, local: Settings) -> None:
    """Each byte comes well within the read timeout; only a cap on the whole fetch stops it."""
    started = time.monotonic()
    item = one(f"{server}/drip", local.with_overrides(fetch_timeout=1.0))
    elapsed = time.monotonic() - started
    assert str(item) == (
        f"{server}/drip: could not fetch: timed out after 1 seconds ({NETWORK_HINT})"
    )
    assert 1.0 <= elapsed < 3.0


def test_slow_headers_are_stopped_by_the_total_time_cap(server: str, local: Settings) -> None:
    """A server that sends one header line at a time never finishes the response head; the
    deadline reaches into every socket read of our client, not only the body."""
    started = time.monotonic()
    item = one(f"{server}/drip-headers", local.with_overrides(fetch_timeout=1.0))
    elapsed = time.monotonic() - started
    assert str(item) == (
        f"{server}/drip-headers: could not fetch: timed out after 1 seconds ({NETWORK_HINT})"
    )
    assert 1.0 <= elapsed < 3.0


def test_batch_goes_on_after_a_fetch_is_stopped(server: str, local: Settings) -> None:
    items = list(read_sources([f"{server}/endless", f"{server}/article"], local))
    assert [type(item) for item in items] == [FetchError, Document]
