"""Unit tests of mention repairs that the small model's tagging makes hard to reach from text.

Spans are built by hand, so each test pins the repair itself, whatever the tagger does with a
given sentence on a given day."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from endorsements.extract.mentions import _after_inner_role, _comma_list, _is_wire_credit

NLP = spacy.blank("en")


def test_role_word_inside_a_place_span_starts_a_persons_name() -> None:
    doc = NLP("King County Councilmember Lina Haddad spoke.")
    span, kind = _after_inner_role(Span(doc, 0, 5, label="GPE"), "place")
    assert (span.text, kind) == ("Lina Haddad", "person")


def test_role_word_followed_by_an_organization_is_not_a_name() -> None:
    doc = NLP("Mayor Pete Coalition met.")
    span, kind = _after_inner_role(Span(doc, 0, 3, label="ORG"), "organization")
    assert (span.text, kind) == ("Mayor Pete Coalition", "organization")


def test_place_without_role_word_is_left_alone() -> None:
    doc = NLP("Harlow County residents voted.")
    span, kind = _after_inner_role(Span(doc, 0, 2, label="GPE"), "place")
    assert (span.text, kind) == ("Harlow County", "place")


def test_agency_credited_in_a_dateline_is_a_wire_credit() -> None:
    doc = NLP("OSLO (Nordic Wire) — The party said it backs Ingrid Solvang.")
    assert _is_wire_credit(Span(doc, 2, 4, label="ORG"))


def test_parenthesized_name_mid_story_is_not_a_wire_credit() -> None:
    doc = NLP("Ingrid Solvang said the party (Bygdefolket) — a farmers' party — backs her.")
    assert not _is_wire_credit(Span(doc, 6, 7, label="ORG"))


def test_an_acronym_tagged_as_a_place_may_endorse() -> None:
    from endorsements.extract.extractor import eligible
    from endorsements.extract.mentions import Mention

    assert eligible(Mention(0, 1, "HFA", "HFA", "place"), "endorser")
    assert not eligible(Mention(0, 1, "Ohio", "Ohio", "place"), "endorser")


def test_a_comma_list_of_organizations_tagged_as_one_is_split() -> None:
    doc = NLP("Backers: the Harbor Teachers Association, Service Workers International Union.")
    parts = _comma_list(Span(doc, 3, 11, label="ORG"))
    assert [p.text for p in parts] == [
        "Harbor Teachers Association",
        "Service Workers International Union",
    ]


def test_a_name_with_a_comma_inside_stays_whole() -> None:
    """ "Union of City, County and Harbor Workers": "City" ends no name."""
    doc = NLP("Backed by the Union of City, County and Harbor Workers.")
    span = Span(doc, 3, 11, label="ORG")
    assert [p.text for p in _comma_list(span)] == [span.text]
