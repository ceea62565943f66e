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
    NON_ELECTION_OBJECTS,
    REPORTING_VERBS,
    URGE_VERBS,
)

CONDITION_MARKS = {"if", "unless", "whether", "should", "once"}
CONDITION_WORDS = {"if", "unless", "provided", "assuming"}


#: Arcs by which a claim's truth depends on the word above it.
COMPLEMENT_ARCS = {
    "xcomp",
    "ccomp",
    "advcl",
    "acl",
    "relcl",
    "pcomp",
    "prep",
    "pobj",
    "dobj",
    "attr",
    "conj",
    "oprd",
    "acomp",
}


def _chain(tok: Token) -> list[tuple[Token, str]]:
    """The cue and the words that govern it, each with the arc it was reached by."""
    out = [(tok, "")]
    cur = tok
    for _ in range(6):
        if cur.dep_ in COMPLEMENT_ARCS and cur.head != cur:
            out.append((cur.head, cur.dep_))
            cur = cur.head
        else:
            break
    return out


def _lemma(tok: Token) -> str:
    """The lemma, mended where the small model's lemmatizer is wrong ("hoped" -> "hop")."""
    low = tok.lower_
    if low in ("hoped", "hoping", "hopes"):
        return "hope"
    return tok.lemma_.lower()


def _first_person_declaration(verb: Token) -> bool:
    """ "I will vote for X", "we'll be backing X": a speaker declaring support now."""
    return (
        verb.lemma_.lower() in ("vote", "support", "back", "endorse", "campaign")
        and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children)
        and not any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in verb.children)
    )


def _polite_advice(verb: Token) -> bool:
    """ "I'd tell anyone listening: vote him out", "I would urge voters to...": a speaker's
    advice softened by "would", asserted all the same."""
    return _lemma(verb) in ("tell", "urge", "advise", "encourage", "recommend", "say") and any(
        c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children
    )


def _own_checks(verb: Token, reported: bool, declaration: bool) -> str | None:
    """Negation, modality, future, condition and hedging written on this verb itself."""
    for c in verb.children:
        if c.dep_ == "neg":
            return "negated"
        if c.dep_ == "aux" and c.lower_ in MODAL_AUX:
            return "modal"
        if c.dep_ == "aux" and c.lower_ in FUTURE_AUX and not reported and not declaration:
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
    return None


def blocking_reason(anchor: Token, cue: Token) -> str | None:
    """Why the claim at `anchor` is not asserted, or None when it is.

    The anchor's own negation, modal or future auxiliary, condition or hedge blocks it. Above
    it, a governing verb blocks when the claim is its complement: "declined to [endorse]",
    "is expected to [endorse]", "denied that she [endorsed]", "incorrectly reported that...".
    Coordination passes only the auxiliaries on: in "rejected X and endorsed Y" the first
    verb says nothing about the second.
    """
    if cue != anchor and any(
        c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in ("no", "neither")) for c in cue.children
    ):
        return "negated"  # "no endorsement from X", "won neither endorsement"
    chain = _chain(anchor)
    reported = False
    declaration = _first_person_declaration(anchor)
    for depth, (verb, arc) in enumerate(chain):
        is_verbal = verb.pos_ in ("VERB", "AUX", "ADJ") or verb.dep_ == "ROOT"
        if depth > 0 and not is_verbal:
            continue  # a noun or preposition on the way up
        if depth == 0:
            reason = _own_checks(verb, reported, declaration)
            if reason:
                return reason
        elif arc == "conj":
            # shared auxiliaries sit on the first conjunct: "has not endorsed or backed X"
            if any(c.dep_ in ("neg",) for c in verb.children) and not any(
                c.dep_ in ("aux", "auxpass") for c in chain[depth - 1][0].children
            ):
                return "negated"
            continue
        else:
            reason = _own_checks(verb, reported, False)
            if reason == "future" and _lemma(verb) in ("continue", "keep") and arc == "xcomp":
                reason = None  # "will continue to back X": the backing is already there
            if reason in ("future", "modal") and _polite_advice(verb):
                reason = None
            if reason and not (reason == "future" and arc in ("prep", "pobj", "dobj")):
                return reason
            lemma = _lemma(verb)
            if lemma in NEGATING_GOVERNORS and arc in ("xcomp", "ccomp", "prep", "pobj", "dobj"):
                return "negated"
            if lemma in MODAL_GOVERNORS and arc in ("xcomp", "ccomp"):
                return "modal"
        if _lemma(verb) in REPORTING_VERBS and verb.tag_ in ("VBD", "VBN", "VBZ", "VBP"):
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


REFUSAL_AUX = {"ca", "can", "could", "wo", "will", "would"}


def refusal_to_vote(cand: object) -> bool:
    """ "can't / won't / will never / would never vote for X": opposition, not a negated
    endorsement. Only votes: "has not endorsed X" says nothing against X."""
    cue = cand.cue  # type: ignore[attr-defined]
    if cue.lemma_.lower() != "vote" or cand.stance != "support":  # type: ignore[attr-defined]
        return False
    if cue.pos_ == "NOUN" and cue.head.lemma_.lower() == "give":
        # "don't give X a single vote", "should never give X your vote": a refusal urged
        give = cue.head
        verbs = [give, give.head] if give.dep_ == "xcomp" else [give]  # "don't have to give"
        return any(c.dep_ == "neg" or c.lower_ == "never" for v in verbs for c in v.children)
    children = list(cue.children)
    never = any(c.lower_ == "never" for c in children)
    neg = any(c.dep_ == "neg" for c in children)
    aux = any(c.dep_ == "aux" and c.lower_ in REFUSAL_AUX for c in children)
    # "told supporters not to vote for X": an urged refusal
    urged = neg and cue.dep_ == "xcomp" and cue.head.lemma_.lower() in URGE_VERBS
    return never or (neg and aux) or urged
