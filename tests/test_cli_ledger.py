"""The ledger commands on the command line: entities, races, race, history, review, verify,
reject and export --schema. The ledger is seeded through the store API with invented
records, so the output depends on the ledger code only, and is asserted exactly."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from endorsements.cli import app
from endorsements.models import Document, Endorsement, Extraction, Span
from endorsements.store import Ledger

runner = CliRunner()


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ENDORSEMENTS_DB", raising=False)
    monkeypatch.setenv("ENDORSEMENTS_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("COLUMNS", "200")
    for name in ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def invoke(*args: str, input: str | None = None) -> Result:
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def stripped(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


def _add(ledger: Ledger, doc_id: str, text: str, day: str, *rels: tuple) -> None:
    doc = Document(doc_id, text, source=f"https://news.example/{doc_id}",
                   published=date.fromisoformat(day))  # fmt: skip
    found = []
    for endorser, stance, endorsee, phrase, extra in rels:
        start = text.index(phrase)
        found.append(
            Endorsement(
                endorser, endorsee, stance, Span(phrase, start, start + len(phrase)), **extra
            )  # fmt: skip
        )
    assert ledger.add_extraction(Extraction(doc, found))


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    with Ledger(url) as ledger:
        ledger.migrate()
        _add(ledger, "a", "Mayor Dana Whit endorsed Ray Pell for mayor.", "2024-01-05",
             ("Dana Whit", "support", "Ray Pell", "Mayor Dana Whit endorsed Ray Pell",
              {"race": "Riverton mayor 2024", "endorser_attrs": {"title": "Mayor"}}))  # fmt: skip
        _add(ledger, "b", "The Riverton Teachers Union backs Tess Ambry.", "2024-02-01",
             ("Riverton Teachers Union", "support", "Tess Ambry",
              "The Riverton Teachers Union backs Tess Ambry",
              {"race": "Riverton mayor 2024", "endorser_type": "union"}))  # fmt: skip
        _add(ledger, "c", "Whit withdrew her endorsement of Ray Pell.", "2024-03-01",
             ("Whit", "withdraw", "Ray Pell", "Whit withdrew her endorsement of Ray Pell",
              {"race": "Riverton mayor 2024"}))  # fmt: skip
        _add(ledger, "d", "Dana W. Whit endorsed Bo Kettering for the Senate.", "2022-05-01",
             ("D. Whit", "support", "Bo Kettering", "Dana W. Whit endorsed Bo Kettering",
              {"race": "Ohio Senate 2022", "endorser_aliases": ["Dana W. Whit"]}))  # fmt: skip
    return url


def test_entities_list_and_show(db: str) -> None:
    result = invoke("entities", "list", "--min-endorsements", "1", "-q", "whit", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert stripped(result.stdout) == [
        "                                2 entities",
        "┏━━━━┳━━━━━━━━━━━┳━━━━━━━━┳━━━━━━━━━━━━┳━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━━━━━┓",
        "┃ ID ┃ Name      ┃ Type   ┃ Category   ┃ Given ┃ Received ┃ Aliases      ┃",
        "┡━━━━╇━━━━━━━━━━━╇━━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━━━━━┩",
        "│  1 │ Dana Whit │ person │ politician │     1 │        0 │ Whit         │",
        "│  6 │ D. Whit   │ person │ other      │     1 │        0 │ Dana W. Whit │",
        "└────┴───────────┴────────┴────────────┴───────┴──────────┴──────────────┘",
    ]
    result = invoke("entities", "show", "Dana Whit", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert stripped(result.stdout) == [
        "Dana Whit  (id 1, person, politician)",
        "Aliases: Whit",
        "Profile: office: Mayor",
        "                                   1 endorsements",
        "┏━━━━┳━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━┳━━━━━━━━━┓",
        "┃ ID ┃ Endorser  ┃ Stance   ┃ Endorsee ┃ Race                ┃ Review     ┃ Sources ┃",
        "┡━━━━╇━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━━━┩",
        "│ 1  │ Dana Whit │ withdraw │ Ray Pell │ Riverton mayor 2024 │ unreviewed │ 2       │",
        "└────┴───────────┴──────────┴──────────┴─────────────────────┴────────────┴─────────┘",
    ]
    assert invoke("entities", "list", "-q", "nobody", "--db", db).stdout == "No entities match.\n"


def test_entities_merge_split_rename(db: str) -> None:
    assert invoke("reject", "3", "--note", "not her", "--reviewer", "ed", "--db", db).exit_code == 0
    result = invoke("entities", "merge", "1", "6", "--db", db)
    assert (result.exit_code, result.stdout) == (
        0,
        "merged 6 into 1 Dana Whit (2 endorsements, 3 aliases)\n",
    )
    result = invoke("entities", "split", "1", "D. Whit", "Dana W. Whit", "--db", db)
    assert (result.exit_code, result.stdout) == (
        0,
        "split 6 D. Whit off 1 (1 endorsements, 1 aliases)\n",  # the merged id comes back
    )
    with Ledger(db) as ledger:
        (row,) = ledger.rows(endorsee="Kettering")
        assert (row.endorser, row.review_state, row.review_note) == (
            "D. Whit",
            "rejected",
            "not her",
        )
    result = invoke("entities", "rename", "1", "Dana Q. Whit", "--db", db)
    assert (result.exit_code, result.stdout) == (0, "renamed 1 to Dana Q. Whit\n")
    result = invoke("entities", "rename", "1", "D. Whit", "--db", db)
    assert result.exit_code == 1
    assert result.stderr == (
        "error: entity 6 is already called 'D. Whit'; use `endorsements entities merge 6 1` instead\n"  # noqa: E501
    )
    result = invoke("entities", "merge", "1", "99", "--db", db)
    assert (result.exit_code, result.stderr) == (
        1,
        "error: no entity with id 99 (see `endorsements entities list`)\n",
    )


def test_races_and_race(db: str) -> None:
    result = invoke("races", "--year", "2022", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert stripped(result.stdout) == [
        "                                      1 races",
        "┏━━━━┳━━━━━━━━━━━━━━━━━━┳━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━┳━━━━━━━━━━━━┳━━━━━━━━━━━━━━┓",
        "┃ ID ┃ Race             ┃ Office ┃ Jurisdiction ┃ Year ┃ Candidates ┃ Endorsements ┃",
        "┡━━━━╇━━━━━━━━━━━━━━━━━━╇━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━╇━━━━━━━━━━━━╇━━━━━━━━━━━━━━┩",
        "│  2 │ Ohio Senate 2022 │ Senate │ Ohio         │ 2022 │          1 │            1 │",
        "└────┴──────────────────┴────────┴──────────────┴──────┴────────────┴──────────────┘",
    ]
    assert invoke("races", "--year", "1999", "--db", db).stdout == "No races match.\n"
    result = invoke("race", "riverton", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert stripped(result.stdout) == [
        "Riverton mayor 2024  office: mayor, jurisdiction: Riverton, year: 2024",
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓",
        "┃ Tess Ambry                      ┃ Ray Pell                         ┃",
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩",
        "│ Riverton Teachers Union (union) │ Dana Whit (politician, withdraw) │",
        "├─────────────────────────────────┼──────────────────────────────────┤",
        "│ 1 supporting: union 1           │ 0 supporting                     │",
        "└─────────────────────────────────┴──────────────────────────────────┘",
    ]
    result = invoke("race", "nowhere", "--db", db)
    assert (result.exit_code, result.stderr) == (
        1,
        "error: no race matches 'nowhere' (see `endorsements races`)\n",
    )


def test_history(db: str) -> None:
    result = invoke("history", "Whit", "Ray Pell", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert stripped(result.stdout) == [
        "                                        Dana Whit on Ray Pell: now withdraw",
        "┏━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓",  # noqa: E501
        "┃ Date       ┃ Stance   ┃ Race                ┃ Source                 ┃ Evidence                                  ┃",  # noqa: E501
        "┡━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩",  # noqa: E501
        "│ 2024-01-05 │ support  │ Riverton mayor 2024 │ https://news.example/a │ Mayor Dana Whit endorsed Ray Pell         │",  # noqa: E501
        "│ 2024-03-01 │ withdraw │ Riverton mayor 2024 │ https://news.example/c │ Whit withdrew her endorsement of Ray Pell │",  # noqa: E501
        "└────────────┴──────────┴─────────────────────┴────────────────────────┴───────────────────────────────────────────┘",  # noqa: E501
    ]  # fmt: skip  # noqa: E501
    result = invoke("history", "Tess Ambry", "Ray Pell", "--db", db)
    assert result.stdout == "No endorsements from Tess Ambry about Ray Pell.\n"


def test_verify_and_reject(db: str) -> None:
    result = invoke("verify", "1", "--reviewer", "ed", "--db", db)
    assert (result.exit_code, result.stdout) == (
        0,
        "#1 Dana Whit withdraw Ray Pell (Riverton mayor 2024): verified by ed\n",
    )
    result = invoke("reject", "2", "--note", "wrong race", "--reviewer", "ed", "--db", db)
    assert result.stdout == (
        "#2 Riverton Teachers Union support Tess Ambry (Riverton mayor 2024): rejected by ed\n"
    )
    result = invoke("reject", "2", "--db", db)
    assert result.exit_code == 2 and "Missing option '--note'" in result.stderr
    result = invoke("verify", "42", "--db", db)
    assert (result.exit_code, result.stderr) == (
        1,
        "error: no endorsement with id 42 (see `endorsements show`)\n",
    )
    with Ledger(db) as ledger:
        states = {r.id: (r.review_state, r.reviewer, r.review_note) for r in ledger.rows()}
    assert states[1] == ("verified", "ed", None)
    assert states[2] == ("rejected", "ed", "wrong race")


def test_show_filters_by_race_and_review(db: str) -> None:
    invoke("reject", "2", "--note", "wrong race", "--reviewer", "ed", "--db", db)
    rows = [
        line.split("│")[1:4]
        for line in invoke(
            "show", "--review", "unreviewed", "--race", "RIVERTON", "--db", db
        ).stdout.splitlines()
        if line.startswith("│")
    ]
    assert [[c.strip() for c in r] for r in rows] == [["1", "Dana Whit", "withdraw"]]
    result = invoke("show", "--review", "rejected", "--race", "ohio", "--db", db)
    assert result.stdout == "No endorsements match.\n"
    assert invoke("show", "--review", "maybe", "--db", db).exit_code == 2


def test_review_walks_the_unreviewed(db: str) -> None:
    # verify #1, reject #2 with a reason, skip #3 then stop
    result = invoke(
        "review", "--reviewer", "ed", "--db", db, input="v\nx\nr\nquoted out of context\ns\nq\n"
    )
    assert result.exit_code == 0, result.stderr
    out = stripped(result.stdout)
    assert out[0] == "[1/3] #1 Dana Whit withdraw Ray Pell  (Riverton mayor 2024)"
    assert out[1:5] == [
        "  2024-01-05 support: “Mayor Dana Whit endorsed Ray Pell”",
        "    https://news.example/a [0:33]",
        "  2024-03-01 withdraw: “Whit withdrew her endorsement of Ray Pell”",
        "    https://news.example/c [0:41]",
    ]
    assert out[-1] == "1 verified, 1 rejected, 1 skipped"
    assert result.stderr.count("[v]erify  [r]eject  [s]kip  [q]uit: ") == 4
    with Ledger(db) as ledger:
        states = [(r.id, r.review_state, r.review_note) for r in ledger.rows()]
    assert states == [
        (1, "verified", None),
        (2, "rejected", "quoted out of context"),
        (3, "unreviewed", None),
    ]
    again = invoke("review", "--limit", "1", "--db", db, input="q\n")
    assert stripped(again.stdout)[0] == "[1/1] #3 D. Whit support Bo Kettering  (Ohio Senate 2022)"
    assert stripped(again.stdout)[-1] == "0 verified, 0 rejected, 0 skipped"


def test_review_with_nothing_to_do(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    with Ledger(url) as ledger:
        ledger.migrate()
    assert invoke("review", "--db", url).stdout == "Nothing to review.\n"


def test_export_fivethirtyeight(db: str) -> None:
    result = invoke("export", "--schema", "fivethirtyeight", "--db", db)
    assert result.exit_code == 0, result.stderr
    # Only current support that is not rejected: the withdrawn row #1 is left out.
    assert result.stdout == (
        "date,position,city,state,endorser,endorsee,endorser party,source,category\n"
        "2024-02-01,,,,Riverton Teachers Union,Tess Ambry,,https://news.example/b,union\n"
        "2022-05-01,,,,D. Whit,Bo Kettering,,https://news.example/d,other\n"
    )
