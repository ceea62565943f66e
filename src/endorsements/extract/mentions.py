"""Named mentions in a parsed document, and the token-to-mention index the patterns use.

The small English model misses or mislabels many names in news (a surname tagged NORP, a
handle tagged nothing, "Sen." swallowed into a PERSON span), so mentions are built from the
NER spans *and* from runs of proper nouns, then trimmed of titles and party tags by `resolve`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..resolve.names import clean_name, is_titleish
from .lexicon import BALLOT_HEADS

ENT_KINDS = {"PERSON": "person", "ORG": "organization", "NORP": "group", "GPE": "place",
             "FAC": "place", "LOC": "place", "WORK_OF_ART": "other", "LAW": "law",
             "PRODUCT": "product", "EVENT": "event"}
HANDLE = re.compile(r"@[A-Za-z0-9_]{2,}")
NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "january", "february", "march", "april", "june", "july", "august", "september",
             "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
             "sept", "sep", "oct", "nov", "dec", "today", "yesterday"}
PARTY_TAG = re.compile(r"^[DRI](?:-[A-Z][A-Za-z.]*)?\.?$")
PARTY_WORDS = {"party", "labour", "labor", "democrats", "republicans", "conservatives",
               "tories", "greens", "liberals", "socialists", "dfl", "gop", "sinn", "fianna",
               "fine", "likud", "congress", "bjp", "snp", "ukip", "reform"}
PARTY_HINTS = re.compile(r"\b(party|parti|partido|partei|labour|democrats|republicans|"
                         r"conservatives|liberal democrats|greens|tories)\b", re.I)


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
        return self.name.casefold() in {"democrats", "republicans", "conservatives", "tories",
                                        "greens", "liberals", "socialists", "progressives"}


def _proper_run(tok: Token) -> tuple[int, int]:
    """The maximal run of proper-noun tokens around `tok` joined by compound/flat arcs."""
    start = end = tok.i
    doc = tok.doc
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i in range(
        start, tok.i + 1
    ) and doc[start - 1].dep_ in ("compound", "flat", "nmod", "amod"):
        start -= 1
    while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and (
        tok.head.i == end + 1 or doc[end + 1].head.i == tok.i
    ) and tok.dep_ in ("compound", "flat"):
        end += 1
    return start, end + 1


class MentionIndex:
    """All mentions of a doc with a token -> mention lookup."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.mentions: list[Mention] = []
        self.by_token: dict[int, Mention] = {}
        for ent in doc.ents:
            kind = ENT_KINDS.get(ent.label_)
            if kind is None:
                continue
            self._add_span(ent, kind)
        self._add_handles()
        self._add_ballot_measures()

    # -- building -------------------------------------------------------------------------
    def _add_span(self, span: Span, kind: str) -> Mention | None:
        if any(t.i in self.by_token for t in span):
            return None
        name, attrs = clean_name(span.text, "organization" if kind == "organization" else "person")
        if not name or not any(c.isalpha() for c in name) or PARTY_TAG.match(name):
            return None
        if kind in ("person", "unknown") and not any(t.is_title or t.is_upper for t in span):
            return None  # "pro tempore": lower-case words are not a name
        if kind == "unknown" and not all(
            t.is_title or t.is_upper or t.is_punct or not t.is_alpha for t in span
        ):
            return None
        if kind == "group" and (name.casefold() in PARTY_WORDS or PARTY_HINTS.search(name)):
            kind = "organization"
        m = Mention(span.start, span.end, span.text, name, kind, attrs)
        self.mentions.append(m)
        for t in span:
            self.by_token[t.i] = m
        return m

    def _add_handles(self) -> None:
        for tok in self.doc:
            if tok.i in self.by_token:
                continue
            if HANDLE.fullmatch(tok.text) or (
                tok.text == "@" and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].is_alpha
            ):
                end = tok.i + 1 if tok.text != "@" else tok.i + 2
                span = self.doc[tok.i:end]
                m = Mention(span.start, span.end, span.text, span.text.replace(" ", ""),
                            "handle")
                self.mentions.append(m)
                for t in span:
                    self.by_token[t.i] = m

    def _add_ballot_measures(self) -> None:
        for tok in self.doc:
            if tok.lower_ in BALLOT_HEADS and tok.i + 1 < len(self.doc):
                nxt = self.doc[tok.i + 1]
                if nxt.like_num or (nxt.is_upper and len(nxt) <= 3 and nxt.is_alpha) or (
                    nxt.text[:1].isdigit()
                ):
                    if tok.i in self.by_token or nxt.i in self.by_token:
                        old = self.by_token.get(nxt.i) or self.by_token.get(tok.i)
                        if old is not None and old.kind == "measure":
                            continue
                        self._drop(old)
                    span = self.doc[tok.i:nxt.i + 1]
                    m = Mention(span.start, span.end, span.text,
                                tok.text[:1].upper() + tok.text[1:] + " " + nxt.text, "measure")
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
        if tok.pos_ != "PROPN" or is_titleish(tok.text) or not tok.is_title:
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
        if any(t.i in self.by_token for t in span):
            return self.by_token.get(tok.i)
        return self._add_span(span, "unknown")

    def sorted(self) -> list[Mention]:
        return sorted(self.mentions, key=lambda m: m.start)
