"""From a source string (path, directory, "-" or URL) to the reader for its format.

Files are chosen by extension, because that is what the user controls; content is sniffed only
where there is no usable extension (stdin, unknown extensions, web responses). Line-based formats
are streamed, so a large JSON Lines corpus is never held in memory at once.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

import httpx

from ..errors import FetchError, InputError
from ..models import Document
from ..settings import Settings
from . import utf8
from .feeds import read_feed
from .fetch import Page, fetch
from .html import read_html
from .records import read_json, read_jsonl
from .sniff import EXTENSIONS, classify_response, sniff_markup
from .tabular import read_csv
from .text import read_text

Item = Document | InputError
ClientFactory = Callable[[], httpx.Client]

STDIN = "-"
STDIN_LOCATION = "<stdin>"
#: Anything with a scheme and "//" is meant as an address, even one we will refuse (file://).
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def is_url(source: str) -> bool:
    return bool(_URL.match(source))


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def walk(directory: Path) -> Iterator[Path]:
    """Files with a known extension under `directory`, hidden ones skipped, in tree order.

    Sorting each level (directories by name, files by name, merged) gives the same order on
    every machine, so batch output and error line numbers are reproducible.
    """
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if _is_hidden(entry.name):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):  # as os.walk: a link loop cannot trap us
            yield from walk(path)
        elif entry.is_file() and path.suffix.lower() in EXTENSIONS:
            yield path


def _read_directory(path: str, settings: Settings, client: ClientFactory) -> Iterator[Item]:
    found = False
    for file in walk(Path(path)):
        found = True
        yield from read_file(str(file), settings, client)
    if not found:
        yield InputError(
            path,
            "no files to read in this directory",
            "known extensions: " + " ".join(sorted(EXTENSIONS)),
        )


def _unreadable(path: str, exc: OSError) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError(path, "no such file", "check the path")
    if isinstance(exc, PermissionError):
        return InputError(path, "cannot read: permission denied", "check the file's permissions")
    return InputError(path, f"cannot read ({exc.strerror or exc})", "check the path")


def _too_large(path: str, limit: int) -> InputError:
    return InputError(
        path,
        f"file too large: more than max_input_bytes = {limit:,} bytes",
        "split the file or raise max_input_bytes",
    )


def read_file(path: str, settings: Settings, client: ClientFactory) -> Iterator[Item]:
    """One file, by extension; unknown extensions are text unless they look like a feed/page."""
    kind = EXTENSIONS.get(Path(path).suffix.lower())
    limit = settings.max_input_bytes
    try:
        if kind in ("json", "csv"):
            with open(path, "rb") as stream:
                lines = utf8.binary_lines(stream, limit)
                if path.lower().endswith((".jsonl", ".ndjson")):
                    yield from read_jsonl(
                        lines, location=path, settings=settings, default_source=path
                    )
                elif kind == "json":
                    # Unless it turns out to be JSON Lines, the whole file is parsed at once.
                    if os.fstat(stream.fileno()).st_size > limit:
                        yield _too_large(path, limit)
                        return
                    yield from read_json(
                        lines, location=path, settings=settings, default_source=path
                    )
                else:
                    yield from read_csv(
                        lines, location=path, settings=settings, default_source=path
                    )
            return
        with open(path, "rb") as stream:
            body = stream.read(limit + 1)  # not st_size: a pipe or device reports 0
    except OSError as exc:
        yield _unreadable(path, exc)
        return
    except utf8.LineTooLong as exc:
        yield utf8.too_long(path, exc)
        return
    if len(body) > limit:
        yield _too_large(path, limit)
        return
    if kind is None:
        kind = sniff_markup(body[:2048]) or "text"
    if kind == "feed":
        yield from read_feed(body, location=path, settings=settings, client=client)
    elif kind == "html":
        yield read_html(body, location=path, settings=settings, source=path)
    else:
        try:
            text = utf8.decode(body)
        except utf8.NotUtf8 as exc:
            yield utf8.not_utf8(path, exc.offset)
            return
        yield read_text(text, location=path, settings=settings, source=path)


def _decode_page(page: Page) -> str | InputError:
    codec = page.charset or "utf-8"
    try:
        return utf8.decode(page.body) if codec in ("utf-8", "utf8") else page.body.decode(codec)
    except utf8.NotUtf8 as exc:
        return utf8.not_utf8(page.url, exc.offset)
    except (LookupError, UnicodeDecodeError):
        return InputError(
            page.url,
            f"the server says the text is {codec} but it is not",
            "download the file, convert it to UTF-8 and give its path",
        )


def read_url(url: str, settings: Settings, client: ClientFactory) -> Iterator[Item]:
    """Fetch once, then read the body as whatever it turns out to be."""
    try:
        page = fetch(url, settings, client())
    except FetchError as exc:
        yield exc
        return
    kind = classify_response(page.content_type, page.final_url, page.body[:2048])
    if kind == "feed":
        yield from read_feed(
            page.body,
            location=url,
            settings=settings,
            client=client,
            url=page.final_url,
            content_type=page.content_type,
        )
        return
    if kind == "html":
        yield read_html(
            page.body,
            location=url,
            settings=settings,
            source=url,
            url=page.final_url,
            charset=page.charset,
            guess_encoding=True,
        )
        return
    if kind is None:
        yield InputError(
            url,
            f"cannot read {page.content_type} content",
            "give the address of a web page, a feed, or a text, JSON or CSV file",
        )
        return
    text = _decode_page(page)
    if isinstance(text, InputError):
        yield text
        return
    lines = utf8.split_lines(text)
    if kind == "json":
        yield from read_json(lines, location=url, settings=settings, default_source=url)
    elif kind == "csv":
        yield from read_csv(lines, location=url, settings=settings, default_source=url)
    else:
        yield read_text(text, location=url, settings=settings, source=url)


def read_stdin(stdin: TextIO, settings: Settings) -> Iterator[Item]:
    """JSON Lines if it starts with `{`, a JSON array with `[`, else one text document."""
    try:
        yield from read_json(
            utf8.stream_lines(stdin, settings.max_input_bytes),
            location=STDIN_LOCATION,
            settings=settings,
            default_source=None,
            plain_text_fallback=True,
        )
    except utf8.LineTooLong as exc:
        yield utf8.too_long(STDIN_LOCATION, exc)


def read_source(
    source: str, settings: Settings, *, stdin: TextIO, client: ClientFactory
) -> Iterator[Item]:
    if source == STDIN:
        yield from read_stdin(stdin, settings)
    elif is_url(source):
        yield from read_url(source, settings, client)
    elif os.path.isdir(source):
        yield from _read_directory(source, settings, client)
    else:
        yield from read_file(source, settings, client)
