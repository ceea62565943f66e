"""The store stage: migrations, merging, filters, atomicity and failure messages.

Every ledger test runs on SQLite (a file in tmp_path) and, when ENDORSEMENTS_TEST_PG_URL points
at a throwaway PostgreSQL database, on PostgreSQL too: the same code, so the two backends
cannot quietly diverge.
"""

from __future__ import annotations

import doctest
import os
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, false, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from endorsements.errors import StoreError
from endorsements.models import Document, Endorsement, Extraction, Span
from endorsements.store import Ledger, LedgerRow, name_key
from endorsements.store import keys as keys_module
from endorsements.store.ledger import _get_or_create
from endorsements.store.migrate import head_revision
from endorsements.store.schema import Base, EntityRecord
from ledger_checks import reset_postgres

PG_ENV = "ENDORSEMENTS_TEST_PG_URL"

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
]


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.db'}"
        return
    pg_url = os.environ.get(PG_ENV)
    if not pg_url:
        pytest.skip(f"set {PG_ENV} to a throwaway PostgreSQL database to run this")
    reset_postgres(pg_url)
    yield pg_url
    reset_postgres(pg_url)


@pytest.fixture
def store(url: str) -> Iterator[Ledger]:
    with Ledger(url) as led:
        led.migrate()
        yield led


def rel(doc_text: str, endorser: str, endorsee: str, phrase: str, **kw: object) -> Endorsement:
    """An endorsement whose evidence is `phrase`, located in `doc_text`."""
    start = doc_text.index(phrase)
    kw.setdefault("stance", "support")
    return Endorsement(
        endorser=endorser,
        endorsee=endorsee,
        evidence=Span(phrase, start, start + len(phrase)),
        **kw,  # type: ignore[arg-type]
    )


def doc(
    doc_id: str, body: str, published: date | None = None, source: str | None = None
) -> Document:
    return Document(id=doc_id, text=body, published=published, source=source)


ROE_DOE = "Sen. Jane Roe endorsed John Doe for mayor. The Teachers Union opposed Doe."


def roe_doe(doc_id: str = "d1", published: date | None = date(2024, 3, 1)) -> Extraction:
    d = doc(doc_id, ROE_DOE, published, f"https://news.example/{doc_id}")
    return Extraction(
        d,
        [
            rel(
                ROE_DOE,
                "Jane Roe",
                "John Doe",
                "Sen. Jane Roe endorsed John Doe for mayor",
                race="mayor",
                confidence=0.8,
                endorser_aliases=["Sen. Jane Roe", "Roe"],
                endorsee_aliases=["Johnny Doe"],
                endorser_attrs={"title": "Sen."},
                rule="verb",
            ),
            rel(
                ROE_DOE,
                "Teachers Union",
                "John Doe",
                "The Teachers Union opposed Doe",
                stance="oppose",
                endorser_type="union",
                confidence=0.7,
            ),
        ],
    )


# --- migrations -------------------------------------------------------------------------------


def test_migrate_is_idempotent_and_matches_models(url: str) -> None:
    with Ledger(url) as led:
        led.migrate()
        led.migrate()
        assert led.counts() == {"documents": 0, "entities": 0, "endorsements": 0, "evidence": 0}
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalars()
            assert list(version) == [head_revision()]
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            # The hand-written migration and the ORM classes describe the same schema.
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_unmigrated_database_says_to_migrate(tmp_path: Path) -> None:
    with Ledger(f"sqlite:///{tmp_path / 'new.db'}") as led, pytest.raises(StoreError) as err:
        led.counts()
    assert "migrate" in str(err.value)


def test_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'future.db'}"
    with Ledger(url) as led:
        led.migrate()
        with led._engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
        with pytest.raises(StoreError, match="newer version"):
            led.migrate()


# --- writing ----------------------------------------------------------------------------------


