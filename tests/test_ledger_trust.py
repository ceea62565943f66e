"""The trusted ledger: stance histories, review states, cross-document entities, merge, split,
rename, races, the 0001 -> 0002 upgrade and both export schemas.

Like tests/test_store.py, every test taking `store` or `url` runs on SQLite and, when
ENDORSEMENTS_TEST_PG_URL is set, on PostgreSQL.
"""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from endorsements.errors import NotFoundError, StoreError
from endorsements.models import Extraction
from endorsements.serve.export import FIVETHIRTYEIGHT_COLUMNS, write_export
from endorsements.store import Ledger
from endorsements.store.migrate import alembic_config
from test_store import doc, rel, store, url  # noqa: F401  (fixtures)


def say(
    store: Ledger,  # noqa: F811
    doc_id: str,
    body: str,
    published: date | None,
    *relations: tuple[str, str, str, str, dict],
) -> None:
    """Store one document whose relations are (endorser, stance, endorsee, phrase, extra)."""
    d = doc(doc_id, body, published, f"https://news.example/{doc_id}")
    store.add_extraction(
        Extraction(
            d,
            [
                rel(body, er, ee, phrase, stance=stance, **extra)
                for er, stance, ee, phrase, extra in relations
            ],
        )
    )


# --- one endorsement, a history ------------------------------------------------------------------


def test_support_withdraw_support_is_one_endorsement_with_a_timeline(store: Ledger) -> None:  # noqa: F811
    say(store, "a", "Dana Whit endorsed Ray Pell.", date(2024, 1, 5),
        ("Dana Whit", "support", "Ray Pell", "Dana Whit endorsed Ray Pell", {}))  # fmt: skip
    # stored before the withdrawal although it happened after it: order is by date
    say(store, "c", "Dana Whit backs Ray Pell again.", date(2024, 5, 1),
        ("Dana Whit", "support", "Ray Pell", "Dana Whit backs Ray Pell again", {}))  # fmt: skip
    say(store, "b", "Dana Whit withdrew her support for Ray Pell.", date(2024, 3, 2),
        ("Dana Whit", "withdraw", "Ray Pell",
         "Dana Whit withdrew her support for Ray Pell", {}))  # fmt: skip
    (row,) = store.rows()
    assert (row.stance, row.n_evidence) == ("support", 3)
    assert (row.first_seen, row.last_seen) == (date(2024, 1, 5), date(2024, 5, 1))
    er, ee, events = store.history("Dana Whit", "Ray Pell")
    assert (er.name, ee.name) == ("Dana Whit", "Ray Pell")
    assert [(e.seen, e.stance, e.document_id) for e in events] == [
        (date(2024, 1, 5), "support", "a"),
        (date(2024, 3, 2), "withdraw", "b"),
        (date(2024, 5, 1), "support", "c"),
    ]
    assert [e.stance for e in store.evidence(row.id)] == ["support", "withdraw", "support"]


def test_latest_withdrawal_is_the_current_stance(store: Ledger) -> None:  # noqa: F811
    say(store, "a", "Dana Whit endorsed Ray Pell.", date(2024, 1, 5),
        ("Dana Whit", "support", "Ray Pell", "Dana Whit endorsed Ray Pell", {}))  # fmt: skip
    say(store, "b", "Dana Whit withdrew her support for Ray Pell.", None,
        ("Dana Whit", "withdraw", "Ray Pell", "Dana Whit withdrew her support for Ray Pell",
         {"date": "2024-02-01"}))  # fmt: skip
    assert [r.stance for r in store.rows()] == ["withdraw"]
    assert store.rows(stance="support") == []


def test_on_the_same_day_the_withdrawal_is_the_news(store: Ledger) -> None:  # noqa: F811
    body = "Dana Whit withdrew her endorsement of Ray Pell. Whit had backed Pell in May."
    say(store, "a", body, date(2024, 6, 1),
        ("Dana Whit", "withdraw", "Ray Pell", "Dana Whit withdrew her endorsement of Ray Pell", {}),
        ("Dana Whit", "support", "Ray Pell", "Whit had backed Pell", {}))  # fmt: skip
    (row,) = store.rows()
    assert row.stance == "withdraw"
    assert [e.stance for e in store.history("Dana Whit", "Ray Pell")[2]] == ["support", "withdraw"]


