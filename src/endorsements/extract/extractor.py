"""The rule-based extractor: parse, find mentions and quotes, apply patterns, filter, score.

`RuleExtractor.extract_doc` is a pure function of a parsed `Doc` and its publication date, so
it can run after `nlp.pipe` in any process and gives the same records everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..models import Document, Endorsement, Extraction, Span
from ..resolve import cluster_mentions
from .arguments import Arg, ArgumentFinder
from .attributes import date_of, endorser_type, post_date
from .coref import Coref
from .filters import blocking_reason, non_election_object, refusal_to_vote
from .lexicon import URGE_VERBS
from .mentions import Mention, MentionIndex, name_shaped, promote_people
from .model import load_model
from .patterns import GENERIC_URGED, PATTERNS, Candidate, joined_by
from .quotes import SAY_VERBS, QuoteIndex
from .races import PARTY_ADJECTIVES, RaceIndex
from .registry import register

ENDORSEE_KINDS = {"person", "unknown", "measure", "handle"}
ENDORSER_KINDS = {"person", "organization", "unknown", "handle"}
VIA_PENALTY = {
    "name": 0.0,
    "list": 0.0,
    "relative": 0.02,
    "pronoun": 0.1,
    "speaker": 0.08,
    "description": 0.12,
}
MAX_EVIDENCE_TOKENS = 60
INDIRECT = {"pronoun", "description", "relative"}
ELECTION_WORDS = re.compile(
    r"\b(vote|votes|voting|voters|election|elections|ballot|polls|poll|runoff|primary|"
    r"constituenc\w*|seats?|campaign|general election|first preference|preferences)\b",
    re.I,
)
GROUP_PLURALS = {
    "senators",
    "lawmakers",
    "legislators",
    "leaders",
    "members",
    "voters",
    "officials",
    "governors",
    "mayors",
    "liberals",
    "progressives",
    "celebrities",
    "activists",
    "candidates",
    "elites",
    "stars",
    "executives",
    "donors",
}
#: Rules whose arguments are the verb's own subject and object: only there may a name the
#: model tagged as a place stand for a person.
VERBAL_RULES = {"active", "passive", "acl"}


def news_month(cand: Candidate, published: date | None) -> str | None:
    """With no date in its sentence, news reported in the present or simple past happened in
    the month of publication; "had endorsed" reports an earlier, unknown time."""
    if published is None:
        return None
    verb = cand.anchor or cand.cue
    if any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD" for c in verb.children):
        return None
    return published.isoformat()[:7]


@dataclass
class DocContext:
    """What the patterns' candidates are resolved against, built once per document."""

    finder: ArgumentFinder
    quotes: QuoteIndex
    aliases: dict[str, set[str]]
    index: MentionIndex
    published: date | None
    races: RaceIndex


ORDINAL_DISTRICT = re.compile(r"\d+(?:st|nd|rd|th)\b", re.IGNORECASE)


def eligible(m: Mention, role: str) -> bool:
    """Can this mention fill a role? Parties may (as endorsers, or backed in an election);
    a lone capitalized word that matched no named entity may not (headline noise). `role` is
    "endorser" or "endorsee"."""
    kinds = ENDORSER_KINDS if role == "endorser" else ENDORSEE_KINDS
    if ORDINAL_DISTRICT.match(m.name):
        return False  # "21st Legislative District", "3rd Ward": a constituency, not an actor
    if m.name.split()[-1].lower() in GROUP_PLURALS and len(m.name.split()) <= 2:
        # "GOP Senators" is an unnamed group; "Lake Michigan Conservation Voters" is a name
        return False
    if m.kind == "unknown":
        return 2 <= len(m.name.split()) <= 5
    if m.kind == "place":
        # "Tamsin Okafor-Reyes" tagged GPE: a multi-word place in an argument slot of an
        # endorsement verb is far more often a mis-tagged name than a place that endorses
        # as an endorser only a hyphenated name: "Costa Rica" in a dateline endorses nobody
        if role == "endorser":
            # an acronym tagged as a place ("the NRA") is far more often a group
            return "-" in m.name or (m.name.isupper() and 3 <= len(m.name) <= 6)
        return "-" in m.name or 2 <= len(m.name.split()) <= 3
    if (
        m.kind in ("organization", "other", "product", "event")
        and role == "endorsee"
        and name_shaped(m.name)
    ):
        return True  # "voting for Marcus Hale": a person's name the model tagged ORG
    if m.kind in ("organization", "group") and m.kind not in kinds:
        return m.is_partyish and not m.is_party_members
    return m.kind in kinds


