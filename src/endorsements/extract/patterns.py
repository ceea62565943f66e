"""Dependency patterns: from a cue word to its endorser and endorsee tokens.

Each function handles one grammatical form of stating support and yields `Candidate`s with
the tokens that fill the roles; `arguments.py` then turns tokens into named mentions and
`filters.py` decides whether the claim is asserted (not negated, hypothetical or about a bill).
Every pattern has an example sentence in `tests/test_patterns.py`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Token

from .lexicon import (
    AGENT_NOUNS,
    BALLOT_HEADS,
    CAMPAIGN_ROLE_NOUNS,
    GIVE_OBJECTS,
    GIVE_VERBS,
    MERIT_OBJECTS,
    MERIT_VERBS,
    NOUN_CUES,
    RECEIVE_VERBS,
    URGE_VERBS,
    VERB_CUES,
    WITHDRAW_VERBS,
    VerbCue,
)

GENERIC_URGED = {
    "neighbor",
    "neighbour",
    "anyone",
    "everybody",
    "parent",
    "voter",
    "supporter",
    "follower",
    "member",
    "people",
    "fan",
    "resident",
    "american",
    "citizen",
    "everyone",
    "listener",
    "viewer",
    "reader",
    "constituent",
    "worker",
    "you",
    "backer",
    "all",
    "delegate",
    "colleague",
    "friend",
    "audience",
    "crowd",
}
AGAINST_VERBS = {
    "campaign",
    "advocate",
    "rally",
    "fight",
    "speak",
    "vote",
    "work",
    "come",
    "turn",
    "organize",
    "mobilize",
    "agitate",
    "lobby",
    "stump",
    "argue",
}
# Verbs of wanting an endorsement, which say nobody has given it yet.
SEEK_VERBS = {
    "seek",
    "court",
    "pursue",
    "want",
    "covet",
    "need",
    "ask",
    "request",
    "solicit",
    "chase",
    "lobby",
    "angle",
    "hope",
    "await",
    "expect",
}


@dataclass
class Candidate:
    cue: Token
    stance: str
    kind: str
    rule: str
    endorsers: list[Token] = field(default_factory=list)
    endorsees: list[Token] = field(default_factory=list)
    #: The verb whose negation and modality decide whether the claim is asserted.
    anchor: Token | None = None
    #: Base confidence of the pattern before argument penalties.
    base: float = 0.85
    #: Tried when no endorser resolves: "its members voted to rescind its endorsement".
    fallback_endorsers: list[Token] = field(default_factory=list)


def subject(verb: Token, depth: int = 0) -> Token | None:
    """The (logical) subject of a verb, climbing shared-subject chains.

    With two subjects (a dateline parsed as one: "DAYTON — Grant rescinded"), the one
    nearest the verb wins.
    """
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:
        before = [c for c in subjects if c.i < verb.i]
        return before[-1] if before else subjects[0]
    shared = _headline_shared_subject(verb)
    if shared is not None:
        return shared
    if depth > 4 or verb.head == verb:
        return None
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp":
        return subject(verb.head.head, depth + 1)  # "I am proud to endorse X"
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        head = verb.head
        if verb.dep_ == "xcomp" and head.lemma_ in URGE_VERBS:
            return None  # "urged voters to back X": handled by the urge rule
        if (
            verb.dep_ == "xcomp"
            and head.lemma_.lower() in OBJECT_CONTROL
            and any(c.dep_ == "dobj" for c in head.children)
        ):
            return None  # "asked Grant to endorse": the object, not the subject, would act
        passive = any(c.dep_ == "nsubjpass" for c in head.children)
        if passive and verb.dep_ == "xcomp":
            return None
        return subject(head, depth + 1)
    if verb.dep_ == "relcl":
        return verb.head
    if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN",):
        return verb.head
    return None


#: Verbs that mean backing only when someone urges them on voters: "told voters to elect X".
URGED_CHOICE_VERBS = {"elect", "reelect", "re-elect", "choose", "pick", "select"}

#: Verbs whose object, not subject, does what the infinitive says: "asked Grant to endorse".
OBJECT_CONTROL = URGE_VERBS | {
    "ask",
    "persuade",
    "convince",
    "push",
    "pressure",
    "want",
    "expect",
    "get",
    "lobby",
    "need",
    "force",
    "invite",
    "allow",
    "let",
    "encourage",
    "urge",
    "beg",
    "implore",
    "tell",
    "press",
    "challenge",
    "dare",
    "order",
}


def _named_by_copula(group: Token) -> list[Token]:
    """The names a clause gives a group: "Among those backing X are A and B" (the group is in
    an "among" phrase of "be"), "Those backing X include A and B" (the group is the subject of
    "include" or "be")."""
    verb = None
    if group.dep_ == "pobj" and group.head.lower_ == "among":
        verb = group.head.head
        slots = ("nsubj", "attr")
    elif group.dep_ == "nsubj":
        verb = group.head
        slots = ("attr", "dobj")
    if verb is None or verb.lemma_ not in ("be", "include"):
        return []
    return [c for c in verb.children if c.dep_ in slots and c.pos_ == "PROPN" and c != group]


def _headline_shared_subject(verb: Token) -> Token | None:
    """ "Tran quits leadership race, backs Malhotra": a headline's second verb shares the
    first's subject, though the parser makes the first clause a complement of the second."""
    if verb.tag_ != "VBZ" or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    for c in verb.children:
        if c.dep_ == "ccomp" and c.i < verb.i and c.tag_ == "VBZ":
            subj = next((s for s in c.children if s.dep_ == "nsubj" and s.pos_ != "PRON"), None)
            if subj is not None:
                return subj
    return None


def passive_subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if subjects:
        nominal = [c for c in subjects if c.pos_ != "PRON"]
        return (nominal or subjects)[-1]
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":
        head = verb.head
        agent_of = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "agent" else None
        if (
            agent_of is not None
            and agent_of.lemma_.lower() in VERB_CUES
            and agent_of.tag_ == "VBN"
            and verb.i > head.i
            and verb.doc[verb.i - 1].text == ","
        ):
            # "X — proposed by A, seconded by B": B seconded X, not A
            return passive_subject(agent_of)
        return head
    if verb.dep_ == "conj":
        return passive_subject(verb.head)
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.i < verb.head.i:
        # "Endorsed by the union, Hale won the primary"
        return subject(verb.head)
    return None


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    if (
        verb.tag_ == "VBN"
        and verb.dep_ in ("acl", "relcl", "amod", "advcl")
        and any(c.dep_ == "agent" for c in verb.children)
    ):
        return True
    return verb.tag_ == "VBN" and verb.dep_ == "conj" and is_passive(verb.head)


