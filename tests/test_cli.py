"""The command line, run in-process with Typer's CliRunner.

Output that the CLI itself decides (summary lines, error lines, exports, scores) is asserted
exactly. Where the extractor decides (which relations a sentence holds, their confidence, race,
rule), the fixtures are plain one-clause sentences and the tests check only who backs whom,
so tuning the rules does not break them. `show` and `export` read a ledger seeded through the
store API with hand-made records, so their output does not depend on the extractor at all.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from endorsements.cli import app
from endorsements.models import Document, Endorsement, Extraction, Span, text_id
from endorsements.serve.export import EXPORT_COLUMNS
from endorsements.settings import __version__
from endorsements.store import Ledger

runner = CliRunner()

ENDORSEMENT_KEYS = {"endorser", "endorsee", "stance", "evidence", "start", "end"}

ROE_BODY = "Mayor Jane Roe endorsed John Doe for governor."
ROE_TXT = f"date 2024-03-04\n{ROE_BODY}\n"
WIRE_RECORDS = [
    {"id": "w1", "published": "2024-05-01", "text": "Senator Mary Major endorsed Richard Miles."},
    {"id": "w2", "text": "The Riverton Teachers Union opposes Richard Miles."},
    {"id": "w3", "text": "The weather was fine on Tuesday."},
]


def jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run every test in tmp_path with no user config, no ENDORSEMENTS_* and a wide terminal.

    Relative paths keep file names in messages short and exact; COLUMNS fixes Rich's table
    width, which Rich reads from the environment each time it prints.
    """
    monkeypatch.chdir(tmp_path)
    for name in ("DB", "MODEL", "MIN_CONFIDENCE", "MAX_DOCUMENT_CHARS"):
        monkeypatch.delenv(f"ENDORSEMENTS_{name}", raising=False)
    monkeypatch.setenv("ENDORSEMENTS_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("COLUMNS", "200")
    for name in ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'x.db'}"


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """roe.txt (date header), wire.jsonl (three records, one without an endorsement) and a
    directory news/ holding a .txt and, one level down, a .jsonl."""
    (tmp_path / "roe.txt").write_text(ROE_TXT, encoding="utf-8")
    (tmp_path / "wire.jsonl").write_text(jsonl(WIRE_RECORDS), encoding="utf-8")
    news = tmp_path / "news"
    (news / "more").mkdir(parents=True)
    (news / "a.txt").write_text("John Doe was endorsed by Mayor Jane Roe.\n", encoding="utf-8")
    (news / "more" / "b.jsonl").write_text(
        jsonl([{"id": "n2", "text": "Jane Roe opposes Richard Miles."}]), encoding="utf-8"
    )
    return tmp_path


def invoke(*args: str, input: str | None = None) -> Result:
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def lines(text: str) -> list[str]:
    return text.splitlines()


def triples(extraction: dict) -> list[tuple[str, str, str]]:
    return [(e["endorser"], e["stance"], e["endorsee"]) for e in extraction["endorsements"]]


def ledger_rows(url: str) -> list[dict]:
    with Ledger(url) as ledger:
        return [row.to_dict() for row in ledger.rows()]


def ledger_counts(url: str) -> dict[str, int]:
    with Ledger(url) as ledger:
        return ledger.counts()


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def summary(read: int, stored: int, relations: int, already: int, errors: int) -> str:
    return (
        f"{plural(read, 'document')} read: {stored} stored with "
        f"{plural(relations, 'endorsement')}, {already} already stored; "
        f"{plural(errors, 'error')}."
    )


# --- version ------------------------------------------------------------------------------


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"endorsements {__version__}\n"
    assert result.stderr == ""


# --- ingest -------------------------------------------------------------------------------


