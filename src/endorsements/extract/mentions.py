"""Named mentions in a parsed document, and the token-to-mention index the patterns use.

The small English model misses or mislabels many names in news (a surname tagged NORP, a
handle tagged nothing, "Sen." swallowed into a PERSON span), so mentions are built from the
NER spans *and* from runs of proper nouns, then trimmed of titles and party tags by `resolve`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..resolve.names import PERSON_TITLES, clean_name, is_titleish
from .attributes import MONTH_ABBR, MONTHS, WEEKDAYS
from .lexicon import BALLOT_HEADS, MEDIA_NAME, ORG_DESCRIPTORS, PERSON_DESCRIPTORS

ENT_KINDS = {
    "PERSON": "person",
    "ORG": "organization",
    "NORP": "group",
    "GPE": "place",
    "FAC": "place",
    "LOC": "place",
    "WORK_OF_ART": "other",
    "LAW": "law",
    "PRODUCT": "product",
    "EVENT": "event",
}
HANDLE = re.compile(r"@[A-Za-z0-9_]{2,}")
#: Calendar words the model capitalizes like names ("May" stays: it is also a name).
NOT_NAMES = (
    set(WEEKDAYS)
    | {m for m in MONTHS if m != "may"}
    | {m for m in MONTH_ABBR if m != "may"}
    | {"sep", "today", "yesterday"}
)
#: A capital after three lower-case letters inside one word: "PresidentMaria" (but not
#: "McAllister", "LaToya", "DeSouza", "MacArthur").
RUN_TOGETHER = re.compile(r"[a-z]{3,}[A-Z]")
PARTY_TAG = re.compile(r"^[DRI](?:-[A-Z][A-Za-z.]*)?\.?$")
#: Plural party names that mean the party's members, not the party.
PARTY_MEMBERS = {
    "democrats",
    "republicans",
    "conservatives",
    "greens",
    "liberals",
    "socialists",
    "progressives",
}
#: Generic words that make a name a party's (no party is known by name).
PARTY_WORDS = {"party", "labour", "labor"} | PARTY_MEMBERS
PARTY_HINTS = re.compile(
    r"\b(party|parti|partido|partei|labour|democrats|republicans|"
    r"conservatives|liberal democrats|greens)\b",
    re.I,
)


@dataclass(eq=False)
class Mention:
    """One surface mention of an entity in the document."""

    start: int  # token index
    end: int  # token index, exclusive
    text: str  # surface text, titles included
    name: str  # cleaned name (titles and tags stripped)
    kind: str  # person | organization | group | place | measure | handle | unknown
    attrs: dict[str, str] = field(default_factory=dict)
    #: Canonical name after in-document resolution (set by `resolve.cluster`).
    canonical: str = ""
    #: Descriptions attached to this mention ("the rapper", "a union").
    descriptors: set[str] = field(default_factory=set)

    @property
    def is_partyish(self) -> bool:
        return bool(PARTY_HINTS.search(self.name)) or self.name.casefold() in PARTY_WORDS

    @property
    def is_party_members(self) -> bool:
        """ "Republicans", "two Democrats": party members, not the party as an endorsee."""
        return self.name.casefold() in PARTY_MEMBERS


def _proper_run(tok: Token) -> tuple[int, int]:
    """The proper name ending at `tok`: its compound/flat proper-noun dependents to the left,
    hyphen-joined parts included ("Anneliese Kettering-Oyama")."""
    doc = tok.doc
    start = tok.i
    while start > 0:
        prev = doc[start - 1]
        joined = (
            prev.text in ("-", "‐")
            and not prev.whitespace_
            and start >= 2
            and (not doc[start - 2].whitespace_ and doc[start - 2].pos_ == "PROPN")
        )
        if joined:
            start -= 2
        elif (
            prev.text in ("'", "’")
            and prev.dep_ == "case"
            and start >= 2
            and (
                doc[start - 2].pos_ == "PROPN" and doc[start - 2].head.i in range(start, tok.i + 1)
            )
        ):
            start -= 2  # "Sheriffs' Benevolent Lodge"
        elif (
            prev.pos_ == "PROPN"
            and prev.dep_ in ("compound", "flat")
            and (start <= prev.head.i <= tok.i)
            and not is_titleish(prev.text)
        ):
            start -= 1
        else:
            break
    end = tok.i + 1
    if (
        end < len(doc)
        and doc[end].like_num
        and doc[end].head.i == tok.i
        and (tok.lower_ in ORG_NUMBERED)
    ):
        end += 1  # "Lodge 12", "Local 88"
    # "voting for Ines Waverly" parsed with "Waverly" hanging on "Ines"
    # (the small model even tags such a surname ADV)
    while (
        end < len(doc)
        and doc[end].is_title
        and doc[end].is_alpha
        and (doc[end - 1].whitespace_ == " ")
        and not is_titleish(doc[end].text)
        and doc[end].lower_ not in NOT_NAMES
        and (doc[end].pos_ in ("PROPN", "ADV", "NOUN", "ADJ"))
    ):
        end += 1
    return start, end


PUBLICATION_PHRASE = re.compile(
    r"(?P<name>(?:The )?(?:[A-Z][\w'’-]+ ){0,3}(?:Gazette|Herald|Times|Post|Tribune|Journal|"
    r"Chronicle|Ledger|Courier|Sentinel|Register|Clarion|Examiner|Observer|Inquirer|Dispatch|"
    r"Star|Sun|Tide|Bulletin|Record|Press|Mercury|Beacon|Monitor|Standard|Telegraph|Guardian|"
    r"Daily|News|Review|Globe))(?:'s|’s)? "
    # "The Pima Daily Record's picks", "the Ledger's endorsements": the paper recommends
    r"(?:[Ee]ditorial [Bb]oard|[Pp]icks|[Ee]ndorsements|[Rr]ecommendations)\b"
)
ORG_HEADS = re.compile(
    r"\b(union|association|federation|council|coalition|party|committee|guild|league|"
    r"alliance|pac|fund|club|caucus|society|brotherhood|chamber|network|movement|front|"
    r"foundation|institute|board|local|lodge|congress|teamsters|workers|employees|"
    r"voters|action|project|trades|democrats|republicans)\b",
    re.I,
)
ORG_NUMBERED = {
    "local",
    "lodge",
    "chapter",
    "district",
    "post",
    "council",
    "union",
    "branch",
    "no",
    "no.",
    "unit",
    "division",
}
#: One-word organization names that are generic nouns, not names ("the PAC", "the Senate").
GENERIC_ORGS = {
    "pac",
    "senate",
    "house",
    "congress",
    "union",
    "guild",
    "party",
    "committee",
    "council",
    "assembly",
    "parliament",
    "government",
    "cabinet",
    "lodge",
    "local",
    "administration",
    "campaign",
    "court",
    "legislature",
    "board",
    "caucus",
    "state",
    "city",
    "county",
    "department",
    "ministry",
    "commission",
}


def _looks_like_person(span: Span, name: str) -> bool:
    """An ORG span that is a person's name: no organization word in it, and a person's role
    or title right before it ("community organizer Beatriz Salcedo-Kerr"), or a hyphenated
    double surname ("Salcedo-Kerr")."""
    first = span[0] if span[0].lower_ != "the" or len(span) == 1 else span[1]
    if first.lower_.rstrip(".") in PERSON_TITLES or first.lower_ in PERSON_DESCRIPTORS:
        return len(span) > 1 and not ORG_HEADS.search(name)  # "Rapper Marcus Vale"
    if ORG_HEADS.search(name) or MEDIA_NAME.search(name) or len(name.split()) > 3:
        return False
    if not all(w[:1].isupper() for w in name.split()):
        return False
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and (prev.lemma_.lower() in PERSON_DESCRIPTORS or is_titleish(prev.text)):
        return True
    return bool(re.fullmatch(r"(?:[A-Z][a-z]+ )?[A-Z][a-z]+-[A-Z][a-z]+", name))


def _described_as_org(span: Span) -> bool:
    """ "the centrist party X", "the union X": a name that a group noun introduces is the
    group's, however person-like its words look to the tagger."""
    if span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    return (
        prev.lower_ in ORG_DESCRIPTORS
        and prev.dep_ in ("compound", "appos", "nmod")
        and span.start <= prev.head.i < span.end
        and prev.lower_ not in ("campaign", "order", "board", "editorial", "daily")
    )