def agents(verb: Token) -> list[Token]:
    return [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]


def objects(verb: Token, preps: tuple[str, ...], takes_object: bool) -> list[Token]:
    out: list[Token] = []
    for child in verb.children:
        if takes_object and child.dep_ in ("dobj", "obj"):
            out.append(child)
        elif (
            verb.lemma_.lower() == "vote"
            and child.dep_ == "dobj"
            and (child.pos_ == "PROPN" or child.ent_type_)
            and child.is_title
            and child.left_edge.i == verb.i + 1  # right after the verb: "vote Labour"
        ):
            out.append(child)  # "vote Labour", "voted Maple Alliance": the party voted for
        elif child.dep_ == "prep" and child.lower_ in preps:
            out.extend(p for p in child.children if p.dep_ == "pobj")
        elif (
            takes_object
            and child.dep_ == "ccomp"
            and child.pos_ == "PROPN"
            and child.i > verb.i
            and not any(c.pos_ in ("VERB", "AUX") for c in child.children)
        ):
            # "endorsed Democratic candidate Abdul Sayed": the small parser sometimes makes
            # the named object a clause of its own, with the first name as its subject
            out.append(child)
    return out


def prep_objects(tok: Token, preps: set[str] | tuple[str, ...]) -> list[Token]:
    return [
        p
        for c in tok.children
        if c.dep_ in ("prep", "dative") and c.lower_ in preps  # "gave X to Y": dative "to"
        for prep in (c, *[s for s in c.conjuncts if s.lower_ == c.lower_])  # "of A and of B"
        for p in prep.children
        if p.dep_ == "pobj"
    ]


def _joined_in(tok: Token) -> Token | None:
    """The "join" of "A joined B in endorsing X" above the gerund, also when the parser hangs
    "in endorsing" on B's noun phrase ("joins some of the names in backing X")."""
    if tok.dep_ != "pcomp" or tok.head.lower_ != "in":
        return None
    g = tok.head.head
    for _ in range(4):
        if g.lemma_ == "join":
            return g
        if g.dep_ not in ("pobj", "prep", "dobj") or g.head == g:
            return None
        g = g.head
    return None


def _actor_acl(verb: Token) -> Token | None:
    """ "celebrities endorsing X" inside "Y joined the list of celebrities endorsing X"."""
    noun = verb.head
    hops = 0
    while hops < 4 and noun.dep_ in ("pobj", "dobj", "prep", "attr", "appos") and noun.head != noun:
        noun = noun.head
        hops += 1
        if noun.pos_ in ("VERB", "AUX"):
            return subject(noun)
    return None


def _is_measure_name(tok: Token) -> bool:
    return any(t.lower_ in BALLOT_HEADS for t in tok.subtree)


def _in_frame(tok: Token, frame: str) -> bool:
    """Does the verb stand in the frame its cue needs (see `VerbCue.frame`)?"""
    if frame == "purpose":
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    if frame == "electoral":
        return (
            (tok.dep_ == "xcomp" and tok.head.lemma_ in URGE_VERBS)
            or any(c.dep_ == "dobj" and _is_measure_name(c) for c in tok.children)
            or any(
                s.lemma_.lower() in ("endorse", "back", "support", "recommend")
                for s in (*tok.conjuncts, tok.head)
            )
        )
    return True