def _urger(cue: Token) -> list[Token]:
    """Who tells the voters: the subject of the saying verb above the cue ("Y said voters
    should not..."), else nobody named here (a quote's speaker is found later)."""
    for anc in cue.ancestors:
        if anc.lemma_.lower() in SAY_VERBS | URGE_VERBS:
            return [c for c in anc.children if c.dep_ == "nsubj" and c.lower_ != "you"]
    return []


def _no_longer(verb: Token) -> bool:
    """ "no longer supports X", "does not support X any longer"."""
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ == "longer":
            return any(g.lower_ in ("no", "any") for g in c.children) or (
                c.i > 0 and c.doc[c.i - 1].lower_ in ("no", "any")
            )
    return False


class RuleExtractor:
    """Dependency rules over spaCy's parse; see docs/extraction.md for the phenomena."""

    version = "endorsements.rules.v1"

    def __init__(self, nlp: Language, min_confidence: float = 0.0) -> None:
        self.nlp = nlp
        self.min_confidence = min_confidence
        #: When a list, candidates dropped and why are appended (for error analysis).
        self.trace: list[tuple[str, str, str]] | None = None

    def _drop(self, cand: Candidate, reason: str) -> None:
        if self.trace is not None:
            self.trace.append((cand.rule, cand.cue.sent.text.strip()[:120], reason))

    # -- public ---------------------------------------------------------------------------
    def extract(self, document: Document) -> Extraction:
        return Extraction(document, self.extract_doc(self.nlp(document.text), document.published))

    def pipe(
        self, documents: Iterable[Document], batch_size: int = 16, n_process: int = 1
    ) -> Iterator[Extraction]:
        docs = list(documents) if n_process > 1 else documents
        pairs = ((d.text, d) for d in docs)
        for parsed, document in self.nlp.pipe(
            pairs, as_tuples=True, batch_size=batch_size, n_process=n_process
        ):
            yield Extraction(document, self.extract_doc(parsed, document.published))

    def extract_doc(self, doc: Doc, published: date | None = None) -> list[Endorsement]:
        index = MentionIndex(doc)
        for tok in doc:
            if (
                tok.pos_ == "PROPN"
                and tok.i not in index.by_token
                and not (tok.dep_ in ("compound", "flat") and tok.head.pos_ == "PROPN")
            ):
                index.at(tok)
        promote_people(index.mentions, doc)
        aliases = cluster_mentions(index.mentions)
        index.resolver = lambda ms: aliases.update(cluster_mentions(ms))
        coref = Coref(index)
        quotes = QuoteIndex(doc)
        finder = ArgumentFinder(index, coref, quotes)
        names = {
            n
            for m in index.mentions
            if m.kind in ("person", "organization", "handle")
            for n in (m.name, m.canonical)
            if n
        }
        places = {
            re.sub(r"^(?:the|The)\s+|(?:'s|’s)$", "", e.text)
            for e in doc.ents
            if e.label_ in ("GPE", "LOC", "NORP")
        } - PARTY_ADJECTIVES
        races = RaceIndex(doc.text, names, places)
        ctx = DocContext(finder, quotes, aliases, index, published, races)
        found: dict[tuple[str, str, str], Endorsement] = {}
        for tok in doc:
            for pattern in PATTERNS:
                for cand in pattern(tok):
                    if cand.anchor is not None and cand.endorsers:
                        cand.endorsers = cand.endorsers + joined_by(cand.anchor)
                    for rec in self._records(cand, ctx):
                        key = rec.key()
                        if key not in found or found[key].confidence < rec.confidence:
                            found[key] = rec
        out = [r for r in found.values() if r.confidence >= self.min_confidence]
        out.sort(key=lambda r: r.evidence.start)
        return out

    # -- internals ------------------------------------------------------------------------
    def _records(self, cand: Candidate, ctx: DocContext) -> Iterator[Endorsement]:
        finder, quotes, aliases, index = ctx.finder, ctx.quotes, ctx.aliases, ctx.index
        published, races = ctx.published, ctx.races
        anchor = cand.anchor or cand.cue
        if cand.stance == "support" and _no_longer(anchor):
            # "he no longer supports X": support taken back
            cand = replace(cand, stance="withdraw", rule=cand.rule + "/no-longer")
        reason = blocking_reason(anchor, cand.cue)
        if reason == "negated" and cand.rule.endswith("/no-longer"):
            reason = None  # "does not support X any longer" asserts the withdrawal
        if reason and refusal_to_vote(cand):
            # "I can't vote for that man", "she will never vote for X": a stated refusal
            cand = replace(cand, stance="oppose", rule="refuse-vote", base=cand.base - 0.1)
            if cand.endorsers and all(
                t.lemma_.lower() in GENERIC_URGED or t.lower_ == "you" for t in cand.endorsers
            ):
                # "voters should not give X a single vote", said Y: Y urges the refusal
                cand = replace(cand, endorsers=_urger(cand.cue), rule="refuse-vote-urged")
        elif reason:
            self._drop(cand, reason)
            return
        # Resolve the role written as a name first, so a pronoun in the other role can avoid
        # it: "Fox ... endorsing him" -> "him" is not Fox.
        endorsee_pronoun = any(
            t.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in t.children)
            for t in cand.endorsees
        )  # "endorsed him", "endorsed her candidacy"
        endorsers: list[Arg] = []
        if endorsee_pronoun:
            # both pronouns: the subject's is bound more tightly (to the reporter of the
            # clause, or the last subject), and the object's must then avoid it
            endorsers = self._endorsers(cand, finder, quotes, set())
            if not endorsers:
                self._drop(cand, "no named endorser")
                return
        endorsees: list[Arg] = []
        first_avoid = {a.mention.canonical for a in endorsers}
        for t in cand.endorsees:
            args = finder.expand(t, first_avoid)
            if not args and non_election_object(t):
                self._drop(cand, f"object {t.text!r} is not a candidate")
                return
            endorsees.extend(args)
        endorsees = [
            a
            for a in endorsees
            # a party is an endorsee only when backed in an election ("urged voters to back
            # Labour"), not in "X has endorsed the party's plan"
            if a.mention.kind == "person"
            or a.mention.kind == "measure"
            or not a.mention.is_partyish
            or cand.rule in ("urge", "ballot")
            or ELECTION_WORDS.search(cand.cue.sent.text)
            if eligible(a.mention, "endorsee")
            and (a.mention.kind != "place" or cand.rule in VERBAL_RULES)
        ]
        if not endorsees and cand.rule == "ballot":
            m = index.nearest_measure(cand.cue)
            if m is not None:
                endorsees = [Arg(m, cand.cue, "description")]
        if not endorsees:
            self._drop(cand, "no named endorsee in " + repr([t.text for t in cand.endorsees]))
            return
        if not endorsers:
            avoid = {a.mention.canonical for a in endorsees}
            # "either A, whom he endorsed, or B": "he" is neither A nor A's coordinate
            for a in endorsees:
                head = a.token.doc[a.mention.end - 1]
                for sib in (*head.conjuncts, head.head if head.dep_ == "conj" else head):
                    m = index.by_token.get(sib.i)
                    if m is not None:
                        avoid.add(m.canonical)
            endorsers = self._endorsers(cand, finder, quotes, avoid)
            if not endorsers:
                self._drop(cand, "no named endorser in " + repr([t.text for t in cand.endorsers]))
        sent = cand.cue.sent
        if (
            len(endorsers) > 1
            and len(endorsers) == len(endorsees)
            and any(t.lower_ == "respectively" for t in sent)
        ):
            pairs = list(zip(endorsers, endorsees, strict=True))
        else:
            pairs = [(er, ee) for er in endorsers for ee in endorsees]
        for er, ee in pairs:
            if er.mention.canonical == ee.mention.canonical or not (
                er.mention.canonical.strip() and ee.mention.canonical.strip()
            ):
                continue
            conf = cand.base - VIA_PENALTY.get(er.via, 0.1) - VIA_PENALTY.get(ee.via, 0.1)
            if er.via in INDIRECT and ee.via in INDIRECT:
                conf -= 0.15  # both sides guessed: "he told the crowd he had voted for her"
            if er.mention.kind in ("unknown", "place"):
                conf -= 0.08
            if ee.mention.kind in ("unknown", "place"):
                conf -= 0.05
            evidence = self._evidence(cand, er, ee)
            yield Endorsement(
                endorser=er.mention.canonical,
                endorsee=ee.mention.canonical,
                stance=cand.stance,
                kind=cand.kind,
                evidence=evidence,
                race=races.race_for(sent.text, sent.start_char),
                date=date_of(sent, cand.cue, published)
                or post_date(cand.cue, published)
                or news_month(cand, published),
                confidence=max(0.05, min(0.99, conf)),
                endorser_type=endorser_type(
                    er.mention.canonical,
                    # "he"/"she" for it in the text outweighs the tagger's ORG
                    "person" if er.mention.canonical in finder.coref.gender else er.mention.kind,
                    er.mention.descriptors,
                ),
                endorser_aliases=sorted(aliases.get(er.mention.canonical, set())),
                endorsee_aliases=sorted(aliases.get(ee.mention.canonical, set())),
                endorser_attrs=dict(er.mention.attrs),
                endorsee_attrs=dict(ee.mention.attrs),
                rule=f"{cand.rule}/{er.via}+{ee.via}",
            )

    def _endorsers(
        self, cand: Candidate, finder: ArgumentFinder, quotes: QuoteIndex, avoid: set[str]
    ) -> list[Arg]:
        endorsers: list[Arg] = []
        for t in cand.endorsers:
            endorsers.extend(finder.expand(t, avoid))
        if not any(eligible(a.mention, "endorser") for a in endorsers):
            for t in cand.fallback_endorsers:
                endorsers.extend(finder.expand(t, avoid))
        if not cand.endorsers and (
            cand.rule in ("imperative", "never", "ballot", "merit", "vote-out", "refuse-vote-urged")
            or (cand.rule in ("active", "verdict") and quotes.inside(cand.cue) is not None)
        ):  # "Proud to endorse Greg Tate." in a post: the poster endorses
            spk = quotes.speaker_for(cand.cue)
            if spk is not None:
                endorsers = [
                    Arg(a.mention, a.token, "speaker") for a in finder.speakers(spk, avoid)
                ]
            elif quotes.inside(cand.cue) is None:
                # "Vote no." in an editorial: the publication recommends
                author = finder.index.publication()
                if author is not None:
                    endorsers = [Arg(author, cand.cue, "speaker")]
        return [a for a in endorsers if eligible(a.mention, "endorser")]

    def _evidence(self, cand: Candidate, er: Arg, ee: Arg) -> Span:
        doc = cand.cue.doc
        sent = cand.cue.sent
        toks: list[Token] = [cand.cue, ee.token]
        if er.token.sent == sent:
            toks.append(er.token)
        m = er.mention
        if sent.start <= m.start < sent.end and er.via in ("name", "list"):
            toks.extend([doc[m.start], doc[min(m.end, sent.end) - 1]])
        m = ee.mention
        if sent.start <= m.start < sent.end:
            toks.extend([doc[m.start], doc[m.end - 1]])
        start = min(t.i for t in toks)
        end = max(t.i for t in toks) + 1
        if end - start > MAX_EVIDENCE_TOKENS:
            start, end = min(cand.cue.i, ee.token.i), max(cand.cue.i, ee.token.i) + 1
        span = doc[start:end]
        return Span(span.text, span.start_char, span.end_char)


@register("endorsements.rules.v1")
def make_rule_extractor(model: str, min_confidence: float = 0.0) -> RuleExtractor:
    return RuleExtractor(load_model(model), min_confidence)
