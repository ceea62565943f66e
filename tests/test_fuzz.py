"""Property-based fuzzing of every reader and of the extractor (hypothesis).

Whatever bytes or text a feed, a file or a user throws at us, each reader must yield only
`Document`s that the store can keep and `InputError`s that say where the problem is: no other
exception, no hang, no document longer than the limit. The extractor must return evidence spans
that really are the document's text.

The number of cases is set by the hypothesis profile (see `conftest.py`): the default "ci"
profile tries a few hundred in all, `HYPOTHESIS_PROFILE=long` (`make fuzz`) tens of thousands.
Inputs are generated, never taken from real news; names in the templates are invented.
"""

from __future__ import annotations

import io
import json
import math
import os
import tempfile
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import httpx
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from endorsements.errors import InputError
from endorsements.extract.extractor import RuleExtractor
from endorsements.ingest import read_sources, utf8
from endorsements.ingest.feeds import read_feed
from endorsements.ingest.html import read_html
from endorsements.ingest.records import read_json, read_jsonl
from endorsements.ingest.sniff import EXTENSIONS, classify_response, sniff_markup
from endorsements.ingest.sources import read_stdin
from endorsements.ingest.tabular import read_csv
from endorsements.ingest.text import read_text
from endorsements.models import STANCES, Document
from endorsements.pipeline import make_extractor
from endorsements.settings import Settings, load_settings

pytestmark = pytest.mark.fuzz

#: Small enough that generated inputs reach the "document too long" path.
MAX_CHARS = 3_000
#: Likewise for the input size limit: the longest generated inputs pass it.
MAX_BYTES = 60_000


def _settings() -> Settings:
    """Shipped defaults whatever the developer's environment says, with a small size limit.

    The fake web below uses invented host names that do not resolve, so the address check that
    protects real fetches is switched off; it has its own tests in test_security.py.
    """
    with pytest.MonkeyPatch.context() as mp:
        for name in [n for n in os.environ if n.startswith("ENDORSEMENTS_")]:
            mp.delenv(name)
        mp.setenv("ENDORSEMENTS_CONFIG", os.devnull + "-missing")
        settings = load_settings()
    return settings.with_overrides(
        max_document_chars=MAX_CHARS, max_input_bytes=MAX_BYTES, fetch_allow_private=True
    )


SETTINGS = _settings()

# --- strategies ----------------------------------------------------------------------------------

#: Every code point class that has bitten text pipelines: controls, NUL, BOM, bidi marks,
#: line/paragraph separators, combining marks, astral emoji, and unpaired surrogates.
NASTY = st.sampled_from(
    [
        "\x00",
        "\x07",
        "\x1b",
        "\x7f",
        "\r",
        "\r\n",
        "\t",
        "\ufeff",
        "\u200b",
        "\u202e",
        "\u2028",
        "\u2029",
        "\u0301",
        "\U0001f600",
        "\ufffd",
        "\x85",
        "&amp;",
        "&#0;",
        "<",
        ">",
        '"',
        "'",
        ",",
        "\\",
        "]]>",
        "<!--",
    ]
)
SURROGATE = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
ANY_TEXT = st.lists(st.one_of(st.characters(codec="utf-8"), NASTY), max_size=200).map(
    "".join
) | st.text(alphabet=st.one_of(st.characters(), SURROGATE), max_size=50)


@st.composite
def enormous(draw: st.DrawFn) -> str:
    """One long line: a short piece repeated past the document limit, with no line break."""
    piece = draw(st.text(min_size=1, max_size=8).filter(lambda s: "\n" not in s))
    return piece * draw(st.integers(min_value=MAX_CHARS // len(piece), max_value=40_000))


TEXT = st.one_of(ANY_TEXT, enormous())


def _as_bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


RAW = st.one_of(
    st.binary(max_size=400),
    TEXT.map(_as_bytes),
    st.tuples(TEXT, st.binary(max_size=8), TEXT).map(
        lambda t: _as_bytes(t[0]) + t[1] + _as_bytes(t[2])
    ),
)

JSON_SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    ANY_TEXT,
)
JSON_VALUE = st.recursive(
    JSON_SCALAR,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner, max_size=4),
    max_leaves=12,
)
FIELDS = ["id", "text", "url", "source", "published", "date", "title"]
DATE_LIKE = st.one_of(
    st.dates().map(str),
    st.datetimes().map(lambda d: d.isoformat()),
    st.sampled_from(["2024-02-30", "yesterday", "2024-13-01", "0000-00-00", "", " "]),
)


