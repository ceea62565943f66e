"""Telling formats apart by content type, address and the first bytes.

Servers mislabel feeds as text/xml or text/html and JSON Lines as text/plain, and saved pages
lose their extension, so the declared type is only the first clue.
"""

from __future__ import annotations

from typing import Literal
from urllib.parse import urlsplit

Kind = Literal["feed", "html", "json", "csv", "text"]

FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+xml",
}
XML_TYPES = {"application/xml", "text/xml"}
HTML_TYPES = {"text/html", "application/xhtml+xml"}
JSON_TYPES = {
    "application/json",
    "application/x-ndjson",
    "application/ndjson",
    "application/jsonl",
    "application/x-jsonlines",
    "application/jsonlines",
}
CSV_TYPES = {"text/csv", "application/csv"}
#: Labels that say nothing about the content.
VAGUE_TYPES = {"", "application/octet-stream", "binary/octet-stream", "text/plain"}

EXTENSIONS: dict[str, Kind] = {
    ".jsonl": "json",
    ".ndjson": "json",
    ".json": "json",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".txt": "text",
    ".md": "text",
}


def sniff_markup(head: bytes) -> Kind | None:
    """Say "feed" or "html" if the content starts like one; None says nothing is known."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()[:2048]
    if not start.startswith(b"<"):
        return None
    if any(tag in start for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
        return "feed"
    if any(tag in start for tag in (b"<!doctype html", b"<html", b"<head", b"<body")):
        return "html"
    return None


def classify_response(content_type: str, url: str, head: bytes) -> Kind | None:
    """What a fetched body is, or None when we cannot read it (PDF, images...)."""
    markup = sniff_markup(head)
    if content_type in FEED_TYPES or content_type.endswith(("+rss", "/rss")):
        return "feed"
    if content_type in XML_TYPES:
        return markup or "feed"
    if content_type in HTML_TYPES:
        return markup or "html"
    if content_type in JSON_TYPES or content_type.endswith("+json"):
        return "json"
    if content_type in CSV_TYPES:
        return "csv"
    if content_type not in VAGUE_TYPES and not content_type.startswith("text/"):
        return None
    try:
        path = urlsplit(url).path.lower()
    except ValueError:  # "http://[": no usable path, so no extension to go by
        path = ""
    for ext, kind in EXTENSIONS.items():
        if path.endswith(ext):
            return kind
    if markup:
        return markup
    if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        return "json"
    return "text"
