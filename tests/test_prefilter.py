"""The first pass: which sentences reach the full parse, and evidence offsets that still slice
the original text. Every text here is invented."""

from __future__ import annotations

import pytest

from endorsements import extract
from endorsements.extract.prefilter import Prefilter, Reduced, inflections
from endorsements.models import Document
from endorsements.settings import load_settings

ON = load_settings(prefilter=True, workers=1)
OFF = load_settings(prefilter=False, workers=1)

FILLER = (
    "The county fair opened on a warm Saturday morning. Vendors sold pies and quilts. "
    "A brass band played near the gate until noon. "
)
LATE = (
    FILLER * 3
    + "\n\nCouncilwoman Ilse Varga spoke at the library on Monday. "
    + "She endorsed Tobias Renner for mayor, calling him a steady hand.\n\n"
    + FILLER
)
QUOTED = (
    FILLER
    + "\n\nOmar Delacroix took the stage on Friday. “I have watched this race closely. "
    + "I am voting for Petra Lindqvist,” he said.\n\n"
    + FILLER
)
NOTHING = FILLER * 4


def triples(text: str, settings) -> set[tuple[str, str, str]]:
    [ex] = extract([text], settings)
    return {(e.endorser, e.stance, e.endorsee) for e in ex.endorsements}


def test_text_without_a_cue_is_not_parsed_at_all() -> None:
    reduced = Prefilter().reduce(NOTHING)
    assert reduced.text == "" and reduced.runs == ()
    assert extract([NOTHING], ON)[0].endorsements == []


def test_only_the_cue_sentence_and_its_context_are_kept() -> None:
    reduced = Prefilter().reduce(LATE)
    assert "She endorsed Tobias Renner" in reduced.text
    assert "Ilse Varga spoke" in reduced.text  # the antecedent of "She"
    assert "brass band" not in reduced.text.split("Ilse Varga")[1]
    assert reduced.fraction < 0.5


@pytest.mark.parametrize("text", [LATE, QUOTED], ids=["pronoun", "quote-speaker"])
def test_same_relations_with_and_without_the_first_pass(text: str) -> None:
    assert triples(text, ON) == triples(text, OFF)
    assert triples(text, ON)  # the cases state a relation: the comparison is not vacuous


@pytest.mark.parametrize("text", [LATE, QUOTED], ids=["pronoun", "quote-speaker"])
def test_evidence_offsets_slice_the_original_text(text: str) -> None:
    [on] = extract([Document("d", text)], ON)
    [off] = extract([Document("d", text)], OFF)
    assert on.endorsements
    for e in on.endorsements:
        assert text[e.evidence.start : e.evidence.end] == e.evidence.text
    assert [(e.evidence.start, e.evidence.end) for e in on.endorsements] == [
        (e.evidence.start, e.evidence.end) for e in off.endorsements
    ]


def test_offsets_map_through_gaps() -> None:
    original = "aaaa. bbbb. cccc. dddd."
    # keep "aaaa." (0-5) and "cccc." (12-17), joined by a blank line
    reduced = Reduced("aaaa.\n\ncccc.", ((0, 0, 5), (7, 12, 5)), original)
    assert reduced.to_original(0) == 0
    assert reduced.to_original(5, end=True) == 5
    assert reduced.to_original(7) == 12
    assert reduced.to_original(12, end=True) == 17
    assert original[reduced.to_original(7) : reduced.to_original(12, end=True)] == "cccc."


def test_inflections_cover_regular_and_irregular_forms() -> None:
    assert {"endorse", "endorses", "endorsed", "endorsing"} <= inflections("endorse")
    assert {"rallies", "rallied"} <= inflections("rally")
    assert {"threw", "thrown"} <= inflections("throw")


def test_a_prefilter_setting_of_false_from_the_environment_turns_it_off(monkeypatch) -> None:
    monkeypatch.setenv("ENDORSEMENTS_PREFILTER", "false")
    assert load_settings().prefilter is False
    monkeypatch.setenv("ENDORSEMENTS_PREFILTER", "maybe")
    from endorsements.errors import ConfigError

    with pytest.raises(ConfigError, match="'maybe' is not true or false"):
        load_settings()
