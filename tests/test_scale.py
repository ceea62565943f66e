"""Scale: extractor worker processes, the Dask engine, result shards and bulk loading.

The Dask test runs a real `dask.distributed.LocalCluster` (threads in this process, so the
spaCy pipeline loads once) and asserts the records equal the local path's on the same input.
Every text is invented.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from endorsements.cli import app
from endorsements.distributed import extract_on_dask
from endorsements.errors import InputError
from endorsements.ingest import read_sources
from endorsements.models import Document, Endorsement, Extraction, Span
from endorsements.pipeline import extract_documents
from endorsements.settings import load_settings
from endorsements.shards import expand, from_record, read_shards, to_record, write_shard
from endorsements.store import Ledger, bulk
from endorsements.store.bulk import bulk_add
from ledger_checks import reset_postgres

SHARD_A = [
    {"id": "a1", "published": "2024-05-01", "text": "Senator Mary Major endorsed Richard Miles."},
    {"id": "a2", "text": "The Riverton Teachers Union opposes Richard Miles for governor."},
    {"id": "a3", "text": "The weather was fine on Tuesday. Nobody said anything about it."},
]
SHARD_B = [
    {
        "id": "b1",
        "text": "Omar Delacroix spoke on Friday. He endorsed Petra Lindqvist for mayor.",
    },
    {"id": "b2", "text": "Mayor Jane Roe endorsed John Doe for governor on Monday."},
]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def shards(tmp_path: Path) -> list[str]:
    (tmp_path / "in").mkdir()
    write_jsonl(tmp_path / "in" / "a.jsonl", SHARD_A)
    write_jsonl(tmp_path / "in" / "b.jsonl", SHARD_B)
    return [str(tmp_path / "in" / "a.jsonl"), str(tmp_path / "in" / "b.jsonl")]


def local_records(paths: list[str], settings) -> list[dict]:
    docs = [d for d in read_sources(paths, settings) if isinstance(d, Document)]
    return [to_record(ex) for ex in extract_documents(docs, settings)]


def test_dask_gives_the_same_records_as_the_local_path(tmp_path: Path, shards) -> None:
    settings = load_settings(workers=1)
    results = extract_on_dask(shards, tmp_path / "out", settings, n_workers=2, processes=False)
    assert [(Path(r.source).name, r.documents, r.errors) for r in results] == [
        ("a.jsonl", 3, []),
        ("b.jsonl", 2, []),
    ]
    written = sorted((tmp_path / "out").iterdir())
    assert [p.name for p in written] == ["a.jsonl.extractions.jsonl", "b.jsonl.extractions.jsonl"]
    on_dask = [to_record(ex) for ex in read_shards(map(str, written))]
    local = local_records(shards, settings)
    assert on_dask == local
    assert sum(len(r["endorsements"]) for r in local) >= 3  # not vacuous


def test_worker_processes_give_the_same_records_in_input_order(shards) -> None:
    one = local_records(shards, load_settings(workers=1))
    two = local_records(shards, load_settings(workers=2))
    assert two == one
    assert [r["document"]["id"] for r in two] == ["a1", "a2", "a3", "b1", "b2"]


def test_result_records_round_trip(shards) -> None:
    settings = load_settings(workers=1)
    docs = [d for d in read_sources(shards, settings) if isinstance(d, Document)]
    for ex in extract_documents(docs, settings):
        assert to_record(from_record(to_record(ex))) == to_record(ex)
        assert from_record(to_record(ex)).document == ex.document


def test_a_bad_result_line_is_reported_with_its_place_and_the_rest_goes_on(tmp_path) -> None:
    path = tmp_path / "r.extractions.jsonl"
    good = to_record(local_extractions_of("Mayor Jane Roe endorsed John Doe.")[0])
    path.write_text(json.dumps(good) + "\n{not json\n" + json.dumps(good) + "\n")
    items = list(read_shards([str(path)]))
    assert [type(i).__name__ for i in items] == ["Extraction", "InputError", "Extraction"]
    assert str(items[1]).startswith(f"{path}:2: not an extraction record (JSONDecodeError")


def local_extractions_of(text: str):
    return list(extract_documents([Document("x1", text)], load_settings(workers=1)))


def test_expand_reads_paths_directories_and_globs(tmp_path, shards) -> None:
    assert expand([str(tmp_path / "in")]) == shards
    assert expand([str(tmp_path / "in" / "*.jsonl")]) == shards
    with pytest.raises(InputError, match="no such file, or no shard matches"):
        expand([str(tmp_path / "nothing-*.jsonl")])


def test_write_shard_leaves_no_partial_file(tmp_path) -> None:
    out = tmp_path / "s.extractions.jsonl"

    def failing():
        yield from local_extractions_of("Mayor Jane Roe endorsed John Doe.")
        raise RuntimeError("worker died")

    with pytest.raises(RuntimeError):
        write_shard(out, failing())
    assert not out.exists()


def test_bulk_add_stores_like_add_extraction_and_skips_stored(tmp_path, shards) -> None:
    settings = load_settings(workers=1)
    docs = [d for d in read_sources(shards, settings) if isinstance(d, Document)]
    extractions = list(extract_documents(docs, settings))
    one_by_one = Ledger(f"sqlite:///{tmp_path / 'one.db'}")
    one_by_one.migrate()
    for ex in extractions:
        one_by_one.add_extraction(ex)
    batched = Ledger(f"sqlite:///{tmp_path / 'bulk.db'}")
    batched.migrate()
    report = bulk_add(batched, extractions, batch_size=2)
    assert (report.read, report.stored, report.already_stored) == (5, 5, 0)
    assert batched.counts() == one_by_one.counts()
    rows = [(r.endorser, r.stance, r.endorsee, r.n_evidence) for r in batched.rows()]
    assert rows == [(r.endorser, r.stance, r.endorsee, r.n_evidence) for r in one_by_one.rows()]
    again = bulk_add(batched, extractions, batch_size=2)
    assert (again.stored, again.already_stored) == (0, 5)
    assert batched.counts() == one_by_one.counts()


def test_a_failing_batch_is_retried_document_by_document(tmp_path, shards, monkeypatch) -> None:
    settings = load_settings(workers=1)
    docs = [d for d in read_sources(shards, settings) if isinstance(d, Document)]
    extractions = list(extract_documents(docs, settings))
    ledger = Ledger(f"sqlite:///{tmp_path / 'l.db'}")
    ledger.migrate()
    real = Ledger.add_extraction

    def store_batch_fails(*_a, **_k):
        from endorsements.errors import StoreError

        raise StoreError("batch refused")

    def add_refuses_a2(self, ex):
        if ex.document.id == "a2":
            from endorsements.errors import StoreError

            raise StoreError("cannot store document 'a2'")
        return real(self, ex)

    monkeypatch.setattr(bulk, "_store_batch", store_batch_fails)
    monkeypatch.setattr(Ledger, "add_extraction", add_refuses_a2)
    errors = []
    report = bulk_add(ledger, extractions, batch_size=10, on_error=errors.append)
    assert (report.read, report.stored, report.already_stored) == (5, 4, 0)
    assert [str(e) for e in errors] == [
        f"{shards[0]}:2: could not store: cannot store document 'a2' (the document was not stored)"
    ]
    assert ledger.counts()["documents"] == 4


def test_load_command_stores_result_shards_once(tmp_path, shards) -> None:
    settings = load_settings(workers=1)
    out = tmp_path / "out"
    out.mkdir()
    docs = [d for d in read_sources(shards, settings) if isinstance(d, Document)]
    extractions = list(extract_documents(docs, settings))
    write_shard(out / "a.jsonl.extractions.jsonl", extractions[:3])
    write_shard(out / "b.jsonl.extractions.jsonl", extractions[3:])
    n = sum(len(ex.endorsements) for ex in extractions)
    db = f"sqlite:///{tmp_path / 'l.db'}"
    runner = CliRunner()
    first = runner.invoke(app, ["load", str(out), "--db", db])
    assert first.exit_code == 0, first.output
    assert first.stderr == (
        f"5 documents read: 5 stored with {n} endorsements, 0 already stored; 0 errors.\n"
    )
    again = runner.invoke(app, ["load", str(out / "*.extractions.jsonl"), "--db", db])
    assert again.exit_code == 0
    assert again.stderr == (
        "5 documents read: 0 stored with 0 endorsements, 5 already stored; 0 errors.\n"
    )


def test_load_command_reports_a_missing_shard(tmp_path) -> None:
    db = f"sqlite:///{tmp_path / 'l.db'}"
    result = CliRunner().invoke(app, ["load", str(tmp_path / "none"), "--db", db])
    assert result.exit_code == 1
    missing = tmp_path / "none"
    assert result.stderr == (
        f"error: {missing}: no such file, or no shard matches (check the path or glob)\n"
    )


def _hand_made(doc_id: str, text: str, *triples: tuple[str, str, str]) -> Extraction:
    records = []
    for endorser, stance, endorsee in triples:
        phrase = f"{endorser} {'endorsed' if stance == 'support' else 'opposes'} {endorsee}"
        start = text.index(phrase)
        records.append(
            Endorsement(endorser, endorsee, stance, Span(phrase, start, start + len(phrase)))
        )
    return Extraction(Document(doc_id, text), records)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def ledger_url(request: pytest.FixtureRequest, tmp_path: Path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.db'}"
        return
    url = os.environ.get("ENDORSEMENTS_TEST_PG_URL")
    if not url:
        pytest.skip("set ENDORSEMENTS_TEST_PG_URL to a throwaway PostgreSQL database")
    reset_postgres(url)
    yield url
    reset_postgres(url)


def test_bulk_add_merges_across_documents_in_a_batch(ledger_url: str) -> None:
    t1 = "Ada Quill endorsed Bram Tolliver on Monday."
    t2 = "Ada Quill endorsed Bram Tolliver again. Cora Vance opposes Bram Tolliver."
    batch = [
        _hand_made("d1", t1, ("Ada Quill", "support", "Bram Tolliver")),
        _hand_made(
            "d2",
            t2,
            ("Ada Quill", "support", "Bram Tolliver"),
            ("Cora Vance", "oppose", "Bram Tolliver"),
        ),
        _hand_made("d1", t1, ("Ada Quill", "support", "Bram Tolliver")),  # same id again
    ]
    with Ledger(ledger_url) as ledger:
        ledger.migrate()
        report = bulk_add(ledger, batch, batch_size=3)
        assert (report.read, report.stored, report.already_stored, report.relations) == (
            3,
            2,
            1,
            3,
        )
        rows = [(r.endorser, r.stance, r.endorsee, r.n_evidence) for r in ledger.rows()]
        assert rows == [
            ("Ada Quill", "support", "Bram Tolliver", 2),
            ("Cora Vance", "oppose", "Bram Tolliver", 1),
        ]
        assert ledger.counts() == {"documents": 2, "entities": 3, "endorsements": 2, "evidence": 3}
