"""Records with named fields: JSON Lines, JSON arrays and single JSON objects.

A record is a mapping with `text` (required) and optional `id`, `url` or `source`, `published`
or `date`, `title`; other fields are ignored so that annotated data sets can be read as they
are. One bad record is one `InputError` naming `file:line`; the reader then goes on, because one
broken line in a large corpus should not cost the rest of it. CSV rows use the same rules
(`record_document`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ..errors import InputError
from ..models import Document
from ..settings import Settings
from . import utf8
from .documents import DATE_HINT, BadDate, new_document, parse_date
from .text import read_text

Item = Document | InputError

_WS = re.compile(r"\s*")
_SHAPE = 'each record must be an object like {"id": "a1", "text": "..."}'


def _kind(value: Any) -> str:
    """JSON's own names, because that is what the user wrote."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _optional_str(record: Mapping[str, Any], *names: str) -> str | None:
    """The first of `names` that is set; raises `TypeError` naming a field of the wrong type."""
    for name in names:
        value = record.get(name)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            raise TypeError(f'"{name}" must be a string, not {_kind(value)}')
        return value
    return None


def _record_id(record: Mapping[str, Any]) -> str | None:
    value = record.get("id")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)  # numeric ids are common in exports; the store wants strings
    return (_optional_str(record, "id") or "").strip() or None


def record_document(
    record: Any, *, location: str, settings: Settings, default_source: str | None
) -> Document | InputError:
    """Check one record's fields and build its document."""
    if not isinstance(record, Mapping):
        return InputError(location, f"expected a JSON object, got {_kind(record)}", _SHAPE)
    text = record.get("text")
    if text is None:
        return InputError(location, 'no "text" field', 'add the article body as "text"')
    if not isinstance(text, str):
        return InputError(
            location, f'"text" must be a string, not {_kind(text)}', 'put the body in "text"'
        )
    try:
        doc_id = _record_id(record)
        source = _optional_str(record, "url", "source") or default_source
        title = _optional_str(record, "title")
        when = _optional_str(record, "published", "date")
    except TypeError as exc:
        return InputError(location, str(exc), "fix or remove the field")
    published = None
    if when is not None:
        try:
            published = parse_date(when)
        except BadDate:
            return InputError(location, f"bad date {when!r}", DATE_HINT)
    return new_document(
        text,
        location=location,
        settings=settings,
        doc_id=doc_id,
        source=source,
        published=published,
        title=title,
        # An explicit date field wins and the text stays exactly as given.
        date_header=published is None,
    )


def _bad_json(location: str, exc: json.JSONDecodeError) -> InputError:
    what = exc.msg.removesuffix(" at")  # "Invalid control character at"
    return InputError(
        location,
        f"not valid JSON: {what[:1].lower()}{what[1:]} at column {exc.colno}",
        "fix or remove the line",
    )


#: Valid JSON that Python's parser still cannot read: it recurses once per nesting level (a
#: hostile "[[[[..." exhausts the stack) and refuses integers of more than 4,300 digits.
_UNREADABLE = (RecursionError, ValueError)


def _unreadable_json(location: str, exc: Exception) -> InputError:
    what = "nested too deeply" if isinstance(exc, RecursionError) else "a number too long"
    return InputError(location, f"not valid JSON: {what} to read", "fix or remove the value")


def read_jsonl(
    lines: Iterable[utf8.Line], *, location: str, settings: Settings, default_source: str | None
) -> Iterator[Item]:
    """One record per line; blank lines are allowed."""
    seen_any = False
    for line in lines:
        where = f"{location}:{line.number}"
        if line.bad_byte is not None:
            seen_any = True
            yield utf8.not_utf8(where, line.bad_byte)
            continue
        if not line.text.strip():
            continue
        seen_any = True
        try:
            record = json.loads(line.text)
        except json.JSONDecodeError as exc:
            yield _bad_json(where, exc)
            continue
        except _UNREADABLE as exc:
            yield _unreadable_json(where, exc)
            continue
        yield record_document(
            record, location=where, settings=settings, default_source=default_source
        )
    if not seen_any:
        yield InputError(location, "empty file", "remove it or add records")


def _array_items(text: str) -> Iterator[tuple[int, Any]]:
    """Walk a JSON array item by item, with the line each item starts on.

    `json.loads` would give neither line numbers nor the good items before a syntax error.
    Raises `json.JSONDecodeError` (which knows its line) where the array is broken.
    """
    decoder = json.JSONDecoder()
    pos = _WS.match(text, text.index("[") + 1).end()
    line, counted = 1, 0
    if text.startswith("]", pos):
        pos += 1
    else:
        while True:
            value, end = decoder.raw_decode(text, pos)
            line += text.count("\n", counted, pos)
            counted = pos
            yield line, value
            pos = _WS.match(text, end).end()
            if text.startswith(",", pos):
                pos = _WS.match(text, pos + 1).end()
            elif text.startswith("]", pos):
                pos += 1
                break
            else:
                raise json.JSONDecodeError("Expecting ',' delimiter", text, pos)
    pos = _WS.match(text, pos).end()
    if pos != len(text):
        raise json.JSONDecodeError("Extra data", text, pos)


def _read_array(
    text: str, *, location: str, settings: Settings, default_source: str | None
) -> Iterator[Item]:
    try:
        for line, record in _array_items(text):
            yield record_document(
                record,
                location=f"{location}:{line}",
                settings=settings,
                default_source=default_source,
            )
    except json.JSONDecodeError as exc:
        yield _bad_json(f"{location}:{exc.lineno}", exc)
    except _UNREADABLE as exc:
        yield _unreadable_json(location, exc)


def _parses(text: str) -> bool:
    try:
        json.loads(text)
    except (json.JSONDecodeError, *_UNREADABLE):
        return False
    return True


def read_json(
    lines: Iterable[utf8.Line],
    *,
    location: str,
    settings: Settings,
    default_source: str | None,
    plain_text_fallback: bool = False,
) -> Iterator[Item]:
    """A JSON array, one JSON object, or JSON Lines, told apart by the content.

    A `.json` file (or stdin) is often really JSON Lines, and a single object may be
    pretty-printed over many lines: if the first line is a complete value we read line by line,
    otherwise the whole input is one JSON value. With `plain_text_fallback` (stdin) anything
    not starting with `{` or `[` is one plain-text document.
    """
    lines = iter(lines)
    head: list[utf8.Line] = []
    for line in lines:
        head.append(line)
        if line.bad_byte is not None or line.text.strip():
            break
    first = head[-1] if head else None
    if first is None or (first.bad_byte is None and not first.text.strip()):
        if plain_text_fallback:
            yield InputError(location, "empty document", "remove it or add text")
        else:
            yield InputError(location, "empty file", "remove it or add records")
        return
    opener = first.text.lstrip()[:1]
    if opener == "{" and _parses(first.text):
        yield from read_jsonl(
            [*head, *lines], location=location, settings=settings, default_source=default_source
        )
        return
    try:
        text = "".join(utf8.strict([*head, *lines]))
    except utf8.NotUtf8 as exc:
        yield utf8.not_utf8(location, exc.offset)
        return
    if opener == "[":
        yield from _read_array(
            text, location=location, settings=settings, default_source=default_source
        )
    elif opener == "{" or not plain_text_fallback:
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            yield _bad_json(f"{location}:{exc.lineno}", exc)
            return
        except _UNREADABLE as exc:
            yield _unreadable_json(location, exc)
            return
        where = f"{location}:{first.number}"
        yield record_document(
            record, location=where, settings=settings, default_source=default_source
        )
    else:
        yield read_text(text, location=location, settings=settings, source=default_source)
