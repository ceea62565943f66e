"""The ingest stage: sources (files, directories, stdin, URLs, feeds) in, `Document`s out.

Bad input is yielded as an `InputError`, never raised, so that a batch of thousands of articles
can report each problem in one line and carry on. See docs/ingest.md for the formats.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

import httpx

from ..errors import InputError
from ..models import Document
from ..settings import Settings
from .sources import read_source
from .transport import guarded_transport

__all__ = ["read_sources"]


class _LazyClient:
    """Open an HTTP client only if some source needs the network, and close only our own."""

    def __init__(self, settings: Settings, given: httpx.Client | None) -> None:
        self._settings = settings
        self._given = given
        self._own: httpx.Client | None = None

    def __call__(self) -> httpx.Client:
        if self._given is not None:
            return self._given
        if self._own is None:
            transport = guarded_transport(allow_private=self._settings.fetch_allow_private)
            self._own = httpx.Client(timeout=self._settings.fetch_timeout, transport=transport)
        return self._own

    def close(self) -> None:
        if self._own is not None:
            self._own.close()
            self._own = None


def read_sources(
    sources: Iterable[str],
    settings: Settings,
    *,
    stdin: TextIO | None = None,
    client: httpx.Client | None = None,
) -> Iterator[Document | InputError]:
    """Yield documents and input errors in input order.

    `stdin` (default `sys.stdin`) is read for the source "-"; `client` lets a caller share a
    connection pool or, in tests, use a mock transport. The same id is never yielded twice in
    one call: an exact repeat (same id and text) is skipped silently, while a reused id with a
    different text is an error, since the store would otherwise keep only one of them.
    """
    lazy = _LazyClient(settings, client)
    seen: dict[str, tuple[bytes, str]] = {}
    stream = stdin if stdin is not None else sys.stdin
    try:
        for source in sources:
            for item in read_source(os.fspath(source), settings, stdin=stream, client=lazy):
                if isinstance(item, Document):
                    digest = hashlib.sha1(item.text.encode("utf-8")).digest()
                    where = item.origin or item.source or item.id
                    first = seen.get(item.id)
                    if first is None:
                        seen[item.id] = (digest, where)
                    elif first[0] == digest:
                        continue
                    else:
                        item = InputError(
                            where,
                            f"id {item.id!r} was already used by {first[1]} for another text",
                            "give each document its own id",
                        )
                yield item
    finally:
        lazy.close()