def verb_candidates(tok: Token) -> Iterator[Candidate]:
    """Verb cues: active, passive, participles, relative clauses, urging, gapping."""
    cue = VERB_CUES.get(tok.lemma_.lower())
    if (
        cue is None
        and tok.lemma_.lower() in URGED_CHOICE_VERBS
        and tok.dep_ == "xcomp"
        and tok.head.lemma_.lower() in URGE_VERBS
    ):
        # "told voters to elect X", "urged residents to choose X"
        cue = VerbCue("support", "endorsement")
    # the small model sometimes tags a verb form NOUN or ADJ; its fine tag still says VB*
    if tok.pos_ != "VERB" and not tok.tag_.startswith("VB"):
        return
    # "campaigned against X", "voted against X": opposition by preposition
    against = prep_objects(tok, ("against",))
    if against and tok.lemma_.lower() in AGAINST_VERBS | set(VERB_CUES):
        yield Candidate(
            tok,
            "oppose",
            "campaigning",
            "verb-against",
            [s for s in [subject(tok)] if s is not None],
            against,
            tok,
            0.8,
        )
    if cue is None:
        return
    if tok.lemma_.lower() == "vote" and any(
        c.dep_ == "prt" and c.lower_ == "out" for c in tok.children
    ):
        # "vote him out", "voters should vote out the incumbent": opposition
        ousted = [c for c in tok.children if c.dep_ == "dobj"]
        urged = tok.dep_ == "xcomp" and tok.head.lemma_.lower() in URGE_VERBS
        subj = subject(tok.head) if urged else subject(tok)
        if ousted:
            yield Candidate(
                tok,
                "oppose",
                "vote",
                "vote-out",
                [subj] if subj is not None else [],
                ousted,
                tok,
                0.75,
            )
        return
    if not _in_frame(tok, cue.frame):
        return
    if is_passive(tok):
        endorsee = passive_subject(tok)
        yield Candidate(
            tok,
            cue.stance,
            cue.kind,
            "passive",
            agents(tok),
            [endorsee] if endorsee is not None else [],
            tok,
            0.9,
        )
        return
    objs = objects(tok, cue.preps, cue.takes_object)
    if any(o.lower_ in ("yes", "no") for o in objs):
        return  # "recommends a No on Measure B": the ballot rule reads it
    if not objs and tok.dep_ == "relcl" and cue.takes_object and subject(tok) != tok.head:
        # "the candidate (whom) he originally endorsed, X": the object is the modified noun
        objs = [tok.head]
    if not objs and tok.dep_ == "conj":
        # "A endorsed and campaigned for B": share the object of a later conjunct
        for sib in tok.conjuncts:
            if sib.i > tok.i:
                objs = objects(sib, cue.preps + VERB_CUES.get(sib.lemma_, cue).preps, True)
                if objs:
                    break
    if not objs and cue.takes_object:
        # "The PAC is proud to endorse:" + a bullet list
        objs = colon_list(tok)
    if not objs:
        return
    said_to = subject(tok)
    if (
        tok.dep_ == "ccomp"
        and tok.head.lemma_.lower() in RECOMMEND_VERBS
        and said_to is not None
        and said_to.lemma_.lower() in GENERIC_URGED
    ):
        # "We recommend that District 8 voters support X": the one recommending backs X
        urger = subject(tok.head)
        yield Candidate(
            tok,
            cue.stance,
            cue.kind,
            "urge",
            [urger] if urger is not None else [],
            objs,
            tok.head,
            0.8,
        )
        return
    if tok.dep_ == "xcomp" and tok.head.lemma_ in URGE_VERBS:
        urged = [c for c in tok.head.children if c.dep_ == "dobj"]
        if not urged or urged[0].lemma_.lower() in GENERIC_URGED:
            subj = subject(tok.head)
            yield Candidate(
                tok,
                cue.stance,
                cue.kind,
                "urge",
                [subj] if subj is not None else [],
                objs,
                tok.head,
                0.8,
            )
        return
    infinitive = tok.dep_ in ("acl", "relcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
    )
    if ((tok.dep_ == "acl" and tok.tag_ == "VBG") or infinitive) and tok.head.pos_ in (
        "NOUN",
        "PRON",
    ):
        # "The latest MPs to back X are A, B and C"
        named = _named_by_copula(tok.head)
        if named:
            # "Among those backing X are A and B", "Those backing X include A and B"
            yield Candidate(tok, cue.stance, cue.kind, "acl-list", named, objs, tok, 0.85)
            return
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ == "NOUN":
        before = tok.doc[tok.i - 1] if tok.i > 0 else None
        if before is not None and before.pos_ == "PROPN" and before.dep_ == "pobj":
            # "a video of Fox endorsing his candidacy": the name right before acts
            yield Candidate(tok, cue.stance, cue.kind, "acl", [before], objs, tok, 0.8)
            return
        actor = _actor_acl(tok)
        yield Candidate(
            tok, cue.stance, cue.kind, "acl", [actor] if actor is not None else [], objs, tok, 0.85
        )
        return
    join = _joined_in(tok)
    if join is not None:
        # "A joined B in endorsing X": both endorse; "A joins some of the most prominent
        # names in backing X, including B and C, and groups like D": so do the names listed
        joiners = [s for s in [subject(join)] if s is not None]
        for c in join.children:
            if c.dep_ == "dobj":
                joiners.append(c)
                joiners += prep_objects(c, ("including", "like"))
            elif c.dep_ == "conj" and c.pos_ == "NOUN":
                joiners += prep_objects(c, ("including", "like"))
        if joiners:
            yield Candidate(tok, cue.stance, cue.kind, "joined-in", joiners, objs, join, 0.85)
            return
    if tok.dep_ == "pcomp" or (tok.dep_ == "pobj" and tok.tag_ == "VBG"):
        # "in backing Whitaker, including A and B": the endorsers hang on the clause
        yield Candidate(tok, cue.stance, cue.kind, "gerund", [], objs, tok, 0.7)
        return
    objs += [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > objs[-1].i]
    subj = subject(tok)
    subjects = [subj] if subj is not None else []
    # Gapping: "A endorsed X, and so has B" / "and so did B"
    for c in tok.children:
        if (
            c.dep_ in ("advcl", "conj")
            and c.lemma_ == "do"
            and any(g.dep_ == "mark" and g.lower_ == "as" for g in c.children)
        ):
            subjects += [g for g in c.children if g.dep_ == "nsubj"]  # "..., as did B"
        if (
            c.dep_ == "conj"
            and c.lemma_ in ("have", "do", "be")
            and any(g.lower_ == "so" for g in c.children)
        ):
            # "and so has the union" parses the union as the object of "has"
            subjects += [g for g in c.children if g.dep_ in ("nsubj", "dobj", "attr")]
    yield Candidate(tok, cue.stance, cue.kind, "active", subjects, objs, tok, 0.9)


def _governor(noun: Token) -> Token:
    """The verb a noun phrase hangs on, through prepositions and coordination."""
    g = noun.head
    hops = 0
    while g.pos_ not in ("VERB", "AUX") and g.head != g and hops < 4:
        if g.dep_ not in ("prep", "pobj", "conj", "dobj", "appos", "compound"):
            break
        g = g.head
        hops += 1
    return g


#: "rallying support for X": verbs of gathering others' backing for someone else
RALLY_VERBS = {"solicit", "rally", "drum", "whip", "marshal", "mobilize", "mobilise", "round"}
#: Verbs that ask others to back someone: "urged a vote for X", "recommends that voters support X"
RECOMMEND_VERBS = URGE_VERBS | {"recommend", "suggest", "advise", "advocate"}
#: "announced endorsements from A and B": the subject is the one endorsed
ANNOUNCE_VERBS = {"announce", "unveil", "release", "tout", "roll", "list", "publicize"}
WITHDRAW_NOUNS = {
    "pause",
    "hold",
    "halt",
    "suspension",
    "end",
    "retraction",
    "withdrawal",
    "reversal",
    "rescission",
    "revocation",
}


def _halted(tok: Token) -> Token | None:
    """The withdrawal noun a cue noun hangs on: "a pause on his endorsement", "put a pause
    on its endorsement", "put its endorsement on hold"."""
    if tok.dep_ == "pobj" and tok.head.lower_ in ("on", "of", "to"):
        holder = tok.head.head
        if holder.lemma_.lower() in WITHDRAW_NOUNS:
            return holder
        if (
            tok.head.lower_ == "on"
            and holder.pos_ in ("VERB", "AUX")
            and any(
                c.dep_ == "dobj" and c.lemma_.lower() in WITHDRAW_NOUNS for c in holder.children
            )
        ):
            return holder  # "put a pause on its endorsement"
    if tok.dep_ == "dobj" and tok.head.pos_ in ("VERB", "AUX"):
        for c in tok.head.children:
            if (
                c.dep_ == "prep"
                and c.lower_ == "on"
                and any(p.lemma_.lower() in ("hold", "ice", "pause") for p in c.children)
            ):
                return tok.head  # "put its endorsement on hold"
    return None


def _elided_cue(tok: Token) -> str | None:
    """ "got a significant one from X" after "endorsements": `one` stands for the cue noun."""
    if tok.lower_ not in ("one", "ones") or not prep_objects(tok, ("from", "by", "of")):
        return None
    for t in reversed(tok.doc[tok.sent.start : tok.i]):
        if t.pos_ == "NOUN" and t.lemma_.lower() in NOUN_CUES:
            return t.lemma_.lower()
    return None


