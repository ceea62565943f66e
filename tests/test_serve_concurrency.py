"""SQLite in WAL mode under the web server: several readers and one writer at once.

`endorsements serve` runs in its own process over a SQLite ledger while this process stores
new endorsements into the same file, and reader threads hit the API and the pages the whole
time. WAL lets each read see one committed snapshot, so no response may fail and the number
of endorsements a reader sees may only grow.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import httpx
import pytest

from endorsements.models import Document, Endorsement, Extraction, Span
from endorsements.store import Ledger
from web_ledger import build_ledger

PORT = 18510
BASE = f"http://127.0.0.1:{PORT}"
TOKEN = "concurrency-token-5150"
WRITES = 60
READERS = 4


def _article(i: int) -> Extraction:
    endorser = f"Backer Number{i:03d} Ellory"
    text = f"{endorser} endorsed Mara Quintrell for harbor commissioner."
    phrase = f"{endorser} endorsed Mara Quintrell"
    doc = Document(f"conc-{i}", text, f"https://news.invalid/{i}", date(2030, 1, 1 + i % 28), None)
    rel = Endorsement(
        endorser=endorser,
        endorsee="Mara Quintrell",
        stance="support",
        evidence=Span(phrase, 0, len(phrase)),
        race="harbor commissioner 2030",
        confidence=0.7,
    )
    return Extraction(doc, [rel])


def _wait_for(proc: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            httpx.get(f"{BASE}/api/races", timeout=2)
            return
        except httpx.TransportError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@pytest.mark.slow
def test_serve_answers_consistently_while_a_writer_ingests(tmp_path: Path) -> None:
    url = build_ledger(tmp_path / "ledger.db")
    with Ledger(url) as ledger:
        start = ledger.counts()["endorsements"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "endorsements.cli", "serve", "--port", str(PORT), "--db", url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ | {"ENDORSEMENTS_TOKEN": TOKEN},
    )
    failures: list[str] = []
    seen: dict[int, list[int]] = {n: [] for n in range(READERS)}
    writing = threading.Event()
    writing.set()

    def writer() -> None:
        try:
            with Ledger(url) as ledger:
                for i in range(WRITES):
                    ledger.add_extraction(_article(i))
                    time.sleep(0.02)  # spread the writes over the readers' requests
        except Exception as exc:  # reported below: a failed writer fails the test
            failures.append(f"writer: {exc!r}")
        finally:
            writing.clear()

    def reader(n: int) -> None:
        paths = ["/", "/api/races", "/feed.atom", "/api/documents", "/review"]
        with httpx.Client(base_url=BASE, timeout=30) as client:
            k, last = 0, False
            while not last:
                # One more round after the writer is done, so the last count is the final one.
                last = not writing.is_set() and k >= 2
                k += 1
                response = client.get("/api/endorsements", params={"limit": 500})
                if response.status_code != 200:
                    failures.append(f"reader {n}: {response.status_code} {response.text[:200]}")
                    return
                body = response.json()
                ids = [item["id"] for item in body["items"]]
                if ids != sorted(ids) or len(set(ids)) != len(ids):
                    failures.append(f"reader {n}: ids out of order or repeated: {ids}")
                seen[n].append(len(ids))
                extra = client.get(paths[k % len(paths)])
                if extra.status_code != 200:
                    failures.append(f"reader {n}: {paths[k % len(paths)]} {extra.status_code}")
                # A wrong token is refused while the writer works, and never written down.
                if k % 7 == 0:
                    denied = client.post(
                        "/api/endorsements/1/verify", headers={"Authorization": "Bearer no"}
                    )
                    if denied.status_code != 403:
                        failures.append(f"reader {n}: wrong token got {denied.status_code}")

    try:
        _wait_for(proc)
        threads = [threading.Thread(target=reader, args=(n,)) for n in range(READERS)]
        for t in threads:
            t.start()
        write = threading.Thread(target=writer)
        write.start()
        write.join(timeout=300)
        for t in threads:
            t.join(timeout=120)
        # The server also writes while the other process does: a review through the API.
        verified = httpx.post(
            f"{BASE}/api/endorsements/1/verify",
            headers={"Authorization": f"Bearer {TOKEN}"},
            timeout=30,
        )
        assert verified.status_code == 200, verified.text
        final = httpx.get(f"{BASE}/api/endorsements", params={"limit": 500}, timeout=30).json()
    finally:
        proc.terminate()
        _, stderr = proc.communicate(timeout=30)
    assert failures == []
    with Ledger(url) as ledger:
        stored = ledger.counts()
    assert (len(final["items"]), stored["documents"]) == (start + WRITES, 3 + WRITES), stored
    for n, counts in seen.items():
        assert counts, f"reader {n} made no request"
        assert counts == sorted(counts), f"reader {n} saw the count go down: {counts}"
        assert counts[-1] == start + WRITES
    # The reads did overlap the writes: some reader saw the ledger part-way through.
    assert any(start < c < start + WRITES for counts in seen.values() for c in counts), seen
    assert " 500 " not in stderr
    assert TOKEN not in stderr
