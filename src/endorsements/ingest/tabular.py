"""CSV: a header row naming the columns, then one document per row.

The columns are the JSON record fields (`text` required; `id`, `url`/`source`,
`published`/`date`, `title` optional; others ignored), so a spreadsheet export needs no
conversion. An empty cell counts as a missing field, since CSV has no null.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from ..errors import InputError
from ..models import Document
from ..settings import Settings
from . import utf8
from .records import record_document

# Articles are longer than the csv module's default cell limit (128 KiB); the whole document is
# checked against max_document_chars later, which is the limit users can see and change.
csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))


def read_csv(
    lines: Iterable[utf8.Line], *, location: str, settings: Settings, default_source: str | None
) -> Iterator[Document | InputError]:
    reader = csv.reader(utf8.strict(lines))
    try:
        header = next(reader, None)
        while header is not None and not any(cell.strip() for cell in header):
            header = next(reader, None)  # blank lines before the header
        if header is None:
            yield InputError(location, "empty file", "remove it or add a header row and rows")
            return
        names = [cell.strip().lower() for cell in header]
        if "text" not in names:
            found = ", ".join(name for name in names if name) or "nothing"
            yield InputError(
                f"{location}:{reader.line_num}",
                f'no "text" column in the header row (found: {found})',
                "the first row must name the columns, e.g. id,published,text",
            )
            return
        while True:
            start = reader.line_num + 1  # a quoted cell may span lines: report the first
            row = next(reader, None)
            if row is None:
                return
            if not any(cell.strip() for cell in row):
                continue
            record = {name: cell for name, cell in zip(names, row, strict=False) if name}
            yield record_document(
                record,
                location=f"{location}:{start}",
                settings=settings,
                default_source=default_source,
            )
    except utf8.NotUtf8 as exc:
        yield utf8.not_utf8(location, exc.offset)
    except csv.Error as exc:
        yield InputError(
            f"{location}:{reader.line_num}",
            f"not valid CSV: {exc}",
            "check the quotes on this line; the rest of the file is skipped",
        )
