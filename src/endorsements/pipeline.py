"""The one place where the stages meet: ingest -> extract -> resolve -> store.

Everything else calls these functions; no stage imports another stage's internals. Errors in
one input are yielded, not raised, so a batch reports them and goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .errors import EndorsementsError, InputError, StoreError
from .extract import get as get_extractor
from .extract.extractor import RuleExtractor
from .extract.registry import DEFAULT
from .ingest import read_sources
from .models import Document, Extraction, text_id
from .settings import Settings, load_settings
from .store import Ledger


def make_extractor(settings: Settings | None = None, name: str = DEFAULT) -> RuleExtractor:
    settings = settings or load_settings()
    return get_extractor(name)(settings.model, settings.min_confidence)


def extract_documents(
    documents: Iterable[Document], settings: Settings | None = None, *, batch_size: int = 16
) -> Iterator[Extraction]:
    """Extract relations from documents, in input order: with the first pass unless
    `settings.prefilter` is off, in `settings.workers` processes."""
    settings = settings or load_settings()
    if settings.workers > 1:
        from .workers import extract_parallel

        yield from extract_parallel(documents, settings, settings.workers)
        return
    if settings.prefilter:
        from .extract.prefilter import Prefilter
        from .extract.reduced import extract_reduced

        yield from extract_reduced(make_extractor(settings), documents, Prefilter(), batch_size)
        return
    extractor = make_extractor(settings)
    yield from extractor.pipe(documents, batch_size=batch_size)


def extract(texts: Iterable[str | Document], settings: Settings | None = None) -> list[Extraction]:
    """The Python API: strings or Documents in, one Extraction per input out."""
    if isinstance(texts, (str, Document)):
        texts = [texts]
    docs = [t if isinstance(t, Document) else Document(text_id(t), t) for t in texts]
    return list(extract_documents(docs, settings))


@dataclass
class IngestReport:
    """What one `ingest` run did, for the summary line and the exit code."""

    read: int = 0
    stored: int = 0
    already_stored: int = 0
    relations: int = 0
    errors: list[EndorsementsError] = field(default_factory=list)


def _documents(
    sources: Iterable[str],
    settings: Settings,
    on_error: Callable[[EndorsementsError], None],
    **read_kw,
) -> Iterator[Document]:
    """Documents from the sources; input errors go to `on_error` so the batch goes on."""
    for item in read_sources(sources, settings, **read_kw):
        if isinstance(item, Document):
            yield item
        else:
            on_error(item)


def extract_sources(
    sources: Iterable[str],
    settings: Settings | None = None,
    *,
    on_error: Callable[[EndorsementsError], None] = lambda e: None,
    **read_kw,
) -> Iterator[Extraction]:
    """Read sources and extract, without storing: `endorsements extract`."""
    settings = settings or load_settings()
    yield from extract_documents(_documents(sources, settings, on_error, **read_kw), settings)


def ingest(
    sources: Iterable[str],
    ledger: Ledger,
    settings: Settings | None = None,
    *,
    on_error: Callable[[EndorsementsError], None] = lambda e: None,
    on_document: Callable[[Document, int | None], None] = lambda d, n: None,
    **read_kw,
) -> IngestReport:
    """Read, extract and store: one transaction per document, already stored ones skipped.

    A document already in the ledger is not parsed again, so re-running a batch after a crash
    costs only the reading. `on_document(doc, n)` is called with the number of relations
    stored, or None when the document was already there.
    """
    settings = settings or load_settings()
    report = IngestReport()

    def record_error(err: EndorsementsError) -> None:
        report.errors.append(err)
        on_error(err)

    docs = _documents(sources, settings, record_error, **read_kw)
    return _store(docs, ledger, settings, report, record_error, on_document)


def ingest_documents(
    documents: Iterable[Document],
    ledger: Ledger,
    settings: Settings | None = None,
    *,
    on_error: Callable[[EndorsementsError], None] = lambda e: None,
    on_document: Callable[[Document, int | None], None] = lambda d, n: None,
) -> IngestReport:
    """`ingest` for documents already in memory, such as a text posted to the web server."""
    settings = settings or load_settings()
    report = IngestReport()

    def record_error(err: EndorsementsError) -> None:
        report.errors.append(err)
        on_error(err)

    return _store(documents, ledger, settings, report, record_error, on_document)


def _store(
    documents: Iterable[Document],
    ledger: Ledger,
    settings: Settings,
    report: IngestReport,
    record_error: Callable[[EndorsementsError], None],
    on_document: Callable[[Document, int | None], None],
) -> IngestReport:
    def fresh() -> Iterator[Document]:
        for doc in documents:
            report.read += 1
            if ledger.has_document(doc.id):
                report.already_stored += 1
                on_document(doc, None)
                continue
            yield doc

    for extraction in extract_documents(fresh(), settings):
        try:
            added = ledger.add_extraction(extraction)
        except StoreError as exc:
            record_error(
                InputError(
                    extraction.document.origin or extraction.document.id,
                    f"could not store: {exc}",
                    "the document was not stored",
                )
            )
            continue
        if added:
            report.stored += 1
            report.relations += len(extraction.endorsements)
            on_document(extraction.document, len(extraction.endorsements))
        else:
            report.already_stored += 1
            on_document(extraction.document, None)
    return report