def name_shaped(name: str) -> bool:
    """Two or three capitalized words with no organization, media or party word: the shape
    of a person's name ("Marcus Hale"), whatever the NER label."""
    words = name.split()
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and not w.isupper() for w in words)
        and not ORG_HEADS.search(name)
        and not MEDIA_NAME.search(name)
        and not PARTY_HINTS.search(name)
        and not any(w.lower() in GENERIC_ORGS for w in words)
    )


def _is_dateline(span: Span) -> bool:
    """ "PARIS —" / "BENGALURU, India (Wire) —": a capitalized place opening a paragraph."""
    doc = span.doc
    if _is_wire_credit(span):
        return True
    if not span.text.isupper() or len(span.text) < 3:
        return False
    at_para_start = (
        span.start == 0
        or "\n" in doc[span.start - 1].text_with_ws
        or (doc[span.start - 1].is_space)
    )
    nxt = doc[span.end] if span.end < len(doc) else None
    return at_para_start and nxt is not None and nxt.text in (",", "—", "–", "-", "(", ":")


#: "Citizens for a Sound Treasury", "Nevadans for a Public Bank", "Moms Against Tolls":
#: a capitalized plural, "for" or "against", then capitalized words.
ADVOCACY_NAME = re.compile(
    r"\b(?P<lead>[A-Z][a-z]+(?:s|ians|ans|ers))\s+(?:for|Against|against|For)\s+"
    r"(?:(?:a|an|the|A|An|The)\s+)?"
    r"(?:[A-Z][\w'’-]*(?:\s+(?:of|and|&)\s+|\s+))*[A-Z][\w'’-]*"
)
#: Plural words that open a sentence without naming a group: "Thanks for the ...".
NOT_ADVOCACY_LEADS = {
    "thanks",
    "plans",
    "calls",
    "votes",
    "hopes",
    "prospects",
    "results",
    "polls",
    "ads",
    "funds",
    "letters",
    "odds",
    "news",
    "tickets",
    "rules",
    "taxes",
    "was",
    "is",
    "has",
    "does",
    "this",
    "his",
    "its",
    "as",
    "yes",
}


