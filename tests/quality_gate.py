"""The extraction quality gate: floors that a change may not lower without saying so.

`tests/test_quality_gate.py` runs the extractor over the fixture corpus and compares each
figure with `tests/corpus/floors.json`. After an improvement, raise the floors with

    .venv/bin/python tests/quality_gate.py --write

and commit the new file; lowering a floor is a visible change in review, never a side effect.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
CORPORA = {"articles": HERE / "corpus" / "articles.jsonl"}
FLOORS = HERE / "corpus" / "floors.json"


def load(path: Path) -> dict[str, dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return {str(r["id"]): r for r in map(json.loads, filter(str.strip, fh))}


def measure() -> dict[str, Any]:
    from endorsements.extract.evaluate import score, score_by_phenomenon
    from endorsements.models import Document
    from endorsements.pipeline import extract_documents

    out: dict[str, Any] = {}
    for name, path in CORPORA.items():
        gold = load(path)
        docs = [Document(k, v["text"]) for k, v in gold.items()]
        preds = {
            ex.document.id: [e.to_dict() for e in ex.endorsements] for ex in extract_documents(docs)
        }
        overall = score(gold, preds).overall
        out[name] = {
            "overall": {"precision": overall.precision, "recall": overall.recall, "f1": overall.f1},
            "phenomena": {
                tag: {
                    "precision": s.overall.precision if s.overall.tp + s.overall.fp else 1.0,
                    "recall": s.overall.recall if s.overall.tp + s.overall.fn else 1.0,
                    "false_positives": s.overall.fp,
                }
                for tag, s in score_by_phenomenon(gold, preds).items()
            },
        }
    return out


def floors_from(measured: dict[str, Any]) -> dict[str, Any]:
    """Measured figures rounded down to two decimals (false positives: exact ceilings)."""

    def down(x: float) -> float:
        return math.floor(x * 100) / 100

    floors: dict[str, Any] = {}
    for corpus, m in measured.items():
        floors[corpus] = {
            "overall": {k: down(v) for k, v in m["overall"].items()},
            "phenomena": {
                tag: {
                    "precision": down(v["precision"]),
                    "recall": down(v["recall"]),
                    "max_false_positives": v["false_positives"],
                }
                for tag, v in m["phenomena"].items()
            },
        }
    return floors


def main(argv: list[str]) -> int:
    measured = measure()
    if "--write" in argv:
        FLOORS.write_text(
            json.dumps(floors_from(measured), indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        print(f"wrote {FLOORS}")
    print(json.dumps(measured, indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