def noun_candidates(tok: Token) -> Iterator[Candidate]:
    lemma = tok.lemma_.lower()
    if (
        lemma in GIVE_OBJECTS
        and lemma not in NOUN_CUES
        and tok.dep_ == "dobj"
        and (tok.head.lemma_.lower() in GIVE_VERBS)
    ):
        # "threw his weight behind X", "lent her name to X"
        targets = prep_objects(tok.head, ("behind", "to", "for"))
        subj = subject(tok.head)
        if targets and subj is not None:
            yield Candidate(
                tok, "support", "endorsement", "give-noun", [subj], targets, tok.head, 0.8
            )
        return
    if lemma not in NOUN_CUES or tok.pos_ not in ("NOUN", "PROPN"):
        elided = _elided_cue(tok)
        if elided is None:
            return
        lemma = elided
    stance, kind = NOUN_CUES[lemma]
    poss = [c for c in tok.children if c.dep_ == "poss"]
    gov = _governor(tok)
    glemma = gov.lemma_.lower()
    of_objs = prep_objects(tok, ("of", "for", "to", "behind"))
    from_objs = prep_objects(tok, ("from", "by"))
    if not from_objs and tok.tag_ == "NNS":
        # "multiple endorsements, including one from X"
        for inc in prep_objects(tok, ("including",)):
            if inc.lower_ in ("one", "those", "ones"):
                from_objs += prep_objects(inc, ("from", "by"))
    if lemma in ("choice", "pick") and tok.dep_ == "nsubj" and glemma == "be" and poss:
        named = [c for c in gov.children if c.dep_ in ("attr", "acomp")]
        if named:
            yield Candidate(tok, "support", kind, "copula-choice", poss, named, gov, 0.8)
        return
    if lemma in ("choice", "pick", "vote") and tok.dep_ in ("attr", "acomp") and glemma == "be":
        # "X is my choice"
        subj = subject(gov)
        if poss and subj is not None:
            yield Candidate(tok, "support", kind, "copula-choice", poss, [subj], gov, 0.85)
        return
    if lemma in ("pick", "choice") and poss:
        # "Grant's Senate pick, Rep. Tom Reed"
        named = [c for c in tok.children if c.dep_ == "appos"]
        if tok.dep_ == "appos":
            named.append(tok.head)
        if named:
            # a description ("Grant's pick, X") is presupposed, whatever the clause says of X
            yield Candidate(tok, "support", kind, "pick-appos", poss, named, tok, 0.75)
        return
    halted = _halted(tok)
    if halted is not None and poss and of_objs:
        # "put a pause on his endorsement of X", "the end of her support for X"
        yield Candidate(tok, "withdraw", kind, "withdraw-noun", poss, of_objs, halted, 0.7)
        return
    if glemma in WITHDRAW_VERBS and tok.dep_ in ("dobj", "nsubjpass"):
        subj = subject(gov) if tok.dep_ == "dobj" else None
        endorsees = of_objs or prep_objects(gov, ("of", "for", "from", "on", "behind"))
        if glemma == "switch":
            endorsees = []
            # "switched his endorsement from A to B": withdraw A, support B
            frm = prep_objects(tok, ("from",)) + prep_objects(gov, ("from",))
            to = prep_objects(gov, ("to",))
            if frm:
                yield Candidate(
                    tok, "withdraw", kind, "switch", poss or [subj] if subj else poss, frm, gov, 0.8
                )
            if to:
                yield Candidate(
                    tok, "support", kind, "switch", poss or [subj] if subj else poss, to, gov, 0.8
                )
            return
        yield Candidate(
            tok,
            "withdraw",
            kind,
            "withdraw-noun",
            [subj] if subj is not None else poss,
            endorsees,
            gov,
            0.85,
            fallback_endorsers=poss,
        )
        return
    if poss and tok.dep_ == "nsubj" and glemma in ("include", "be") and lemma == "endorsement":
        # "Her endorsements this time include: A, B and C"
        named = [c for c in gov.children if c.dep_ in ("dobj", "attr")] + colon_list(gov)
        if named:
            yield Candidate(tok, "support", kind, "endorsements-include", named, poss, tok, 0.8)
        return
    if poss and of_objs and not (glemma in RECEIVE_VERBS | {"have"} and tok.dep_ == "dobj"):
        # "Lopez's endorsement of Whitaker", "announced her support for X"; as a subject
        # ("X's support for Y has never wavered") the noun's relation stands on its own
        anchor = tok if tok.dep_ in ("nsubj", "nsubjpass") else gov
        yield Candidate(tok, stance, kind, "poss-noun", poss, of_objs, anchor, 0.85)
        return
    if glemma in GIVE_VERBS and lemma in GIVE_OBJECTS and tok.dep_ == "dobj" and not from_objs:
        targets = of_objs or prep_objects(gov, ("to", "behind", "for", "of"))
        targets = targets or [c for c in gov.children if c.dep_ in ("dative", "iobj")]
        subj = subject(gov)
        if targets:
            yield Candidate(
                tok,
                stance,
                kind,
                "give-noun",
                [subj] if subj is not None else poss,
                targets,
                gov,
                0.85,
            )
        return
    party_vote = [
        c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN"
    ]
    if lemma == "vote" and glemma in RECOMMEND_VERBS and not of_objs and party_vote:
        # "recommends a Liberal Green vote in 41 seats and an SDU vote in 212"
        subj = subject(gov)
        if subj is not None:
            yield Candidate(
                tok, "support", "endorsement", "urge-vote", [subj], party_vote[-1:], gov, 0.75
            )
        return
    if lemma == "vote" and glemma in RECOMMEND_VERBS and tok.dep_ in ("dobj", "pobj") and of_objs:
        # "we urge a vote for X", "the union will recommend a vote for the Prairie Labour Party":
        # asking others to vote for X backs X
        subj = subject(gov)
        if subj is not None:
            yield Candidate(tok, "support", "endorsement", "urge-vote", [subj], of_objs, gov, 0.8)
        return
    if (
        lemma in ("support", "vote", "backing")
        and glemma in RALLY_VERBS
        and not from_objs
        and tok.dep_ == "dobj"
        and prep_objects(tok, ("for",))
    ):
        # "soliciting support for X", "rallying votes for X": asking others to back X
        asker = subject(gov)
        if asker is None and gov.dep_ == "acl":
            asker = subject(_governor(gov.head))  # "sent an email soliciting support for X"
        if asker is not None:
            yield Candidate(
                tok,
                "support",
                "campaigning",
                "rally-support",
                [asker],
                prep_objects(tok, ("for",)),
                gov,
                0.7,
            )
        return
    if glemma in SEEK_VERBS:
        return
    path = tok
    while path.head != gov and path.dep_ in ("conj", "appos", "pobj", "prep") and path.head != path:
        if path.dep_ == "prep" and path.lower_ not in ("including",):
            break
        path = path.head
    direct = path.head == gov
    if not from_objs and glemma in RECEIVE_VERBS and tok.dep_ == "dobj":
        # "picked up a key endorsement Tuesday from the union": "from" hangs on the verb
        from_objs = prep_objects(gov, ("from",))
    receives = glemma in RECEIVE_VERBS or (glemma in ANNOUNCE_VERBS and bool(from_objs))
    if direct and (receives or tok.head.lower_ == "with") and (from_objs or of_objs or poss):
        # "won the backing of X", "has the support of X", "endorsements from A, B and C",
        # "with the backing of X, Hale defeated..."
        # "Hale holds onto his endorsements": a pronoun possessor is the holder, not the giver;
        # "X has my vote" and "has the union's support" name the giver.
        named_poss = [
            p
            for p in poss
            if p.pos_ != "PRON"
            or p.lower_ in ("my", "our")
            # "X has his vote": a candidate does not hold his own vote
            or (lemma == "vote" and glemma == "have" and p.lower_ in ("his", "her", "their"))
        ]
        endorser_toks = from_objs or of_objs or named_poss or _after_colon(tok, gov)
        if not endorser_toks:
            return
        endorser_toks = endorser_toks + [
            c for c in gov.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > tok.i
        ]
        if gov.pos_ in ("VERB", "AUX"):
            endorsee = subject(gov)
            if endorsee is None and is_passive(gov):
                endorsee = passive_subject(gov)
            if endorsee is not None:
                yield Candidate(
                    tok, stance, kind, "receive-noun", endorser_toks, [endorsee], gov, 0.85
                )
        return
    if poss and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and of_objs:
        yield Candidate(tok, stance, kind, "poss-noun", poss, of_objs, gov, 0.8)


