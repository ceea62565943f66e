"""The scorer's matching rules (docs/evaluation.md) and the confidence figure."""

from __future__ import annotations

from endorsements.extract.evaluate import (
    attribute_correct,
    confident_precision,
    name_matches,
    score,
)

GOLD = {
    "d1": {
        "endorsements": [
            {
                "endorser": "Sen. Maria Lopez",
                "endorser_aliases": ["Lopez"],
                "endorsee": "Tom Reed",
                "endorsee_aliases": ["Reed"],
                "stance": "support",
                "kind": "vote",
                "race": "Ohio US Senate 2024",
                "certainty": "clear",
            },
            {
                "endorser": "Ana Cruz",
                "endorsee": "Tom Reed",
                "stance": "support",
                "certainty": "borderline",
            },
        ]
    },
    "d2": {"endorsements": []},
}


def test_names_fold_titles_case_accents_and_middle_names() -> None:
    assert name_matches("maria lopez", ["Sen. María López"])
    assert name_matches("Thomas J. Reed", ["Thomas Reed"])
    assert name_matches("@Lopez", ["Lopez"])
    assert not name_matches("Reed", ["Tom Reed"])  # one word must equal a form exactly
    assert not name_matches("Maria Reed", ["Tom Reed"])


def test_score_credits_once_ignores_borderline_and_counts_false_positives() -> None:
    preds = {
        "d1": [
            {
                "endorser": "Lopez",
                "endorsee": "Reed",
                "stance": "support",
                "kind": "vote",
                "race": "US Senate 2024",
                "confidence": 0.9,
            },
            {
                "endorser": "Maria Lopez",
                "endorsee": "Tom Reed",
                "stance": "support",
                "confidence": 0.9,
            },  # a repeat: neither way
            {
                "endorser": "Ana Cruz",
                "endorsee": "Tom Reed",
                "stance": "support",
                "confidence": 0.5,
            },  # borderline: neither way
            {"endorser": "Lopez", "endorsee": "Reed", "stance": "oppose", "confidence": 0.85},
        ],
        "d2": [{"endorser": "A B", "endorsee": "C D", "stance": "support", "confidence": 0.6}],
    }
    result = score(GOLD, preds)
    assert (result.overall.tp, result.overall.fp, result.overall.fn) == (1, 2, 0)
    assert result.by_stance["oppose"].fp == 1
    assert result.attributes["kind"] == [1, 1]
    assert result.attributes["race"] == [1, 1]  # words of one race within the other's
    confident = confident_precision(GOLD, preds)
    assert confident is not None
    assert (confident.tp, confident.fp) == (1, 1)


def test_confident_precision_needs_confidences() -> None:
    assert confident_precision(GOLD, {"d1": [{"endorser": "x", "endorsee": "y"}]}) is None


def test_race_words_are_not_folded_as_titles() -> None:
    assert attribute_correct("race", "governor 2024", "Ohio governor 2024")
    assert not attribute_correct("race", "mayor 2024", "Ohio governor 2024")


def test_an_office_adjective_is_the_office_in_a_race() -> None:
    assert attribute_correct("race", "US president 2016", "US presidential election 2016")
    assert attribute_correct("race", "Ohio gubernatorial", "Ohio governor")
    assert not attribute_correct("race", "US president 2016", "US presidential election 2020")
