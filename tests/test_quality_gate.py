"""Extraction may not silently regress: every floor in tests/corpus/floors.json holds.

See tests/quality_gate.py for how the floors are measured and raised.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from quality_gate import FLOORS, measure


@pytest.fixture(scope="module")
def measured() -> dict[str, Any]:
    return measure()


def floors() -> list[tuple[str, str, str, str, float]]:
    data = json.loads(FLOORS.read_text(encoding="utf-8"))
    rows = []
    for corpus, f in data.items():
        for metric, value in f["overall"].items():
            rows.append((corpus, "overall", "", metric, value))
        for tag, vals in f["phenomena"].items():
            for metric, value in vals.items():
                rows.append((corpus, "phenomena", tag, metric, value))
    return rows


@pytest.mark.parametrize(
    ("corpus", "section", "tag", "metric", "floor"), floors(), ids=lambda v: str(v)
)
def test_floor_holds(
    measured: dict[str, Any], corpus: str, section: str, tag: str, metric: str, floor: float
) -> None:
    got = measured[corpus][section]
    if tag:
        got = got[tag]
    if metric == "max_false_positives":
        assert got["false_positives"] <= floor, f"{tag}: more false positives than before"
    else:
        assert got[metric] >= floor, f"{corpus} {tag or 'overall'} {metric} fell below {floor}"


def test_every_phenomenon_has_a_floor(measured: dict[str, Any]) -> None:
    data = json.loads(FLOORS.read_text(encoding="utf-8"))
    for corpus, m in measured.items():
        assert set(m["phenomena"]) <= set(data[corpus]["phenomena"]), (
            "a phenomenon in the corpus has no floor yet: run tests/quality_gate.py --write"
        )