def _after_colon(noun: Token, gov: Token) -> list[Token]:
    """ "holds onto his two union endorsements: A and B": the names a colon right after the
    noun spells out (the parser hangs them on the verb)."""
    end = noun.right_edge.i + 1
    doc = noun.doc
    if end >= len(doc) or doc[end].text != ":":
        return []
    return [
        c
        for c in gov.children
        if c.i > end and c.dep_ in ("dobj", "appos", "attr", "npadvmod") and c.pos_ == "PROPN"
    ] + [c for c in noun.children if c.dep_ == "appos" and c.i > end]


def colon_list(verb: Token) -> list[Token]:
    """ "X's backers now include: A, B and C" / "The endorsers are:" + bullet lines: the names
    after a colon that follows the verb, to the end of the sentence or the bullet list."""
    doc = verb.doc
    colon = next((t for t in doc[verb.i + 1 : min(verb.i + 4, len(doc))] if t.text == ":"), None)
    if colon is None:
        return []
    out: list[Token] = []
    i = colon.i + 1
    end = verb.sent.end
    # bullet lines ("- Name", "• Name") continue the list past the sentence's end
    while i < len(doc):
        tok = doc[i]
        if i >= end:
            line_start = tok.is_space or (i > 0 and "\n" in doc[i - 1].text_with_ws)
            if not (line_start and tok.text in ("-", "•", "*", "–", "—")) and not (
                tok.is_space and i + 1 < len(doc) and doc[i + 1].text in ("-", "•", "*")
            ):
                break
            end = tok.sent.end
        if (
            tok.pos_ == "PROPN"
            and (tok.head.i < colon.i or tok.dep_ not in ("compound", "flat"))
            and tok.ent_type_ not in ("GPE", "LOC", "DATE", "ORDINAL", "CARDINAL")
        ):  # "- Rep. Ana Desh, 34th District": the district is not a second name
            out.append(tok)
        i += 1
    return out


def agent_noun_candidates(tok: Token) -> Iterator[Candidate]:
    """ "among Reyes's endorsers", "X's backers include A and B", "X, one of Y's backers"."""
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("NOUN",) or lemma not in AGENT_NOUNS:
        return
    if lemma in CAMPAIGN_ROLE_NOUNS and not any(
        c.lower_ in ("campaign", "re-election", "reelection")
        for c in tok.children
        if c.dep_ in ("compound", "amod")
    ):
        return
    kind = "campaigning" if lemma in CAMPAIGN_ROLE_NOUNS else "endorsement"
    # Whose backers? possessor, "of X", a compound name ("Hale backers"), or "of X's campaign"
    endorsees = [c for c in tok.children if c.dep_ == "poss"]
    endorsees += [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    for p in prep_objects(tok, ("of", "for")):
        if p.lemma_.lower() in ("campaign", "candidacy", "bid", "effort", "run"):
            endorsees += [c for c in p.children if c.dep_ == "poss"]
        else:
            endorsees.append(p)
    if not endorsees:
        return
    endorsers: list[Token] = []
    head = tok.head
    named = [c for c in tok.children if c.dep_ == "appos"]
    if named:
        # "Julia Weber's campaign chair, Rep. Alan Brooks, spoke first"
        yield Candidate(tok, "support", kind, "agent-noun", named, endorsees, tok, 0.8)
        return
    if tok.dep_ == "pobj" and head.lower_ == "among":
        g = head.head
        if g.pos_ in ("VERB", "AUX"):
            s = subject(g)
            objs = [c for c in g.children if c.dep_ in ("dobj", "attr")]
            pron_poss = [c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON"]
            if pron_poss and objs and s is not None:
                # "X counts the union among her supporters": X is the one supported
                endorsers += objs
                endorsees = [s]
            else:
                if s is not None:
                    endorsers.append(s)
                endorsers += objs
        elif g.pos_ in ("NOUN", "PROPN"):
            endorsers.append(g)
    elif tok.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX"):
        endorsers += [c for c in head.children if c.dep_ in ("attr", "dobj", "acomp")]
        endorsers += colon_list(head)
    elif tok.dep_ == "attr" and head.lemma_ == "be":
        s = subject(head)
        if s is not None:
            endorsers.append(s)
    elif tok.dep_ == "appos":
        endorsers.append(head)
    elif tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in ("one", "some", "two"):
        one = head.head
        if one.dep_ == "appos":
            endorsers.append(one.head)
        elif one.dep_ == "attr" and one.head.lemma_ == "be":
            s = subject(one.head)
            if s is not None:
                endorsers.append(s)
    if endorsers:
        nominal = tok.dep_ in ("appos", "pobj") and head.lower_ != "among"
        yield Candidate(
            tok, "support", kind, "agent-noun", endorsers, endorsees, tok if nominal else head, 0.8
        )


def elided_agent_candidates(tok: Token) -> Iterator[Candidate]:
    """ "X's backers were A and B. Y's were C and D.": the second sentence elides the noun."""
    if tok.lemma_ != "be":
        return
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "poss")), None)
    if subj is None or not any(c.dep_ == "case" for c in subj.children):
        return
    attrs = [c for c in tok.children if c.dep_ in ("attr", "acomp")]
    if not attrs:
        return
    window = tok.doc[max(0, tok.sent.start - 60) : tok.sent.start]
    if not any(t.lemma_.lower() in AGENT_NOUNS and t.pos_ == "NOUN" for t in window):
        return
    yield Candidate(tok, "support", "endorsement", "elided-agent", attrs, [subj], tok, 0.7)