def test_ingest_txt_with_date_header(articles: Path, db: str) -> None:
    result = invoke("ingest", "roe.txt", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == summary(1, 1, 1, 0, 0) + "\n"
    [row] = ledger_rows(db)
    assert (row["endorser"], row["stance"], row["endorsee"]) == ("Jane Roe", "support", "John Doe")
    assert row["first_seen"] == "2024-03-04"  # from the date header
    assert row["sources"] == ["roe.txt"]
    assert "date" not in row["best_evidence"]


def test_ingest_jsonl(articles: Path, db: str) -> None:
    result = invoke("ingest", "wire.jsonl", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == summary(3, 3, 2, 0, 0) + "\n"
    assert ledger_counts(db)["documents"] == 3
    rows = ledger_rows(db)
    assert [(r["endorser"], r["stance"], r["endorsee"]) for r in rows] == [
        ("Mary Major", "support", "Richard Miles"),
        ("Riverton Teachers Union", "oppose", "Richard Miles"),
    ]
    assert rows[0]["first_seen"] == "2024-05-01"  # the record's "published"
    assert rows[1]["first_seen"] is None


def test_ingest_directory(articles: Path, db: str) -> None:
    result = invoke("ingest", "news", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == summary(2, 2, 2, 0, 0) + "\n"
    rows = ledger_rows(db)
    assert [(r["endorser"], r["stance"], r["endorsee"]) for r in rows] == [
        ("Jane Roe", "support", "John Doe"),
        ("Jane Roe", "oppose", "Richard Miles"),
    ]


def test_ingest_several_sources_at_once(articles: Path, db: str) -> None:
    result = invoke("ingest", "roe.txt", "wire.jsonl", "news", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == summary(6, 6, 5, 0, 0) + "\n"


def test_ingest_stdin(db: str) -> None:
    result = invoke("ingest", "-", "--db", db, input=jsonl(WIRE_RECORDS[:1]))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == summary(1, 1, 1, 0, 0) + "\n"


def test_ingest_twice_stores_once(articles: Path, db: str) -> None:
    first = invoke("ingest", "roe.txt", "wire.jsonl", "--db", db)
    assert first.stderr == summary(4, 4, 3, 0, 0) + "\n"
    counts = ledger_counts(db)
    rows = ledger_rows(db)

    second = invoke("ingest", "roe.txt", "wire.jsonl", "--db", db)
    assert second.exit_code == 0
    assert second.stderr == summary(4, 0, 0, 4, 0) + "\n"
    assert ledger_counts(db) == counts
    assert ledger_rows(db) == rows  # no evidence counted twice


def test_ingest_db_from_environment(articles: Path, db: str, monkeypatch) -> None:
    monkeypatch.setenv("ENDORSEMENTS_DB", db)
    result = invoke("ingest", "roe.txt")
    assert result.exit_code == 0, result.stderr
    assert ledger_counts(db)["documents"] == 1


GOOD_A = "Carl Lee endorsed Bob Jones.\n"
GOOD_B = "Senator Mary Major endorsed Richard Miles.\n"

# name -> (file bytes, the start of its one error line)
BAD_INPUTS = {
    "missing": (None, "error: missing.txt: no such file"),
    "bad-json-line": (
        b'{"id": "j1", "text": "Jane Roe opposes Richard Miles."}\n'
        b'{"id": "j2", "text": \n'
        b'{"id": "j3", "text": "John Doe was endorsed by Mayor Jane Roe."}\n',
        "error: bad.jsonl:2: not valid JSON",
    ),
    "not-utf8": (
        "Jos\xe9 Roe endorsed John Doe.\n".encode("latin-1"),
        "error: latin.txt: not valid UTF-8",
    ),
    "empty": (b" \n\n", "error: empty.txt: empty document"),
}
BAD_FILE = {
    "missing": "missing.txt",
    "bad-json-line": "bad.jsonl",
    "not-utf8": "latin.txt",
    "empty": "empty.txt",
}


@pytest.mark.parametrize("kind", list(BAD_INPUTS))
def test_ingest_bad_input_reports_one_line_and_goes_on(kind: str, tmp_path: Path, db: str):
    content, prefix = BAD_INPUTS[kind]
    name = BAD_FILE[kind]
    if content is not None:
        (tmp_path / name).write_bytes(content)
    (tmp_path / "a.txt").write_text(GOOD_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD_B, encoding="utf-8")

    result = invoke("ingest", "a.txt", name, "b.txt", "--db", db)

    assert result.exit_code == 1
    assert result.stdout == ""
    *errors, last = lines(result.stderr)
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith(prefix)
    good_in_bad_file = 2 if kind == "bad-json-line" else 0
    n = 2 + good_in_bad_file
    assert last == summary(n, n, n, 0, 1)
    assert ledger_counts(db)["documents"] == n
    assert {r["endorser"] for r in ledger_rows(db)} >= {"Carl Lee", "Mary Major"}


def test_ingest_all_bad_inputs_in_one_batch(tmp_path: Path, db: str) -> None:
    for kind, (content, _) in BAD_INPUTS.items():
        if content is not None:
            (tmp_path / BAD_FILE[kind]).write_bytes(content)
    (tmp_path / "a.txt").write_text(GOOD_A, encoding="utf-8")

    result = invoke("ingest", *BAD_FILE.values(), "a.txt", "--db", db)

    assert result.exit_code == 1
    *errors, last = lines(result.stderr)
    assert [e.split(":")[1].strip() for e in errors] == list(BAD_FILE.values())
    assert [
        e
        for e, (_, prefix) in zip(errors, BAD_INPUTS.values(), strict=True)
        if not e.startswith(prefix)
    ] == []
    assert last == summary(3, 3, 3, 0, 4)


def test_ingest_store_failure_is_one_error_line(articles: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'no-such-dir' / 'x.db'}"
    result = invoke("ingest", "roe.txt", "--db", url)
    assert result.exit_code == 1
    assert result.stdout == ""
    [line] = lines(result.stderr)
    assert line.startswith("error: cannot open ledger ")
    assert "no-such-dir does not exist" in line


# --- extract ------------------------------------------------------------------------------


def extract_jsonl(*args: str) -> list[dict]:
    result = invoke("extract", *args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return [json.loads(line) for line in lines(result.stdout)]


def test_extract_jsonl_one_line_per_document_in_input_order(articles: Path) -> None:
    out = extract_jsonl("--format", "jsonl", "roe.txt", "wire.jsonl", "news")
    assert [d["id"] for d in out] == [
        text_id(ROE_BODY),
        "w1",
        "w2",
        "w3",
        text_id("John Doe was endorsed by Mayor Jane Roe."),
        "n2",
    ]
    assert [set(d) for d in out] == [{"id", "endorsements"}] * 6
    assert [triples(d) for d in out] == [
        [("Jane Roe", "support", "John Doe")],
        [("Mary Major", "support", "Richard Miles")],
        [("Riverton Teachers Union", "oppose", "Richard Miles")],
        [],
        [("Jane Roe", "support", "John Doe")],
        [("Jane Roe", "oppose", "Richard Miles")],
    ]
    texts = [
        ROE_BODY,
        *(r["text"] for r in WIRE_RECORDS),
        "John Doe was endorsed by Mayor Jane Roe.",
        "Jane Roe opposes Richard Miles.",
    ]
    for doc, text in zip(out, texts, strict=True):
        for e in doc["endorsements"]:
            assert set(e) >= ENDORSEMENT_KEYS
            assert text[e["start"] : e["end"]] == e["evidence"]


def test_extract_default_format_is_jsonl(articles: Path) -> None:
    assert extract_jsonl("wire.jsonl") == extract_jsonl("--format", "jsonl", "wire.jsonl")


def test_extract_json_is_one_array_of_the_same_records(articles: Path) -> None:
    result = invoke("extract", "-f", "json", "roe.txt", "wire.jsonl")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("[\n  {\n")
    assert json.loads(result.stdout) == extract_jsonl("roe.txt", "wire.jsonl")


def test_extract_table(articles: Path) -> None:
    result = invoke("extract", "--format", "table", "wire.jsonl")
    assert result.exit_code == 0, result.stderr
    out = lines(result.stdout)
    header = [c.strip() for c in out[1].strip("┃").split("┃")]
    assert header == ["Document", "Endorser", "Stance", "Endorsee", "Conf.", "Evidence"]
    body = [[c.strip() for c in line.strip("│").split("│")] for line in out[3:-1]]
    assert [row[:4] for row in body] == [
        ["w1", "Mary Major", "support", "Richard Miles"],
        ["w2", "Riverton Teachers Union", "oppose", "Richard Miles"],
    ]


def test_extract_table_prints_brackets_literally(tmp_path: Path) -> None:
    """Ids and names are data: "[/b]" must not be read as Rich markup (it used to crash)."""
    (tmp_path / "b.jsonl").write_text(
        jsonl(
            [
                {"id": "wire[/b]", "text": "Carl Lee endorsed Bob Jones."},
                {"id": "[bold]x", "text": "Carl Lee endorsed Bob Jones."},
            ]
        ),
        encoding="utf-8",
    )
    result = invoke("extract", "--format", "table", "b.jsonl")
    assert result.exit_code == 0, result.stderr
    assert "│ wire[/b] " in result.stdout
    assert "│ [bold]x " in result.stdout


def test_extract_min_confidence_filters(articles: Path) -> None:
    everything = extract_jsonl("roe.txt", "wire.jsonl")
    filtered = extract_jsonl("--min-confidence", "0.99", "roe.txt", "wire.jsonl")
    assert any(e["confidence"] < 0.99 for d in everything for e in d["endorsements"]), (
        "the fixtures no longer exercise the filter"
    )
    # Still one line per document; only the records below the threshold are gone.
    assert filtered == [
        {"id": d["id"], "endorsements": [e for e in d["endorsements"] if e["confidence"] >= 0.99]}
        for d in everything
    ]


def test_extract_min_confidence_from_environment(articles: Path, monkeypatch) -> None:
    monkeypatch.setenv("ENDORSEMENTS_MIN_CONFIDENCE", "0.99")
    from_env = extract_jsonl("roe.txt", "wire.jsonl")
    monkeypatch.delenv("ENDORSEMENTS_MIN_CONFIDENCE")
    assert from_env == extract_jsonl("--min-confidence", "0.99", "roe.txt", "wire.jsonl")


def test_extract_bad_input_goes_on_and_exits_1(articles: Path) -> None:
    result = invoke("extract", "missing.txt", "wire.jsonl")
    assert result.exit_code == 1
    assert lines(result.stderr) == ["error: missing.txt: no such file (check the path)"]
    assert [json.loads(line)["id"] for line in lines(result.stdout)] == ["w1", "w2", "w3"]


def test_extract_unknown_model_is_one_error_line(articles: Path, monkeypatch) -> None:
    monkeypatch.setenv("ENDORSEMENTS_MODEL", "no_such_pipeline_xyz")
    result = invoke("extract", "roe.txt")
    assert result.exit_code == 1
    assert result.stdout == ""
    [line] = lines(result.stderr)
    assert line.startswith("error: cannot load the spaCy pipeline 'no_such_pipeline_xyz'")


def test_bad_config_file_is_one_error_line(articles: Path, tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "bad.toml").write_text("min_confidence = [\n", encoding="utf-8")
    monkeypatch.setenv("ENDORSEMENTS_CONFIG", str(tmp_path / "bad.toml"))
    result = invoke("extract", "roe.txt")
    assert result.exit_code == 1
    [line] = lines(result.stderr)
    assert line.startswith(f"error: {tmp_path / 'bad.toml'}: not valid TOML")


# --- show and export: a ledger seeded with hand-made records ----------------------------


def _doc(doc_id: str, text: str, published: str, source: str | None = None) -> Document:
    return Document(doc_id, text, source=source, published=date.fromisoformat(published))


def _rel(doc: Document, endorser: str, stance: str, endorsee: str, evidence: str, **kw):
    start = doc.text.index(evidence)
    span = Span(evidence, start, start + len(evidence))
    return Endorsement(endorser, endorsee, stance, span, **kw)


@pytest.fixture
def seeded(db: str) -> str:
    """Three merged rows; the first has evidence from two documents."""
    s1 = _doc(
        "s1",
        "Mayor Jane Roe endorsed John Doe for governor.",
        "2024-01-10",
        source="https://news.example/s1",
    )
    s2 = _doc("s2", "The Riverton Teachers Union opposes John Doe.", "2024-03-02")
    s3 = _doc("s3", "Senator Mary Major withdrew her endorsement of Richard Miles.", "2024-04-15")
    s4 = _doc("s4", "John Doe was endorsed again by Jane Roe.", "2024-05-01")
    extractions = [
        Extraction(
            s1,
            [
                _rel(
                    s1,
                    "Jane Roe",
                    "support",
                    "John Doe",
                    "Jane Roe endorsed John Doe",
                    race="governor",
                    confidence=0.9,
                )
            ],
        ),
        Extraction(
            s2,
            [
                _rel(
                    s2,
                    "Riverton Teachers Union",
                    "oppose",
                    "John Doe",
                    "The Riverton Teachers Union opposes John Doe",
                    endorser_type="union",
                    confidence=0.8,
                )
            ],
        ),
        Extraction(
            s3,
            [
                _rel(
                    s3,
                    "Mary Major",
                    "withdraw",
                    "Richard Miles",
                    "Mary Major withdrew her endorsement of Richard Miles",
                    kind="endorsement",
                    confidence=0.7,
                )
            ],
        ),
        Extraction(
            s4,
            [
                _rel(
                    s4,
                    "Jane Roe",
                    "support",
                    "John Doe",
                    "John Doe was endorsed again by Jane Roe",
                    race="governor",
                    confidence=0.95,
                )
            ],
        ),
    ]
    with Ledger(db) as ledger:
        ledger.migrate()
        for ex in extractions:
            assert ledger.add_extraction(ex)
    return db


# Rich pads the centred title with spaces; lines are compared without trailing blanks.
SHOW_ALL = """\
                                                                   3 endorsements
┏━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━━━┳━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓
┃ ID ┃ Endorser                ┃ Stance   ┃ Endorsee      ┃ Race     ┃ First seen ┃ Sources ┃ Best evidence                                        ┃
┡━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩
│  1 │ Jane Roe                │ support  │ John Doe      │ governor │ 2024-01-10 │       2 │ John Doe was endorsed again by Jane Roe              │
│  2 │ Riverton Teachers Union │ oppose   │ John Doe      │          │ 2024-03-02 │       1 │ The Riverton Teachers Union opposes John Doe         │
│  3 │ Mary Major              │ withdraw │ Richard Miles │          │ 2024-04-15 │       1 │ Mary Major withdrew her endorsement of Richard Miles │
└────┴─────────────────────────┴──────────┴───────────────┴──────────┴────────────┴─────────┴──────────────────────────────────────────────────────┘
"""  # noqa: E501


def shown(result: Result) -> list[tuple[str, str, str]]:
    """(endorser, stance, endorsee) of each row of a `show` table (after the ID column)."""
    rows = []
    for line in lines(result.stdout):
        if line.startswith("│"):
            cells = [c.strip() for c in line.strip("│").split("│")]
            rows.append((cells[1], cells[2], cells[3]))
    return rows


def test_show_everything(seeded: str) -> None:
    result = invoke("show", "--db", seeded)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert [line.rstrip() for line in lines(result.stdout)] == lines(SHOW_ALL)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["--endorsee", "doe"],
            [
                ("Jane Roe", "support", "John Doe"),
                ("Riverton Teachers Union", "oppose", "John Doe"),
            ],
        ),
        (["--endorser", "Riverton"], [("Riverton Teachers Union", "oppose", "John Doe")]),
        (["--stance", "withdraw"], [("Mary Major", "withdraw", "Richard Miles")]),
        (
            ["--since", "2024-03-02"],
            [
                ("Riverton Teachers Union", "oppose", "John Doe"),
                ("Mary Major", "withdraw", "Richard Miles"),
            ],
        ),
        (["--endorsee", "Doe", "--stance", "support"], [("Jane Roe", "support", "John Doe")]),
    ],
    ids=["endorsee", "endorser", "stance", "since", "combined"],
)
def test_show_filters(seeded: str, args: list[str], expected: list) -> None:
    result = invoke("show", *args, "--db", seeded)
    assert result.exit_code == 0, result.stderr
    assert lines(result.stdout)[0].strip() == f"{len(expected)} endorsements"
    assert shown(result) == expected


@pytest.mark.parametrize(
    "args",
    [
        ["--endorsee", "Nobody"],
        ["--since", "2030-01-01"],
        ["--endorser", "Roe", "--stance", "oppose"],
    ],
)
def test_show_no_match(seeded: str, args: list[str]) -> None:
    result = invoke("show", *args, "--db", seeded)
    assert result.exit_code == 0
    assert result.stdout == "No endorsements match.\n"


def test_show_empty_ledger(db: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("Nothing political happened today.\n", encoding="utf-8")
    assert invoke("ingest", str(empty), "--db", db).exit_code == 0
    result = invoke("show", "--db", db)
    assert result.exit_code == 0
    assert result.stdout == "No endorsements match.\n"


def test_show_and_export_refuse_a_missing_sqlite_file(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    for command in ("show", "export"):
        result = invoke(command, "--db", f"sqlite:///{missing}")
        assert result.exit_code == 1
        assert result.stderr.startswith(f"error: {missing}: no ledger there yet")
        assert not missing.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "--since", "notadate"], "'notadate' is not a date; use YYYY-MM-DD"),
        (["show", "--stance", "maybe"], "'maybe' is not one of"),
        (["export", "--format", "xml"], "'xml' is not one of"),
        (["extract", "--min-confidence", "1.5", "x.txt"], "--min-confidence"),
        (["extract"], "Missing argument"),
        (["nosuchcommand"], "No such command"),
    ],
    ids=[
        "show-since",
        "show-stance",
        "export-format",
        "min-confidence",
        "no-sources",
        "unknown-command",
    ],
)
def test_usage_errors_exit_2(db: str, args: list[str], message: str) -> None:
    result = invoke(*args, "--db", db) if args[0] in ("show", "export") else invoke(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr


EXPORT_CSV_PREFIXES = """\
id,endorser,endorser_type,stance,endorsee,race,kind,first_seen,last_seen,sources,n_evidence,best_evidence,confidence,endorser_category,endorsee_category,review_state,reviewer,reviewed_at,review_note,evidence
1,Jane Roe,person,support,John Doe,governor,endorsement,2024-01-10,2024-05-01,https://news.example/s1 | s4,2,John Doe was endorsed again by Jane Roe,0.95,other,other,unreviewed,,,
2,Riverton Teachers Union,union,oppose,John Doe,,endorsement,2024-03-02,2024-03-02,s2,1,The Riverton Teachers Union opposes John Doe,0.8,union,other,unreviewed,,,
3,Mary Major,person,withdraw,Richard Miles,,endorsement,2024-04-15,2024-04-15,s3,1,Mary Major withdrew her endorsement of Richard Miles,0.7,other,other,unreviewed,,,
"""  # noqa: E501

EXPORT_RECORDS = [
    {
        "id": 1,
        "endorser": "Jane Roe",
        "endorser_type": "person",
        "stance": "support",
        "endorsee": "John Doe",
        "race": "governor",
        "kind": "endorsement",
        "first_seen": "2024-01-10",
        "last_seen": "2024-05-01",
        "sources": ["https://news.example/s1", "s4"],
        "n_evidence": 2,
        "best_evidence": "John Doe was endorsed again by Jane Roe",
        "confidence": 0.95,
    },
    {
        "id": 2,
        "endorser": "Riverton Teachers Union",
        "endorser_type": "union",
        "stance": "oppose",
        "endorsee": "John Doe",
        "race": None,
        "kind": "endorsement",
        "first_seen": "2024-03-02",
        "last_seen": "2024-03-02",
        "sources": ["s2"],
        "n_evidence": 1,
        "best_evidence": "The Riverton Teachers Union opposes John Doe",
        "confidence": 0.8,
    },
    {
        "id": 3,
        "endorser": "Mary Major",
        "endorser_type": "person",
        "stance": "withdraw",
        "endorsee": "Richard Miles",
        "race": None,
        "kind": "endorsement",
        "first_seen": "2024-04-15",
        "last_seen": "2024-04-15",
        "sources": ["s3"],
        "n_evidence": 1,
        "best_evidence": "Mary Major withdrew her endorsement of Richard Miles",
        "confidence": 0.7,
    },
]


def _evidence(
    ev_id: int, stance: str, doc: str, source: str | None, day: str, text: str, start: int
) -> dict:
    """One evidence object of the native export, as the seeded ledger stores it."""
    endorser, endorsee = {
        "s1": ("Jane Roe", "John Doe"),
        "s2": ("Riverton Teachers Union", "John Doe"),
        "s3": ("Mary Major", "Richard Miles"),
        "s4": ("Jane Roe", "John Doe"),
    }[doc]
    return {
        "id": ev_id,
        "stance": stance,
        "seen": day,
        "document_id": doc,
        "source": source,
        "published": day,
        "text": text,
        "start": start,
        "end": start + len(text),
        "date": None,
        "confidence": {"s1": 0.9, "s2": 0.8, "s3": 0.7, "s4": 0.95}[doc],
        "rule": "",
        "endorser_name": endorser,
        "endorsee_name": endorsee,
    }


UNREVIEWED = {"review_state": "unreviewed", "reviewer": None, "reviewed_at": None}
for _record, _categories, _evidence_list in zip(
    EXPORT_RECORDS,
    [("other", "other"), ("union", "other"), ("other", "other")],
    [
        [
            _evidence(
                1,
                "support",
                "s1",
                "https://news.example/s1",
                "2024-01-10",
                "Jane Roe endorsed John Doe",
                6,
            ),
            _evidence(
                4, "support", "s4", None, "2024-05-01", "John Doe was endorsed again by Jane Roe", 0
            ),
        ],
        [
            _evidence(
                2,
                "oppose",
                "s2",
                None,
                "2024-03-02",
                "The Riverton Teachers Union opposes John Doe",
                0,
            )
        ],
        [
            _evidence(
                3,
                "withdraw",
                "s3",
                None,
                "2024-04-15",
                "Mary Major withdrew her endorsement of Richard Miles",
                8,
            )
        ],
    ],
    strict=True,
):
    _record.update(
        endorser_category=_categories[0],
        endorsee_category=_categories[1],
        **UNREVIEWED,
        review_note=None,
        evidence=_evidence_list,
    )


def _export_csv() -> str:
    """The expected CSV: the literal columns above, then each row's evidence as a JSON cell."""
    head, *rows = lines(EXPORT_CSV_PREFIXES)
    out = [head]
    for prefix, record in zip(rows, EXPORT_RECORDS, strict=True):
        cell = json.dumps(record["evidence"], ensure_ascii=False).replace('"', '""')
        out.append(f'{prefix},"{cell}"')
    return "\n".join(out) + "\n"


def test_export_csv_to_stdout(seeded: str) -> None:
    result = invoke("export", "--db", seeded)  # csv is the default
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == _export_csv()
    assert lines(result.stdout)[0] == ",".join(EXPORT_COLUMNS)
    assert list(csv.DictReader(io.StringIO(result.stdout)))[1]["race"] == ""


def test_export_json_to_stdout(seeded: str) -> None:
    result = invoke("export", "--format", "json", "--db", seeded)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("[\n  {\n")
    assert json.loads(result.stdout) == EXPORT_RECORDS
    assert [list(r) for r in json.loads(result.stdout)] == [list(EXPORT_COLUMNS)] * 3


def test_export_jsonl_to_stdout(seeded: str) -> None:
    result = invoke("export", "-f", "jsonl", "--db", seeded)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "".join(
        json.dumps(r, ensure_ascii=False) + "\n" for r in EXPORT_RECORDS
    )


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_export_to_file(seeded: str, tmp_path: Path, fmt: str) -> None:
    to_stdout = invoke("export", "--format", fmt, "--db", seeded).stdout
    result = invoke("export", "--format", fmt, "--output", f"ledger.{fmt}", "--db", seeded)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"3 endorsements written to ledger.{fmt}\n"
    assert (tmp_path / f"ledger.{fmt}").read_text(encoding="utf-8") == to_stdout
    assert sorted(p.name for p in tmp_path.glob("ledger.*")) == [f"ledger.{fmt}"]


def test_export_empty_ledger(db: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("Nothing political happened today.\n", encoding="utf-8")
    assert invoke("ingest", str(empty), "--db", db).exit_code == 0
    assert invoke("export", "--db", db).stdout == ",".join(EXPORT_COLUMNS) + "\n"
    assert invoke("export", "-f", "json", "--db", db).stdout == "[]\n"
    assert invoke("export", "-f", "jsonl", "--db", db).stdout == ""


def test_export_unwritable_output(seeded: str) -> None:
    result = invoke("export", "-o", "no-such-dir/ledger.csv", "--db", seeded)
    assert result.exit_code == 1
    assert result.stderr == (
        "error: no-such-dir/ledger.csv: cannot write (No such file or directory); "
        "check the path and permissions\n"
    )


# --- eval ---------------------------------------------------------------------------------

LONG_NAME = "The Riverton County Association of Retired Public School Teachers and Staff"

GOLD = [
    {
        "id": "d1",
        "text": "(text)",
        "endorsements": [
            {
                "endorser": "Jane Roe",
                "endorsee": "John Doe",
                "stance": "support",
                "kind": "endorsement",
            },
            {"endorser": "Mary Major", "endorsee": "John Doe", "stance": "oppose"},
        ],
    },
    {
        "id": "d2",
        "text": "(text)",
        "endorsements": [
            {
                "endorser": "Ann Smith",
                "endorsee": "Bob Jones",
                "stance": "support",
                "certainty": "borderline",
            },
            {
                "endorser": "Carl Lee",
                "endorsee": "Bob Jones",
                "stance": "support",
                "kind": "endorsement",
                "race": "city council",
            },
        ],
    },
    {"id": "d3", "text": "(text)", "endorsements": []},
]
PRED = [
    {
        "id": "d1",
        "endorsements": [
            # matches Jane Roe (title folded away), kind right: TP
            {
                "endorser": "Mayor Jane Roe",
                "endorsee": "John Doe",
                "stance": "support",
                "kind": "endorsement",
            },
            {"endorser": LONG_NAME, "endorsee": "John Doe", "stance": "oppose"},  # FP
        ],
    },  # Mary Major -> John Doe is missed: FN
    {
        "id": "d2",
        "endorsements": [
            {"endorser": "Ann Smith", "endorsee": "Bob Jones", "stance": "support"},  # borderline
            # TP with the wrong kind and a race that contains the gold race
            {
                "endorser": "Carl Lee",
                "endorsee": "Bob Jones",
                "stance": "support",
                "kind": "vote",
                "race": "Riverton city council",
            },
        ],
    },
    {
        "id": "d3",
        "endorsements": [
            {"endorser": "Dan Fox", "endorsee": "Eve Hill", "stance": "withdraw"},  # FP
        ],
    },
]
# tp=2 fp=2 fn=1: P = 2/4, R = 2/3, F1 = 2PR/(P+R) = 4/7
EVAL_OUT = """\
P=0.500 R=0.667 F1=0.571 (tp=2 fp=2 fn=1, 3 docs)
  support  P=1.000 R=1.000 F1=1.000 (tp=2 fp=0 fn=0)
  oppose   P=0.000 R=0.000 F1=0.000 (tp=0 fp=1 fn=1)
  withdraw P=0.000 R=0.000 F1=0.000 (tp=0 fp=1 fn=0)
  kind          accuracy 0.500 (1/2)
  race          accuracy 1.000 (1/1)
"""
EVAL_ERRORS = f"""\
FP\td1\t{LONG_NAME}\toppose\tJohn Doe
FN\td1\tMary Major\toppose\tJohn Doe
FP\td3\tDan Fox\twithdraw\tEve Hill
"""


@pytest.fixture
def gold_pred(tmp_path: Path) -> tuple[str, str]:
    (tmp_path / "gold.jsonl").write_text(jsonl(GOLD), encoding="utf-8")
    (tmp_path / "pred.jsonl").write_text(jsonl(PRED), encoding="utf-8")
    return "gold.jsonl", "pred.jsonl"


def test_eval_scores(gold_pred: tuple[str, str]) -> None:
    gold, pred = gold_pred
    result = invoke("eval", gold, "--predictions", pred)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == EVAL_OUT


def test_eval_errors_are_tab_separated_lines(gold_pred: tuple[str, str]) -> None:
    gold, pred = gold_pred
    result = invoke("eval", gold, "--predictions", pred, "--errors")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == EVAL_ERRORS + EVAL_OUT


def test_eval_json(gold_pred: tuple[str, str]) -> None:
    gold, pred = gold_pred
    result = invoke("eval", gold, "--predictions", pred, "--json")
    assert result.exit_code == 0, result.stderr
    zero = {"tp": 0, "fp": 0, "fn": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert json.loads(result.stdout) == {
        "tp": 2,
        "fp": 2,
        "fn": 1,
        "precision": 0.5,
        "recall": 0.6667,
        "f1": 0.5714,
        "docs": 3,
        "by_stance": {
            "support": {"tp": 2, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0},
            "oppose": {**zero, "fp": 1, "fn": 1},
            "withdraw": {**zero, "fp": 1},
        },
        "attributes": {
            "kind": {"correct": 1, "judged": 2, "accuracy": 0.5},
            "race": {"correct": 1, "judged": 1, "accuracy": 1.0},
            "date": {"correct": 0, "judged": 0, "accuracy": None},
            "endorser_type": {"correct": 0, "judged": 0, "accuracy": None},
        },
    }


def test_eval_runs_the_extractor_without_predictions(tmp_path: Path) -> None:
    gold = [
        {
            "id": "g1",
            "text": "Mayor Jane Roe endorsed John Doe for governor.",
            "endorsements": [{"endorser": "Jane Roe", "endorsee": "John Doe", "stance": "support"}],
        },
        {"id": "g2", "text": "The weather was fine on Tuesday.", "endorsements": []},
    ]
    (tmp_path / "gold.jsonl").write_text(jsonl(gold), encoding="utf-8")
    result = invoke("eval", "gold.jsonl")
    assert result.exit_code == 0, result.stderr
    assert lines(result.stdout)[:2] == [
        "P=1.000 R=1.000 F1=1.000 (tp=1 fp=0 fn=0, 2 docs)",
        "  support  P=1.000 R=1.000 F1=1.000 (tp=1 fp=0 fn=0)",
    ]


def test_eval_missing_gold(tmp_path: Path) -> None:
    result = invoke("eval", "missing.jsonl", "--predictions", "missing.jsonl")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "error: missing.jsonl: no such file (check the path)\n"


def test_eval_bad_prediction_line(gold_pred: tuple[str, str], tmp_path: Path) -> None:
    gold, _ = gold_pred
    (tmp_path / "bad.jsonl").write_text(
        '{"id": "d1", "endorsements": []}\n{"endorsements": []}\n', encoding="utf-8"
    )
    result = invoke("eval", gold, "--predictions", "bad.jsonl")
    assert result.exit_code == 1
    assert result.stdout == ""
    [line] = lines(result.stderr)
    assert line.startswith("error: bad.jsonl:2: not a JSON record with an id")


def test_eval_unreadable_gold_record_is_reported_and_exits_1(tmp_path: Path) -> None:
    """Without --predictions the gold texts go through ingest; one that cannot be read is
    reported, the rest is scored, and the exit code says something was skipped."""
    gold = [
        {
            "id": "g1",
            "text": "Carl Lee endorsed Bob Jones.",
            "endorsements": [
                {"endorser": "Carl Lee", "endorsee": "Bob Jones", "stance": "support"}
            ],
        },
        {"id": "g2", "text": "  ", "endorsements": []},
    ]
    (tmp_path / "gold.jsonl").write_text(jsonl(gold), encoding="utf-8")
    result = invoke("eval", "gold.jsonl")
    assert result.exit_code == 1
    assert lines(result.stderr) == ["error: gold.jsonl:2: empty document (remove it or add text)"]
    assert lines(result.stdout)[0] == "P=1.000 R=1.000 F1=1.000 (tp=1 fp=0 fn=0, 2 docs)"