@st.composite
def record(draw: st.DrawFn) -> object:
    """A JSON record: mostly the right shape with wrong types and odd values, sometimes junk."""
    if draw(st.integers(0, 9)) == 0:
        return draw(JSON_VALUE)
    out: dict[str, object] = {}
    for name in draw(st.lists(st.sampled_from(FIELDS), unique=True)):
        if name in ("published", "date"):
            out[name] = draw(DATE_LIKE | JSON_VALUE)
        elif name == "text":
            out[name] = draw(TEXT | JSON_VALUE)
        else:
            out[name] = draw(ANY_TEXT | JSON_VALUE)
    return out


def _dumps(value: object, ascii_only: bool) -> str:
    return json.dumps(value, ensure_ascii=ascii_only, allow_nan=True)


@st.composite
def mangled(draw: st.DrawFn, text: str) -> str:
    """Truncate, or splice junk into, a well-formed serialization."""
    how = draw(st.sampled_from(["keep", "truncate", "splice"]))
    if how == "keep" or not text:
        return text
    cut = draw(st.integers(0, len(text)))
    if how == "truncate":
        return text[:cut]
    return text[:cut] + draw(ANY_TEXT) + text[cut:]


@st.composite
def json_lines(draw: st.DrawFn) -> str:
    ascii_only = draw(st.booleans())
    lines = [_dumps(r, ascii_only) for r in draw(st.lists(record(), max_size=6))]
    lines = [draw(mangled(line)) for line in lines]
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\r\n", "\n\n"]))


@st.composite
def json_document(draw: st.DrawFn) -> str:
    value = draw(st.lists(record(), max_size=5) | record())
    indent = draw(st.sampled_from([None, 2]))
    return draw(mangled(json.dumps(value, ensure_ascii=draw(st.booleans()), indent=indent)))


CSV_CELL = st.one_of(
    ANY_TEXT,
    TEXT,
    st.sampled_from(['"', '""', '"unclosed', 'a"b', '"a""b"', "x\ny", ",", "\r"]),
)


@st.composite
def csv_text(draw: st.DrawFn) -> str:
    """CSV with some cells quoted properly and others not at all, so stray quotes abound."""
    header = draw(
        st.lists(st.sampled_from(FIELDS) | ANY_TEXT, min_size=0, max_size=5)
        | st.just(["id", "text"])
    )
    rows = [header, *draw(st.lists(st.lists(CSV_CELL, max_size=5), max_size=5))]

    def cell(value: str) -> str:
        if draw(st.booleans()):
            return '"' + value.replace('"', '""') + '"'
        return value

    return "\n".join(",".join(cell(c) for c in row) for row in rows)


TAGS = st.sampled_from(
    [
        "html",
        "head",
        "body",
        "title",
        "article",
        "p",
        "div",
        "script",
        "style",
        "br",
        "a",
        "table",
        "tr",
        "td",
        "meta",
        "main",
        "span",
        "h1",
        "ul",
        "li",
        "iframe",
        "svg",
        "x:y",
    ]
)


def _tag(parts: tuple[str, str, list[str], bool]) -> str:
    name, attr, children, closed = parts
    body = "".join(children)
    return f"<{name}{attr}>{body}</{name}>" if closed else f"<{name}{attr}>{body}"


ATTR = st.one_of(
    st.just(""),
    st.sampled_from(
        [
            ' charset="utf-8"',
            ' charset="no-such-codec"',
            " charset=utf-16",
            ' class="x',
            ' content="2024-99-99" property="article:published_time"',
            " href=javascript:x()",
            ' lang="\x00"',
        ]
    ),
    ANY_TEXT.map(lambda s: f' data-x="{s}"'),
)
MARKUP = st.recursive(
    ANY_TEXT,
    lambda inner: st.tuples(TAGS, ATTR, st.lists(inner, max_size=4), st.booleans()).map(_tag),
    max_leaves=20,
)


