"""Scoring predictions against gold annotations, with the matching rules of the shared scorer.

Names are compared after folding case, accents, punctuation, possessives, "@" and leading
titles; two names match when equal, or when they end in the same word and the shorter (of at
least two words) lies within the longer ("Ana M. Reyes" ~ "Ana Reyes"). A prediction
matches a clear gold relation of the same stance whose endorser and endorsee match the gold
name or any alias; each gold relation is credited once. Predictions that match a borderline
relation, or repeat one already credited, count neither way. See docs/evaluation.md.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..models import STANCES
from .races import OFFICE_FOLDS

#: Exactly the shared scorer's list, on purpose: `eval` must score as ../shared/eval/score.py
#: does. It is not resolve.names.TITLES (what the extractor strips) nor store.keys'
#: LEADING_TITLES (frozen so stored keys never move); the three serve different contracts.
LEADING_TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "president",
    "former",
    "vice",
    "mayor",
    "the",
    "congressman",
    "congresswoman",
    "sir",
    "lady",
    "lord",
    "hon",
    "prime",
    "minister",
    "pm",
    "speaker",
    "leader",
    "state",
    "councilmember",
    "councilman",
    "councilwoman",
    "chancellor",
    "premier",
    "mp",
}
ATTRIBUTES = ("kind", "race", "date", "endorser_type")


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def folded_tokens(name: str) -> list[str]:
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    text = re.sub(r"'s\b", "", text.lower().replace("’", "'"))
    toks = [t.lstrip("@") for t in re.findall(r"[a-z0-9@]+", text)]
    while toks and toks[0] in LEADING_TITLES:
        toks.pop(0)
    return toks


def _same(a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return a[-1] == b[-1] and len(short) >= 2 and set(short) <= set(long_)


def name_matches(pred: str, forms: Iterable[str]) -> bool:
    p = folded_tokens(pred)
    return any(_same(p, folded_tokens(f)) for f in forms if f)


def _forms(rel: Mapping[str, Any], role: str) -> list[str]:
    return [rel.get(role) or "", *(rel.get(f"{role}_aliases") or [])]


def relation_matches(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    return (
        pred.get("stance") == gold.get("stance")
        and name_matches(pred.get("endorser", ""), _forms(gold, "endorser"))
        and name_matches(pred.get("endorsee", ""), _forms(gold, "endorsee"))
    )


def _race_words(race: Any) -> set[str]:
    """An office's adjective is folded to the office, as the extractor names races: the
    "gubernatorial race" is the governor's."""
    words = re.findall(r"[a-z0-9]+", _ascii(str(race or "")).lower())
    return {OFFICE_FOLDS.get(w, w) for w in words}


def attribute_correct(name: str, pred: Any, gold: Any) -> bool:
    """Attribute agreement; race compares folded words (one side within the other)."""
    if name == "race":
        # words only: "governor" is a title in a name but the office in a race; an office's
        # adjective is the office ("presidential election" is the president's race)
        p = _race_words(pred)
        g = _race_words(gold)
        return bool(p and g) and (p <= g or g <= p)
    return pred == gold


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Score:
    overall: Counts = field(default_factory=Counts)
    by_stance: dict[str, Counts] = field(default_factory=lambda: {s: Counts() for s in STANCES})
    #: attribute -> [correct, judged] over matched pairs whose gold gives the attribute
    attributes: dict[str, list[int]] = field(
        default_factory=lambda: {a: [0, 0] for a in ATTRIBUTES}
    )
    errors: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    #: confidence threshold -> Counts over predictions at or above it
    docs: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.overall.as_dict(),
            "docs": self.docs,
            "by_stance": {s: c.as_dict() for s, c in self.by_stance.items()},
            "attributes": {
                a: {"correct": c, "judged": n, "accuracy": round(c / n, 4) if n else None}
                for a, (c, n) in self.attributes.items()
            },
        }


def score(
    gold_docs: Mapping[str, Mapping[str, Any]], predictions: Mapping[str, list[Mapping[str, Any]]]
) -> Score:
    result = Score(docs=len(gold_docs))
    for doc_id, gold in gold_docs.items():
        rels = gold.get("endorsements") or []
        clear = [g for g in rels if g.get("certainty", "clear") == "clear"]
        borderline = [g for g in rels if g.get("certainty") == "borderline"]
        credited: set[int] = set()
        for pred in predictions.get(doc_id, []):
            hit = next(
                (i for i, g in enumerate(clear) if i not in credited and relation_matches(pred, g)),
                None,
            )
            stance = pred.get("stance", "")
            if hit is not None:
                credited.add(hit)
                result.overall.tp += 1
                result.by_stance.setdefault(stance, Counts()).tp += 1
                for attr in ATTRIBUTES:
                    if clear[hit].get(attr) is not None:
                        result.attributes[attr][1] += 1
                        if attribute_correct(attr, pred.get(attr), clear[hit][attr]):
                            result.attributes[attr][0] += 1
            elif any(relation_matches(pred, g) for g in borderline) or any(
                relation_matches(pred, clear[i]) for i in credited
            ):
                continue
            else:
                result.overall.fp += 1
                result.by_stance.setdefault(stance, Counts()).fp += 1
                result.errors.append(
                    ("FP", doc_id, str(pred.get("endorser")), stance, str(pred.get("endorsee")))
                )
        for i, g in enumerate(clear):
            if i not in credited:
                result.overall.fn += 1
                result.by_stance.setdefault(g.get("stance", ""), Counts()).fn += 1
                result.errors.append(
                    (
                        "FN",
                        doc_id,
                        g.get("endorser", ""),
                        g.get("stance", ""),
                        g.get("endorsee", ""),
                    )
                )
    return result


def score_by_phenomenon(
    gold_docs: Mapping[str, Mapping[str, Any]],
    predictions: Mapping[str, list[Mapping[str, Any]]],
    field_name: str = "phenomena",
) -> dict[str, Score]:
    """One `Score` per phenomenon tag, over the documents carrying that tag.

    Negative phenomena (negated, hypothetical...) have few gold relations by design; their
    false positives are what the gate watches there.
    """
    tags = sorted({t for doc in gold_docs.values() for t in doc.get(field_name) or []})
    return {
        tag: score(
            {k: v for k, v in gold_docs.items() if tag in (v.get(field_name) or [])}, predictions
        )
        for tag in tags
    }


#: The confidence above which records are meant to be right 95% of the time (issue #3).
CONFIDENT = 0.8


def confident_precision(
    gold_docs: Mapping[str, Mapping[str, Any]],
    predictions: Mapping[str, list[Mapping[str, Any]]],
    threshold: float = CONFIDENT,
) -> Counts | None:
    """Precision among predictions whose confidence is at least `threshold` (None when the
    predictions carry no confidence)."""
    if not any("confidence" in p for preds in predictions.values() for p in preds):
        return None
    kept = {
        k: [p for p in v if float(p.get("confidence", 0)) >= threshold]
        for k, v in predictions.items()
    }
    return score(gold_docs, kept).overall
