"""Extractor speed against spaCy's own pipeline, measured in one run on the same texts.

    .venv/bin/python benchmarks/extract_speed.py [../shared/eval/dev.jsonl] [--repeat 5]

Prints words/s and documents/s for (a) `en_core_web_sm` run over every text with `nlp.pipe`
(the baseline: what parsing alone costs) and (b) the project's extractor end to end, and
their ratio. Issue 3 asks (b) to be at least half of (a).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

from endorsements.models import Document
from endorsements.pipeline import make_extractor
from endorsements.settings import load_settings


def texts_from(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default="../shared/eval/dev.jsonl", type=Path)
    parser.add_argument("--repeat", type=int, default=5, help="passes over the texts")
    args = parser.parse_args()

    texts = texts_from(args.corpus) * args.repeat
    words = sum(len(t.split()) for t in texts)
    settings = load_settings()
    baseline_nlp = spacy.load(settings.model)  # spaCy's pipeline exactly as shipped
    extractor = make_extractor(settings)
    docs = [Document(f"d{i}", t) for i, t in enumerate(texts)]

    # warm both up so model loading is not timed
    list(baseline_nlp.pipe(texts[:2]))
    list(extractor.pipe(docs[:2]))

    base = timed(lambda: list(baseline_nlp.pipe(texts, batch_size=16)))
    ours = timed(lambda: list(extractor.pipe(docs, batch_size=16)))
    print(f"corpus: {args.corpus} x{args.repeat} = {len(texts)} documents, {words} words")
    print(f"{'pipeline':<28}{'docs/s':>10}{'words/s':>12}")
    print(f"{'spaCy ' + settings.model:<28}{len(texts) / base:>10.1f}{words / base:>12.0f}")
    print(f"{'endorsements extractor':<28}{len(texts) / ours:>10.1f}{words / ours:>12.0f}")
    print(f"extractor speed / spaCy speed: {base / ours:.2f} (bar: >= 0.50)")


if __name__ == "__main__":
    main()
