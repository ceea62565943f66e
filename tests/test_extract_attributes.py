"""Attributes read from text: the race label (office, place and year only where the text
gives them) and the date of an embedded post."""

from __future__ import annotations

from datetime import date

import pytest

from endorsements.extract.attributes import endorser_type
from endorsements.extract.races import PlaceEvidence, RaceIndex, find_race

PUB = date(2030, 5, 1)


def label(text: str, not_places: set[str] | None = None, places: set[str] | None = None):
    evidence = PlaceEvidence(
        frozenset(not_places or ()), frozenset(places) if places is not None else None
    )
    race = find_race(text, evidence)
    return race.label() if race else None


@pytest.mark.parametrize(
    ("text", "places", "expected"),
    [
        ("ahead of Veloria's presidential runoff", {"Veloria"}, "Veloria presidential runoff"),
        ("in the Ostmark Senate race in 2028", {"Ostmark"}, "Ostmark Senate 2028"),
        ("campaigned in the Ostmark senate race", {"Ostmark"}, "Ostmark senate"),
        ("back Lu Pry in Port Alder mayor's race", {"Port Alder"}, "Port Alder mayor"),
        ("the race for mayor of Port Alder", {"Port Alder"}, "Port Alder mayor"),
        ("the Port Alder mayoral primary", {"Port Alder"}, "Port Alder mayor primary"),
        ("the New Harlow gubernatorial race", {"New Harlow"}, "New Harlow governor"),
        ("faces a challenge in Carvon's 3rd District", {"Carvon"}, "Carvon 3rd District"),
        ("a Carvon congressional candidate", {"Carvon"}, "Carvon congressional"),
        ("the second half of a presidential runoff", set(), "presidential runoff"),
    ],
)
def test_race_labels(text: str, places: set[str], expected: str) -> None:
    assert label(text, places=places) == expected


def test_the_year_is_the_texts_not_the_publication_date() -> None:
    assert label("endorsed her for mayor", places=set()) == "mayor"


def test_a_person_or_group_is_not_a_place() -> None:
    # "Ada Brill's Senate" is her opinion of a race; the office still stands alone
    assert label("Ada Brill's Senate race", not_places={"Ada Brill"}, places=set()) == "Senate"


def test_a_capitalized_title_is_not_a_race() -> None:
    assert label("the Harbor Union President said", places={"Ostmark"}) is None
    assert label("the President said on Monday", places=set()) is None


def test_place_words_must_be_a_place_the_text_names() -> None:
    assert label("After Senate leaders met", places={"Ostmark"}) == "Senate"


def test_sentence_race_falls_back_to_the_documents() -> None:
    index = RaceIndex("The Port Alder mayoral race heats up.", (), {"Port Alder"})
    assert index.race_for("Kim Oda endorsed Lu Pry for mayor.") == "Port Alder mayor"
    assert index.race_for("Kim Oda endorsed Lu Pry.") == "Port Alder mayor"


def test_an_embedded_posts_signature_dates_its_endorsement() -> None:
    from endorsements import extract

    text = (
        "Singer Mira Vell weighed in on the runoff.\n\n"
        "Get out and vote for Dana Pike, Georgia!\n"
        "— Mira Vell (@miravell) January 5, 2031\n\n"
        "She has 80 million followers."
    )
    [result] = extract([text])
    assert [(e.endorser, e.endorsee, e.date) for e in result.endorsements] == [
        ("Mira Vell", "Dana Pike", "2031-01-05")
    ]


def test_head_of_state_contest_is_named_by_the_office() -> None:
    """As for mayors and governors, the office's noun names the race, whatever adjective
    the story uses ("presidential election")."""
    story = "The presidential election is in May. Ada Brill endorsed Lu Pry for president."
    assert RaceIndex(story, (), set()).race_for("The presidential election is in May.") == (
        "president"
    )
    plain = "Ada Brill endorsed Lu Pry for president."
    assert RaceIndex(plain, (), set()).race_for(plain) == "president"


def test_a_dateline_names_the_storys_place_whatever_the_tagger_says() -> None:
    story = "Port Alder mayor's race heats up\n\nPORT ALDER — Kim Oda endorsed Lu Pry for mayor."
    # the tagger called "Port Alder" a person here: the dateline still makes it a place
    index = RaceIndex(story, {"Port Alder"}, set())
    assert index.race_for("Kim Oda endorsed Lu Pry for mayor.") == "Port Alder mayor"


def test_a_relative_date_before_year_one_is_no_date() -> None:
    """Found by the long fuzz run: 'Monday' against a publication date of 0001-01-01."""
    from endorsements import extract
    from endorsements.models import Document

    [result] = extract([Document("d", "Ray Tolle endorsed Dale Fenn on Monday.", date(1, 1, 1))])
    assert [(e.endorser, e.endorsee, e.date) for e in result.endorsements] == [
        ("Ray Tolle", "Dale Fenn", None)
    ]


def test_a_contest_written_office_race_in_place() -> None:
    text = "Ada Brill endorsed Lu Pry in the gubernatorial race in Vermont."
    assert RaceIndex(text, (), None).race_for(text) == "Vermont governor"


def test_a_relation_takes_the_contest_named_just_before_it() -> None:
    """The story's first contest is one race; the paragraph at hand names another."""
    text = (
        "Kim Oda endorsed two candidates in the gubernatorial race in Vermont.\n"
        "Oda also endorsed two Republicans in Maine's 2nd District: Jo Sess and Tia Smil. "
        "Oda hopes that either Sess, whom he endorsed first, or Smil can win."
    )
    sentence = "Oda hopes that either Sess, whom he endorsed first, or Smil can win."
    index = RaceIndex(text, (), None)
    assert index.race_for(sentence, text.find(sentence)) == "Maine 2nd District"
    assert index.race_for(sentence) == "Vermont governor"


def test_a_plural_possessive_place_and_potus() -> None:
    text = "Texas' 3rd Congressional District candidate Mo Pike won."
    assert RaceIndex(text, (), None).race_for(text) == "Texas 3rd Congressional District"
    potus = "She has not said whom she will endorse for POTUS."
    assert RaceIndex(potus, (), None).race_for(potus) == "president"


def test_an_editorial_paper_is_media_whatever_the_tagger_called_it() -> None:
    from endorsements import extract

    text = (
        "Editorial: Our picks\n\nThe Coulee Sentinel-Herald does not make its endorsements "
        "lightly. We endorse Harjit Dhal for mayor."
    )
    [result] = extract([text])
    assert [(e.endorser, e.endorser_type) for e in result.endorsements] == [
        ("Coulee Sentinel-Herald", "media")
    ]


def test_a_network_is_an_organization_whatever_the_tagger_said() -> None:
    assert endorser_type("Prairie Charter Families Network", "person", set()) == "organization"
