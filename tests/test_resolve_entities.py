"""Cross-document entity matching, entity profiles and race labels: pure logic, no database."""

from __future__ import annotations

import doctest

import pytest

from endorsements.resolve import (
    Candidate,
    Mention,
    absorbs_surname,
    category,
    describe,
    match,
    profile,
)
from endorsements.resolve import races as races_module
from endorsements.resolve.races import parse_race


def person(id_: int, key: str, aliases: tuple[str, ...] = (), **facts: str) -> Candidate:
    return Candidate(id_, key, "person", frozenset(aliases), facts)


def org(id_: int, key: str, aliases: tuple[str, ...] = ()) -> Candidate:
    return Candidate(id_, key, "organization", frozenset(aliases), {})


# --- match --------------------------------------------------------------------------------------


def test_same_key_is_the_same_entity() -> None:
    assert match(Mention("dana whit", "person"), [person(1, "dana whit")]) == 1


def test_full_name_variant_with_a_middle_initial_joins() -> None:
    assert match(Mention("ana m reyes", "person"), [person(1, "ana reyes")]) == 1
    assert match(Mention("ana reyes", "person"), [person(1, "ana m reyes")]) == 1


def test_a_name_its_document_also_gave_in_full_joins_that_entity() -> None:
    cands = [person(1, "dana whit")]
    run_on = Mention("go dana whit", "person", alias_keys=frozenset({"dana whit", "whit"}))
    assert match(run_on, cands) == 1
    assert match(Mention("go dana whit", "person"), cands) is None


def test_two_people_sharing_a_surname_stay_apart() -> None:
    cands = [person(1, "carla obrenn"), person(2, "marcus obrenn")]
    assert match(Mention("delia obrenn", "person"), cands) is None
    # a bare surname with two holders and nothing tying it to either starts a new entity
    assert match(Mention("obrenn", "person"), cands) is None


def test_bare_surname_joins_the_only_holder() -> None:
    cands = [person(1, "carla obrenn", ("obrenn",))]
    assert match(Mention("obrenn", "person"), cands) == 1


def test_a_longer_variant_of_the_holder_does_not_make_the_surname_ambiguous() -> None:
    cands = [person(1, "carla obrenn"), person(2, "go carla obrenn", ("carla obrenn",))]
    assert match(Mention("obrenn", "person"), cands) == 1


def test_bare_surname_with_a_conflicting_party_stays_apart() -> None:
    cands = [person(1, "carla obrenn", party="Democratic")]
    assert match(Mention("obrenn", "person", {"party": "Republican"}), cands) is None


def test_bare_surname_with_two_holders_needs_a_tie() -> None:
    cands = [
        person(1, "carla obrenn", office="Sen.", state="Ohio"),
        person(2, "marcus obrenn", office="Mayor"),
    ]
    tied = Mention("obrenn", "person", {"office": "Sen.", "state": "Ohio"})
    assert match(tied, cands) == 1


def test_a_first_name_alias_needs_a_tie() -> None:
    cands = [person(1, "kimber lazlo", ("kimber",))]
    assert match(Mention("kimber", "person"), cands) is None


def test_a_surname_tagged_as_an_organization_joins_its_known_person() -> None:
    cands = [person(1, "carla obrenn", ("obrenn",))]
    assert match(Mention("obrenn", "organization"), cands) == 1
    # not when some group is known by that word, nor when no text used it as her surname
    assert (
        match(Mention("obrenn", "organization"), [*cands, org(2, "obrenn group", ("obrenn",))]) == 2
    )
    assert match(Mention("obrenn", "organization"), [person(1, "carla obrenn")]) is None


def test_handle_joins_its_one_owner() -> None:
    cands = [person(1, "ana reyes", ("anareyesla",)), person(2, "anabel reyes")]
    assert match(Mention("anareyesla", "handle", is_handle=True), cands) == 1


def test_acronym_alias_joins_one_organization_not_a_person() -> None:
    cands = [org(1, "riverton teachers union", ("rtu",)), person(2, "rita tu", ("rtu",))]
    assert match(Mention("rtu", "organization"), cands) == 1


def test_nothing_matches_an_empty_ledger() -> None:
    assert match(Mention("dana whit", "person"), []) is None