def test_background_support_does_not_outdate_a_dated_withdrawal(
    store: Ledger,  # noqa: F811
) -> None:
    body = "Dana Whit said Sunday she was withdrawing her endorsement of Ray Pell. 'I backed Ray.'"
    say(store, "a", body, date(2024, 9, 30),
        ("Dana Whit", "withdraw", "Ray Pell",
         "Dana Whit said Sunday she was withdrawing her endorsement of Ray Pell",
         {"date": "2024-09-29"}),
        ("Dana Whit", "support", "Ray Pell", "I backed Ray", {}))  # fmt: skip
    (row,) = store.rows()
    assert row.stance == "withdraw"
    # a later article's support is news again
    say(store, "b", "Dana Whit endorsed Ray Pell once more.", date(2024, 10, 5),
        ("Dana Whit", "support", "Ray Pell",
         "Dana Whit endorsed Ray Pell once more", {}))  # fmt: skip
    assert [e.stance for e in store.history("Dana Whit", "Ray Pell")[2]] == [
        "support",
        "withdraw",
        "support",
    ]
    assert store.rows()[0].stance == "support"


def test_rejected_stays_rejected_when_articles_repeat_it(store: Ledger) -> None:  # noqa: F811
    say(store, "a", "Dana Whit endorsed Ray Pell.", date(2024, 1, 5),
        ("Dana Whit", "support", "Ray Pell", "Dana Whit endorsed Ray Pell", {}))  # fmt: skip
    (row,) = store.rows()
    rejected = store.set_review(row.id, "rejected", "ed", "satire site")
    assert (rejected.review_state, rejected.reviewer, rejected.review_note) == (
        "rejected",
        "ed",
        "satire site",
    )
    assert rejected.reviewed_at is not None
    say(store, "b", "Again, Dana Whit endorsed Ray Pell.", date(2024, 2, 5),
        ("Dana Whit", "support", "Ray Pell", "Dana Whit endorsed Ray Pell", {}))  # fmt: skip
    say(store, "a", "Dana Whit endorsed Ray Pell.", date(2024, 1, 5),
        ("Dana Whit", "support", "Ray Pell", "Dana Whit endorsed Ray Pell", {}))  # fmt: skip
    (row,) = store.rows()
    assert (row.review_state, row.n_evidence, row.review_note) == ("rejected", 2, "satire site")
    assert store.rows(review_state="unreviewed") == []


def test_review_errors(store: Ledger) -> None:  # noqa: F811
    with pytest.raises(NotFoundError, match="no endorsement with id 99"):
        store.set_review(99, "verified", "ed")
    say(store, "a", "Dana Whit endorsed Ray Pell.", date(2024, 1, 5),
        ("Dana Whit", "support", "Ray Pell", "Dana Whit endorsed Ray Pell", {}))  # fmt: skip
    with pytest.raises(StoreError, match="review state 'maybe'"):
        store.set_review(store.rows()[0].id, "maybe", "ed")


# --- entities across documents -------------------------------------------------------------------


def test_surname_in_a_later_document_joins_its_only_full_name(store: Ledger) -> None:  # noqa: F811
    say(store, "a", "Carla Obrenn endorsed Ray Pell.", date(2024, 1, 5),
        ("Carla Obrenn", "support", "Ray Pell", "Carla Obrenn endorsed Ray Pell", {}))  # fmt: skip
    say(store, "b", "Obrenn endorsed Tess Ambry.", date(2024, 1, 6),
        ("Obrenn", "support", "Tess Ambry", "Obrenn endorsed Tess Ambry", {}))  # fmt: skip
    assert {r.endorser for r in store.rows()} == {"Carla Obrenn"}
    assert store.entity("Carla Obrenn").aliases == ["Obrenn"]


def test_surname_first_is_absorbed_when_the_full_name_arrives(store: Ledger) -> None:  # noqa: F811
    say(store, "b", "Obrenn endorsed Tess Ambry.", date(2024, 1, 6),
        ("Obrenn", "support", "Tess Ambry", "Obrenn endorsed Tess Ambry", {}))  # fmt: skip
    say(store, "a", "Carla Obrenn endorsed Ray Pell.", date(2024, 1, 5),
        ("Carla Obrenn", "support", "Ray Pell", "Carla Obrenn endorsed Ray Pell", {}))  # fmt: skip
    assert [e.name for e in store.entities(query="obrenn")] == ["Carla Obrenn"]
    assert {r.endorser for r in store.rows()} == {"Carla Obrenn"}