def test_add_extraction_stores_all_rows(store: Ledger) -> None:
    assert not store.has_document("d1")
    assert store.add_extraction(roe_doe()) is True
    assert store.has_document("d1")
    assert store.counts() == {"documents": 1, "entities": 3, "endorsements": 2, "evidence": 2}
    support, oppose = sorted(store.rows(), key=lambda r: r.stance, reverse=True)
    assert support == LedgerRow(
        id=support.id,
        endorser="Jane Roe",
        endorser_type="person",
        stance="support",
        endorsee="John Doe",
        race="mayor",
        kind="endorsement",
        first_seen=date(2024, 3, 1),
        last_seen=date(2024, 3, 1),
        sources=["https://news.example/d1"],
        n_evidence=1,
        best_evidence="Sen. Jane Roe endorsed John Doe for mayor",
        confidence=0.8,
        endorser_id=support.endorser_id,
        endorsee_id=support.endorsee_id,
        endorser_category="politician",
        endorsee_category="other",
        endorser_attrs={"title": "Sen.", "office": "Sen."},
        review_state="unreviewed",
    )
    assert (oppose.endorser, oppose.endorser_type, oppose.race) == ("Teachers Union", "union", None)
    assert support.to_dict()["first_seen"] == "2024-03-01"


def test_same_document_twice_is_stored_once(store: Ledger) -> None:
    assert store.add_extraction(roe_doe()) is True
    assert store.add_extraction(roe_doe()) is False
    assert store.counts() == {"documents": 1, "entities": 3, "endorsements": 2, "evidence": 2}
    assert all(r.n_evidence == 1 for r in store.rows())


def test_repeated_relation_merges_across_documents(store: Ledger) -> None:
    first = "Jane Roe backs John Doe."
    second = "On March 9, SEN. JANE ROE campaigned for John Doe again."
    store.add_extraction(
        Extraction(
            doc("a", first, date(2024, 1, 5), "src-a"),
            [rel(first, "Jane Roe", "John Doe", "Jane Roe backs John Doe", confidence=0.6)],
        )
    )
    store.add_extraction(
        Extraction(
            doc("b", second, date(2024, 3, 20)),  # no source: the id stands in
            [
                rel(
                    second,
                    "Sen. Jane Roe",  # same name key as "Jane Roe"
                    "John Doe",
                    "SEN. JANE ROE campaigned for John Doe",
                    kind="campaigning",
                    date="2024-03-09",  # a full relation date beats the publication date
                    confidence=0.9,
                )
            ],
        )
    )
    assert store.counts() == {"documents": 2, "entities": 2, "endorsements": 1, "evidence": 2}
    (row,) = store.rows()
    assert row.sources == ["src-a", "b"]
    assert row.n_evidence == 2
    assert (row.first_seen, row.last_seen) == (date(2024, 1, 5), date(2024, 3, 9))
    assert row.confidence == pytest.approx(0.9)
    assert row.best_evidence == "SEN. JANE ROE campaigned for John Doe"
    assert row.kind == "campaigning"  # follows the most confident evidence
    assert row.endorser == "Jane Roe"  # the first surface form stays the display name


def test_dates_fall_back_to_publication_then_unknown(store: Ledger) -> None:
    body = "Roe endorsed Doe. Poe endorsed Doe."
    store.add_extraction(
        Extraction(
            doc("undated", body),
            [
                rel(body, "Roe", "Doe", "Roe endorsed Doe", date="March 2024"),
                rel(body, "Poe", "Doe", "Poe endorsed Doe"),
            ],
        )
    )
    assert [(r.first_seen, r.last_seen) for r in store.rows()] == [(None, None), (None, None)]


def test_duplicate_spans_in_one_document_count_once(store: Ledger) -> None:
    body = "Roe endorsed Doe."
    same = [
        rel(body, "Roe", "Doe", "Roe endorsed Doe", confidence=0.4, rule="a"),
        rel(body, "Roe", "Doe", "Roe endorsed Doe", confidence=0.7, rule="b"),
    ]
    store.add_extraction(Extraction(doc("d", body), same))
    (row,) = store.rows()
    assert (row.n_evidence, row.confidence) == (1, pytest.approx(0.7))
    assert store.counts()["evidence"] == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"stance": "likes"}, "stance"),
        ({"evidence": Span("not in the text", 0, 15)}, "evidence span"),
        ({"endorser": "—"}, "endorser name"),
    ],
)
def test_invalid_record_is_refused_before_writing(
    store: Ledger, change: dict[str, object], message: str
) -> None:
    extraction = roe_doe()
    for name, value in change.items():
        setattr(extraction.endorsements[1], name, value)
    with pytest.raises(StoreError, match=message):
        store.add_extraction(extraction)
    assert not store.has_document("d1")
    assert store.counts()["entities"] == 0


