"""Throughput at scale: the full spaCy pipeline against the project's extractor, side by side.

    .venv/bin/python benchmarks/throughput.py [--sizes 1000,20000] [--workers 1,2] [--quick]

The corpus is `../shared/corpus/stream.jsonl` mixed with the texts of `../shared/eval/dev.jsonl`
(each once, in file order), cycled with fresh ids up to N documents and generated lazily, so
the benchmark itself holds no corpus in memory. Each configuration runs in its own process
and prints documents/s, words/s and the peak resident memory of its whole process tree
(sampled every 0.1 s): (a) `en_core_web_sm` via `nlp.pipe(n_process=W)` on every document,
the baseline, and (b) the extractor (first pass, full parse of what it keeps, rules) in W
worker processes. Last come dev-set P/R/F1 with and without the first pass.
`--quick` is N=200 with one worker, for a smoke test.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from itertools import cycle, islice
from pathlib import Path

import psutil

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
STREAM = SHARED / "corpus" / "stream.jsonl"
DEV = SHARED / "eval" / "dev.jsonl"


def records(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def corpus(n: int) -> Iterator[tuple[str, str]]:
    """(id, text) pairs: stream and dev texts cycled with varied ids, generated lazily."""
    base = [(r["id"], r["text"]) for r in records(STREAM) + records(DEV)]
    for k, (doc_id, text) in enumerate(islice(cycle(base), n)):
        yield f"{doc_id}-{k // len(base)}", text


class PeakRss:
    """Samples the resident memory of this process and all its descendants."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _total(self) -> int:
        me = psutil.Process()
        total = me.memory_info().rss
        for child in me.children(recursive=True):
            with contextlib.suppress(psutil.Error):  # a worker that just exited
                total += child.memory_info().rss
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._total())
            time.sleep(0.1)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._total())


def run_one(engine: str, n: int, workers: int) -> dict:
    """One configuration, in this process: model loading is not timed."""
    from endorsements.models import Document
    from endorsements.pipeline import extract_documents
    from endorsements.settings import load_settings

    settings = load_settings(workers=workers, prefilter=True)
    words = 0

    def texts() -> Iterator[str]:
        nonlocal words
        for _, text in corpus(n):
            words += len(text.split())
            yield text

    def documents() -> Iterator[Document]:
        nonlocal words
        for doc_id, text in corpus(n):
            words += len(text.split())
            yield Document(doc_id, text)

    with PeakRss() as rss:
        if engine == "spacy":
            import spacy

            nlp = spacy.load(settings.model)
            list(nlp.pipe(["Warm up."]))
            start = time.perf_counter()
            for _ in nlp.pipe(texts(), batch_size=16, n_process=workers):
                pass
        else:
            from endorsements.pipeline import make_extractor

            make_extractor(settings)  # load the model before the clock starts
            start = time.perf_counter()
            for _ in extract_documents(documents(), settings):
                pass
        elapsed = time.perf_counter() - start
    return {
        "engine": engine,
        "n": n,
        "workers": workers,
        "seconds": elapsed,
        "docs_per_s": n / elapsed,
        "words_per_s": words / elapsed,
        "peak_mb": rss.peak / 2**20,
    }


def dev_scores() -> list[tuple[str, float, float, float]]:
    from endorsements.extract.evaluate import score
    from endorsements.pipeline import extract_sources
    from endorsements.settings import load_settings

    gold = {str(r["id"]): r for r in records(DEV)}
    out = []
    for label, on in (("with first pass", True), ("without first pass", False)):
        settings = load_settings(prefilter=on, workers=1)
        preds = {
            ex.document.id: [e.to_dict() for e in ex.endorsements]
            for ex in extract_sources([str(DEV)], settings)
        }
        o = score(gold, preds).overall
        out.append((label, o.precision, o.recall, o.f1))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,20000", help="comma-separated N")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--quick", action="store_true", help="N=200, one worker")
    parser.add_argument("--run", nargs=3, metavar=("ENGINE", "N", "W"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        engine, n, w = args.run
        print(json.dumps(run_one(engine, int(n), int(w))))
        return
    sizes = [200] if args.quick else [int(s) for s in args.sizes.split(",")]
    workers = [1] if args.quick else [int(w) for w in args.workers.split(",")]
    base = records(STREAM) + records(DEV)
    print(
        f"corpus: {STREAM.name} ({len(records(STREAM))} docs) + {DEV.name} "
        f"({len(records(DEV))} docs), {sum(len(r['text'].split()) for r in base)} words, "
        "cycled with fresh ids"
    )
    header = f"{'N':>7} {'W':>2}  {'pipeline':<22}{'docs/s':>9}{'words/s':>10}{'peak MB':>9}"
    print(header)
    rows: dict[tuple[int, int, str], dict] = {}
    for n in sizes:
        for w in workers:
            for engine in ("spacy", "extractor"):
                out = subprocess.run(
                    [sys.executable, __file__, "--run", engine, str(n), str(w)],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
                r = json.loads(out.strip().splitlines()[-1])
                rows[(n, w, engine)] = r
                label = "spaCy full pipeline" if engine == "spacy" else "endorsements extractor"
                print(
                    f"{n:>7} {w:>2}  {label:<22}{r['docs_per_s']:>9.1f}"
                    f"{r['words_per_s']:>10.0f}{r['peak_mb']:>9.0f}",
                    flush=True,
                )
            ratio = rows[(n, w, "extractor")]["docs_per_s"] / rows[(n, w, "spacy")]["docs_per_s"]
            print(f"{'':>11}extractor / baseline documents/s: {ratio:.1f}x (bar: >= 10x)")
    if len(sizes) > 1:
        small, big = min(sizes), max(sizes)
        for w in workers:
            a = rows[(small, w, "extractor")]["peak_mb"]
            b = rows[(big, w, "extractor")]["peak_mb"]
            print(
                f"extractor peak memory, {w} worker(s): N={big} / N={small} = {b / a:.2f} "
                "(bar: <= 1.10)"
            )
    print("dev set (../shared/eval/dev.jsonl):")
    for label, p, r, f in dev_scores():
        print(f"  {label:<20} P={p:.3f} R={r:.3f} F1={f:.3f}")


if __name__ == "__main__":
    main()
