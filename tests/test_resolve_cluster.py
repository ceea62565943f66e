"""Within-document clustering and the endorser type read from names and descriptions."""

from __future__ import annotations

from dataclasses import dataclass

from endorsements.extract.attributes import endorser_type
from endorsements.resolve.cluster import cluster_mentions


@dataclass
class M:
    name: str
    kind: str
    canonical: str = ""


def canonicals(*mentions: M) -> list[str]:
    cluster_mentions(list(mentions))
    return [m.canonical for m in mentions]


def test_acronym_matches_full_initials() -> None:
    got = canonicals(M("Harbor Nurses Alliance", "organization"), M("HNA", "organization"))
    assert got == ["Harbor Nurses Alliance", "Harbor Nurses Alliance"]


def test_acronym_may_drop_a_leading_word() -> None:
    got = canonicals(
        M("National Brotherhood of Corrections Officers", "organization"),
        M("BCO", "organization"),
    )
    assert got[1] == "National Brotherhood of Corrections Officers"


def test_ambiguous_acronym_stays_alone() -> None:
    got = canonicals(
        M("Harbor Nurses Alliance", "organization"),
        M("Hill Neighbors Association", "organization"),
        M("HNA", "organization"),
    )
    assert got[2] == "HNA"


def test_bare_word_joins_the_organization_of_that_name() -> None:
    got = canonicals(M("Vantage", "organization"), M("Vantage", "unknown"))
    assert got == ["Vantage", "Vantage"]


def test_acronym_is_never_a_person() -> None:
    assert endorser_type("HPJ", "person", set()) == "organization"
    assert endorser_type("Ana Reyes", "person", set()) == "person"


def test_type_from_descriptions() -> None:
    assert endorser_type("Order of Wardens", "organization", {"union"}) == "union"
    assert endorser_type("Valley Sentinel", "organization", set()) == "media"


def test_organization_name_with_no_letters_is_left_alone() -> None:
    """Found by the long fuzz run: a name that folds to nothing."""
    got = canonicals(M("ÐÐ", "organization"), M("<", "organization"), M("G", "organization"))
    assert got == ["ÐÐ", "<", "G"]


def test_a_shorter_name_and_its_acronym_join_the_fullest_name() -> None:
    """ "the Benevolent Order of Wardens" written out in full is still the "National ..."
    named earlier, and so is "BOW", whose initials match the shorter form."""
    got = canonicals(
        M("National Benevolent Order of Wardens", "organization"),
        M("Benevolent Order of Wardens", "organization"),
        M("BOW", "organization"),
    )
    assert got == ["National Benevolent Order of Wardens"] * 3
