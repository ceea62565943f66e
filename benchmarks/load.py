"""Load test: `endorsements serve` in its own process, driven by concurrent clients.

    .venv/bin/python benchmarks/load.py [--clients 50] [--seconds 30] [--port 18505] [--db URL]

Without `--db` it builds the demo ledger first (`endorsements ingest examples/` into a
temporary SQLite file, as `make demo` does). It then starts `endorsements serve` on loopback,
lets `--clients` clients (each one connection, one request at a time) cycle through the main
pages and API routes for `--seconds` seconds, stops the server and prints requests per
second, median and 99th-percentile latency and the errors (any status other than 200, or a
failed connection). Clients and server share the machine, so the figures are a floor.

Both knobs are bounded (at most 500 clients, 600 seconds) so a typo cannot flood the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parent.parent
MAX_CLIENTS = 500
MAX_SECONDS = 600


def build_demo(url: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "endorsements.cli", "ingest", str(ROOT / "examples"), "--db", url],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for(base: str, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            httpx.get(f"{base}/api/races", timeout=2)
            return
        except httpx.TransportError:
            if proc.poll() is not None:
                raise SystemExit(f"the server exited with code {proc.returncode}") from None
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def routes(base: str) -> list[str]:
    """The paths the clients cycle through, with ids and names taken from the ledger."""
    rows = httpx.get(f"{base}/api/endorsements", params={"limit": 20}).json()["items"]
    races = httpx.get(f"{base}/api/races").json()
    paths = ["/", "/api/endorsements?limit=50", "/feed.atom", "/api/races", "/review", "/graph"]
    for row in rows[:5]:
        paths += [
            f"/api/endorsements/{row['id']}",
            f"/endorsements/{row['id']}",
            f"/entities/{row['endorsee']['id']}",
            f"/search?q={quote(row['endorser']['name'].split()[-1])}",
        ]
    for race in races[:3]:
        paths += [f"/races/{quote(race['name'])}", f"/api/races/{quote(race['name'])}"]
    return paths


async def client(
    base: str, paths: list[str], offset: int, until: float, latencies: list[float], errors: Counter
) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        i = offset
        while time.monotonic() < until:
            path = paths[i % len(paths)]
            i += 1
            t0 = time.perf_counter()
            try:
                response = await http.get(path)
                await response.aread()
            except httpx.HTTPError as exc:
                errors[type(exc).__name__] += 1
                continue
            latencies.append(time.perf_counter() - t0)
            if response.status_code != 200:
                errors[f"HTTP {response.status_code} {path}"] += 1


async def drive(base: str, paths: list[str], clients: int, seconds: float) -> tuple:
    latencies: list[float] = []
    errors: Counter = Counter()
    t0 = time.monotonic()
    until = t0 + seconds
    await asyncio.gather(
        *(client(base, paths, n, until, latencies, errors) for n in range(clients))
    )
    return latencies, errors, time.monotonic() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50, help=f"1-{MAX_CLIENTS}")
    parser.add_argument("--seconds", type=float, default=30, help=f"1-{MAX_SECONDS}")
    parser.add_argument("--port", type=int, default=18505)
    parser.add_argument("--db", help="serve this ledger instead of building the demo one")
    args = parser.parse_args()
    if not 1 <= args.clients <= MAX_CLIENTS:
        parser.error(f"--clients must be between 1 and {MAX_CLIENTS}")
    if not 1 <= args.seconds <= MAX_SECONDS:
        parser.error(f"--seconds must be between 1 and {MAX_SECONDS}")
    url = args.db
    if url is None:
        url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='load-')) / 'demo.db'}"
        t0 = time.perf_counter()
        build_demo(url)
        print(f"demo ledger built in {time.perf_counter() - t0:.1f} s: {url}")
    base = f"http://127.0.0.1:{args.port}"
    env = os.environ | {"ENDORSEMENTS_TOKEN": ""}
    server = subprocess.Popen(
        [sys.executable, "-m", "endorsements.cli", "serve", "--port", str(args.port), "--db", url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        wait_for(base, server)
        paths = routes(base)
        latencies, errors, elapsed = asyncio.run(drive(base, paths, args.clients, args.seconds))
    finally:
        server.terminate()
        server.wait(timeout=30)
    n = len(latencies)
    cuts = statistics.quantiles(latencies, n=100) if n >= 2 else latencies * 99
    print(f"{args.clients} clients, {elapsed:.1f} s, {len(paths)} routes")
    print(f"requests: {n} answered, errors: {sum(errors.values())}")
    print(f"throughput: {n / elapsed:.1f} requests/s")
    print(f"latency: p50 {cuts[49] * 1000:.1f} ms, p99 {cuts[98] * 1000:.1f} ms")
    for what, count in errors.most_common():
        print(f"error: {count} x {what}")


if __name__ == "__main__":
    main()
