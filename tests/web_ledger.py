"""A small ledger for the web tests, built from hand-written extractions (no spaCy), with
invented names: two candidates for governor, endorsers of three categories, evidence in two
articles, and one article whose names and quote carry HTML that every page must escape."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fastapi import FastAPI

from endorsements.models import Document, Endorsement, Extraction, Span
from endorsements.serve.app import create_app
from endorsements.settings import load_settings
from endorsements.store import Ledger

TOKEN = "test-token-1234"
RACE = "governor 2026"

ARTICLE_1 = (
    "Nurses pick a side\n\n"
    "The Maple Valley Nurses Union endorsed Corinne Dalfort for governor on Monday. "
    "Former Mayor Teodor Blick also endorsed Dalfort. "
    "The Harbor Gazette opposed Rasmus Vey for governor."
)
ARTICLE_2 = (
    "Blick doubles down\n\n"
    "Teodor Blick endorsed Corinne Dalfort again at a rally. "
    "State Sen. Wilhelmina Oduya endorsed Rasmus Vey for governor."
)
HOSTILE = 'Ivo <script>alert("x")</script> Marr endorsed Pell & <b>Co</b> for governor.'


def _rel(text: str, endorser: str, endorsee: str, phrase: str, **kw: object) -> Endorsement:
    start = text.index(phrase)
    kw.setdefault("stance", "support")
    kw.setdefault("race", RACE)
    return Endorsement(
        endorser=endorser,
        endorsee=endorsee,
        evidence=Span(phrase, start, start + len(phrase)),
        **kw,  # type: ignore[arg-type]
    )


def extractions() -> list[Extraction]:
    d1 = Document(
        "art-1", ARTICLE_1, "https://news.invalid/nurses", date(2025, 3, 2), "Nurses pick a side"
    )
    d2 = Document("art-2", ARTICLE_2, "https://news.invalid/rally", date(2025, 3, 9), None)
    d3 = Document("art-3", HOSTILE, "<script>src</script>", date(2025, 3, 10), "<i>t</i>")
    return [
        Extraction(
            d1,
            [
                _rel(
                    ARTICLE_1,
                    "Maple Valley Nurses Union",
                    "Corinne Dalfort",
                    "The Maple Valley Nurses Union endorsed Corinne Dalfort for governor",
                    endorser_type="union",
                    confidence=0.9,
                    date="2025-03-02",
                ),
                _rel(
                    ARTICLE_1,
                    "Teodor Blick",
                    "Corinne Dalfort",
                    "Former Mayor Teodor Blick also endorsed Dalfort",
                    confidence=0.6,
                    endorser_aliases=["Mayor Blick"],
                    endorser_attrs={"title": "Former Mayor"},
                ),
                _rel(
                    ARTICLE_1,
                    "Harbor Gazette",
                    "Rasmus Vey",
                    "The Harbor Gazette opposed Rasmus Vey",
                    stance="oppose",
                    endorser_type="media",
                    confidence=0.8,
                ),
            ],
        ),
        Extraction(
            d2,
            [
                _rel(
                    ARTICLE_2,
                    "Teodor Blick",
                    "Corinne Dalfort",
                    "Teodor Blick endorsed Corinne Dalfort again",
                    confidence=0.7,
                ),
                _rel(
                    ARTICLE_2,
                    "Wilhelmina Oduya",
                    "Rasmus Vey",
                    "Sen. Wilhelmina Oduya endorsed Rasmus Vey for governor",
                    confidence=0.85,
                ),
            ],
        ),
        Extraction(
            d3,
            [
                _rel(
                    HOSTILE,
                    'Ivo <script>alert("x")</script> Marr',
                    "Pell & <b>Co</b>",
                    HOSTILE.removesuffix(" for governor."),
                    race="<script>race</script>",
                    confidence=0.5,
                )
            ],
        ),
    ]


def build_ledger(path: Path | str) -> str:
    """A migrated ledger holding `extractions()`: a SQLite file at a path, or a database URL
    (which must be empty). Returns its URL."""
    url = path if isinstance(path, str) else f"sqlite:///{path}"
    with Ledger(url) as ledger:
        ledger.migrate()
        for ex in extractions():
            ledger.add_extraction(ex)
    return url


def make_app(url: str, token: str | None = TOKEN) -> tuple[FastAPI, Ledger]:
    ledger = Ledger(url)
    ledger.migrate()
    return create_app(ledger, load_settings(db=url, token=token or "")), ledger
