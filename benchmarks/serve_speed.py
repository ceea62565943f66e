"""Response times and page weights of the web server on a large synthetic ledger.

    .venv/bin/python benchmarks/serve_speed.py [--documents 2000] [--requests 30] [--db URL]

Builds a ledger of invented names (each document adds four endorsements across `races`
races), then times each main route in process (Starlette's TestClient, no network) and prints
the median and 95th percentile in milliseconds and the response size in kilobytes. "Light and
fast" for the pages means small HTML and times that do not grow with the ledger for paged
routes; the race page grows with the number of its candidates' endorsers, by design.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import warnings
from datetime import date, timedelta
from pathlib import Path

from endorsements.models import Document, Endorsement, Extraction, Span
from endorsements.serve.app import create_app
from endorsements.settings import load_settings
from endorsements.store import Ledger

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SYLLABLES = ["ka", "lo", "mi", "ren", "to", "sa", "vi", "dor", "el", "an", "ur", "bes"]


def invented(n: int) -> str:
    """A deterministic made-up two-word name for n."""
    first = SYLLABLES[n % 12] + SYLLABLES[(n // 12) % 12]
    last = SYLLABLES[(n // 144) % 12] + SYLLABLES[(n // 7) % 12] + SYLLABLES[(n // 3) % 12]
    return f"{first.title()} {last.title()}{n}"


def build(url: str, n_docs: int, n_races: int) -> None:
    start = date(2024, 1, 1)
    with Ledger(url) as ledger:
        ledger.migrate()
        for d in range(n_docs):
            race = f"district {d % n_races} 2024"
            candidate = invented(100_000 + (d % (n_races * 3)))
            parts, rels = [], []
            for k in range(4):
                endorser = invented(d * 4 + k)
                sentence = f"{endorser} endorsed {candidate} for {race}."
                offset = sum(len(p) + 1 for p in parts)
                parts.append(sentence)
                rels.append(
                    Endorsement(
                        endorser=endorser,
                        endorsee=candidate,
                        stance="support" if k else "oppose",
                        evidence=Span(sentence, offset, offset + len(sentence)),
                        race=race,
                        endorser_type=("person", "union", "media", "organization")[k],
                        confidence=0.5 + k / 10,
                    )
                )
            text = " ".join(parts)
            published = start + timedelta(days=d % 300)
            ledger.add_extraction(Extraction(Document(f"doc-{d}", text, None, published), rels))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--races", type=int, default=50)
    parser.add_argument("--requests", type=int, default=30, help="requests per route")
    parser.add_argument("--db", help="an empty database URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="serve-speed-")
    url = args.db or f"sqlite:///{Path(tmp) / 'ledger.db'}"
    t0 = time.perf_counter()
    build(url, args.documents, args.races)
    built = time.perf_counter() - t0
    ledger = Ledger(url)
    app = create_app(ledger, load_settings(db=url, token=""))
    client = TestClient(app)
    counts = app.state.queries.counts()
    print(
        f"ledger: {counts['documents']} documents, {counts['endorsements']} endorsements, "
        f"{counts['entities']} entities (built in {built:.1f} s)"
    )
    cursor = client.get("/api/endorsements?limit=50&sort=-first_seen").json()["next_cursor"]
    routes = [
        "/api/endorsements?limit=50",
        "/api/endorsements?limit=50&sort=-first_seen",
        f"/api/endorsements?limit=50&sort=-first_seen&cursor={cursor}",
        "/api/endorsements?endorsee=" + invented(100_007).split()[0].lower() + "&limit=50",
        "/api/endorsements/1",
        "/api/races/district%207%202024",
        "/feed.atom",
        "/",
        "/search?q=" + invented(42).split()[1][:5],
        "/races/district%207%202024",
        "/entities/1",
        "/endorsements/1",
        "/graph?race=district%207%202024",
        "/review",
    ]
    print(f"{'route':<72} {'median ms':>9} {'p95 ms':>7} {'KB':>7}")
    for route in routes:
        times, size = [], 0
        for _ in range(args.requests):
            t = time.perf_counter()
            response = client.get(route)
            times.append((time.perf_counter() - t) * 1000)
            assert response.status_code == 200, (route, response.status_code, response.text)
            size = len(response.content)
        times.sort()
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        print(f"{route[:72]:<72} {statistics.median(times):9.1f} {p95:7.1f} {size / 1024:7.1f}")
    ledger.close()


if __name__ == "__main__":
    main()