#: Runs of capitalized words, hyphenated parts included: candidates for a paper's full name.
MASTHEAD = re.compile(r"(?:[A-Z][\w'’.]*(?:-[A-Z][\w'’.]*)*(?: |(?=[^\w'’.-])))+")


def _comma_list(span: Span) -> list[Span]:
    """ "National Teachers Association, Service Workers International Union" tagged as one
    ORG: a list of organizations, each with its own head word, is split at the commas."""
    commas = [t.i for t in span if t.text == ","]
    if not commas:
        return [span]
    doc = span.doc
    bounds = [span.start, *[c + 1 for c in commas]]
    ends = [*commas, span.end]
    parts = [doc[a:b] for a, b in zip(bounds, ends, strict=True)]
    # each part must end with its own head word: "American Federation of State, County and
    # Municipal Employees" is one name ("State" is no head)
    if all(len(p) >= 2 and ORG_HEADS.fullmatch(p[-1].text) for p in parts):
        return parts
    return [span]


def _is_wire_credit(span: Span) -> bool:
    """ "PARIS (Wire Service) —": the agency credited in a dateline did not say anything in
    the story, so it must never become a speaker or a pronoun's antecedent."""
    doc = span.doc
    if span.start < 2 or span.end + 1 >= len(doc):
        return False
    if doc[span.start - 1].text != "(" or doc[span.end].text != ")":
        return False
    if doc[span.end + 1].text not in ("—", "–", "-", "--"):
        return False
    # the "(" must follow a capitalized place that opens its paragraph
    i = span.start - 2
    while i > 0 and not doc[i - 1].is_space and "\n" not in doc[i - 1].text_with_ws:
        if span.start - i > 6:
            return False
        i -= 1
    return doc[i].is_upper or doc[i].text.isupper()


#: Verbs that never occur inside a name; in a title-case headline they end the subject.
HEADLINE_VERBS = {
    "endorse",
    "endorses",
    "endorsed",
    "back",
    "backs",
    "backed",
    "support",
    "supports",
    "say",
    "says",
    "slam",
    "slams",
    "win",
    "wins",
    "rescind",
    "rescinds",
    "pull",
    "pulls",
    "drop",
    "drops",
    "urge",
    "urges",
    "join",
    "joins",
    "vote",
    "elect",
    "reelect",
    "re-elect",
}


def _common_words(doc: Doc) -> set[str]:
    """Words the document writes in lower case somewhere: in a title-case headline, their
    capitalized forms are words, not names."""
    cached = doc.user_data.get("endorsements_common_words")
    if cached is None:
        cached = {t.lower_ for t in doc if t.is_lower and t.is_alpha}
        doc.user_data["endorsements_common_words"] = cached
    return cached


