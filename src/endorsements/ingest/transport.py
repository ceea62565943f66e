"""The HTTP transport of our own client: it checks the address it actually connects to.

`fetch` checks every URL (and every redirect hop) before sending, whatever client it is given.
That alone leaves a gap: the name is resolved again when the connection is made, and a hostile
DNS server can answer "public" to the check and "127.0.0.1" a moment later (DNS rebinding).
So our client's connections resolve the name once, check every address, and connect to one of
those very addresses. TLS still verifies the certificate against the host name, because only
the TCP connect is redirected to the checked address.
"""

from __future__ import annotations

import socket
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

from ..security import Resolver, check_addresses, resolve


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's network backend with the address check between resolving and connecting."""

    def __init__(
        self, inner: httpcore.NetworkBackend, resolver: Resolver = socket.getaddrinfo
    ) -> None:
        self._inner = inner
        self._resolver = resolver

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            addresses = resolve(host, port, self._resolver)
        except OSError as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        check_addresses(host, addresses)  # raises UnsafeAddress, which `fetch` reports
        error: Exception | None = None
        for ip in addresses:
            try:
                return self._inner.connect_tcp(
                    str(ip), port, timeout, local_address, socket_options
                )
            except httpcore.ConnectError as exc:  # try the next address, as browsers do
                error = exc
        raise error or httpcore.ConnectError(f"{host}: no address to connect to")

    def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("fetching over a Unix socket is not allowed")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def guarded_transport(resolver: Resolver = socket.getaddrinfo) -> httpx.HTTPTransport:
    """An httpx transport whose every new connection goes through `GuardedBackend`.

    httpx has no public way to hand its pool a network backend, so we set the pool's one
    attribute; `tests/test_security.py` fails loudly if an upgrade moves it.
    """
    transport = httpx.HTTPTransport()
    pool = transport._pool  # noqa: SLF001 - see the docstring
    if not isinstance(pool, httpcore.ConnectionPool) or not hasattr(pool, "_network_backend"):
        raise RuntimeError("this httpx/httpcore version cannot be guarded; pin httpx 0.28")
    pool._network_backend = GuardedBackend(pool._network_backend, resolver)  # noqa: SLF001
    return transport
