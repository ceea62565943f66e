"""Token comparison and the outbound address policy (SSRF), without touching the network.

A fake resolver stands in for DNS, so the tests can say which addresses a name has, including
names that change their answer between the check and the connection (DNS rebinding).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable

import httpx
import pytest

from endorsements.errors import ConfigError, FetchError
from endorsements.ingest.fetch import fetch
from endorsements.ingest.transport import guarded_transport
from endorsements.security import (
    ALLOW_HINT,
    UnsafeAddress,
    address_kind,
    check_url,
    resolve,
    tokens_match,
)
from endorsements.settings import Settings, load_settings


def fake_dns(table: dict[str, list[str]]) -> Callable[..., list[tuple]]:
    """A `getaddrinfo` that knows only `table`; unknown names fail as real DNS does."""

    def getaddrinfo(host: str, port: int, *args: object, **kwargs: object) -> list[tuple]:
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        out = []
        for address in table[host]:
            family = socket.AF_INET6 if ":" in address else socket.AF_INET
            out.append((family, socket.SOCK_STREAM, 6, "", (address, port)))
        return out

    return getaddrinfo


@pytest.fixture
def settings(shipped_settings: Settings) -> Settings:
    """The shipped defaults (private addresses refused), whatever the environment says."""
    return shipped_settings


# --- tokens --------------------------------------------------------------------------------------


def test_tokens_match_only_the_exact_token() -> None:
    assert tokens_match("s3cret-token", "s3cret-token")
    assert tokens_match(b"s3cret-token", "s3cret-token")
    assert not tokens_match("s3cret-tokeN", "s3cret-token")
    assert not tokens_match("s3cret", "s3cret-token")
    assert not tokens_match("", "s3cret-token")
    assert not tokens_match(None, "s3cret-token")
    assert not tokens_match("", "")  # no token configured: nothing matches
    assert tokens_match("jeton-été", "jeton-été")  # non-ASCII tokens compare as UTF-8


# --- which addresses are refused -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),  # cloud metadata services live here
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("100.64.0.1", "non-public"),  # carrier-grade NAT
        ("240.0.0.1", "private"),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped IPv6
        ("::ffff:10.0.0.1", "private"),
        ("2002:7f00:1::1", "loopback"),  # 6to4 around 127.0.0.1
        ("8.8.8.8", None),
        ("93.184.215.14", None),
        ("2606:4700::1111", None),
    ],
)
def test_address_kind(address: str, kind: str | None) -> None:
    assert address_kind(ipaddress.ip_address(address)) == kind


def test_every_resolved_address_is_checked() -> None:
    dns = fake_dns({"split.example": ["93.184.215.14", "10.0.0.7"], "ok.example": ["8.8.4.4"]})
    with pytest.raises(UnsafeAddress, match=r"split.example \(10.0.0.7\) is a private address"):
        check_url("https://split.example/a", dns)
    assert [str(a) for a in check_url("http://ok.example:8080/", dns)] == ["8.8.4.4"]


def test_literal_addresses_need_no_resolver() -> None:
    def no_dns(*args: object, **kwargs: object) -> list[tuple]:
        raise AssertionError("a literal address must not be looked up")

    with pytest.raises(UnsafeAddress, match=r"^::1 is a loopback address$"):
        check_url("http://[::1]:8080/", no_dns)
    with pytest.raises(UnsafeAddress, match=r"^::ffff:169.254.169.254 is a link-local address$"):
        check_url("http://[::ffff:169.254.169.254]/", no_dns)
    assert [str(a) for a in resolve("[2606:4700::1111]", 443, no_dns)] == ["2606:4700::1111"]


def test_numeric_host_spellings_resolve_to_loopback() -> None:
    """Decimal, octal and short forms of 127.0.0.1 are caught because the resolved address is
    checked, not the spelling."""
    for url in ("http://2130706433/", "http://0x7f.1/", "http://127.1/"):
        try:
            addresses = resolve(url.split("/")[2], 80)
        except socket.gaierror:
            continue  # this platform's resolver does not read that spelling at all
        with pytest.raises(UnsafeAddress, match="loopback"):
            check_url(url)
        assert all(address_kind(a) == "loopback" for a in addresses)


# --- fetch applies the policy on every hop ------------------------------------------------------


def test_private_address_is_refused_before_any_request(settings: Settings) -> None:
    def never(request: httpx.Request) -> httpx.Response:
        raise AssertionError("must not be sent")

    client = httpx.Client(transport=httpx.MockTransport(never))
    dns = fake_dns({"intranet.example": ["192.168.0.10"]})
    for url, problem in [
        ("http://127.0.0.1:8080/admin", "refused: 127.0.0.1 is a loopback address"),
        ("http://169.254.169.254/latest/meta-data/", "refused: 169.254.169.254 is a link-local"),
        ("https://intranet.example/", "refused: intranet.example (192.168.0.10) is a private"),
    ]:
        with pytest.raises(FetchError) as caught:
            fetch(url, settings, client, resolver=dns)
        assert caught.value.location == url
        assert caught.value.problem.startswith(problem)
        assert caught.value.hint == ALLOW_HINT


def test_redirect_to_a_private_address_is_refused(settings: Settings) -> None:
    sent: list[str] = []

    def web(request: httpx.Request) -> httpx.Response:
        sent.append(str(request.url))
        return httpx.Response(302, headers={"location": "http://metadata.example/secrets"})

    client = httpx.Client(transport=httpx.MockTransport(web))
    dns = fake_dns({"news.example": ["93.184.215.14"], "metadata.example": ["169.254.169.254"]})
    with pytest.raises(FetchError) as caught:
        fetch("https://news.example/story", settings, client, resolver=dns)
    assert str(caught.value) == (
        "https://news.example/story: refused: redirected to http://metadata.example/secrets, "
        f"and metadata.example (169.254.169.254) is a link-local address ({ALLOW_HINT})"
    )
    assert sent == ["https://news.example/story"]  # the second hop was never requested


def test_unresolvable_name_is_a_clear_error(settings: Settings) -> None:
    client = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200)))
    with pytest.raises(FetchError) as caught:
        fetch("https://nowhere.example/", settings, client, resolver=fake_dns({}))
    assert caught.value.problem == (
        "could not fetch: cannot resolve nowhere.example (Name or service not known)"
    )


def test_allow_private_lets_the_request_through(settings: Settings) -> None:
    client = httpx.Client(
        transport=httpx.MockTransport(lambda r: httpx.Response(200, text="hello"))
    )
    page = fetch("http://10.0.0.5/x.txt", settings.with_overrides(fetch_allow_private=True), client)
    assert page.body == b"hello"


def test_connection_is_checked_again_against_dns_rebinding(settings: Settings) -> None:
    """The name looks public when checked, then resolves to loopback when connecting: our own
    transport resolves, checks and connects to the same address, so the trick fails."""
    checked = fake_dns({"rebind.example": ["93.184.215.14"]})
    at_connect = fake_dns({"rebind.example": ["127.0.0.1"]})
    client = httpx.Client(transport=guarded_transport(resolver=at_connect))
    with pytest.raises(FetchError) as caught:
        fetch("http://rebind.example:18799/", settings, client, resolver=checked)
    assert caught.value.problem == "refused: rebind.example (127.0.0.1) is a loopback address"


def test_guarded_transport_connects_to_the_checked_address() -> None:
    """A name resolving to a public address is connected to by that address: an unroutable
    documentation address fails to connect, proving the resolver's answer was used."""
    dns = fake_dns({"site.example": ["192.0.2.1"]})  # TEST-NET-1: refused as non-public
    client = httpx.Client(transport=guarded_transport(resolver=dns))
    with pytest.raises(UnsafeAddress, match="192.0.2.1"):
        client.get("http://site.example/")


# --- the setting ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "value"), [("true", True), ("1", True), ("no", False)])
def test_allow_private_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, settings: Settings, raw: str, value: bool
) -> None:
    monkeypatch.setenv("ENDORSEMENTS_FETCH_ALLOW_PRIVATE", raw)
    assert load_settings().fetch_allow_private is value


def test_allow_private_must_be_a_boolean(
    monkeypatch: pytest.MonkeyPatch, settings: Settings
) -> None:
    assert settings.fetch_allow_private is False  # the shipped default
    monkeypatch.setenv("ENDORSEMENTS_FETCH_ALLOW_PRIVATE", "perhaps")
    with pytest.raises(ConfigError, match="'fetch_allow_private': 'perhaps' is not true or false"):
        load_settings()