def _repair(span: Span, kind: str) -> Span:
    """Fix NER boundaries the small model gets wrong in news names.

    "Cordelia" + "-Ashgrove"... hyphenated surnames cut short; "Pipefitters Local" without its
    number "88"; "Officers' Guild" cut at the possessive apostrophe.
    """
    doc = span.doc
    start, end = span.start, span.end
    # a headline's "Nurses Endorse Whitaker" tagged as one name: cut after the verb
    for i in range(end - 1, start - 1, -1):
        if doc[i].lower_.rstrip("sd") in HEADLINE_VERBS or doc[i].lower_ in HEADLINE_VERBS:
            start = i + 1
            break
    if start >= end:
        return span
    # a first name left out: "Margarethe" + "Oyelowo" (GPE)
    while (
        start > 0
        and doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].dep_ == "compound"
        and (
            start <= doc[start - 1].head.i < end
            and not doc[start - 1].ent_type_
            and doc[start - 1].is_title
            and not is_titleish(doc[start - 1].text)
            and doc[start - 1].lower_ not in _common_words(doc)  # not a headline's "Endorse"
        )
    ):
        start -= 1
    # the span stops short of its own head: "Treasurer Cordelia" + "Ashgrove-Finn",
    # "the North Shore Police Officers'" + "Guild"
    for _ in range(3):
        last = doc[end - 1]
        head = last.head
        if (
            last.dep_ in ("compound", "poss", "case", "punct")
            and end <= head.i <= end + 3
            and (
                head.pos_ == "PROPN"
                and all(
                    t.pos_ in ("PROPN", "PART", "PUNCT")
                    and t.text not in (",", "(", ")", '"')
                    and (
                        t.ent_type_ in ("", span.label_)
                        # "Priya" + "Natarajan-Wells" split by the model: one person
                        or (t.ent_type_ == "PERSON" and last.dep_ == "compound")
                    )
                    for t in doc[end : head.i + 1]
                )
            )
        ):
            end = head.i + 1
        else:
            break
    # hyphen-joined proper names: Ashgrove-Finn, Szabo-Mendes
    while (
        end + 1 < len(doc)
        and doc[end].text in ("-", "‐")
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_title
    ):
        end += 2
    if kind == "organization":
        if end < len(doc) and doc[end - 1].lower_ in ORG_NUMBERED and doc[end].like_num:
            end += 1
        # "North Shore Police Officers' Guild": the NER span starts after the apostrophe
        while (
            start >= 2
            and doc[start - 1].text in ("'", "’", "'s", "’s")
            and (doc[start - 2].is_title or doc[start - 2].is_upper)
        ):
            start -= 2
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title:
                start -= 1
        # "Lancaster City Professional Firefighters, Local 1140": the comma starts a suffix
        for i in range(start + 1, end - 1):
            if doc[i].text == "," and doc[i + 1].lower_ in ORG_NUMBERED:
                end = i
                break
    return doc[start:end]


def _after_inner_role(span: Span, kind: str) -> tuple[Span, str]:
    """ "King County Councilmember Aisha Farouk" tagged as a place: a role word inside the
    span ends the place and begins a person's name."""
    for i in range(span.end - 2, span.start - 1, -1):
        word = span.doc[i].lower_.rstrip(".")
        if word in ROLE_ENDINGS or word in PERSON_TITLES:
            rest = span.doc[i + 1 : span.end]
            if (
                rest
                and all(t.is_title and t.is_alpha or t.text in ("-", "'") for t in rest)
                and not ORG_HEADS.search(rest.text)
            ):
                return rest, "person"
            break
    return span, kind


AMBIGUOUS_KINDS = {"place", "group", "unknown", "product", "other", "event"}
PERSON_VERBS = {
    "say",
    "tell",
    "endorse",
    "campaign",
    "write",
    "tweet",
    "post",
    "add",
    "declare",
    "urge",
    "insist",
    "recall",
    "joke",
}
#: Words that end a role, never a name: "Transport Secretary", "Denver City Councilwoman".
ROLE_ENDINGS = {
    "secretary",
    "councilwoman",
    "councilman",
    "councilmember",
    "commissioner",
    "chancellor",
    "speaker",
    "director",
    "chairman",
    "chairwoman",
    "mayor",
    "governor",
    "senator",
    "minister",
    "president",
    "congressman",
    "congresswoman",
    "sheriff",
    "treasurer",
    "comptroller",
    "spokesman",
    "spokeswoman",
    "leader",
}
PARTY_TAG_AFTER = re.compile(r"^\s*(?:\(|,\s*)[DRI](?:-[A-Z]|\b)")