@st.composite
def html_text(draw: st.DrawFn) -> str:
    """Pages from well-formed to hopeless: random trees, very deep nesting, truncation."""
    prefix = draw(st.sampled_from(["", "<!DOCTYPE html>", "\ufeff<!doctype html>", "<?xml?>"]))
    body = draw(MARKUP)
    depth = draw(st.sampled_from([0, 0, 50, 3_000]))
    if depth:
        tag = draw(TAGS)
        body = f"<{tag}>" * depth + body + f"</{tag}>" * draw(st.integers(0, depth))
    sentence = "<p>The Harbor Nurses Guild endorsed Talia Brennock for mayor on Monday.</p>"
    page = f"{prefix}<html><head>{draw(MARKUP)}</head><body>{body}{sentence * 3}</body></html>"
    return draw(mangled(page))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


@st.composite
def feed_text(draw: st.DrawFn) -> str:
    """RSS and Atom with odd, missing, escaped and unescaped fields, entities, truncation."""
    atom = draw(st.booleans())
    entries = []
    for _ in range(draw(st.integers(0, 4))):
        link = draw(
            st.sampled_from(["", "https://feed.example/a", "/rel", "javascript:x", "urn:x:1"])
            | ANY_TEXT
        )
        title, summary = draw(ANY_TEXT), draw(TEXT | MARKUP)
        when = draw(st.sampled_from(["", "Mon, 01 Jan 2024 10:00:00 GMT", "2024-02-30", "x"]))
        if draw(st.booleans()):
            summary = _escape(summary)
        if atom:
            entries.append(
                f"<entry><title>{title}</title><link href='{_escape(link)}'/>"
                f"<updated>{when}</updated><content type='html'>{summary}</content></entry>"
            )
        else:
            entries.append(
                f"<item><title>{title}</title><link>{_escape(link)}</link>"
                f"<pubDate>{when}</pubDate><description>{summary}</description></item>"
            )
    doctype = draw(
        st.sampled_from(
            [
                "",
                '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
                '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>',
                '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
            ]
        )
    )
    filler = "&c;" if "ENTITY c" in doctype else ("&x;" if "SYSTEM" in doctype else "")
    if atom:
        body = f"<feed xmlns='http://www.w3.org/2005/Atom'><title>T{filler}</title>"
        text = f"<?xml version='1.0'?>{doctype}{body}{''.join(entries)}</feed>"
    else:
        body = f"<rss version='2.0'><channel><title>T{filler}</title>{''.join(entries)}"
        text = f"<?xml version='1.0'?>{doctype}{body}</channel></rss>"
    return draw(mangled(text))


# --- what every reader must honour ---------------------------------------------------------------


def _storable(value: str | None) -> None:
    if value is not None:
        value.encode("utf-8")  # no unpaired surrogates
        assert "\x00" not in value  # PostgreSQL text cannot hold NUL


def check(items: Iterable[object], location: str) -> list[object]:
    """Every item is a storable document or an error that names where it happened."""
    out = list(items)
    for item in out:
        if isinstance(item, Document):
            assert item.text and item.text == item.text.strip()
            assert len(item.text) <= SETTINGS.max_document_chars
            assert item.id
            for value in (item.id, item.text, item.title, item.source):
                _storable(value)
        else:
            assert isinstance(item, InputError), repr(item)
            assert item.location and item.problem
            assert str(item).startswith(item.location)
            assert item.location.startswith(location) or location.startswith("https://")
    return out


def _lines(data: bytes) -> Iterable[utf8.Line]:
    return utf8.binary_lines(io.BytesIO(data))


def _never() -> httpx.Client:
    raise AssertionError("this input must not need the network")


def _fake_web(body: bytes, content_type: str, status: int = 200) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/redirect"):
            return httpx.Response(302, headers={"location": "/redirect"})
        # Header bytes as a server would send them: httpx reads them as Latin-1.
        header = content_type.encode("utf-8", "surrogatepass")
        return httpx.Response(status, headers=[(b"content-type", header)], content=body)

    return httpx.Client(transport=httpx.MockTransport(handler))


# --- the readers -------------------------------------------------------------------------------


@given(TEXT)
@example("date 2024-02-30\nbody")
@example("date 2024-01-01")
@example("\x00")
@example("\ud800")
def test_plain_text(text: str) -> None:
    check([read_text(text, location="in.txt", settings=SETTINGS)], "in.txt")


