"""Security checks shared by the fetcher and the web server: tokens and outbound addresses.

Nothing here depends on a web framework or an HTTP client, so every layer that needs a check
uses the same one.

Tokens are compared in constant time, because `==` stops at the first differing byte and so
tells a patient attacker, through response times, how much of a guess was right.

Outbound fetches are refused for addresses that are not on the public internet (loopback,
private, link-local, reserved, multicast...): a feed is written by someone else, and one
whose entry links to `http://169.254.169.254/` or `http://localhost:8080/admin` would otherwise
make us read a cloud metadata service or an intranet page and store it in a ledger others read
(server-side request forgery). The host name is resolved and *every* address it resolves to is
checked, since a name can resolve to one public and one private address.
"""

from __future__ import annotations

import ipaddress
import secrets
import socket
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

#: `socket.getaddrinfo`'s signature, so tests can stand in a resolver of their own.
Resolver = Callable[..., list[tuple]]

ALLOW_HINT = (
    "set fetch_allow_private = true (or ENDORSEMENTS_FETCH_ALLOW_PRIVATE=true) "
    "to read from your own network"
)


def tokens_match(given: str | bytes | None, expected: str | bytes) -> bool:
    """True when `given` is the expected token; the time taken does not depend on where they
    differ. An empty expected token matches nothing, so a missing setting cannot open a door."""
    if given is None or not expected:
        return False
    a = given.encode("utf-8") if isinstance(given, str) else given
    b = expected.encode("utf-8") if isinstance(expected, str) else expected
    return secrets.compare_digest(a, b)


def _same_address(host: str, address: str) -> bool:
    """True when the host is itself that address, however it is spelled."""
    try:
        return ipaddress.ip_address(host.strip("[]")) == ipaddress.ip_address(address)
    except ValueError:
        return False


class UnsafeAddress(Exception):
    """A fetch was about to reach an address that the settings do not allow."""

    def __init__(self, host: str, address: str, kind: str) -> None:
        self.host = host
        self.address = address
        self.kind = kind
        where = host if _same_address(host, address) else f"{host} ({address})"
        super().__init__(f"{where} is a {kind} address")


def address_kind(ip: IPAddress) -> str | None:
    """Why `ip` is not a public internet address, or None when it is one."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:  # ::ffff:127.0.0.1 reaches 127.0.0.1
            return address_kind(embedded)
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_multicast:
        return "multicast"
    if ip.is_private:
        return "private"
    if ip.is_reserved:
        return "reserved"
    if not ip.is_global:  # shared address space (100.64/10), documentation ranges...
        return "non-public"
    return None


def resolve(host: str, port: int, resolver: Resolver = socket.getaddrinfo) -> list[IPAddress]:
    """Every address `host` resolves to, in the resolver's order (raises `socket.gaierror`)."""
    literal = host.strip("[]")
    try:
        return [ipaddress.ip_address(literal)]
    except ValueError:
        pass
    found: list[IPAddress] = []
    for _family, _type, _proto, _name, sockaddr in resolver(host, port, type=socket.SOCK_STREAM):
        ip = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])  # drop an IPv6 zone
        if ip not in found:
            found.append(ip)
    return found


def check_addresses(host: str, addresses: Iterable[IPAddress]) -> None:
    """Raise `UnsafeAddress` if any of the addresses is not public."""
    for ip in addresses:
        kind = address_kind(ip)
        if kind is not None:
            raise UnsafeAddress(host, str(ip), kind)


def default_port(scheme: str) -> int:
    return 443 if scheme.lower() == "https" else 80


def check_url(url: str, resolver: Resolver = socket.getaddrinfo) -> list[IPAddress]:
    """Resolve the URL's host and check every address; returns the addresses when all are
    public. Raises `UnsafeAddress`, or `socket.gaierror` when the name does not resolve."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or default_port(parts.scheme)
    addresses = resolve(host, port, resolver)
    check_addresses(host, addresses)
    return addresses
