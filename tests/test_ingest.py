"""Tests for the ingest stage: every format, every error path, no network (httpx.MockTransport)."""

from __future__ import annotations

import io
import json
import shutil
import sys
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

import httpx
import pytest

from endorsements.errors import FetchError, InputError
from endorsements.ingest import read_sources
from endorsements.models import Document, text_id
from endorsements.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
NETWORK_HINT = "check the address or your network, then run the command again"

Handler = Callable[[httpx.Request], httpx.Response]


@pytest.fixture
def settings(shipped_settings: Settings) -> Settings:
    """The shipped defaults, whatever the developer's own config and environment say.

    The fake web here has invented host names that do not resolve, so the address check is
    off; tests/test_security.py and tests/test_fetch_limits.py test it.
    """
    return shipped_settings.with_overrides(fetch_allow_private=True)


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch directory holding copies of the fixtures, as the working directory.

    Relative paths keep the expected messages short and identical on every machine.
    """
    work = tmp_path / "work"
    shutil.copytree(FIXTURES, work)
    monkeypatch.chdir(work)
    return work


def read(
    sources: Iterable[str],
    settings: Settings,
    *,
    stdin: io.StringIO | None = None,
    handler: Handler | None = None,
) -> list[Document | InputError]:
    client = httpx.Client(transport=httpx.MockTransport(handler)) if handler else None
    return list(read_sources(sources, settings, stdin=stdin, client=client))


def messages(items: Iterable[Document | InputError]) -> list[str]:
    return [str(item) for item in items if isinstance(item, InputError)]


def documents(items: Iterable[Document | InputError]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def serve(pages: dict[str, httpx.Response], seen: list[httpx.Request] | None = None) -> Handler:
    """A fake web: a URL not in `pages` is a 404."""

    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        return pages.get(str(request.url), httpx.Response(404))

    return handler


def html_page(body: str, title: str = "", published: str = "") -> httpx.Response:
    head = f"<title>{title}</title>" if title else ""
    if published:
        head += f'<meta property="article:published_time" content="{published}">'
    page = f"<!DOCTYPE html><html><head>{head}</head><body><article>{body}</article></body></html>"
    return httpx.Response(200, headers={"content-type": "text/html; charset=utf-8"}, text=page)


ARTICLE = (
    "<p>Councilwoman Rosa Vega endorsed Ben Park for mayor of Riverton on Friday, praising his "
    "plan for the bus network and for the new library on the south side.</p>"
    "<p>Park said he was grateful and would campaign with Vega in every ward before the vote.</p>"
)


# --- plain text -------------------------------------------------------------------------------


def test_text_file_date_header_on_its_own_line(files: Path, settings: Settings) -> None:
    [doc] = read(["dated.txt"], settings)
    assert isinstance(doc, Document)
    assert doc.published == date(2022, 5, 29)
    assert doc.text == (
        "Mayor Ana Ortiz endorsed Ben Park for the Riverton city council on Sunday.\n\n"
        '"Ben listens," Ortiz said at the rally.'
    )
    assert doc.id == text_id(doc.text)
    assert (doc.source, doc.origin, doc.title) == ("dated.txt", "dated.txt", None)


def test_text_date_header_followed_by_body_on_same_line(files: Path, settings: Settings) -> None:
    Path("same.txt").write_text("\n\n  date 2023-01-02 Ana Ortiz backs Ben Park.\n", "utf-8")
    [doc] = read(["same.txt"], settings)
    assert isinstance(doc, Document)
    assert (doc.published, doc.text) == (date(2023, 1, 2), "Ana Ortiz backs Ben Park.")


def test_date_header_variants(files: Path, settings: Settings) -> None:
    Path("a.txt").write_text("Date: 2023-01-02\nBody.", "utf-8")
    [doc] = read(["a.txt"], settings)
    assert isinstance(doc, Document) and (doc.published, doc.text) == (date(2023, 1, 2), "Body.")


def test_text_without_header_is_kept_as_written(files: Path, settings: Settings) -> None:
    [doc] = read(["undated.md"], settings)
    assert isinstance(doc, Document)
    assert doc.published is None
    assert doc.text == (
        "# Council race\n\nThe Riverton Teachers Union backs Carla Diaz for council."
    )


def test_date_word_not_followed_by_a_date_is_text(files: Path, settings: Settings) -> None:
    Path("a.txt").write_text("date night: Park and Ortiz dine out.", "utf-8")
    [doc] = read(["a.txt"], settings)
    assert isinstance(doc, Document)
    assert (doc.published, doc.text) == (None, "date night: Park and Ortiz dine out.")


def test_impossible_date_in_header(files: Path, settings: Settings) -> None:
    Path("a.txt").write_text("date 2022-02-30\nText.", "utf-8")
    assert messages(read(["a.txt"], settings)) == [
        "a.txt: bad date '2022-02-30' in the date header (write it as YYYY-MM-DD)"
    ]


def test_bom_and_crlf(files: Path, settings: Settings) -> None:
    Path("win.txt").write_bytes(b"\xef\xbb\xbfdate 2022-05-29\r\nLine one.\r\nLine two.\r\n")
    [doc] = read(["win.txt"], settings)
    assert isinstance(doc, Document)
    assert (doc.published, doc.text) == (date(2022, 5, 29), "Line one.\nLine two.")


def test_unknown_extension_is_text(files: Path, settings: Settings) -> None:
    Path("NOTES").write_text("Lin Wu endorsed Dana Cole.", "utf-8")
    [doc] = read(["NOTES"], settings)
    assert isinstance(doc, Document) and doc.text == "Lin Wu endorsed Dana Cole."


# --- file errors -------------------------------------------------------------------------------


def test_missing_file(files: Path, settings: Settings) -> None:
    assert messages(read(["nope.txt"], settings)) == ["nope.txt: no such file (check the path)"]


def test_non_utf8_file(files: Path, settings: Settings) -> None:
    Path("latin.txt").write_bytes("Café owners back Cole.".encode("latin-1"))
    assert messages(read(["latin.txt"], settings)) == [
        "latin.txt: not valid UTF-8 (byte 3) "
        "(convert the file to UTF-8, e.g. iconv -f latin1 -t utf-8)"
    ]


def test_non_utf8_offset_counts_the_bom(files: Path, settings: Settings) -> None:
    Path("bom.txt").write_bytes(b"\xef\xbb\xbfab\xff")
    assert messages(read(["bom.txt"], settings))[0].startswith("bom.txt: not valid UTF-8 (byte 5)")


def test_empty_document(files: Path, settings: Settings) -> None:
    Path("blank.txt").write_text(" \n\t\n", "utf-8")
    Path("header-only.txt").write_text("date 2022-05-29\n", "utf-8")
    assert messages(read(["blank.txt", "header-only.txt"], settings)) == [
        "blank.txt: empty document (remove it or add text)",
        "header-only.txt: empty document (remove it or add text)",
    ]


def test_document_too_long(files: Path, settings: Settings) -> None:
    Path("long.txt").write_text("x" * 11, "utf-8")
    Path("short.txt").write_text("  " + "y" * 10 + "  ", "utf-8")
    items = read(["long.txt", "short.txt"], settings.with_overrides(max_document_chars=10))
    assert messages(items) == [
        "long.txt: document too long: 11 characters, more than max_document_chars = 10 "
        "(raise max_document_chars or split the document)"
    ]
    assert [d.text for d in documents(items)] == ["y" * 10]


def test_binary_file(files: Path, settings: Settings) -> None:
    Path("blob").write_bytes(b"GIF89a\x00\x01")
    assert messages(read(["blob"], settings)) == [
        "blob: looks like a binary file, not text (give a text, JSON Lines, CSV, HTML or feed file)"
    ]


# --- JSON Lines and JSON ---------------------------------------------------------------------


def test_jsonl_fields_and_bad_line_in_the_middle(files: Path, settings: Settings) -> None:
    items = read(["records.jsonl"], settings)
    assert [type(item) for item in items] == [Document, Document, InputError, Document]
    first, second, error, fourth = items
    assert first == Document(
        id="7",
        text="Mayor Ana Ortiz endorsed Ben Park for council.",
        source="https://news.example/ortiz-park",
        published=date(2022, 5, 29),
        title="Ortiz backs Park",
        origin="records.jsonl:1",
    )
    # No date field: the text's own date header counts, and is not part of the text.
    assert isinstance(second, Document)
    assert (second.text, second.published) == (
        "The Riverton Teachers Union backed Carla Diaz.",
        date(2022, 6, 1),
    )
    assert (second.id, second.source) == (text_id(second.text), "records.jsonl")
    assert str(error) == (
        "records.jsonl:3: not valid JSON: invalid control character at column 49 "
        "(fix or remove the line)"
    )
    assert isinstance(fourth, Document)
    assert (fourth.source, fourth.published, fourth.origin) == (
        "https://news.example/hale",
        date(2022, 6, 3),
        "records.jsonl:4",
    )


def test_jsonl_record_errors(files: Path, settings: Settings) -> None:
    Path("bad.ndjson").write_text(
        "\n".join(
            [
                '["not", "an", "object"]',
                '{"id": "no-text"}',
                '{"text": ""}',
                '{"text": 42}',
                '{"text": "ok", "published": "29/05/2022"}',
                '{"text": "ok", "title": ["x"]}',
                "{bad json}",
                "",
                '{"text": "Still read after all that."}',
            ]
        ),
        "utf-8",
    )
    items = read(["bad.ndjson"], settings)
    assert messages(items) == [
        "bad.ndjson:1: expected a JSON object, got an array "
        '(each record must be an object like {"id": "a1", "text": "..."})',
        'bad.ndjson:2: no "text" field (add the article body as "text")',
        "bad.ndjson:3: empty document (remove it or add text)",
        'bad.ndjson:4: "text" must be a string, not a number (put the body in "text")',
        "bad.ndjson:5: bad date '29/05/2022' (use an ISO date such as 2022-05-29)",
        'bad.ndjson:6: "title" must be a string, not an array (fix or remove the field)',
        "bad.ndjson:7: not valid JSON: expecting property name enclosed in double quotes "
        "at column 2 (fix or remove the line)",
    ]
    assert [(d.text, d.origin) for d in documents(items)] == [
        ("Still read after all that.", "bad.ndjson:9")
    ]


def test_jsonl_explicit_date_keeps_the_text_verbatim(files: Path, settings: Settings) -> None:
    Path("a.jsonl").write_text('{"published": "2021-01-01", "text": "date 2022-05-29 Body."}')
    [doc] = read(["a.jsonl"], settings)
    assert isinstance(doc, Document)
    assert (doc.published, doc.text) == (date(2021, 1, 1), "date 2022-05-29 Body.")


def test_jsonl_non_utf8_line_is_skipped(files: Path, settings: Settings) -> None:
    Path("mixed.jsonl").write_bytes(b'{"text": "caf\xe9"}\n{"text": "Fine."}\n')
    items = read(["mixed.jsonl"], settings)
    assert messages(items) == [
        "mixed.jsonl:1: not valid UTF-8 (byte 13) "
        "(convert the file to UTF-8, e.g. iconv -f latin1 -t utf-8)"
    ]
    assert [d.text for d in documents(items)] == ["Fine."]


def test_empty_jsonl_file(files: Path, settings: Settings) -> None:
    Path("none.jsonl").write_text("\n\n", "utf-8")
    assert messages(read(["none.jsonl"], settings)) == [
        "none.jsonl: empty file (remove it or add records)"
    ]


def test_json_array_with_line_numbers(files: Path, settings: Settings) -> None:
    items = read(["records.json"], settings)
    assert [(d.id, d.origin, d.published) for d in documents(items)] == [
        ("a1", "records.json:2", date(2022, 7, 4)),
        ("a2", "records.json:7", None),
    ]
    assert len(items) == 2


def test_json_single_object_pretty_printed(files: Path, settings: Settings) -> None:
    Path("one.json").write_text('{\n  "id": 12,\n  "text": "Wu backs Cole."\n}\n', "utf-8")
    [doc] = read(["one.json"], settings)
    assert isinstance(doc, Document)
    assert (doc.id, doc.text, doc.origin) == ("12", "Wu backs Cole.", "one.json:1")


def test_json_file_holding_json_lines(files: Path, settings: Settings) -> None:
    Path("lines.json").write_text('{"text": "One."}\n{"text": "Two."}\n', "utf-8")
    assert [d.text for d in documents(read(["lines.json"], settings))] == ["One.", "Two."]


def test_broken_json_array_keeps_items_before_the_break(files: Path, settings: Settings) -> None:
    Path("cut.json").write_text('[\n{"text": "Kept."},\n{"text": "Lost."}\n{"text": "x"}]')
    items = read(["cut.json"], settings)
    assert [d.text for d in documents(items)] == ["Kept.", "Lost."]
    assert messages(items) == [
        "cut.json:4: not valid JSON: expecting ',' delimiter at column 1 (fix or remove the line)"
    ]


# --- CSV ----------------------------------------------------------------------------------------


def test_csv_with_quoted_newlines(files: Path, settings: Settings) -> None:
    items = read(["table.csv"], settings)
    first, second = documents(items)
    assert first == Document(
        id="c1",
        text='Former mayor Lin Wu endorsed Dana Cole.\nWu called Cole "the steady choice".',
        source="table.csv",
        published=date(2022, 8, 1),
        title="Two endorsements",
        origin="table.csv:2",
    )
    assert (second.id, second.published, second.title, second.origin) == (
        "c2",
        None,
        None,
        "table.csv:4",
    )
    # The row after the two-line cell is reported at its own first line.
    assert messages(items) == [
        "table.csv:5: bad date 'August 2022' (use an ISO date such as 2022-05-29)"
    ]


def test_csv_without_text_column(files: Path, settings: Settings) -> None:
    Path("wrong.csv").write_text("id,body\n1,Wu backs Cole.\n", "utf-8")
    assert messages(read(["wrong.csv"], settings)) == [
        'wrong.csv:1: no "text" column in the header row (found: id, body) '
        "(the first row must name the columns, e.g. id,published,text)"
    ]


def test_csv_crlf_and_bom(files: Path, settings: Settings) -> None:
    Path("excel.csv").write_bytes(b'\xef\xbb\xbfText,URL\r\n"Line one.\r\nLine two.",u\r\n')
    [doc] = read(["excel.csv"], settings)
    assert isinstance(doc, Document)
    assert (doc.text, doc.source) == ("Line one.\nLine two.", "u")


# --- HTML ---------------------------------------------------------------------------------------


def test_html_file(files: Path, settings: Settings) -> None:
    [doc] = read(["article.html"], settings)
    assert isinstance(doc, Document)
    assert doc.title == "Hart endorses Novak in the mayoral race"
    assert doc.published == date(2022, 9, 12)
    assert "State Representative Joan Hart endorsed Luis Novak" in doc.text
    assert "Copyright" not in doc.text and "Sports" not in doc.text
    assert (doc.source, doc.id) == ("article.html", text_id(doc.text))


def test_html_without_article_text(files: Path, settings: Settings) -> None:
    Path("empty.html").write_text("<html><head><title>x</title></head><body></body></html>")
    assert messages(read(["empty.html"], settings)) == [
        "empty.html: no article text found (the page may need JavaScript or be behind a "
        "paywall; save the article text to a .txt file)"
    ]


def test_html_file_declaring_another_charset(files: Path, settings: Settings) -> None:
    page = f'<html><head><meta charset="iso-8859-1"></head><body><article>{ARTICLE}'
    page += "<p>Caf\xe9 owners cheered.</p></article></body></html>"
    Path("latin.htm").write_bytes(page.encode("latin-1"))
    [doc] = read(["latin.htm"], settings)
    assert isinstance(doc, Document) and "Café owners cheered." in doc.text


# --- directories and stdin ----------------------------------------------------------------------


def test_directory_is_read_recursively_in_sorted_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: Settings
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ["d/b.txt", "d/a/z.md", "d/a.txt", "d/c/y.jsonl", "d/.hidden.txt"]:
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(f'{{"text": "{name}"}}' if name.endswith("jsonl") else name)
    Path("d/.git").mkdir()
    Path("d/.git/HEAD.txt").write_text("hidden directory")
    Path("d/image.png").write_bytes(b"\x89PNG")
    assert [doc.origin for doc in documents(read(["d"], settings))] == [
        "d/a/z.md",
        "d/a.txt",
        "d/b.txt",
        "d/c/y.jsonl:1",
    ]


def test_directory_without_known_files(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "x.png").write_bytes(b"\x89PNG")
    [error] = read([str(tmp_path)], settings)
    assert isinstance(error, InputError) and error.problem == "no files to read in this directory"


def test_stdin_plain_text(settings: Settings) -> None:
    [doc] = read(["-"], settings, stdin=io.StringIO("date 2022-05-29\nWu backs Cole.\n"))
    assert isinstance(doc, Document)
    assert (doc.text, doc.published, doc.source, doc.origin) == (
        "Wu backs Cole.",
        date(2022, 5, 29),
        None,
        "<stdin>",
    )


def test_stdin_json_lines(settings: Settings) -> None:
    stdin = io.StringIO('\n{"id": "s1", "text": "One."}\nnot json\n{"text": "Two."}\n')
    items = read(["-"], settings, stdin=stdin)
    assert [(d.id, d.origin) for d in documents(items)] == [
        ("s1", "<stdin>:2"),
        (text_id("Two."), "<stdin>:4"),
    ]
    assert messages(items) == [
        "<stdin>:3: not valid JSON: expecting value at column 1 (fix or remove the line)"
    ]


def test_stdin_json_array(settings: Settings) -> None:
    stdin = io.StringIO('[{"text": "One."},\n {"text": "Two."}]')
    assert [d.text for d in documents(read(["-"], settings, stdin=stdin))] == ["One.", "Two."]


def test_stdin_defaults_to_sys_stdin(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Wu backs Cole."))
    assert [d.text for d in documents(read_sources(["-"], settings))] == ["Wu backs Cole."]


def test_stdin_bytes_are_read_as_utf8(settings: Settings) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"caf\xc3\xa9 \xff"), encoding="latin-1")
    assert messages(read_sources(["-"], settings, stdin=stdin)) == [
        "<stdin>: not valid UTF-8 (byte 6) "
        "(convert the file to UTF-8, e.g. iconv -f latin1 -t utf-8)"
    ]


def test_empty_stdin(settings: Settings) -> None:
    assert messages(read(["-"], settings, stdin=io.StringIO("  \n"))) == [
        "<stdin>: empty document (remove it or add text)"
    ]


# --- order and duplicates -----------------------------------------------------------------------


def test_items_come_in_input_order(files: Path, settings: Settings) -> None:
    items = read(["undated.md", "nope.txt", "dated.txt"], settings)
    assert [getattr(item, "origin", None) or str(item) for item in items] == [
        "undated.md",
        "nope.txt: no such file (check the path)",
        "dated.txt",
    ]


def test_exact_duplicates_are_skipped_silently(files: Path, settings: Settings) -> None:
    shutil.copy("dated.txt", "copy.txt")
    items = read(["dated.txt", "copy.txt", "dated.txt"], settings)
    assert [item.origin for item in documents(items)] == ["dated.txt"]
    assert len(items) == 1


def test_same_id_with_another_text_is_an_error(files: Path, settings: Settings) -> None:
    Path("ids.jsonl").write_text('{"id": 1, "text": "One."}\n{"id": "1", "text": "Uno."}\n')
    assert messages(read(["ids.jsonl"], settings)) == [
        "ids.jsonl:2: id '1' was already used by ids.jsonl:1 for another text "
        "(give each document its own id)"
    ]


# --- URLs ---------------------------------------------------------------------------------------


def test_url_html_page(settings: Settings) -> None:
    requests: list[httpx.Request] = []
    pages = {"https://ledger.example/a": html_page(ARTICLE, "Vega backs Park", "2022-10-07")}
    [doc] = read(["https://ledger.example/a"], settings, handler=serve(pages, requests))
    assert isinstance(doc, Document)
    assert doc.text.startswith("Councilwoman Rosa Vega endorsed Ben Park")
    assert (doc.title, doc.published) == ("Vega backs Park", date(2022, 10, 7))
    assert (doc.source, doc.origin) == ("https://ledger.example/a", "https://ledger.example/a")
    assert requests[0].headers["user-agent"] == settings.user_agent


def test_url_plain_text_and_json(settings: Settings) -> None:
    pages = {
        "https://x.example/a.txt": httpx.Response(
            200, headers={"content-type": "text/plain"}, text="date 2022-05-29\nWu backs Cole."
        ),
        "https://x.example/data": httpx.Response(
            200, headers={"content-type": "application/json"}, json=[{"id": "j", "text": "J."}]
        ),
    }
    items = read(
        ["https://x.example/a.txt", "https://x.example/data"], settings, handler=serve(pages)
    )
    assert [(d.text, d.published, d.source, d.origin) for d in documents(items)] == [
        ("Wu backs Cole.", date(2022, 5, 29), "https://x.example/a.txt", "https://x.example/a.txt"),
        ("J.", None, "https://x.example/data", "https://x.example/data:1"),
    ]


def test_url_404(settings: Settings) -> None:
    items = read(["https://x.example/gone"], settings, handler=serve({}))
    assert [type(item) for item in items] == [FetchError]
    assert messages(items) == [
        f"https://x.example/gone: could not fetch: HTTP 404 Not Found ({NETWORK_HINT})"
    ]


def test_url_too_large_by_content_length(settings: Settings) -> None:
    pages = {"https://x.example/big": httpx.Response(200, text="x" * 101)}
    items = read(
        ["https://x.example/big"],
        settings.with_overrides(fetch_max_bytes=100),
        handler=serve(pages),
    )
    assert messages(items) == [
        "https://x.example/big: could not fetch: larger than fetch_max_bytes (100 bytes) "
        "(raise fetch_max_bytes if you trust the source)"
    ]


def test_url_too_large_while_streaming(settings: Settings) -> None:
    sent: list[int] = []

    def chunks() -> Iterable[bytes]:
        for _ in range(1000):
            sent.append(1)
            yield b"x" * 40

    pages = {"https://x.example/stream": httpx.Response(200, content=chunks())}
    items = read(
        ["https://x.example/stream"],
        settings.with_overrides(fetch_max_bytes=100),
        handler=serve(pages),
    )
    assert [type(item) for item in items] == [FetchError]
    assert "larger than fetch_max_bytes (100 bytes)" in str(items[0])
    assert len(sent) < 10  # stopped reading, did not download everything first


def test_non_http_scheme_is_refused(settings: Settings) -> None:
    def never(request: httpx.Request) -> httpx.Response:
        raise AssertionError("must not be fetched")

    assert messages(read(["file:///etc/passwd", "ftp://x.example/a"], settings, handler=never)) == [
        "file:///etc/passwd: refused: only http and https addresses are fetched, not file: "
        "(download the file and give its path instead)",
        "ftp://x.example/a: refused: only http and https addresses are fetched, not ftp: "
        "(download the file and give its path instead)",
    ]


def test_redirects_are_followed_up_to_the_limit(settings: Settings) -> None:
    pages = {
        "https://x.example/old": httpx.Response(301, headers={"location": "/new"}),
        "https://x.example/new": html_page(ARTICLE),
        "https://x.example/loop": httpx.Response(302, headers={"location": "/loop"}),
        "https://x.example/sneaky": httpx.Response(302, headers={"location": "file:///etc/x"}),
    }
    items = read(
        ["https://x.example/old", "https://x.example/loop", "https://x.example/sneaky"],
        settings.with_overrides(fetch_max_redirects=3),
        handler=serve(pages),
    )
    assert [d.source for d in documents(items)] == ["https://x.example/old"]
    assert messages(items) == [
        f"https://x.example/loop: could not fetch: more than 3 redirects ({NETWORK_HINT})",
        "https://x.example/sneaky: could not fetch: redirected to file:///etc/x, which is not "
        f"a web address ({NETWORK_HINT})",
    ]


def test_unreachable_and_timeout(settings: Settings) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "slow.example":
            raise httpx.ReadTimeout("read timed out", request=request)
        raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)

    items = read(["https://slow.example/", "https://nowhere.example/"], settings, handler=handler)
    assert messages(items) == [
        f"https://slow.example/: could not fetch: timed out after 20 seconds ({NETWORK_HINT})",
        "https://nowhere.example/: could not fetch: [Errno -2] Name or service not known "
        f"({NETWORK_HINT})",
    ]


def test_url_with_unreadable_content_type(settings: Settings) -> None:
    pages = {
        "https://x.example/a.pdf": httpx.Response(
            200, headers={"content-type": "application/pdf"}, content=b"%PDF-1.7"
        )
    }
    assert messages(read(["https://x.example/a.pdf"], settings, handler=serve(pages))) == [
        "https://x.example/a.pdf: cannot read application/pdf content "
        "(give the address of a web page, a feed, or a text, JSON or CSV file)"
    ]


# --- feeds --------------------------------------------------------------------------------------


def test_feed_file_entries_are_fetched(files: Path, settings: Settings) -> None:
    requests: list[httpx.Request] = []
    pages = {"https://ledger.example/hart-novak": html_page(ARTICLE)}  # no title, no date
    items = read(["feed.rss"], settings, handler=serve(pages, requests))
    first, second, third = items
    # A fetched page without title/date takes them from the entry.
    assert isinstance(first, Document)
    assert first.text.startswith("Councilwoman Rosa Vega endorsed Ben Park")
    assert (first.title, first.published, first.source) == (
        "Hart endorses Novak",
        date(2022, 9, 12),
        "https://ledger.example/hart-novak",
    )
    # Fetch failed, but the summary is long enough to stand in for the page.
    assert isinstance(second, Document)
    assert second.text.startswith("The Riverton Teachers Union withdrew its endorsement")
    assert "\n\nUnion president Omar Reyes" in second.text and "<p>" not in second.text
    assert (second.title, second.published) == ("Union splits from Diaz", date(2022, 9, 13))
    # Fetch failed and the summary is a mere teaser: the error is reported.
    assert isinstance(third, FetchError)
    assert str(third) == (
        f"https://ledger.example/lee: could not fetch: HTTP 404 Not Found ({NETWORK_HINT})"
    )
    assert [str(r.url) for r in requests] == [
        "https://ledger.example/hart-novak",
        "https://ledger.example/union-diaz",
        "https://ledger.example/lee",
    ]


def test_atom_entry_without_link_uses_its_content(files: Path, settings: Settings) -> None:
    [doc] = read(["feed.atom"], settings)
    assert isinstance(doc, Document)
    assert (doc.text, doc.published, doc.title) == (
        "Councilwoman Rosa Vega endorsed Ben Park on Sunday.",
        date(2022, 10, 2),
        "Brief: Park picks up support",
    )


def test_feed_by_url(files: Path, settings: Settings) -> None:
    feed = Path("feed.rss").read_bytes().replace(b"https://ledger.example/hart-novak", b"/p/1")
    pages = {
        "https://ledger.example/feed": httpx.Response(
            200, headers={"content-type": "application/xml"}, content=feed
        ),
        "https://ledger.example/p/1": html_page(ARTICLE, "Page title", "2022-09-11"),
    }
    items = read(["https://ledger.example/feed"], settings, handler=serve(pages))
    first = items[0]
    assert isinstance(first, Document)  # the relative link was resolved against the feed URL
    assert (first.source, first.title, first.published) == (
        "https://ledger.example/p/1",
        "Page title",
        date(2022, 9, 11),
    )
    assert len(items) == 3


def test_feed_sniffed_from_content(files: Path, settings: Settings) -> None:
    shutil.copy("feed.atom", "briefs")
    assert [d.title for d in documents(read(["briefs"], settings))] == [
        "Brief: Park picks up support"
    ]


def test_not_a_feed(files: Path, settings: Settings) -> None:
    Path("sitemap.xml").write_text("<urlset><url><loc>https://x.example/</loc></url></urlset>")
    [error] = read(["sitemap.xml"], settings)
    assert isinstance(error, InputError)
    assert error.location == "sitemap.xml"
    assert error.problem.startswith("not a readable RSS or Atom feed")


# --- hostile values the fuzz tests found -------------------------------------------------------


def test_unstorable_characters_are_refused(files: Path, settings: Settings) -> None:
    Path("odd.jsonl").write_text(
        '{"text": "a\\ud800b"}\n{"text": "a\\u0000b"}\n{"text": "ok", "title": "\\udfff"}\n',
        "utf-8",
    )
    assert messages(read(["odd.jsonl"], settings)) == [
        "odd.jsonl:1: text holds an unpaired surrogate (\\ud800) at character 1 "
        "(remove it; the ledger cannot store it)",
        "odd.jsonl:2: text holds a NUL character (\\u0000) at character 1 "
        "(remove it; the ledger cannot store it)",
        "odd.jsonl:3: title holds an unpaired surrogate (\\udfff) at character 0 "
        "(remove it; the ledger cannot store it)",
    ]


def test_json_too_deep_or_with_huge_numbers(files: Path, settings: Settings) -> None:
    Path("deep.json").write_text("[" * 100_000, "utf-8")
    Path("digits.jsonl").write_text('{"text": "x", "n": ' + "9" * 5_000 + "}\n", "utf-8")
    assert messages(read(["deep.json", "digits.jsonl"], settings)) == [
        "deep.json: not valid JSON: nested too deeply to read (fix or remove the value)",
        "digits.jsonl:1: not valid JSON: a number too long to read (fix or remove the value)",
    ]


def test_empty_feed_file(files: Path, settings: Settings) -> None:
    Path("empty.rss").write_bytes(b"")
    [error] = read(["empty.rss"], settings)
    assert isinstance(error, InputError)
    assert error.location == "empty.rss"
    assert error.problem.startswith("not a readable RSS or Atom feed")


# --- input size limits -------------------------------------------------------------------------


def test_file_larger_than_max_input_bytes(files: Path, settings: Settings) -> None:
    Path("big.txt").write_text("word " * 30, "utf-8")
    Path("big.html").write_text("<p>" + "word " * 30 + "</p>", "utf-8")
    Path("array.json").write_text(json.dumps([{"text": "word " * 30}]), "utf-8")
    small = settings.with_overrides(max_input_bytes=100)
    hint = "(split the file or raise max_input_bytes)"
    assert messages(read(["big.txt", "big.html", "array.json"], small)) == [
        f"big.txt: file too large: more than max_input_bytes = 100 bytes {hint}",
        f"big.html: file too large: more than max_input_bytes = 100 bytes {hint}",
        f"array.json: file too large: more than max_input_bytes = 100 bytes {hint}",
    ]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_device_is_cut_off(settings: Settings) -> None:
    """A device reports size 0 and never ends: only a bounded read stops it."""
    assert messages(read(["/dev/zero"], settings.with_overrides(max_input_bytes=1_000))) == [
        "/dev/zero: file too large: more than max_input_bytes = 1,000 bytes "
        "(split the file or raise max_input_bytes)"
    ]


def test_line_longer_than_max_input_bytes(files: Path, settings: Settings) -> None:
    good = json.dumps({"id": "g1", "text": "short"})
    Path("long.jsonl").write_text(f"{good}\n" + json.dumps({"text": "w" * 500}) + "\n", "utf-8")
    Path("long.csv").write_text("id,text\nc1,short\nc2," + "w" * 500 + "\n", "utf-8")
    small = settings.with_overrides(max_input_bytes=100)
    items = read(["long.jsonl", "long.csv"], small)
    assert [d.id for d in documents(items)] == ["g1", "c1"]
    rest = "the rest of the file is skipped (split the file or raise max_input_bytes)"
    assert messages(items) == [
        f"long.jsonl:2: line too long: more than max_input_bytes = 100 bytes; {rest}",
        f"long.csv:3: line too long: more than max_input_bytes = 100 bytes; {rest}",
    ]


def test_stdin_line_longer_than_max_input_bytes(settings: Settings) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"x" * 500), encoding="utf-8")
    assert messages(read(["-"], settings.with_overrides(max_input_bytes=100), stdin=stdin)) == [
        "<stdin>:1: line too long: more than max_input_bytes = 100 bytes; the rest of the file "
        "is skipped (split the file or raise max_input_bytes)"
    ]


def test_unparsable_web_addresses(settings: Settings) -> None:
    """urlsplit raises on these; they must be input errors, in a source, a redirect or a feed."""
    pages = {
        "https://x.example/bad-redirect": httpx.Response(302, headers={"location": "http://[/"}),
        "https://x.example/feed": httpx.Response(
            200,
            headers={"content-type": "application/rss+xml"},
            content=b"<rss version='2.0'><channel><item><title>T</title><link>http://[x</link>"
            b"<description>Councilwoman Rosa Vega endorsed Ben Park.</description></item>"
            b"</channel></rss>",
        ),
    }
    items = read(
        ["http://[", "https://x.example/bad-redirect", "https://x.example/feed"],
        settings,
        handler=serve(pages),
    )
    assert messages(items) == [
        f"http://[: could not fetch: not a valid web address ({NETWORK_HINT})",
        "https://x.example/bad-redirect: could not fetch: redirected to http://[/, which is "
        f"not a web address ({NETWORK_HINT})",
    ]
    assert [d.text for d in documents(items)] == ["Councilwoman Rosa Vega endorsed Ben Park."]


def test_feed_field_given_as_null_is_no_text() -> None:
    """Found by the long fuzz run: feedparser may hand a summary over as None."""
    from endorsements.ingest.feeds import _plain

    assert _plain(None, "text/html") == ""
    assert _plain("<p>Ray Tolle <b>endorsed</b> Dale Fenn.</p>", "text/html") == (
        "Ray Tolle endorsed Dale Fenn."
    )
