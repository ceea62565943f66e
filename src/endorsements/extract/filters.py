"""Is a claim asserted as having happened? Negation, modality, condition and object type.

A cue only yields a record when the text reports the act: "declined to endorse", "is expected
to endorse", "would support him if" and "endorsed the bill" are all cues without relations.
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import (
    FUTURE_AUX,
    HEDGES,
    MODAL_AUX,
    MODAL_GOVERNORS,
    NEGATING_GOVERNORS,
    NEGATIONS,
    NON_ELECTION_OBJECTS,
    REPORTING_VERBS,
)

CONDITION_MARKS = {"if", "unless", "whether", "should", "once"}
CONDITION_WORDS = {"if", "unless", "provided", "assuming"}


def _chain(tok: Token) -> list[Token]:
    """The cue and the verbs that govern it as complements ("declined to [endorse]")."""
    out = [tok]
    cur = tok
    for _ in range(5):
        if (
            cur.dep_
            in ("xcomp", "ccomp", "conj", "advcl", "acl", "pcomp", "pobj", "prep", "dobj", "attr")
            and cur.head != cur
        ):
            cur = cur.head
            out.append(cur)
        else:
            break
    return out


def _first_person_declaration(verb: Token) -> bool:
    """ "I will vote for X", "we'll be backing X": a speaker declaring support now."""
    return (
        verb.lemma_.lower() in ("vote", "support", "back", "endorse", "campaign")
        and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children)
        and not any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in verb.children)
    )


def blocking_reason(anchor: Token, cue: Token) -> str | None:
    """Why the claim at `anchor` is not asserted, or None when it is."""
    chain = _chain(anchor)
    if cue != anchor and cue not in chain:
        chain = [cue, *chain]
    reported = False
    for depth, verb in enumerate(chain):
        children = list(verb.children)
        lemmas = {c.lower_ for c in children}
        if depth > 0 and verb.dep_ not in ("ROOT",) and verb.pos_ not in ("VERB", "AUX", "ADJ"):
            # a noun or preposition on the way up: keep climbing, nothing to check here
            continue
        if lemmas & NEGATIONS and any(c.dep_ == "neg" for c in children):
            return "negated"
        if any(c.dep_ == "neg" for c in children):
            return "negated"
        if depth > 0 and verb.lemma_.lower() in NEGATING_GOVERNORS and verb.pos_ in ("VERB", "ADJ"):
            return "negated"
        for c in children:
            if c.dep_ == "aux" and c.lower_ in MODAL_AUX:
                return "modal"
            if (
                c.dep_ == "aux"
                and c.lower_ in FUTURE_AUX
                and not reported
                and not (depth == 0 and _first_person_declaration(verb))
            ):
                head = verb.head if verb.dep_ == "ccomp" else None
                if (
                    head is None
                    or head.lemma_.lower() not in REPORTING_VERBS
                    or head.tag_ not in ("VBD", "VBN")
                ):
                    return "future"
            if c.dep_ == "mark" and c.lower_ in CONDITION_MARKS:
                return "conditional"
            if c.dep_ == "advmod" and c.lower_ in HEDGES:
                return "hedged"
        if depth > 0 and verb.lemma_.lower() in MODAL_GOVERNORS:
            return "modal"
        if verb.lemma_.lower() in REPORTING_VERBS and verb.tag_ in ("VBD", "VBN", "VBZ", "VBP"):
            reported = True
        if verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in verb.children
        ):
            return "conditional"
    # "would support him if he raises money": a condition anywhere after the cue
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | MODAL_AUX for c in anchor.children):
        tail = anchor.doc[anchor.i : anchor.sent.end]
        if any(t.lower_ in CONDITION_WORDS for t in tail):
            return "conditional"
    return None


def non_election_object(tok: Token) -> bool:
    """The object is a bill, plan or product, not a candidate."""
    words = {tok.lemma_.lower()} | {
        c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod")
    }
    return bool(words & NON_ELECTION_OBJECTS)