def hyphen_candidates(tok: Token) -> Iterator[Candidate]:
    """ "the Grant-backed candidate X", "a union-endorsed slate"."""
    if tok.lemma_.lower() not in ("back", "endorse", "support") or tok.i < 2:
        return
    if tok.doc[tok.i - 1].text not in ("-", "–"):
        return
    endorser = tok.doc[tok.i - 2]
    noun = tok.head
    while noun.dep_ == "compound" and noun.head != noun:
        noun = noun.head  # "Jensen-backed candidate Tom Whitaker"
    if noun.pos_ in ("NOUN", "PROPN"):
        yield Candidate(tok, "support", "endorsement", "hyphen", [endorser], [noun], noun, 0.75)


def _clause_initial(tok: Token) -> bool:
    """First word of its sentence, a quote, a line or a colon's clause."""
    if tok.i == tok.sent.start:
        return True
    prev = tok.doc[tok.i - 1]
    return prev.text in ('"', "“", ":", "—") or prev.is_space or "\n" in prev.text_with_ws


def _slogan_candidates(tok: Token) -> Iterator[Candidate]:
    """ "Vote Dale Fenn!", "Elect Julia Weber": a clause-initial imperative the small parser
    folds into the name it governs (as a compound or a proper noun)."""
    low = tok.lower_
    if low not in ("vote", "elect", "reelect", "re-elect") or not _clause_initial(tok):
        return
    if tok.i + 1 >= len(tok.doc):
        return
    nxt = tok.doc[tok.i + 1]
    if nxt.pos_ != "PROPN" or not nxt.is_title:
        return
    head = nxt
    while head.dep_ in ("compound", "flat") and head.head.i > head.i and head.head.pos_ == "PROPN":
        head = head.head
    if tok.dep_ in ("compound", "amod", "nmod") or tok.pos_ == "PROPN":
        kind = "vote" if low == "vote" else "endorsement"
        yield Candidate(tok, "support", kind, "imperative", [], [head], tok, 0.7)


def first_person_candidates(tok: Token) -> Iterator[Candidate]:
    """Imperatives in quotes and posts: "Vote for X!", "Elect X"."""
    yield from _slogan_candidates(tok)
    if tok.lemma_.lower() not in (
        "vote",
        "elect",
        "reelect",
        "re-elect",
        "support",
        "back",
        "endorse",
    ):
        return
    if tok.dep_ not in ("ROOT", "conj") or any(
        c.dep_ in ("nsubj", "nsubjpass") for c in tok.children
    ):
        return
    if tok.tag_ != "VB":
        return
    preps = ("for",) if tok.lemma_.lower() == "vote" else ()
    objs = objects(tok, preps, tok.lemma_.lower() != "vote")
    if objs:
        yield Candidate(
            tok,
            "support",
            "vote" if tok.lemma_.lower() == "vote" else "endorsement",
            "imperative",
            [],
            objs,
            tok,
            0.75,
        )


BALLOT_VERBS = {
    "vote",
    "recommend",
    "urge",
    "back",
    "support",
    "endorse",
    "campaign",
    "call",
    "advocate",
    "favor",
    "favour",
    "want",
    "cast",
    "encourage",
}


def ballot_candidates(tok: Token) -> Iterator[Candidate]:
    """ "urged a Yes vote on Measure K", "recommend a No", "vote yes", "the Yes side".

    The endorsee is the measure named beside the vote, else the nearest measure named in the
    sentence or just before it; the endorser is whoever urges or casts the vote."""
    low = tok.lower_
    if low not in ("yes", "no"):
        return
    head = tok.head
    if low == "no" and tok.dep_ == "det" and head.lemma_.lower() != "vote":
        return  # "no candidate", "no endorsement"
    if head.lemma_.lower() in ("vote", "side", "campaign", "camp") and head.pos_ == "NOUN":
        noun = head
        gov = _governor(noun)
    elif head.lemma_.lower() in BALLOT_VERBS:
        noun = tok
        gov = head
    elif tok.dep_ in ("dobj", "pobj", "attr") and _governor(tok).lemma_.lower() in BALLOT_VERBS:
        noun = tok
        gov = _governor(tok)
    else:
        return
    if gov.lemma_.lower() not in BALLOT_VERBS | {"be", "say", "go"}:
        return
    stance = "support" if low == "yes" else "oppose"
    measures = prep_objects(noun, ("on", "in", "for", "to")) + prep_objects(
        gov, ("on", "in", "for", "to")
    )
    # "a yes vote on retaining Judge X": the one retained
    measures += [
        p
        for h in (noun, gov)
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in ("on", "for")
        for p in c.children
        if p.dep_ == "pcomp"
    ]
    measures = [
        o
        for m in measures
        for o in ([c for c in m.children if c.dep_ == "dobj"] if m.tag_ == "VBG" else [m])
    ]
    anchor = gov
    endorser_verb = gov
    if gov.dep_ == "xcomp" and gov.head.lemma_ in URGE_VERBS:
        endorser_verb = gov.head
        anchor = gov.head
    subj = subject(endorser_verb)
    yield Candidate(
        tok,
        stance,
        "vote",
        "ballot",
        [subj] if subj is not None else [],
        measures or [noun],
        anchor,
        0.75,
    )


