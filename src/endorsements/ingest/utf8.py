"""Decoding input bytes as UTF-8, line by line, with the byte offset of any bad byte.

We decode ourselves instead of trusting the locale so that every input is read the same way on
every machine, and so that an error can say exactly where the bad byte is (offsets count from 0,
as `iconv` and hex dumps do). Line-wise decoding lets a JSON Lines file report one bad line and
carry on with the next.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, TextIO

from ..errors import InputError

BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Line:
    """One input line; `bad_byte` is set (and `text` empty) when the line is not UTF-8."""

    number: int
    text: str
    bad_byte: int | None = None


class NotUtf8(Exception):
    """Raised by `strict` so that whole-document readers can stop at the first bad line."""

    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


class LineTooLong(Exception):
    """A line longer than the limit: raised, not yielded, because what follows it in the same
    file cannot be trusted to start on a line boundary of the author's making."""

    def __init__(self, number: int, limit: int) -> None:
        super().__init__(number, limit)
        self.number = number
        self.limit = limit


def too_long(location: str, exc: LineTooLong) -> InputError:
    return InputError(
        f"{location}:{exc.number}",
        f"line too long: more than max_input_bytes = {exc.limit:,} bytes; "
        "the rest of the file is skipped",
        "split the file or raise max_input_bytes",
    )


def not_utf8(location: str, offset: int) -> InputError:
    return InputError(
        location,
        f"not valid UTF-8 (byte {offset})",
        "convert the file to UTF-8, e.g. iconv -f latin1 -t utf-8",
    )


def _clean(text: str) -> str:
    # Only the line ending is touched: evidence offsets must point into the text as written.
    return text[:-2] + "\n" if text.endswith("\r\n") else text


def decode(data: bytes) -> str:
    """Decode a whole input; raises `NotUtf8` with the offset of the first bad byte."""
    skip = len(BOM) if data.startswith(BOM) else 0
    try:
        text = data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise NotUtf8(exc.start + skip) from None
    return text.replace("\r\n", "\n")


def _raw_lines(stream: BinaryIO | Iterable[bytes], limit: int | None) -> Iterator[bytes]:
    """Lines of at most `limit` bytes; one longer raises `LineTooLong` before it is all read."""
    readline = getattr(stream, "readline", None)
    if limit is None or readline is None:
        for number, raw in enumerate(stream, 1):
            if limit is not None and len(raw) > limit:
                raise LineTooLong(number, limit)
            yield raw
        return
    number = 0
    while raw := readline(limit + 1):
        number += 1
        if len(raw) > limit:
            raise LineTooLong(number, limit)
        yield raw


def binary_lines(
    stream: BinaryIO | Iterable[bytes], max_line_bytes: int | None = None
) -> Iterator[Line]:
    """Decode a byte stream one line at a time, so a bad line costs only that line.

    `max_line_bytes` bounds the memory one line can take (a file with no line breaks at all
    would otherwise be read whole); a longer line raises `LineTooLong`.
    """
    offset = 0
    for number, raw in enumerate(_raw_lines(stream, max_line_bytes), 1):
        skip = len(BOM) if number == 1 and raw.startswith(BOM) else 0
        try:
            text = raw[skip:].decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Line(number, "", offset + skip + exc.start)
        else:
            yield Line(number, _clean(text))
        offset += len(raw)


def text_lines(stream: TextIO | Iterable[str]) -> Iterator[Line]:
    """The same `Line`s from an already-decoded stream (a `StringIO` in tests, say)."""
    for number, text in enumerate(stream, 1):
        yield Line(number, _clean(text.removeprefix("\ufeff") if number == 1 else text))


def split_lines(text: str) -> Iterator[Line]:
    """`Line`s of a decoded string.

    Split on "\n" only: `str.splitlines` also splits on characters such as U+2028, which JSON
    allows inside strings.
    """
    start, number = 0, 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        number += 1
        yield Line(number, text[start:end])
        start = end


def stream_lines(stream: TextIO, max_line_bytes: int | None = None) -> Iterator[Line]:
    """Prefer the byte layer under a text stream: the locale's encoding must not matter."""
    buffer = getattr(stream, "buffer", None)
    if isinstance(buffer, io.BufferedIOBase | io.RawIOBase):
        return binary_lines(buffer, max_line_bytes)
    return text_lines(stream)


def strict(lines: Iterable[Line]) -> Iterator[str]:
    """The text of each line, for readers that cannot skip a bad line (CSV, whole documents)."""
    for line in lines:
        if line.bad_byte is not None:
            raise NotUtf8(line.bad_byte)
        yield line.text
