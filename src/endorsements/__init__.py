"""Endorsements: read political news, keep an evidence-linked ledger of who backs whom.

The Python API mirrors the command line::

    from endorsements import extract
    for result in extract(["Jane Roe endorsed John Doe for mayor."]):
        print(result.to_dict())
"""

from .models import Document, Endorsement, Extraction, Span
from .pipeline import extract, extract_documents
from .settings import __version__

__all__ = [
    "Document",
    "Endorsement",
    "Extraction",
    "Span",
    "__version__",
    "extract",
    "extract_documents",
]