#: Acts of campaigning named by a noun: "hosted a fundraiser for X", "cut an ad for X".
ACT_NOUNS = {
    "fundraiser": "fundraising",
    "fund-raiser": "fundraising",
    "rally": "campaigning",
    "robocall": "campaigning",
    "ad": "campaigning",
    "advertisement": "campaigning",
    "spot": "campaigning",
    "commercial": "campaigning",
    "reception": "fundraising",
    "event": "campaigning",
    "concert": "campaigning",
    "video": "campaigning",
}
ACT_VERBS = {
    "host",
    "headline",
    "throw",
    "hold",
    "record",
    "cut",
    "film",
    "tape",
    "narrate",
    "star",
    "appear",
    "organize",
    "organise",
    "co-host",
    "cohost",
    "keynote",
    "lead",
    "speak",
    "attend",
}
#: Verbs of working for someone's campaign.
HELP_VERBS = {
    "help",
    "aid",
    "assist",
    "volunteer",
    "work",
    "staff",
    "advise",
    "manage",
    "chair",
    "co-chair",
    "fund",
    "finance",
    "bankroll",
}
ROLE_NOUNS = {
    "co-chair",
    "cochair",
    "chair",
    "chairman",
    "chairwoman",
    "surrogate",
    "manager",
    "adviser",
    "advisor",
    "spokesperson",
    "treasurer",
}


def attack_candidates(tok: Token) -> Iterator[Candidate]:
    """ "ran ads attacking X", "a mailer targeting X": opposition by whoever paid for it."""
    if tok.lemma_.lower() not in ("attack", "target", "bash", "slam") or tok.dep_ != "acl":
        return
    noun = tok.head
    if noun.lemma_.lower() not in (
        "ad",
        "advertisement",
        "commercial",
        "mailer",
        "spot",
        "campaign",
        "billboard",
        "flyer",
        "spending",
    ):
        return
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    gov = _governor(noun)
    subj = subject(gov) if gov.pos_ in ("VERB", "AUX") else None
    if objs and subj is not None and (subj.pos_ == "PROPN" or subj.lower_ in ("it", "they")):
        yield Candidate(tok, "oppose", "campaigning", "attack-ad", [subj], objs, gov, 0.75)


#: "an ad campaign", "a television campaign": campaigns made of advertising
AD_CAMPAIGN_WORDS = {"ad", "advertising", "attack", "television", "tv", "radio", "mail", "digital"}
AD_CAMPAIGN_VERBS = {"launch", "run", "fund", "finance", "bankroll", "start", "mount", "air", "pay"}


def act_candidates(tok: Token) -> Iterator[Candidate]:
    """ "hosted a fundraiser for X", "recorded a robocall for X", "appears in X's campaign ad",
    "joined X's reelection campaign as co-chair"."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN":
        return
    if lemma == "door" and tok.tag_ == "NNS":
        # "knocked (on) doors for X": canvassing for a candidate or a measure
        knock = tok.head.head if tok.dep_ == "pobj" else tok.head
        gerund = next((c for c in tok.children if c.lemma_.lower() == "knock"), None)
        if gerund is not None:
            # "spent her days off knocking doors for X": the parser makes "knocking" a modifier
            knock = _governor(tok)
        if knock.lemma_.lower() == "knock" or gerund is not None:
            targets = prep_objects(knock, ("for",)) + prep_objects(tok, ("for",))
            subj = subject(knock)
            if targets and subj is not None:
                yield Candidate(tok, "support", "campaigning", "act", [subj], targets, knock, 0.8)
        return
    if lemma == "campaign" and any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in AD_CAMPAIGN_WORDS
        for c in tok.children
    ):
        # "launched a $2 million ad campaign against X": an ad campaign opposes its target
        gov = _governor(tok)
        # "launched an ad campaign on Tuesday against X": the parser may hang it on the verb
        against = prep_objects(tok, ("against", "attacking", "targeting")) or (
            prep_objects(gov, ("against",)) if gov.pos_ in ("VERB", "AUX") else []
        )
        subj = subject(gov) if gov.pos_ in ("VERB", "AUX") else None
        if against and subj is not None and gov.lemma_.lower() in AD_CAMPAIGN_VERBS:
            yield Candidate(tok, "oppose", "campaigning", "act-against", [subj], against, gov, 0.8)
        return
    if lemma in ACT_NOUNS:
        gov = _governor(tok)
        against = prep_objects(tok, ("against", "attacking", "targeting"))
        if (
            against
            and lemma in ("ad", "advertisement", "commercial", "spot", "mailer", "robocall")
            and gov.lemma_.lower() in ACT_VERBS | {"run", "air", "launch", "release", "fund"}
        ):
            # "is running ads against X"
            subj = subject(gov)
            if subj is not None:
                yield Candidate(
                    tok, "oppose", "campaigning", "act-against", [subj], against, gov, 0.8
                )
            return
        if gov.lemma_.lower() not in ACT_VERBS:
            return
        if gov.lemma_.lower() == "attend" and lemma not in ("fundraiser", "fund-raiser"):
            return
        targets = prep_objects(tok, ("for", "benefiting", "supporting"))
        if not any(c.lower_ == "own" for c in tok.children):
            # "held her own event": the holder's, not somebody else's
            targets += [c for c in tok.children if c.dep_ == "poss"]
        # "appeared in an ad for X's campaign"
        targets = [
            p
            for t in targets
            for p in (
                [c for c in t.children if c.dep_ == "poss"]
                if t.lemma_.lower() in ("campaign", "candidacy", "bid", "reelection", "re-election")
                else [t]
            )
        ]
        subj = subject(gov)
        if targets and subj is not None:
            base = 0.55 if gov.lemma_.lower() == "attend" else 0.8
            yield Candidate(tok, "support", ACT_NOUNS[lemma], "act", [subj], targets, gov, base)
        return
    helped = tok.head if tok.head.lemma_.lower() in HELP_VERBS else None
    if tok.dep_ == "pobj" and tok.head.lower_ in ("on", "for"):
        helped = tok.head.head if tok.head.head.lemma_.lower() in HELP_VERBS else None
    if lemma in ("campaign", "reelection", "re-election", "candidacy") and helped is not None:
        # "has helped his campaigns since 2008", "volunteered on X's campaign"
        verb = helped
        owners = [c for c in tok.children if c.dep_ == "poss"]
        subj = subject(verb)
        if owners and subj is not None:
            yield Candidate(
                tok, "support", "campaigning", "help-campaign", [subj], owners, verb, 0.75
            )
        return
    if lemma == "campaign" and tok.dep_ == "dobj" and tok.head.lemma_.lower() == "join":
        # "joined X's campaign", "has joined the campaign of state Rep. X"
        owners = [c for c in tok.children if c.dep_ == "poss"] + prep_objects(tok, ("of",))
        subj = subject(tok.head)
        if owners and subj is not None:
            yield Candidate(
                tok, "support", "campaigning", "join-campaign", [subj], owners, tok.head, 0.8
            )


def with_candidates(tok: Token) -> Iterator[Candidate]:
    """ "I'm with Halima Westergaard": first-person "be with" a named person."""
    if tok.lemma_ != "be" or not any(
        c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in tok.children
    ):
        return
    targets = prep_objects(tok, ("with",))
    if targets:
        subj = next(c for c in tok.children if c.dep_ == "nsubj")
        yield Candidate(tok, "support", "endorsement", "be-with", [subj], targets, tok, 0.75)


def never_candidates(tok: Token) -> Iterator[Candidate]:
    """ "Never Dirk Smith." / "#NeverSmith": the speaker opposes the person named."""
    if tok.lower_ != "never" or tok.i + 1 >= len(tok.doc):
        return
    nxt = tok.doc[tok.i + 1]
    if nxt.pos_ != "PROPN":
        return
    # the name must not be the subject of a verb: "never Smith" is the whole statement
    head = nxt.head
    while head.dep_ in ("compound", "flat") and head != head.head:
        head = head.head
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX"):
        return
    yield Candidate(tok, "oppose", "endorsement", "never", [], [head], tok, 0.7)


#: "the right choice", "the best candidate": a speaker's verdict on a candidate.
VERDICT_NOUNS = {"choice", "pick", "candidate", "person", "leader"}
VERDICT_ADJECTIVES = {"right", "best", "clear", "obvious", "ideal", "strongest"}


def elliptic_candidates(tok: Token) -> Iterator[Candidate]:
    """ "Governor Bell endorsed Rey. As did the outgoing clerk, Tito Varga." / "So did X.":
    a sentence that is only an elided "did" repeats the last sentence's backing for X."""
    if tok.lemma_ not in ("do", "have") or tok.dep_ != "ROOT" or tok.sent.start == 0:
        return
    sent = tok.sent
    first = tok.doc[sent.start]
    if first.lower_ not in ("as", "so") or first.head != tok or tok.i - sent.start > 1:
        return
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in tok.children):
        return
    prev = tok.doc[sent.start - 1].sent
    for verb in reversed(list(prev)):
        cue = VERB_CUES.get(verb.lemma_.lower())
        if cue is None or verb.pos_ != "VERB" or is_passive(verb):
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            return  # "A did not endorse X. So did B" is not a repeat of backing
        objs = objects(verb, cue.preps, cue.takes_object)
        if objs:
            yield Candidate(tok, cue.stance, cue.kind, "as-did", [subj], objs, tok, 0.75)
        return


