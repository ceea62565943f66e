"""Plain text: one document per file (or stdin, or text/plain page).

The only markup understood is the leading `date YYYY-MM-DD` header (see `documents`), because a
bare text file has nowhere else to carry its publication date.
"""

from __future__ import annotations

from ..errors import InputError
from ..models import Document
from ..settings import Settings
from .documents import new_document


def read_text(
    text: str, *, location: str, settings: Settings, source: str | None = None
) -> Document | InputError:
    if "\x00" in text:
        # Valid UTF-8 can still be a binary file (images, archives); say so instead of
        # handing the extractor garbage.
        return InputError(
            location,
            "looks like a binary file, not text",
            "give a text, JSON Lines, CSV, HTML or feed file",
        )
    return new_document(text, location=location, settings=settings, source=source)
