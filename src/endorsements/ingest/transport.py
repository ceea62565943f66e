"""The HTTP transport of our own client: the address it connects to, and a hard deadline.

`fetch` checks every URL (and every redirect hop) before sending, whatever client it is given.
That alone leaves a gap: the name is resolved again when the connection is made, and a hostile
DNS server can answer "public" to the check and "127.0.0.1" a moment later (DNS rebinding).
So our client's connections resolve the name once, check every address, and connect to one of
those very addresses. TLS still verifies the certificate against the host name, because only
the TCP connect is redirected to the checked address.

httpx's timeouts bound each read, not a whole response: a server that sends one header line
every half second never trips them. `fetch` therefore sets a deadline (`deadline()`) that every
socket operation of our client respects, so a fetch ends at `fetch_timeout` whatever the
server does.
"""

from __future__ import annotations

import socket
import ssl
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import httpcore
import httpx

from ..security import Resolver, check_addresses, resolve

_DEADLINE: ContextVar[float | None] = ContextVar("endorsements_fetch_deadline", default=None)


@contextmanager
def deadline(at: float) -> Iterator[None]:
    """Within the block, our client's socket operations fail once `time.monotonic()` > `at`."""
    token = _DEADLINE.set(at)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def _bounded(timeout: float | None) -> float | None:
    at = _DEADLINE.get()
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the whole fetch took too long")
    return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write ends by the current fetch's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _bounded(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        tls = self._inner.start_tls(ssl_context, server_hostname, _bounded(timeout))
        return DeadlineStream(tls)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's network backend with the address check between resolving and connecting,
    and streams that keep to the fetch deadline."""

    def __init__(
        self,
        inner: httpcore.NetworkBackend,
        resolver: Resolver = socket.getaddrinfo,
        allow_private: bool = False,
    ) -> None:
        self._inner = inner
        self._resolver = resolver
        self._allow_private = allow_private

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        if self._allow_private:
            stream = self._inner.connect_tcp(
                host, port, _bounded(timeout), local_address, socket_options
            )
            return DeadlineStream(stream)
        try:
            addresses = resolve(host, port, self._resolver)
        except OSError as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        check_addresses(host, addresses)  # raises UnsafeAddress, which `fetch` reports
        error: Exception | None = None
        for ip in addresses:
            try:
                stream = self._inner.connect_tcp(
                    str(ip), port, _bounded(timeout), local_address, socket_options
                )
                return DeadlineStream(stream)
            except httpcore.ConnectError as exc:  # try the next address, as browsers do
                error = exc
        raise error or httpcore.ConnectError(f"{host}: no address to connect to")

    def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("fetching over a Unix socket is not allowed")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def guarded_transport(
    resolver: Resolver = socket.getaddrinfo, *, allow_private: bool = False
) -> httpx.HTTPTransport:
    """An httpx transport whose every new connection goes through `GuardedBackend`.

    httpx has no public way to hand its pool a network backend, so we set the pool's one
    attribute; `tests/test_security.py` fails loudly if an upgrade moves it.
    """
    transport = httpx.HTTPTransport()
    pool = transport._pool  # noqa: SLF001 - see the docstring
    if not isinstance(pool, httpcore.ConnectionPool) or not hasattr(pool, "_network_backend"):
        raise RuntimeError("this httpx/httpcore version cannot be guarded; pin httpx 0.28")
    inner = pool._network_backend  # noqa: SLF001
    pool._network_backend = GuardedBackend(inner, resolver, allow_private)  # noqa: SLF001
    return transport