def _person_evidence(m: Mention, doc: Doc, *, saying: bool = True) -> bool:
    """Does the text treat this mention as a person? A title or role word before it, a role
    in apposition, a party tag after it, or saying and endorsing as its own subject."""
    span = doc[m.start : m.end]
    head = span.root
    prev = doc[m.start - 1] if m.start > 0 else None
    title = m.attrs.get("title", "").lower().replace(".", "").split()
    if set(title) & PERSON_TITLES:
        return True
    if prev is not None and (
        prev.lower_.rstrip(".") in PERSON_TITLES
        or (
            prev.lemma_.lower() in PERSON_DESCRIPTORS
            and prev.dep_ == "compound"
            and m.start <= prev.head.i < m.end
        )
    ):
        return True
    for c in head.children:
        if c.dep_ == "appos" and c.lemma_.lower() in PERSON_DESCRIPTORS:
            return True
    if head.dep_ == "appos" and head.head.lemma_.lower() in PERSON_DESCRIPTORS:
        return True
    if PARTY_TAG_AFTER.match(doc.text[span.end_char : span.end_char + 12]):
        return True
    if head.dep_ != "nsubj" or len(m.name.split()) < 2:
        return False
    verb = head.head
    # "Darnell Pike ran for the state Senate": only a person is a candidate
    return (saying and verb.lemma_.lower() in PERSON_VERBS) or (
        verb.lemma_.lower() == "run" and any(c.lower_ == "for" for c in verb.children)
    )


def promote_people(mentions: list[Mention], doc: Doc) -> None:
    """Names the small model tags as places or groups become people when the text says so.

    Unfamiliar names ("Margarethe Oyelowo", "Caspian Dreyfuss") are often tagged GPE or NORP.
    The evidence is pooled over every mention of the same name and its surname, so one
    "Sen. Oyelowo" is enough for the bare "Oyelowo" elsewhere.
    """

    def promotable(m: Mention) -> bool:
        return m.kind in AMBIGUOUS_KINDS or (m.kind == "organization" and name_shaped(m.name))

    # an organization also says and endorses ("Harbor Futures said"): for a name the
    # model tags as one, only a title, a role, a party tag or running for office will do
    names = {
        m.name
        for m in mentions
        if promotable(m) and _person_evidence(m, doc, saying=m.kind != "organization")
    }
    names |= {n.split()[-1] for n in names}
    for m in mentions:
        if promotable(m) and m.name in names:
            m.kind = "person"
    # a two-word ambiguous name whose surname stands alone elsewhere is a person's name
    singles = {m.name for m in mentions if len(m.name.split()) == 1}
    for m in mentions:
        parts = m.name.split()
        if (
            (m.kind in ("place", "group") or (m.kind == "organization" and name_shaped(m.name)))
            and len(parts) == 2
            and parts[1] in singles
            and (parts[0][:1].isupper())
        ):
            m.kind = "person"  # "Aisha Farouk" (ORG) and, later, plain "Farouk"