def test_absorbs_surname_only_when_the_full_name_is_its_only_holder() -> None:
    full = person(1, "carla obrenn")
    bare = person(2, "obrenn")
    assert absorbs_surname(full, bare, [full, bare])
    other = person(3, "marcus obrenn")
    assert not absorbs_surname(full, bare, [full, bare, other])
    assert not absorbs_surname(
        person(1, "carla obrenn", party="Democratic"),
        person(2, "obrenn", party="Republican"),
        [full],
    )


# --- profile and category -----------------------------------------------------------------------


def test_profile_reads_titles_and_party_tags() -> None:
    assert profile({"title": "Sen.", "tag": "D-Calif."}) == {
        "party": "Democratic",
        "state": "Calif",
        "office": "Sen.",
    }
    assert profile({"title": "reality TV star"}) == {"description": "reality TV star"}
    assert profile({"title": "Former Governor", "party": "R"}) == {
        "party": "Republican",
        "office": "Governor",
        "former": "yes",
    }
    assert profile({}) == {}


def test_honorifics_are_no_description() -> None:
    assert profile({"title": "Mrs"}) == {}
    assert profile({"title": "Dr."}) == {}


DESCRIBED = (
    "Lio Marchetti has joined the celebrities endorsing billionaire businessman Ray Pell. "
    "Marchetti, a model and entertainer, spoke. A ringing endorsement from legendary rapper "
    "Jaylo Quist followed. Basketball great Bo Kettering agreed. He told Tess Ambry. "
    "The reality TV star Lio Marchetti laughed. It backed Tess Ambry NBA champion Quin Oddly."
)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Ray Pell"], "billionaire businessman"),  # not "celebrities endorsing ..."
        (["Jaylo Quist"], "legendary rapper"),  # not "endorsement from ..."
        (["Bo Kettering"], "Basketball great"),
        (["Lio Marchetti", "Marchetti"], "reality TV star"),
        (["Marchetti"], "model and entertainer"),
        (["Tess Ambry"], None),  # "told" is no role
        (["Quin Oddly"], "NBA champion"),  # not "Ambry NBA champion"
        (["Nobody Here"], None),
    ],
)
def test_describe(names: list[str], expected: str | None) -> None:
    assert describe(DESCRIBED, names) == expected


@pytest.mark.parametrize(
    ("name", "type_", "attrs", "expected"),
    [
        ("Dana Whit", "person", {"title": "Mayor"}, "politician"),
        ("Dana Whit", "person", {"party": "D"}, "politician"),
        ("Lio Marchetti", "person", {"title": "reality TV star"}, "entertainer"),
        ("Bo Kettering", "person", {"title": "basketball great"}, "athlete"),
        ("Ray Pell", "person", {"title": "billionaire businessman"}, "business"),
        ("Tess Ambry", "person", {"title": "radio host"}, "media"),
        ("Quin Oddly", "person", {}, "other"),
        ("Riverton Teachers Union", "organization", {}, "union"),
        ("Riverton Teachers Union", "union", {}, "union"),
        ("Green Valley Party", "organization", {}, "party"),
        ("Riverton Gazette editorial board", "organization", {}, "media"),
        ("Citizens for Clean Rivers PAC", "organization", {}, "pac"),
        ("League of Riverton Voters", "organization", {}, "advocacy"),
        ("Kettle Foods Inc.", "organization", {}, "business"),
        ("Blue Heron", "organization", {}, "other"),
    ],
)
def test_category(name: str, type_: str, attrs: dict[str, str], expected: str) -> None:
    assert category(name, type_, attrs) == expected


# --- races --------------------------------------------------------------------------------------


def test_race_doctests() -> None:
    assert doctest.testmod(races_module).failed == 0


@pytest.mark.parametrize(
    ("label", "office", "jurisdiction", "year"),
    [
        ("Riverton mayor 2024", "mayor", "Riverton", 2024),
        ("Ohio Republican Senate primary", "Senate", "Ohio", None),
        ("Valdoria's presidential runoff 2022", "president", "Valdoria", 2022),
        ("the Riverton. This President 2016", "President", None, 2016),
        ("U.S. Senate", "US Senate", None, None),
        ("mayoral primary", "mayor", None, None),
    ],
)
def test_parse_race(label: str, office: str, jurisdiction: str | None, year: int | None) -> None:
    assert parse_race(label) == races_module.RaceParts(office, jurisdiction, year)