# --- atomicity --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("failure", "raised"),
    [
        (RuntimeError("disk on fire"), RuntimeError),  # a bug: propagates unchanged
        (OperationalError("INSERT", {}, Exception("disk I/O error")), StoreError),
    ],
    ids=["bug", "database"],
)
def test_failing_write_leaves_nothing_of_the_document(
    store: Ledger, monkeypatch: pytest.MonkeyPatch, failure: Exception, raised: type
) -> None:
    store.add_extraction(roe_doe("d1"))
    before = store.counts()
    rows_before = [r.to_dict() for r in store.rows()]

    body = "Ann Poe endorsed John Doe. Max Moe endorsed Ann Poe."
    second = Extraction(
        doc("d2", body, date(2025, 1, 1)),
        [
            rel(body, "Ann Poe", "John Doe", "Ann Poe endorsed John Doe", endorser_aliases=["A"]),
            rel(body, "Max Moe", "Ann Poe", "Max Moe endorsed Ann Poe"),
        ],
    )
    real = Ledger._add_evidence
    calls = []

    def fail_on_second(self: Ledger, *args: object) -> None:
        calls.append(args)
        if len(calls) == 2:  # after entities, aliases, an endorsement and evidence were written
            raise failure
        real(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Ledger, "_add_evidence", fail_on_second)
    with pytest.raises(raised):
        store.add_extraction(second)
    assert len(calls) == 2
    assert store.counts() == before
    assert not store.has_document("d2")
    assert [r.to_dict() for r in store.rows()] == rows_before

    monkeypatch.undo()
    assert store.add_extraction(second) is True  # nothing half-written blocks a retry
    assert store.counts()["documents"] == 2


# --- concurrency ------------------------------------------------------------------------------


def test_get_or_create_recovers_from_a_lost_race(store: Ledger) -> None:
    store.add_extraction(roe_doe())
    lookup = select(EntityRecord).where(EntityRecord.name_key == "jane roe")
    with Session(store._writer) as session, session.begin():
        real_scalars = session.scalars
        misses = iter([True])

        def scalars_missing_once(stmt, *args, **kwargs):  # type: ignore[no-untyped-def]
            # The first look-up "misses", as if another writer inserted the row just after it.
            if next(misses, False):
                stmt = select(EntityRecord).where(false())
            return real_scalars(stmt, *args, **kwargs)

        session.scalars = scalars_missing_once  # type: ignore[method-assign]
        entity, created = _get_or_create(
            session, lookup, lambda: EntityRecord(name="x", name_key="jane roe", type="person")
        )
        assert (entity.name, created) == ("Jane Roe", False)
        # The failed INSERT cost only its SAVEPOINT: the transaction is still usable.
        assert session.scalar(select(EntityRecord.id).where(EntityRecord.id == entity.id))
    assert store.counts()["entities"] == 3


def test_concurrent_writers_do_not_duplicate_rows(url: str) -> None:
    body = "Roe endorsed Doe. Poe endorsed Doe."

    def extraction(i: int) -> Extraction:
        return Extraction(
            doc(f"doc-{i}", body + " " * i, date(2024, 1, 1 + i % 28)),
            [
                rel(body, "Roe", "Doe", "Roe endorsed Doe"),
                rel(body, "Poe", "Doe", "Poe endorsed Doe"),
            ],
        )

    with Ledger(url) as setup:
        setup.migrate()
    results: list[bool] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            with Ledger(url) as led:
                for i in range(12):  # both workers store the same twelve documents
                    results.append(led.add_extraction(extraction(i)))
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert results.count(True) == 12
    with Ledger(url) as led:
        assert led.counts() == {"documents": 12, "entities": 3, "endorsements": 2, "evidence": 24}
        assert [r.n_evidence for r in led.rows()] == [12, 12]