def test_people_sharing_a_surname_stay_apart(store: Ledger) -> None:  # noqa: F811
    say(store, "a", "Michele Varga endorsed Ray Pell.", date(2024, 1, 5),
        ("Michele Varga", "support", "Ray Pell",
         "Michele Varga endorsed Ray Pell", {}))  # fmt: skip
    say(store, "b", "Baruch Varga endorsed Ray Pell.", date(2024, 1, 6),
        ("Baruch Varga", "support", "Ray Pell", "Baruch Varga endorsed Ray Pell", {}))  # fmt: skip
    say(store, "c", "Varga endorsed Ray Pell.", date(2024, 1, 7),
        ("Varga", "support", "Ray Pell", "Varga endorsed Ray Pell", {}))  # fmt: skip
    names = sorted(e.name for e in store.entities(query="varga"))
    assert names == ["Baruch Varga", "Michele Varga", "Varga"]


def test_entity_profile_and_category(store: Ledger) -> None:  # noqa: F811
    say(store, "a", "Sen. Dana Whit endorsed Ray Pell.", date(2024, 1, 5),
        ("Dana Whit", "support", "Ray Pell", "Sen. Dana Whit endorsed Ray Pell",
         {"endorser_attrs": {"title": "Sen.", "tag": "D-Ohio"}}))  # fmt: skip
    whit = store.entity("Dana Whit")
    assert (whit.category, whit.attrs["office"], whit.attrs["party"], whit.attrs["state"]) == (
        "politician",
        "Sen.",
        "Democratic",
        "Ohio",
    )
    assert (whit.n_given, whit.n_received) == (1, 0)
    assert [e.name for e in store.entities(category="politician")] == ["Dana Whit"]
    assert [e.name for e in store.entities(min_endorsements=1)] == ["Dana Whit", "Ray Pell"]
    with pytest.raises(NotFoundError, match="no entity named 'Nobody'"):
        store.entity("Nobody")


# --- merge, split, rename ------------------------------------------------------------------------


def _two_names_for_one_person(store: Ledger) -> tuple[int, int]:  # noqa: F811
    say(store, "a", "Rae Lindqvist endorsed Ray Pell for mayor.", date(2024, 1, 5),
        ("Rae Lindqvist", "support", "Ray Pell", "Rae Lindqvist endorsed Ray Pell",
         {"race": "Riverton mayor 2024"}))  # fmt: skip
    say(store, "b", "Raelynn Lindqvist-Ortiz backs Ray Pell.", date(2024, 2, 5),
        ("Raelynn Lindqvist-Ortiz", "support", "Ray Pell", "Raelynn Lindqvist-Ortiz backs Ray Pell",
         {"race": "Riverton mayor 2024"}))  # fmt: skip
    keep = store.entity("Rae Lindqvist").id
    other = store.entity("Raelynn Lindqvist-Ortiz").id
    return keep, other


def test_merge_folds_rows_and_keeps_the_decided_review(store: Ledger) -> None:  # noqa: F811
    keep, other = _two_names_for_one_person(store)
    assert keep != other
    row_other = store.rows(endorser_id=other)[0]
    store.set_review(row_other.id, "rejected", "ed", "wrong person")
    merged = store.merge_entities(keep, other)
    assert merged.aliases == ["Raelynn Lindqvist-Ortiz"]
    (row,) = store.rows()
    assert (row.endorser, row.n_evidence, row.review_state) == ("Rae Lindqvist", 2, "rejected")
    assert store.entities(query="Raelynn") == [store.entity(keep)]
    # the merged-away id and name still lead to the survivor, but cannot be merged again
    assert store.entity(other).id == keep
    assert store.entity("Raelynn Lindqvist-Ortiz").id == keep
    with pytest.raises(StoreError, match=f"entity {other} .* was merged into entity {keep}"):
        store.merge_entities(keep, other)
    with pytest.raises(NotFoundError, match="no entity with id 999"):
        store.merge_entities(keep, 999)
    with pytest.raises(StoreError, match="with itself"):
        store.merge_entities(keep, keep)


def test_split_moves_the_alias_its_evidence_and_the_review(store: Ledger) -> None:  # noqa: F811
    keep, other = _two_names_for_one_person(store)
    (row,) = store.rows(endorser_id=keep)
    store.set_review(row.id, "verified", "ed", "checked")
    store.merge_entities(keep, other)
    new = store.split_entity(keep, ["Raelynn Lindqvist-Ortiz"])
    assert (new.id, new.name, new.n_given) == (other, "Raelynn Lindqvist-Ortiz", 1)
    assert store.entity(keep).aliases == []
    rows = store.rows()
    assert [(r.endorser, r.n_evidence, r.review_state) for r in rows] == [
        ("Rae Lindqvist", 1, "verified"),
        ("Raelynn Lindqvist-Ortiz", 1, "verified"),
    ]
    assert rows[1].evidence == [] and store.evidence(rows[1].id)[0].document_id == "b"
    with pytest.raises(StoreError, match="own name"):
        store.split_entity(keep, ["Rae Lindqvist"])
    with pytest.raises(StoreError, match="has no alias"):
        store.split_entity(keep, ["Somebody Else"])