@given(RAW)
@example(b"\xef\xbb\xbf")
@example(b"\xff\xfe\x00a")
def test_utf8_decoding(data: bytes) -> None:
    try:
        text = utf8.decode(data)
    except utf8.NotUtf8 as exc:
        assert 0 <= exc.offset < len(data)
    else:
        text.encode("utf-8")
    lines = list(_lines(data))
    # One Line per "\n"-terminated line, plus an unterminated last one; "\r" alone splits nothing.
    assert len(lines) == data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)
    for line in lines:
        assert line.bad_byte is None or (0 <= line.bad_byte < len(data) and line.text == "")


@given(st.one_of(json_lines().map(_as_bytes), RAW))
@example(b'{"text": "\\ud800 lone"}')
@example(b'{"text": "a\\u0000b"}')
@example(b'{"text": "ok", "title": "\\udfff"}')
@example(b'{"text": "ok", "id": 1e999}')
@example(b'{"text": "ok", "id": NaN}')
@example(b'{"text": "x", "published": "2024-02-30"}')
@example(b"1" * 5_000)
@example(b'{"text": "x", "n": ' + b"9" * 5_000 + b"}")
def test_json_lines(data: bytes) -> None:
    check(
        read_jsonl(_lines(data), location="in.jsonl", settings=SETTINGS, default_source=None),
        "in.jsonl",
    )


@given(st.one_of(json_document().map(_as_bytes), json_lines().map(_as_bytes), RAW))
@example(b"[" * 50_000)
@example(b'[{"text": "a"},')
@example(b"[1, 2")
@example(b'{"text": "a"} trailing')
def test_json(data: bytes) -> None:
    check(
        read_json(_lines(data), location="in.json", settings=SETTINGS, default_source=None),
        "in.json",
    )


@given(st.one_of(csv_text().map(_as_bytes), RAW))
@example(b'text\n"unclosed, quote\nnext')
@example(b'id,text\n1,"a"b"\n')
@example(b"\x00text\nx")
def test_csv(data: bytes) -> None:
    check(
        read_csv(_lines(data), location="in.csv", settings=SETTINGS, default_source=None), "in.csv"
    )


@given(st.one_of(html_text().map(_as_bytes), RAW), st.booleans())
@example(b"<html>" * 100_000, False)
@example(b"<meta charset=utf-7><p>+ADw-script+AD4-</p>", True)
def test_html(data: bytes, guess: bool) -> None:
    item = read_html(data, location="in.html", settings=SETTINGS, guess_encoding=guess)
    check([item], "in.html")


@given(st.one_of(feed_text().map(_as_bytes), html_text().map(_as_bytes), RAW))
def test_feed(data: bytes) -> None:
    client = _fake_web(b"<html><body><p>short</p></body></html>", "text/html")
    check(read_feed(data, location="in.rss", settings=SETTINGS, client=lambda: client), "")


@given(RAW | st.one_of(json_lines(), csv_text()).map(_as_bytes))
def test_stdin(data: bytes) -> None:
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="latin-1")
    check(read_stdin(stream, SETTINGS), "<stdin>")


@given(st.binary(max_size=64), st.text(max_size=40), ANY_TEXT | ANY_TEXT.map("http://[".__add__))
def test_sniffing(head: bytes, content_type: str, url: str) -> None:
    assert sniff_markup(head) in (None, "feed", "html")
    assert classify_response(content_type, url, head) in (
        None,
        "feed",
        "html",
        "json",
        "csv",
        "text",
    )