# --- reading ----------------------------------------------------------------------------------


def test_filters(store: Ledger) -> None:
    store.add_extraction(roe_doe("d1", date(2024, 3, 1)))
    body = "Gov. José Núñez endorsed Ann Poe."
    store.add_extraction(
        Extraction(
            doc("d2", body, date(2023, 6, 1)),
            [rel(body, "José Núñez", "Ann Poe", "Gov. José Núñez endorsed Ann Poe")],
        )
    )

    def pairs(rows: list[LedgerRow]) -> set[tuple[str, str, str]]:
        return {(r.endorser, r.stance, r.endorsee) for r in rows}

    doe = {("Jane Roe", "support", "John Doe"), ("Teachers Union", "oppose", "John Doe")}
    assert pairs(store.rows(endorsee="johnny")) == doe  # an alias, other case, a substring
    assert pairs(store.rows(endorsee="DOE")) == doe
    assert pairs(store.rows(endorser="jose nunez")) == {("José Núñez", "support", "Ann Poe")}
    assert pairs(store.rows(endorser="Sen. Roe")) == {("Jane Roe", "support", "John Doe")}
    assert pairs(store.rows(stance="oppose")) == {("Teachers Union", "oppose", "John Doe")}
    assert pairs(store.rows(since=date(2024, 1, 1))) == doe
    assert pairs(store.rows(since=date(2024, 1, 1), stance="support", endorsee="doe")) == {
        ("Jane Roe", "support", "John Doe")
    }
    assert store.rows(endorsee="%") == []  # LIKE wildcards are matched literally
    assert store.rows(endorsee="nobody") == []


# --- opening ----------------------------------------------------------------------------------


def test_sqlite_connections_are_configured(tmp_path: Path) -> None:
    with Ledger(f"sqlite:///{tmp_path / 'ledger.db'}") as led, led._engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000


def test_store_error_on_unusable_path(tmp_path: Path) -> None:
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    cases = {
        f"sqlite:///{tmp_path / 'missing' / 'ledger.db'}": "does not exist",
        f"sqlite:///{a_file / 'ledger.db'}": "not a directory",
        f"sqlite:///{tmp_path}": "is a directory",
        "not a url": "not a database URL",
    }
    for bad, message in cases.items():
        with pytest.raises(StoreError, match=message):
            Ledger(bad)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores modes")
def test_store_error_on_read_only_directory(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(StoreError, match="permission"):
        Ledger(f"sqlite:///{locked / 'ledger.db'}")


def test_store_error_for_unreachable_postgres_hides_password() -> None:
    with pytest.raises(StoreError) as err:
        Ledger("postgresql+psycopg://user:s3cret@127.0.0.1:1/ledger")
    assert "s3cret" not in str(err.value)
    assert "cannot open ledger" in str(err.value)


# --- keys -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sen. Jane Roe", "jane roe"),
        ("José Núñez", "JOSE NUNEZ"),
        ("Beto O'Rourke", "Beto ORourke"),
        ("J. D. Vance", "JD Vance"),
        ("The New York Times", "New York Times"),
        ("Former President Dana Whit", "Dana Whit's"),
        ("UPW-LU", "U.P.W.-L.U."),
    ],
)
def test_name_key_merges_spelling_variants(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Jane Roe", "John Roe"), ("Vice Media", "Media"), ("Jane Roe", "Jane Roe Jr.")],
)
def test_name_key_keeps_distinct_names_apart(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_name_key_edge_cases() -> None:
    assert name_key("President") == "president"  # a lone title is kept: it is the whole name
    assert name_key("Смирнов") == "смирнов"  # non-Latin letters survive accent folding
    assert name_key("—") == ""
    assert doctest.testmod(keys_module).failed == 0
