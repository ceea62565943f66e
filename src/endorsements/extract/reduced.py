"""Extraction over the first pass's reduced texts, batch by batch.

Kept apart from `extractor.py` so the rules stay a pure function of a parsed `Doc`: this module
only decides which text the parser sees and maps the evidence back. A document with no cue
sentence is never parsed at all and comes out with no records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from ..models import Document, Extraction
from .extractor import RuleExtractor
from .prefilter import Prefilter


def chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Consecutive lists of at most `size` items: the unit of streaming and of work."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def extract_reduced(
    extractor: RuleExtractor,
    documents: Iterable[Document],
    prefilter: Prefilter,
    batch_size: int = 16,
) -> Iterator[Extraction]:
    """Like `RuleExtractor.pipe`, in input order, but each document parsed only where the
    first pass says; evidence offsets refer to the original texts."""
    for chunk in chunks(documents, max(batch_size, 1) * 4):
        reduced = list(prefilter.reduce_many([d.text for d in chunk]))
        parsed = iter(
            extractor.nlp.pipe((r.text for r in reduced if r.text), batch_size=batch_size)
        )
        for document, red in zip(chunk, reduced, strict=True):
            if not red.text:
                yield Extraction(document, [])
                continue
            records = extractor.extract_doc(next(parsed), document.published)
            yield Extraction(document, red.restore(records))