def came_out_candidates(tok: Token) -> Iterator[Candidate]:
    """ "X came out for Y", "came out in favor of Y", "came out against Y": a public stance
    taken, as the phrase says, in the open."""
    if tok.lemma_.lower() != "come" or not any(
        c.dep_ == "prt" and c.lower_ == "out" for c in tok.children
    ):
        return
    subj = subject(tok)
    if subj is None:
        return
    for prep in (c for c in tok.children if c.dep_ == "prep"):
        if prep.lower_ in ("for", "against"):
            targets = [o for o in prep.children if o.dep_ == "pobj"]
            stance = "support" if prep.lower_ == "for" else "oppose"
        elif prep.lower_ == "in":
            nouns = [o for o in prep.children if o.dep_ == "pobj"]
            if not nouns or nouns[0].lemma_.lower() not in ("favor", "favour", "support"):
                continue
            targets = prep_objects(nouns[0], ("of",))
            stance = "support"
        else:
            continue
        if targets:
            yield Candidate(tok, stance, "endorsement", "came-out", [subj], targets, tok, 0.8)


def merit_candidates(tok: Token) -> Iterator[Candidate]:
    """An editorial's or a speaker's verdict: "X has earned another term", "Y deserves your
    vote", "our endorsement goes to Z". The one who judges is the writer: the speaker of a
    quote, else the publication (resolved later, like an imperative's)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX"):
        return
    if lemma == "be":
        # "X is the right choice for Ohio" said in a quote: the speaker's verdict
        attr = next((c for c in tok.children if c.dep_ == "attr"), None)
        if (
            attr is not None
            and attr.lemma_.lower() in VERDICT_NOUNS
            and not any(c.dep_ == "poss" for c in attr.children)
            and any(c.dep_ == "amod" and c.lower_ in VERDICT_ADJECTIVES for c in attr.children)
            and not any(c.dep_ == "neg" for c in tok.children)
        ):
            endorsee = subject(tok)
            if endorsee is not None and endorsee.pos_ == "PROPN":
                yield Candidate(tok, "support", "endorsement", "verdict", [], [endorsee], tok, 0.7)
        return
    if lemma in MERIT_VERBS:
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is None or obj.lemma_.lower() not in MERIT_OBJECTS:
            return
        poss = [c for c in obj.children if c.dep_ == "poss"]
        if poss and poss[0].lower_ not in ("your", "their"):
            return  # "earned our support", "won the union's backing": the giver is named
        endorsee = subject(tok)
        if endorsee is not None:
            yield Candidate(tok, "support", "endorsement", "merit", [], [endorsee], tok, 0.75)
    elif lemma == "go":
        # "Our endorsement in the race goes to X"
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lemma_.lower() not in ("endorsement", "vote", "support", "nod"):
            return
        poss = [c for c in subj.children if c.dep_ == "poss"]
        targets = prep_objects(tok, ("to",))
        if poss and targets:
            yield Candidate(tok, "support", "endorsement", "goes-to", poss, targets, tok, 0.8)


def joined_by(verb: Token) -> list[Token]:
    """ "X withdrew his support of Y, joining A and B": A and B did the same before."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ == "advcl" and c.lemma_.lower() == "join" and c.tag_ == "VBG":
            out += [o for o in c.children if o.dep_ == "dobj"]
    return out


PATTERNS = (
    elided_agent_candidates,
    verb_candidates,
    noun_candidates,
    agent_noun_candidates,
    hyphen_candidates,
    first_person_candidates,
    never_candidates,
    ballot_candidates,
    act_candidates,
    with_candidates,
    attack_candidates,
    merit_candidates,
    came_out_candidates,
    elliptic_candidates,
)
