"""RSS and Atom feeds: each entry's linked article, read as an HTML page.

A feed entry is usually a teaser, so we fetch the page it links to. When that fails, a long
summary (some feeds carry the whole article) is still worth reading and is used silently; a
short teaser is not an article, so the fetch error is reported instead.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from datetime import date
from html.parser import HTMLParser
from typing import Any

import feedparser
import httpx

from ..errors import InputError
from ..models import Document
from ..settings import Settings
from .documents import new_document
from .fetch import fetch, is_web_address
from .html import read_html
from .sniff import classify_response
from .text import read_text

Item = Document | InputError

#: A summary at least this long stands in for an entry page that cannot be fetched.
SUMMARY_MIN_CHARS = 200

_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}


class _TextOnly(HTMLParser):
    """Feed summaries are HTML fragments, too small for trafilatura to accept."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _plain(value: str | None, content_type: str) -> str:
    if not isinstance(value, str):
        return ""  # a feed may give a field as null or as a structure: no text there
    if "html" not in content_type:
        return value.strip()
    parser = _TextOnly()
    parser.feed(value)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n\n".join(line for line in lines if line)


def entry_text(entry: Any) -> str:
    """The longest text the entry carries itself (full content, else summary)."""
    candidates = [
        _plain(part.get("value", ""), part.get("type", "text/html"))
        for part in entry.get("content", [])
    ]
    detail = entry.get("summary_detail") or {}
    candidates.append(_plain(entry.get("summary", ""), detail.get("type", "text/html")))
    return max(candidates, key=len)


def entry_date(entry: Any) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None


def _entry_page(
    link: str, entry: Any, settings: Settings, client: httpx.Client
) -> Document | InputError:
    page = fetch(link, settings, client)
    kind = classify_response(page.content_type, page.final_url, page.body[:2048])
    if kind == "text":
        text = page.body.decode(page.charset or "utf-8", "replace")
        return read_text(text, location=link, settings=settings, source=link)
    if kind not in ("html", "feed"):  # a feed link may point at XHTML served as XML
        return InputError(
            link,
            f"not a web page ({page.content_type or 'no content type'})",
            "the feed entry links to something other than an article",
        )
    return read_html(
        page.body,
        location=link,
        settings=settings,
        source=link,
        url=page.final_url,
        charset=page.charset,
        guess_encoding=True,
        fallback_title=entry.get("title") or None,
        fallback_date=entry_date(entry),
    )


def read_feed(
    body: bytes,
    *,
    location: str,
    settings: Settings,
    client: Callable[[], httpx.Client],
    url: str | None = None,
    content_type: str | None = None,
) -> Iterator[Item]:
    """Yield one item per entry; `client` is called only if an entry needs fetching."""
    headers = {"content-location": url or "", "content-type": content_type or ""}
    # A stream, never bytes or str: feedparser treats those as a file name or address to open.
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    # .get: feedparser leaves out "version" altogether for an empty or unparsable body.
    if not parsed.get("entries") and (parsed.get("bozo") or not parsed.get("version")):
        reason = parsed.get("bozo_exception") or "no feed elements"
        yield InputError(
            location,
            f"not a readable RSS or Atom feed: {reason}",
            "check that this is a feed, or give the article pages themselves",
        )
        return
    for number, entry in enumerate(parsed.get("entries", []), 1):
        link = entry.get("link")
        if link and not is_web_address(link):
            link = None  # feedparser offers an Atom id (urn:...) as the link when there is none
        title = entry.get("title") or None
        published = entry_date(entry)
        summary = entry_text(entry)
        where = link or f"{location}: entry {number}"
        if not link:
            yield new_document(
                summary,
                location=where,
                settings=settings,
                source=url or location,
                title=title,
                published=published,
                date_header=False,
            )
            continue
        try:
            item = _entry_page(link, entry, settings, client())
        except InputError as exc:  # FetchError included
            item = exc
        if isinstance(item, InputError) and len(summary) >= SUMMARY_MIN_CHARS:
            item = new_document(
                summary,
                location=where,
                settings=settings,
                source=link,
                title=title,
                published=published,
                date_header=False,
            )
        yield item