def test_a_merged_name_seen_again_goes_to_the_survivor(store: Ledger) -> None:  # noqa: F811
    keep, other = _two_names_for_one_person(store)
    store.merge_entities(keep, other)
    say(store, "c", "Raelynn Lindqvist-Ortiz endorsed Tess Ambry.", date(2024, 4, 1),
        ("Raelynn Lindqvist-Ortiz", "support", "Tess Ambry",
         "Raelynn Lindqvist-Ortiz endorsed Tess Ambry", {}))  # fmt: skip
    assert {r.endorser for r in store.rows()} == {"Rae Lindqvist"}
    assert [e.name for e in store.entities(query="lindqvist")] == ["Rae Lindqvist"]


def test_rename_keeps_the_old_name_as_an_alias(store: Ledger) -> None:  # noqa: F811
    keep, other = _two_names_for_one_person(store)
    renamed = store.rename_entity(keep, "Rae M. Lindqvist")
    assert (renamed.name, renamed.aliases) == ("Rae M. Lindqvist", ["Rae Lindqvist"])
    assert store.rows(endorser_id=keep)[0].endorser == "Rae M. Lindqvist"
    assert store.entity("Rae Lindqvist").id == keep  # found by the old name
    with pytest.raises(StoreError, match="use `endorsements entities merge"):
        store.rename_entity(keep, "Raelynn Lindqvist-Ortiz")


# --- races ---------------------------------------------------------------------------------------


def test_races_and_a_race_with_its_candidates(store: Ledger) -> None:  # noqa: F811
    body = "The Riverton Teachers Union endorsed Ray Pell. Mayor Dana Whit backs Tess Ambry."
    say(store, "a", body, date(2024, 1, 5),
        ("Riverton Teachers Union", "support", "Ray Pell",
         "The Riverton Teachers Union endorsed Ray Pell",
         {"race": "Riverton mayor 2024", "endorser_type": "union"}),
        ("Dana Whit", "support", "Tess Ambry", "Mayor Dana Whit backs Tess Ambry",
         {"race": "Riverton mayor 2024", "endorser_attrs": {"title": "Mayor"}}))  # fmt: skip
    say(store, "b", "Bo Kettering endorsed Ray Pell for the Senate.", date(2022, 1, 5),
        ("Bo Kettering", "support", "Ray Pell", "Bo Kettering endorsed Ray Pell",
         {"race": "Ohio Senate 2022"}))  # fmt: skip
    assert [(r.label, r.office, r.jurisdiction, r.year) for r in store.races()] == [
        ("Ohio Senate 2022", "Senate", "Ohio", 2022),
        ("Riverton mayor 2024", "mayor", "Riverton", 2024),
    ]
    assert [r.label for r in store.races(year=2024)] == ["Riverton mayor 2024"]
    detail = store.race("riverton mayor")
    assert (detail.race.n_candidates, detail.race.n_endorsements) == (2, 2)
    assert [(c.entity.name, c.by_category()) for c in detail.candidates] == [
        ("Ray Pell", {"union": 1}),
        ("Tess Ambry", {"politician": 1}),
    ]
    with pytest.raises(NotFoundError, match="fits several races"):
        store.race("o")


# --- exports -------------------------------------------------------------------------------------


def test_fivethirtyeight_export(store: Ledger) -> None:  # noqa: F811
    say(store, "a", "Sen. Dana Whit endorsed Ray Pell. Bo Kettering opposed Ray Pell.",
        date(2024, 1, 5),
        ("Dana Whit", "support", "Ray Pell", "Sen. Dana Whit endorsed Ray Pell",
         {"endorser_attrs": {"title": "Sen.", "tag": "D-Ohio"}}),
        ("Bo Kettering", "oppose", "Ray Pell", "Bo Kettering opposed Ray Pell", {}))  # fmt: skip
    out = io.StringIO()
    assert write_export(store.rows(), "csv", out, "fivethirtyeight") == 1  # support only
    assert out.getvalue() == (
        ",".join(FIVETHIRTYEIGHT_COLUMNS)
        + "\n2024-01-05,Sen.,,Ohio,Dana Whit,Ray Pell,D,https://news.example/a,politician\n"
    )
    (row,) = store.rows(stance="support")
    store.set_review(row.id, "rejected", "ed")
    out = io.StringIO()
    assert write_export(store.rows(), "jsonl", out, "fivethirtyeight") == 0


