"""Turning raw text plus metadata into a checked `Document`.

Every format ends here so that the rules that matter downstream are applied once: the text is
kept exactly as given (evidence offsets point into it) except for the date header and the
surrounding whitespace, empty and oversized documents are refused with a message that says
where, and a document without an id gets one derived from its text.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from ..errors import InputError
from ..models import Document, text_id
from ..settings import Settings

#: `date 2022-05-29` at the start of the first non-blank line; the body may follow on the same
#: line. A plain-text file has no other place for its publication date.
DATE_HEADER = re.compile(r"\A\s*date:?[ \t]+(\d{4}-\d{2}-\d{2})(?=\s|\Z)", re.IGNORECASE)

DATE_HINT = "use an ISO date such as 2022-05-29"

#: What no database can store as text: NUL (PostgreSQL refuses it) and unpaired UTF-16
#: surrogates, which JSON's "\ud800" escapes can produce but UTF-8 cannot encode.
_UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")


def unstorable(field: str, value: str | None) -> str | None:
    """Say what is wrong with a field the ledger could not store, or None when it is fine."""
    found = _UNSTORABLE.search(value) if value else None
    if found is None:
        return None
    char = found.group()
    what = "a NUL character" if char == "\x00" else "an unpaired surrogate"
    return f"{field} holds {what} (\\u{ord(char):04x}) at character {found.start()}"


class BadDate(ValueError):
    """A date we cannot read; the caller knows which field it came from."""


def parse_date(value: str) -> date:
    """Read an ISO date or date-time and keep the date as written (no time-zone shift)."""
    try:
        return datetime.fromisoformat(value.strip()).date()
    except ValueError:
        raise BadDate(value) from None


def split_date_header(text: str) -> tuple[date | None, str]:
    """Return the header's date and the text after it (raises `BadDate` on e.g. 2022-02-30)."""
    found = DATE_HEADER.match(text)
    if not found:
        return None, text
    try:
        day = date.fromisoformat(found.group(1))
    except ValueError:
        raise BadDate(found.group(1)) from None
    return day, text[found.end() :]


def new_document(
    text: str,
    *,
    location: str,
    settings: Settings,
    doc_id: str | None = None,
    source: str | None = None,
    published: date | None = None,
    title: str | None = None,
    date_header: bool = True,
) -> Document | InputError:
    """Apply the shared rules; `date_header=False` when a date field or the page gave one."""
    text = text.replace("\r\n", "\n")
    if date_header:
        try:
            header_date, text = split_date_header(text)
        except BadDate as exc:
            return InputError(
                location, f"bad date {exc.args[0]!r} in the date header", "write it as YYYY-MM-DD"
            )
        published = header_date or published
    text = text.strip()
    if not text:
        return InputError(location, "empty document", "remove it or add text")
    if len(text) > settings.max_document_chars:
        return InputError(
            location,
            f"document too long: {len(text):,} characters, "
            f"more than max_document_chars = {settings.max_document_chars:,}",
            "raise max_document_chars or split the document",
        )
    for field, value in (("text", text), ("id", doc_id), ("title", title), ("source", source)):
        problem = unstorable(field, value)
        if problem:
            return InputError(location, problem, "remove it; the ledger cannot store it")
    return Document(
        id=doc_id or text_id(text),
        text=text,
        source=source,
        published=published,
        title=title or None,
        origin=location,
    )
