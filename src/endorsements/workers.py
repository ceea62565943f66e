"""Extraction across processes, streaming: memory stays flat however long the input is.

Each worker process builds the extractor (and loads the spaCy pipeline) once, then takes
chunks of documents and sends back their `Extraction`s, which are plain dataclasses and pickle
cheaply. The parent keeps at most two chunks per worker in flight and yields results in input
order, so neither the input nor the output is ever held whole: `Pool.imap` would read the
whole input ahead of the workers.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator

from .extract.extractor import RuleExtractor
from .extract.prefilter import Prefilter
from .extract.reduced import chunks, extract_reduced
from .models import Document, Extraction
from .settings import Settings

#: Chunks queued per worker: enough to keep every worker busy, few enough to bound memory.
IN_FLIGHT_PER_WORKER = 2

_worker_extract: Callable[[list[Document]], list[Extraction]] | None = None


def local_extractor(settings: Settings) -> Callable[[Iterable[Document]], Iterator[Extraction]]:
    """The in-process extraction the settings ask for: with or without the first pass."""
    from .pipeline import make_extractor

    extractor: RuleExtractor = make_extractor(settings)
    if settings.prefilter:
        prefilter = Prefilter()
        return lambda docs: extract_reduced(extractor, docs, prefilter)
    return lambda docs: extractor.pipe(docs)


def _init(settings: Settings) -> None:
    global _worker_extract
    run = local_extractor(settings)
    _worker_extract = lambda docs: list(run(docs))  # noqa: E731


def _work(chunk: list[Document]) -> list[Extraction]:
    assert _worker_extract is not None, "worker not initialised"
    return _worker_extract(chunk)


def extract_parallel(
    documents: Iterable[Document], settings: Settings, workers: int, chunk_size: int = 32
) -> Iterator[Extraction]:
    """`workers` processes extract the documents; results come back in input order."""
    ctx = mp.get_context("spawn")  # no fork of a parent that may hold threads or a database
    with ctx.Pool(workers, initializer=_init, initargs=(settings,)) as pool:
        pending: deque = deque()
        for chunk in chunks(documents, chunk_size):
            pending.append(pool.apply_async(_work, (chunk,)))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