@given(
    st.one_of(RAW, *(s.map(_as_bytes) for s in (html_text(), feed_text(), json_lines()))),
    st.sampled_from(sorted(EXTENSIONS) + ["", ".bin"]),
)
def test_any_file_by_extension(data: bytes, suffix: str) -> None:
    """The whole path a user takes: a file on disk, chosen by extension, then sniffed."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        client = _fake_web(b"plain body text", "text/plain")
        check(read_sources([str(path)], SETTINGS, client=client), str(path))


@given(
    st.one_of(RAW, *(s.map(_as_bytes) for s in (html_text(), feed_text(), csv_text()))),
    st.one_of(
        st.sampled_from(
            [
                "text/html",
                "application/rss+xml",
                "text/xml",
                "application/json",
                "text/csv",
                "text/plain",
                "application/pdf",
                "",
            ]
        ),
        st.text(max_size=30),
    ),
    st.sampled_from(["", "; charset=utf-8", "; charset=latin-1", "; charset=bogus", "; charset="]),
    st.sampled_from(["/page", "/a.json", "/a.csv", "/feed.xml", "/redirect"]),
    st.sampled_from([200, 200, 404, 500]),
)
def test_fetched_url(body: bytes, media: str, charset: str, path: str, status: int) -> None:
    """Whatever a server answers (type, charset, status, redirect loop), no crash."""
    client = _fake_web(body, media + charset, status)
    url = "https://fuzz.example" + path
    check(read_sources([url], SETTINGS, client=client), url)


HOSTS = st.one_of(
    st.sampled_from(
        ["localhost", "news.example", "0", "2130706433", "0x7f.1", "[::1]", "a..b", "[", "[x]"]
    ),
    st.ip_addresses().map(lambda ip: f"[{ip}]" if ip.version == 6 else str(ip)),
    ANY_TEXT,
)


@given(
    HOSTS,
    st.lists(st.ip_addresses(), max_size=3),
    st.sampled_from(["", ":80", ":8080", ":0", ":99999", ":x"]),
)
def test_address_policy_on_any_address(host: str, resolved: list, port: str) -> None:
    """With the default policy, a fetch either fails with a `FetchError` or reaches only a
    public address, whatever the host looks like and whatever DNS answers."""
    from endorsements.errors import FetchError
    from endorsements.ingest.fetch import fetch
    from endorsements.security import address_kind, resolve

    def dns(name: str, port: int, *args: object, **kwargs: object) -> list[tuple]:
        if not resolved:
            raise OSError("Name or service not known")
        return [(2, 1, 6, "", (str(ip), port)) for ip in resolved]

    reached: list[str] = []

    def web(request: httpx.Request) -> httpx.Response:
        reached.append(request.url.host)
        return httpx.Response(200, text="page text")

    client = httpx.Client(transport=httpx.MockTransport(web))
    strict = SETTINGS.with_overrides(fetch_allow_private=False)
    try:
        fetch(f"http://{host}{port}/a", strict, client, resolver=dns)
    except FetchError as exc:
        assert exc.problem
        return
    for name in reached:
        assert all(address_kind(ip) is None for ip in resolve(name, 80, dns))


# --- the extractor -----------------------------------------------------------------------------

ENDORSERS = st.sampled_from(
    ["The Harbor Nurses Guild", "Mayor Odile Varga", "Sen. Corwin Ashby", "Varga", "She", "They"]
)
ENDORSEES = st.sampled_from(["Talia Brennock", "Brennock", "Proposition 9", "him", "Ezra Quill"])
CUES = st.sampled_from(
    [
        "endorsed",
        "backs",
        "withdrew its endorsement of",
        "opposes",
        "is supporting",
        "announced support for",
        "said it would not endorse",
        "urged voters to reject",
    ]
)
TAIL = st.sampled_from(["", " for mayor", " in the 2024 race", " on Friday", " (D)", "."])


@st.composite
def news(draw: st.DrawFn) -> str:
    """Endorsement-like sentences (so the rules fire) mixed with noise of every kind."""
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.booleans()):
            quote = draw(st.sampled_from(["", '"', "“", "'"]))
            parts.append(
                f"{quote}{draw(ENDORSERS)} {draw(CUES)} {draw(ENDORSEES)}{draw(TAIL)}{quote}"
            )
        else:
            parts.append(draw(ANY_TEXT))
        parts.append(draw(st.sampled_from([" ", ". ", "\n", "\n\n", "", draw(NASTY)])))
    return "".join(parts)


@pytest.fixture(scope="module")
def extractor() -> RuleExtractor:
    return make_extractor(SETTINGS)


@given(st.one_of(news(), ANY_TEXT.filter(str.strip)), st.dates() | st.none())
@example("\x00\x00 endorsed \x00", None)
@example("Varga endorsed " + "Brennock, " * 2_000, None)
@example("“" * 500 + "Varga endorsed Brennock", None)
def test_extractor(extractor: RuleExtractor, text: str, published: date | None) -> None:
    text = text.encode("utf-8", "replace").decode("utf-8")  # documents are always valid text
    doc = Document(id="fuzz", text=text, published=published)
    [result] = list(extractor.pipe([doc]))
    assert result.document is doc
    for e in result.endorsements:
        span = e.evidence
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text
        assert e.stance in STANCES
        assert e.endorser.strip() and e.endorsee.strip()
        assert math.isfinite(e.confidence) and 0.0 <= e.confidence <= 1.0