class MentionIndex:
    """All mentions of a doc with a token -> mention lookup."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.mentions: list[Mention] = []
        self.by_token: dict[int, Mention] = {}
        #: Set once the document's mentions are clustered; re-run for late mentions.
        self.resolver: Callable[[list[Mention]], object] | None = None
        self._publication: Mention | None = None
        self._publication_found = False
        self._add_advocacy_names()
        for ent in doc.ents:
            kind = ENT_KINDS.get(ent.label_)
            if kind is None:
                continue
            if _is_dateline(ent):
                continue
            fixed = _repair(ent, kind)
            if kind != "person":
                fixed, kind = _after_inner_role(fixed, kind)
            if kind != "person" and any(t.ent_type_ == "PERSON" for t in fixed):
                # "Councilwoman" (NORP) + "Priya Natarajan-Wells" (PERSON): one person; a
                # place before the name ("Missouri Attorney General X") is not part of it
                kind = "person"
                start = fixed.start
                while start < fixed.end - 1 and doc[start].ent_type_ in ("GPE", "NORP", "LOC"):
                    start += 1
                fixed = doc[start : fixed.end]
            parts = _comma_list(fixed) if kind == "organization" else [fixed]
            for part in parts:
                self._add_span(part, kind)
        self._add_described_orgs()
        org_named = {
            m.name
            for m in self.mentions
            if m.kind == "organization" and m.attrs.pop("_org_described", None)
        }
        for m in self.mentions:
            if m.name in org_named and m.kind in ("person", "unknown"):
                m.kind = "organization"  # named once as "the party X": X is the party throughout
        self._add_handles()
        self._add_ballot_measures()

    # -- building -------------------------------------------------------------------------
    def _add_span(self, span: Span, kind: str) -> Mention | None:
        if any(t.i in self.by_token for t in span):
            return None
        if any(RUN_TOGETHER.search(t.text) for t in span):
            return None  # "JensenDemocratic": words glued by a scraper, not a name
        name, attrs = clean_name(span.text, "organization" if kind == "organization" else "person")
        if not name or not any(c.isalpha() for c in name) or PARTY_TAG.match(name):
            return None
        if name.split()[-1].lower().rstrip(".") in ROLE_ENDINGS and not ORG_HEADS.search(name):
            return None  # "Denver City Councilwoman", "Transport Secretary": a role, no name
        if kind in ("person", "unknown") and not any(t.is_title or t.is_upper for t in span):
            return None  # "pro tempore": lower-case words are not a name
        if kind == "organization" and name.casefold() in GENERIC_ORGS:
            return None
        if kind == "unknown" and not all(
            t.is_title or t.is_upper or t.is_punct or not t.is_alpha for t in span
        ):
            return None
        if kind == "group" and (name.casefold() in PARTY_WORDS or PARTY_HINTS.search(name)):
            kind = "organization"
        if kind == "person" and len(name.split()) >= 3 and ORG_HEADS.fullmatch(name.split()[-1]):
            kind = "organization"  # "Montana Charter Families Network" tagged PERSON
        if kind == "organization" and _looks_like_person(span, name):
            kind = "person"
            name, attrs = clean_name(span.text, "person")
        if kind in ("person", "unknown") and _described_as_org(span):
            kind = "organization"
            name, attrs = clean_name(span.text, "organization")
            attrs["_org_described"] = "1"
        if (
            name.split()[-1].lower() in BALLOT_HEADS
            and len(name.split()) > 1
            and (kind != "person")
        ):
            kind = "measure"  # "the Greenbelt Initiative", "the Northbridge Mayoralty Referendum"
        elif kind in ("place", "group", "product", "other", "event") and (
            ORG_HEADS.search(name)
            or (span[0].lower_ == "the" and MEDIA_NAME.fullmatch(re.split(r"[-\s]", name)[-1]))
        ):  # "the Coos Bay Tide" tagged LOC is a newspaper
            kind = "organization"  # "the Sheridan Road Tenants Union" tagged FAC
        if kind in ("person", "unknown") and "title" not in attrs:
            # "Sen." left outside the NER span is still this person's title
            doc = span.doc
            start = span.start
            while (
                start > 0
                and is_titleish(doc[start - 1].text)
                and doc[start - 1].is_title
                and (
                    span.start <= doc[start - 1].head.i < span.end or doc[start - 1].head.i == start
                )
            ):
                start -= 1
            if start < span.start:
                attrs["title"] = doc[start : span.start].text
        m = Mention(span.start, span.end, span.text, name, kind, attrs)
        self.mentions.append(m)
        for t in span:
            self.by_token[t.i] = m
        return m

    def _add_described_orgs(self) -> None:
        """ "the farmers' union Landvern": a name the tagger missed, introduced by a group noun."""
        for tok in self.doc:
            if tok.i in self.by_token or tok.pos_ != "PROPN" or not tok.is_title:
                continue
            if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
                continue  # not the end of the name
            start, end = _proper_run(tok)
            span = self.doc[start:end]
            if any(t.i in self.by_token for t in span):
                continue
            if _described_as_org(span):
                self._add_span(span, "organization")

    def _add_handles(self) -> None:
        for tok in self.doc:
            if tok.i in self.by_token:
                continue
            if HANDLE.fullmatch(tok.text) or (
                tok.text == "@" and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].is_alpha
            ):
                end = tok.i + 1 if tok.text != "@" else tok.i + 2
                span = self.doc[tok.i : end]
                m = Mention(span.start, span.end, span.text, span.text.replace(" ", ""), "handle")
                self.mentions.append(m)
                for t in span:
                    self.by_token[t.i] = m

    def _add_advocacy_names(self) -> None:
        """ "Citizens for a Sound Treasury", "Parents Against Toll Roads": the shape of an
        advocacy group's name, which the small model tags in pieces or not at all."""
        for match in ADVOCACY_NAME.finditer(self.doc.text):
            if match.group("lead").casefold() in NOT_ADVOCACY_LEADS:
                continue
            span = self.doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None:
                self._add_span(span, "organization")

    def _add_ballot_measures(self) -> None:
        for tok in self.doc:
            if tok.lower_ in BALLOT_HEADS and tok.i + 1 < len(self.doc):
                nxt = self.doc[tok.i + 1]
                if (
                    nxt.like_num
                    or re.fullmatch(r"[A-Z]{1,3}\.?", nxt.text)  # "Measure B." ends a sentence
                    or (nxt.text[:1].isdigit())
                ):
                    start = tok.i
                    if tok.i in self.by_token or nxt.i in self.by_token:
                        old = self.by_token.get(nxt.i) or self.by_token.get(tok.i)
                        if old is not None and old.kind == "measure" and old.end > nxt.i:
                            continue
                        if old is not None and old.end == nxt.i:
                            start = old.start  # "Ballot Issue" + "1A"
                        self._drop(old)
                    end = nxt.i + 1
                    while (
                        end + 1 < len(self.doc)
                        and self.doc[end].text == "-"
                        and (self.doc[end + 1].like_num or self.doc[end + 1].is_upper)
                        and not self.doc[end - 1].whitespace_
                    ):
                        end += 2
                    span = self.doc[start:end]
                    while span[0].lower_ == "the" and len(span) > 1:
                        span = span[1:]
                    label = span.text
                    m = Mention(span.start, span.end, span.text, label.rstrip("."), "measure")
                    self.mentions.append(m)
                    for t in span:
                        self.by_token[t.i] = m

    def _drop(self, m: Mention | None) -> None:
        if m is None:
            return
        self.mentions.remove(m)
        for i in range(m.start, m.end):
            self.by_token.pop(i, None)

    # -- lookup ---------------------------------------------------------------------------
    def at(self, tok: Token) -> Mention | None:
        """The mention covering `tok`, building one from a proper-noun run if NER missed it."""
        m = self.by_token.get(tok.i)
        if m is not None:
            return m
        if tok.pos_ != "PROPN" and tok.is_title and tok.is_alpha and self._is_known_surname(tok):
            # "Quon, for his part, was endorsed": a sentence-initial surname tagged NOUN
            return self._resolved(self._add_span(tok.doc[tok.i : tok.i + 1], "unknown"))
        camel = tok.is_alpha and tok.text[:1].isupper() and not tok.is_upper  # "StopThemNow"
        if tok.pos_ != "PROPN" or is_titleish(tok.text) or not (tok.is_title or camel):
            return None
        if tok.ent_type_ and tok.ent_type_ not in ENT_KINDS:
            return None  # a date, number or money amount the model tagged as such
        if tok.lower_ in NOT_NAMES:
            return None
        start, end = _proper_run(tok)
        # include compound children to the left
        for child in tok.lefts:
            if child.dep_ == "compound" and child.pos_ == "PROPN":
                start = min(start, child.left_edge.i)
        span = self.doc[start:end]
        if _is_wire_credit(span):
            return None
        overlapped = {id(m): m for t in span if (m := self.by_token.get(t.i)) is not None}
        for m in overlapped.values():
            if m.kind in ("person", "organization", "measure") or not (
                start <= m.start and m.end <= end
            ):
                return self.by_token.get(tok.i)
        for m in overlapped.values():
            self._drop(m)
        return self._resolved(self._add_span(span, "unknown"))

    def _is_known_surname(self, tok: Token) -> bool:
        return any(m.kind == "person" and m.name.split()[-1] == tok.text for m in self.mentions)

    def _resolved(self, m: Mention | None) -> Mention | None:
        """A mention added after clustering gets its canonical name the same way."""
        if m is not None and self.resolver is not None:
            self.resolver(self.mentions)
        return m

    def _publication_from_text(self) -> Mention | None:
        """ "The Lakeside Gazette editorial board": a paper the model did not tag ORG."""
        m = PUBLICATION_PHRASE.search(self.doc.text)
        if m is None:
            return None
        span = self.doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        if span is None:
            return None
        for t in span:
            old = self.by_token.get(t.i)
            if old is not None:
                self._drop(old)
        found = self._add_span(span, "organization")
        if found is not None:
            found.kind = "organization"
            found.canonical = found.name
        return found

    def nearest_measure(self, tok: Token, lookback: int = 3) -> Mention | None:
        """The ballot measure a bare "Yes"/"No" is about: in the sentence, else just before."""
        sent = tok.sent
        in_sent = [
            m for m in self.mentions if m.kind == "measure" and sent.start <= m.start < sent.end
        ]
        if in_sent:
            return min(in_sent, key=lambda m: abs(m.start - tok.i))
        before = [m for m in self.mentions if m.kind == "measure" and m.end <= sent.start]
        if before:
            m = max(before, key=lambda m: m.start)
            sents_between = len({t.sent.start for t in self.doc[m.end : sent.start]})
            if sents_between <= lookback:
                return m
        return None

    def _paper_shaped(self, m: Mention) -> bool:
        """ "The Prairie Sentinel-Herald" the model did not tag: "the" and a masthead word."""
        last = re.split(r"[-\s]", m.name)[-1]
        before = self.doc[m.start - 1].lower_ if m.start > 0 else ""
        starts_the = m.text.lower().startswith("the ") or before == "the"
        return len(m.name.split()) >= 2 and starts_the and bool(MEDIA_NAME.fullmatch(last))

    def publication(self) -> Mention | None:
        """The newspaper or editorial board the document speaks for, if it names one; found
        (and named by its fullest masthead) once per document."""
        if not self._publication_found:
            self._publication = self._find_publication()
            self._publication_found = True
        return self._publication

    def _find_publication(self) -> Mention | None:
        counts: dict[str, list[Mention]] = {}
        for m in self.sorted():
            paper = (
                m.kind == "organization" and bool(MEDIA_NAME.search(m.canonical or m.name))
            ) or (m.kind == "unknown" and self._paper_shaped(m))
            if paper:
                counts.setdefault(m.canonical or m.name, []).append(m)
        if not counts:
            pub = self._publication_from_text()
        else:
            editorial = [
                ms for name, ms in counts.items() if re.search(r"editorial|board", name, re.I)
            ]
            pub = max(editorial or counts.values(), key=len)[0]
        if pub is not None:
            if pub.kind in ("unknown", "person", "place"):
                pub.kind = "organization"  # a paper, whatever the tagger called its name
            full = self._masthead(pub.canonical or pub.name)
            if full:
                # "the Record editorial board" speaks for "The Pima Daily Record"
                for m in self.mentions:
                    if (m.canonical or m.name) == (pub.canonical or pub.name):
                        m.canonical = full
                pub.canonical = full
        return pub

    def _masthead(self, name: str) -> str | None:
        """The paper's fullest name in the text for a short or board-suffixed one: "Record
        Editorial Board" -> "Pima Daily Record", "Courier" -> "Pueblo Star-Courier"."""
        short = re.sub(r"(?i)^the\s+|(?:['’]s)?\s+editorial\s+board$", "", name).strip()
        if not short:
            return None
        head = re.split(r"[-\s]", short)[-1].lower()
        best: str | None = None
        for m in MASTHEAD.finditer(self.doc.text):
            cand = m.group(0).strip()
            if cand.isupper():
                cand = cand.title()  # a masthead in capitals: "THE PIMA DAILY RECORD"
            cand = re.sub(r"(?i)^the\s+|\s+editorial\s+board$", "", cand).strip()
            last = re.split(r"[-\s]", cand)[-1].lower()
            if last != head or not MEDIA_NAME.fullmatch(last) or len(cand) <= len(short):
                continue
            if not cand.lower().endswith(short.split()[-1].lower()):
                continue
            if best is None or len(cand) > len(best):
                best = cand
        return best

    def by_label(self, tok: Token) -> Mention | None:
        """A transcript label ("ACHTERHOF:", "PRIYA ABERNATHY-SOLIS:") as a named person."""
        start = tok.i
        while (
            start > 0
            and self.doc[start - 1].is_upper
            or (
                start > 0
                and self.doc[start - 1].text == "-"
                and not self.doc[start - 1].whitespace_
            )
        ):
            start -= 1
        words = [w for w in re.findall(r"[A-Za-z]+", self.doc[start : tok.i + 1].text.lower())]
        if not words:
            return None
        hits = {
            m.canonical: m
            for m in self.mentions
            if m.kind == "person" and m.canonical.lower().replace("-", " ").split()[-1] == words[-1]
        }
        return next(iter(hits.values())) if len(hits) == 1 else None

    def sorted(self) -> list[Mention]:
        return sorted(self.mentions, key=lambda m: m.start)
