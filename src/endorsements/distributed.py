"""Extraction on a Dask cluster: one task per input shard, results written as shards.

Each task reads its shard with the normal readers, extracts with the extractor its worker
process built once (cached per settings), and writes `<shard>.extractions.jsonl` in the output
directory, which `endorsements load` merges into a ledger. With no scheduler address a local
cluster is started on this machine. Bad input lines are reported per shard, the rest of the
shard and the other shards go on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import EndorsementsError
from .models import Document
from .settings import Settings
from .shards import RESULT_SUFFIX, write_shard


@dataclass
class ShardResult:
    """What one task did, sent back to the client for the summary."""

    source: str
    output: str
    documents: int = 0
    relations: int = 0
    errors: list[str] = field(default_factory=list)


@lru_cache(maxsize=2)
def _extractor_for(settings: Settings):  # noqa: ANN202 - a callable over documents
    """One extractor per worker process and settings: the spaCy pipeline loads once."""
    from .workers import local_extractor

    return local_extractor(settings)


def extract_shard(source: str, out_dir: str, settings: Settings) -> ShardResult:
    """Runs on a worker: read one shard, extract, write its result shard."""
    from .ingest import read_sources

    result = ShardResult(source, str(Path(out_dir) / (Path(source).name + RESULT_SUFFIX)))
    documents: list[Document] = []
    for item in read_sources([source], settings):
        if isinstance(item, Document):
            documents.append(item)
        else:
            result.errors.append(str(item))
    run = _extractor_for(settings)

    def counted():
        for ex in run(documents):
            result.relations += len(ex.endorsements)
            yield ex

    result.documents = write_shard(Path(result.output), counted())
    return result


def extract_on_dask(
    sources: list[str],
    out_dir: Path,
    settings: Settings,
    *,
    scheduler: str | None = None,
    n_workers: int | None = None,
    processes: bool = True,
) -> list[ShardResult]:
    """Extract every shard on the cluster at `scheduler` (or a local one); results in order."""
    from dask.distributed import Client, LocalCluster

    out_dir.mkdir(parents=True, exist_ok=True)
    names = [Path(s).name for s in sources]
    if len(set(names)) != len(names):
        raise EndorsementsError(
            "two input shards share a file name; their results would overwrite each other "
            "(rename the shards or run them in separate output directories)"
        )
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=n_workers or max(settings.workers, 1),
            threads_per_worker=1,
            processes=processes,
            dashboard_address=None,
            scheduler_port=0,
            silence_logs=logging.ERROR,  # shutdown chatter is not the user's business
        )
    try:
        with Client(cluster if cluster is not None else scheduler) as client:
            futures = [
                client.submit(extract_shard, s, str(out_dir), settings, pure=False) for s in sources
            ]
            return client.gather(futures)
    finally:
        if cluster is not None:
            cluster.close()
