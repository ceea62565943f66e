"""Fetching one URL with the limits from the settings.

Redirects are followed here, hop by hop, rather than by httpx so that the limit applies to any
client (including one a caller or a test passes in) and so that a redirect cannot lead to a
non-web scheme. The body is streamed and cut off at `fetch_max_bytes` (counted after
decompression, which also stops compression bombs), and `fetch_timeout` bounds the whole
fetch, not just each read, so a server that trickles bytes cannot hold a batch forever.

Unless `fetch_allow_private` is set, every hop's host is resolved and refused when any of its
addresses is loopback, private, link-local or otherwise not public (see `security.py`); our own
client repeats the check on the address it connects to (`transport.py`).
"""

from __future__ import annotations

import socket
import time
from dataclasses import dataclass
from urllib.parse import SplitResult, urljoin, urlsplit

import httpx

from ..errors import FetchError
from ..security import ALLOW_HINT, Resolver, UnsafeAddress, check_url
from ..settings import Settings
from .transport import deadline as fetch_deadline

NETWORK_HINT = "check the address or your network, then run the command again"
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8,application/json;q=0.8,text/csv;q=0.8,*/*;q=0.5"
)


@dataclass(frozen=True)
class Page:
    """A fetched body and what the server said about it."""

    url: str  #: as asked for, which is what the user will recognise in messages
    final_url: str  #: after redirects, for resolving relative links
    content_type: str  #: media type only, lower case, "" if the server sent none
    charset: str | None
    body: bytes


def _split(url: str) -> SplitResult | None:
    """The URL's parts, or None when it cannot be parsed (urlsplit raises on "http://[")."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def is_web_address(url: str) -> bool:
    parts = _split(url)
    return parts is not None and parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def _refuse(url: str) -> FetchError:
    parts = _split(url)
    scheme = parts.scheme.lower() if parts is not None else "http"
    if scheme in ("http", "https"):
        return FetchError(url, "could not fetch: not a valid web address", NETWORK_HINT)
    return FetchError(
        url,
        f"refused: only http and https addresses are fetched, not {scheme}:",
        "download the file and give its path instead",
    )


def _media_type(header: str) -> tuple[str, str | None]:
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'").lower()
    return media.strip().lower(), charset


def _too_large(url: str, settings: Settings) -> FetchError:
    return FetchError(
        url,
        f"could not fetch: larger than fetch_max_bytes ({settings.fetch_max_bytes:,} bytes)",
        "raise fetch_max_bytes if you trust the source",
    )


def _read_body(response: httpx.Response, url: str, settings: Settings, deadline: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > settings.fetch_max_bytes:
        raise _too_large(url, settings)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > settings.fetch_max_bytes:
            raise _too_large(url, settings)
        if time.monotonic() > deadline:
            raise httpx.ReadTimeout("the whole fetch took too long", request=response.request)
        chunks.append(chunk)
    return b"".join(chunks)


def _reason(exc: httpx.HTTPError | httpx.InvalidURL, settings: Settings) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out after {settings.fetch_timeout:g} seconds"
    return str(exc) or type(exc).__name__


def _unsafe(url: str, current: str, exc: UnsafeAddress) -> FetchError:
    via = "" if current == url else f"redirected to {current}, and "
    return FetchError(url, f"refused: {via}{exc}", ALLOW_HINT)


def _check_hop(url: str, current: str, resolver: Resolver) -> None:
    try:
        check_url(current, resolver)
    except UnsafeAddress as exc:
        raise _unsafe(url, current, exc) from None
    except (OSError, UnicodeError, ValueError) as exc:  # gaierror, an IDNA or port problem
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        parts = _split(current)
        host = (parts.hostname if parts is not None else None) or current
        raise FetchError(
            url, f"could not fetch: cannot resolve {host} ({reason})", NETWORK_HINT
        ) from None


def _redirect_target(base: str, response: httpx.Response) -> str:
    location = response.headers["location"]
    try:
        return urljoin(base, location)
    except ValueError:  # an unparsable Location; is_web_address then refuses it
        return location


def fetch(
    url: str, settings: Settings, client: httpx.Client, resolver: Resolver = socket.getaddrinfo
) -> Page:
    """GET `url` or raise `FetchError` saying why not."""
    if not is_web_address(url):
        raise _refuse(url)
    headers = {"User-Agent": settings.user_agent, "Accept": ACCEPT}
    deadline = time.monotonic() + settings.fetch_timeout
    current = url
    try:
        with fetch_deadline(deadline):
            for _ in range(settings.fetch_max_redirects + 1):
                if not settings.fetch_allow_private:
                    _check_hop(url, current, resolver)
                request = client.build_request(
                    "GET", current, headers=headers, timeout=settings.fetch_timeout
                )
                response = client.send(request, stream=True, follow_redirects=False)
                try:
                    if response.has_redirect_location:
                        target = _redirect_target(str(response.url), response)
                        if not is_web_address(target):
                            raise FetchError(
                                url,
                                f"could not fetch: redirected to {target}, "
                                "which is not a web address",
                                NETWORK_HINT,
                            )
                        current = target
                        continue
                    if not response.is_success:
                        raise FetchError(
                            url,
                            "could not fetch: HTTP "
                            f"{response.status_code} {response.reason_phrase}",
                            NETWORK_HINT,
                        )
                    body = _read_body(response, url, settings, deadline)
                    media, charset = _media_type(response.headers.get("content-type", ""))
                    return Page(url, str(response.url), media, charset, body)
                finally:
                    response.close()
    except UnsafeAddress as exc:  # from our own transport, at connect time
        raise _unsafe(url, current, exc) from None
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise FetchError(url, f"could not fetch: {_reason(exc, settings)}", NETWORK_HINT) from exc
    except ValueError as exc:  # httpx and urllib refuse some addresses urlsplit accepted
        raise FetchError(url, "could not fetch: not a valid web address", NETWORK_HINT) from exc
    raise FetchError(
        url,
        f"could not fetch: more than {settings.fetch_max_redirects} redirects",
        NETWORK_HINT,
    )
