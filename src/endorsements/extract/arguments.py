"""Turn a token that fills a role (subject, object, possessor) into the named mentions it means.

A role is filled by a name ("Ana Reyes"), a list of names ("A, B and C"), a pronoun, a
description ("the union"), a relative pronoun ("who"), a first-person word inside a quote, or
a common noun that a list hangs on ("groups including A and B", "two Republicans: A and B").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from .coref import FIRST_PERSON, ORG_PRONOUNS, PERSON_PRONOUNS, PLURAL_PRONOUNS, Coref
from .lexicon import OFFICE_NOUNS, ORG_DESCRIPTORS, PERSON_DESCRIPTORS
from .mentions import PERSON_TITLES, Mention, MentionIndex, name_shaped
from .quotes import SAY_VERBS, QuoteIndex

ROLE_NOUNS = {
    "candidate",
    "nominee",
    "pick",
    "choice",
    "challenger",
    "incumbent",
    "hopeful",
    "contender",
    "frontrunner",
    "front-runner",
    "rival",
    "opponent",
    "mate",
    "successor",
}
#: "the Dispatch's editorial board", "the Harbor Party's members": the body acts for its owner
BODY_NOUNS = {
    "board",
    "editor",
    "editors",
    "staff",
    "member",
    "members",
    "delegate",
    "delegates",
    "leadership",
    "executive",
    "membership",
}
#: Plurals that count people: "more than 40 MPs, ..., including A and B".
PEOPLE_PLURALS = {
    "mp",
    "lawmaker",
    "legislator",
    "senator",
    "member",
    "official",
    "leader",
    "politician",
    "representative",
    "councillor",
    "councilor",
    "celebrity",
    "mayor",
    "governor",
    "colleague",
    "mla",
    "deputy",
    "peer",
    "delegate",
}
#: Contests and events: "the Porto Alegre runoff" names a place's race, never an actor.
EVENT_NOUNS = {
    "runoff",
    "race",
    "election",
    "primary",
    "contest",
    "debate",
    "ballot",
    "poll",
    "rally",
    "referendum",
    "convention",
    "vote",
    "runoffs",
    "showdown",
    "battle",
}
LIST_PREPS = {"including", "like", "as", "among"}
#: Nouns that count or collect others: "a long list of officials, including A and B".
QUANTITY_NOUNS = {
    "list",
    "number",
    "group",
    "host",
    "slate",
    "bloc",
    "dozen",
    "dozens",
    "handful",
    "array",
    "roster",
    "string",
    "series",
    "trio",
    "pair",
    "couple",
    "score",
    "scores",
    "hundreds",
    "lot",
}
EDITORIAL_WE = {"we", "our", "us"}
CAMPAIGN_NOUNS = {
    "campaign",
    "candidacy",
    "bid",
    "reelection",
    "re-election",
    "run",
    "ticket",
    "effort",
    "race",
    "nomination",
    "win",
    "victory",
}


def _in_parentheses(tok: Token) -> bool:
    """ "Suella Fernandes (Fareham)": a constituency or state in brackets is not a list member."""
    doc = tok.doc
    return (
        tok.i > 0
        and doc[tok.i - 1].text == "("
        or (tok.i > 1 and doc[tok.i - 2].text == "(" and doc[tok.i - 1].is_title)
    )


TAG_TEXT = re.compile(r"^(?:[DRI]|[DRI]-[A-Z][\w.]*)$")


def _beyond_colon(noun: Token, appos: Token) -> bool:
    """ "members voted to endorse three candidates: A, B and C": a colon that does not end
    the noun's own phrase introduces another phrase's list, whatever the parser attached."""
    own_end = max(
        [noun.i] + [c.right_edge.i for c in noun.children if c.i < appos.i and c.dep_ != "appos"]
    )
    between = noun.doc[own_end + 1 : appos.i]
    return any(t.text == ":" for t in between) and between[0].text != ":"


def _through_tags(tok: Token) -> list[Token]:
    """Children of `tok`, with party/state tags ("D-Calif.") replaced by their own children."""
    out: list[Token] = []
    for child in tok.children:
        text = child.doc[child.left_edge.i : child.right_edge.i + 1].text
        if child.dep_ in ("appos", "npadvmod", "conj") and TAG_TEXT.match(child.text.rstrip(",")):
            out.extend(c for c in child.children if c.pos_ == "PROPN")
        elif TAG_TEXT.match(text.split(",")[0].strip()) and child.dep_ == "appos":
            out.extend(
                c for c in child.subtree if c.dep_ in ("conj", "appos") and c.pos_ == "PROPN"
            )
        else:
            out.append(child)
    return out


@dataclass
class Arg:
    mention: Mention
    token: Token
    #: How the mention was reached: name, list, pronoun, description, speaker, relative.
    via: str


class ArgumentFinder:
    def __init__(self, index: MentionIndex, coref: Coref, quotes: QuoteIndex) -> None:
        self.index = index
        self.coref = coref
        self.quotes = quotes

    def expand(self, tok: Token | None, avoid: set[str] | None = None, depth: int = 0) -> list[Arg]:
        """Every mention `tok` stands for, with list members."""
        if tok is None or depth > 3:
            return []
        out: list[Arg] = []
        first = self._single(tok, avoid, depth)
        out.extend(first)
        for conj in tok.conjuncts:
            if conj.i > tok.i and not _in_parentheses(conj):
                out.extend(self._single(conj, avoid, depth, via="list"))
        # dedupe by mention
        seen: set[int] = set()
        uniq = []
        for a in out:
            if id(a.mention) not in seen:
                seen.add(id(a.mention))
                uniq.append(a)
        return uniq

    def _adjacent_apposition(self, tok: Token) -> Mention | None:
        """ "by Kenya's largest teachers' union, the Kenya Union of Primary Educators": an
        apposition the parser attached elsewhere, recognized by position (", the Name")."""
        if tok.lemma_.lower() not in ORG_DESCRIPTORS | PERSON_DESCRIPTORS:
            return None
        end = tok.right_edge.i + 1
        doc = tok.doc
        if end + 1 >= len(doc) or doc[end].text != ",":
            return None
        j = end + 1
        if doc[j].lower_ in ("the", "a", "an") and j + 1 < len(doc):
            j += 1
        if doc[j].lower_.rstrip(".") in PERSON_TITLES and j + 1 < len(doc):
            j += 1 + (doc[j + 1].text == ".")  # ", Dr. Ana Ruiz": the name after the title
        m = self.index.by_token.get(j)
        if m is None or m.start < end:
            return None
        want = "organization" if tok.lemma_.lower() in ORG_DESCRIPTORS else "person"
        return m if m.kind == want else None

    def _shared_head(self, tok: Token) -> list[Arg]:
        """ "the Duluth Republican and Independence parties": coordinated names sharing one
        plural group noun are one organization each ("Duluth Republican Party", ...)."""
        if tok.tag_ != "NNS" or tok.lemma_.lower() not in ORG_DESCRIPTORS:
            return []
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i]
        first = next((c for c in mods if any(k.dep_ == "conj" for k in c.children)), None)
        if first is None or not (first.is_title or first.is_upper):
            return []
        conjs = [first, *(k for k in first.conjuncts if k.i < tok.i)]
        if not all(k.is_title or k.is_upper for k in conjs):
            return []
        prefix = [
            t.text
            for t in tok.doc[first.left_edge.i : first.i]
            if t.pos_ == "PROPN" and (t.is_title or t.is_upper)
        ]
        head = tok.lemma_.title()
        out = []
        for k in conjs:
            name = " ".join([*prefix, k.text, head])
            m = Mention(k.i, tok.i + 1, name, name, "organization", {}, name)
            out.append(Arg(m, k, "list" if out else "name"))
        return out

    def _reporter(self, tok: Token) -> list[Arg] | None:
        """ "Renouveau Civique said on Tuesday that it is backing X": the pronoun subject of a
        reported clause is the one who reports it, when that one is named and compatible."""
        clause = tok.head
        if clause.dep_ != "ccomp":
            return None
        verb = clause.head
        if verb.lemma_.lower() not in SAY_VERBS:
            return None
        speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if speaker is None or speaker.pos_ == "PRON":
            return None
        m = self.index.at(speaker)
        if m is None:
            return None
        want_person = tok.lower_ in ("he", "she")
        if want_person != (m.kind in ("person", "handle")) and m.kind != "unknown":
            return None
        return [Arg(m, speaker, "name")]

    def _reported_by_list(self, tok: Token, avoid: set[str] | None, depth: int) -> list[Arg]:
        """ "A, B and C said they would vote for X": "they" are the people who said it."""
        clause = tok.head
        while clause.dep_ not in ("ccomp", "xcomp", "ROOT") and clause.head != clause:
            clause = clause.head
        if clause.dep_ not in ("ccomp", "xcomp"):
            return []
        speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        if speaker is None or speaker.pos_ == "PRON":
            return []
        # the list may be parsed as conjuncts or as a chain of appositions
        named = self.expand(speaker, avoid, depth + 1)
        if len(named) < 2:
            return []
        return [Arg(a.mention, a.token, "pronoun") for a in named]

    def _single(
        self, tok: Token, avoid: set[str] | None, depth: int, via: str = "name"
    ) -> list[Arg]:
        m = self.index.at(tok)
        if m is not None:
            out = [Arg(m, tok, via)]
            if m.is_party_members:
                # "two Republicans: A and B" -> the named members, else nobody named
                named = [
                    a
                    for c in tok.children
                    if c.dep_ == "appos"
                    for a in self.expand(c, avoid, depth + 1)
                ]
                return named
            # "A, Lt. Gov. B and state Sen. C": a list parsed as apposition; "A, D-Calif., B,
            # D-N.J., and C": the list runs through the party tags
            for child in _through_tags(tok):
                if child.dep_ == "appos" and child.pos_ == "PROPN" and child.i > tok.i:
                    cm = self.index.at(child)
                    if cm is not None and cm.kind == m.kind and cm is not m:
                        out.extend(
                            Arg(a.mention, a.token, "list")
                            for a in self.expand(child, avoid, depth + 1)
                        )
            return out
        low = tok.lower_
        if low in FIRST_PERSON:
            spk = self.quotes.speaker_for(tok)
            if spk is None and self.quotes.inside(tok) is None:
                if low in EDITORIAL_WE:
                    # "We endorse X" outside any quote: the publication speaks
                    author = self.index.publication()
                    if author is not None:
                        return [Arg(author, tok, "speaker")]
                # "Posted by Hannah Schroeder ... Ali is my first choice": the byline's author
                spk = self.quotes.byline
            if spk is None:
                return []
            label = self.index.by_label(spk) if spk.is_upper else None
            if label is not None:
                # a transcript's "FAIRBANKS (County Commissioner):" label names the speaker
                found = [Arg(label, spk, "name")]
            else:
                found = self.speakers(spk, avoid, depth + 1)
            return [Arg(a.mention, tok, "speaker") for a in found]
        if low in ("it", "he", "she") and tok.dep_ in ("nsubj", "nsubjpass"):
            reporter = self._reporter(tok)
            if reporter is not None:
                return [Arg(a.mention, a.token, "pronoun") for a in reporter]
        if low in ("they", "we") and tok.dep_ == "nsubj":
            listed = self._reported_by_list(tok, avoid, depth)
            if listed:
                return listed
        if low in PERSON_PRONOUNS | ORG_PRONOUNS | PLURAL_PRONOUNS:
            # Inside a quote "he" is someone the speaker talks about: too uncertain.
            pm = self.coref.pronoun(tok, avoid)
            return [Arg(pm, tok, "pronoun")] if pm is not None else []
        rel = self.coref.relative(tok)
        if rel is not None:
            return [Arg(a.mention, tok, "relative") for a in self.expand(rel, avoid, depth + 1)]
        shared = self._shared_head(tok)
        if shared:
            return shared
        # "The local had endorsed X": the small model tags the noun "local" ADJ
        nominal_adj = tok.pos_ == "ADJ" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
        if tok.pos_ in ("NOUN", "PROPN", "NUM") or nominal_adj:
            found: list[Arg] = []
            # a named appositive or a list hanging on a common noun
            for child in tok.children:
                if child.dep_ == "appos":
                    if _beyond_colon(tok, child):
                        continue
                    found.extend(self.expand(child, avoid, depth + 1))
                elif (
                    child.dep_ == "prep"
                    and child.lower_ == "of"
                    and tok.lemma_.lower() in QUANTITY_NOUNS
                ):
                    for p in child.children:
                        if p.dep_ == "pobj":
                            found.extend(self.expand(p, avoid, depth + 1))
                elif child.dep_ == "prep" and child.lower_ in LIST_PREPS:
                    for p in child.children:
                        if p.dep_ == "pobj":
                            found.extend(
                                Arg(a.mention, a.token, "list")
                                for a in self.expand(p, avoid, depth + 1)
                            )
                elif (
                    child.dep_ == "poss"
                    and child.pos_ == "NOUN"
                    and tok.lemma_.lower() in ("board", "leadership", "executive", "members")
                ):
                    # "the chamber's board endorsed": the board acts for the chamber
                    dm = self.coref.description(child, avoid)
                    if dm is not None:
                        found.append(Arg(dm, child, "description"))
                elif (
                    child.dep_ == "poss"
                    and child.pos_ == "PROPN"
                    and tok.lemma_.lower() in BODY_NOUNS
                ):
                    # "the Dispatch's editorial board": the paper speaks
                    cm = self.index.at(child)
                    if cm is not None and cm.kind in ("organization", "unknown", "place"):
                        found.append(Arg(cm, child, "name"))
                elif (
                    child.dep_ in ("compound", "nmod")
                    and child.pos_ == "PROPN"
                    and tok.lemma_.lower() not in EVENT_NOUNS
                ):
                    # "the Brackwater mayor", not "the Porto Alegre runoff": an event acts not
                    cm = self.index.at(child)
                    # "the Brackwater mayor": one word before an office is the office's place
                    if (
                        tok.lemma_.lower() in OFFICE_NOUNS
                        and cm is not None
                        and cm.end - cm.start == 1
                    ):
                        cm = None
                    if cm is not None and (
                        cm.kind in ("person", "unknown")
                        or (
                            cm.is_partyish
                            and tok.lemma_.lower() in ("candidate", "nominee", "slate", "ticket")
                        )
                        # "the Gateway Post-Dispatch editorial board": the paper speaks
                        or (
                            cm.kind == "organization"
                            and tok.lemma_.lower() in ("board", "editor", "staff", "leadership")
                        )
                    ):
                        # "the BJP candidates": the party's slate stands for the party
                        found.append(Arg(cm, child, "name"))
            if found:
                return found
            if tok.lemma_.lower() in CAMPAIGN_NOUNS:
                # "endorsing his candidacy", "donate to Okafor's campaign": whose campaign
                owners = [c for c in tok.children if c.dep_ == "poss"]
                owners += [
                    p
                    for c in tok.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children
                    if p.dep_ == "pobj"
                ]
                if owners:
                    return [a for o in owners for a in self.expand(o, avoid, depth + 1)]
            nxt = self._adjacent_apposition(tok)
            if nxt is not None:
                return [Arg(nxt, tok, "name")]
            if tok.lemma_.lower() in ROLE_NOUNS:
                # "the Senate candidate he endorsed in Ohio, Dale Ferris, ...": the
                # name may hang on any word of the noun phrase
                for t in tok.subtree:
                    if t.dep_ == "appos" and t.i > tok.i and t.pos_ == "PROPN":
                        named = self.expand(t, avoid, depth + 1)
                        if named:
                            return named
            if tok.dep_ == "appos" and tok.head.i < tok.i and tok.head.pos_ == "PROPN":
                # "Ravi Menon, an Independent candidate backed by the Unity Party"
                return self.expand(tok.head, avoid, depth + 1)
            listed = self._colon_names(tok) or self._including_later(tok, avoid, depth)
            if listed:
                return listed
            dm = self.coref.description(tok, avoid)
            if dm is not None:
                return [Arg(dm, tok, "description")]
        return []

    def _including_later(self, tok: Token, avoid: set[str] | None, depth: int) -> list[Arg]:
        """ "endorsed by more than 40 MPs in the race to lead the party, including A and B":
        the parser hangs "including" on the nearest noun; for a plural of people with no
        other people noun in between, the names it lists are theirs."""
        if tok.tag_ != "NNS" or tok.lemma_.lower() not in PEOPLE_PLURALS:
            return []
        for t in tok.doc[tok.i + 1 : tok.sent.end]:
            if t.tag_ == "NNS" and t.lemma_.lower() in PEOPLE_PLURALS:
                return []  # "MPs and their staff, including X": the nearer group owns X
            if t.lower_ == "including" and t.head.i > tok.i:
                return [
                    Arg(a.mention, a.token, "list")
                    for p in t.children
                    if p.dep_ == "pobj"
                    for a in self.expand(p, avoid, depth + 1)
                    if a.mention.kind == "person"
                ]
        return []

    def speakers(self, spk: Token, avoid: set[str] | None = None, depth: int = 0) -> list[Arg]:
        """Who a quote's or a post's speaker token names: the speaker and any coordinated
        co-speakers, never an apposition after the name ("— Name, Town": the town signs
        nothing). Whoever speaks is somebody: a name-shaped place or group is a person."""
        own = self.index.at(spk)
        found = []
        for a in self._single(spk, avoid, depth):
            if own is not None and a.mention is not own and a.token.dep_ != "conj":
                continue
            if a.mention.kind in ("place", "unknown", "group") and name_shaped(a.mention.name):
                a.mention.kind = "person"
            if a.mention.kind in ("person", "organization", "handle"):
                found.append(a)
        return found

    def _colon_names(self, tok: Token) -> list[Arg]:
        """ "endorsed by four of the state's unions: the A, the B, ..." / "voted to endorse
        three candidates: A, B and C": a plural or counted noun phrase spelled out after a
        colon, which the parser hangs anywhere."""
        doc = tok.doc
        end = tok.right_edge.i + 1
        if end >= len(doc) or doc[end].text != ":":
            return []
        if not (tok.tag_ in ("NNS", "NNPS") or tok.pos_ == "NUM"):
            return []
        stop = tok.sent.end
        if stop <= end + 1 and stop < len(doc):
            stop = doc[stop].sent.end  # the splitter may end the sentence at the colon
        out: list[Arg] = []
        seen: set[int] = set()
        for t in doc[end + 1 : stop]:
            m = self.index.at(t) if t.pos_ == "PROPN" else None
            if m is not None and m.kind in ("person", "organization") and id(m) not in seen:
                seen.add(id(m))
                out.append(Arg(m, t, "list"))
        return out
