"""HTML pages: keep the article, drop the menus, adverts and comments.

trafilatura finds the main text and the page's title and publication date. A page declares its
own encoding (HTTP header or `<meta charset>`), and we honour that, since saved and fetched
pages are often not UTF-8; an undeclared local file must be UTF-8 like every other file.
"""

from __future__ import annotations

import codecs
import contextlib
import re
from datetime import date

import trafilatura

from ..errors import InputError
from ..models import Document
from ..settings import Settings
from . import utf8
from .documents import BadDate, new_document, parse_date

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)""", re.IGNORECASE)

NO_TEXT_HINT = (
    "the page may need JavaScript or be behind a paywall; save the article text to a .txt file"
)


def _known_codec(name: str | bytes | None) -> str | None:
    if not name:
        return None
    label = name.decode("ascii", "replace") if isinstance(name, bytes) else name
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_encoding(body: bytes, charset: str | None = None) -> str | None:
    """The encoding named by a BOM, the HTTP header or a `<meta>` tag, in that order."""
    if body.startswith(utf8.BOM):
        return "utf-8"
    found = _META_CHARSET.search(body[:4096])
    return _known_codec(charset) or _known_codec(found.group(1) if found else None)


def read_html(
    body: bytes,
    *,
    location: str,
    settings: Settings,
    source: str | None = None,
    url: str | None = None,
    charset: str | None = None,
    guess_encoding: bool = False,
    fallback_title: str | None = None,
    fallback_date: date | None = None,
) -> Document | InputError:
    """Extract the article; `guess_encoding` lets trafilatura guess for undeclared web pages."""
    declared = declared_encoding(body, charset)
    page: str | bytes
    if not guess_encoding and declared in (None, "utf-8"):
        try:  # a local file is UTF-8 unless it says otherwise, like every other input file
            page = utf8.decode(body)
        except utf8.NotUtf8 as exc:
            return utf8.not_utf8(location, exc.offset)
    elif declared:
        page = body.removeprefix(utf8.BOM).decode(declared, "replace")
    else:
        page = body  # an undeclared web page: trafilatura guesses the encoding
    try:
        extracted = trafilatura.bare_extraction(
            page, url=url, with_metadata=True, include_comments=False
        )
    except Exception as exc:  # lxml and trafilatura raise many types on odd pages
        return InputError(location, f"could not parse the HTML: {exc}", "check the file")
    text = (getattr(extracted, "text", None) or "").strip() if extracted is not None else ""
    if not text:
        return InputError(location, "no article text found", NO_TEXT_HINT)
    published = fallback_date
    found = getattr(extracted, "date", None)
    if found:
        with contextlib.suppress(BadDate):  # an odd page date is not worth losing the article
            published = parse_date(found)
    return new_document(
        text,
        location=location,
        settings=settings,
        source=source,
        title=getattr(extracted, "title", None) or fallback_title,
        published=published,
        date_header=False,
    )