def test_native_export_carries_evidence_and_review(store: Ledger) -> None:  # noqa: F811
    say(store, "a", "Dana Whit endorsed Ray Pell.", date(2024, 1, 5),
        ("Dana Whit", "support", "Ray Pell", "Dana Whit endorsed Ray Pell", {}))  # fmt: skip
    store.set_review(store.rows()[0].id, "verified", "ed", "ok")
    out = io.StringIO()
    write_export(store.rows(with_evidence=True), "jsonl", out)
    record = json.loads(out.getvalue())
    assert (record["review_state"], record["reviewer"], record["review_note"]) == (
        "verified",
        "ed",
        "ok",
    )
    assert [(e["text"], e["source"], e["stance"]) for e in record["evidence"]] == [
        ("Dana Whit endorsed Ray Pell", "https://news.example/a", "support")
    ]


# --- upgrading a 0001 ledger ---------------------------------------------------------------------


def test_a_0001_ledger_upgrades_and_folds_rows_by_stance(tmp_path: Path) -> None:
    url_ = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url_)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0001")
            conn.execute(text(
                "INSERT INTO documents (id, source, published, title, text, ingested_at, "
                "n_endorsements) VALUES ('a', NULL, '2024-01-05', NULL, 'A backs B. A quits B.',"
                " '2024-01-05 00:00:00', 2)"
            ))  # fmt: skip
            conn.execute(text(
                "INSERT INTO entities (id, name, name_key, type, attrs) VALUES "
                "(1, 'Ann Alder', 'ann alder', 'person', '{}'), "
                "(2, 'Bo Birch', 'bo birch', 'person', '{}')"
            ))  # fmt: skip
            conn.execute(text(
                "INSERT INTO endorsements (id, endorser_id, endorsee_id, stance, race, kind, "
                "first_seen, last_seen, confidence, n_evidence) VALUES "
                "(1, 1, 2, 'support', 'Ohio Senate 2022', 'endorsement', '2024-01-05', "
                "'2024-01-05', 0.8, 1), "
                "(2, 1, 2, 'withdraw', 'Ohio Senate 2022', 'endorsement', NULL, NULL, 0.6, 1)"
            ))  # fmt: skip
            conn.execute(text(
                'INSERT INTO evidence (endorsement_id, document_id, text, start, "end", "date", '
                "confidence, rule) VALUES (1, 'a', 'A backs B', 0, 9, NULL, 0.8, ''), "
                "(2, 'a', 'A quits B', 11, 20, '2024-02-01', 0.6, '')"
            ))  # fmt: skip
    finally:
        engine.dispose()
    with Ledger(url_) as led:
        led.migrate()
        (row,) = led.rows(with_evidence=True)
        assert (row.stance, row.n_evidence, row.review_state) == ("withdraw", 2, "unreviewed")
        assert (row.first_seen, row.last_seen) == (date(2024, 1, 5), date(2024, 2, 1))
        assert [(e.stance, e.endorser_name) for e in row.evidence] == [
            ("support", "Ann Alder"),
            ("withdraw", "Ann Alder"),
        ]
        assert [(r.label, r.year) for r in led.races()] == [("Ohio Senate 2022", 2022)]


def test_downgrade_to_0001_and_back_keeps_every_row(url: str) -> None:  # noqa: F811
    with Ledger(url) as led:
        led.migrate()
        say(led, "a", "Dana Whit endorsed Ray Pell.", date(2024, 1, 5),
            ("Dana Whit", "support", "Ray Pell", "Dana Whit endorsed Ray Pell",
             {"race": "Riverton mayor 2024", "endorser_aliases": ["Whit"]}))  # fmt: skip
        before = led.counts()
    engine = create_engine(url)
    try:
        for target in ("0001", "head"):
            with engine.begin() as conn:
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                if target == "0001":
                    command.downgrade(cfg, target)
                else:
                    command.upgrade(cfg, target)
    finally:
        engine.dispose()
    with Ledger(url) as led:
        assert led.counts() == before
        (row,) = led.rows(with_evidence=True)
        assert (row.endorser, row.stance, row.race) == (
            "Dana Whit",
            "support",
            "Riverton mayor 2024",
        )
        assert [e.text for e in row.evidence] == ["Dana Whit endorsed Ray Pell"]
        assert led.entity("Whit").name == "Dana Whit"
