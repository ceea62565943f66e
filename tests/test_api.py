"""The Python API the README shows: `from endorsements import extract`."""

from __future__ import annotations

from endorsements import Document, extract


def test_extract_strings_as_in_the_readme() -> None:
    text = "The Riverside Teachers Union endorsed Maria Lopez for mayor on Friday."
    [result] = extract([text])
    [e] = result.endorsements
    assert (e.endorser, e.stance, e.endorsee) == (
        "Riverside Teachers Union",
        "support",
        "Maria Lopez",
    )
    assert e.endorser_type == "union"
    assert text[e.evidence.start : e.evidence.end] == e.evidence.text
    assert 0.0 <= e.confidence <= 1.0
    assert e.race is not None and "mayor" in e.race


def test_extract_documents_keeps_ids_order_and_resolves_relative_dates() -> None:
    from datetime import date

    docs = [
        Document("b", "Nothing about elections here."),
        Document("a", "On Friday, Sen. Ana Cruz endorsed Tom Reed.", published=date(2024, 3, 12)),
    ]
    results = extract(docs)
    assert [r.document.id for r in results] == ["b", "a"]
    assert results[0].endorsements == []
    [e] = results[1].endorsements
    assert e.date == "2024-03-08"  # the Friday before publication
    assert e.endorser_attrs.get("title") == "Sen."
