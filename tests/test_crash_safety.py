"""Crash safety and concurrency of `endorsements ingest`, as real processes on a real database.

- An ingest killed with SIGKILL in the middle of a large batch leaves only whole documents, and
  the same command run again completes the batch without a duplicate.
- Two ingests of the same files into the same database at once store everything once.

Each runs on SQLite (a file) and, marked `postgres`, on the server ENDORSEMENTS_TEST_PG_URL
names (CI starts one). The final ledger is compared with a reference made by one plain,
uninterrupted ingest of the same batch.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from endorsements import pipeline
from endorsements.settings import load_settings
from endorsements.store import Ledger
from ledger_checks import (
    PG_ENV,
    command_env,
    endorsements_command,
    ok,
    reset_postgres,
    snapshot,
    start_ingest,
    write_batch,
)

pytestmark = pytest.mark.slow

#: Large enough that the kill lands mid-batch (the run takes several seconds after the model
#: loads), small enough for CI.
N_DOCS = 150

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
]


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_batch(tmp_path_factory.mktemp("batch") / "batch.jsonl", N_DOCS)


@pytest.fixture(scope="module")
def reference(batch: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    """Row counts after one uninterrupted ingest of the batch, in this process."""
    url = f"sqlite:///{tmp_path_factory.mktemp('reference') / 'ref.db'}"
    with Ledger(url) as ledger:
        ledger.migrate()
        report = pipeline.ingest([str(batch)], ledger, load_settings(db=url))
    assert (report.stored, report.errors) == (N_DOCS, [])
    broken, counts = snapshot(url)
    assert ok(broken) == {}
    assert counts["evidence"] > N_DOCS  # the batch really produces endorsements to merge
    return counts


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.db'}"
        return
    pg_url = os.environ.get(PG_ENV)
    if not pg_url:
        pytest.skip(f"set {PG_ENV} to a throwaway PostgreSQL database to run this")
    reset_postgres(pg_url)
    yield pg_url
    reset_postgres(pg_url)


def _documents(url: str) -> int:
    try:
        return snapshot(url)[1]["documents"]
    except Exception:  # tables not created yet, or SQLite busy creating them
        return 0


def test_sigkill_mid_batch_loses_nothing_and_rerun_completes(
    batch: Path, reference: dict[str, int], url: str, tmp_path: Path
) -> None:
    proc = start_ingest(batch, url, tmp_path, tmp_path / "first.log")
    try:
        deadline = time.monotonic() + 300
        while _documents(url) < 10:
            assert proc.poll() is None, (tmp_path / "first.log").read_text()
            assert time.monotonic() < deadline, "the ingest never got going"
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL

    broken, counts = snapshot(url)
    assert ok(broken) == {}  # only whole documents: every count matches its rows
    stored = counts["documents"]
    assert 10 <= stored < N_DOCS, "the kill did not land mid-batch"
    print(f"killed with {stored} of {N_DOCS} documents stored")  # shown with pytest -s

    again = subprocess.run(
        endorsements_command("ingest", str(batch), "--db", url),
        env=command_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert again.returncode == 0, again.stderr
    assert again.stderr.strip().endswith(
        f"{N_DOCS} documents read: {N_DOCS - stored} stored with "
        f"{reference['evidence'] - counts['evidence']} endorsements, "
        f"{stored} already stored; 0 errors."
    )
    broken, counts = snapshot(url)
    assert ok(broken) == {}
    assert counts == reference  # the batch is complete, and nothing is in it twice


def test_two_ingests_at_once_store_everything_once(
    batch: Path, reference: dict[str, int], url: str, tmp_path: Path
) -> None:
    """Both processes read the same file at the same time; while they write, a reader checks
    that every snapshot it sees is consistent (WAL on SQLite, MVCC on PostgreSQL)."""
    seen: list[tuple[dict[str, int], int]] = []
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            try:
                broken, counts = snapshot(url)
            except Exception:  # tables not created yet
                time.sleep(0.05)
                continue
            seen.append((ok(broken), counts["documents"]))
            time.sleep(0.05)

    watcher = threading.Thread(target=reader, daemon=True)
    watcher.start()
    procs = [start_ingest(batch, url, tmp_path, tmp_path / f"ingest{i}.log") for i in (1, 2)]
    try:
        codes = [p.wait(timeout=600) for p in procs]
    finally:
        stop.set()
        watcher.join()
        for p in procs:
            if p.poll() is None:
                p.kill()
    logs = [(tmp_path / f"ingest{i}.log").read_text() for i in (1, 2)]
    assert codes == [0, 0], logs
    broken, counts = snapshot(url)
    assert ok(broken) == {}
    assert counts == reference
    # Between them the two stored each document exactly once.
    stored = [int(log.rsplit(" read: ", 1)[1].split(" stored", 1)[0]) for log in logs]
    assert sum(stored) == N_DOCS, logs
    assert seen and all(problems == {} for problems, _ in seen), seen[:3]
    assert any(0 < docs < N_DOCS for _, docs in seen), "the reader never saw a partial ledger"
